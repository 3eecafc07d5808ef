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
        worked="Add the three numbers in a code cell: `3 + 4 + 5` gives 12.",
        worked_zh="在代码单元格里把三个数相加：`3 + 4 + 5` 得 12。",
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
        worked="Load the survey and count its rows:\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nlen(df)  # 250 respondents\n```\n\n'
        "`df.shape` gives (rows, columns) = (250, 24): 24 is the number of items, not of people.",
        worked_zh="载入调查数据，数一数行数：\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nlen(df)  # 250 位受访者\n```\n\n'
        "`df.shape` 给出（行数，列数）=（250, 24）：24 是题项的个数，不是人数。",
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
        worked="Select the column and average it:\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nround(df["CUSA1"].mean(), 2)\n```\n\n'
        "The mean of the 250 answers is 7.99 — about 8 on the 1–10 scale.",
        worked_zh="选出这一列，求平均值：\n\n"
        '```python\ndf = cx.datasets.load("ecsi_mobile")\nround(df["CUSA1"].mean(), 2)\n```\n\n'
        "250 个答案的平均值是 7.99，在 1–10 分的量表上约为 8 分。",
    )
)
