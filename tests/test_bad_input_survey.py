"""Bad survey inputs a new user meets (cxlab issue 16, part A): each one is read correctly
or refused with a message naming the file, column or row — never a silent wrong number."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pandas as pd
import pytest

import cxlab as cx
import cxlab.io._table as io_table
from cxlab.errors import DataError
from cxlab.io import decode, read_survey
from cxlab.privacy import PHONE, redact
from cxlab.survey import normalise_codebook

WJX = cx.datasets.example_file("wjx_hotel_gbk.csv")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# 1 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("header_comma", [False, True])
def test_trailing_comma_on_every_row_keeps_columns_in_place(tmp_path, header_comma):
    header = "id,q1,q2" + ("," if header_comma else "")
    path = write(tmp_path / "trailing.csv", header + "\n1,5,4,\n2,3,2,\n3,7,6,\n")
    survey = read_survey(path)
    assert list(survey.data.columns) == ["id", "q1", "q2"]
    assert survey.data["id"].tolist() == [1, 2, 3]
    assert survey.data["q2"].tolist() == [4, 2, 6]
    assert survey.data.index.tolist() == [0, 1, 2]
    # a real value beyond the header is refused, naming the file and the line
    bad = write(tmp_path / "extra.csv", "id,q1,q2\n1,5,4,\n2,3,2,9\n")
    with pytest.raises(DataError, match=r"extra\.csv: line 3 has more fields than the header"):
        read_survey(bad)


# 2 ------------------------------------------------------------------------------------
def test_codebook_reverse_spellings(tmp_path):
    truthy = ["1", "1.0", "TRUE", " yes ", "Y", "t", "是", "反向", "x", "✓"]
    falsy = ["0", "0.0", "false", "No", "n", "F", "否", "", None]
    cb = pd.DataFrame({"name": [f"v{i}" for i in range(19)], "reverse": truthy + falsy})
    assert normalise_codebook(cb)["reverse"].tolist() == [True] * 10 + [False] * 9
    # 1 with blanks elsewhere, as read from a CSV file (1.0 and NaN)
    path = write(tmp_path / "cb.csv", "name,reverse\nq1,1\nq2,\nq3,\n")
    assert normalise_codebook(path)["reverse"].tolist() == [True, False, False]
    with pytest.raises(DataError) as info:
        normalise_codebook(pd.DataFrame({"name": ["q1", "q7"], "reverse": ["no", "maybe"]}))
    message = str(info.value)
    assert "row 2 (q7)" in message and "'maybe'" in message and "反向" in message


# 3 ------------------------------------------------------------------------------------
def test_utf16_without_bom_and_mixed_encodings(tmp_path):
    text = "编号,满意度,评论\n1,5,房间很干净\n2,4,早餐一般\n"
    for enc in ("utf-16-le", "utf-16-be"):
        survey = read_survey(write(tmp_path / f"{enc}.csv", text, enc))
        assert survey.meta["encoding"] == enc
        assert survey.data["评论"].tolist() == ["房间很干净", "早餐一般"]
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        "编号,满意度,评论\n1,5,房间很干净\n".encode() + "2,4,早餐一般\n".encode("gbk")
    )
    with pytest.raises(DataError) as info:
        read_survey(mixed)
    message = str(info.value)
    assert "mixed.csv" in message and "line 3" in message and "UTF-8" in message
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"q1,q2\n1,2\n3\x00\x01,4\n")
    with pytest.raises(DataError, match=r"binary\.csv line 3 contains a NUL byte"):
        read_survey(binary)
    with pytest.raises(DataError, match="line 2"):
        decode(b"a\n\x07b\n", "bell.csv")


# 4 ------------------------------------------------------------------------------------
def test_text_answers_use_the_codebooks_scale(tmp_path):
    answers = ["非常同意", "同意", "不同意", "非常不同意"]
    path = write(tmp_path / "agree.csv", "id,q1\n" + "".join(f"{i},{a}\n" for i, a in
                                                           enumerate(answers, 1)))  # fmt: skip
    seven = pd.DataFrame({"name": ["q1"], "scale_min": [1], "scale_max": [7]})
    # the 7-point agreement scale 非常不同意 … 非常同意 codes them 7, 6, 2, 1 (not 5, 4, 2, 1)
    scale7 = cx.io.RATING_SCALES[5]
    expected = [scale7.index(a) + 1 for a in answers]
    assert expected == [7, 6, 2, 1]
    assert read_survey(path, seven).data["q1"].tolist() == expected
    # labels in the codebook win
    labelled = seven.assign(labels=["1=非常不同意; 2=不同意; 6=同意; 7=非常同意"])
    assert read_survey(path, labelled).data["q1"].tolist() == [7, 6, 2, 1]
    # a scale no known option list of that length fits is refused
    ten = pd.DataFrame({"name": ["q1"], "scale_min": [0], "scale_max": [10]})
    with pytest.raises(DataError) as info:
        read_survey(path, ten)
    message = str(info.value)
    assert "q1" in message and "非常同意" in message and "0–10" in message
    assert "labels" in message


# 5 ------------------------------------------------------------------------------------
def test_wjx_summary_row_is_dropped_with_a_warning(tmp_path):
    frame = pd.read_csv(WJX, encoding="gbk", dtype=str, keep_default_na=False)
    summary = {c: "" for c in frame.columns} | {"序号": "平均分", "所用时间": ""}
    path = tmp_path / "wjx_with_mean.csv"
    pd.concat([frame, pd.DataFrame([summary])]).to_csv(path, index=False, encoding="gbk")
    with pytest.warns(UserWarning, match=r"row 31 of the data \(line 32 of the file, '平均分'"):
        survey = read_survey(path)
    assert len(survey.data) == 30
    assert "平均分" not in survey.data["序号"].astype(str).tolist()
    total = write(tmp_path / "total.csv", "id,q1\n1,5\n2,3\nTotal,8\n")
    with pytest.warns(UserWarning, match="'Total' in column 'id'"):
        assert read_survey(total).data["q1"].tolist() == [5, 3]


# 6 ------------------------------------------------------------------------------------
def test_duplicated_column_names_are_refused(tmp_path):
    path = write(tmp_path / "dup.csv", "id,q1,q2,q1\n1,5,4,3\n")
    with pytest.raises(DataError) as info:
        read_survey(path)
    message = str(info.value)
    assert "dup.csv" in message and "'q1' in columns 2, 4" in message
    xlsx = tmp_path / "dup.xlsx"
    pd.DataFrame([["id", "q1", "q1"], [1, 5, 4]]).to_excel(xlsx, index=False, header=False)
    with pytest.raises(DataError, match=r"'q1' in columns 2, 3"):
        read_survey(xlsx)


# 7 ------------------------------------------------------------------------------------
def test_codebook_scale_written_as_text(tmp_path):
    spellings = ["1-7", "1–7", "1 to 7", "1~7", "1 - 7", "1至7"]
    cb = pd.DataFrame({"name": [f"q{i}" for i in range(6)], "scale": spellings})
    parsed = normalise_codebook(cb)
    assert parsed["scale_min"].tolist() == [1.0] * 6
    assert parsed["scale_max"].tolist() == [7.0] * 6
    as_min_max = normalise_codebook(
        pd.DataFrame({"name": ["q1"], "scale_min": ["1"], "scale_max": ["1–7"]})
    )
    assert as_min_max[["scale_min", "scale_max"]].values.tolist() == [[1.0, 7.0]]
    # the item is range-checked again
    data = pd.DataFrame({"q1": [1, 9]})
    report = cx.survey.Survey(data, pd.DataFrame({"name": ["q1"], "scale": ["1 to 7"]})).validate()
    assert "out of range" in report.errors["check"].tolist()
    with pytest.raises(DataError, match=r"row 2 \(q2\): scale_max = 'seven'"):
        normalise_codebook(
            pd.DataFrame({"name": ["q1", "q2"], "scale_min": [1, 1], "scale_max": [7, "seven"]})
        )


# 8 ------------------------------------------------------------------------------------
def test_variable_listed_twice_in_codebook(tmp_path):
    cb = pd.DataFrame({"name": ["q1", "q2", "q1"], "scale_min": [1, 1, 1], "scale_max": [5, 5, 7]})
    with pytest.raises(DataError, match=r"'q1' in rows 1, 3"):
        normalise_codebook(cb)
    path = write(tmp_path / "survey.csv", "id,q1,q2\n1,5,4\n")
    with pytest.raises(DataError, match="more than once"):
        read_survey(path, cb)


# 9 ------------------------------------------------------------------------------------
def test_header_only_file_is_refused(tmp_path):
    path = write(tmp_path / "header_only.csv", "id,q1,q2\n")
    with pytest.raises(DataError, match=r"header_only\.csv has a header but no rows"):
        read_survey(path)
    qualtrics = write(
        tmp_path / "qualtrics_empty.csv",
        'ResponseId,Q1\nResponse ID,How satisfied?\n{"ImportId":"_recordId"},{"ImportId":"QID1"}\n',
    )
    with pytest.raises(DataError, match="has a header but no rows"):
        read_survey(qualtrics)


# 10 -----------------------------------------------------------------------------------
def test_truncated_xlsx_and_unreadable_file(tmp_path, monkeypatch):
    full = tmp_path / "full.xlsx"
    pd.DataFrame({"id": [1, 2], "q1": [5, 4]}).to_excel(full, index=False)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(full.read_bytes()[:500])
    with pytest.raises(DataError, match=r"cut\.xlsx is not a complete Excel workbook"):
        read_survey(cut)
    locked = write(tmp_path / "locked.csv", "id,q1\n1,5\n")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads anything: simulate the refusal
        real_open = Path.open

        def deny(self, *args, **kwargs):
            if self.name == "locked.csv":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", deny)
    try:
        with pytest.raises(DataError, match=r"locked\.csv cannot be opened: permission denied"):
            read_survey(locked)
    finally:
        locked.chmod(0o644)


# 11 -----------------------------------------------------------------------------------
def test_gbk_and_binary_codebooks(tmp_path):
    cb = tmp_path / "codebook_gbk.csv"
    cb.write_bytes(
        "name,label_zh,scale_min,scale_max,reverse\nq1,总体满意度,1,5,否\n".encode("gbk")
    )
    parsed = normalise_codebook(cb)
    assert parsed.loc[0, "label_zh"] == "总体满意度" and parsed.loc[0, "scale_max"] == 5
    survey = read_survey(write(tmp_path / "s.csv", "id,q1\n1,5\n"), cb)
    assert survey.codebook.set_index("name").loc["q1", "label_zh"] == "总体满意度"
    binary = tmp_path / "codebook.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DataError, match=r"Codebook .*codebook\.csv"):
        normalise_codebook(binary)


# 12 -----------------------------------------------------------------------------------
def test_anonymise_redacts_chinese_mobile_formats():
    formats = [
        "138-1234-5678",
        "138 1234 5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "(+86)13812345678",
        "13812345678",  # already redacted before
        "(555) 123-4567",
    ]
    texts = pd.Series([f"请联系 {f} 谢谢" for f in formats])
    assert redact(texts).tolist() == ["请联系 [phone] 谢谢"] * len(formats)
    survey = cx.survey.Survey(pd.DataFrame({"id": [1, 2], "comment": texts[:2].tolist()}))
    out = survey.anonymise("pepper-2026")
    assert not out.data["comment"].str.contains(r"\d{4}").any()
    # linear time on long runs of digits, spaces and dashes (no catastrophic backtracking)
    start = time.perf_counter()
    for bad in ("1 " * 20_000, "1-" * 20_000, "+86 " * 10_000, "(+8" * 10_000):
        PHONE.sub("", bad)
    assert time.perf_counter() - start < 2
    assert re.fullmatch(PHONE.pattern, "price 1380 yuan") is None


# 13 -----------------------------------------------------------------------------------
def test_large_csv_is_parsed_in_chunks_like_a_small_one(tmp_path, monkeypatch):
    rows = "".join(f"R{i},{i % 7 + 1},{'满意' if i % 3 else '一般'},{'' if i % 5 else 'x'}\n"
                   for i in range(500))  # fmt: skip
    path = write(tmp_path / "big.csv", "id,q1,q2,note\n" + rows, "gbk")
    whole = read_survey(path)
    calls = []
    real = io_table._parse

    def spy(*args):
        calls.append(args[-1])
        return real(*args)

    monkeypatch.setattr(io_table, "_parse", spy)
    monkeypatch.setattr(io_table, "CHUNK_BYTES", 1000)
    monkeypatch.setattr(io_table, "CHUNK_ROWS", 64)
    chunked = read_survey(path)
    assert calls == [True]  # the chunked path was taken
    pd.testing.assert_frame_equal(chunked.data, whole.data)
    assert chunked.meta["encoding"] == whole.meta["encoding"] == "gb18030"
    assert whole.data["q2"].tolist()[:3] == [3, 4, 4]


def test_negative_number_in_a_text_column_is_exported_as_written(tmp_path):
    """'-5' among text answers is a number to a spreadsheet, not a formula: no quote."""
    from cxlab.survey import Survey

    data = pd.DataFrame({"id": ["a", "b", "c"], "note": ["-5", "=HYPERLINK(1)", "fine"]})
    out = Survey(data).export(tmp_path / "out.csv")
    back = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert back["note"].tolist() == ["-5", "'=HYPERLINK(1)", "fine"]
