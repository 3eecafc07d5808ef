"""Direct, indirect and total effects of a fitted SEM, with delta-method, bootstrap or
Monte-Carlo confidence intervals, and model comparison.

For the regression part B of the model (the ``~`` paths, measurement loadings left out)
the total effects are T = (I − B)⁻¹ − I, the direct effects B and the indirect effects
T − B (Bollen 1987); a specific indirect effect is the product of the paths along one
route (e.g. esthetics → memory → satisfaction). Standardized effects multiply by
SD(from) / SD(to) of the model-implied variances (lavaan's ``std.all``).

Monte-Carlo intervals (Preacher & Selig 2012) draw the parameters from their estimated
sampling distribution N(θ̂, V̂) and take percentiles of the effects computed from each
draw: as accurate as the bootstrap for indirect effects at a fraction of the time, and
the right tool when raw data cannot be resampled. lavaan has no effects table (users
write ``:=`` lines by hand) and semopy has neither, hence this module.

# In R: lavaan::parameterEstimates(fit) for ':=' effects; semTools::monteCarloCI(fit);
# lavaan::lavTestLRT(fit_a, fit_b) for compare()

Examples
--------
>>> import cxlab as cx
>>> pdem = cx.datasets.load("political_democracy")
>>> fit = cx.sem.fit("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
...                  "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ ind60\\ndem65 ~ ind60 + dem60", pdem)
>>> eff = fit.effects()
>>> row = eff[(eff.effect == "indirect") & (eff["from"] == "ind60")].iloc[0]
>>> print(f"{row['from']} -> {row['to']}: {row['est']:.3f}")
ind60 -> dem65: 1.274
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import special

from cxlab._conventions import deprecated, renamed_columns
from cxlab.errors import DataError, EstimationError
from cxlab.models.defined import evaluate_defined
from cxlab.sem._compare import compare
from cxlab.sem._draws import draws_table, html_view, plot_draws, renamed
from cxlab.sem.results import first_labelled

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.sem.bootstrap import BootstrapResult
    from cxlab.sem.fitting import SEMFit
    from cxlab.viz import Lang

__all__ = ["MonteCarloResult", "compare", "effects", "monte_carlo_ci"]

_Z975 = 1.959963984540054


def parameter_values(table: pd.DataFrame, thetas: np.ndarray) -> np.ndarray:
    """Every row of the parameter table (incl. ``:=``) for each row of ``thetas`` (R × k).

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.effects import parameter_values
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> rows = parameter_values(fit.ram_.table, fit.theta_[None, :])  # one draw
    >>> rows.shape, rows[0, :3].round(3).tolist()
    ((1, 7), [1.0, 0.778, 1.107])
    """
    free = table["free"].to_numpy()
    value = table["value"].to_numpy(dtype=float)
    out = np.where(free > 0, thetas[:, np.maximum(free - 1, 0)], value[None, :])
    ops = table["op"].to_numpy()
    labels = first_labelled(table)
    values = {lab: out[:, k] for lab, k in labels.items()}
    for k in np.flatnonzero(ops == ":="):
        name, expression = table["lhs"].iat[k], table["rhs"].iat[k]
        out[:, k] = evaluate_defined(expression, values)
        values[name] = out[:, k]
    return out


def thetas_from_values(table: pd.DataFrame, draws: np.ndarray) -> np.ndarray:
    """Recover free-parameter vectors from per-row draws (as stored by the bootstrap).

    Examples
    --------
    >>> import numpy as np
    >>> import cxlab as cx
    >>> from cxlab.sem.effects import parameter_values, thetas_from_values
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
    >>> rows = parameter_values(fit.ram_.table, fit.theta_[None, :])
    >>> bool(np.allclose(thetas_from_values(fit.ram_.table, rows)[0], fit.theta_))
    True
    """
    free = table["free"].to_numpy()
    k = int(free.max()) if len(free) else 0
    first = [int(np.flatnonzero(free == j)[0]) for j in range(1, k + 1)]
    return draws[:, first]


class _Effects:
    """Which effects exist (pairs and routes), and their values for a batch of θ."""

    def __init__(self, fit: SEMFit, specific: bool):
        ram = fit.ram_
        self.ram = ram
        idx = {v: i for i, v in enumerate(ram.variables)}
        reg = fit.table[fit.table.op == "~"]
        self.masks, self.rows = [], []
        names = ram.variables
        for g in range(len(ram.moments)):
            mask = np.zeros((ram.m, ram.m), dtype=bool)
            for r in reg[reg.group == g + 1].itertuples():
                mask[idx[r.lhs], idx[r.rhs]] = True
            reach = mask.copy()
            for _ in range(ram.m):
                reach = reach | ((reach.astype(int) @ mask.astype(int)) > 0)
            via = (mask.astype(int) @ reach.astype(int)) > 0  # routes of ≥ 2 steps
            cyclic = bool(np.diag(reach).any())
            self.masks.append(mask)
            for j in range(ram.m):  # from
                for i in range(ram.m):  # to
                    if not reach[i, j] or i == j:
                        continue
                    if mask[i, j]:
                        self.rows.append((g, "direct", j, i, (), ""))
                    if via[i, j]:
                        routes = [] if cyclic else [r for r in _routes(mask, j, i) if len(r) > 2]
                        inner = [" → ".join(names[v] for v in r[1:-1]) for r in routes]
                        single = inner[0] if len(routes) == 1 else ""
                        self.rows.append((g, "indirect", j, i, (), single))
                        if specific and len(routes) > 1:
                            for route, text in zip(routes, inner, strict=True):
                                self.rows.append((g, "specific", j, i, tuple(route), text))
                    self.rows.append((g, "total", j, i, (), ""))
        if not self.rows:
            raise DataError(
                "The model has no regression paths (~), so it has no effects to decompose; "
                "for a CFA look at the loadings in estimates()."
            )

    def values(self, thetas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unstandardized and standardized effects, each (R × rows)."""
        ram = self.ram
        n = len(thetas)
        est = np.full((n, len(self.rows)), np.nan)
        std = np.full((n, len(self.rows)), np.nan)
        for g in range(len(ram.moments)):
            fixed_a, fixed_s, _ = ram.fixed[g]
            c = ram.cells[g]
            a = np.broadcast_to(fixed_a, (n, ram.m, ram.m)).copy()
            s = np.broadcast_to(fixed_s, (n, ram.m, ram.m)).copy()
            a[:, c["A"][:, 0], c["A"][:, 1]] = thetas[:, c["A"][:, 2]]
            s[:, c["S"][:, 0], c["S"][:, 1]] = thetas[:, c["S"][:, 2]]
            eye = np.eye(ram.m)
            b_all = np.linalg.inv(eye - a)
            sd = np.sqrt(np.abs(np.einsum("rij,rjk,rik->ri", b_all, s, b_all)))
            reg = a * self.masks[g]
            total = np.linalg.inv(eye - reg) - eye
            for k, (gg, kind, j, i, route, _) in enumerate(self.rows):
                if gg != g:
                    continue
                if kind == "direct":
                    v = reg[:, i, j]
                elif kind == "total":
                    v = total[:, i, j]
                elif kind == "indirect":
                    v = total[:, i, j] - reg[:, i, j]
                else:
                    v = np.prod([reg[:, t, f] for f, t in itertools.pairwise(route)], axis=0)
                est[:, k] = v
                with np.errstate(divide="ignore", invalid="ignore"):
                    std[:, k] = v * sd[:, j] / sd[:, i]
        return est, std

    def frame(self, fit: SEMFit) -> pd.DataFrame:
        names = self.ram.variables
        out = pd.DataFrame(
            [
                {
                    "group": fit.groups[g],
                    "effect": kind,
                    "from": names[j],
                    "to": names[i],
                    "via": via,
                }
                for g, kind, j, i, _, via in self.rows
            ]
        )
        return out


def _routes(mask: np.ndarray, start: int, end: int) -> list[list[int]]:
    """Every directed route from start to end (edge j → i where mask[i, j])."""
    found, stack = [], [[start]]
    while stack:
        route = stack.pop()
        for nxt in np.flatnonzero(mask[:, route[-1]]):
            if nxt == end:
                found.append([*route, int(nxt)])
            elif nxt not in route:
                stack.append([*route, int(nxt)])
    return sorted(found, key=lambda r: (len(r), r))


def _vcov(fit: SEMFit) -> np.ndarray:
    vcov = fit.table.attrs.get("vcov")
    if vcov is None or not np.all(np.isfinite(vcov)):
        raise EstimationError(
            "The information matrix of this fit cannot be inverted, so no standard errors or "
            "Monte-Carlo draws are available; the model is probably not identified."
        )
    return vcov


def _summarise(
    est: np.ndarray, draws: np.ndarray | None, se: np.ndarray, level: float
) -> dict[str, np.ndarray]:
    alpha = 1 - level
    if draws is None:
        z = special.ndtri(1 - alpha / 2)
        lo, hi = est - z * se, est + z * se
    else:
        with np.errstate(all="ignore"):
            lo, hi = np.nanpercentile(draws, [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z_value = est / se
    return {
        "est": est,
        "se": se,
        "z": z_value,
        "pvalue": 2 * special.ndtr(-np.abs(z_value)),
        "ci_low": lo,
        "ci_high": hi,
    }


def effects(
    fit: SEMFit,
    *,
    specific: bool = True,
    boot: BootstrapResult | None = None,
    mc: MonteCarloResult | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Direct, indirect, specific indirect and total effects between every pair of
    variables connected by regression paths, plus the model's ``:=`` parameters.

    Columns: (group), effect (direct / indirect / specific / total / defined), from, to,
    via (the mediators of a specific route, or of the indirect effect when there is only
    one route; the expression of a defined parameter), est, se, z, pvalue, ci_low, ci_high,
    std_all, std_se, and std_ci_low / std_ci_high, the interval of the standardized effect
    from the same method (for ``:=`` rows only with the delta method). The old names
    (ci.lower, ci.upper, std.all, std.ci.lower, std.ci.upper) still work until cxlab 0.3,
    with a DeprecationWarning. ``level`` is the confidence level. Intervals are
    delta-method (Wald) by default; pass ``boot=fit.bootstrap(...)`` or
    ``mc=fit.monte_carlo_ci(...)`` for percentile intervals from those draws (then ``se``
    is the SD of the draws). ``attrs["ci"]`` says which.

    With several groups the ``group`` column names the group of each effect; ``:=`` rows
    have group 0, as in lavaan's ``parameterEstimates()``: they belong to no group. Their
    std_all is the expression evaluated at the standardized value of the *first*
    parameter carrying each label (lavaan's rule) — with a label shared across groups
    (an equality constraint), that is the standardization of the first group in which the
    label appears; write ``c(a1, a2)*x`` and one ``:=`` per group for per-group values.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("x4 ~ x1\\nx7 ~ x4 + x1", hs)
    >>> for _, r in fit.effects().iterrows():
    ...     print(r["effect"], r["from"], "->", r["to"], r["via"], f"{r['est']:.3f}")
    direct x4 -> x7  0.162
    total x4 -> x7  0.162
    direct x1 -> x4  0.372
    total x1 -> x4  0.372
    direct x1 -> x7  0.002
    indirect x1 -> x7 x4 0.060
    total x1 -> x7  0.062
    """
    fit.require_admissible()
    if boot is not None and mc is not None:
        raise DataError("Pass either boot= or mc=, not both.")
    spec = _Effects(fit, specific)
    theta = fit.theta_
    est, std = spec.values(theta[None, :])
    est, std = est[0], std[0]
    table = fit.table
    defined = table[table.op == ":="]
    def_rows = defined.index.to_numpy()
    if boot is not None or mc is not None:
        thetas = thetas_from_values(table, boot.draws) if boot is not None else mc.thetas
        draws, std_draws = spec.values(thetas)
        std_se = std_draws.std(axis=0, ddof=1)
        def_draws = parameter_values(table, thetas)[:, def_rows]
        se = draws.std(axis=0, ddof=1)
        def_se = def_draws.std(axis=0, ddof=1)
        method = "bootstrap percentile" if boot is not None else "Monte-Carlo percentile"
    else:
        vcov = _vcov(fit)
        step = 1e-6
        k = len(theta)
        plus = theta[None, :] + step * np.eye(k)
        minus = theta[None, :] - step * np.eye(k)
        hi, lo = spec.values(plus), spec.values(minus)
        jac = (hi[0] - lo[0]).T / (2 * step)
        jac_std = (hi[1] - lo[1]).T / (2 * step)
        se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac, vcov, jac), 0, None))
        std_se = np.sqrt(np.clip(np.einsum("ij,jk,ik->i", jac_std, vcov, jac_std), 0, None))
        draws = def_draws = std_draws = None
        def_se = table.loc[def_rows, "se"].to_numpy(dtype=float)
        method = "delta method (Wald)"
    out = spec.frame(fit)
    for col, values in _summarise(est, draws, se, level).items():
        out[col] = values
    out["std_all"] = std
    out["std_se"] = std_se
    std_ci = _summarise(std, std_draws, std_se, level)
    out["std_ci_low"], out["std_ci_high"] = std_ci["ci_low"], std_ci["ci_high"]
    if len(defined):
        def_est = table.loc[def_rows, "est"].to_numpy(dtype=float)
        extra = pd.DataFrame(
            {
                "group": 0,  # as lavaan: a ':=' parameter belongs to no group (block 0)
                "effect": "defined",
                "from": defined["lhs"].to_numpy(),
                "to": "",
                "via": defined["rhs"].to_numpy(),
            }
        )
        for col, values in _summarise(def_est, def_draws, def_se, level).items():
            extra[col] = values
        extra["std_all"] = table.loc[def_rows, "std_all"].to_numpy(dtype=float)
        if draws is None:  # delta method: lavaan's standardizedSolution() intervals
            extra["std_se"] = table.loc[def_rows, "std_se"].to_numpy(dtype=float)
            def_std = _summarise(extra["std_all"].to_numpy(), None, extra["std_se"], level)
            extra["std_ci_low"], extra["std_ci_high"] = def_std["ci_low"], def_std["ci_high"]
        else:  # not available from draws of θ without re-standardizing every draw
            extra["std_se"] = extra["std_ci_low"] = extra["std_ci_high"] = np.nan
        out = pd.concat([out, extra], ignore_index=True)
    if len(fit.groups) == 1:
        out = out.drop(columns="group")
    out.attrs["ci"] = f"{level:.0%} {method}"
    return renamed_columns(out)


@dataclass
class MonteCarloResult:
    """Monte-Carlo CIs: ``table`` (lhs, op, rhs, (group), label, est, se, ci_low, ci_high
    for every free and defined parameter; ``se`` is the SD of the draws), the parameter
    draws ``thetas`` (R × free parameters) and ``draws`` (R × rows of the table).
    ``summary()`` describes the draws, ``to_frame()`` is the table, ``plot(parameter=...)``
    the histogram of one parameter's draws."""

    table: pd.DataFrame
    thetas: np.ndarray
    R: int
    seed: int
    level: float
    n_negative_variance: int
    draws: np.ndarray | None = None

    def summary(self) -> str:
        """How many draws there were, and how many implied a negative variance.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> print(fit.monte_carlo_ci(1000, seed=1).summary().split(";")[0])
        1000 Monte-Carlo draws of the parameters from N(θ̂, V̂) (seed 1)
        """
        return (
            f"{self.R} Monte-Carlo draws of the parameters from N(θ̂, V̂) (seed {self.seed}); "
            f"{self.n_negative_variance} of them have a negative variance (kept: the draws "
            "describe the sampling distribution, not refitted solutions)."
        )

    def report(self) -> str:
        """Deprecated name of :meth:`summary` (goes in cxlab 0.3).

        Examples
        --------
        >>> import warnings
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> mc = fit.monte_carlo_ci(1000, seed=1)
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     mc.report() == mc.summary()
        True
        """
        deprecated("MonteCarloResult.report()", "MonteCarloResult.summary()")
        return self.summary()

    def to_frame(self) -> pd.DataFrame:
        """The table: lhs, op, rhs, (group), label, est, se (SD of the draws), ci_low, ci_high.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3", cx.datasets.load("holzinger_swineford"))
        >>> list(fit.monte_carlo_ci(1000, seed=1).to_frame().columns)
        ['lhs', 'op', 'rhs', 'label', 'est', 'se', 'ci_low', 'ci_high']
        """
        return self.table.copy()

    def plot(
        self,
        *,
        ax: Axes | None = None,
        parameter: str | int | None = None,
        lang: Lang | None = None,
    ) -> Axes:
        """Histogram of the draws of one parameter or defined effect, its estimate and
        interval marked; returns the matplotlib Axes.

        ``parameter`` is a label (``"a"``), a defined parameter (``"ab"``), ``"lhs op rhs"``
        (``"dem60 ~ ind60"``) or a row number of the table; by default the first defined
        parameter (else the first free one). With several groups the first match is drawn.
        ``lang`` ("en" or "zh") is the language of the title, labels and legend; default:
        the notebook's (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> model = ("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...          "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ a*ind60\\ndem65 ~ b*dem60\\nab := a*b")
        >>> mc = cx.sem.fit(model, pdem).monte_carlo_ci(2000, seed=1)
        >>> mc.plot().get_title()  # the defined effect by default
        'ab := a*b: 2000 Monte-Carlo draws'
        >>> mc.plot(lang="zh").get_title()
        'ab := a*b：2000 次蒙特卡洛抽样'
        """
        if self.draws is None:
            raise DataError("This result keeps no draws of the table's rows to plot.")
        return plot_draws(
            self.table, self.draws, parameter, "Monte-Carlo", ax, level=self.level, lang=lang
        )

    def defined(self) -> pd.DataFrame:
        """Rows of the defined parameters (``:=``) only.

        Examples
        --------
        >>> import cxlab as cx
        >>> pdem = cx.datasets.load("political_democracy")
        >>> model = ("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
        ...          "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ a*ind60\\ndem65 ~ b*dem60\\nab := a*b")
        >>> mc = cx.sem.fit(model, pdem).monte_carlo_ci(2000, seed=1)
        >>> mc.defined()[["lhs", "op", "rhs", "est"]].round(3)
          lhs  op  rhs    est
        0  ab  :=  a*b  1.518
        """
        return self.table[self.table["op"] == ":="].reset_index(drop=True)

    def _repr_html_(self) -> str:
        return html_view("SEM Monte-Carlo CIs", self.summary(), self.table)

    def __repr__(self) -> str:
        return f"MonteCarloResult(R={self.R}, seed={self.seed}, level={self.level})"


def monte_carlo_ci(
    fit: SEMFit, R: int = 20000, *, seed: int | None = None, level: float = 0.95
) -> MonteCarloResult:
    """Monte-Carlo confidence intervals of every parameter and ``:=`` effect.

    ``seed`` is required (any integer: the same seed gives the same draws); ``level`` is
    the confidence level of the percentile intervals.

    Examples
    --------
    >>> import cxlab as cx
    >>> pdem = cx.datasets.load("political_democracy")
    >>> fit = cx.sem.fit("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
    ...                  "dem65 =~ y5 + y6 + y7 + y8\\ndem60 ~ a*ind60\\ndem65 ~ b*dem60\\n"
    ...                  "ind := a*b", pdem)
    >>> mc = fit.monte_carlo_ci(R=5000, seed=1)  # semTools::monteCarloCI: 1.52 [0.83, 2.24]
    >>> row = mc.defined().iloc[0]
    >>> print(f"{row['est']:.2f} [{row['ci_low']:.2f}, {row['ci_high']:.2f}]")
    1.52 [0.83, 2.25]
    """
    if seed is None:
        raise DataError(
            "Monte-Carlo CIs draw the parameters at random: pass seed= (any integer, e.g. "
            "seed=1) so that the intervals can be reproduced."
        )
    fit.require_admissible()
    if R < 1000:
        raise DataError(f"R = {R} Monte-Carlo draws are too few for percentile CIs; use ≥ 1000.")
    vcov = _vcov(fit)
    rng = np.random.default_rng(seed)
    thetas = rng.multivariate_normal(fit.theta_, vcov, size=R, method="eigh")
    table = fit.table
    values = parameter_values(table, thetas)
    ops = table["op"].to_numpy()
    variance = (ops == "~~") & (table["lhs"] == table["rhs"]).to_numpy() & (table["free"] > 0)
    n_negative = int((values[:, variance.to_numpy()] < 0).any(axis=1).sum())
    alpha = 1 - level
    lo, hi = np.percentile(values, [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
    out = draws_table(table, table["est"].to_numpy(), values, lo, hi)
    out = renamed(
        out,
        "mc_se",
        f"Monte-Carlo SE: SD of the {R} draws",
        f"{level:.0%} Monte-Carlo percentile interval",
    )
    return MonteCarloResult(out, thetas, R, seed, level, n_negative, values)
