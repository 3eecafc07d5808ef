"""Exercises of lesson 00 (start here): how answers are checked."""

from __future__ import annotations

from cxlab.exercises.registry import Exercise, register


def _ecsi_rows() -> int:
    from cxlab import datasets

    return len(datasets.load("ecsi_mobile"))


def _ecsi_cusa1_mean() -> float:
    from cxlab import datasets

    return float(datasets.load("ecsi_mobile")["CUSA1"].mean())


register(
    Exercise(
        id="00.sum",
        prompt="What is 3 + 4 + 5?",
        solution=lambda: 12,
        wrong=lambda: 11,
        hint="Add the three numbers; Python can do it for you: 3 + 4 + 5.",
        explanation="3 + 4 + 5 = 12.",
        prompt_zh="3 + 4 + 5 等于多少？",
        hint_zh="把三个数相加；Python 可以替你算：3 + 4 + 5。",
        explanation_zh="3 + 4 + 5 = 12。",
    )
)

register(
    Exercise(
        id="00.rows",
        prompt="How many respondents (rows) does the ecsi_mobile survey have?",
        solution=_ecsi_rows,
        wrong=lambda: 24,
        hint="len(df) or df.shape[0] counts rows; df.shape[1] counts columns (items).",
        explanation="Each row is one respondent; each of the 24 columns is one item.",
        prompt_zh="ecsi_mobile 调查共有多少位受访者（行数）？",
        hint_zh="len(df) 或 df.shape[0] 统计行数；df.shape[1] 统计列数（题项数）。",
        explanation_zh="每一行是一位受访者；24 列中的每一列是一道题项。",
    )
)

register(
    Exercise(
        id="00.cusa1_mean",
        prompt="What is the mean of item CUSA1 (overall satisfaction, 1-10) in ecsi_mobile? "
        "Two decimals are enough.",
        solution=_ecsi_cusa1_mean,
        wrong=lambda: 7.13,
        tol=0.005,
        hint="Select the column with df['CUSA1'] and call .mean() on it.",
        explanation="Customers rate their overall satisfaction at about 8 out of 10.",
        prompt_zh="ecsi_mobile 中题项 CUSA1（总体满意度，1–10 分）的平均值是多少？保留两位小数即"
        "可。",
        hint_zh="用 df['CUSA1'] 选出这一列，再对它调用 .mean()。",
        explanation_zh="客户给总体满意度的打分平均约为 8 分（满分 10 分）。",
    )
)
