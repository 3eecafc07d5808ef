"""Exercises of lesson 12: the voice of the customer in Chinese and English reviews."""

from __future__ import annotations

from functools import lru_cache

from cxlab.exercises.lesson00b import OPTION_WORDS
from cxlab.exercises.registry import Exercise, register


@lru_cache(maxsize=1)
def _reviews():
    """voc_reviews with the lesson's sentiment columns (cached: one pass takes ~1 s)."""
    from cxlab import datasets, text

    df = datasets.load("voc_reviews")
    return df.join(text.sentiment(df["text"])[["compound", "label"]])


def _agree_zh() -> float:
    from cxlab import text

    zh = _reviews()[_reviews()["lang"] == "zh"]
    return text.agreement(zh["label"], zh["stars"])


def _detractor_word_en() -> str:
    import numpy as np

    from cxlab import text

    en = _reviews()[_reviews()["lang"] == "en"]
    group = np.select([en["stars"] <= 2, en["stars"] >= 4], ["detractor", "promoter"], None)
    kw = text.keywords_by_group(en["text"], group, top=1)
    return str(kw.loc[kw["group"] == "detractor", "word"].iloc[0])


def _breakfast_alerts() -> int:
    from cxlab import text

    return len(text.alerts(_reviews()["text"], ["早餐", "breakfast"]))


def _cleanliness_hotel() -> str:
    from cxlab import text

    df = _reviews()
    rates = text.alert_rates(df["text"], df["hotel"])
    return str(rates["cleanliness"].idxmax())


register(
    Exercise(
        id="12.agree_zh",
        prompt="Share of the 1-2 and 4-5 star Chinese reviews whose sentiment label has the "
        "stars' polarity?",
        solution=_agree_zh,
        wrong=lambda: 0.856,
        tol=0.001,
        hint="cx.text.agreement(sent['label'], stars) on the rows with lang == 'zh' — the "
        "English share is the other number in the table.",
        explanation="About .95 for Chinese (English: .86 with VADER). On simulated reviews "
        "written from common phrases; expect less on real ones (sarcasm, slang, typos).",
        prompt_zh="在 1–2 星和 4–5 星的中文评论中，情感标签与星级正负方向一致的比例是多少？",
        hint_zh="对 lang == 'zh' 的行用 cx.text.agreement(sent['label'], stars)——表中的另一个数字"
        "是英文的比例。",
        explanation_zh="中文约为 .95（英文用 VADER 为 .86）。这些是用常见短语写成的模拟评论；对真"
        "实评论要预期低一些（反讽、俚语、错别字）。",
        worked="`cx.text.agreement` compares each label with the stars' polarity on the 1–2 and "
        "4–5-star reviews (a neutral label counts as a miss). Use `reviews` after section 5 has "
        "joined the sentiment columns (`zh` of section 3 has none):\n\n"
        '```python\nzh_rated = reviews[reviews["lang"] == "zh"]\n'
        'round(cx.text.agreement(zh_rated["label"], zh_rated["stars"]), 3)  # 0.946\n```\n\n'
        ".946 for the Chinese reviews; .856 is the English share (VADER). On real reviews expect "
        "less.",
        worked_zh="`cx.text.agreement` 在 1–2 星和 4–5 星的评论上，把每个情感标签与星级的正负方向相"
        "比较（中性标签算作不一致）。要用第 5 节连接了情感列之后的 `reviews`（第 3 节的 `zh` 没有"
        "这些列）：\n\n"
        '```python\nzh_rated = reviews[reviews["lang"] == "zh"]\n'
        'round(cx.text.agreement(zh_rated["label"], zh_rated["stars"]), 3)  # 0.946\n```\n\n'
        "中文评论为 .946；.856 是英文（VADER）的比例。对真实评论要预期低一些。",
    )
)

register(
    Exercise(
        id="12.detractor_word_en",
        prompt="Top English keyword of detractors (1-2 stars) against promoters (4-5 stars)?",
        kind="text",
        synonyms={
            "won't come back": "not_come",
            "won’t come back": "not_come",
            "will not come back": "not_come",
            "not come back": "not_come",
            "不会再来": "not_come",
            "不再来": "not_come",
            "不会再来了": "not_come",
        },
        solution=_detractor_word_en,
        wrong=lambda: "slow",
        hint="cx.text.keywords_by_group(en['text'], group) — the first row of the "
        "detractor group (largest z). Negations are joined to the next word.",
        explanation="not_come — 'won't come back': a loyalty intention, not an aspect. Joining "
        "the negation keeps it apart from 'come back', which promoters write.",
        prompt_zh="贬损者（1–2 星）对比推荐者（4–5 星），排在第一位的英文关键词是什么？",
        hint_zh="cx.text.keywords_by_group(en['text'], group)——detractor 组的第一行（z 值最大）。"
        "否定词会和后面的词连在一起。",
        explanation_zh="not_come——“won't come back”（不会再来）：这是一种忠诚意向，而不是服务的某"
        "个方面。把否定词连起来，就能把它与推荐者写的 'come back' 区分开。",
        worked="Section 4 ranks words by the weighted log-odds z of detractors (1–2 stars) "
        "against promoters (4–5 stars); the first detractor row of `kw_en` has the largest z:"
        "\n\n"
        '```python\nkw_en.loc[kw_en["group"] == "detractor", "word"].iloc[0]  # \'not_come\'\n'
        "```\n\n"
        "not_come (z = 4.06), from 'won't come back': a loyalty intention, not an aspect; "
        "not_recommend and slow follow. The joined negation keeps it apart from the 'come back' "
        "of promoters.",
        worked_zh="第 4 节按贬损者（1–2 星）对推荐者（4–5 星）的加权对数优势比 z 值给词排序；"
        "`kw_en` 中 detractor 组的第一行 z 值最大：\n\n"
        '```python\nkw_en.loc[kw_en["group"] == "detractor", "word"].iloc[0]  # \'not_come\'\n'
        "```\n\n"
        "not_come（z = 4.06），来自“won't come back”（不会再来）：这是一种忠诚意向，而不是服务的"
        "某个方面；其后是 not_recommend 和 slow。把否定词连起来，就能把它与推荐者写的 "
        "'come back' 区分开。",
    )
)

register(
    Exercise(
        id="12.breakfast_alerts",
        prompt="How many reviews are breakfast alerts (topic words 早餐 and breakfast)?",
        solution=_breakfast_alerts,
        wrong=lambda: 206,
        tol=0,
        hint="len(cx.text.alerts(df['text'], ['早餐', 'breakfast'])) — an alert is a "
        "negative clause about the topic, not every review that mentions it.",
        explanation="41 of the 2,000 reviews — few enough for a duty manager to read and "
        "answer each one within a day.",
        prompt_zh="有多少条评论属于早餐预警（主题词为 早餐 和 breakfast）？",
        hint_zh="len(cx.text.alerts(df['text'], ['早餐', 'breakfast']))——预警是关于该主题的负面分"
        "句，而不是每一条提到它的评论。",
        explanation_zh="2,000 条评论中有 41 条——少到值班经理可以在一天之内逐条阅读并回复。",
        worked="An alert is a review with a negative clause about the topic, not every review "
        "that mentions it. Section 6 builds the list:\n\n"
        '```python\nbreakfast = cx.text.alerts(reviews["text"], ["早餐", "breakfast"])\n'
        "len(breakfast)  # 41\n```\n\n"
        "41 alerts among the 213 reviews that mention breakfast — few enough for a duty manager "
        "to read and answer each one within a day.",
        worked_zh="预警是含有关于该主题的负面分句的评论，而不是每一条提到它的评论。第 6 节生成了"
        "这份清单：\n\n"
        '```python\nbreakfast = cx.text.alerts(reviews["text"], ["早餐", "breakfast"])\n'
        "len(breakfast)  # 41\n```\n\n"
        "在提到早餐的 213 条评论中有 41 条预警——少到值班经理可以在一天之内逐条阅读并回复。",
    )
)

register(
    Exercise(
        id="12.cleanliness_hotel",
        prompt="Which hotel has the most negative cleanliness mentions per 100 reviews?",
        kind="text",
        synonyms={
            "skyport": "Skyport Airport Hotel",
            "airport": "Skyport Airport Hotel",
            "airport hotel": "Skyport Airport Hotel",
            "skyport airport": "Skyport Airport Hotel",
            "skyport hotel": "Skyport Airport Hotel",
            "机场酒店": "Skyport Airport Hotel",
            "skyport机场酒店": "Skyport Airport Hotel",
            "skyport 机场酒店": "Skyport Airport Hotel",
            "old town": "Old Town Garden Hotel",
            "old town garden": "Old Town Garden Hotel",
            "riverside": "Riverside Business Hotel",
            "riverside business": "Riverside Business Hotel",
            "coral bay": "Coral Bay Beach Resort",
            "coral bay resort": "Coral Bay Beach Resort",
        },
        solution=_cleanliness_hotel,
        wrong=lambda: "Old Town Garden Hotel",
        hint="cx.text.alert_rates(df['text'], df['hotel']) and the column cleanliness.",
        explanation="The Skyport Airport Hotel: about 10 per 100 reviews, two to three times "
        "the others — the simulated housekeeping problem, visible in the words.",
        prompt_zh="哪家酒店每 100 条评论中关于卫生的负面提及最多？",
        hint_zh="cx.text.alert_rates(df['text'], df['hotel'])，看 cleanliness 列。",
        explanation_zh="Skyport Airport Hotel（机场酒店）：每 100 条评论约 10 次，是其他酒店的两"
        "到三倍——模拟设定的客房清洁问题，在评论的文字中看得见。",
        worked="`cx.text.alert_rates` counts the negative mentions of each topic per 100 "
        "reviews, by hotel (section 7); take the hotel with the highest cleanliness rate:\n\n"
        '```python\nrates = cx.text.alert_rates(reviews["text"], reviews["hotel"])\n'
        "rates[\"cleanliness\"].idxmax()  # 'Skyport Airport Hotel'\n```\n\n"
        "The Skyport Airport Hotel: 10.2 per 100 reviews against 3.2–4.6 at the other three "
        "hotels — the housekeeping problem built into the simulation.",
        worked_zh="`cx.text.alert_rates` 按酒店统计每 100 条评论中各主题的负面提及次数（第 7 节）；"
        "取卫生（cleanliness）比率最高的酒店：\n\n"
        '```python\nrates = cx.text.alert_rates(reviews["text"], reviews["hotel"])\n'
        "rates[\"cleanliness\"].idxmax()  # 'Skyport Airport Hotel'\n```\n\n"
        "Skyport Airport Hotel（机场酒店）：每 100 条评论 10.2 次，其他三家酒店为 3.2–4.6 次——"
        "这是模拟中设定的客房清洁问题。",
    )
)


# --- Self-assessment: the key ideas of the lesson, one letter each ------------------------------


def _answer_cell(exercise_id: str, letter: str) -> str:
    """The code block of a worked self-assessment answer: the letter, checked."""
    return f'```python\nanswer = "{letter}"\ncx.check("{exercise_id}", answer)\n```'


register(
    Exercise(
        id="12.sa1",
        prompt="Before counting words you drop stop words (的, 了, the, was). What do you do with "
        "negations such as 不 and not? (a) drop them too: they are short function words that carry "
        "little meaning; (b) drop them in English, keep them in Chinese; (c) keep them and join "
        "them to the next word, so that 'not clean' is not counted as 'clean'; (d) replace each "
        "negated word by its opposite",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="The Concepts' paragraph on tokens, and section 2, say what happens to negations.",
        explanation="(c). A negation turns a word round: dropped as a stop word (a), 'not clean' "
        "and 'won't come back' would swell the counts of 'clean' and 'come' — words promoters use. "
        "join_negation=True makes not_clean one token; in Chinese 不太干净 stays one token.",
        prompt_zh="统计词频之前要去掉停用词（的、了、the、was）。像“不”和 not 这样的否定词怎么处"
        "理？(a) 也去掉：它们是几乎不带意义的短小虚词；(b) 英文中去掉，中文中保留；(c) 保留，并把它"
        "们与后面的词连在一起，免得“不干净”被算作“干净”；(d) 把每个被否定的词换成它的反义词",
        hint_zh="核心概念中讲分词的那一段以及第 2 节，说明了否定词如何处理。",
        explanation_zh="(c)。否定词会把词义反转过来：如果当作停用词去掉 (a)，“not clean”和“won't "
        "come back”就会虚增“clean”和“come”的次数——而这些正是推荐者用的词。join_negation=True 把 "
        "not_clean 变成一个词；中文里“不太干净”保持为一个词。",
        worked="Stop words carry little meaning; negations carry a lot — they turn the next word "
        "round. So they are kept, and `join_negation=True` attaches each to the next content word:"
        "\n\n"
        + _answer_cell("12.sa1", "c")
        + "\n\nWithout that, the detractors' *not_come* and *not_recommend* of section 4 would "
        "count as 'come' and 'recommend' — words promoters use.",
        worked_zh="停用词几乎不带意义；否定词的意义却很重——它们会把后面那个词的意思反转过来。所以要"
        "保留否定词，并用 `join_negation=True` 把它连到后面的实词上：\n\n"
        + _answer_cell("12.sa1", "c")
        + "\n\n否则，第 4 节中贬损者的 *not_come* 和 *not_recommend* 就会被算作“come”和“recommen"
        "d”——而这些正是推荐者用的词。",
    )
)

register(
    Exercise(
        id="12.sa2",
        prompt="The detractors' keywords are ranked by z, the weighted log-odds ratio divided by "
        "its standard error. How do you read a large z? (a) detractors use the word more than "
        "promoters do, more clearly than words with a smaller z — a ranking, not a significance "
        "test; (b) z above 1.96 proves a statistically significant difference between detractors "
        "and promoters; (c) the word is the most frequent word in the detractors' reviews; (d) the "
        "word causes the low stars",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "a",
        wrong=lambda: "b",
        hint="Section 4 says what z and chi2 do — and what neither of them is.",
        explanation="(a). z compares the two groups' rates and divides by its standard error, so a "
        "word used twice by one group does not top the list. But one angry review repeats its "
        "words, so the counts are not independent: z ranks words and (b) is not a test. Raw counts "
        "(c) favour common words such as 房间 / room.",
        prompt_zh="贬损者的关键词按 z 排序，z 是加权对数优势比除以它的标准误。一个很大的 z 该怎么解"
        "读？(a) 贬损者比推荐者更常用这个词，而且比 z 较小的词更明显——这是一个排序，不是显著性检"
        "验；(b) z 大于 1.96 证明贬损者与推荐者之间存在统计显著的差异；(c) 这个词是贬损者评论中最常"
        "见的词；(d) 这个词导致了低星级",
        hint_zh="第 4 节说明了 z 和 chi2 的作用——以及它们都不是什么。",
        explanation_zh="(a)。z 比较两组的使用率，再除以标准误，所以某一组只用过两次的词不会排到最前"
        "面。但一条愤怒的评论会重复自己的用词，计数并不独立：z 只是给词排序，(b) 并不是检验。原始计"
        "数 (c) 偏向“房间 / room”这样的常见词。",
        worked="The weighted log-odds ratio (Monroe et al. 2008) compares how often each group "
        "uses a word and divides by its standard error, so rare words do not top the list by "
        "chance. It ranks words:\n\n"
        + _answer_cell("12.sa2", "a")
        + "\n\nA test (b) would need independent counts, and one angry review repeats its words. A "
        "word's z says which group uses it more, not why the stars are low (d).",
        worked_zh="加权对数优势比（Monroe et al. 2008）比较两组使用某个词的频率，再除以标准误，所以"
        "罕见词不会因为偶然而排到最前面。它给词排序：\n\n"
        + _answer_cell("12.sa2", "a")
        + "\n\n检验 (b) 需要相互独立的计数，而一条愤怒的评论会重复自己的用词。一个词的 z 说明哪一组"
        "更常用它，不说明星级为什么低 (d)。",
    )
)

register(
    Exercise(
        id="12.sa3",
        prompt="The Chinese sentiment labels agree with the stars' polarity in 94.6 % of the "
        "reviews, the English (VADER) labels in 85.6 %. What follows? (a) the Chinese lexicon is "
        "the better tool and will agree as well on real reviews; (b) once a lexicon is published, "
        "its scores need no check; (c) VADER should not be used for hotel reviews; (d) read the "
        "Chinese figure as optimistic: the reviews are simulated from a limited set of phrases, "
        "and the Chinese lexicon was written by people who knew how — check agreement on real "
        "reviews before trusting a dashboard",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "d",
        wrong=lambda: "a",
        hint="Section 5 compares the labels with the stars and says how to read the two figures.",
        explanation="(d). VADER was built years before these reviews, while cxlab's Chinese "
        "lexicon was written by people who knew how voc_reviews is simulated. (a) carries a "
        "demonstration's figure over to real reviews; measure agreement (a confusion matrix "
        "against the stars) on your own data first.",
        prompt_zh="中文情感标签与星级正负方向一致的比例为 94.6 %，英文（VADER）标签为 85.6 %。由此"
        "可知什么？(a) 中文词典是更好的工具，在真实评论上也会同样一致；(b) 词典一经发表，它的得分就"
        "不需要检验；(c) 酒店评论不应该用 VADER；(d) 中文的这个数字要打些折扣：评论是用有限的短语模"
        "拟出来的，而中文词典的编写者知道它们是如何模拟的——在信任仪表盘之前，先在真实评论上检验一致"
        "率",
        hint_zh="第 5 节把情感标签与星级作了比较，并说明了这两个数字该怎么读。",
        explanation_zh="(d)。VADER 是在这些评论出现多年之前建成的，而 cxlab 的中文词典是由知道 "
        "voc_reviews 如何模拟的人编写的。(a) 把一个演示中的数字搬到了真实评论上；应当先在自己的数据"
        "上测量一致率（与星级对照的混淆矩阵）。",
        worked="A lexicon checked on the data it was written for looks better than it is. The "
        "reviews are simulated from phrase pools, and the Chinese lexicon's authors knew them; "
        "VADER did not:\n\n"
        + _answer_cell("12.sa3", "d")
        + "\n\nOn real reviews expect lower agreement, and measure it — stars against labels, with "
        "a confusion matrix — before a sentiment dashboard is trusted.",
        worked_zh="在为之编写的数据上检验词典，词典会显得比实际更好。这些评论是用短语库模拟出来的，"
        "中文词典的作者了解这些短语，VADER 则不了解：\n\n"
        + _answer_cell("12.sa3", "d")
        + "\n\n在真实评论上，一致率会更低；在信任情感分析仪表盘之前，要先测量它——用混淆矩阵把星级与"
        "标签对照。",
    )
)

register(
    Exercise(
        id="12.sa4",
        prompt="Only about half of the reviews that report a service failure read negative. What "
        "follows? (a) the other half were not real failures: those guests were satisfied; (b) "
        "sentiment alone is not a failure detector: many guests describe a failure in neutral "
        "words, or the hotel put it right — look at topics too; (c) the lexicon needs more "
        "positive words; (d) service failures do not affect reviews",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "b",
        wrong=lambda: "a",
        hint="The end of section 5 crosses the simulated service failures with the sentiment "
        "labels.",
        explanation="(b). Incidents told as plain facts ('there was hair on the pillow') carry no "
        "evaluative words, and a failure the hotel put right can end in a positive review. (a) "
        "takes the label for the truth; that is why the alerts score the clause about a topic "
        "(section 6).",
        prompt_zh="报告了服务失误的评论中，只有大约一半读起来是负面的。由此可知什么？(a) 另一半并不"
        "是真正的失误：那些客人是满意的；(b) 单靠情感分析发现不了服务失误：许多客人用中性的语言描述"
        "失误，或者酒店已经补救了——还要看主题；(c) 词典需要更多正面词；(d) 服务失误不影响评论",
        hint_zh="第 5 节末尾把模拟的服务失误与情感标签交叉列表。",
        explanation_zh="(b)。当作平铺直叙的事实讲出来的事件（“枕头上有头发”）不带评价词，而酒店已经"
        "纠正的失误也可能换来一条正面评论。(a) 把标签当成了事实；正因为如此，预警要给谈及某个主题的"
        "那个分句打分（第 6 节）。",
        worked="The simulation knows which reviews report a service failure; only about half of "
        "them are labelled negative. The misses of section 5 show why — facts without evaluative "
        "words, a positive remark next to the complaint, failures put right:\n\n"
        + _answer_cell("12.sa4", "b")
        + "\n\n(a) trusts the label over what happened. Topic alerts (section 6) and topic rates "
        "by hotel (section 7) catch what sentiment misses.",
        worked_zh="模拟数据知道哪些评论报告了服务失误；其中只有大约一半被标为负面。第 5 节中漏判的"
        "例子说明了原因——没有评价词的事实陈述、投诉旁边的一句好话、已经补救的失误：\n\n"
        + _answer_cell("12.sa4", "b")
        + "\n\n(a) 相信标签而不相信实际发生的事。主题预警（第 6 节）和按酒店统计的主题比率（第 7 "
        "节）能抓住情感分析漏掉的问题。",
    )
)

register(
    Exercise(
        id="12.sa5",
        prompt="The Skyport Airport Hotel has the lowest average stars. What do the topic rates by "
        "hotel add? (a) nothing: the average stars already tell a manager all she needs; (b) proof "
        "that cleanliness causes the low stars; (c) what goes wrong: about 10 negative cleanliness "
        "mentions per 100 reviews, two to three times the other hotels, in every quarter — tracked "
        "weekly, such a table flags a problem long before the annual survey; (d) they make service "
        "recovery unnecessary",
        kind="choice",
        synonyms=OPTION_WORDS,
        solution=lambda: "c",
        wrong=lambda: "a",
        hint="Section 7 says what the average says and what the topic rates say.",
        explanation="(c). The average says where, the topic rates say what. (a) stops at 'where': "
        "a low average does not tell the duty manager what to fix. The rates show an association "
        "with the stars, not a proof of cause (b).",
        prompt_zh="Skyport 机场酒店的平均星级最低。按酒店统计的主题比率又增加了什么信息？(a) 什么也"
        "没有：平均星级已经告诉经理需要知道的一切；(b) 证明卫生问题导致了低星级；(c) 出了什么问题："
        "每 100 条评论中约有 10 次负面的卫生提及，是其他酒店的两到三倍，而且每个季度都如此——如果每"
        "周跟踪，这样一张表能远远早于年度满意度调查发出预警；(d) 它们使服务补救变得不必要",
        hint_zh="第 7 节说明了平均值告诉我们什么，主题比率又告诉我们什么。",
        explanation_zh="(c)。平均值说明问题在哪里，主题比率说明问题是什么。(a) 停在了“在哪里”：平均"
        "值低并不能告诉值班经理该修正什么。这些比率显示的是与星级的关联，而不是因果的证明 (b)。",
        worked="The hotel's average stars and share of negative reviews say *where*; `alert_rates` "
        "counts negative mentions of each topic per 100 reviews and says *what* — cleanliness, "
        "about 10 per 100 reviews at Skyport, in every quarter:\n\n"
        + _answer_cell("12.sa5", "c")
        + "\n\nThat is the early-warning table of source S2: counted by hotel and week, it points "
        "at the problem before the average score moves much.",
        worked_zh="酒店的平均星级和负面评论的比例说明问题在*哪里*；`alert_rates` 统计每 100 条评论"
        "中每个主题的负面提及次数，说明问题是*什么*——在 Skyport，卫生方面约为每 100 条评论 10 次，"
        "而且每个季度都如此：\n\n"
        + _answer_cell("12.sa5", "c")
        + "\n\n这就是来源 S2 所说的预警表：按酒店和按周统计，它能在平均分明显变动之前指出问题。",
    )
)
