"""Exercises of lesson 12: the voice of the customer in Chinese and English reviews."""

from __future__ import annotations

from functools import lru_cache

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
