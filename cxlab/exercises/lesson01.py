"""Exercises of lesson 01: the experience economy and customer experience management."""

from __future__ import annotations

from typing import Any

from cxlab.exercises.registry import Exercise, register

REALM_SYNONYMS = {
    "education": "educational",
    "educational": "educational",
    "教育": "educational",
    "entertainment": "entertainment",
    "entertaining": "entertainment",
    "娱乐": "entertainment",
    "esthetic": "esthetic",
    "esthetics": "esthetic",
    "aesthetic": "esthetic",
    "aesthetics": "esthetic",
    "审美": "esthetic",
    "escapist": "escapist",
    "escapism": "escapist",
    "escape": "escapist",
    "逃避现实": "escapist",
    # the realm as the zh lessons and Chinese textbooks also write it
    "教育体验": "educational",
    "教育领域": "educational",
    "教育型": "educational",
    "教育型体验": "educational",
    "娱乐体验": "entertainment",
    "娱乐领域": "entertainment",
    "娱乐型": "entertainment",
    "审美体验": "esthetic",
    "审美领域": "esthetic",
    "美学": "esthetic",
    "美学体验": "esthetic",
    "逃避现实体验": "escapist",
    "逃避现实领域": "escapist",
    "遁世": "escapist",
    "遁世体验": "escapist",
    "逃避": "escapist",
}

STAGES = ["commodities", "goods", "services", "experiences"]
_STAGE_WORDS = {
    "commodity": "commodities",
    "commodities": "commodities",
    "good": "goods",
    "goods": "goods",
    "service": "services",
    "services": "services",
    "experience": "experiences",
    "experiences": "experiences",
    # the Chinese edition's words (Pine & Gilmore's progression as Chinese textbooks name it)
    "初级产品": "commodities",
    "大宗商品": "commodities",
    "初级商品": "commodities",
    "商品": "goods",
    "产品": "goods",
    "服务": "services",
    "体验": "experiences",
}


def _same_order(answer: Any, reference: list[str]) -> bool:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return False
    words = [_STAGE_WORDS.get(str(a).strip().lower()) for a in answer]
    return words == reference


def _top_box_share() -> float:
    from cxlab import datasets

    cusa1 = datasets.load("ecsi_mobile")["CUSA1"]
    return float((cusa1 >= 9).mean() * 100)


register(
    Exercise(
        id="01.realm",
        prompt="A resort's half-day cooking class where guests cook with the chef: which realm?",
        kind="text",
        solution=lambda: "educational",
        wrong=lambda: "entertainment",
        synonyms=REALM_SYNONYMS,
        hint="Do guests take part actively or watch? Do they absorb something or get immersed "
        "in a place? Active + absorption is one corner of the grid.",
        explanation="Guests participate actively and absorb new skills: the educational realm.",
        prompt_zh="度假村开设半天的烹饪课，客人跟着主厨一起做菜：这属于体验的哪个领域？",
        hint_zh="客人是主动参与，还是在一旁观看？他们是吸收了什么，还是沉浸在一个环境之中？主动 "
        "+ 吸收是四格中的一个角。",
        explanation_zh="客人主动参与，并吸收了新的技能：属于教育领域（educational）。",
        worked="Place the activity on Pine & Gilmore's two dimensions (section 2): the guests "
        "cook themselves (active participation) and take a new skill into their minds "
        '(absorption).\n\n```python\nrealms = {\n    ("passive", "absorption"): "entertainment",\n'
        '    ("active", "absorption"): "educational",\n    ("passive", "immersion"): "esthetic",\n'
        '    ("active", "immersion"): "escapist",\n}\n'
        'realms[("active", "absorption")]  # \'educational\'\n```\n\n'
        "The educational realm. Not entertainment: that realm is passive — guests who only "
        "watched the chef would be entertained.",
        worked_zh="按派恩和吉尔摩的两个维度（第 2 节）来定位：客人亲手做菜（主动参与），把新的技能"
        "带进了自己的头脑（吸收）。\n\n```python\nrealms = {\n"
        '    ("passive", "absorption"): "entertainment",\n'
        '    ("active", "absorption"): "educational",\n    ("passive", "immersion"): "esthetic",\n'
        '    ("active", "immersion"): "escapist",\n}\n'
        'realms[("active", "absorption")]  # \'educational\'\n```\n\n'
        "教育领域（educational）。不是娱乐：娱乐是被动的——如果客人只是看主厨做菜，那才属于娱乐。",
    )
)

register(
    Exercise(
        id="01.progression",
        prompt="Order the four stages of economic value from least to most differentiated.",
        kind="custom",
        solution=lambda: list(STAGES),
        wrong=lambda: ["goods", "commodities", "services", "experiences"],
        checker=_same_order,
        hint="Start with what is extracted from nature (coffee beans) and end with what is "
        "staged for a guest (a cup in a Venice café).",
        explanation="Commodities → goods → services → experiences: each step adds "
        "differentiation and lets the seller charge a premium price.",
        prompt_zh="把经济价值的四个阶段按差异化程度从低到高排序。",
        hint_zh="从大自然中开采出来的东西（咖啡豆）开始，到为客人精心营造的东西（威尼斯一家咖啡馆"
        "里的一杯咖啡）结束。",
        explanation_zh="初级产品 → 商品 → 服务 → 体验：每上一级都增加了差异化，也让卖方能收取溢"
        "价。",
        worked="Each stage in the lesson's `coffee` table is more differentiated and commands a "
        "higher price, so sorting the stages by the price of a cup gives the order:\n\n```python\n"
        'coffee.sort_values("mid")["stage"].tolist()\n'
        "# ['commodity', 'good', 'service', 'experience']\n```\n\n"
        "Commodities → goods → services → experiences: from beans on the futures market "
        "(US$0.01–0.02 a cup) to a cup in a grand café on a Venice square (US$2–5). Goods come "
        "after commodities, not before: they are made from them.",
        worked_zh="课上 `coffee` 表中的每一级都更有差异化，也能卖出更高的价格，所以按一杯咖啡的价"
        '格排序，就得到这个顺序：\n\n```python\ncoffee.sort_values("mid")["stage"].tolist()\n'
        "# ['commodity', 'good', 'service', 'experience']\n```\n\n"
        "初级产品 → 商品 → 服务 → 体验：从期货市场上的咖啡豆（每杯 0.01–0.02 美元）到威尼斯广场上"
        "一家豪华咖啡馆里的一杯咖啡（2–5 美元）。商品排在初级产品之后，而不是之前：商品是用初级产"
        "品制造出来的。",
    )
)

register(
    Exercise(
        id="01.mot",
        prompt="Carlzon: 10 million customers a year, each in contact with about 5 employees. "
        "How many moments of truth a year?",
        solution=lambda: 10_000_000 * 5,
        wrong=lambda: 10_000_000,
        hint="Every contact between one customer and one employee is one moment of truth.",
        explanation="10 million × 5 = 50 million moments of truth a year, each about 15 seconds.",
        prompt_zh="卡尔森：每年 1000 万名客户，每人大约与 5 名员工接触。一年共有多少个关键时刻？",
        hint_zh="一位客户与一名员工的每一次接触，就是一个关键时刻。",
        explanation_zh="1000 万 × 5 = 每年 5000 万个关键时刻，每个约 15 秒。",
        worked="Every contact between one customer and one employee is one moment of truth, so "
        "multiply:\n\n```python\n10_000_000 * 5  # 50000000\n```\n\n"
        "50 million moments of truth a year, each about 15 seconds. 10 million counts the "
        "customers, not their contacts.",
        worked_zh="一位客户与一名员工的每一次接触就是一个关键时刻，所以相乘：\n\n```python\n"
        "10_000_000 * 5  # 50000000\n```\n\n"
        "每年 5000 万个关键时刻，每个约 15 秒。1000 万是客户的人数，不是接触的次数。",
    )
)

register(
    Exercise(
        id="01.delivery_gap",
        prompt="Bain surveyed 362 firms: 80 % of the firms believed they delivered a superior "
        "experience; their customers rated 8 % of the firms as delivering one. How large is the "
        "gap, in percentage points of the firms?",
        solution=lambda: 80 - 8,
        wrong=lambda: 10,
        hint="A gap in percentage points is a difference, not a ratio (80 / 8 = 10 is a ratio).",
        explanation="80 − 8 = 72 percentage points of the 362 firms: the delivery gap. Both "
        "numbers are shares of firms; 8 % is not a share of customers.",
        prompt_zh="贝恩公司调查了 362 家企业：80 % 的企业认为自己提供了卓越的体验，"
        "而它们的客户只把其中 8 % 的企业评为做到了这一点。差距有多大，以企业占比的百分点计？",
        hint_zh="以百分点计的差距是两数之差，不是两数之比（80 / 8 = 10 是比值）。",
        explanation_zh="80 − 8 = 72 个百分点（362 家企业中的占比）：这就是交付差距。两个数都是企业"
        "的占比；8 % 不是客户的占比。",
        worked="A gap in percentage points is the difference of the two shares:\n\n```python\n"
        "80 - 8  # 72\n```\n\n"
        "72 percentage points of the 362 firms: the delivery gap. 80 / 8 = 10 is a ratio, not a "
        "gap; and 8 % is a share of firms, not of customers.",
        worked_zh="以百分点计的差距是两个占比之差：\n\n```python\n80 - 8  # 72\n```\n\n"
        "362 家企业中的 72 个百分点：这就是交付差距。80 / 8 = 10 是比值，不是差距；而且 8 % 是企业"
        "的占比，不是客户的占比。",
    )
)

register(
    Exercise(
        id="01.top_box",
        prompt="What share (in %) of the ECSI respondents rate overall satisfaction CUSA1 at "
        "9 or 10?",
        solution=_top_box_share,
        wrong=lambda: 100 - _top_box_share(),
        tol=0.05,
        hint="(ecsi['CUSA1'] >= 9).mean() gives a proportion; multiply by 100 for a percentage.",
        explanation="Only about a quarter of customers are delighted, though the mean is about 8.",
        prompt_zh="在 ECSI 的受访者中，给总体满意度 CUSA1 打 9 分或 10 分的人占多少（%）？",
        hint_zh="(ecsi['CUSA1'] >= 9).mean() 得到的是比例；乘以 100 才是百分比。",
        explanation_zh="只有约四分之一的客户真正感到惊喜，尽管平均分约为 8 分。",
        worked="`>= 9` gives True or False for each respondent, and the mean of True/False is the "
        "share of True. With `ecsi` from the practice section:\n\n```python\n"
        'round((ecsi["CUSA1"] >= 9).mean() * 100, 1)  # 26.8\n```\n\n'
        "26.8 % (67 of 250) rate overall satisfaction 9 or 10 — about a quarter, though the mean "
        "is about 8. 73.2 is the share who rate it 8 or lower; 0.268 is the proportion, not the "
        "percentage.",
        worked_zh="`>= 9` 为每位受访者给出 True 或 False，而 True/False 的均值就是 True 所占的比例"
        "。用“动手练习”部分的 `ecsi`：\n\n```python\n"
        'round((ecsi["CUSA1"] >= 9).mean() * 100, 1)  # 26.8\n```\n\n'
        "26.8 %（250 人中的 67 人）给总体满意度打了 9 分或 10 分——约四分之一，尽管平均分约为 8 分"
        "。73.2 是打 8 分及以下的人所占的比例；0.268 是比例，不是百分比。",
    )
)
