"""Exercises of lesson 01b: CEM as a management system (the six components, the closed
loop, CXM vs CRM vs CEM, a maturity self-assessment)."""

from __future__ import annotations

from typing import Any

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
