"""Exercises of lesson 06: the ECSI model on real data — PLS-PM, CSI index and IPMA."""

from __future__ import annotations

from cxlab.exercises.registry import Exercise, register


def _fit():
    from cxlab import datasets, models, pls

    return pls.fit(
        models.ecsi(), datasets.load("ecsi_mobile"), scale=datasets.codebook("ecsi_mobile")
    )


def _htmt_quality_satisfaction() -> float:
    return float(_fit().htmt().loc["Quality", "Satisfaction"])


def _satisfaction_index() -> float:
    csi = _fit().csi_index().set_index("construct")
    return float(csi.loc["Satisfaction", "index"])


def _exp_sat_ci_has_zero() -> str:
    boot = _fit().bootstrap(B=5000, seed=2026, progress=False)
    row = boot.paths().set_index(["lhs", "rhs"]).loc[("Satisfaction", "Expectation")]
    return "yes" if row["ci_low"] <= 0 <= row["ci_high"] else "no"


def _top_driver_of_satisfaction() -> str:
    table = _fit().ipma("Satisfaction").constructs
    return str(table.loc[table["importance"].idxmax(), "construct"])


register(
    Exercise(
        id="06.htmt",
        prompt="HTMT of perceived quality and satisfaction in the ECSI data?",
        solution=_htmt_quality_satisfaction,
        wrong=lambda: 0.957,
        tol=0.002,
        hint="fit.htmt().loc['Quality', 'Satisfaction'] — not the CFA's latent correlation.",
        explanation="HTMT = .954, above even the liberal .90 cut-off: customers barely tell "
        "quality and satisfaction apart, which is why the CB-SEM solution broke down.",
    )
)

register(
    Exercise(
        id="06.csi",
        prompt="Satisfaction index (0–100) of the mobile operator, items rescaled with the "
        "codebook's 1–10 scale?",
        solution=_satisfaction_index,
        wrong=lambda: 68.37,
        tol=0.1,
        hint="fit.csi_index() with scale= the codebook (cx.datasets.codebook('ecsi_mobile')); "
        "68.4 comes from the observed item ranges (CUSA1 starts at 4, not 1).",
        explanation="72.6 of 100: the weighted mean of the three satisfaction items, each "
        "rescaled from its 1–10 scale to 0–100 — the number an ACSI/ECSI report publishes.",
    )
)

register(
    Exercise(
        id="06.exp_sat",
        prompt="Does the 95 % bootstrap interval of Expectation → Satisfaction include 0? "
        "('yes' or 'no')",
        kind="choice",
        synonyms={"y": "yes", "true": "yes", "n": "no", "false": "no"},
        solution=_exp_sat_ci_has_zero,
        wrong=lambda: "no",
        hint="boot.paths(): the row lhs Satisfaction, rhs Expectation (the path from "
        "Expectation to Satisfaction), columns ci_low and ci_high.",
        explanation="Yes: [−0.04, 0.16]. Once image, quality and value are known, what "
        "customers expected adds nothing to their satisfaction.",
    )
)

register(
    Exercise(
        id="06.driver",
        prompt="In the IPMA of Satisfaction, which construct is the most important?",
        kind="text",
        synonyms={"perceived quality": "Quality", "perq": "Quality", "quality": "Quality"},
        solution=_top_driver_of_satisfaction,
        wrong=lambda: "Value",
        hint="fit.ipma('Satisfaction').constructs: the largest importance (not the lowest "
        "performance).",
        explanation="Perceived quality: one index point more on quality brings .64 points of "
        "satisfaction. Value performs worst (62) but matters least (.14).",
    )
)
