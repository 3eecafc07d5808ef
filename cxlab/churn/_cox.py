"""Cox proportional-hazards model of time to churn, its concordance and the test of the
proportional-hazards assumption (private; public through :mod:`cxlab.churn`).

The fit is statsmodels' ``PHReg`` (Efron or Breslow ties); the concordance and the
proportional-hazards score test are computed here as R's ``survival`` 3.x does them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from cxlab._conventions import as_frame
from cxlab.churn._durations import survival_columns
from cxlab.churn._phtest import concordance, ph_test
from cxlab.churn._words import join, words
from cxlab.errors import DataError, EstimationError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

__all__ = ["CoxModel", "cox"]

_WORDS = {
    "en": {
        "title": "Cox model: hazard ratios of churn",
        "x": "hazard ratio ({level:.0%} CI, log scale); > 1 = churns sooner",
    },
    "zh": {
        "title": "Cox 比例风险模型：流失风险比",
        "x": "风险比（{level:.0%} 置信区间，对数刻度）；> 1 表示更早流失",
    },
}


def _terms(covariates: list[str] | str) -> tuple[list[str], set[str]]:
    """Covariate names from a list or a formula ``"a + b + C(c)"`` (``C()`` = categorical)."""
    if isinstance(covariates, str):
        rhs = covariates.split("~")[-1]
        parts = [p.strip() for p in rhs.split("+") if p.strip()]
    else:
        parts = [str(p).strip() for p in covariates]
    if not parts:
        raise DataError("Give at least one covariate, e.g. covariates=['usage', 'plan'].")
    names, forced = [], set()
    for p in parts:
        if p.startswith("C(") and p.endswith(")"):
            p = p[2:-1].strip()
            forced.add(p)
        names.append(p)
    return names, forced


def design(
    data: pd.DataFrame,
    names: list[str],
    forced: set[str],
    reference: dict[str, Any] | None,
) -> tuple[pd.DataFrame, dict[str, list[str]], dict[str, Any]]:
    """The model matrix: numeric covariates as they are, categorical ones (text,
    category, bool, or ``C()``) one-hot against a reference level (the first level in
    sorted order, or the categorical's first category, unless *reference* names it).

    Returns the matrix, covariate → its columns, and covariate → reference level.

    Examples
    --------
    >>> import pandas as pd
    >>> X, terms, ref = design(pd.DataFrame({"c": ["b", "a", "c"], "x": [1, 2, 3]}),
    ...                        ["c", "x"], set(), None)
    >>> list(X.columns), ref
    (['c[b]', 'c[c]', 'x'], {'c': 'a'})
    """
    reference = dict(reference or {})
    cols: dict[str, pd.Series] = {}
    terms: dict[str, list[str]] = {}
    refs: dict[str, Any] = {}
    for name in names:
        col = data[name]
        categorical = (
            name in forced
            or name in reference
            or isinstance(col.dtype, pd.CategoricalDtype)
            or col.dtype == bool
            or not pd.api.types.is_numeric_dtype(col)
        )
        if not categorical:
            cols[name] = col.astype(float)
            terms[name] = [name]
            continue
        if isinstance(col.dtype, pd.CategoricalDtype):
            levels = [lv for lv in col.cat.categories if (col == lv).any()]
        else:
            levels = sorted(col.unique(), key=str)
        if len(levels) < 2:
            raise DataError(
                f"Covariate {name!r} has a single level ({levels[0]!r}): it cannot explain "
                "anything. Leave it out."
            )
        ref = reference.pop(name, levels[0])
        if ref not in levels:
            raise DataError(
                f"Reference level {ref!r} of {name!r} is not among its levels {levels}."
            )
        refs[name] = ref
        terms[name] = []
        for lv in levels:
            if lv == ref:
                continue
            label = f"{name}[{lv}]"
            cols[label] = (col == lv).astype(float)
            terms[name].append(label)
    if reference:
        raise DataError(f"reference= names covariates not in the model: {sorted(reference)}.")
    X = pd.DataFrame(cols, index=data.index)
    constant = [c for c in X.columns if X[c].nunique() < 2]
    if constant:
        raise DataError(f"Covariate column(s) {constant} do not vary: leave them out.")
    return X, terms, refs


@dataclass
class CoxModel:
    """Result of :func:`cox`.

    Attributes
    ----------
    table : DataFrame
        One row per model column: ``term, covariate, est`` (log hazard ratio), ``se, z,
        pvalue, hr`` (exp(est)), ``ci_low, ci_high`` (the interval of the hazard ratio).
    ph_test : DataFrame
        Test of proportional hazards per covariate and ``GLOBAL``: ``chisq, df, pvalue``
        (R ``cox.zph`` score test, see :func:`cox`).
    concordance : float
        Harrell's C of the linear predictor, as R's ``coxph``.
    references : dict
        Reference level of each categorical covariate.
    """

    table: pd.DataFrame
    ph_test: pd.DataFrame
    concordance: float
    n: int
    events: int
    loglik: float
    ties: str
    level: float
    references: dict[str, Any]
    terms: dict[str, list[str]]
    transform: str
    baseline: pd.DataFrame = field(repr=False)
    means: pd.Series = field(repr=False)

    @property
    def params(self) -> pd.Series:
        """The log hazard ratios, by model column."""
        return self.table.set_index("term")["est"]

    def linear_predictor(self, data: Any) -> pd.Series:
        """x'β for the rows of *data* (categorical covariates coded as in the fit).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.churn.cox(cx.churn._cox._example(), covariates=["usage", "plan"])
        >>> round(float(fit.linear_predictor(cx.churn._cox._example()).iloc[0]), 2)
        -1.33
        """
        frame = as_frame(data)
        cols = {}
        for name, columns in self.terms.items():
            if name not in frame.columns:
                raise DataError(f"No covariate column {name!r} in data.")
            if name in self.references:
                known = {str(self.references[name])} | {c[len(name) + 1 : -1] for c in columns}
                text = frame[name].astype(str)
                new = sorted(set(text) - known)
                if new:
                    raise DataError(
                        f"Covariate {name!r} holds level(s) {new[:5]} the model was not fitted "
                        f"with (known: {sorted(known)}); recode them first."
                    )
            for c in columns:
                if c == name:
                    cols[c] = pd.to_numeric(frame[name]).astype(float)
                else:
                    cols[c] = (text == c[len(name) + 1 : -1]).astype(float)
        X = pd.DataFrame(cols, index=frame.index)[list(self.params.index)]
        if X.isna().any().any():
            raise DataError("Covariates hold missing values; fill them first.")
        return X @ self.params

    def survival(self, data: Any, times: Any, *, tenure: str | None = None) -> pd.DataFrame:
        """Predicted S(t | x) = exp(−H₀(t)·exp(x'β)) per row of *data* (columns: *times*),
        with H₀ the baseline cumulative hazard at the fitted β (Breslow's or Efron's, as
        the fit's ties; R's ``survfit(fit, newdata)``); NaN after the last follow-up.

        With ``tenure`` (a column of *data*: the time each member has already stayed, in
        the durations' unit), the survival *t more* periods for a member still active at
        tenure a: S(a + t | x) / S(a | x) — what values an existing member, who has
        already survived the early, riskier periods.

        Examples
        --------
        >>> import cxlab as cx
        >>> data = cx.churn._cox._example()
        >>> fit = cx.churn.cox(data, covariates=["usage", "plan"])
        >>> fit.survival(data.head(2), [6, 12]).round(2).values.tolist()
        [[0.87, 0.75], [0.63, 0.39]]
        >>> two = data.head(2).assign(stayed=[0.0, 6.0])
        >>> fit.survival(two, [6], tenure="stayed").round(2).values.tolist()
        [[0.87], [0.61]]
        """
        times = np.asarray(times, dtype=float)
        frame = as_frame(data)
        base = self.baseline
        follow_up = base.attrs["follow_up"]
        grid_t = np.r_[0.0, base["cumhaz"].to_numpy()]

        def cumhaz(t: np.ndarray) -> np.ndarray:
            H0 = grid_t[np.searchsorted(base["time"].to_numpy(), t, side="right")]
            return np.where(t > follow_up, np.nan, H0)

        risk = np.exp(self.linear_predictor(frame).to_numpy())
        if tenure is None:
            surv = np.exp(-np.outer(risk, cumhaz(times)))
        else:
            if tenure not in frame.columns:
                raise DataError(f"tenure={tenure!r} is not a column of data.")
            a = pd.to_numeric(frame[tenure], errors="coerce").to_numpy(float)
            bad = ~np.isfinite(a) | (a < 0)
            if bad.any():
                raise DataError(
                    f"Column {tenure!r} must hold the time already stayed (≥ 0) for every "
                    f"member; rows {list(frame.index[bad][:5])} do not."
                )
            grid = a[:, None] + times[None, :]
            surv = np.exp(-risk[:, None] * (cumhaz(grid) - cumhaz(a)[:, None]))
        return pd.DataFrame(surv, index=frame.index, columns=list(times))

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table (``table``).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.churn.cox(cx.churn._cox._example(), covariates=["usage", "plan"])
        >>> list(fit.to_frame()["term"])
        ['usage', 'plan[premium]']
        """
        return self.table

    def summary(self, lang: Lang | None = None) -> str:
        """Plain text: coefficients, hazard ratios, concordance and the PH test.

        ``lang`` ("en"/"zh"): the language of the text, by default the notebook's
        (:func:`cxlab.viz.language`); the numbers are the same in both.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.churn.cox(cx.churn._cox._example(), covariates=["usage", "plan"])
        >>> print(fit.summary().splitlines()[0])
        Cox proportional hazards (ties = efron): n = 300, events = 166
        >>> print(fit.summary(lang="zh").splitlines()[0])
        Cox 比例风险模型（结点处理 ties = efron）：n = 300，事件数 = 166
        """
        w = words(lang)
        lines = [w["cox_head"].format(ties=self.ties, n=self.n, ev=self.events)]
        if self.references:
            refs = join(
                (w["cox_ref"].format(name=k, level=v) for k, v in self.references.items()), lang
            )
            lines.append(w["cox_refs"].format(refs=refs))
        ci = w["cox_ci"].format(level=self.level)
        lines.append(f"{'term':<22}{'coef':>9}{'se':>8}{'HR':>8}   {ci}    p")
        for r in self.table.itertuples(index=False):
            lines.append(
                f"{r.term:<22}{r.est:>9.4f}{r.se:>8.4f}{r.hr:>8.3f}   "
                f"[{r.ci_low:.3f}, {r.ci_high:.3f}]  {r.pvalue:.4g}"
            )
        lines.append(w["cox_concordance"].format(c=self.concordance))
        lines.append(w["cox_ph"].format(transform=self.transform))
        last = len(self.ph_test) - 1  # the GLOBAL row
        for i, r in enumerate(self.ph_test.itertuples(index=False)):
            covariate = w["cox_global"] if i == last else r.covariate
            lines.append(
                w["cox_ph_row"].format(covariate=covariate, chi2=r.chisq, df=r.df, p=r.pvalue)
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        return (
            f"<p><b>{head}</b> — concordance {self.concordance:.3f}</p>"
            + self.table.round(4).to_html(index=False)
            + self.ph_test.round(4).to_html(index=False)
        )

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Forest plot: each hazard ratio with its interval, log scale, a line at 1.

        ``lang`` ("en"/"zh"): the language of the figure, by default the notebook's.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.churn.cox(cx.churn._cox._example(), covariates=["usage", "plan"])
        >>> ax = fit.plot(lang="zh")
        >>> ax.get_title()
        'Cox 比例风险模型：流失风险比'
        >>> cx.viz.plt.close(ax.figure)
        """
        import matplotlib
        import matplotlib.pyplot as plt
        import matplotlib.ticker

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.table.iloc[::-1]
        with matplotlib.rc_context({"font.family": family}):
            ax = ax or plt.subplots(figsize=(7, 0.45 * len(t) + 1.5))[1]
            err = np.array([t["hr"] - t["ci_low"], t["ci_high"] - t["hr"]])
            ax.errorbar(t["hr"], list(t["term"]), xerr=err, fmt="s", capsize=3)
            ax.axvline(1.0, color="grey", linestyle="--", linewidth=1)
            ax.set_xscale("log")
            # plain numbers (0.6, 1, 1.5), not 6×10⁻¹, on the log axis
            ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
            ax.xaxis.set_minor_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
            ax.set(xlabel=words["x"].format(level=self.level), ylabel="", title=words["title"])
            ax.grid(axis="x", alpha=0.3)
            refont(ax, family)
        return ax


def _baseline(time: np.ndarray, event: np.ndarray, eta: np.ndarray, ties: str) -> pd.DataFrame:
    """Baseline cumulative hazard H₀(t) at x = 0, at the event times, as R's
    ``survfit.coxph``: Breslow's increment d / Σ_risk exp(η) (``ties="breslow"``) or
    Efron's Σ_k 1 / (Σ_risk exp(η) − k/d · Σ_tied exp(η)), k = 0..d−1 (``"efron"``)."""
    w = np.exp(eta)
    uniq, inv = np.unique(time, return_inverse=True)
    risk = np.bincount(inv, weights=w)[::-1].cumsum()[::-1]
    ev = event == 1
    d = np.bincount(inv[ev], minlength=len(uniq))
    tied = np.bincount(inv[ev], weights=w[ev], minlength=len(uniq))
    at = np.flatnonzero(d)
    rows = np.repeat(at, d[at])
    k = np.concatenate([np.arange(m) for m in d[at]])
    frac = k / d[rows] if ties == "efron" else np.zeros(len(k))
    step = np.bincount(rows, weights=1 / (risk[rows] - frac * tied[rows]), minlength=len(uniq))
    out = pd.DataFrame({"time": uniq[at].astype(float), "cumhaz": np.cumsum(step[at])})
    out.attrs["follow_up"] = float(time.max())
    return out


def cox(
    data: Any,
    *,
    duration: str = "duration",
    event: str = "event",
    covariates: list[str] | str,
    ties: Literal["efron", "breslow"] = "efron",
    reference: dict[str, Any] | None = None,
    level: float = 0.95,
    transform: Literal["km", "identity", "rank", "log"] = "km",
) -> CoxModel:
    """Cox proportional-hazards regression of time to churn (statsmodels ``PHReg``).

    h(t | x) = h₀(t)·exp(x'β): each coefficient is a log hazard ratio; HR = exp(β) > 1
    means members with more of x (or in that level, against the reference) churn sooner.
    Wald z, p and the interval exp(β ± z·se). Categorical covariates (text, category,
    bool, or ``C(name)`` in a formula) are one-hot coded against a reference level: the
    first in sorted order (R's default for text) unless ``reference={"plan": "basic"}``.

    **Proportional-hazards check** (``ph_test``): R ``survival`` ≥ 3.0's
    ``cox.zph(fit, transform="km", terms=TRUE)`` — a score test, at the fitted β, of
    adding the time-varying terms x·g(t), with g = 1 − KM(t−) centred at its mean over
    the events (``transform="km"``; or the time itself, its rank, its log). One row per
    covariate (a categorical one jointly over its columns, df = levels − 1) and a
    ``GLOBAL`` row over all of them. It is not the older test of the correlation of
    scaled Schoenfeld residuals with time (survival < 3.0, lifelines'
    ``proportional_hazard_test``); the two agree closely but not exactly. A small p
    means the covariate's effect changes over time.

    **Concordance**: Harrell's C of x'β as R's ``coxph``: over pairs where the shorter
    time is a churn (a censoring at the same time counts as later), the share where
    the member who churned first had the higher risk; ties in x'β count ½; pairs
    churning at the same time are left out.

    In R: ``coxph(Surv(duration, event) ~ ..., data, ties = "efron")``, ``cox.zph(fit)``.

    Parameters
    ----------
    data : DataFrame
        One row per member.
    duration, event : str
        Time (≥ 0) and churn flag (0/1).
    covariates : list of str, or a formula ``"usage + complaints + C(plan)"``
        The covariates.
    ties : {"efron", "breslow"}
        Handling of tied churn times (R's default: efron).
    reference : dict, optional
        Reference level of categorical covariates.
    level : float
        Confidence level of the hazard-ratio intervals.
    transform : {"km", "identity", "rank", "log"}
        g(t) of the proportional-hazards test.

    Returns
    -------
    CoxModel

    Raises
    ------
    DataError
        Bad durations or events (as :func:`kaplan_meier`), missing covariate values, a
        covariate that does not vary.
    EstimationError
        The fit did not converge (e.g. a covariate separates churners perfectly).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> import cxlab as cx
    >>> rng = np.random.default_rng(3)
    >>> usage, plan = rng.normal(10, 3, 300), rng.choice(["basic", "premium"], 300)
    >>> mean = 20 * np.exp(0.08 * (usage - 10) + 0.6 * (plan == "premium"))
    >>> months = np.ceil(rng.exponential(mean))  # true HRs: 0.92 per unit of usage, 0.55
    >>> data = pd.DataFrame({"duration": np.minimum(months, 36), "usage": usage,
    ...                      "event": (months <= 36).astype(int), "plan": plan})
    >>> fit = cx.churn.cox(data, covariates="usage + C(plan)")
    >>> fit.table[["term", "hr"]].round(2).values.tolist()
    [['usage', 0.96], ['plan[premium]', 0.6]]
    >>> round(fit.concordance, 2)
    0.59
    """
    from statsmodels.duration.hazard_regression import PHReg

    frame = as_frame(data)
    if ties not in ("efron", "breslow"):
        raise DataError(f"ties is 'efron' or 'breslow', not {ties!r}.")
    if not 0 < level < 1:
        raise DataError(f"level is a confidence level between 0 and 1, such as 0.95, not {level}.")
    names, forced = _terms(covariates)
    d = survival_columns(frame, duration, event, names)
    X, terms, refs = design(d, names, forced, reference)
    time, ev = d["time"].to_numpy(), d["event"].to_numpy()
    means = X.mean()
    Xc = X - means
    model = PHReg(time, Xc.to_numpy(), status=ev, ties=ties)
    start = np.zeros(X.shape[1])
    from statsmodels.tools.sm_exceptions import ConvergenceWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        try:
            res = model.fit(start_params=start, method="newton", maxiter=100, tol=1e-12)
        except np.linalg.LinAlgError as err:
            raise EstimationError(
                f"The Cox fit failed ({err}); check for collinear covariates."
            ) from err
    beta = np.asarray(res.params, dtype=float)
    cov = np.asarray(res.cov_params(), dtype=float)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    for w in caught:
        if not issubclass(w.category, ConvergenceWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if not converged or not np.all(np.isfinite(beta)) or not np.all(np.isfinite(cov)):
        raise EstimationError(
            "The Cox model did not converge (a coefficient runs off to infinity): a covariate "
            "may separate churners from stayers perfectly. Drop or merge it."
        )
    se = np.sqrt(np.diag(cov))
    z = stats.norm.ppf(1 - (1 - level) / 2)
    owner = {c: name for name, cols in terms.items() for c in cols}
    table = pd.DataFrame(
        {
            "term": list(X.columns),
            "covariate": [owner[c] for c in X.columns],
            "est": beta,
            "se": se,
            "z": beta / se,
            "pvalue": 2 * stats.norm.sf(np.abs(beta / se)),
            "hr": np.exp(beta),
            "ci_low": np.exp(beta - z * se),
            "ci_high": np.exp(beta + z * se),
        }
    )
    eta = Xc.to_numpy() @ beta
    tests = ph_test(time, ev, Xc.to_numpy(), beta, ties, list(terms.values()), X.columns, transform)
    tests.insert(0, "covariate", [*terms.keys(), "GLOBAL"])
    return CoxModel(
        table=table,
        ph_test=tests,
        concordance=concordance(time, ev, eta),
        n=len(d),
        events=int(ev.sum()),
        loglik=float(model.loglike(beta)),
        ties=ties,
        level=level,
        references=refs,
        terms=terms,
        transform=transform,
        baseline=_baseline(time, ev, X.to_numpy() @ beta, ties),
        means=means,
    )


def _example(n: int = 300, seed: int = 3) -> pd.DataFrame:
    """A small simulated member table for the examples: duration (months), event, usage, plan."""
    rng = np.random.default_rng(seed)
    usage = np.round(rng.normal(10, 3, n), 1)
    plan = rng.choice(["basic", "premium"], n)
    rate = 0.05 * np.exp(-0.08 * (usage - 10) - 0.6 * (plan == "premium"))
    churn = np.ceil(rng.exponential(1 / rate))
    censor = rng.integers(6, 37, n)
    return pd.DataFrame(
        {
            "duration": np.minimum(churn, censor).astype(int),
            "event": (churn <= censor).astype(int),
            "usage": usage,
            "plan": plan,
        }
    )
