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
    )
)
