"""The loyalty-programme trap: members spend more, but mostly because big spenders join.
The naive member − non-member gap against inverse-probability weighting and propensity
score matching, with balance and overlap checks (private; public through
:mod:`cxlab.experiments`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from cxlab._conventions import as_frame, numeric_columns
from cxlab.errors import DataError, EstimationError
from cxlab.experiments._panel import check_level, interval, rows_text
from cxlab.experiments._weights import ipw_effect, match_effect
from cxlab.experiments._words import TEXT, join, translate, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["METHODS", "ProgrammeEffect", "programme_effect"]

METHODS = ("naive", "ipw", "match", "did")
_WORDS = {
    "en": {
        "overlap": "Overlap of propensity scores (common support)",
        "score": "propensity score (probability of joining)",
        "density": "density",
        "members": "members",
        "others": "non-members",
        "balance": "Covariate balance: |standardised mean difference|",
        "smd": "|standardised mean difference|",
        "before": "before",
        "ipw": "after weighting",
        "match": "after matching",
        "rule": "0.1 rule of thumb",
    },
    "zh": {
        "overlap": "倾向得分的重叠（共同支撑）",
        "score": "倾向得分（加入会员的概率）",
        "density": "密度",
        "members": "会员",
        "others": "非会员",
        "balance": "协变量平衡：标准化均值差的绝对值",
        "smd": "标准化均值差的绝对值",
        "before": "调整前",
        "ipw": "加权后",
        "match": "匹配后",
        "rule": "0.1 经验法则",
    },
}
#: the caveat every adjusted estimate carries (English; the Chinese is in ``_words``)
CAVEAT = TEXT["en"]["sel_caveat"]


@dataclass
class ProgrammeEffect:
    """Result of :func:`programme_effect`.

    Attributes
    ----------
    table : DataFrame
        One row per method: ``method``, ``estimand`` (ATT / ATE / difference), ``est, se,
        z, pvalue, ci_low, ci_high``, ``n_members``, ``n_others`` (used), ``se_method``.
    balance : DataFrame
        One row per covariate (categories as 0/1 columns): ``mean_members``,
        ``mean_others``, ``smd_before`` and ``smd_ipw`` / ``smd_match`` (standardised mean
        differences, denominator the unweighted pooled SD), ``balanced`` (all |SMD| after
        adjustment below 0.1).
    propensity : Series
        Each customer's estimated probability of joining (statsmodels Logit).
    logit : DataFrame
        The propensity model's coefficients (``term, est, se, z, pvalue``).
    diagnostics : dict
        Overlap and weights: members outside the non-members' range of scores, the
        caliper, unmatched members, the effective number of weighted non-members, the
        largest weight's share.
    """

    table: pd.DataFrame
    balance: pd.DataFrame
    propensity: pd.Series
    member: pd.Series
    logit: pd.DataFrame
    diagnostics: dict[str, Any]
    outcome: str
    covariates: list[str]
    level: float

    def to_frame(self) -> pd.DataFrame:
        """The estimates of all methods (``table``).

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.programme_effect(
        ...     cx.datasets.load("store_rollout_customers"), "post_spend", member="member",
        ...     covariates=["pre_spend", "pre_visits", "tenure_years", "distance_km",
        ...                 "age_group"])
        >>> res.to_frame()["method"].tolist()
        ['naive', 'ipw', 'match']
        """
        return self.table

    def summary(self, lang: Lang | None = None) -> str:
        """The estimates in plain words, balance, overlap and the caveat.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.programme_effect(
        ...     cx.datasets.load("store_rollout_customers"), "post_spend", member="member",
        ...     covariates=["pre_spend", "pre_visits"], method="naive")
        >>> print(res.summary().splitlines()[0])
        Programme effect on 'post_spend': 986 members, 2,014 non-members
        """
        w = words(lang)
        d = self.diagnostics
        lines = [w["sel_head"].format(outcome=self.outcome, m=d["members"], o=d["others"])]
        for r in self.table.itertuples(index=False):
            lines.append(
                w["sel_row"].format(
                    name=w["sel_names"][r.method],
                    estimand=translate(r.estimand, lang),
                    est=r.est,
                    lo=r.ci_low,
                    hi=r.ci_high,
                    level=self.level,
                    se=translate(r.se_method, lang),
                )
            )
        after = [c for c in ("smd_ipw", "smd_match") if c in self.balance]
        if after:
            worst = self.balance["smd_before"].abs().max()
            shown = [
                w["sel_after"].format(
                    smd=self.balance[c].abs().max(), how=w["sel_after_how"][c[4:]]
                )
                for c in after
            ]
            lines.append(w["sel_balance"].format(worst=worst, after=w["sep"].join(shown)))
            rest = (
                w["sel_unmatched"].format(u=d["unmatched"], caliper=d["caliper"])
                if "unmatched" in d
                else w["sel_no_unmatched"]
            )
            lines.append(w["sel_overlap"].format(n=d["outside_support"], rest=rest))
            lines.append(w["sel_caveat"].format(covs=join(self.covariates, lang)))
        else:
            lines.append(w["sel_naive"])
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        return (
            f"<p><b>{head}</b></p>"
            + self.table.round(3).to_html(index=False)
            + self.balance.round(3).to_html()
        )

    def plot(
        self,
        kind: Literal["overlap", "balance"] = "overlap",
        *,
        ax: Axes | None = None,
        lang: Lang | None = None,
    ) -> Axes:
        """``"overlap"``: histograms of the propensity score of members and non-members
        (common support); ``"balance"``: |SMD| of each covariate before and after
        adjustment, with the 0.1 line (a Love plot).

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> res = cx.experiments.programme_effect(
        ...     cx.datasets.load("store_rollout_customers"), "post_spend", member="member",
        ...     covariates=["pre_spend", "pre_visits"], method="ipw")
        >>> ax = res.plot("balance", lang="zh")
        >>> ax.get_title()
        '协变量平衡：标准化均值差的绝对值'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        if kind not in ("overlap", "balance"):
            raise DataError(f"kind must be 'overlap' or 'balance', not {kind!r}.")
        lang, words, family = figure_words(lang, _WORDS)
        with matplotlib.rc_context({"font.family": family}):
            if kind == "overlap":
                ax = ax or plt.subplots(figsize=(7, 4))[1]
                bins = np.linspace(0, 1, 41)
                m = self.member.to_numpy() == 1
                ps = self.propensity.to_numpy()
                ax.hist(ps[m], bins=bins, density=True, alpha=0.5, label=words["members"])
                ax.hist(ps[~m], bins=bins, density=True, alpha=0.5, label=words["others"])
                ax.set(title=words["overlap"], xlabel=words["score"], ylabel=words["density"])
            else:
                b = self.balance
                ax = ax or plt.subplots(figsize=(7, 0.35 * len(b) + 1.5))[1]
                yy = np.arange(len(b))
                ax.plot(b["smd_before"].abs(), yy, "o", label=words["before"])
                for col, mark in (("smd_ipw", "s"), ("smd_match", "^")):
                    if col in b:
                        ax.plot(b[col].abs(), yy, mark, label=words[col[4:]])
                ax.axvline(0.1, color="grey", ls="--", lw=1, label=words["rule"])
                ax.set_yticks(yy, list(b.index))
                ax.set(title=words["balance"], xlabel=words["smd"])
            ax.legend()
            ax.grid(alpha=0.3)
            refont(ax, family)
        return ax


def _design(df: pd.DataFrame, covariates: list[str]) -> pd.DataFrame:
    """Covariates as numbers: text/categorical columns as 0/1 columns (first level left
    out), named ``column[level]``."""
    parts = []
    for c in covariates:
        col = df[c]
        if col.isna().any():
            rows = list(df.index[col.isna()])
            raise DataError(
                f"Covariate {c!r} is missing in row(s) {rows_text(rows)}: the propensity model "
                "needs every covariate. Fill it in or drop those rows yourself, and say so."
            )
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            parts.append(numeric_columns(df, [c], noun="Covariate"))
        else:
            levels = sorted(col.astype(str).unique())
            if len(levels) < 2:
                raise DataError(
                    f"Covariate {c!r} has one value only ({levels[0]!r}); leave it out."
                )
            parts.append(
                pd.DataFrame(
                    {f"{c}[{v}]": (col.astype(str) == v).astype(float) for v in levels[1:]},
                    index=df.index,
                )
            )
    return pd.concat(parts, axis=1)


def _smd(x: pd.DataFrame, d: np.ndarray, w: np.ndarray | None = None) -> pd.Series:
    """Standardised mean differences (members − others) of the columns of *x*, weighted
    means with weights *w*, denominator the unweighted pooled SD sqrt((s1² + s0²)/2)."""
    v = x.to_numpy(float)
    m, o = d == 1, d == 0
    sd = np.sqrt((v[m].var(axis=0, ddof=1) + v[o].var(axis=0, ddof=1)) / 2)
    w = np.ones(len(d)) if w is None else w
    diff = np.average(v[m], axis=0, weights=w[m]) - np.average(v[o], axis=0, weights=w[o])
    return pd.Series(np.where(sd > 0, diff / np.where(sd > 0, sd, 1), 0.0), index=x.columns)


def programme_effect(
    data: Any,
    outcome: str,
    *,
    member: str,
    covariates: Sequence[str],
    method: Literal["naive", "ipw", "match", "did", "all"] | Sequence[str] = "all",
    estimand: Literal["ATT", "ATE"] = "ATT",
    caliper: float = 0.2,
    baseline: str | None = None,
    level: float = 0.95,
    B: int = 0,
    seed: int | None = None,
) -> ProgrammeEffect:
    """What does a self-selected programme (loyalty membership) do to an outcome? The
    naive member − non-member gap, against adjustments for who joins.

    - **naive**: mean(members) − mean(non-members), Welch SE. Members chose to join; if
      those who join would spend more anyway, this gap is mostly selection, not effect.
    - **ipw** (inverse-probability weighting): the probability of joining given the
      covariates (the propensity score p) from a statsmodels ``Logit``; ``estimand="ATT"``
      (default: the effect on those who joined) weights members 1 and non-members
      p/(1 − p); ``"ATE"`` weights 1/p and 1/(1 − p). The estimate is the difference of
      the weighted means (normalised weights) — the coefficient of a weighted least
      squares ``outcome ~ member``. Its SE is the robust (sandwich) SE of the stacked
      estimating equations of the logit and the two weighted means (M-estimation,
      Lunceford & Davidian 2004), so the estimation of the score is accounted for; a
      deterministic, normal interval.
    - **match**: each member matched to the nearest non-member on the logit of the
      propensity score (scikit-learn ``NearestNeighbors``, 1:1, with replacement; ATT),
      within a caliper of ``caliper`` × SD of the logit score (0.2: Austin 2011);
      members with no non-member that close are left out and counted. SE: Abadie &
      Imbens (2006) for matching with replacement, conditional variances from the two
      nearest members of the same group, treating the score as known (Abadie & Imbens
      2016 show its estimation changes the SE of the ATT in either direction).
    - **did** (with ``baseline=``, the outcome before the programme): the members' change
      minus the non-members' change, by :func:`did` on the two-period customer panel
      (cluster-robust by customer). It removes stable differences between the groups,
      not a dip or spike that made people join (regression to the mean).

    Balance: standardised mean differences of every covariate before and after
    weighting / matching (denominator the unweighted pooled SD; |SMD| < 0.1 is the usual
    rule of thumb); overlap: the two groups' propensity scores (``plot()``).

    These methods adjust **only for the covariates measured**. Self-selection on
    anything unmeasured stays in every estimate; only a randomised offer rules it out.

    Parameters
    ----------
    data : DataFrame or Survey
        One row per customer.
    outcome : str
        The outcome after the programme started (spend, visits, NPS).
    member : str
        0/1 (or True/False): the customer joined.
    covariates : list of str
        Measured before joining (pre-period spend, visits, tenure, age group…): numeric
        columns, or text/categorical ones (as 0/1 columns). Never post-programme columns.
    method : "all", a method name or a list of them
        ``"all"`` = naive, ipw, match (and did when ``baseline`` is given).
    estimand : {"ATT", "ATE"}
        For IPW; matching is always ATT.
    caliper : float
        Matching caliper in SDs of the logit propensity score (``np.inf``: none).
    baseline : str, optional
        The same outcome before the programme (for ``did``).
    level : float
        Confidence level.
    B, seed
        ``B > 0``: IPW's interval is instead the percentile bootstrap of B resamples of the
        customers, the logit refitted on each, and its SE the draws' SD; ``seed`` (required
        then) makes it reproducible. Matching keeps its Abadie–Imbens SE (the bootstrap is
        not valid for nearest-neighbour matching: Abadie & Imbens 2008).

    Returns
    -------
    ProgrammeEffect
        ``table``, ``balance``, ``propensity``, ``logit``, ``diagnostics``,
        ``summary()``, ``plot("overlap" | "balance")``.

    References
    ----------
    Abadie, A., & Imbens, G. W. (2006). Large sample properties of matching estimators for
    average treatment effects. Econometrica 74(1), 235–267.
    Abadie, A., & Imbens, G. W. (2008). On the failure of the bootstrap for matching
    estimators. Econometrica 76(6), 1537–1557.
    Abadie, A., & Imbens, G. W. (2016). Matching on the estimated propensity score.
    Econometrica 84(2), 781–807.
    Austin, P. C. (2011). Optimal caliper widths for propensity-score matching. Pharmaceutical
    Statistics 10(2), 150–161.
    Lunceford, J. K., & Davidian, M. (2004). Stratification and weighting via the propensity
    score in estimation of causal treatment effects. Statistics in Medicine 23, 2937–2960.

    Examples
    --------
    >>> import cxlab as cx
    >>> customers = cx.datasets.load("store_rollout_customers")
    >>> res = cx.experiments.programme_effect(
    ...     customers, "post_spend", member="member",
    ...     covariates=["pre_spend", "pre_visits", "tenure_years", "distance_km", "age_group"],
    ...     baseline="pre_spend")
    >>> res.table[["method", "est", "ci_low", "ci_high"]].round(1)  # truth: +8 a month
      method   est  ci_low  ci_high
    0  naive  81.0    73.8     88.1
    1    ipw  -0.6   -16.7     15.5
    2  match   1.6    -5.5      8.7
    3    did   2.2    -0.4      4.9
    """
    check_level(level)
    if B < 0 or int(B) != B:
        raise DataError(f"B must be a whole number >= 0 (bootstrap draws), not {B!r}.")
    if B > 0 and seed is None:
        raise DataError(
            "programme_effect with B > 0 resamples customers: pass seed= (e.g. seed=1)."
        )
    df = as_frame(data)
    covariates = list(covariates)
    if estimand not in ("ATT", "ATE"):
        raise DataError(f"estimand must be 'ATT' or 'ATE', not {estimand!r}.")
    methods = _methods(method, baseline)
    needed = [outcome, member, *covariates, *([baseline] if baseline else [])]
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise DataError(f"Column(s) {missing} not in the data; the columns are {list(df.columns)}.")
    if not covariates and set(methods) & {"ipw", "match"}:
        raise DataError(
            "covariates is empty: IPW and matching adjust for what was measured before "
            "joining (e.g. pre-period spend, visits, tenure); name those columns."
        )
    if outcome in covariates or member in covariates:
        raise DataError("The outcome and the member column cannot also be covariates.")
    y = _complete(df, outcome, "Outcome")
    d = _member(df, member)
    x = _design(df, covariates) if covariates else pd.DataFrame(index=df.index)
    rows, diag = [], {"members": int(d.sum()), "others": int((1 - d).sum())}
    if "naive" in methods:
        rows.append(_naive(y, d, level))
    ps = pd.Series(np.nan, index=df.index, name="propensity")
    logit = pd.DataFrame(columns=["term", "est", "se", "z", "pvalue"])
    balance = pd.DataFrame({"smd_before": _smd(x, d)}) if covariates else pd.DataFrame()
    if covariates:
        balance.insert(0, "mean_others", x.to_numpy()[d == 0].mean(axis=0))
        balance.insert(0, "mean_members", x.to_numpy()[d == 1].mean(axis=0))
    if set(methods) & {"ipw", "match"}:
        fit, ps, logit = _propensity(x, d)
        diag["outside_support"] = int((ps[d == 1] > ps[d == 0].max()).sum())
        if "ipw" in methods:
            row, w, extra = ipw_effect(y, d, fit, x, estimand, level, int(B), seed)
            rows.append(row)
            balance["smd_ipw"] = _smd(x, d, w)
            diag |= extra
        if "match" in methods:
            row, w, extra = match_effect(y, d, ps, caliper, level)
            rows.append(row)
            balance["smd_match"] = _smd(x, d, w)
            diag |= extra
    if "did" in methods:
        rows.append(_customer_did(df, y, d, baseline, level))
    after = [c for c in ("smd_ipw", "smd_match") if c in balance]
    if after:
        balance["balanced"] = (balance[after].abs() < 0.1).all(axis=1)
    table = pd.DataFrame(rows)
    return ProgrammeEffect(
        table,
        balance,
        ps,
        pd.Series(d, index=df.index, name=member),
        logit,
        diag,
        outcome,
        covariates,
        level,
    )


def _methods(method: Any, baseline: str | None) -> list[str]:
    if isinstance(method, str):
        method = (
            ["naive", "ipw", "match"] + (["did"] if baseline else [])
            if method == "all"
            else [method]
        )
    method = list(method)
    bad = [m for m in method if m not in METHODS]
    if bad:
        raise DataError(f"method must be 'all' or among {list(METHODS)}, not {bad}.")
    if "did" in method and not baseline:
        raise DataError("method 'did' needs baseline= (the outcome before the programme).")
    return method


def _complete(df: pd.DataFrame, col: str, noun: str) -> pd.Series:
    values = numeric_columns(df, [col], noun=noun)[col]
    if values.isna().any():
        rows = list(df.index[values.isna()])
        raise DataError(
            f"{noun} {col!r} is missing in {len(rows)} row(s): {rows_text(rows)}. Nothing is "
            f"dropped silently: fill them in or drop them yourself (data.dropna(subset=[{col!r}])) "
            "and say so."
        )
    return values


def _member(df: pd.DataFrame, col: str) -> np.ndarray:
    values = df[col]
    num = (
        values.astype(int)
        if pd.api.types.is_bool_dtype(values)
        else pd.to_numeric(values, errors="coerce")
    )
    bad = num.isna() | ~num.isin([0, 1])
    if bad.any():
        rows = list(df.index[bad])
        raise DataError(
            f"Column {col!r} (membership) must be 0/1 or True/False; row(s) {rows_text(rows)} "
            f"hold {values[bad].iloc[0]!r}. Recode it first."
        )
    d = num.to_numpy(int)
    for g, name in ((1, "members"), (0, "non-members")):
        if (d == g).sum() < 2:
            raise DataError(
                f"Column {col!r} has {(d == g).sum()} {name}: a comparison needs at least two "
                "of each (and many more for a useful estimate)."
            )
    return d


def _naive(y: pd.Series, d: np.ndarray, level: float) -> dict[str, Any]:
    a, b = y.to_numpy()[d == 1], y.to_numpy()[d == 0]
    se = np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    return {
        "method": "naive",
        "estimand": "difference",
        **interval(a.mean() - b.mean(), se, level),
        "n_members": len(a),
        "n_others": len(b),
        "se_method": "Welch",
    }


def _propensity(x: pd.DataFrame, d: np.ndarray) -> tuple[Any, pd.Series, pd.DataFrame]:
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    exog = sm.add_constant(x, has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PerfectSeparationWarning)
        try:
            fit = sm.Logit(d, exog).fit(disp=0, maxiter=200)
        except (PerfectSeparationWarning, np.linalg.LinAlgError) as exc:
            raise EstimationError(
                f"The propensity model (Logit of membership on {list(x.columns)}) cannot be "
                f"estimated: {exc}. A covariate (or a category) predicts membership perfectly: "
                "there are no comparable non-members for those customers. Drop or merge it."
            ) from exc
    if not fit.mle_retvals.get("converged", True):
        raise EstimationError(
            "The propensity model (Logit) did not converge; check the covariates."
        )
    ps = pd.Series(np.asarray(fit.predict(exog)), index=x.index, name="propensity")
    logit = pd.DataFrame(
        {
            "term": list(exog.columns),
            "est": fit.params.to_numpy(),
            "se": fit.bse.to_numpy(),
            "z": fit.tvalues.to_numpy(),
            "pvalue": fit.pvalues.to_numpy(),
        }
    )
    return fit, ps, logit


def _customer_did(
    df: pd.DataFrame, y: pd.Series, d: np.ndarray, baseline: str, level: float
) -> dict[str, Any]:
    from cxlab.experiments._did import did

    before = _complete(df, baseline, "Baseline")
    n = len(df)
    long = pd.DataFrame(
        {
            "id": np.tile(np.arange(n), 2),
            "t": np.repeat([0, 1], n),
            "y": np.concatenate([before.to_numpy(), y.to_numpy()]),
            "d": np.tile(d, 2),
        }
    )
    res = did(long, "y", unit="id", time="t", treated="d", start=1, level=level)
    row = res.table.iloc[0]
    return {
        "method": "did",
        "estimand": "ATT if parallel trends",
        **{k: float(row[k]) for k in ("est", "se", "z", "pvalue", "ci_low", "ci_high")},
        "n_members": int(d.sum()),
        "n_others": int((1 - d).sum()),
        "se_method": "cluster-robust by customer (CR1)",
    }
