"""Exercises of lesson 01: the experience economy and customer experience management."""

from __future__ import annotations

from typing import Any

from cxlab.exercises.lesson00b import self_assessment_question
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

# --- Self-assessment: the key ideas in plain words ------------------------------------------

register(
    self_assessment_question(
        "01.sa1",
        "b",
        "c",
        prompt="Bain & Company: 80 % of 362 firms believed they delivered a superior experience; "
        "their customers rated only 8 % of the firms that way. What does this delivery gap teach "
        "a manager? (a) customers are too demanding to be pleased; (b) a firm's own view of its "
        "experience is no measure of it: measure the experience from the customer's side; (c) "
        "the other 92 % of the firms deliver a bad experience; (d) customer experience cannot be "
        "measured",
        hint="Concepts, section 5, and the Discussion question on why 80 % of firms might "
        "overrate their experience.",
        explanation="(b): managers' belief and customers' judgement differ — that is why "
        "customer experience management measures the experience from the customer's side. (c) "
        "misreads the numbers: 8 % is the share of the firms that customers rated superior, and "
        "not superior is not the same as bad. (a) and (d) excuse the gap instead of measuring it.",
        worked="Both numbers are shares of the 362 firms: 80 % believed they delivered a "
        "superior experience, and customers rated 8 % of the firms as delivering one. The gap "
        "says that a firm's self-image is no measure of its customers' experience — option (b).",
        prompt_zh="贝恩公司（Bain & Company）：362 家企业中，80 % 认为自己提供了卓越的体验；而它们"
        "的客户只把其中 8 % 的企业评为卓越。这一交付差距给管理者的启示是什么？(a) 客户要求太高，怎"
        "么也满足不了；(b) 企业对自身体验的看法不能当作测量：要从客户一方来测量体验；(c) 其余 92 % "
        "的企业提供的体验很差；(d) 客户体验无法测量",
        hint_zh="“基本概念”第 5 节，以及“讨论”中“为什么 80 % 的企业会高估自己提供的体验”那个问题。",
        explanation_zh="(b)：管理者的自我评价与客户的评判并不一致——这正是客户体验管理要从客户一方"
        "来测量体验的原因。(c) 读错了数字：8 % 是被客户评为卓越的企业所占的比例，没有被评为卓越并不"
        "等于很差。(a) 和 (d) 是在为差距找借口，而不是去测量它。",
        worked_zh="两个数字都是这 362 家企业中的占比：80 % 的企业认为自己提供了卓越的体验，客户只把"
        "其中 8 % 的企业评为做到了。这个差距说明，企业的自我形象不能用来衡量客户的体验——选项 (b)。",
    )
)

register(
    self_assessment_question(
        "01.sa2",
        "a",
        "d",
        prompt="A firm's CRM holds every purchase, visit and complaint of its customers. What "
        "does it still not tell the firm, in Meyer & Schwager's terms? (a) what customers think "
        "and feel about the company at each touchpoint; (b) what customers bought, and when; (c) "
        "which customers complained; (d) nothing: complete records show the customers' experience",
        hint="Concepts, section 3: the table that sets CRM against CEM — what does each record, "
        "and when?",
        explanation="(a): CRM records what the firm knows about the customer, after the fact; "
        "customer experience management captures the customer's subjective response to each "
        "encounter, at the touchpoint — surveys, NPS, CES, text. (b) and (c) are just what the "
        "CRM holds; (d) takes a record of what customers did for what they experienced.",
        worked="The CRM is the firm's record of what customers did — lagging, after the fact. "
        "What customers think and feel at each touchpoint comes only from asking or observing "
        "them: surveys, reviews, NPS, CES. Option (a).",
        prompt_zh="一家企业的客户关系管理（CRM）系统记录了客户的每一次购买、到访和投诉。按 Meyer & "
        "Schwager 的说法，它仍然不能告诉企业什么？(a) 客户在每个触点上对企业怎么想、有什么感受；(b)"
        " 客户买了什么、什么时候买的；(c) 哪些客户投诉过；(d) 没有了：完整的记录就能显示客户的体验",
        hint_zh="“基本概念”第 3 节中把客户关系管理和客户体验管理对照起来的那张表：两者各记录什么、"
        "何时获取？",
        explanation_zh="(a)：客户关系管理事后记录企业对客户有哪些了解；客户体验管理则就在触点上捕捉"
        "客户对每一次接触的主观反应——调查、净推荐值、客户费力度、文本。(b) 和 (c) 正是客户关系管理"
        "系统里存着的东西；(d) 把客户做过什么的记录，当成了客户经历了什么。",
        worked_zh="客户关系管理是企业对客户做过什么的记录——滞后的、事后的。客户在每个触点上怎么想、"
        "有什么感受，只能靠询问或观察得来：调查、评论、净推荐值、客户费力度。选项 (a)。",
    )
)

register(
    self_assessment_question(
        "01.sa3",
        "d",
        "a",
        prompt="What is a moment of truth in Jan Carlzon's sense? (a) the moment the customer "
        "pays; (b) the yearly satisfaction survey; (c) a complaint that reaches top management; "
        "(d) a brief contact between a customer and an employee, in which the customer makes up "
        "his or her mind about the firm",
        hint="Concepts, section 4: what did Carlzon call a moment of truth, and how many did he "
        "count per customer?",
        explanation="(d): Carlzon called each contact between a customer and an employee a "
        "moment of truth — about 5 employees per customer, about 15 seconds each, moments that "
        "decide whether the airline is the best choice. (a) names one touchpoint; the moments of "
        "truth are every such contact, however brief.",
        worked="Carlzon's moments of truth are the contacts between customers and employees: "
        "brief (about 15 seconds), many (about 5 per customer), and each deciding whether the "
        "airline is the best choice — option (d).",
        prompt_zh="按扬·卡尔森（Jan Carlzon）的意思，什么是关键时刻？(a) 客户付款的那一刻；(b) 每"
        "年一次的满意度调查；(c) 一次闹到高层管理者那里的投诉；(d) 客户与员工之间一次短暂的接触，客"
        "户就在这次接触中对企业作出判断",
        hint_zh="“基本概念”第 4 节：卡尔森把什么称为关键时刻？他估算每位客户有多少次这样的接触？",
        explanation_zh="(d)：卡尔森把客户与员工之间的每一次接触都称为关键时刻——每位客户大约与 5 名"
        "员工接触，每次约 15 秒，正是这些瞬间决定了这家航空公司是不是客户的最佳选择。(a) 只说出了一"
        "个触点；关键时刻是每一次这样的接触，不管它多么短暂。",
        worked_zh="卡尔森所说的关键时刻，是客户与员工之间的接触：短暂（每次约 15 秒）、频繁（每位客"
        "户大约 5 次），而且每一次都决定这家航空公司是不是客户的最佳选择——选项 (d)。",
    )
)

register(
    self_assessment_question(
        "01.sa4",
        "c",
        "a",
        prompt="The ECSI customers rate their satisfaction 8.0 and their likelihood to recommend "
        "7.7 out of 10 on average. Which reading is right? (a) the means are comfortable, so the "
        "experience is superior; (b) most customers are unhappy; (c) the means hide the "
        "distribution: only about a quarter rate satisfaction 9 or 10, and nearly one in four "
        "gives a recommendation score of 6 or less; (d) satisfaction and the likelihood to "
        "recommend are the same thing",
        hint="Practice: the table of means and shares, and the text under the two bar charts.",
        explanation="(c): the distributions tell more than the means — 26.8 % rate satisfaction "
        "9 or 10, and 24.0 % give a recommendation score of 6 or less. Reading only the mean (a) "
        "is how a manager comes to believe, like the 80 % of firms in Bain's study, that the "
        "experience is superior; (b) goes too far the other way: most customers rate 7 or more.",
        worked="Compute the shares behind the means, as the Practice section does:\n\n"
        '```python\n(ecsi[["CUSA1", "CUSL3"]] >= 9).mean() * 100  # 26.8 and 38.0\n'
        '(ecsi[["CUSA1", "CUSL3"]] <= 6).mean() * 100  # 9.6 and 24.0\n```\n\n'
        "Nearly one customer in four gives a recommendation score of 6 or less behind a mean of "
        "7.7 — option (c).",
        prompt_zh="ECSI 调查的客户给满意度打的平均分是 8.0，给推荐可能性打的平均分是 7.7（满分 10 "
        "分）。哪一种解读对？(a) 平均分不错，所以体验是卓越的；(b) 大多数客户不满意；(c) 平均分掩盖"
        "了分布：只有大约四分之一的客户给满意度打了 9 分或 10 分，而将近四分之一的客户给出的推荐可"
        "能性在 6 分及以下；(d) 满意度和推荐可能性是一回事",
        hint_zh="“动手练习”中的均值与占比表，以及两张柱状图下面的文字。",
        explanation_zh="(c)：分布比均值透露的信息更多——26.8 % 的客户给满意度打了 9 分或 10 分，"
        "24.0 % 的客户给出的推荐可能性在 6 分及以下。只看均值 (a)，管理者就会像贝恩研究中那 80 % 的"
        "企业一样，相信自己提供的体验是卓越的；(b) 又走到了另一个极端：大多数客户打了 7 分或更高。",
        worked_zh="像“动手练习”那样，算出均值背后的占比：\n\n"
        '```python\n(ecsi[["CUSA1", "CUSL3"]] >= 9).mean() * 100  # 26.8 和 38.0\n'
        '(ecsi[["CUSA1", "CUSL3"]] <= 6).mean() * 100  # 9.6 和 24.0\n```\n\n'
        "平均分 7.7 的背后，将近四分之一的客户给出的推荐可能性在 6 分及以下——选项 (c)。",
    )
)
