"""Exercises of lesson 01b: CEM as a management system (the six components, the closed
loop, CXM vs CRM vs CEM, a maturity self-assessment)."""

from __future__ import annotations

from typing import Any

from cxlab.exercises.lesson00b import self_assessment_question
from cxlab.exercises.registry import Exercise, register

#: the six components of a CEM system (source S3), as a learner may name them
COMPONENT_WORDS = {
    "strategy": "strategy",
    "experience strategy": "strategy",
    "cx strategy": "strategy",
    "体验战略": "strategy",
    "战略": "strategy",
    "insight": "insight",
    "insights": "insight",
    "customer insight": "insight",
    "cognition": "insight",
    "体验认知": "insight",
    "认知": "insight",
    "客户洞察": "insight",
    "洞察": "insight",
    "design": "design",
    "experience design": "design",
    "体验设计": "design",
    "设计": "design",
    "measurement": "measurement",
    "experience measurement": "measurement",
    "体验测量": "measurement",
    "测量": "measurement",
    "management": "management",
    "experience management": "management",
    "体验管理": "management",
    "管理": "management",
    "culture": "culture",
    "experience culture": "culture",
    "cx culture": "culture",
    "体验文化": "culture",
    "文化": "culture",
}

#: the three approaches of source S5
APPROACH_WORDS = {
    "cxm": "cxm",
    "customer experience management": "cxm",
    "experience management": "cxm",
    "客户体验管理": "cxm",
    "crm": "crm",
    "customer relationship management": "crm",
    "relationship management": "crm",
    "客户关系管理": "crm",
    "关系管理": "crm",
    "cem": "cem",
    "customer engagement management": "cem",
    "engagement management": "cem",
    "engagement": "cem",
    "客户参与管理": "cem",
    "参与管理": "cem",
    "客户互动管理": "cem",
    "互动管理": "cem",
}

#: three managers of one hotel rate the six components (1–5); lesson 01b prints the same
TEAM: dict[str, list[int]] = {
    "strategy": [4, 4, 3],
    "insight": [2, 3, 2],
    "design": [4, 3, 4],
    "measurement": [3, 2, 3],
    "management": [3, 3, 3],
    "culture": [4, 4, 1],
}

LOOP = ["journey map", "feedback", "analysis", "improvement", "monitoring"]
_LOOP_WORDS = {
    "journey map": "journey map",
    "journey mapping": "journey map",
    "customer journey map": "journey map",
    "map": "journey map",
    "客户旅程地图": "journey map",
    "旅程地图": "journey map",
    "客户旅程图": "journey map",
    "feedback": "feedback",
    "collect feedback": "feedback",
    "customer feedback": "feedback",
    "客户反馈": "feedback",
    "反馈": "feedback",
    "收集反馈": "feedback",
    "analysis": "analysis",
    "analyse": "analysis",
    "analyze": "analysis",
    "分析": "analysis",
    "数据分析": "analysis",
    "improvement": "improvement",
    "improve": "improvement",
    "redesign": "improvement",
    "改进": "improvement",
    "改善": "improvement",
    "优化": "improvement",
    "monitoring": "monitoring",
    "monitor": "monitoring",
    "监测": "monitoring",
    "监控": "monitoring",
    "持续监测": "monitoring",
}


def _loop_word(word: Any) -> str | None:
    text = " ".join(str(word).strip().lower().replace("_", " ").replace("-", " ").split())
    return _LOOP_WORDS.get(text)


def _same_loop(answer: Any, reference: list[str]) -> bool:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return False
    return [_loop_word(a) for a in answer] == reference


def _team_means() -> Any:
    import pandas as pd

    return pd.DataFrame(TEAM).mean()


def _weakest() -> str:
    from cxlab.widgets import maturity_view

    return maturity_view(_team_means(), lang="en").weakest


def _lowest_single_rating() -> str:
    """The component of the single lowest rating (the usual slip: one rater, not the mean)."""
    return min(TEAM, key=lambda c: min(TEAM[c]))


register(
    Exercise(
        id="01b.component",
        prompt="Each morning every department of a hotel holds a ten-minute line-up that "
        "retells one guest story and one service value, and staff who put a guest's problem "
        "right on the spot are thanked in front of their peers. Which component of a CEM "
        "system does this build?",
        kind="text",
        solution=lambda: "culture",
        wrong=lambda: "management",
        synonyms=COMPONENT_WORDS,
        hint="Management routes feedback to the owner of a touchpoint and checks that it was "
        "acted on. Nothing here is measured or routed: which component is about everyone, not "
        "only the front line, owning the experience every day?",
        explanation="Culture (体验文化): the daily line-up and public thanks make the "
        "experience everybody's business and back staff who act on the spot.",
        prompt_zh="一家酒店的每个部门每天早上开十分钟的晨会，讲一个客人的故事、重温一条服务"
        "准则；当场为客人解决了问题的员工会在同事面前受到感谢。这建设的是客户体验管理体系的"
        "哪个维度？",
        hint_zh="体验管理是把反馈送到触点负责人手中、并检查问题是否得到处理的流程。这里既没有"
        "测量，也没有传递反馈：哪个维度讲的是人人（不只是一线员工）每天都对体验负责？",
        explanation_zh="体验文化（culture）：每天的晨会和当众感谢让体验成为每个人的事，"
        "也给当场采取行动的员工撑腰。",
        worked="Ask what the practice builds. Nothing is measured and no feedback is routed to an "
        "owner; the daily line-up and the public thanks make the experience everyone's job and "
        "back staff who act on the spot — the culture row of the table in §1 (customer stories in "
        'daily meetings; what gets praised).\n\n```python\nanswer = "culture"\n'
        'cx.check("01b.component", answer)\n```\n\n'
        "Culture (体验文化). Not management: management routes feedback to the owner of a "
        "touchpoint and checks that it was acted on.",
        worked_zh="问一问这种做法建设的是什么。这里没有测量任何东西，也没有把反馈送到哪位负责人手"
        "中；每天的晨会和当众感谢让体验成为每个人的事，也给当场采取行动的员工撑腰——这正是第 1 节表"
        "中体验文化那一行（每天的例会上讲客户的故事；受到表扬的是什么）。\n\n```python\n"
        'answer = "culture"\ncx.check("01b.component", answer)\n```\n\n'
        "体验文化（culture）。不是体验管理：体验管理是把反馈送到触点负责人手中，并检查问题是否得到"
        "了处理。",
    )
)

register(
    Exercise(
        id="01b.weakest",
        prompt="Three managers of one hotel rated the six components (the table team). "
        "Average their ratings per component and pass the means to "
        "cx.widgets.maturity_view: which component should the hotel work on first?",
        kind="text",
        solution=_weakest,
        wrong=_lowest_single_rating,
        synonyms=COMPONENT_WORDS,
        hint="Average first (team.mean()), then cx.widgets.maturity_view(team.mean()).weakest. "
        "The single lowest rating is one manager's view, not the team's.",
        explanation="Customer insight: its mean, 2.33, is the lowest of the six. Culture has "
        "the single lowest rating (1, from one manager) but a mean of 3.0: worth asking why "
        "that manager sees it so differently.",
        prompt_zh="一家酒店的三位经理为六个维度打了分（表 team）。先按维度求三人的平均分，"
        "再把平均分交给 cx.widgets.maturity_view：这家酒店应该首先改进哪个维度？",
        hint_zh="先求平均（team.mean()），再看 cx.widgets.maturity_view(team.mean()).weakest。"
        "单个最低的分数只是一位经理的看法，不是整个团队的看法。",
        explanation_zh="体验认知（insight）：它的平均分 2.33 是六个维度中最低的。体验文化有"
        "全表最低的单个分数（1 分，来自一位经理），但平均分是 3.0：值得问一问这位经理为什么看法"
        "如此不同。",
        worked="Average the three managers' ratings per component first, then let `maturity_view` "
        "find the weakest mean (`team` is the table of the exercise cell):\n\n```python\n"
        "view = cx.widgets.maturity_view(team.mean())\nview.weakest  # 'insight'\n```\n\n"
        "Customer insight: its mean, 2.33, is the lowest of the six (measurement, 2.67, comes "
        "next). Culture holds the single lowest rating (1, from one manager) but averages 3.0 — "
        "one manager's view, not the team's, and worth asking about.",
        worked_zh="先按维度求三位经理的平均分，再让 `maturity_view` 找出平均分最低的维度（`team` "
        "是练习单元格里的表）：\n\n```python\nview = cx.widgets.maturity_view(team.mean())\n"
        "view.weakest  # 'insight'\n```\n\n"
        "体验认知（insight）：它的平均分 2.33 是六个维度中最低的（其次是体验测量，2.67）。体验文化"
        "有全表最低的单个分数（1 分，来自一位经理），但平均分是 3.0——那是一位经理的看法，不是整个"
        "团队的看法，值得问一问原因。",
    )
)

register(
    Exercise(
        id="01b.approach",
        prompt="A hotel's app lets guests message the front desk during their stay, answers "
        "within minutes, and invites a guest to that evening's wine tasting because her "
        "profile says she likes wine. In source S5's three-way split, which approach is "
        "this: CXM, CRM or CEM?",
        kind="text",
        solution=lambda: "cem",
        wrong=lambda: "crm",
        synonyms=APPROACH_WORDS,
        hint="CRM keeps the guest's record (the profile it draws on). Which approach is about "
        "the real-time, two-way conversation during the stay and the offer made in it?",
        explanation="CEM in source S5's sense: customer engagement management (客户参与管理) — "
        "a real-time, two-way dialogue in the app and a tailored offer. It uses the CRM "
        "profile, and both serve the CXM strategy for the whole journey.",
        prompt_zh="一家酒店的应用程序让客人在入住期间给前台发消息，几分钟内就有回复；因为一位"
        "客人的客户画像显示她喜欢葡萄酒，应用程序还邀请她参加当晚的品酒会。按资料 S5 的三分法，"
        "这属于哪一种做法：CXM、CRM 还是 CEM？",
        hint_zh="CRM（客户关系管理）保存客人的档案（这里用到的客户画像就来自它）。哪一种做法讲的"
        "是入住期间实时的双向对话，以及在对话中提出的邀请？",
        explanation_zh="资料 S5 意义上的 CEM：客户参与管理（customer engagement management）"
        "——在应用程序里实时双向对话，并提出量身定制的邀请。它用到了 CRM 的客户画像，而两者都"
        "服务于覆盖整个客户旅程的 CXM（客户体验管理）战略。",
        worked="Sort by what the app does: a real-time, two-way conversation during the stay and "
        "an offer made in it — engagement. The wine preference it draws on sits in the CRM "
        "profile, and both serve the CXM strategy for the whole journey.\n\n```python\n"
        'answer = "CEM"\ncx.check("01b.approach", answer)\n```\n\n'
        "CEM in source S5's sense: customer engagement management (客户参与管理). Not CRM: CRM "
        "keeps the guest's record; here the record is used in a live dialogue.",
        worked_zh="看应用程序做了什么：入住期间实时的双向对话，以及在对话中提出的邀请——这是客户参"
        "与。它用到的葡萄酒偏好来自 CRM 的客户画像，而两者都服务于覆盖整个客户旅程的 CXM 战略。\n"
        '\n```python\nanswer = "CEM"\ncx.check("01b.approach", answer)\n```\n\n'
        "资料 S5 意义上的 CEM：客户参与管理（customer engagement management）。不是 CRM：CRM 保存"
        "客人的档案；这里是在实时对话中用到这份档案。",
    )
)

register(
    Exercise(
        id="01b.loop",
        prompt="Put the five steps of the closed loop in order, starting with the journey "
        'map: a list of five words from "journey map", "feedback", "analysis", '
        '"improvement", "monitoring".',
        kind="custom",
        solution=lambda: list(LOOP),
        wrong=lambda: ["feedback", "journey map", "analysis", "improvement", "monitoring"],
        checker=_same_loop,
        hint="Before you ask customers for feedback you must know where to ask: the key "
        "touchpoints on the map. And a fix is finished only when you can see that it worked.",
        explanation="Journey map (key touchpoints) → feedback → analysis → improvement → "
        "monitoring, and round again: monitoring shows whether the fix worked and where the "
        "next problem is.",
        prompt_zh="从客户旅程地图开始，把闭环的五个步骤排好顺序：填一个由五个词组成的列表，"
        '从 "journey map"（客户旅程地图）、"feedback"（客户反馈）、"analysis"（分析）、'
        '"improvement"（改进）、"monitoring"（监测）中选（也可以填中文）。',
        hint_zh="在向客户征求反馈之前，先要知道去哪里问：地图上的关键触点。而一项改进只有在你"
        "看到它确实奏效之后才算完成。",
        explanation_zh="客户旅程地图（关键触点）→ 客户反馈 → 分析 → 改进 → 监测，然后再转一圈："
        "监测告诉你改进是否奏效，以及下一个问题出在哪里。",
        worked="First know where to ask (the key touchpoints on the journey map), then ask, then "
        "find what matters, then change the touchpoint, then check that the change worked:\n\n"
        "```python\n"
        'answer = ["journey map", "feedback", "analysis", "improvement", "monitoring"]\n'
        'cx.check("01b.loop", answer)\n```\n\n'
        "Feedback does not come first: without the map you do not know which touchpoints to ask "
        "about. Monitoring closes the loop — it shows whether the fix worked and where the next "
        "problem is — and the loop goes round again.",
        worked_zh="先知道去哪里问（客户旅程地图上的关键触点），再去问，再找出什么最重要，再改进触"
        "点，最后检查改进是否奏效：\n\n```python\n"
        'answer = ["journey map", "feedback", "analysis", "improvement", "monitoring"]\n'
        'cx.check("01b.loop", answer)\n```\n\n'
        "客户反馈不是第一步：没有地图，就不知道该就哪些触点去问。监测让闭环合上——它显示改进是否奏"
        "效，以及下一个问题出在哪里——然后再转一圈。",
    )
)

# --- Self-assessment: the key ideas in plain words ------------------------------------------

register(
    self_assessment_question(
        "01b.sa1",
        "b",
        "a",
        prompt="A management team rates its firm 4 of 5 on average in the CEM maturity "
        "self-assessment. What does the score show? (a) that the firm's CEM is mature — a "
        "measured fact; (b) a starting point for a conversation: the self-assessment has not been "
        "validated as a measurement instrument, and ratings of one's own firm tend to be "
        "generous; (c) that the firm has no weak component; (d) that customers rate the firm 4 "
        "of 5",
        hint="Section 5: what the lesson says the self-assessment is and is not, and how to "
        "score with it.",
        explanation="(b): the self-assessment is a teaching tool for a conversation in a "
        "management team, not a validated measurement, and ratings of one's own firm tend to be "
        "generous (lesson 01's delivery gap). Score with evidence and compare several managers' "
        "ratings. (a) treats it as a measurement; (c) forgets that a mean can hide a weak "
        "component; (d) takes managers' ratings for customers'.",
        worked="Section 5 calls the self-assessment a teaching tool for a conversation, not a "
        "validated instrument, and warns that ratings of one's own firm tend to be generous. A "
        "mean of 4 can even hide a weak component: `view.text()` names the weakest. Option (b).",
        prompt_zh="一个管理团队在客户体验管理成熟度自评中给自己的企业打了平均 4 分（满分 5 分）。这"
        "个分数说明什么？(a) 这家企业的客户体验管理已经成熟——这是测量出来的事实；(b) 讨论的起点：这"
        "次自评并没有作为测量工具得到验证，而且人们给自己企业打的分往往偏宽松；(c) 这家企业没有薄弱"
        "的维度；(d) 客户给这家企业打了 4 分",
        hint_zh="第 5 节：课文说这次自评是什么、不是什么，以及应当怎样打分。",
        explanation_zh="(b)：这次自评是供管理团队讨论用的教学工具，并不是经过验证的测量，而且人们给"
        "自己企业打的分往往偏宽松（想想第 01 课的交付差距）。打分要有证据，并比较几位管理者的评分。"
        "(a) 把它当成了测量；(c) 忘了平均分可能掩盖一个薄弱的维度；(d) 把管理者的评分当成了客户的评"
        "分。",
        worked_zh="第 5 节说，这次自评是供讨论用的教学工具，不是经过验证的测量工具，并提醒人们给自"
        "己企业打的分往往偏宽松。平均 4 分甚至可能掩盖一个薄弱的维度：`view.text()` 会指出最薄弱的"
        "那个。选项 (b)。",
    )
)

register(
    self_assessment_question(
        "01b.sa2",
        "d",
        "b",
        prompt="A hotel surveys its guests every month; the results go into a report that no "
        "department acts on. What repairs the loop? (a) a longer questionnaire; (b) more "
        "answers, for narrower intervals; (c) a new CRM system; (d) an owner for each key "
        "touchpoint who receives the results, changes the touchpoint and checks that the change "
        "worked",
        hint="Section 2, the text under the drawing of the loop: where does a loop break?",
        explanation="(d): a loop breaks where a step has no owner — here feedback is collected "
        "but never reaches anyone who improves the touchpoint and monitors the result. More or "
        "longer surveys (a, b) measure more precisely a loop that still leads nowhere; a CRM (c) "
        "keeps records of customers.",
        worked="The loop runs journey map → feedback → analysis → improvement → monitoring. "
        "Here the feedback stops at a report: nobody owns the steps after it. A named owner per "
        "key touchpoint — who gets the results, changes the touchpoint and checks the change — "
        "closes it: option (d).",
        prompt_zh="一家酒店每个月都做客人问卷，结果写进一份没有任何部门据此行动的报告。怎样把闭环修"
        "好？(a) 把问卷加长；(b) 收集更多回答，让区间更窄；(c) 换一套新的客户关系管理系统；(d) 为每"
        "个关键触点指定一位负责人：由他接收结果、改动这个触点，并检查改动是否奏效",
        hint_zh="第 2 节闭环图下面的文字：闭环在哪里断开？",
        explanation_zh="(d)：哪一步没有负责人，闭环就在哪里断开——这里收集了反馈，却没有送到任何一"
        "个会改进触点、监测结果的人手里。更多或更长的问卷 (a、b) 只是把一个仍然不通向任何行动的闭环"
        "测量得更准；客户关系管理系统 (c) 保存的是客户记录。",
        worked_zh="闭环的顺序是：客户旅程地图 → 客户反馈 → 分析 → 改进 → 监测。这里的反馈停在了一份"
        "报告上：之后的各步都没有负责人。为每个关键触点指定一位负责人——由他接收结果、改动触点并检查"
        "改动——闭环才能接上：选项 (d)。",
    )
)

register(
    self_assessment_question(
        "01b.sa3",
        "a",
        "b",
        prompt="A vendor offers you a 'CEM platform'. What do you ask first? (a) which CEM is "
        "meant: customer experience management, or customer engagement management — the "
        "real-time dialogue of source S5; (b) nothing: CEM always means customer experience "
        "management; (c) how many customer records it can store; (d) whether it replaces the CRM",
        hint="Section 3: are the acronyms CXM, CRM and CEM used consistently?",
        explanation="(a): lesson 01 and most Chinese texts use CEM for customer experience "
        "management; source S5 uses it for customer engagement management, a real-time two-way "
        "dialogue. Ask which one is meant. (b) assumes one meaning where the texts use two; (c) "
        "and (d) are questions about a CRM.",
        worked="Section 3: the acronyms are not used consistently — CEM is customer experience "
        "management in lesson 01 and most Chinese texts, customer engagement management in "
        "source S5. Ask which one is meant: option (a).",
        prompt_zh="一家供应商向你推销一个“CEM 平台”。你首先要问什么？(a) 指的是哪一种 CEM：客户体验"
        "管理，还是客户参与管理——资料 S5 所说的那种实时对话；(b) 不用问：CEM 总是指客户体验管理；"
        "(c) 它能存多少条客户记录；(d) 它能否取代客户关系管理系统",
        hint_zh="第 3 节：CXM、CRM 和 CEM 这几个缩写的用法统一吗？",
        explanation_zh="(a)：第 01 课和大多数中文文本用 CEM 指客户体验管理；资料 S5 却用它指客户参"
        "与管理，即实时的双向对话。要问清楚指的是哪一种。(b) 把文本中的两种含义当成了一种；(c) 和 ("
        "d) 问的是客户关系管理系统的事。",
        worked_zh="第 3 节：这几个缩写的用法并不统一——在第 01 课和大多数中文文本里，CEM 是客户体验"
        "管理；在资料 S5 里，CEM 是客户参与管理。要问清楚指的是哪一种：选项 (a)。",
    )
)

register(
    self_assessment_question(
        "01b.sa4",
        "c",
        "a",
        prompt="The six cases — Apple, Starbucks, Amazon, Tesla, Singapore Airlines, the "
        "Ritz-Carlton — are famous successes. What do their sources show? (a) that the practices "
        "caused the firms' success; (b) that copying the practices works in any firm; (c) that "
        "the practices can go with success — not that they caused it, nor how many firms did the "
        "same and failed; (d) nothing: the practices are not documented",
        hint="Section 6, the paragraph before the cases, and the Summary's point on the cases.",
        explanation="(c): the sources document what the firms did; a famous success shows that "
        "a practice can go with success. That it caused the success (a) would need a "
        "comparison — a pilot with a control group — and a list of successes leaves out the "
        "firms that did the same and did not succeed, so (b) does not follow either. (d) goes "
        "too far: each case keeps to what a published source documents.",
        worked="The cases document practices (Apple's steps of service, the Ritz-Carlton's "
        "empowerment …), not their effects: a success story cannot show what would have "
        "happened without the practice, nor how many firms tried it and failed. Option (c).",
        prompt_zh="六个案例——苹果、星巴克、亚马逊、特斯拉、新加坡航空、丽思卡尔顿——都是著名的成功故"
        "事。它们的资料能说明什么？(a) 这些做法导致了这些企业的成功；(b) 照搬这些做法在任何企业都行"
        "得通；(c) 这些做法可以与成功相伴——但不能说明它们导致了成功，也不能说明有多少企业做了同样的"
        "事却失败了；(d) 什么也说明不了：这些做法没有记载",
        hint_zh="第 6 节案例前面的那一段，以及“小结”中讲案例的那一点。",
        explanation_zh="(c)：资料记载的是这些企业做了什么；一个著名的成功案例说明某种做法可以与成功"
        "相伴。要说它导致了成功 (a)，需要比较——例如设对照组的试点；而一份成功名单漏掉了那些做了同样"
        "的事却没有成功的企业，所以 (b) 也推不出来。(d) 走过了头：每个案例都只讲公开发表的资料记载"
        "了什么。",
        worked_zh="这些案例记载的是做法（苹果的服务步骤、丽思卡尔顿的员工授权……），而不是做法的效果"
        "：一个成功故事既说明不了没有这种做法会怎样，也说明不了有多少企业试过却失败了。选项 (c)。",
    )
)
