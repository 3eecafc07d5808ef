"""Exercises of lesson 03: survey data from raw export to clean, documented dataset."""

from __future__ import annotations

from cxlab.exercises.lesson00b import self_assessment_question
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

# --- Self-assessment: the key ideas in plain words ------------------------------------------

register(
    self_assessment_question(
        "03.sa1",
        "a",
        "b",
        prompt="Validation finds the value 8 on a 1–7 item. What do you do? (a) decide what to "
        "do with it (e.g. set it to missing), write the decision down, and leave the source file "
        "untouched; (b) change it to 7 in the source file; (c) ignore it: one value does not "
        "matter; (d) delete the whole dataset",
        hint="Concepts, 'Validation before analysis', and section 2: what did the lesson do with "
        "the two answers of 8?",
        explanation="(a): find every problem, decide what to do with each, write the decision "
        "down, and never edit the source file — the lesson set the out-of-range answers to "
        "missing, since they cannot be repaired, and checked that the file's hash was unchanged. "
        "(b) guesses an answer and leaves no trace; (c) lets one value silently change a mean, "
        "an α or a path; (d) throws away every good answer with the bad one.",
        worked="Find, decide, write down, never edit the source. Section 2 sets the "
        "out-of-range answers to missing in a copy of the data:\n\n```python\n"
        'bad = ~data["Q1_2"].between(1, 7) & data["Q1_2"].notna()\n'
        'data.loc[bad, "Q1_2"] = pd.NA\n```\n\n'
        "and then checks that the source file's hash is unchanged. Option (a).",
        prompt_zh="校验发现一道 1–7 分的题项中有一个 8。你该怎么办？(a) 决定怎么处理它（例如设为缺"
        "失），把决定写下来，源文件保持原样；(b) 在源文件里把它改成 7；(c) 不用管：一个数值无关紧要"
        "；(d) 删掉整个数据集",
        hint_zh="“核心概念”中的“先校验，再分析”，以及第 2 节：课文是怎样处理那两个 8 的？",
        explanation_zh="(a)：找出每一个问题，逐一决定怎么处理，把决定写下来，并且永远不要改动源文件"
        "——课文把超出范围的答案设为缺失，因为它们无法修复，并核对了源文件的哈希值没有变化。(b) 是在"
        "替受访者猜答案，而且不留痕迹；(c) 会让一个数值悄无声息地改变均值、α 系数或路径系数；(d) 把"
        "好答案和坏答案一起扔掉了。",
        worked_zh="找出问题、做出决定、写下来、永远不改源文件。第 2 节在数据的副本中把超出范围的答"
        "案设为缺失：\n\n```python\n"
        'bad = ~data["Q1_2"].between(1, 7) & data["Q1_2"].notna()\n'
        'data.loc[bad, "Q1_2"] = pd.NA\n```\n\n'
        "然后核对源文件的哈希值没有变化。选项 (a)。",
    )
)

register(
    self_assessment_question(
        "03.sa2",
        "c",
        "a",
        prompt="When do you reverse-code a reverse-keyed item such as 'I am likely to switch'? "
        "(a) every time you analyse the data; (b) after computing the scale scores; (c) exactly "
        "once, as min + max − answer, before computing scale scores; (d) never: the mean evens "
        "it out",
        hint="Concepts, the paragraph on reverse-keyed items, and section 3.",
        explanation="(c): recode once, before scoring; cxlab refuses to compute scale scores "
        "until the item is reversed. Reversing a second time (a) turns the item back the wrong "
        "way; not reversing it (d) leaves it pulling against the other items — r(Q4_1, Q4_4) is "
        "−0.53 before reversing and 0.53 after; (b) comes too late, since the scores already "
        "contain the unreversed answers.",
        worked="Reverse once, then score — section 3:\n\n```python\n"
        "reversed_ = retail.reverse_code()\nscores = reversed_.scale_scores(min_items=0.5)\n"
        "```\n\nOn a 1–7 scale an answer of 2 becomes 1 + 7 − 2 = 6. Option (c).",
        prompt_zh="像“我很可能转到别家”这样的反向题，什么时候做反向计分？(a) 每次分析数据时都做一遍"
        "；(b) 在算出量表得分之后；(c) 只做一次，按 最小值 + 最大值 − 原答案 重新编码，并且在计算量"
        "表得分之前；(d) 不用做：平均值会把它抵消掉",
        hint_zh="“核心概念”中关于反向题的那一段，以及第 3 节。",
        explanation_zh="(c)：在计算得分之前重新编码，而且只做一次；反向题没有反向计分之前，cxlab 会"
        "拒绝计算量表得分。做第二次 (a) 又把它翻回了错误的方向；不做 (d) 会让它与其他题项方向相反——"
        "反向计分之前 r(Q4_1, Q4_4) 为 −0.53，之后为 0.53；(b) 为时已晚，因为得分里已经含有未经反向"
        "计分的答案。",
        worked_zh="先反向计分一次，再计算得分——第 3 节：\n\n```python\n"
        "reversed_ = retail.reverse_code()\nscores = reversed_.scale_scores(min_items=0.5)\n"
        "```\n\n在 1–7 分的量表上，答案 2 变为 1 + 7 − 2 = 6。选项 (c)。",
    )
)

register(
    self_assessment_question(
        "03.sa3",
        "b",
        "a",
        prompt="In retail_omnichannel, 1.5 % of the answers are missing. What happens if you "
        "drop every respondent with any missing answer (listwise deletion)? (a) about 1.5 % of "
        "the respondents are lost, and nothing else changes; (b) one respondent in five is lost "
        "(80.0 % answered every rating item), and the result is safe only if the data are "
        "missing completely at random; (c) nothing: missing answers are ignored anyway; (d) the "
        "sample becomes more representative",
        hint="Section 4, the missing-data report by item and by respondent, and Concepts, "
        "'Missing data'.",
        explanation="(b): a little missingness per item leaves many respondents incomplete — "
        "80.0 % are complete, so a fifth would go. Listwise deletion is safe only when data are "
        "missing completely at random (MCAR), and it wastes data; lesson 05 uses "
        "full-information maximum likelihood instead. (a) confuses the share of answers with the "
        "share of respondents.",
        worked="Count complete respondents, not missing answers — section 4:\n\n```python\n"
        "missing = survey.missing_report()\n"
        "print(missing)  # 1.5% of answers missing; 80.0% of respondents complete\n```\n\n"
        "Dropping the incomplete fifth is listwise deletion: safe only under MCAR, and it "
        "wastes data. Option (b).",
        prompt_zh="在 retail_omnichannel 中，1.5 % 的答案缺失。如果把有任何缺失答案的受访者都删掉（"
        "成列删除），会怎样？(a) 大约损失 1.5 % 的受访者，其他一切不变；(b) 每五位受访者就损失一位"
        "（80.0 % 的受访者答全了所有评分题），而且只有在数据完全随机缺失时，结果才是安全的；(c) 没"
        "有影响：缺失的答案反正会被忽略；(d) 样本会变得更有代表性",
        hint_zh="第 4 节按题项和按受访者统计的缺失值报告，以及“核心概念”中的“缺失值”。",
        explanation_zh="(b)：每个题项只缺一点点，也会让许多受访者的答卷不完整——答全的只有 80.0 %，"
        "删掉的将是五分之一。成列删除只有在完全随机缺失（MCAR）时才安全，而且会浪费数据；第 05 课改"
        "用全信息最大似然估计。(a) 把答案的缺失比例当成了受访者的缺失比例。",
        worked_zh="要数答全的受访者，而不是缺失的答案——第 4 节：\n\n```python\n"
        "missing = survey.missing_report()\n"
        "print(missing)  # 1.5% 的答案缺失；80.0% 的受访者答全\n```\n\n"
        "删掉不完整的那五分之一，就是成列删除：只有在完全随机缺失时才安全，而且会浪费数据。"
        "选项 (b)。",
    )
)

register(
    self_assessment_question(
        "03.sa4",
        "d",
        "a",
        prompt="A respondent took six minutes and answered 7 to every item of the battery but "
        "the reverse-keyed 'I am likely to switch', which got a 1. The long-string index flags "
        "this respondent. What do you do? (a) remove: the flag proves careless responding; (b) "
        "remove: answers without variation are worthless; (c) replace the answers by the item "
        "means; (d) keep: one flag is a screen, not a verdict — this looks like a delighted "
        "customer who read the questions; remove only on converging evidence (long-string, IRV, "
        "response time), and report it",
        hint="Concepts, 'Careless responding', and section 5: who are the straight-line "
        "respondents who took their time?",
        explanation="(d): each index also catches honest people. The 24 straight-line "
        "respondents who took normal time answered 7 nearly everywhere and 1 to the "
        "reverse-keyed item — they read the question: delighted customers, not careless ones. "
        "Remove only when several screens agree, and report it. (a) treats a screen as a "
        "verdict; (b) would remove the most satisfied customers.",
        worked="Look at the straight-liners who took their time — section 5:\n\n```python\n"
        'honest = flags[flags["flag_longstring"] & ~flags["flag_fast"]]\n'
        "len(honest)  # 24\n```\n\n"
        "They answered 7 nearly everywhere and 1 to the reverse-keyed item. Option (d).",
        prompt_zh="一位受访者用了六分钟作答，题组中除反向题“我很可能转到别家”打了 1 分之外，每道题"
        "都打 7 分。长串指数标记了这位受访者。你怎么办？(a) 删除：这个标记证明了不认真作答；(b) 删"
        "除：没有变化的答案毫无价值；(c) 用各题项的平均值替换这些答案；(d) 保留：一个标记只是筛查，"
        "不是判决——这看起来是一位读过题目、非常满意的客户；只有几种证据（长串指数、IRV、作答时长）相互印证"
        "时才删除，并且在报告中说明",
        hint_zh="“核心概念”中的“不认真作答”，以及第 5 节：那些用时正常的直线作答者是什么人？",
        explanation_zh="(d)：每一种指标也都会误伤认真作答的人。那 24 位用时正常的直线作答者几乎每题"
        "都打 7 分，在反向题上却打了 1 分——说明他们读过题目：这些是非常满意的客户，而不是不认真的作"
        "答者。只有几种筛查结果一致时才删除，并在报告中说明。(a) 把筛查当成了判决；(b) 会把最满意的"
        "客户删掉。",
        worked_zh="看看那些用时正常的直线作答者——第 5 节：\n\n```python\n"
        'honest = flags[flags["flag_longstring"] & ~flags["flag_fast"]]\n'
        "len(honest)  # 24\n```\n\n"
        "他们几乎每题都打 7 分，在反向题上却打 1 分。选项 (d)。",
    )
)

register(
    self_assessment_question(
        "03.sa5",
        "c",
        "a",
        prompt="Is a salted hash of a phone number anonymous? (a) yes: a hash cannot be turned "
        "back into the number; (b) yes, as long as the salt is published with the data; (c) no: "
        "it is a pseudonym — China's PIPL and the EU's GDPR treat it as personal data still, so "
        "keep the salt secret and apart from the data; (d) no, so phone numbers may never be "
        "collected",
        hint="Concepts, 'Pseudonymisation', and section 6: what must stay secret, and why?",
        explanation="(c): pseudonymisation replaces identifiers by salted hashes, but whoever "
        "has the salt can hash a known phone number again and find the customer; the law treats "
        "the result as personal data still. (a) overlooks that second hashing; (b) hands out "
        "the key; (d) does not follow — the lesson pseudonymises and keeps the salt apart.",
        worked="A salted hash is a pseudonym, not anonymity: anyone with the salt can hash a "
        "known number again and match it. Generate the salt once and store it apart from the "
        "data — section 6:\n\n```python\nimport secrets\n\n"
        "salt = secrets.token_hex(16)  # keep it secret, apart from the data\n```\n\n"
        "Option (c).",
        prompt_zh="手机号码的加盐哈希值算是匿名的吗？(a) 是：哈希值无法还原成号码；(b) 是，只要把盐"
        "值和数据一起公布；(c) 不是：它只是假名——中国的《个人信息保护法》（PIPL）和欧盟的《通用数据"
        "保护条例》（GDPR）都仍把它视为个人信息，所以盐值要保密，并与数据分开保存；(d) 不是，所以永"
        "远不能收集手机号码",
        hint_zh="“核心概念”中的“假名化”，以及第 6 节：什么必须保密？为什么？",
        explanation_zh="(c)：假名化用加盐哈希值替换标识信息，但拿到盐值的人可以把一个已知的手机号码"
        "再哈希一次，从而找到这位客户；法律仍把处理结果视为个人信息。(a) 忽略了这种再次哈希；(b) 等"
        "于把钥匙交了出去；(d) 推不出来——课文的做法是假名化，并把盐值分开保存。",
        worked_zh="加盐哈希值是假名，不是匿名：拿到盐值的人可以把一个已知的号码再哈希一次，从而对上"
        "号。盐值只生成一次，并与数据分开保存——第 6 节：\n\n```python\nimport secrets\n\n"
        "salt = secrets.token_hex(16)  # 保密，与数据分开保存\n```\n\n"
        "选项 (c)。",
    )
)
