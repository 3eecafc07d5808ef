"""cxlab.io.read_survey: encodings, Qualtrics and 问卷星 layouts, xlsx, SPSS .sav."""

from __future__ import annotations

import hashlib

import pandas as pd
import pyreadstat
import pytest

import cxlab as cx
from cxlab.errors import DataError
from cxlab.io import decode, read_survey

WJX = cx.datasets.example_file("wjx_hotel_gbk.csv")
QUALTRICS = cx.datasets.example_file("qualtrics_retail.csv")
QUALTRICS_CB = cx.datasets.example_file("qualtrics_retail_codebook.csv")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_gbk_wjx_export_reads_without_naming_the_encoding():
    raw = WJX.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is GBK, not UTF-8
    survey = read_survey(WJX)
    assert survey.meta["encoding"] == "gb18030" and survey.meta["layout"] == "wjx"
    assert survey.data.shape == (30, 13)
    assert survey.id_column == "序号"
    cb = survey.codebook.set_index("name")
    assert cb.loc["q2_3", "label_zh"] == "2、请评价以下方面—早餐"
    assert cb.loc["q1", "label_zh"] == "1、您对本次入住的总体满意度"
    # option text -> codes on the 5-point satisfaction scale
    assert cb.loc["q2_1", "labels"] == {
        1: "非常不满意",
        2: "不满意",
        3: "一般",
        4: "满意",
        5: "非常满意",
    }
    assert (cb.loc["q2_1", "scale_min"], cb.loc["q2_1", "scale_max"]) == (1, 5)
    text = pd.read_csv(WJX, encoding="gbk")
    expected = text["1、您对本次入住的总体满意度"].map(
        {"一般": 3, "满意": 4, "非常满意": 5, "不满意": 2}
    )
    assert survey.data["q1"].tolist() == expected.tolist()
    assert survey.data["q2_3"].isna().sum() == 1  # respondent 9 skipped breakfast
    assert survey.data["q3"].between(0, 10).all()


def test_ambiguous_option_text_is_said_out_loud():
    survey = read_survey(WJX)
    # q1's answers (一般 / 满意 / 非常满意) exist on the 5- and the 7-point scale alike
    assert any(
        w.startswith("q1:") and "more than one rating scale" in w for w in survey.meta["warnings"]
    )


def test_qualtrics_three_header_rows(tmp_path):
    survey = read_survey(QUALTRICS)
    assert survey.meta["layout"] == "qualtrics" and survey.meta["encoding"] == "utf-8-sig"
    assert len(survey.data) == 41  # 40 responses, one submitted twice
    assert survey.id_column == "ResponseId"
    assert not survey.data.astype(str).apply(lambda c: c.str.contains("ImportId")).any(axis=None)
    label = survey.codebook.set_index("name").loc["Q1_3", "label_en"]
    assert label.endswith("Store staff know what I ordered online")
    assert str(survey.data["Q1_1"].dtype) == "Int64"


def test_codebook_given_wins_over_inferred():
    survey = read_survey(QUALTRICS, QUALTRICS_CB)
    cb = survey.codebook.set_index("name")
    assert cb.loc["Q4_4", "reverse"] and cb.loc["Q1_1", "construct"] == "Channel consistency"
    assert cb.loc["Q1_1", "scale_max"] == 7 and cb.loc["Q5", "scale_max"] == 10
    assert "Duration (in seconds)" in set(cb.index)  # columns the codebook omits still listed


def test_source_files_are_never_changed():
    before = {p: sha(p) for p in (WJX, QUALTRICS, QUALTRICS_CB)}
    survey = read_survey(QUALTRICS, QUALTRICS_CB)
    survey.validate()
    survey.reverse_code()
    survey.anonymise("pepper-2026")
    with pytest.raises(DataError, match="Refusing to overwrite"):
        survey.export(QUALTRICS)
    assert {p: sha(p) for p in before} == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_every_common_encoding_is_detected(tmp_path, encoding):
    df = pd.DataFrame({"编号": [1, 2], "满意度": [5, 4], "评论": ["房间很干净", "早餐一般"]})
    path = tmp_path / f"survey_{encoding}.csv"
    path.write_bytes(df.to_csv(index=False).encode(encoding))
    survey = read_survey(path)
    assert survey.data["评论"].tolist() == ["房间很干净", "早餐一般"]
    assert survey.data["满意度"].tolist() == [5, 4]


def test_undecodable_file_lists_the_encodings_tried(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"q1,q2\n\x81\x20\xff\xfe\x00,3\n")
    with pytest.raises(DataError) as info:
        read_survey(path)
    message = str(info.value)
    assert "broken.csv" in message and "UTF-8" in message and "GB18030" in message
    assert "encoding=" in message


def test_decode_with_wrong_explicit_encoding():
    with pytest.raises(DataError, match="cannot be read as utf-8"):
        decode("满意".encode("gbk"), "x.csv", encoding="utf-8")


def test_xlsx_export_of_wjx_and_of_qualtrics(tmp_path):
    text = pd.read_csv(WJX, encoding="gbk", dtype=str, keep_default_na=False)
    path = tmp_path / "wjx.xlsx"
    text.to_excel(path, index=False)
    survey = read_survey(path)
    assert survey.meta["layout"] == "wjx"
    pd.testing.assert_series_equal(
        survey.data["q2_2"], read_survey(WJX).data["q2_2"], check_dtype=False
    )
    raw = pd.read_csv(QUALTRICS, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    qpath = tmp_path / "qualtrics.xlsx"
    raw.to_excel(qpath, index=False)
    assert read_survey(qpath).meta["layout"] == "qualtrics"
    assert len(read_survey(qpath).data) == 41


def test_spss_value_labels_become_the_codebook(tmp_path):
    df = pd.DataFrame({"id": [1.0, 2.0, 3.0], "sat": [1.0, 5.0, 4.0], "city": [1.0, 2.0, 1.0]})
    path = tmp_path / "hotel.sav"
    pyreadstat.write_sav(
        df,
        str(path),
        column_labels=["Respondent", "总体满意度", "City"],
        variable_value_labels={
            "sat": {1.0: "非常不满意", 2.0: "不满意", 3.0: "一般", 4.0: "满意", 5.0: "非常满意"},
            "city": {1.0: "Shanghai", 2.0: "Beijing"},
        },
    )
    survey = read_survey(path)
    cb = survey.codebook.set_index("name")
    assert survey.meta["layout"] == "spss"
    assert cb.loc["sat", "label_zh"] == "总体满意度" and cb.loc["id", "label_en"] == "Respondent"
    assert (cb.loc["sat", "scale_min"], cb.loc["sat", "scale_max"]) == (1, 5)
    assert cb.loc["sat", "labels"][5] == "非常满意"
    assert survey.data["sat"].tolist() == [1, 5, 4]
    assert survey.id_column == "id"


def test_wjx_parenthesised_matrix_headers(tmp_path):
    df = pd.DataFrame(
        {
            "序号": [1, 2, 3],
            "所用时间": ["100秒", "2分30秒", "90秒"],
            "1(客房)": ["完全同意", "同意", "有点同意"],
            "1(服务)": ["同意", "中立", "完全同意"],
            "2、您的年龄": ["18-25", "26-35", "36-45"],
        }
    )
    path = tmp_path / "wjx.csv"
    path.write_bytes(df.to_csv(index=False).encode("gbk"))
    survey = read_survey(path)
    assert list(survey.data.columns) == ["序号", "所用时间", "q1_1", "q1_2", "q2"]
    # 有点同意 and 完全同意 exist only on the 7-point agreement scale (1 完全不同意 … 7 完全同意)
    assert survey.data["q1_1"].tolist() == [7, 6, 5]
    assert survey.data["q1_2"].tolist() == [6, 4, 7]
    assert survey.codebook.set_index("name").loc["q1_1", "scale_max"] == 7
    assert survey.data["q2"].tolist() == ["18-25", "26-35", "36-45"]


def test_codebook_value_labels_map_option_text(tmp_path):
    path = tmp_path / "custom.csv"
    pd.DataFrame({"id": [1, 2], "ease": ["Hard", "Effortless"]}).to_csv(path, index=False)
    cb = pd.DataFrame(
        {
            "name": ["ease"],
            "scale_min": [1],
            "scale_max": [3],
            "labels": [{1: "Hard", 2: "OK", 3: "Effortless"}],
        }
    )
    assert read_survey(path, cb).data["ease"].tolist() == [1, 3]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "Survey file not found"),
        ("survey.json", b"{}", "reads .csv"),
        ("empty.csv", b"", "cannot be parsed"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        read_survey(path)


def test_fixtures_regenerate_byte_for_byte(root, tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "fixtures_script", root / "datasets/make/fixtures.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    for name in ("wjx_hotel_gbk.csv", "qualtrics_retail.csv", "qualtrics_retail_codebook.csv"):
        assert (tmp_path / name).read_bytes() == cx.datasets.example_file(name).read_bytes(), name


@pytest.mark.parametrize("module", ["cxlab.survey", "cxlab.io", "cxlab.io.codebook"])
def test_survey_and_io_import_first_in_a_fresh_interpreter(module):
    """survey imports cxlab.io.codebook, whose package imports survey only when reading."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
