"""What :mod:`cxlab.psychometrics.model_reliability` reads from a fitted model, as
semTools 0.5.6 reads it from a lavaan fit, and semTools' categorical ω.

:class:`Block` is one group's LAMBDA (``lavInspect(fit, "est")$lambda``), PHI
(``"cov.lv"``, the implied factor covariances) and SIGMA (``"sampstat"`` or ``"fitted"``
covariances). For ordered items (a WLSMV fit) semTools also takes, per group, the
thresholds as estimated (``$tau``; here the table's ``|`` rows) and the scale factors
(``$delta``; the ``~*~`` rows, 1 unless freed in groups 2…), and rescales SIGMA — the
polychoric correlations (``obs.var = TRUE``) or the model-implied correlations of the
latent responses (``obs.var = FALSE``) — to D⁻¹ SIGMA D⁻¹ with D = diag(δ). In lavaan's
delta parameterisation the implied matrix is D Σ* D with Σ* = ΛΦΛᵀ + Θ, so with
``obs.var = FALSE`` SIGMA is Σ* itself (``ram_.implied(theta_, g)["sigma"]``); with
``obs.var = TRUE`` it is R / (δᵢδⱼ), R the polychoric correlations
(``ram_.moments[g].cov``).

:func:`omega_cat` is semTools' ``omegaCat`` (Green & Yang 2009): the reliability of the
sum of the observed category scores. :func:`category_scores` are the answers as lavaan
codes them (``lavInspect(fit, "data")``: categories 1…K, complete rows), which semTools
uses for α with ``tau.eq = TRUE, ord.scale = TRUE``.

The bivariate normal distribution function is cxlab's Genz (2004) implementation
(``bivariate_normal_cdf`` of :mod:`cxlab.sem.ordinal`).

Examples
--------
>>> import numpy as np
>>> common = np.full((2, 2), 0.49)  # two items loading 0.7 on a factor of variance 1
>>> total = np.array([[1.0, 0.49], [0.49, 1.0]])
>>> round(omega_cat(common, total, [np.array([0.0]), np.array([0.0])], np.ones(2)), 4)
0.4917
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import special

from cxlab.errors import DataError

if TYPE_CHECKING:
    from cxlab.sem import SEMFit

__all__ = ["Block", "blocks", "category_scores", "omega_cat", "scale_factors", "thresholds"]


def _phi(x: np.ndarray) -> np.ndarray:
    """Standard normal distribution function (0 at −inf)."""
    return special.ndtr(x)


def omega_cat(
    truevar: np.ndarray,
    denom: np.ndarray,
    thresholds_: list[np.ndarray],
    scales: np.ndarray,
) -> float:
    """Categorical ω of a sum of ordered items (Green & Yang 2009; semTools' ``omegaCat``).

    # In R: semTools:::omegaCat(truevar, threshold, scales, denom)

    With the thresholds τ_jc of item j multiplied by its scale factor δ_j, the common
    (true-score) correlations R = D T D (T = ``truevar``, the items' model-implied common
    covariance λφλᵀ; D = diag(δ)) and the total correlations P = cov2cor(``denom``):

        ω = Σ_jj' [Σ_cc' Φ₂(τ_jc, τ_j'c'; R_jj') − Σ_c Φ(τ_jc) Σ_c' Φ(τ_j'c')]
            / Σ_jj' [Σ_cc' Φ₂(τ_jc, τ_j'c'; P_jj') − Σ_c Φ(τ_jc) Σ_c' Φ(τ_j'c')]

    over all pairs of items j, j' (j = j' included, where P_jj = 1): the covariance of the
    category scores (0…K−1) implied by the common part over the one implied by the whole
    latent-response correlation. Φ₂ is the standard bivariate normal distribution
    function (``mnormt::pmnorm`` in semTools, Genz 2004 here).

    Parameters
    ----------
    truevar : numpy.ndarray
        The items' common covariance matrix λφλᵀ (k × k, raw metric).
    denom : numpy.ndarray
        Their total covariance matrix (k × k); only its correlations are used.
    thresholds_ : list of numpy.ndarray
        Each item's thresholds, in increasing order.
    scales : numpy.ndarray
        Each item's scale factor δ (1 in a one-group model).

    Returns
    -------
    float
        ω of the sum score.

    Examples
    --------
    >>> import numpy as np
    >>> lam = np.array([0.8, 0.7, 0.6])
    >>> common = np.outer(lam, lam)
    >>> total = common + np.diag(1 - lam**2)
    >>> taus = [np.array([-1.0, 0.0, 1.0])] * 3
    >>> round(omega_cat(common, total, taus, np.ones(3)), 4)
    0.7008
    >>> round(float(common.sum() / total.sum()), 4)  # ω of the latent responses
    0.7449
    >>> fine = [np.linspace(-2, 2, 9)] * 3  # ten categories instead of four
    >>> round(omega_cat(common, total, fine, np.ones(3)), 4)
    0.7355
    """
    from cxlab.sem.ordinal import bivariate_normal_cdf

    scales = np.asarray(scales, dtype=float)
    truevar = np.asarray(truevar, dtype=float)
    denom = np.asarray(denom, dtype=float)
    k = len(scales)
    common = scales[:, None] * truevar * scales[None, :]
    sd = np.sqrt(np.diag(denom))
    total = denom / np.outer(sd, sd)
    np.fill_diagonal(total, 1.0)  # cov2cor: exactly 1
    width = max(len(t) for t in thresholds_)
    tau = np.full((k, width), -np.inf)  # Φ(−inf) = Φ₂(−inf, ·) = 0: padding adds nothing
    for j, t in enumerate(thresholds_):
        tau[j, : len(t)] = np.asarray(t, dtype=float) * scales[j]
    x = tau[:, None, :, None]
    y = tau[None, :, None, :]
    margins = _phi(tau).sum(axis=1)
    product = np.outer(margins, margins)

    def covariance(rho: np.ndarray) -> float:
        joint = bivariate_normal_cdf(x, y, rho[:, :, None, None]).sum(axis=(2, 3))
        return float((joint - product).sum())

    return covariance(common) / covariance(total)


def thresholds(fit: SEMFit, g: int, items: list[str]) -> list[np.ndarray]:
    """The estimated thresholds of *items* in group *g* (0-based), each in order t1, t2, ….

    # In R: lavInspect(fit, "est")$tau  (semTools:::getThreshold)

    Examples
    --------
    >>> import cxlab as cx
    >>> hotel = cx.datasets.load("hotel_4e")
    >>> items = ["sat1", "sat2", "sat3", "loy1", "loy2", "loy3"]
    >>> model = "satisfaction =~ sat1 + sat2 + sat3\\nloyalty =~ loy1 + loy2 + loy3"
    >>> fit = cx.sem.fit(model, hotel, ordered=items)
    >>> [len(t) for t in thresholds(fit, 0, items)]  # 7-point items: 6 thresholds each
    [6, 6, 6, 6, 6, 6]
    """
    table = fit.table
    rows = table[(table.op == "|") & (table.group == g + 1)]
    out = []
    for item in items:
        mine = rows[rows.lhs == item]
        order = np.argsort([int(str(r)[1:]) for r in mine.rhs])
        out.append(mine["est"].to_numpy(dtype=float)[order])
    return out


def scale_factors(fit: SEMFit, g: int, items: list[str]) -> np.ndarray:
    """The scale factors δ (lavaan's ``~*~``) of *items* in group *g* (0-based).

    # In R: lavInspect(fit, "est")$delta  (semTools:::getScales)

    Examples
    --------
    >>> import cxlab as cx
    >>> hotel = cx.datasets.load("hotel_4e")
    >>> fit = cx.sem.fit("sat =~ sat1 + sat2 + sat3", hotel, ordered=["sat1", "sat2", "sat3"])
    >>> scale_factors(fit, 0, ["sat1", "sat2", "sat3"]).tolist()  # fixed at 1 in one group
    [1.0, 1.0, 1.0]
    """
    table = fit.table
    rows = table[(table.op == "~*~") & (table.group == g + 1) & (table.lhs == table.rhs)]
    est = dict(zip(rows.lhs, rows["est"].astype(float), strict=True))
    return np.array([est.get(item, 1.0) for item in items], dtype=float)


def _codes(column: pd.Series) -> np.ndarray:
    """Category codes 1…K of one ordered item (the categories: the values present)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        levels = [v for v in column.cat.categories if (column == v).any()]
        return column.map({v: k + 1 for k, v in enumerate(levels)}).to_numpy(dtype=float)
    values = pd.to_numeric(column).to_numpy(dtype=float)
    _, inverse = np.unique(values, return_inverse=True)
    return inverse.astype(float) + 1


def category_scores(fit: SEMFit, ordered: list[str]) -> list[pd.DataFrame]:
    """The answers to the model's variables per group as lavaan holds them: the complete
    rows on the model's variables (listwise deletion, as the WLSMV fit), the *ordered*
    items coded 1…K from the values present (in all groups together), any continuous
    variable as it is.

    # In R: lavInspect(fit, "data")

    Examples
    --------
    >>> import cxlab as cx
    >>> hotel = cx.datasets.load("hotel_4e")
    >>> fit = cx.sem.fit("sat =~ sat1 + sat2 + sat3", hotel, ordered=["sat1", "sat2", "sat3"])
    >>> scores = category_scores(fit, ["sat1", "sat2", "sat3"])
    >>> len(scores), scores[0].shape, int(scores[0].min().min())
    (1, (600, 3), 1)
    """
    data = getattr(fit, "data_", None)
    if data is None:
        raise DataError(
            "α of the answers (tau_eq=True, ord_scale=True) needs the data, but this fit "
            "holds none (fit.data_ is None). Refit with the data, or use ord_scale=False "
            "(α of the latent responses)."
        )
    group = (fit.meta or {}).get("group")
    observed = list(fit.ram_.observed)
    frame = data[observed + ([group] if group else [])].dropna()
    values = {
        v: _codes(frame[v]) if v in ordered else pd.to_numeric(frame[v]).to_numpy(dtype=float)
        for v in observed
    }
    answers = pd.DataFrame(values, index=frame.index)
    if not group:
        return [answers]
    labels = frame[group]
    return [answers[(labels == label).to_numpy()] for label in fit.groups]


class Block:
    """One group's loadings, factor covariances and total covariance, as semTools reads
    them (see the module docstring); for ordered items (``categorical``) also the scale
    factors δ, the thresholds, and SIGMA rescaled to D⁻¹ SIGMA D⁻¹.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> b = Block(fit, 0, obs_var=True)
    >>> b.items("visual"), b.factors(drop_single=True)
    (['x1', 'x2', 'x3'], ['visual', 'textual'])
    >>> round(float(b.sigma.loc["x1", "x1"]), 3)  # sample variance, divisor N
    1.358
    """

    def __init__(self, fit: SEMFit, g: int, obs_var: bool, categorical: bool = False) -> None:
        ram = fit.ram_
        implied = ram.implied(fit.theta_, g)
        observed, latent = list(ram.observed), list(ram.latent)
        self.observed, self.latent = observed, latent
        p = len(observed)
        self.phi = pd.DataFrame(implied["cov_all"][p:, p:], index=latent, columns=latent)
        sigma = np.asarray(ram.moments[g].cov if obs_var else implied["sigma"], dtype=float)
        self.scales = np.ones(p)
        self.thresholds: dict[str, np.ndarray] = {}
        if categorical:
            self.scales = scale_factors(fit, g, observed)
            if obs_var:  # the polychoric correlations; the implied Σ* needs no rescaling
                sigma = sigma / np.outer(self.scales, self.scales)
            ordered = [v for v in observed if v in set(fit.meta.get("ordered") or [])]
            self.thresholds = dict(zip(ordered, thresholds(fit, g, ordered), strict=True))
        self.sigma = pd.DataFrame(sigma, index=observed, columns=observed)
        table = fit.table
        loads = table[(table.op == "=~") & (table.group == g + 1) & table.rhs.isin(observed)]
        lam = pd.DataFrame(0.0, index=observed, columns=latent)
        std = pd.DataFrame(0.0, index=observed, columns=latent)
        for r in loads.itertuples():
            lam.loc[r.rhs, r.lhs] = float(r.est)
            std.loc[r.rhs, r.lhs] = float(r.std_all)
        self.lam, self.std = lam, std

    def factors(self, drop_single: bool) -> list[str]:
        """The factors semTools reports: all, or (drop_single) those with 2+ indicators.

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\nspeed =~ x7\\nx7 ~~ 0*x7", hs)
        >>> Block(fit, 0, obs_var=True).factors(drop_single=True)
        ['visual']
        """
        if not drop_single:
            return list(self.latent)
        return [f for f in self.latent if int((self.lam[f] != 0).sum()) > 1]

    def items(self, factor: str) -> list[str]:
        """The observed indicators of *factor* (non-zero loadings).

        Examples
        --------
        >>> import cxlab as cx
        >>> hs = cx.datasets.load("holzinger_swineford")
        >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3", hs)
        >>> Block(fit, 0, obs_var=False).items("visual")
        ['x1', 'x2', 'x3']
        """
        column = self.lam[factor]
        return list(column.index[column != 0])

    def omega_cat(self, items: list[str], common: np.ndarray) -> float:
        """:func:`omega_cat` of *items* (ordered) with common covariance matrix *common*.

        Examples
        --------
        >>> import numpy as np
        >>> import cxlab as cx
        >>> hotel = cx.datasets.load("hotel_4e")
        >>> fit = cx.sem.fit("sat =~ sat1 + sat2 + sat3", hotel,
        ...                  ordered=["sat1", "sat2", "sat3"])
        >>> b = Block(fit, 0, obs_var=True, categorical=True)
        >>> lam = b.lam["sat"].to_numpy()
        >>> round(b.omega_cat(b.items("sat"), np.outer(lam, lam) * b.phi.loc["sat", "sat"]), 3)
        0.889
        """
        pos = [self.observed.index(v) for v in items]
        return omega_cat(
            common,
            self.sigma.loc[items, items].to_numpy(),
            [self.thresholds[v] for v in items],
            self.scales[pos],
        )


def blocks(fit: SEMFit, obs_var: bool, categorical: bool = False) -> list[Block]:
    """One :class:`Block` per group of *fit*.

    Examples
    --------
    >>> import cxlab as cx
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.psychometrics.cfa("visual =~ x1 + x2 + x3", hs, group="school")
    >>> len(blocks(fit, obs_var=True))
    2
    """
    return [Block(fit, g, obs_var, categorical) for g in range(len(fit.groups))]
