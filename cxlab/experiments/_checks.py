"""Checks shared by the A/B test and uplift (private): two arms, sample ratio mismatch,
balance of covariates between arms.

- :func:`two_arms` — the two values of a group/treatment column (DataError if it never
  varies, has more than two values, or an arm of size one);
- :func:`srm_test` — the sample-ratio-mismatch test: χ² goodness of fit of the group
  counts against the planned split (scipy ``chisquare``);
- :func:`balance_table` — per covariate the standardized mean difference (SMD, Austin
  2011: difference of means over √((s₁² + s₀²)/2); categorical covariates one row per
  level) and a test (Welch t for numbers, χ² for categories), plus a joint test: the
  likelihood-ratio test of a logistic regression of the arm on all covariates
  (statsmodels Logit). Under randomisation every p-value is uniform and |SMD| is small.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cxlab.errors import DataError

__all__ = ["SMD_FLAG", "balance_table", "joint_balance_test", "srm_test", "two_arms"]

#: |SMD| above this is flagged as imbalance (a common rule of thumb; Austin 2011)
SMD_FLAG = 0.1


def require_columns(data: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """DataError naming the first missing column."""
    for col in columns:
        if col not in data.columns:
            raise DataError(f"{what}: no column {col!r}; columns are {list(data.columns)}.")


def two_arms(values: pd.Series, column: str, control: Any, what: str) -> tuple[Any, Any]:
    """(control, treatment) values of *column*; DataError unless exactly two arms each
    with at least two rows."""
    counts = values.dropna().value_counts(sort=False).sort_index()
    if len(counts) < 2:
        only = list(counts.index)
        raise DataError(
            f"{what}: column {column!r} never varies (only {only}); an experiment needs a "
            "control and a treatment group. Check that the right column is named and that the "
            "data hold both arms."
        )
    if len(counts) > 2:
        raise DataError(
            f"{what}: column {column!r} has {len(counts)} arms ({list(counts.index)}); this "
            "compares exactly two. Keep two arms (e.g. data[data[col].isin([a, b])]) and run "
            "one comparison per pair, or use cx.metrics.compare for many groups."
        )
    small = counts[counts < 2]
    if len(small):
        raise DataError(
            f"{what}: arm {small.index[0]!r} of column {column!r} has only "
            f"{int(small.iloc[0])} row; a group of size one has no spread and no interval. "
            "Collect more data for it."
        )
    arms = list(counts.index)
    if control is None:
        control = arms[0]
    if control not in arms:
        raise DataError(
            f"{what}: control={control!r} is not a value of column {column!r} ({arms})."
        )
    treatment = arms[1] if control == arms[0] else arms[0]
    return control, treatment


def srm_test(n_control: int, n_treatment: int, split: Any) -> dict[str, float]:
    """χ² test of the counts against the planned split (control share, treatment share)."""
    try:
        shares = np.asarray(split, dtype=float).reshape(2)
    except (TypeError, ValueError):
        raise DataError(
            f"split must be the planned (control share, treatment share), e.g. (0.5, 0.5), "
            f"not {split!r}."
        ) from None
    if np.any(shares <= 0) or not np.all(np.isfinite(shares)):
        raise DataError(f"split shares must be positive, not {split!r}.")
    shares = shares / shares.sum()
    observed = np.array([n_control, n_treatment], dtype=float)
    chi2, p = stats.chisquare(observed, observed.sum() * shares)
    return {
        "n_control": int(n_control),
        "n_treatment": int(n_treatment),
        "planned_control_share": float(shares[0]),
        "observed_control_share": float(observed[0] / observed.sum()),
        "chi2": float(chi2),
        "pvalue": float(p),
    }


def _design(data: pd.DataFrame, covariates: Sequence[str], what: str) -> pd.DataFrame:
    """Covariates as numbers (categories one-hot, first level dropped); DataError on
    missing values (never a silent drop)."""
    for col in covariates:
        missing = data[col].isna()
        if missing.any():
            rows = list(data.index[missing][:5])
            raise DataError(
                f"{what}: covariate {col!r} has {int(missing.sum())} missing value(s) (rows "
                f"{rows}); impute or drop those rows first, or leave the column out."
            )
    cats = [
        c
        for c in covariates
        if not pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c])
    ]
    frame = pd.get_dummies(data[list(covariates)], columns=cats, drop_first=True, dtype=float)
    return frame.astype(float)


def balance_table(
    data: pd.DataFrame, arm: pd.Series, covariates: Sequence[str], what: str
) -> pd.DataFrame:
    """One row per covariate (or category level): mean in control and treatment, SMD,
    the test's pvalue and ``flag`` (|SMD| > :data:`SMD_FLAG`). *arm* is 1 = treatment."""
    design = _design(data, covariates, what)
    treated = arm.to_numpy() == 1
    rows = []
    for col in design.columns:
        x = design[col].to_numpy()
        a, b = x[~treated], x[treated]
        sd = np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2)
        smd = (b.mean() - a.mean()) / sd if sd > 0 else 0.0
        if set(np.unique(x)) <= {0.0, 1.0}:
            table = np.array([[a.sum(), len(a) - a.sum()], [b.sum(), len(b) - b.sum()]])
            p = (
                float(stats.chi2_contingency(table, correction=False)[1])
                if table.min(axis=0).max() > 0 and (table.sum(axis=0) > 0).all()
                else 1.0
            )
        else:
            p = float(stats.ttest_ind(b, a, equal_var=False).pvalue) if sd > 0 else 1.0
        rows.append(
            {
                "covariate": col,
                "mean_control": float(a.mean()),
                "mean_treatment": float(b.mean()),
                "smd": float(smd),
                "pvalue": p,
                "flag": bool(abs(smd) > SMD_FLAG),
            }
        )
    return pd.DataFrame(rows)


def joint_balance_test(
    data: pd.DataFrame, arm: pd.Series, covariates: Sequence[str], what: str
) -> dict[str, float]:
    """Likelihood-ratio test that the covariates predict the arm (logistic regression)."""
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import PerfectSeparationError

    design = _design(data, covariates, what)
    design = design.loc[:, design.std() > 0]
    if design.empty:
        return {"lr_chi2": 0.0, "df": 0, "pvalue": 1.0}
    x = sm.add_constant(design.to_numpy(), has_constant="add")
    try:
        with warnings.catch_warnings():
            # (quasi-)separation: the arm is predictable; the LR statistic is then huge
            warnings.simplefilter("ignore")
            fit = sm.Logit(arm.to_numpy().astype(float), x).fit(disp=0, maxiter=200)
        lr, df = float(fit.llr), int(fit.df_model)
    except (np.linalg.LinAlgError, ValueError, PerfectSeparationError):  # arm is predictable
        return {"lr_chi2": float("inf"), "df": design.shape[1], "pvalue": 0.0}
    return {"lr_chi2": lr, "df": df, "pvalue": float(stats.chi2.sf(lr, df))}
