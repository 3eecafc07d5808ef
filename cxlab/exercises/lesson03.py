"""Exercises of lesson 03: survey data from raw export to clean, documented dataset."""

from __future__ import annotations

from cxlab.exercises.registry import Exercise, register


def _qualtrics():
    from cxlab import datasets, io

    return io.read_survey(
        datasets.example_file("qualtrics_retail.csv"),
        datasets.example_file("qualtrics_retail_codebook.csv"),
    )


def _out_of_range() -> int:
    problems = _qualtrics().validate().problems
    return int(problems.loc[problems["check"] == "out of range", "count"].sum())


def _duplicate() -> str:
    data = _qualtrics().data
    return str(data.loc[data["ResponseId"].duplicated(), "ResponseId"].iloc[0])


def _retail():
    from cxlab import datasets
    from cxlab.survey import Survey

    return Survey(datasets.load("retail_omnichannel"), datasets.codebook("retail_omnichannel"))


def _all_three_flags() -> int:
    return int((_retail().careless()["n_flags"] == 3).sum())


def _complete_share() -> float:
    return 100 * _retail().missing_report().totals["complete_share"]


register(
    Exercise(
        id="03.out_of_range",
        prompt="How many answers in the Qualtrics export lie outside their item's scale?",
        solution=_out_of_range,
        wrong=lambda: 1,
        hint="Read it with its codebook, then look at survey.validate().",
        explanation="Two answers of 8 on Q1_2, a 1–7 item: a data-entry or scale-coding error "
        "to set to missing (and report), never to analyse.",
    )
)

register(
    Exercise(
        id="03.duplicate_id",
        prompt="Which ResponseId appears twice in the Qualtrics export?",
        kind="text",
        solution=_duplicate,
        wrong=lambda: "R_0013",
        hint="The validation report's 'duplicate id' row, or data['ResponseId'].duplicated().",
        explanation="R_0012 was submitted twice (same answers, later start): keep the first "
        "submission and say so in the write-up.",
    )
)

register(
    Exercise(
        id="03.reverse",
        prompt="A respondent answered 2 to the reverse-keyed Q4_4 on 1–7. Its reverse-coded value?",
        solution=lambda: 1 + 7 - 2,
        wrong=lambda: -2,
        hint="Reverse-coded value = scale minimum + scale maximum − answer.",
        explanation="1 + 7 − 2 = 6: disagreeing that you will switch is loyalty.",
    )
)

register(
    Exercise(
        id="03.all_flags",
        prompt="In retail_omnichannel, how many respondents raise all three careless flags?",
        solution=_all_three_flags,
        wrong=lambda: 60,
        hint="Survey(data, codebook).careless() and count n_flags == 3.",
        explanation="36 respondents are straight, invariant and fast at once: the usual "
        "shortlist. A single flag (e.g. 24 honest, very satisfied customers answering 7 "
        "throughout) is not enough to remove anyone.",
    )
)

register(
    Exercise(
        id="03.complete",
        prompt="What percentage of retail_omnichannel respondents answered every rating item?",
        solution=_complete_share,
        wrong=lambda: 98.5,
        tol=0.1,
        hint="survey.missing_report().totals['complete_share'] (a share; times 100).",
        explanation="Only about 80 %: 1.5 % missing answers spread over 15 items leave one "
        "respondent in five incomplete, which is why listwise deletion wastes data.",
    )
)
