"""Comparison of nested models fitted to the same data: χ² difference tests as lavaan's
``lavTestLRT()`` — plain likelihood-ratio, Satorra–Bentler (2001) scaled for MLR / MLM
fits, Satorra (2000) scaled-and-shifted for WLSMV fits — with the fit indices side by side.
:func:`compare` is also reached as ``cxlab.sem.effects.compare`` and ``cx.sem.compare``.

# In R: lavaan::lavTestLRT(fit_a, fit_b)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import special

from cxlab.errors import DataError, EstimationError
from cxlab.sem.wls import satorra_2000

if TYPE_CHECKING:
    from cxlab.sem.fitting import SEMFit

__all__ = ["compare"]

_COMPARE = [
    "npar",
    "chisq",
    "df",
    "pvalue",
    "cfi",
    "tli",
    "rmsea",
    "rmsea_ci_low",
    "rmsea_ci_high",
    "srmr",
    "aic",
    "bic",
]
_COMPARE_ROBUST = [
    "chisq_scaled",
    "chisq_scaling_factor",
    "cfi_robust",
    "tli_robust",
    "rmsea_robust",
    "rmsea_ci_low_robust",
    "rmsea_ci_high_robust",
]
_COMPARE_WLSMV = [
    "chisq_scaled",
    "chisq_scaling_factor",
    "chisq_shift_parameters",
    "cfi_scaled",
    "tli_scaled",
    "rmsea_scaled",
    "rmsea_ci_low_scaled",
    "rmsea_ci_high_scaled",
]


def compare(*fits: SEMFit, names: list[str] | None = None) -> pd.DataFrame:
    """Compare nested models fitted to the same data: χ² difference (likelihood-ratio)
    tests as lavaan's ``lavTestLRT`` (models ordered by df, each tested against the one
    before), with CFI, RMSEA, SRMR, AIC and BIC side by side.

    Non-nested models get no test (their df are equal): compare AIC / BIC, lower is better.

    Models fitted with a robust estimator (all with the same one, ``"MLR"`` or ``"MLM"``)
    get the Satorra–Bentler (2001) scaled difference test, lavaan's default:
    ``delta_chisq`` = (T₀ − T₁) / c_d with c_d = (df₀c₀ − df₁c₁) / (df₀ − df₁) from the
    unscaled χ² and scaling factors (column ``delta_scaling``); the table adds
    ``chisq_scaled``, ``cfi_robust``, ``rmsea_robust`` and their differences, and
    ``table.attrs["test"]`` names the test.

    WLSMV fits (ordered items, ``fit(..., ordered=)``) get lavaan's default for them,
    Satorra's (2000) scaled-and-shifted difference test (``method = "satorra.2000"``; see
    :func:`cxlab.sem.wls.satorra_2000`): ``delta_chisq`` = a (T₀ − T₁) + b from the
    unscaled χ², with ``delta_scaling`` = 1/a and ``delta_shift`` = b; the table adds
    ``chisq_scaled``, ``cfi_scaled``, ``rmsea_scaled`` and their differences (no AIC / BIC:
    DWLS has no likelihood).

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> three = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\n"
    ...                    "speed =~ x7 + x8 + x9", hs)
    >>> one = cx.sem.fit("g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9", hs)
    >>> table = cx.sem.compare(three, one, names=["three factors", "one factor"])
    >>> print(f"{table['delta_chisq'].iloc[1]:.2f}, df = {table['delta_df'].iloc[1]:.0f}")
    226.96, df = 3

    With MLR (lavaan: ``lavTestLRT(three, one)`` on ``estimator = "MLR"`` fits):

    >>> three = cx.sem.fit(three.model, hs, estimator="MLR")
    >>> one = cx.sem.fit(one.model, hs, estimator="MLR")
    >>> table = cx.sem.compare(three, one)
    >>> print(f"{table['delta_chisq'].iloc[1]:.2f}, {table.attrs['test']}")
    212.91, Satorra-Bentler (2001) scaled difference (MLR)

    With ordered items (lavaan: ``lavTestLRT(free, equal)`` on WLSMV fits):

    >>> from cxlab.sem.ordinal import _example_data
    >>> items = [f"y{j}" for j in range(1, 7)]
    >>> free = cx.sem.fit("F =~ y1 + y2 + y3\\nG =~ y4 + y5 + y6", _example_data(),
    ...                   ordered=items)
    >>> equal = cx.sem.fit("F =~ y1 + a*y2 + a*y3\\nG =~ y4 + y5 + y6", _example_data(),
    ...                    ordered=items)
    >>> table = cx.sem.compare(free, equal)
    >>> int(table["delta_df"].iloc[1]), table.attrs["test"]
    (1, 'Satorra (2000) scaled-shifted difference (WLSMV)')
    """
    if len(fits) < 2:
        raise DataError("compare() needs at least two fitted models.")
    names = list(names) if names is not None else [f"model {i + 1}" for i in range(len(fits))]
    if len(names) != len(fits):
        raise DataError(f"{len(names)} names for {len(fits)} models.")
    for name, f in zip(names, fits, strict=True):
        if not f.admissible:
            raise EstimationError(
                f"{name} is not admissible, so it cannot be compared.\n{f.diagnosis()}"
            )
    n = {f.fit_measures["n"] for f in fits}
    observed = {tuple(sorted(f.ram_.observed)) for f in fits}
    if len(n) > 1 or len(observed) > 1:
        raise DataError(
            "The models were not fitted to the same data (different N or observed variables); "
            "likelihood-ratio tests need the same rows and the same variables."
        )
    estimators = {f.meta.get("estimator", "ML") for f in fits}
    if len(estimators) > 1:
        raise DataError(
            f"The models were fitted with different estimators ({', '.join(sorted(estimators))}); "
            "fit them all with the same one (e.g. estimator='MLR') to compare them."
        )
    estimator = estimators.pop()
    wlsmv = estimator == "WLSMV"
    robust = estimator != "ML" and not wlsmv
    columns = _COMPARE + (_COMPARE_ROBUST if robust else _COMPARE_WLSMV if wlsmv else [])
    rows = [
        {"model": name} | {k: f.fit_measures.get(k, np.nan) for k in columns}
        for name, f in zip(names, fits, strict=True)
    ]
    order = np.argsort([f.fit_measures["df"] for f in fits], kind="stable")
    table = pd.DataFrame(rows).iloc[order].reset_index(drop=True)
    for col in ("chisq", "df", "cfi", "rmsea", "srmr"):
        table[f"delta_{col}"] = table[col].diff()
    table.attrs["test"] = "likelihood-ratio (χ² difference)"
    if wlsmv:
        for col in ("cfi_scaled", "rmsea_scaled"):
            table[f"delta_{col}"] = table[col].diff()
        parts = [
            (f.meta["ordinal_model"], f.meta["theta_free"], f.fit_measures["chisq"],
             f.fit_measures["df"])
            for f in (fits[k] for k in order)
        ]  # fmt: skip
        tests = [satorra_2000(parts[k - 1], parts[k]) for k in range(1, len(parts))]
        table["delta_chisq"] = [np.nan] + [t["delta_chisq"] for t in tests]
        table["delta_scaling"] = [np.nan] + [1 / t["a"] for t in tests]
        table["delta_shift"] = [np.nan] + [t["b"] for t in tests]
        table.attrs["test"] = "Satorra (2000) scaled-shifted difference (WLSMV)"
    if robust:
        for col in ("cfi_robust", "rmsea_robust"):
            table[f"delta_{col}"] = table[col].diff()
        scaled, factors = [np.nan], [np.nan]
        for k in range(1, len(table)):
            t1, r1, c1 = table.loc[k - 1, ["chisq", "df", "chisq_scaling_factor"]]
            t0, r0, c0 = table.loc[k, ["chisq", "df", "chisq_scaling_factor"]]
            c1 = 1.0 if r1 == 0 else c1
            m = r0 - r1
            cd = (r0 * c0 - r1 * c1) / m if m else np.nan
            cd = cd if cd > 0 else np.nan  # lavaan: a negative factor gives no test
            scaled.append((t0 - t1) / cd if m else t0 - t1)
            factors.append(cd)
        table["delta_chisq"] = scaled
        table["delta_scaling"] = factors
        table.attrs["test"] = f"Satorra-Bentler (2001) scaled difference ({estimator})"
    table["p_delta"] = [np.nan] + [
        float(special.chdtrc(dd, dc)) if dd > 0 and np.isfinite(dc) else np.nan
        for dc, dd in zip(table["delta_chisq"][1:], table["delta_df"][1:], strict=True)
    ]
    return table
