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


#: a ResponseId typed without its underscore, or with 受访者 / 编号 in front → the id
RESPONSE_ID_WORDS = {
    form.format(rid): rid
    for rid in (f"R_{i:04d}" for i in range(1, 100))
    for form in ("{}", "受访者{}", "受访者 {}", "编号{}", "编号 {}")
} | {f"R{i:04d}": f"R_{i:04d}" for i in range(1, 100)}


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
        prompt_zh="Qualtrics 导出文件中，有多少个答案超出了所在题项的量表范围？",
        hint_zh="连同编码手册一起读入，再看 survey.validate()。",
        explanation_zh="Q1_2 是 1–7 分的题项，却有两个答案是 8：这是录入错误或量表编码错误，应设"
        "为缺失值（并加以报告），绝不能拿来分析。",
        worked="Section 2 read the export with its codebook and validated it; the row "
        "'out of range' of the problems table counts the answers outside their scale:\n\n"
        "```python\n"
        "problems = report.problems  # report = retail_raw.validate()\n"
        'problems.loc[problems["check"] == "out of range", "count"].sum()  # 2\n'
        "```\n\n"
        "2 answers of 8 on Q1_2, a 1–7 item (respondents R_0007 and R_0031). Count the "
        "answers, not the columns: both sit in the one column Q1_2.",
        worked_zh="第 2 节连同编码手册读入导出文件并做了校验；问题表中 'out of range'（超出范围）"
        "一行统计的就是超出量表范围的答案个数：\n\n"
        "```python\n"
        "problems = report.problems  # report = retail_raw.validate()\n"
        'problems.loc[problems["check"] == "out of range", "count"].sum()  # 2\n'
        "```\n\n"
        "共 2 个答案：Q1_2 是 1–7 分的题项，受访者 R_0007 和 R_0031 却都答了 8。要数的是答案"
        "的个数，而不是列数：这两个答案都在 Q1_2 这一列里。",
    )
)

register(
    Exercise(
        id="03.duplicate_id",
        prompt="Which ResponseId appears twice in the Qualtrics export?",
        kind="text",
        synonyms=RESPONSE_ID_WORDS,
        solution=_duplicate,
        wrong=lambda: "R_0013",
        hint="The validation report's 'duplicate id' row, or data['ResponseId'].duplicated().",
        explanation="R_0012 was submitted twice (same answers, later start): keep the first "
        "submission and say so in the write-up.",
        prompt_zh="Qualtrics 导出文件中，哪个 ResponseId 出现了两次？",
        hint_zh="看校验报告中的 'duplicate id' 一行，或者 data['ResponseId'].duplicated()。",
        explanation_zh="R_0012 提交了两次（答案相同，开始时间较晚）：保留第一次提交，并在报告中说"
        "明。",
        worked="The validation report names the id ('ResponseId: 1 id used more than once "
        "(R_0012) in 2 rows'); pandas finds it too:\n\n"
        "```python\n"
        'ids = retail_raw.data["ResponseId"]\n'
        "ids[ids.duplicated()].iloc[0]  # 'R_0012'\n"
        "```\n\n"
        "R_0012 was submitted twice; section 2 keeps the first submission "
        '(`drop_duplicates("ResponseId", keep="first")`). The second copy has the row label '
        "13 in the DataFrame: a position, not the id R_0013.",
        worked_zh="校验报告已经点出了这个编号（'ResponseId: 1 id used more than once (R_0012) in "
        "2 rows'）；用 pandas 也能找到它：\n\n"
        "```python\n"
        'ids = retail_raw.data["ResponseId"]\n'
        "ids[ids.duplicated()].iloc[0]  # 'R_0012'\n"
        "```\n\n"
        "R_0012 提交了两次；第 2 节保留第一次提交"
        '（`drop_duplicates("ResponseId", keep="first")`）。第二份答卷在数据框中的行标签是 13：'
        "那是位置，不是编号 R_0013。",
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
        prompt_zh="一位受访者在反向题 Q4_4（1–7 分）上答了 2。反向计分后的值是多少？",
        hint_zh="反向计分后的值 = 量表最小值 + 量表最大值 − 原答案。",
        explanation_zh="1 + 7 − 2 = 6：不同意“我会转到别家”，就是忠诚。",
        worked="Reverse coding mirrors an answer on its scale: minimum + maximum − answer. "
        "The codebook gives Q4_4's scale:\n\n"
        "```python\n"
        'q4_4 = retail_raw.codebook.set_index("name").loc["Q4_4"]\n'
        'q4_4["scale_min"] + q4_4["scale_max"] - 2  # 1 + 7 - 2 = 6\n'
        "```\n\n"
        "6: a 2 (disagreeing that you will switch) becomes a loyal 6. Not −2: reversing "
        "mirrors the answer on the scale, it does not flip its sign.",
        worked_zh="反向计分就是把答案在量表上翻转过来：最小值 + 最大值 − 原答案。Q4_4 的量表范围"
        "写在编码手册里：\n\n"
        "```python\n"
        'q4_4 = retail_raw.codebook.set_index("name").loc["Q4_4"]\n'
        'q4_4["scale_min"] + q4_4["scale_max"] - 2  # 1 + 7 - 2 = 6\n'
        "```\n\n"
        "结果是 6：答 2（不同意“我会转到别家”）变成了忠诚的 6。不是 −2：反向计分是把答案在量表"
        "上翻转，而不是改变它的正负号。",
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
        prompt_zh="在 retail_omnichannel 中，有多少位受访者同时触发了全部三个不认真作答标记？",
        hint_zh="Survey(data, codebook).careless()，再统计 n_flags == 3 的人数。",
        explanation_zh="36 位受访者同时是直线作答、答案毫无变化而且答得过快：这就是通常的候选名"
        "单。只有一个标记（例如 24 位诚实而非常满意的客户每题都答 7）不足以删除任何人。",
        worked="Section 5 computed the three flags on the 14 items of the 1–7 battery; "
        "`n_flags` counts how many each respondent raises:\n\n"
        "```python\n"
        "flags = survey.careless()\n"
        'int((flags["n_flags"] == 3).sum())  # 36\n'
        "```\n\n"
        "36 respondents raise all three — the shortlist to look at, not to delete "
        "unseen. Not 60: that is how many raise the long-string flag (or the fast flag) "
        "alone.",
        worked_zh="第 5 节在 1–7 分题组的 14 个题项上计算了三个标记；`n_flags` 是每位受访者触发的"
        "标记个数：\n\n"
        "```python\n"
        "flags = survey.careless()\n"
        'int((flags["n_flags"] == 3).sum())  # 36\n'
        "```\n\n"
        "36 位受访者三个标记全中——这是需要逐一查看的候选名单，而不是不看就删除的名单。不是 60："
        "60 是单看长串标记（或单看过快标记）被标记的人数。",
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
        prompt_zh="retail_omnichannel 的受访者中，答全了所有评分题的人占百分之多少？",
        hint_zh="survey.missing_report().totals['complete_share']（这是比例，要乘以 100）。",
        explanation_zh="只有约 80 %：1.5 % 的缺失答案分散在 15 道题项上，就让每五位受访者中有一位"
        "答卷不完整——这正是成列删除会浪费数据的原因。",
        worked="Section 4's missing-data report gives the share of complete respondents "
        "(a proportion; times 100 for a percentage):\n\n"
        "```python\n"
        "missing = survey.missing_report()\n"
        '100 * missing.totals["complete_share"]  # 80.05\n'
        "```\n\n"
        "80.05 %, about 80.0 %: one respondent in five left at least one rating item "
        "blank. Not 98.5 %, which is the share of *answers* given (1.5 % missing), not of "
        "respondents.",
        worked_zh="第 4 节的缺失值报告给出了答全所有评分题的受访者比例（是比例，乘以 100 才是百分"
        "数）：\n\n"
        "```python\n"
        "missing = survey.missing_report()\n"
        '100 * missing.totals["complete_share"]  # 80.05\n'
        "```\n\n"
        "80.05 %，约 80.0 %：每五位受访者中就有一位至少空了一道评分题。不是 98.5 %——那是已作"
        "答的*答案*所占的比例（缺失 1.5 %），不是受访者的比例。",
    )
)
