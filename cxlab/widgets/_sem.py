"""The logic of :func:`cxlab.widgets.sem_what_if`: change the paths of a population
model, simulate a sample, refit, and compare the estimates with the truth."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab.errors import DataError, InadmissibleSolutionError, ModelSpecError
from cxlab.widgets._text import Lang, say

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = ["WhatIf", "default_model", "structural_paths", "what_if", "with_paths"]

#: hotel_4e's short construct names → the names of cx.models.experience_economy_4e()
HOTEL_NAMES = {
    "EDU": "Education",
    "EST": "Esthetics",
    "ENT": "Entertainment",
    "ESC": "Escapism",
    "MEM": "Memory",
    "SAT": "Satisfaction",
    "LOY": "Loyalty",
}


def default_model() -> tuple[str, str]:
    """The true standardized model of ``hotel_4e`` with the construct names of
    :func:`cxlab.models.experience_economy_4e`, and that template (the fitted model).

    Examples
    --------
    >>> from cxlab.widgets._sem import default_model
    >>> truth, fitted = default_model()
    >>> [line for line in truth.splitlines() if line.startswith("Memory ~")]
    ['Memory ~ 0.20*Education + 0.45*Esthetics + 0.15*Entertainment + 0.25*Escapism']
    """
    from cxlab import datasets, models

    truth = datasets.resource("hotel_4e")["simulation"]["model"]
    pattern = re.compile(r"\b(" + "|".join(HOTEL_NAMES) + r")\b")
    truth = pattern.sub(lambda m: HOTEL_NAMES[m.group(1)], truth)
    return truth, models.experience_economy_4e(labels=False)


def structural_paths(model: str) -> pd.DataFrame:
    """The structural paths (``~``) of a population model: path ("Y ~ X"), from, to, value.

    Examples
    --------
    >>> from cxlab.widgets import structural_paths
    >>> structural_paths("X =~ 0.8*x1 + 0.7*x2\\nY =~ 0.8*y1 + 0.7*y2\\nY ~ 0.4*X").values.tolist()
    [['Y ~ X', 'X', 'Y', 0.4]]
    """
    from cxlab.simulate import parse

    table = parse(model)
    paths = table[table["op"] == "~"]
    return pd.DataFrame(
        {
            "path": (paths["lhs"] + " ~ " + paths["rhs"]).to_list(),
            "from": paths["rhs"].to_list(),
            "to": paths["lhs"].to_list(),
            "value": paths["value"].to_list(),
        }
    )


def with_paths(model: str, values: Mapping[str, float]) -> str:
    """The population model with new values on some structural paths.

    Parameters
    ----------
    model : str
        lavaan syntax with a population value on every coefficient.
    values : mapping
        ``{"Y ~ X": value}``; a path not in the model raises ModelSpecError.

    Examples
    --------
    >>> from cxlab.widgets import with_paths
    >>> print(with_paths("X =~ 0.8*x1 + 0.7*x2\\nY ~ 0.4*X", {"Y ~ X": 0.6}))
    X =~ 0.8*x1 + 0.7*x2
    Y ~ 0.6*X
    """
    from cxlab.simulate import parse

    table = parse(model)
    keys = table["lhs"] + " " + table["op"] + " " + table["rhs"]
    structural = table["op"] == "~"
    for path, value in values.items():
        key = " ~ ".join(part.strip() for part in str(path).split("~", 1))
        mask = structural & (keys == key)
        if not mask.any():
            known = ", ".join(keys[structural])
            raise ModelSpecError(f"No structural path {path!r} in the model; it has {known}.")
        if not np.isfinite(float(value)):
            raise ModelSpecError(f"{path}: the value must be a number, not {value!r}.")
        table.loc[mask, "value"] = float(value)
    lines = []
    for (lhs, op), part in table.groupby(["lhs", "op"], sort=False):
        terms = " + ".join(
            f"{v:.10g}*{rhs}" for v, rhs in zip(part["value"], part["rhs"], strict=True)
        )
        lines.append(f"{lhs} {op} {terms}")
    return "\n".join(lines)


def _true_totals(paths: pd.DataFrame) -> pd.DataFrame:
    """Standardized total effects implied by the population paths, T = (I − B)⁻¹ − I."""
    names = list(dict.fromkeys([*paths["from"], *paths["to"]]))
    index = {v: i for i, v in enumerate(names)}
    b = np.zeros((len(names), len(names)))
    for src, dst, value in zip(paths["from"], paths["to"], paths["value"], strict=True):
        b[index[dst], index[src]] = value
    total = np.linalg.inv(np.eye(len(names)) - b) - np.eye(len(names))
    rows = [
        (names[j], names[i], total[i, j])
        for i in range(len(names))
        for j in range(len(names))
        if abs(total[i, j]) > 0 or b[i, j] != 0
    ]
    return pd.DataFrame(rows, columns=["from", "to", "truth"])


@dataclass
class WhatIf:
    """One what-if: the population model, a simulated sample's fit, and how close the
    estimates come to the truth.

    Attributes
    ----------
    model : str
        The population model the sample was drawn from.
    fit : SEMFit
        The fitted model (converged and admissible, or :func:`what_if` raises).
    paths : DataFrame
        One row per structural path: from, to, truth, est (standardized, ``std.all``),
        ci_low, ci_high (its 95 % interval), covered.
    totals : DataFrame
        Standardized total effects on the outcomes (variables that predict nothing):
        from, to, truth, est, ci_low, ci_high.
    n, seed : int
        Sample size and seed.
    """

    model: str
    fit: SEMFit
    paths: pd.DataFrame
    totals: pd.DataFrame
    n: int
    seed: int

    def text(self, lang: Lang = "en") -> str:
        """One line: n, fit, how far the paths are from the truth, and CI coverage.

        Examples
        --------
        >>> from cxlab.widgets import what_if
        >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
        >>> print(what_if(model, {"Y ~ X": 0.6}, n=500, seed=1).text().replace(" · ", "\\n"))
        n = 500
        χ²(8) = 12.3, CFI = 0.996, RMSEA = 0.033
        paths off the truth by 0.023 on average; mean CI width 0.162; 1 of 1 CIs cover the truth
        >>> print(what_if(model, {"Y ~ X": 0.6}, n=500, seed=1).text("zh").split(" · ")[-1])
        路径估计与真实值平均相差 0.023；置信区间平均宽度 0.162；1 个置信区间中 1 个覆盖真实值
        """
        f = self.fit.fit_measures
        return say(
            lang, "sem.line", n=self.n, df=f["df"], chisq=f["chisq"], cfi=f["cfi"],
            rmsea=f["rmsea"], gap=(self.paths["est"] - self.paths["truth"]).abs().mean(),
            width=(self.paths["ci_high"] - self.paths["ci_low"]).mean(),
            covered=int(self.paths["covered"].sum()), total=len(self.paths),
        )  # fmt: skip


def what_if(
    model: str | None = None,
    values: Mapping[str, float] | None = None,
    *,
    n: int = 300,
    seed: int = 1,
    fit_model: str | None = None,
    likert: int | None = None,
) -> WhatIf:
    """Set structural paths, draw a sample of ``n``, refit, and compare with the truth.

    Parameters
    ----------
    model : str, optional
        A standardized population model (lavaan syntax with values, as
        :func:`cxlab.simulate.simulate` takes). Default: :func:`default_model`
        (``hotel_4e``'s truth, fitted with :func:`cxlab.models.experience_economy_4e`).
    values : mapping, optional
        New values of structural paths, ``{"Memory ~ Esthetics": 0.6}``.
    n, seed : int
        Sample size and seed (same seed, same sample).
    fit_model : str, optional
        The model to fit; default ``model`` with its values stripped.
    likert : int, optional
        Discretise the items to 1..k points before fitting.

    Raises
    ------
    ModelSpecError
        Paths that explain R² ≥ 1 of a variable, or an unknown path.
    EstimationError, InadmissibleSolutionError
        The refit failed, did not converge or is impossible; the message says why.

    Examples
    --------
    >>> from cxlab.widgets import what_if
    >>> model = "X =~ 0.8*x1 + 0.8*x2 + 0.7*x3\\nY =~ 0.8*y1 + 0.8*y2 + 0.7*y3\\nY ~ 0.3*X"
    >>> w = what_if(model, {"Y ~ X": 0.6}, n=500, seed=1)
    >>> w.paths[["from", "to", "truth", "est"]].round(2).values.tolist()
    [['X', 'Y', 0.6, 0.58]]
    """
    from cxlab import sem, simulate

    if model is None:
        model, default_fit = default_model()
        fit_model = fit_model or default_fit
    if int(n) != n or n < 10:
        raise DataError(f"n must be a whole number of respondents, at least 10, not {n!r}.")
    model = with_paths(model, values or {})
    data = simulate.simulate(model, int(n), seed=seed, likert=likert).data
    fit = sem.fit(fit_model or simulate.strip_values(model), data)
    if not fit.admissible:
        raise InadmissibleSolutionError(
            f"With n = {int(n)} (seed {seed}) the refit cannot be reported.\n" + fit.diagnosis(),
            zh=f"n = {int(n)}（种子 {seed}）时重新拟合的结果不能报告（不收敛或解不可接受）。"
            "请增大 n 或把路径调回较小的值。英文诊断：\n" + fit.diagnosis(),
        )
    eff = fit.effects(specific=False)
    truth = structural_paths(model)
    direct = eff[eff["effect"] == "direct"].set_index(["from", "to"])
    cols = {"std_all": "est", "std_ci_low": "ci_low", "std_ci_high": "ci_high"}
    paths = truth.rename(columns={"value": "truth"}).join(
        direct[list(cols)].rename(columns=cols), on=["from", "to"]
    )
    paths["covered"] = (paths["ci_low"] <= paths["truth"]) & (paths["truth"] <= paths["ci_high"])
    paths = paths.drop(columns="path")
    outcomes = set(truth["to"]) - set(truth["from"])
    totals = _true_totals(truth)
    totals = totals[totals["to"].isin(outcomes)]
    total = eff[eff["effect"] == "total"].set_index(["from", "to"])
    totals = totals.join(total[list(cols)].rename(columns=cols), on=["from", "to"])
    totals = totals.sort_values(["to", "truth"], ascending=[True, False], kind="stable")
    return WhatIf(model, fit, paths, totals.reset_index(drop=True), int(n), seed)
