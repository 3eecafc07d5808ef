"""Exercises of lesson 11: key drivers, importance-performance analysis, funnels."""

from __future__ import annotations

from cxlab.exercises.registry import Exercise, register

MOTS = ["mot_booking", "mot_checkin", "mot_boarding", "mot_crew", "mot_meal", "mot_arrival"]
BLACK_FRIDAY = "2025-11-28"
TIMEOUT_S = 7.0


def _airline():
    from cxlab import datasets

    return datasets.load("airline_mot")


def _crew_share() -> float:
    from cxlab import drivers

    air = _airline()
    no_problem = air[~air["had_problem"].astype(bool)]
    rw = drivers.relative_weights(no_problem, "nps_score", MOTS, B=0)
    return round(float(rw.table.loc["mot_crew", "pct"]), 1)


def _arrival_median_quadrant() -> str:
    from cxlab import drivers

    air = _airline()
    problem = air[air["had_problem"].astype(bool)]
    seven = [*MOTS, "mot_complaint"]
    rw = drivers.relative_weights(problem, "nps_score", seven, B=0)
    grid = drivers.ipa(rw, problem[seven].mean(), cut="median")
    return str(grid.table.loc["mot_arrival", "quadrant"])


def _black_friday_checkouts():
    from cxlab import datasets

    events = datasets.load("journey_events")
    checkout = events[(events["stage"] == "checkout") & (events["date"] == BLACK_FRIDAY)]
    bought = checkout["session_id"].isin(events.loc[events["stage"] == "purchase", "session_id"])
    return checkout, bought


def _timeout_share() -> float:
    checkout, _ = _black_friday_checkouts()
    return round(100 * float((checkout["page_load_s"] > TIMEOUT_S).mean()), 1)


def _fast_conversion() -> float:
    checkout, bought = _black_friday_checkouts()
    fast = checkout["page_load_s"] <= TIMEOUT_S
    return round(100 * float(bought[fast].mean()), 1)


register(
    Exercise(
        id="11.crew_share",
        prompt="Relative weights, passengers without a problem: mot_crew's share (%) of the R² "
        "of nps_score?",
        solution=_crew_share,
        wrong=lambda: 28.5,
        tol=0.1,
        hint="rw.table.loc['mot_crew', 'pct'] for the model of section 1 (no_problem data, "
        "six MOTs) — a percentage, e.g. 12.3, not a proportion. 28.5 is the value for all "
        "passengers.",
        explanation="The crew carries about a third (34 %) of what the six moments of truth "
        "explain of NPS — the truth of the simulation is 32 %, well inside the interval.",
        prompt_zh="相对权重，没有遇到问题的乘客：mot_crew 占 nps_score 的 R² 的份额（%）是多少？",
        hint_zh="第 1 节模型（no_problem 数据，六个关键时刻）的 rw.table.loc['mot_crew', 'pct']——"
        "填百分数，例如 12.3，不是比例。28.5 是全部乘客的值。",
        explanation_zh="乘务组承载了六个关键时刻对净推荐值所解释部分的约三分之一（34 %）——模拟的"
        "真实值是 32 %，完全落在区间之内。",
        worked="Relative weights share the R² of `nps_score` among the six moments; `pct` is "
        "each share in % of R². Read the crew's row of `rw`, the model of section 1 (passengers "
        "without a problem):\n\n"
        '```python\nround(rw.table.loc["mot_crew", "pct"], 1)  # 34.2\n```\n\n'
        "34.2 %: the crew carries about a third of what the six moments of truth explain of NPS "
        "(bootstrap interval about 25–42 %). 28.5 is the value for all passengers (`rw_all`).",
        worked_zh="相对权重把 `nps_score` 的 R² 分给六个关键时刻；`pct` 是每一份占 R² 的百分比。读"
        "出第 1 节模型（没有遇到问题的乘客）`rw` 中乘务组那一行：\n\n"
        '```python\nround(rw.table.loc["mot_crew", "pct"], 1)  # 34.2\n```\n\n'
        "34.2 %：六个关键时刻对净推荐值所解释的部分，乘务组约占三分之一（自助法区间约为 25–42 "
        "%）。28.5 是全部乘客（`rw_all`）的值。",
    )
)

register(
    Exercise(
        id="11.arrival_median",
        prompt="IPA of the passengers with a problem, cut at the medians instead of the means: "
        "in which quadrant is mot_arrival?",
        kind="text",
        synonyms={
            "重点改进": "concentrate here",
            "concentrate": "concentrate here",
            "keep up": "keep up the good work",
            "keep up the good work": "keep up the good work",
            "继续保持": "keep up the good work",
            "低优先级": "low priority",
            "过度投入": "possible overkill",
            "overkill": "possible overkill",
            "重点改进区": "concentrate here",
            "重点改进象限": "concentrate here",
            "优先改进区": "concentrate here",
            "优先改进": "concentrate here",
            "继续保持区": "keep up the good work",
            "继续保持象限": "keep up the good work",
            "保持优势区": "keep up the good work",
            "低优先级区": "low priority",
            "低优先级象限": "low priority",
            "低优先区": "low priority",
            "次要改进区": "low priority",
            "过度投入区": "possible overkill",
            "过度投入象限": "possible overkill",
            "供给过度区": "possible overkill",
        },
        solution=_arrival_median_quadrant,
        wrong=lambda: "low priority",
        hint="cx.drivers.ipa(rw7, perf7, cut='median').table.loc['mot_arrival', 'quadrant'].",
        explanation="'Concentrate here': at the median, arrival's importance (14.0 %) counts as "
        "high and its performance (3.19) as low. It sits close to both lines, so its quadrant "
        "depends on where they are drawn — report the cut points with the grid.",
        prompt_zh="遇到问题的乘客的 IPA，分界线画在中位数而不是均值处：mot_arrival 落在哪个象限？",
        hint_zh="查看 cx.drivers.ipa(rw7, perf7, cut='median').table.loc['mot_arrival', "
        "'quadrant']。",
        explanation_zh="“重点改进”（concentrate here）：以中位数为界，到达的重要性（14.0 %）算"
        "高，绩效（3.19）算低。它离两条线都很近，所以落在哪个象限取决于线画在哪里——报告 IPA 图时"
        "要同时给出分界点。",
        worked="Redraw the grid of section 5 with the same importance (`rw7`) and performance, "
        "but `cut='median'`, and read arrival's row:\n\n"
        '```python\ngrid_median = cx.drivers.ipa(rw7, problem[SEVEN].mean(), cut="median")\n'
        'print(grid_median.summary())\ngrid_median.table.loc["mot_arrival", "quadrant"]\n'
        "```\n\n"
        "'concentrate here': the lines move to importance 12.3 % and performance 3.88, so "
        "arrival's 14.0 % counts as high and its 3.19 as low. At the means (section 5) it is "
        "'low priority': it sits close to both lines, so report where they are drawn.",
        worked_zh="用同样的重要性（`rw7`）和绩效重画第 5 节的图，但改用 `cut='median'`，再读出到达"
        "那一行：\n\n"
        '```python\ngrid_median = cx.drivers.ipa(rw7, problem[SEVEN].mean(), cut="median")\n'
        'print(grid_median.summary())\ngrid_median.table.loc["mot_arrival", "quadrant"]\n'
        "```\n\n"
        "“重点改进”（concentrate here）：分界线移到重要性 12.3 % 和绩效 3.88 处，于是到达的 "
        "14.0 % 算高，3.19 算低。以均值为界（第 5 节）时，它在“低优先级”：它离两条线都很近，所以"
        "报告时要说明线画在哪里。",
    )
)

register(
    Exercise(
        id="11.bf_timeouts",
        prompt="What share (%) of the Black Friday checkouts had a checkout page that took "
        "more than 7 s to load?",
        solution=_timeout_share,
        wrong=lambda: 0.9,
        tol=0.1,
        hint="Rows of events with stage == 'checkout' and date == '2025-11-28'; the mean of "
        "page_load_s > 7, times 100. (0.9 % is the share on the other days.)",
        explanation="About one Black Friday checkout in six (16 %) took longer than 7 s — and "
        "none of those sessions bought anything.",
        prompt_zh="黑色星期五的结账中，结账页面加载超过 7 秒的占多少（%）？",
        hint_zh="events 中 stage == 'checkout' 且 date == '2025-11-28' 的行；page_load_s > 7 的均"
        "值，乘以 100。（0.9 % 是其他日子的比例。）",
        explanation_zh="黑色星期五约每六次结账就有一次（16 %）加载超过 7 秒——而这些会话没有一个买"
        "了东西。",
        worked="Keep Black Friday's checkout rows of the event log `events` (section 7) and "
        "take the share whose page took more than 7 s to load:\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nround(100 * (bf_checkout["page_load_s"] > 7).mean(), 1)  # 16.2\n'
        "```\n\n"
        "16.2 % — 64 of 394 checkouts, about one in six, and none of them ended in a purchase. "
        "0.9 % is the share on the other days.",
        worked_zh="在事件日志 `events`（第 7 节）中保留黑色星期五的结账行，求页面加载超过 7 秒的比"
        "例：\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nround(100 * (bf_checkout["page_load_s"] > 7).mean(), 1)  # 16.2\n'
        "```\n\n"
        "16.2 %——394 次结账中有 64 次，约每六次一次，而且没有一次完成了购买。0.9 % 是其他日子"
        "的比例。",
    )
)

register(
    Exercise(
        id="11.bf_fast_conversion",
        prompt="Checkout → purchase (%) on Black Friday among the checkouts whose page loaded "
        "within 7 s?",
        solution=_fast_conversion,
        wrong=lambda: 31.0,
        tol=0.1,
        hint="Keep Black Friday checkouts with page_load_s <= 7; the share of their sessions "
        "that have a purchase event, times 100. (31.0 % is the rate of all Black Friday "
        "checkouts.)",
        explanation="About 37 % — still well below the 46 % of 15-22 December: time-outs explain "
        "part of the gap, and something else at the checkout (new customers, sold-out items) "
        "the rest.",
        prompt_zh="黑色星期五，在页面 7 秒内加载完成的结账中，结账 → 购买的转化率（%）是多少？",
        hint_zh="保留 page_load_s <= 7 的黑色星期五结账；其中有购买事件的会话所占的比例，乘以 "
        "100。（31.0 % 是黑色星期五全部结账的转化率。）",
        explanation_zh="约 37 %——仍远低于 12 月 15–22 日的 46 %：超时解释了差距的一部分，其余来自"
        "结账环节的其他因素（新客户、已售罄的商品）。",
        worked="Keep Black Friday's checkouts whose page loaded within 7 s and take the share "
        "of their sessions that have a purchase event:\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nfast_bf = bf_checkout[bf_checkout["page_load_s"] <= 7]\n'
        'purchases = events.loc[events["stage"] == "purchase", "session_id"]\n'
        'round(100 * fast_bf["session_id"].isin(purchases).mean(), 1)  # 37.0\n```\n\n'
        "37.0 % (122 of 330): above the 31.0 % of all Black Friday checkouts (the usual slip), "
        "but still well below the 45.5 % of 15–22 December — the time-outs explain only part of "
        "the gap.",
        worked_zh="保留黑色星期五页面在 7 秒内加载完成的结账，求其中有购买事件的会话所占的比例："
        "\n\n"
        '```python\nbf_checkout = events[(events["stage"] == "checkout") & (events["date"] == '
        '"2025-11-28")]\nfast_bf = bf_checkout[bf_checkout["page_load_s"] <= 7]\n'
        'purchases = events.loc[events["stage"] == "purchase", "session_id"]\n'
        'round(100 * fast_bf["session_id"].isin(purchases).mean(), 1)  # 37.0\n```\n\n'
        "37.0 %（330 次中有 122 次）：高于黑色星期五全部结账的 31.0 %（常见的错误就是填了它），"
        "但仍远低于 12 月 15–22 日的 45.5 %——超时只解释了差距的一部分。",
    )
)
