"""Simulate ``membership_churn``: the paid members' club of a hotel group (a monthly fee
for room discounts, free breakfast, lounge and gym access), who left and when, with a
randomised retention campaign (the churn and "did it work?" lessons).

    python datasets/make/membership_churn.py

One row per member. The truth (also in datapackage.json under ``simulation``):
- 6,500 members joined uniformly over 2022-01-01 … 2024-12-31; the data end on 2025-06-30
  (members still in the club then are right-censored: ``event`` = 0, ``end_date`` empty).
- Plan basic / plus / premium (50 / 35 / 15 %; monthly fee 38 / 68 / 128 CNY), segment
  business / leisure / local (35 / 45 / 20 %), sign-up channel app / web / front desk
  (50 / 30 / 20 %), independent. Usage ``visits_month`` (usual visits per month, one
  decimal) ~ Gamma(shape 2, scale 0.9 / 1.2 / 1.6 by plan). ``complaints`` ~ Poisson(0.35)
  cut at 4. An attitude a ~ N(0, 1) − 0.4·complaints gives ``nps_previous`` = round(7 +
  1.6·a + N(0, 1.2²)) and ``nps_latest`` = round(7 + 1.6·a − 0.5·complaints + N(0, 1.2²)),
  both cut to 0…10. Gross margin per month = round(0.55·fee + 9·visits + N(0, 5²), 1),
  at least 0. In this simulation usage, complaints and NPS are stable member traits,
  known from the start and unchanged over the membership (a simplification).
- Time to churn T (days since joining) follows a proportional-hazards model with a
  Weibull baseline: h(t | x) = h0(t)·exp(x'β), H0(t) = (t / SCALE)^SHAPE, with the log
  hazard ratios ``LOG_HR`` (plan, segment and channel against basic / business / app;
  visits per visit above 2; complaints per complaint; nps_previous none). ``end_date`` =
  join date + floor(T) days when that is on or before 2025-06-30; ``tenure_days`` =
  floor(T) for churners and days from joining to 2025-07-01 for the censored.
- THE RETENTION CAMPAIGN on 2024-10-01: of the members active that day (joined before it
  and not yet left), exactly half, drawn at random (``campaign`` = 1), got an offer; the
  others (``campaign`` = 0) did not; members not active that day have ``campaign`` empty.
  ``churn_90d`` = left within the 90 days from 2024-10-01 (before 2024-12-30). The offer
  multiplies the hazard during those 90 days only, by exp(−0.8) for members with at least
  one complaint (it helps), by exp(+0.4) for "sleeping dogs" (fewer than 1.0 visits a
  month and no complaint: the reminder makes them cancel) and by 1 for everyone else.
  The true risk differences (treated − control) averaged over this dataset's campaign
  members are in ``simulation.campaign.true_effect``.
- For the classifier: ``cx.churn.quarterly_snapshots(members, data_end="2025-06-30")``
  builds the member × quarter table; a snapshot's true probability of leaving within the
  quarter is 1 − exp(−(H(d_end) − H(d_start))) with H the member's cumulative hazard
  (campaign window included); :func:`true_quarter_probability` computes it and the true
  AUC of the last quarter (2025Q2) is in ``simulation.classifier``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _package import SIMULATED_LICENSES, register, simulated_sources

SEED = 20261222
N_MEMBERS = 6500
FIRST_JOIN, LAST_JOIN = pd.Timestamp("2022-01-01"), pd.Timestamp("2024-12-31")
DATA_END = pd.Timestamp("2025-06-30")
CAMPAIGN = pd.Timestamp("2024-10-01")
WINDOW_DAYS = 90
PLANS = {"basic": (0.50, 38, 0.9), "plus": (0.35, 68, 1.2), "premium": (0.15, 128, 1.6)}
SEGMENTS = {"business": 0.35, "leisure": 0.45, "local": 0.20}
CHANNELS = {"app": 0.50, "web": 0.30, "front desk": 0.20}
SHAPE, SCALE = 0.8, 1400.0
#: true log hazard ratios (dummies against basic / business / app; visits centred at 2,
#: nps_latest at 7 — centring only moves the baseline)
LOG_HR = {
    "plan[plus]": -0.3,
    "plan[premium]": -0.6,
    "segment[leisure]": 0.25,
    "segment[local]": -0.15,
    "channel[web]": 0.2,
    "channel[front desk]": -0.1,
    "visits_month": -0.25,
    "complaints": 0.35,
    "nps_latest": -0.12,
    "nps_previous": 0.0,
}
#: the offer's log hazard ratio during the 90-day window, by group
CAMPAIGN_LOG_HR = {"complained": -0.8, "sleeping dogs": 0.4, "others": 0.0}
TEST_QUARTER = "2025Q2"


def linear_predictor(df: pd.DataFrame) -> np.ndarray:
    """x'β of each member from the documented log hazard ratios (centred as stated)."""
    eta = np.zeros(len(df))
    for term, b in LOG_HR.items():
        if "[" in term:
            col, level = term[:-1].split("[")
            eta += b * (df[col].astype(str).to_numpy() == level)
        elif term == "visits_month":
            eta += b * (df[term].to_numpy(dtype=float) - 2.0)
        elif term == "nps_latest":
            eta += b * (df[term].to_numpy(dtype=float) - 7.0)
        else:
            eta += b * df[term].to_numpy(dtype=float)
    return eta


def campaign_group(df: pd.DataFrame) -> np.ndarray:
    """The campaign-effect group of each member (complained, sleeping dogs, others)."""
    complaints = df["complaints"].to_numpy(dtype=float)
    visits = df["visits_month"].to_numpy(dtype=float)
    return np.where(
        complaints >= 1, "complained", np.where(visits < 1.0, "sleeping dogs", "others")
    )


def _h0(t: np.ndarray) -> np.ndarray:
    return (np.maximum(t, 0.0) / SCALE) ** SHAPE


def cumulative_hazard(
    df: pd.DataFrame, days: np.ndarray, *, treated: bool | None = None
) -> np.ndarray:
    """H(days) of each member (days since joining), the campaign window included for the
    members offered the campaign (or for all campaign members when ``treated`` is given)."""
    join = pd.to_datetime(df["join_date"])
    a = (CAMPAIGN - join).dt.days.to_numpy(dtype=float)
    b = a + WINDOW_DAYS
    m = np.exp(pd.Series(campaign_group(df)).map(CAMPAIGN_LOG_HR).to_numpy(dtype=float))
    if treated is None:
        offered = df["campaign"].fillna(0).to_numpy(dtype=float) == 1
    else:
        offered = df["campaign"].notna().to_numpy() & treated
    base = _h0(days)
    inside = _h0(np.clip(days, a, b)) - _h0(np.clip(days, a, a))
    extra = np.where(offered & (a >= 0), (m - 1.0) * np.where(days > a, inside, 0.0), 0.0)
    return np.exp(linear_predictor(df)) * (base + extra)


def _event_times(eta: np.ndarray, e: np.ndarray, a: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Invert H(t) = E piecewise: before the window, inside it (hazard × m), after it."""
    u = e / np.exp(eta)
    ha, hb = _h0(a), _h0(a + WINDOW_DAYS)
    inside = ha + (u - ha) / m
    after = u - (m - 1.0) * (hb - ha)
    h = np.where(u <= ha, u, np.where(u <= ha + m * (hb - ha), inside, after))
    return SCALE * h ** (1.0 / SHAPE)


def build(seed: int = SEED) -> pd.DataFrame:
    """The member table (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    n = N_MEMBERS
    span = (LAST_JOIN - FIRST_JOIN).days + 1
    join = FIRST_JOIN + pd.to_timedelta(np.sort(rng.integers(0, span, n)), unit="D")
    plan = rng.choice(list(PLANS), size=n, p=[v[0] for v in PLANS.values()])
    segment = rng.choice(list(SEGMENTS), size=n, p=list(SEGMENTS.values()))
    channel = rng.choice(list(CHANNELS), size=n, p=list(CHANNELS.values()))
    fee = np.array([PLANS[p][1] for p in plan], dtype=float)
    visits = np.round(rng.gamma(2.0, [PLANS[p][2] for p in plan]), 1)
    complaints = np.minimum(rng.poisson(0.35, n), 4)
    attitude = rng.normal(0.0, 1.0, n) - 0.4 * complaints
    nps_prev = np.clip(np.round(7 + 1.6 * attitude + rng.normal(0, 1.2, n)), 0, 10)
    nps_last = np.clip(
        np.round(7 + 1.6 * attitude - 0.5 * complaints + rng.normal(0, 1.2, n)), 0, 10
    )
    margin = np.maximum(np.round(0.55 * fee + 9 * visits + rng.normal(0, 5, n), 1), 0.0)
    df = pd.DataFrame(
        {
            "member_id": np.arange(1, n + 1, dtype="int64"),
            "join_date": join,
            "plan": plan,
            "segment": segment,
            "channel": channel,
            "monthly_fee": fee.astype("int64"),
            "margin_month": margin,
            "visits_month": visits,
            "complaints": complaints.astype("int64"),
            "nps_previous": nps_prev.astype("int64"),
            "nps_latest": nps_last.astype("int64"),
        }
    )
    eta = linear_predictor(df)
    e = rng.exponential(1.0, n)
    a = (CAMPAIGN - join).days.to_numpy(dtype=float)
    t0 = _event_times(eta, e, a, np.ones(n))
    eligible = (a > 0) & (t0 > a)
    idx = np.flatnonzero(eligible)
    offered = np.zeros(n, dtype=bool)
    offered[rng.permutation(idx)[: len(idx) // 2]] = True
    m = np.where(offered, np.exp(pd.Series(campaign_group(df)).map(CAMPAIGN_LOG_HR)), 1.0)
    t = _event_times(eta, e, a, m)
    censor = (DATA_END + pd.Timedelta(days=1) - join).days.to_numpy()
    days = np.floor(t).astype("int64")
    event = days < censor
    df["end_date"] = pd.Series(join + pd.to_timedelta(days, unit="D")).where(event)
    df["event"] = event.astype("int64")
    df["tenure_days"] = np.where(event, days, censor).astype("int64")
    df["campaign"] = pd.array(np.where(eligible, offered.astype(int), 0), dtype="Int64")
    df.loc[~eligible, "campaign"] = pd.NA
    churn90 = days < a + WINDOW_DAYS
    df["churn_90d"] = pd.array(churn90.astype(int), dtype="Int64")
    df.loc[~eligible, "churn_90d"] = pd.NA
    order = [
        "member_id", "join_date", "end_date", "event", "tenure_days", "plan", "segment",
        "channel", "monthly_fee", "margin_month", "visits_month", "complaints",
        "nps_previous", "nps_latest", "campaign", "churn_90d",
    ]  # fmt: skip
    df = df[order]
    for col in ("join_date", "end_date"):
        df[col] = df[col].dt.strftime("%Y-%m-%d")
    return df


def true_quarter_probability(snapshots: pd.DataFrame, members: pd.DataFrame) -> np.ndarray:
    """Each snapshot's true probability of leaving within its quarter (from the truth)."""
    table = members.set_index("member_id").loc[snapshots["member_id"]].reset_index()
    qs = pd.to_datetime(snapshots["quarter_start"]).reset_index(drop=True)
    qe = pd.PeriodIndex(snapshots["quarter"], freq="Q").to_timestamp(how="end").normalize()
    qe = pd.Series(qe + pd.Timedelta(days=1))
    join = pd.to_datetime(table["join_date"])
    d0 = (qs - join).dt.days.to_numpy(dtype=float)
    d1 = (qe - join).dt.days.to_numpy(dtype=float)
    return 1.0 - np.exp(-(cumulative_hazard(table, d1) - cumulative_hazard(table, d0)))


def expected_auc(p: np.ndarray) -> float:
    """The AUC a score equal to the true probability has in expectation over the labels:
    sum over pairs i != j of p_i (1 - p_j) [p_i > p_j] (ties ½) / sum of p_i (1 - p_j)."""
    order = np.argsort(p, kind="stable")
    p = p[order]
    q = 1.0 - p
    values, first = np.unique(p, return_index=True)
    counts = np.diff(np.append(first, len(p)))
    q_group = np.add.reduceat(q, first)
    p_group = np.add.reduceat(p, first)
    below = np.concatenate([[0.0], np.cumsum(q_group)[:-1]])
    tie = p_group * q_group - np.add.reduceat(p * q, first)
    num = float(np.sum(p_group * below) + 0.5 * np.sum(tie))
    den = float(p.sum() * q.sum() - np.sum(p * q))
    del values, counts
    return num / den


def truth(df: pd.DataFrame) -> dict:
    """Numbers that follow from the truth and this dataset: campaign effects, true AUC."""
    import cxlab as cx
    from cxlab.churn import quarterly_snapshots

    members = df.copy()
    members["campaign"] = pd.array(pd.to_numeric(members["campaign"]), dtype="Int64")
    elig = members[members["campaign"].notna()].reset_index(drop=True)
    a = (CAMPAIGN - pd.to_datetime(elig["join_date"])).dt.days.to_numpy(dtype=float)
    risk = {}
    for arm, flag in (("control", False), ("treated", True)):
        h = cumulative_hazard(elig, a + WINDOW_DAYS, treated=np.full(len(elig), flag))
        h -= cumulative_hazard(elig, a, treated=np.full(len(elig), flag))
        risk[arm] = 1.0 - np.exp(-h)
    diff = risk["treated"] - risk["control"]
    group = campaign_group(elig)
    effect = {"all": round(float(diff.mean()), 4)}
    effect.update({g: round(float(diff[group == g].mean()), 4) for g in CAMPAIGN_LOG_HR})
    sizes = {g: int((group == g).sum()) for g in CAMPAIGN_LOG_HR}
    snaps = quarterly_snapshots(members, data_end=DATA_END)
    test = snaps[snaps["quarter"] == TEST_QUARTER].reset_index(drop=True)
    p = true_quarter_probability(test, members)
    realised = cx.churn.auc_ci(test["churned"], p)["est"].iloc[0]
    return {
        "campaign": {
            "eligible": len(elig),
            "offered": int(elig["campaign"].sum()),
            "group_sizes": sizes,
            "control_risk_90d": round(float(risk["control"].mean()), 4),
            "true_effect": effect,
        },
        "classifier": {
            "test_quarter": TEST_QUARTER,
            "test_rows": len(test),
            "test_churners": int(test["churned"].sum()),
            "true_auc": round(expected_auc(p), 4),
            "true_auc_realised": round(float(realised), 4),
            "mean_true_probability": round(float(p.mean()), 4),
        },
    }


def fields() -> dict[str, dict]:
    """The codebook: wording in English and 中文."""
    date = {"type": "date", "format": "%Y-%m-%d"}
    return {
        "member_id": {"title": "Member id", "title_zh": "会员编号"},
        "join_date": {
            **date,
            "title": "Date the member joined the paid club",
            "title_zh": "加入付费会员俱乐部的日期",
        },
        "end_date": {
            **date,
            "title": "Date the member cancelled (churned); empty if still a member on 2025-06-30",
            "title_zh": "会员取消（流失）的日期；截至 2025-06-30 仍为会员则为空",
        },
        "event": {
            "title": "Churned by the data end (1 = cancelled, 0 = still a member: censored)",
            "title_zh": "截至数据截止日是否流失（1 = 已取消，0 = 仍为会员：删失）",
            "constraints": {"minimum": 0, "maximum": 1},
        },
        "tenure_days": {
            "title": "Days of membership: to the end date, or to 2025-07-01 if still a member",
            "title_zh": "会员时长（天）：至取消日期；仍为会员者至 2025-07-01",
        },
        "plan": {
            "title": "Membership plan (basic, plus, premium)",
            "title_zh": "会员方案（基础、升级、尊享）",
        },
        "segment": {
            "title": "Segment: business traveller, leisure traveller or local (lives nearby)",
            "title_zh": "客群：商务旅客、休闲旅客或本地客（住在附近）",
        },
        "channel": {
            "title": "Channel the member signed up through (app, web, front desk)",
            "title_zh": "会员注册渠道（App、官网、前台）",
        },
        "monthly_fee": {"title": "Monthly membership fee (CNY)", "title_zh": "每月会员费（元）"},
        "margin_month": {
            "title": "Gross margin per month from the member: fee and spending (CNY)",
            "title_zh": "该会员每月带来的毛利：会员费与消费（元）",
        },
        "visits_month": {
            "title": "Usual visits per month (stays, meals, lounge or gym)",
            "title_zh": "平均每月到访次数（入住、用餐、酒廊或健身房）",
        },
        "complaints": {
            "title": "Complaints the member has lodged",
            "title_zh": "会员提出的投诉次数",
        },
        "nps_previous": {
            "title": "Previous answer: how likely is it that you would recommend our club to a "
            "friend or colleague? (0 = not at all likely, 10 = extremely likely)",
            "title_zh": "上一次回答：您向朋友或同事推荐我们会员俱乐部的可能性有多大？"
            "（0 = 完全不可能，10 = 极有可能）",
            "construct": "NPS",
            "construct_zh": "净推荐值",
            "constraints": {"minimum": 0, "maximum": 10},
        },
        "nps_latest": {
            "title": "Latest answer: how likely is it that you would recommend our club to a "
            "friend or colleague? (0 = not at all likely, 10 = extremely likely)",
            "title_zh": "最近一次回答：您向朋友或同事推荐我们会员俱乐部的可能性有多大？"
            "（0 = 完全不可能，10 = 极有可能）",
            "construct": "NPS",
            "construct_zh": "净推荐值",
            "constraints": {"minimum": 0, "maximum": 10},
        },
        "campaign": {
            "title": "Retention offer on 2024-10-01, assigned at random to half of the members "
            "active that day (1 = offered, 0 = control; empty = not active that day)",
            "title_zh": "2024-10-01 的挽留优惠：在当日有效会员中随机抽取一半发放"
            "（1 = 收到优惠，0 = 对照组；空 = 当日非有效会员）",
        },
        "churn_90d": {
            "title": "Cancelled within 90 days of 2024-10-01 (before 2024-12-30); empty = not "
            "active on 2024-10-01",
            "title_zh": "2024-10-01 起 90 天内（2024-12-30 之前）取消；空 = 当日非有效会员",
        },
    }


def main() -> None:
    """Write membership_churn.csv and its resource entry."""
    df = build()
    register(
        "membership_churn",
        df,
        title="A hotel group's paid members' club: churn dates (censored), usage, complaints, "
        "NPS and a randomised retention campaign (simulated)",
        description=(
            "6,500 members of a hotel group's paid club (monthly fee) who joined in 2022-2024, "
            "followed to 2025-06-30: join and cancellation dates (empty while still a member: "
            "right-censored), plan, segment, channel, fee and gross margin, usage, complaints "
            "and two NPS answers, and a retention offer randomised to half of the members "
            "active on 2024-10-01 with churn in the next 90 days. For churn classifiers "
            "(cx.churn.quarterly_snapshots builds the member x quarter table), survival "
            "analysis and uplift; simulated from a stated proportional-hazards model, the "
            "truth is in `simulation`."
        ),
        sources=simulated_sources("membership_churn.py"),
        licenses=SIMULATED_LICENSES,
        fields=fields(),
        extra={
            "simulation": {
                "script": "datasets/make/membership_churn.py",
                "seed": SEED,
                "members": N_MEMBERS,
                "joins": [str(FIRST_JOIN.date()), str(LAST_JOIN.date())],
                "data_end": str(DATA_END.date()),
                "plans": {
                    k: {"share": v[0], "monthly_fee": v[1], "visits_gamma_scale": v[2]}
                    for k, v in PLANS.items()
                },
                "segments": SEGMENTS,
                "channels": CHANNELS,
                "visits_month": "round(Gamma(shape 2, scale by plan), 1)",
                "complaints": "min(Poisson(0.35), 4)",
                "nps": "a = N(0, 1) - 0.4*complaints; "
                "nps_previous = round(7 + 1.6*a + N(0, 1.2^2)); "
                "nps_latest = round(7 + 1.6*a - 0.5*complaints + N(0, 1.2^2)); both cut to 0..10",
                "margin_month": "max(round(0.55*fee + 9*visits_month + N(0, 5^2), 1), 0)",
                "stable_traits": "usage, complaints and NPS are fixed member traits, known from "
                "the start (a simplification)",
                "hazard": "h(t|x) = h0(t)*exp(x'b), t = days since joining, Weibull baseline "
                "H0(t) = (t/scale)^shape; x'b = sum of log_hazard_ratios with dummies against "
                "basic / business / app, visits_month - 2 and nps_latest - 7",
                "weibull_shape": SHAPE,
                "weibull_scale_days": SCALE,
                "log_hazard_ratios": LOG_HR,
                "censoring": "administrative at 2025-06-30 (tenure to 2025-07-01)",
                "end_date": "join_date + floor(T) days",
                "censored_share": round(float(1 - df["event"].mean()), 4),
                "events": int(df["event"].sum()),
                "campaign_date": str(CAMPAIGN.date()),
                "campaign_window_days": WINDOW_DAYS,
                "campaign_assignment": "exactly half (rounded down) of the members active on "
                "2024-10-01, drawn at random (a random permutation)",
                "campaign_log_hr": CAMPAIGN_LOG_HR,
                "campaign_groups": "complained: complaints >= 1; sleeping dogs: visits_month "
                "< 1.0 and no complaint; others: the rest. The offer multiplies the hazard "
                "during the 90 days from 2024-10-01 only",
                "snapshots": "cx.churn.quarterly_snapshots(members, data_end='2025-06-30'); "
                "true P(churn in quarter) = 1 - exp(-(H(d1) - H(d0))), d0 / d1 = days from "
                "joining to the quarter's first day / the next quarter's first day; "
                "true_quarter_probability() in the script",
                "true_auc_definition": "expected AUC of the true probability over the test "
                "quarter's rows: sum over pairs of p_i(1 - p_j)[p_i > p_j] / sum of p_i(1 - p_j)"
                " (ties 1/2); true_auc_realised = its AUC against the observed labels",
                **truth(df),
            }
        },
    )


if __name__ == "__main__":
    main()
