"""Exercises of lesson 07: mediation, moderation and groups."""

from __future__ import annotations

from functools import cache

from cxlab.exercises.registry import Exercise, register

#: The six constructs of the mediation model (as in the lesson).
MEASUREMENT = """
Education     =~ edu1 + edu2 + edu3
Esthetics     =~ est1 + est2 + est3
Entertainment =~ ent1 + ent2 + ent3
Escapism      =~ esc1 + esc2 + esc3r
Memory        =~ mem1 + mem2 + mem3
Satisfaction  =~ sat1 + sat2 + sat3
"""

#: Esthetics → Memory → Satisfaction, the other realms as in the generator.
MEDIATION = (
    MEASUREMENT
    + """
Memory ~ a*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ b*Memory + c*Esthetics + Entertainment
indirect := a*b
total := c + a*b
"""
)

#: Two groups (business, leisure), a and b free in each group.
GROUPS_FREE = (
    MEASUREMENT
    + """
Memory ~ c(a1, a2)*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ c(b1, b2)*Memory + Esthetics + Entertainment
ind_business := a1*b1
ind_leisure := a2*b2
diff_a := a2 - a1
diff_ind := a2*b2 - a1*b1
"""
)

#: The same with Esthetics → Memory held equal across the groups.
GROUPS_EQUAL = (
    MEASUREMENT
    + """
Memory ~ c(a, a)*Esthetics + Education + Entertainment + Escapism
Satisfaction ~ c(b1, b2)*Memory + Esthetics + Entertainment
"""
)

#: Loadings and intercepts equal across groups (scalar invariance holds in the lesson).
GROUP_EQUAL = ("loadings", "intercepts")


@cache
def _hotel():
    from cxlab import datasets
    from cxlab.survey import Survey

    survey = Survey(datasets.load("hotel_4e"), datasets.codebook("hotel_4e"), id_column="guest_id")
    return survey.reverse_code().data


@cache
def _mediation_fit():
    from cxlab import sem

    return sem.fit(MEDIATION, _hotel())


@cache
def _group_fits():
    from cxlab import sem

    data = _hotel()
    free = sem.fit(GROUPS_FREE, data, group="segment", group_equal=GROUP_EQUAL)
    equal = sem.fit(GROUPS_EQUAL, data, group="segment", group_equal=GROUP_EQUAL)
    return free, equal


def _row(table, label: str):
    return table[table["label"] == label].iloc[0]


def _indirect() -> float:
    return float(_row(_mediation_fit().estimates(), "indirect")["est"])


def _mediation_type() -> str:
    """Zhao, Lynch & Chen (2010): which of a·b and c' are there, and with which signs."""
    fit = _mediation_fit()
    mc = _row(fit.monte_carlo_ci(R=20000, seed=7).defined(), "indirect")
    direct = _row(fit.estimates(), "c")
    indirect_there = mc["ci_low"] > 0 or mc["ci_high"] < 0
    direct_there = direct["pvalue"] < 0.05
    if indirect_there and direct_there:
        return "complementary" if mc["est"] * direct["est"] > 0 else "competitive"
    if indirect_there:
        return "indirect-only"
    return "direct-only" if direct_there else "no-effect"


def _delta_chisq() -> float:
    from cxlab import sem

    table = sem.compare(*_group_fits(), names=["a free", "a equal"])
    return float(table["delta_chisq"].iloc[1])


def _std_business() -> float:
    return float(_row(_group_fits()[0].estimates(), "a1")["std.all"])


register(
    Exercise(
        id="07.indirect",
        prompt="Unstandardized indirect effect a·b of esthetics on satisfaction via memory "
        "(pooled hotel_4e model)?",
        solution=_indirect,
        wrong=lambda: 0.181,
        tol=0.001,
        hint="fit.estimates(), the row with label 'indirect' (op ':='), column 'est'.",
        explanation="a·b = 0.294 × 0.717 ≈ 0.210 (standardized .21; the generator's truth is "
        ".33 × .60 ≈ .20).",
    )
)

register(
    Exercise(
        id="07.mediation_type",
        prompt="Which type of mediation (Zhao, Lynch & Chen 2010) do the hotel_4e data show "
        "for esthetics → memory → satisfaction?",
        kind="text",
        solution=_mediation_type,
        wrong=lambda: "complementary",
        synonyms={"indirect only mediation": "indirect-only"},
        hint="Is the indirect effect there (its CI excludes 0)? Is the direct effect c there "
        "(p < .05)? Both with the same sign: complementary; opposite signs: competitive; "
        "only a·b: indirect-only; only c: direct-only; neither: no-effect.",
        explanation="Indirect-only: a·b is clearly above 0, the direct path c (−0.030, "
        "p = .495) is not — as in the generator, which has no direct esthetics → "
        "satisfaction path.",
    )
)

register(
    Exercise(
        id="07.delta_chisq",
        prompt="Δχ² of holding esthetics → memory equal for business and leisure guests?",
        solution=_delta_chisq,
        wrong=lambda: 3.841,
        tol=0.01,
        hint="cx.sem.compare(free, equal, names=[...]), column delta_chisq of the second row.",
        explanation="Δχ²(1) = 3.72, p = .054: just short of 5 % significance, although the "
        "true paths differ (.15 vs .45). One sample is one draw; do not read p > .05 as "
        "'no difference'.",
    )
)

register(
    Exercise(
        id="07.std_business",
        prompt="Standardized esthetics → memory path (std.all) of business guests in the "
        "two-group model with the path free?",
        solution=_std_business,
        wrong=lambda: 0.15,
        tol=0.001,
        hint="free.estimates(), the row with label 'a1' (group 1 = business), column 'std.all' "
        "— the estimate, not the generator's truth.",
        explanation="About .235, against .382 for leisure guests; the truth is .15 and .45, so "
        "sampling error pulled the two estimates towards each other.",
    )
)
