"""The churn classifier's design matrix (standardised numeric features, one-hot
categories) and the pieces of its logistic fit: scikit-learn's estimator and the Wald SEs
of an unpenalised fit."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import norm

from cxlab.errors import DataError


class _Design:
    """Numeric columns standardised (train mean and SD), categorical ones one-hot with the
    first (sorted) level of the training data as reference."""

    def __init__(self, train: pd.DataFrame, numeric: list[str], categorical: list[str]) -> None:
        self.numeric, self.categorical = numeric, categorical
        for col in numeric:
            values = pd.to_numeric(train[col], errors="coerce")
            if values.isna().any():
                raise DataError(f"Column {col!r} is not numeric; list it in categorical= instead.")
        x = train[numeric].astype(float)
        self.mean, self.sd = x.mean(), x.std(ddof=0)
        constant = [c for c in numeric if not self.sd[c] > 0]
        constant += [c for c in categorical if train[c].nunique() < 2]
        if constant:
            raise DataError(
                f"Feature(s) {constant} are constant in the training data: they carry no "
                "information and make the model unidentified. Drop them from features=."
            )
        self.levels = {c: sorted(train[c].astype(str).unique()) for c in categorical}
        self.terms = list(numeric) + [
            f"{c}[{lv}]" for c in categorical for lv in self.levels[c][1:]
        ]

    def matrix(self, data: pd.DataFrame, where: str) -> np.ndarray:
        cols = [((data[self.numeric].astype(float) - self.mean) / self.sd).to_numpy()]
        for c in self.categorical:
            values = data[c].astype(str)
            unseen = sorted(set(values) - set(self.levels[c]))
            if unseen:
                raise DataError(
                    f"Column {c!r} has level(s) {unseen} in the {where} data that the training "
                    "data do not have; merge them into a known level first."
                )
            cols.append(
                np.column_stack([(values == lv).to_numpy(float) for lv in self.levels[c][1:]])
            )
        return np.column_stack(cols)


def _wald(x: np.ndarray, p: np.ndarray, beta: np.ndarray, level: float) -> dict[str, np.ndarray]:
    """Maximum-likelihood SEs of an unpenalised logistic fit (inverse of X'WX)."""
    xd = np.column_stack([np.ones(len(x)), x])
    info = xd.T @ (xd * (p * (1 - p))[:, None])
    se = np.sqrt(np.diag(np.linalg.inv(info)))
    z = beta / se
    q = norm.ppf(0.5 + level / 2)
    return {
        "se": se,
        "z": z,
        "pvalue": 2 * norm.sf(np.abs(z)),
        "ci_low": beta - q * se,
        "ci_high": beta + q * se,
    }


def _logistic(penalty: str | None, C: float) -> Any:
    """scikit-learn's LogisticRegression with a tight tolerance (lbfgs)."""
    import inspect

    from sklearn.linear_model import LogisticRegression

    params = inspect.signature(LogisticRegression).parameters
    if penalty is None:
        # scikit-learn >= 1.8 spells "no penalty" C=inf; older versions penalty=None
        kwargs = (
            {"C": np.inf}
            if "l1_ratio" in params and params["penalty"].default == "deprecated"
            else {"penalty": None}
        )
    else:
        kwargs = {"C": C}
    return LogisticRegression(solver="lbfgs", tol=1e-10, max_iter=10_000, **kwargs)
