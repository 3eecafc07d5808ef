"""Exercises of lesson 04: reliability and validity."""

from __future__ import annotations

from cxlab.exercises.registry import Exercise, register


def _hotel():
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code()


def _reliability():
    from cxlab import psychometrics

    survey = _hotel()
    return psychometrics.reliability(survey.data, survey.scales()).scales.set_index("scale")


def _n_factors() -> int:
    from cxlab import psychometrics

    survey = _hotel()
    realms = ["Education", "Esthetics", "Entertainment", "Escapism"]
    items = [i for realm in realms for i in survey.scales()[realm]]
    return int(psychometrics.efa(survey.data[items], seed=0).n_factors)


def _htmt() -> float:
    from cxlab import datasets, psychometrics

    ecsi = datasets.load("ecsi_mobile")
    scales = {"PERQ": [f"PERQ{i}" for i in range(1, 8)], "CUSA": ["CUSA1", "CUSA2", "CUSA3"]}
    return float(psychometrics.htmt(ecsi, scales).loc["PERQ", "CUSA"])


def _invariance() -> str:
    from cxlab import datasets, simulate
    from cxlab.sem import invariance

    survey = _hotel()
    model = simulate.strip_values(datasets.resource("hotel_4e")["simulation"]["model"])
    cfa = "\n".join(line for line in model.splitlines() if "=~" in line)
    table = invariance(cfa, survey.data, "segment").table
    return str(table.loc[table["holds"], "level"].iloc[-1])


register(
    Exercise(
        id="04.alpha",
        prompt="Cronbach's α of the hotel_4e satisfaction scale (sat1–sat3)?",
        solution=lambda: float(_reliability().loc["Satisfaction", "alpha"]),
        wrong=lambda: 0.7,
        tol=0.001,
        hint="cx.psychometrics.reliability(data, scales).scales, row 'Satisfaction'.",
        explanation="α = .888: the three items hang together well (above .80).",
    )
)

register(
    Exercise(
        id="04.ave",
        prompt="AVE of the hotel_4e memory scale (mem1–mem3)?",
        solution=lambda: float(_reliability().loc["Memory", "ave"]),
        wrong=lambda: 0.865,
        tol=0.002,
        hint="Same table, column 'ave' (mean of the squared standardized loadings).",
        explanation="AVE = .68 > .50: the factor explains more of its items' variance than "
        "measurement error does (convergent validity).",
    )
)

register(
    Exercise(
        id="04.n_factors",
        prompt="How many factors does parallel analysis suggest for the 12 items of the four "
        "realms?",
        solution=_n_factors,
        wrong=lambda: 1,
        hint="cx.psychometrics.efa(data[items], seed=0) with n_factors left out; see .n_factors.",
        explanation="Four: education, esthetics, entertainment and escapism are distinct "
        "experiences, as Pine & Gilmore say.",
    )
)

register(
    Exercise(
        id="04.htmt",
        prompt="HTMT of perceived quality (PERQ) and satisfaction (CUSA) in ecsi_mobile?",
        solution=_htmt,
        wrong=lambda: 0.85,
        tol=0.001,
        hint="cx.psychometrics.htmt(ecsi, {'PERQ': [...], 'CUSA': [...]}).",
        explanation="About .95: above .90, so the two scales are not empirically distinct "
        "in these data — which is why the CB-SEM of ECSI fails (lesson 06).",
    )
)

register(
    Exercise(
        id="04.invariance",
        prompt="Highest level of measurement invariance that holds across business and leisure "
        "guests in hotel_4e?",
        kind="text",
        solution=_invariance,
        wrong=lambda: "metric",
        hint="cx.invariance.invariance(cfa_model, data, 'segment'); the last level whose "
        "'holds' is True.",
        explanation="Strict: loadings, intercepts and residual variances are equal, so "
        "business and leisure guests can be compared on the same scales.",
    )
)
