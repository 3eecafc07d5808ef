"""Checked answers of the retail case (notebooks/cases/retail_omnichannel.ipynb).

An omnichannel retailer after the pandemic: does channel consistency build loyalty that
shows in purchases, and does the CEOs' "we deliver a superior experience" survive the
data? Every reference answer is computed here from the datasets, with the same steps
the case asks for (the instructor key, notebooks/instructor/retail_omnichannel_solutions
.ipynb, runs the same code in the open):

- the survey ``retail_omnichannel`` without the careless respondents (two or more flags
  of :meth:`cxlab.survey.Survey.careless` on the answers *as given*, before ``li4r`` is
  reverse-coded), then reverse-coded;
- its purchases in ``retail_transactions`` (2025) and a 12-month CLV from BG/NBD +
  Gamma-Gamma fitted to the whole log (1 % a month discount);
- the Black-Friday funnel of ``journey_events`` against 15–22 December.
"""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

CEO_CLAIM = 80.0  # % of customers the CEOs say rate the experience superior (Bain: 80 vs 8)
CAL_END = "2025-09-30"
AS_OF = "2025-12-31"
PEAK, RUSH = "2025-11-28", ("2025-12-15", "2025-12-22")
STAGES = ["visit", "browse", "cart", "checkout", "purchase"]
MODEL = """
CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ CONS
SAT   ~ CONS + TRUST
LI    ~ SAT + TRUST
"""


@cache
def _survey():
    """(all respondents reverse-coded, valid respondents reverse-coded, careless flags)."""
    from cxlab import datasets
    from cxlab.survey import Survey

    raw = datasets.load("retail_omnichannel")
    codebook = datasets.codebook("retail_omnichannel")
    flags = Survey(raw, codebook, id_column="customer_id").careless()
    flagged = flags.loc[flags["n_flags"] >= 2, "customer_id"]
    kept = raw[~raw["customer_id"].isin(flagged)].reset_index(drop=True)
    everyone = Survey(raw, codebook, id_column="customer_id").reverse_code()
    valid = Survey(kept, codebook, id_column="customer_id").reverse_code()
    return everyone.data, valid, flags


def _effects(data):
    from cxlab import sem

    eff = sem.fit(MODEL, data, missing="fiml").effects()
    return eff[(eff["from"] == "CONS") & (eff["to"] == "LI")]


@cache
def _customers():
    """One row per valid respondent: scale scores, NPS, 2025 purchases and 12-month CLV."""
    from cxlab import datasets, loyalty

    _, valid, _ = _survey()
    scores = valid.scale_scores().set_index("customer_id")
    scores.columns = ["cons", "trust", "sat", "li"]
    tx = datasets.load("retail_transactions")
    counts = loyalty.purchase_counts(
        tx, scores.index, amount="amount", start="2025-01-01", end=AS_OF
    )
    summary = loyalty.clv_summary(tx, amount="amount", as_of=AS_OF)
    value = loyalty.clv(
        loyalty.fit_bgnbd(summary), loyalty.fit_gamma_gamma(summary), horizon=12, discount=0.01
    )
    d = scores.join(valid.data.set_index("customer_id")[["nps"]]).join(counts).join(value)
    d["clv"] = d["clv"].fillna(0.0)  # surveyed customers who never bought in 2025
    return d


def _careless() -> int:
    _, _, flags = _survey()
    return int((flags["n_flags"] >= 2).sum())


def _nps_row():
    from cxlab import metrics

    return metrics.nps(_survey()[1].data["nps"]).iloc[0]


def _nps() -> float:
    return float(_nps_row()["nps"])


def _promoters() -> float:
    return float(_nps_row()["promoters"])


def _delivery_gap() -> float:
    return CEO_CLAIM - _promoters()


def _cons_total() -> float:
    eff = _effects(_survey()[1].data)
    return float(eff.loc[eff["effect"] == "total", "std_all"].iloc[0])


def _cons_total_everyone() -> float:
    eff = _effects(_survey()[0])
    return float(eff.loc[eff["effect"] == "total", "std_all"].iloc[0])


def _main_route() -> str:
    eff = _effects(_survey()[1].data)
    specific = eff[eff["effect"] == "specific"]
    return str(specific.loc[specific["std_all"].idxmax(), "via"])


def _irr(predictor: str) -> float:
    from cxlab import loyalty

    m = loyalty.behaviour_model(_customers(), "purchases", [predictor], "negbin", missing="drop")
    return float(m.table.loc[predictor, "ratio"])


def _holdout_error() -> float:
    from cxlab import datasets, loyalty

    cal = loyalty.clv_summary(
        datasets.load("retail_transactions"), amount="amount", as_of=AS_OF, calibration_end=CAL_END
    )
    return float(loyalty.holdout_check(loyalty.fit_bgnbd(cal), cal).totals["error_pct"])


def _clv_shares():
    from cxlab import loyalty

    d = _customers()
    matrix = loyalty.loyalty_matrix(d["li"], d["purchases"], missing="drop")
    clv = d.loc[matrix.assignment.index, "clv"]
    total = clv.groupby(matrix.assignment, observed=False).sum()
    return total / total.sum(), matrix.cells["share"]


def _bf_steps():
    from cxlab import datasets, journey

    steps = journey.compare_days(datasets.load("journey_events"), STAGES, PEAK, RUSH)
    return steps.set_index("step").loc["checkout → purchase"]


def _lost_orders() -> float:
    row = _bf_steps()
    return float(row["n_peak"] * (row["rate_base"] - row["rate_peak"]))


register(
    Exercise(
        id="retail.careless",
        prompt="How many respondents have two or more careless-responding flags (answers as "
        "given, before reverse coding)?",
        solution=_careless,
        wrong=lambda: 85,
        hint="Survey(raw, codebook, id_column='customer_id').careless() on the raw survey, "
        "then (flags['n_flags'] >= 2).sum(). 85 counts everyone with at least one flag; "
        "after reverse_code() honest 'all 7, switch = 1' customers look like straight-liners.",
        explanation="42 respondents are straight, invariant and/or far too fast — the "
        "shortlist of lesson 03. The rest of the case works with the 1,958 others.",
    )
)

register(
    Exercise(
        id="retail.nps",
        prompt="NPS of the valid respondents (−100 to 100)?",
        solution=_nps,
        wrong=lambda: round(_promoters(), 1),
        tol=0.1,
        hint="cx.metrics.nps(valid.data['nps']), column nps: % promoters (9–10) minus "
        "% detractors (0–6) — not the promoter share alone.",
        explanation="NPS ≈ 12 (95 % CI 8.2 to 15.4): barely more promoters than "
        "detractors. The simulation's true NPS is 13 (40 % promoters, 27 % detractors).",
    )
)

register(
    Exercise(
        id="retail.delivery_gap",
        prompt="The CEOs say 80 % of customers rate the experience superior. Gap to the "
        "promoter share, in percentage points?",
        solution=_delivery_gap,
        wrong=lambda: round(CEO_CLAIM - _nps(), 1),
        tol=0.1,
        hint="80 minus the promoters column of cx.metrics.nps(...) (a share in %), not "
        "minus the NPS, which already subtracts the detractors.",
        explanation="About 40 points: two customers in five are promoters, not four in five. "
        "The interval of the promoter share (Wilson, 37.1 % to 41.5 %) is nowhere near 80 %.",
    )
)

register(
    Exercise(
        id="retail.cons_total",
        prompt="Standardized total effect of channel consistency (CONS) on loyalty intention "
        "(LI), valid respondents, FIML?",
        solution=_cons_total,
        wrong=_cons_total_everyone,
        tol=0.002,
        hint="fit.effects(): from == 'CONS', to == 'LI', effect == 'total', column std_all — "
        "fitted to valid.data (careless respondents removed). 0.432 is the value with them.",
        explanation="About .39 [.35, .42]: one SD more consistency goes with .39 SD more "
        "loyalty intention, all of it indirect. The simulation's truth is .389; the 42 "
        "straight-liners had pushed the estimate to .432, outside its own interval.",
    )
)

register(
    Exercise(
        id="retail.main_route",
        prompt="Through which mediator does the largest specific indirect effect of CONS on LI "
        "run: 'SAT', 'TRUST' or 'TRUST → SAT'?",
        kind="text",
        synonyms={
            "satisfaction": "SAT",
            "满意度": "SAT",
            "via sat": "SAT",
            "trust": "TRUST",
            "信任": "TRUST",
            "trust > sat": "TRUST → SAT",
            "trust -> sat": "TRUST → SAT",
            "trust sat": "TRUST → SAT",
        },
        solution=_main_route,
        wrong=lambda: "TRUST",
        hint="fit.effects() rows with effect == 'specific', from CONS to LI: compare std_all "
        "across the via column.",
        explanation="Satisfaction (about .17 of the total .39): consistency pays off mainly "
        "because it makes shopping satisfying; trust alone (.10) and trust → satisfaction "
        "(.11) carry the rest.",
    )
)

register(
    Exercise(
        id="retail.cons_irr",
        prompt="Negative binomial model of 2025 purchases on channel consistency alone: "
        "incidence-rate ratio per SD of consistency?",
        solution=lambda: _irr("cons"),
        wrong=lambda: round(_irr("li"), 3),
        tol=0.005,
        hint="loyalty.behaviour_model(d, 'purchases', ['cons'], 'negbin').table.loc['cons', "
        "'ratio'] — with cons as the only predictor (the ratio of li is about 1.31).",
        explanation="IRR ≈ 1.05 [1.00, 1.10]: one SD more perceived consistency goes with "
        "only about 5 % more purchases, barely distinguishable from nothing (p = .048). "
        "Consistency works through attitudes, which predict purchases only in part.",
    )
)

register(
    Exercise(
        id="retail.holdout_error",
        prompt="BG/NBD fitted to January–September 2025: error (%) of its forecast of the "
        "repeat purchases in October–December?",
        solution=_holdout_error,
        wrong=lambda: -round(_holdout_error(), 1),
        tol=0.2,
        hint="clv_summary(tx, amount='amount', as_of='2025-12-31', "
        "calibration_end='2025-09-30'), fit_bgnbd(cal), holdout_check(bg, cal)"
        ".totals['error_pct'] — (predicted − actual) / actual, so positive means too many.",
        explanation="+12 %: the model forecasts too many purchases, mostly for customers with "
        "no or one repeat purchase by September — BG/NBD assumes they are still alive, but "
        "in these data customers can drift away in any month.",
    )
)

register(
    Exercise(
        id="retail.spurious_clv_share",
        prompt="Which share (0–1) of the surveyed customers' 12-month CLV do the spurious "
        "loyals hold (loyalty intention × 2025 purchases, median splits)?",
        solution=lambda: float(_clv_shares()[0]["spurious loyalty"]),
        wrong=lambda: round(float(_clv_shares()[1]["spurious loyalty"]), 3),
        tol=0.005,
        hint="Sum clv by matrix.assignment (customers without a 2025 purchase count 0) and "
        "divide by the total; 0.21 is their share of the customers, not of the value.",
        explanation="About 0.31: a fifth of the customers — almost half of them NPS "
        "detractors — hold nearly a third of the expected value. That is the revenue a competitor "
        "can take.",
    )
)

register(
    Exercise(
        id="retail.bf_lost_orders",
        prompt="How many Black-Friday orders were lost at checkout → purchase, compared with "
        "the rate of 15–22 December?",
        solution=_lost_orders,
        wrong=lambda: 14.5,
        tol=1.0,
        hint="compare_days(...): on the checkout → purchase row, n_peak × (rate_base − "
        "rate_peak) — a number of orders, not the 14.5-point difference of the rates.",
        explanation="About 57 orders (95 % CI roughly 35 to 78): 394 checkouts at the "
        "pre-Christmas rate of 45.5 % would have given 179 orders, not 122.",
    )
)
