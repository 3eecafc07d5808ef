"""Index scores, importance-performance maps and PLSpredict for :mod:`cxlab.pls` (private).

* CSI index (ACSI / ECSI way; Fornell et al. 1996): every item rescaled to 0–100 with its
  scale's minimum and maximum, uᵢ = (xᵢ − min)/(max − min)·100; the construct's index is
  Σ w̃ᵢ·uᵢ with the unstandardized weights w̃ᵢ ∝ wᵢ / sd(uᵢ) rescaled to sum to 1. On one
  1–10 scale this is Fornell's (Σwᵢx̄ᵢ − Σwᵢ) / (9Σwᵢ)·100 with the unstandardized weights
  on the items' own scale. A negative weight is refused: the index would no longer be a
  weighted mean of its items and could leave 0–100.
* IPMA (Ringle & Sarstedt 2016): importance of a construct = its unstandardized total
  effect on the target (the standardized total effect × sd(index of target) / sd(index of
  construct)), performance = its mean index; for an item, importance = its rescaled
  weight × its construct's importance, performance = its mean on 0–100.
* PLSpredict (Shmueli et al. 2016, 2019): k-fold cross-validation; the held-out rows'
  scores come from the training weights, the endogenous constructs are predicted from
  their direct antecedents (seminr's ``predict_DA``) and each item from its loading;
  the benchmark (LM) regresses each endogenous item on the antecedents' items. Folds are
  contiguous blocks of ``default_rng(seed).permutation(n)`` cut as R's ``cut(1:n, k)``,
  as ``seminr.predict_pls(no_folds=k, seed=seed)`` does. Q²_predict = 1 − SSE / Σ(y − ȳ)²
  with ȳ the training-fold mean.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab.errors import DataError, ModelSpecError
from cxlab.pls import _engine as en

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from cxlab.pls._model import PLSFit
    from cxlab.viz import Lang

#: the words of the PLS plots (:meth:`PLSFit.plot`, :meth:`IPMA.plot`,
#: :meth:`PLSPredict.plot`), by language
_WORDS = {
    "en": {
        "path_x": "standardized path coefficient",
        "path_title": "PLS path model",
        "ipma_x": "importance (total effect on {target}, unstandardized)",
        "ipma_y": "performance (0–100)",
        "ipma_title": "IPMA: {target}",
        "lm": "LM benchmark",
        "rmse": "RMSE (out of sample)",
        "predict_title": "PLSpredict: {k} folds, seed {seed}",
    },
    "zh": {
        "path_x": "标准化路径系数",
        "path_title": "PLS 路径模型",
        "ipma_x": "重要性（对{target}的非标准化总效应）",
        "ipma_y": "绩效（0–100）",
        "ipma_title": "重要性-绩效矩阵：{target}",
        "lm": "线性模型基准 (LM)",
        "rmse": "RMSE（样本外）",
        "predict_title": "PLSpredict：{k} 折，随机种子 {seed}",
    },
}

QUADRANTS = {
    (True, False): "concentrate here",
    (True, True): "keep up the good work",
    (False, False): "low priority",
    (False, True): "possible overkill",
}


def scale_bounds(
    x: pd.DataFrame, scale: Any, *, warn: bool = True
) -> tuple[np.ndarray, np.ndarray, str]:
    """Minimum and maximum of each item's scale, and where they came from (with a warning
    when they are only the observed range)."""
    items = list(x.columns)
    if scale is None:
        source = "the observed minimum and maximum of each item (give scale= or a codebook)"
        lo, hi = x.min().to_numpy(), x.max().to_numpy()
        if warn:
            warnings.warn(
                "No item scale given: the 0-100 rescaling uses each item's observed minimum and "
                "maximum, which changes the scores whenever an answer category is unused. Pass "
                "scale=(min, max) or fit on a Survey / with a codebook.",
                UserWarning,
                stacklevel=3,
            )
    elif isinstance(scale, pd.DataFrame):
        need = {"name", "scale_min", "scale_max"}
        if not need <= set(scale.columns):
            raise DataError(f"A codebook given as scale needs the columns {sorted(need)}.")
        book = scale.set_index("name")
        absent = [
            i
            for i in items
            if i not in book.index or pd.isna(book.loc[i, ["scale_min", "scale_max"]]).any()
        ]
        if absent:
            raise DataError(f"The codebook has no scale_min/scale_max for {', '.join(absent)}.")
        lo = book.loc[items, "scale_min"].astype(float).to_numpy()
        hi = book.loc[items, "scale_max"].astype(float).to_numpy()
        source = "the codebook's scale_min and scale_max"
    elif isinstance(scale, Mapping):
        absent = [i for i in items if i not in scale]
        if absent:
            raise DataError(f"scale gives no (min, max) for {', '.join(absent)}.")
        lo = np.array([float(scale[i][0]) for i in items])
        hi = np.array([float(scale[i][1]) for i in items])
        source = "the scales given"
    elif isinstance(scale, Sequence) and len(scale) == 2:
        lo = np.full(len(items), float(scale[0]))
        hi = np.full(len(items), float(scale[1]))
        source = f"one scale {scale[0]:g}–{scale[1]:g} for every item"
    else:
        raise DataError(
            "scale must be (min, max), {item: (min, max)}, a codebook DataFrame, or None."
        )
    for i, item in enumerate(items):
        if not hi[i] > lo[i]:
            raise DataError(f"Scale of {item!r}: maximum {hi[i]:g} is not above {lo[i]:g}.")
        outside = (x[item] < lo[i]) | (x[item] > hi[i])
        if outside.any():
            raise DataError(
                f"Item {item!r} has answers outside its scale {lo[i]:g}–{hi[i]:g} (e.g. "
                f"{x[item][outside].iloc[0]:g}); check the scale or the data."
            )
    return lo, hi, source


def _check_positive(fit: PLSFit, constructs: Sequence[str]) -> None:
    w = pd.DataFrame(fit.weights_).set_index("rhs")
    for c in constructs:
        neg = w[(w["lhs"] == c) & (w["est"] <= 0)]
        if len(neg):
            item, value = neg.index[0], neg["est"].iloc[0]
            raise ModelSpecError(
                f"Construct {c!r} has a negative outer weight for {item!r} ({value:.3f}), so "
                "its 0–100 index would not be a weighted mean of its items and could leave "
                "the 0–100 range: cxlab refuses to compute it. Reverse-code the item if it is "
                "worded negatively, or drop it, and refit; or leave the construct out "
                "(constructs=[...])."
            )


def respondent_index(fit: PLSFit, lo: np.ndarray, hi: np.ndarray) -> pd.DataFrame:
    """0–100 index of every respondent and construct (weights must be positive)."""
    x = fit.data_.to_numpy()
    u = (x - lo) / (hi - lo) * 100
    w = fit.weight_matrix_
    unstd = w / u.std(axis=0, ddof=1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):  # constructs not asked for
        share = unstd / unstd.sum(axis=0)
    return pd.DataFrame(u @ share, index=fit.data_.index, columns=list(fit.layout_.constructs))


def csi_index(
    fit: PLSFit, scale: Any, constructs: Sequence[str] | None, respondents: bool
) -> pd.DataFrame:
    """See :meth:`cxlab.pls.PLSFit.csi_index`."""
    names = list(fit.layout_.constructs)
    chosen = names if constructs is None else list(constructs)
    unknown = [c for c in chosen if c not in names]
    if unknown:
        raise ModelSpecError(f"Unknown construct(s) {', '.join(unknown)}; known: {names}.")
    _check_positive(fit, chosen)
    lo, hi, source = scale_bounds(fit.data_, fit.scale if scale is None else scale)
    scores = respondent_index(fit, lo, hi)[chosen]
    if respondents:
        return scores
    out = pd.DataFrame(
        {
            "construct": chosen,
            "index": scores.mean().to_numpy(),
            "sd": scores.std(ddof=1).to_numpy(),
            "n_items": [len(fit.spec_.blocks[c]) for c in chosen],
        }
    )
    out.attrs["scale"] = source
    return out


def reliability(fit: PLSFit) -> pd.DataFrame:
    """See :meth:`cxlab.pls.PLSFit.reliability`."""
    from cxlab.psychometrics.efa import alpha_coefficient  # scipy.stats: import when used

    lay, spec = fit.layout_, fit.spec_
    z = ((fit.data_ - fit.data_.mean()) / fit.data_.std(ddof=1)).to_numpy()
    rows = []
    for j, c in enumerate(lay.constructs):
        sl = lay.slices[j]
        k = sl.stop - sl.start
        if k < 2 or spec.modes[c] == "B":
            why = "single item" if k < 2 else "mode B (formative): not a reflective scale"
            rows.append((c, spec.modes[c], k, np.nan, np.nan, np.nan, np.nan, why))
            continue
        lam = fit.solution_.loadings[0][sl, j]
        w = fit.weight_matrix_[sl, j]
        s = fit.item_cor_[sl, sl]
        off = np.ones((k, k)) - np.eye(k)
        ww = np.outer(w, w)
        rho_a = (w @ w) ** 2 * (w @ (s * off) @ w) / (w @ (ww * off) @ w)
        rho_c = lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam**2).sum())
        rows.append((c, "A", k, alpha_coefficient(z[:, sl]), rho_a, rho_c, (lam**2).mean(), ""))
    columns = ["construct", "mode", "n_items", "alpha", "rho_a", "rho_c", "ave", "note"]
    return pd.DataFrame(rows, columns=columns)


def effects(fit: PLSFit) -> pd.DataFrame:
    """See :meth:`cxlab.pls.PLSFit.effects`."""
    names = fit.layout_.constructs
    b, t = fit.solution_.paths[0], fit.solution_.total[0]
    adj = fit.layout_.adjacency
    longer = adj @ en.total_effects(adj[None])[0]
    rows = []
    for i, a in enumerate(names):
        for j, c in enumerate(names):
            if adj[i, j]:
                rows.append((a, c, "direct", b[i, j]))
            if longer[i, j]:
                rows.append((a, c, "indirect", t[i, j] - b[i, j]))
            if adj[i, j] or longer[i, j]:
                rows.append((a, c, "total", t[i, j]))
    return pd.DataFrame(rows, columns=["from", "to", "effect", "est"])


def plot_paths(fit: PLSFit, ax: Axes | None, lang: Lang | None = None) -> Axes:
    """See :meth:`cxlab.pls.PLSFit.plot`."""
    import matplotlib
    import matplotlib.pyplot as plt

    from cxlab.viz import figure_words, refont

    lang, words, family = figure_words(lang, _WORDS)
    table = pd.DataFrame(fit.paths_)
    with matplotlib.rc_context({"font.family": family}):
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 0.35 * len(table) + 1.2))
        labels = [f"{r} → {lh}" for r, lh in zip(table["rhs"], table["lhs"], strict=True)]
        ax.barh(labels[::-1], table["est"].to_numpy()[::-1], color="#4477aa")
        ax.axvline(0, color="grey", lw=0.8)
        ax.set(xlabel=words["path_x"], title=words["path_title"])
        # also the texts of an axes made before, outside this font
        refont(ax, family)
    return ax


@dataclass
class IPMA:
    """Importance-performance map analysis of one target construct.

    Attributes
    ----------
    target : str
        The target construct (e.g. Loyalty).
    constructs : pandas.DataFrame
        construct, importance (unstandardized total effect on the target: index points of
        the target per index point of the construct), performance (mean 0–100 index),
        total_std (standardized total effect), quadrant.
    indicators : pandas.DataFrame
        construct, item, weight (rescaled unstandardized weight, summing to 1 per
        construct), importance, performance (mean of the item on 0–100), quadrant.
    scale : str
        Where the items' scale minima and maxima came from.

    ``to_frame()`` is :attr:`constructs`; ``plot()`` returns the whole Figure (the map).
    """

    target: str
    constructs: pd.DataFrame
    indicators: pd.DataFrame
    scale: str

    def plot(
        self, level: str = "constructs", *, ax: Any = None, lang: Lang | None = None
    ) -> Figure:
        """The map: importance on x, performance on y, quadrant lines at the means.

        Parameters
        ----------
        level : {"constructs", "indicators"}
            Which points to draw.
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title and axis labels; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.figure.Figure

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fig = fit.ipma("Loyalty", scale=(1, 10)).plot()
        >>> len(fig.axes)
        1
        >>> fit.ipma("Loyalty", scale=(1, 10)).plot(lang="zh").axes[0].get_title()
        '重要性-绩效矩阵：Loyalty'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        if level not in ("constructs", "indicators"):
            raise DataError(f"level must be 'constructs' or 'indicators', not {level!r}.")
        lang, words, family = figure_words(lang, _WORDS)
        table = self.constructs if level == "constructs" else self.indicators
        names = table["construct"] if level == "constructs" else table["item"]
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 4.5))
            for construct, part in table.groupby("construct", sort=False):
                label = construct if level == "indicators" else None
                ax.scatter(part["importance"], part["performance"], s=40, zorder=3, label=label)
            small = "small" if level == "indicators" else None
            points = zip(names, table["importance"], table["performance"], strict=True)
            for name, imp, perf in points:
                ax.annotate(
                    str(name), (imp, perf), xytext=(4, 4), textcoords="offset points",
                    fontsize=small,
                )  # fmt: skip
            if level == "indicators":
                ax.legend(fontsize="small", loc="lower right")
            ax.margins(x=0.15, y=0.08)
            ax.axvline(table["importance"].mean(), color="grey", lw=0.8, ls="--")
            ax.axhline(table["performance"].mean(), color="grey", lw=0.8, ls="--")
            ax.set(
                xlabel=words["ipma_x"].format(target=self.target),
                ylabel=words["ipma_y"],
                title=words["ipma_title"].format(target=self.target),
            )
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax.figure

    def to_frame(self) -> pd.DataFrame:
        """The construct table (importance, performance, total_std, quadrant).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> list(fit.ipma("Loyalty", scale=(1, 10)).to_frame().columns)
        ['construct', 'importance', 'performance', 'total_std', 'quadrant']
        """
        return self.constructs

    def summary(self) -> str:
        """The constructs' importance and performance as plain text, and where the scales
        came from.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> print(fit.ipma("Loyalty", scale=(1, 10)).summary().splitlines()[0])
        IPMA of Loyalty (items rescaled to 0-100 with one scale 1–10 for every item)
        """
        return "\n".join(
            [
                f"IPMA of {self.target} (items rescaled to 0-100 with {self.scale})",
                self.constructs.round(3).to_string(index=False),
            ]
        )

    def _repr_html_(self) -> str:
        title = html.escape(f"IPMA of {self.target}")
        return f"<p><b>{title}</b></p>" + self.constructs.round(3).to_html(index=False)

    def __repr__(self) -> str:
        return f"IPMA(target={self.target!r})\n" + self.constructs.round(3).to_string(index=False)


def _quadrants(table: pd.DataFrame) -> list[str]:
    hi_imp = table["importance"] >= table["importance"].mean()
    hi_perf = table["performance"] >= table["performance"].mean()
    return [QUADRANTS[(a, b)] for a, b in zip(hi_imp, hi_perf, strict=True)]


def ipma(fit: PLSFit, target: str, scale: Any) -> IPMA:
    """See :meth:`cxlab.pls.PLSFit.ipma`."""
    names = list(fit.layout_.constructs)
    if target not in names:
        raise ModelSpecError(f"Unknown target construct {target!r}; constructs: {names}.")
    j = names.index(target)
    total = fit.solution_.total[0]
    drivers = [c for i, c in enumerate(names) if total[i, j] != 0]
    if not drivers:
        raise ModelSpecError(f"No construct has an effect on {target!r}: pick an endogenous one.")
    _check_positive(fit, [*drivers, target])
    lo, hi, source = scale_bounds(fit.data_, fit.scale if scale is None else scale)
    idx = respondent_index(fit, lo, hi)
    sd = idx.std(ddof=1)
    rows = []
    for c in drivers:
        std = total[names.index(c), j]
        rows.append((c, std * sd[target] / sd[c], idx[c].mean(), std))
    cons = pd.DataFrame(rows, columns=["construct", "importance", "performance", "total_std"])
    cons["quadrant"] = _quadrants(cons)
    u = (fit.data_ - lo) / (hi - lo) * 100
    unstd = fit.weight_matrix_ / u.std(ddof=1).to_numpy()[:, None]
    share = (unstd / unstd.sum(axis=0)).max(axis=1)
    weights = pd.DataFrame(fit.weights_).rename(columns={"lhs": "construct", "rhs": "item"})
    items = weights[weights["construct"].isin(drivers)]
    imp = cons.set_index("construct")["importance"]
    pos = {item: k for k, item in enumerate(fit.layout_.items)}
    ind = pd.DataFrame(
        {
            "construct": items["construct"].to_numpy(),
            "item": items["item"].to_numpy(),
            "weight": [share[pos[i]] for i in items["item"]],
        }
    )
    ind["importance"] = ind["weight"] * imp.loc[ind["construct"]].to_numpy()
    ind["performance"] = u[ind["item"]].mean().to_numpy()
    ind["quadrant"] = _quadrants(ind)
    return IPMA(target, cons, ind, source)


@dataclass
class PLSPredict:
    """PLSpredict: out-of-sample prediction of the endogenous constructs' items.

    Attributes
    ----------
    table : pandas.DataFrame
        construct, item, q2_predict, rmse, mae (PLS), lm_rmse, lm_mae (linear-model
        benchmark), pls_better (PLS RMSE below the LM's).
    k, seed : int
        Folds and seed.
    """

    table: pd.DataFrame
    k: int
    seed: int

    def verdict(self) -> str:
        """Predictive power by the rule of Shmueli et al. (2019), from Q²_predict and RMSE
        (one sentence; :meth:`summary` adds the table).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.predict(k=10, seed=1).verdict()[:10]
        'Q²_predict'
        """
        t = self.table
        if (t["q2_predict"] <= 0).any():
            bad = ", ".join(t.loc[t["q2_predict"] <= 0, "item"])
            return f"Q²_predict ≤ 0 for {bad}: the model predicts no better than the mean there."
        better = int(t["pls_better"].sum())
        level = (
            "high"
            if better == len(t)
            else "medium"
            if better > len(t) / 2
            else "low"
            if better
            else "no"
        )
        return (
            f"Q²_predict > 0 for every item; PLS beats the linear benchmark (RMSE) on {better} "
            f"of {len(t)} items: {level} predictive power (Shmueli et al. 2019)."
        )

    def summary(self) -> str:
        """The per-item table and the verdict, as plain text.

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> print(fit.predict(k=10, seed=1).summary().splitlines()[0])
        PLSpredict: 10 folds, seed 1
        """
        return "\n".join(
            [self._title(), self.table.round(3).to_string(index=False), "", self.verdict()]
        )

    def to_frame(self) -> pd.DataFrame:
        """The per-item table (:attr:`table`).

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> fit.predict(k=10, seed=1).to_frame().shape
        (18, 8)
        """
        return self.table

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """Prediction errors (RMSE) of PLS and of the linear benchmark, item by item.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title, axis label and legend; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
        >>> pred = fit.predict(k=10, seed=1)
        >>> len(pred.plot().patches)  # two bars for each of the 18 items
        36
        >>> pred.plot(lang="zh").get_title()
        'PLSpredict：10 折，随机种子 1'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        t = self.table
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 0.45 * len(t) + 1.2))
            pos = np.arange(len(t))
            ax.barh(pos - 0.2, t["rmse"], height=0.4, label="PLS", color="#4477aa")
            ax.barh(pos + 0.2, t["lm_rmse"], height=0.4, label=words["lm"], color="#bbbbbb")
            ax.set_yticks(pos, t["item"])
            ax.invert_yaxis()
            ax.legend(fontsize="small")
            title = words["predict_title"].format(k=self.k, seed=self.seed)
            ax.set(xlabel=words["rmse"], title=title)
            # also the texts of an axes made before, outside this font
            refont(ax, family)
        return ax

    def _title(self) -> str:
        return _WORDS["en"]["predict_title"].format(k=self.k, seed=self.seed)

    def _repr_html_(self) -> str:
        return (
            f"<p><b>{html.escape(self._title())}</b></p>"
            + self.table.round(3).to_html(index=False)
            + f"<p>{html.escape(self.verdict())}</p>"
        )

    def __repr__(self) -> str:
        return f"PLSPredict(k={self.k}, seed={self.seed})\n" + self.table.round(3).to_string(
            index=False
        )


def folds(n: int, k: int, seed: int) -> np.ndarray:
    """Fold (0 … k−1) of every row: R's cut(1:n, k) over a seeded permutation."""
    order = np.random.default_rng(seed).permutation(n)
    interior = 1 + np.arange(1, k) * (n - 1) / k
    fold_of_position = np.searchsorted(interior, np.arange(1, n + 1), side="left")
    out = np.empty(n, dtype=int)
    out[order] = fold_of_position
    return out


def predict(fit: PLSFit, k: int, seed: int) -> PLSPredict:
    """See :meth:`cxlab.pls.PLSFit.predict`."""
    if seed is None:
        raise DataError("PLSpredict assigns rows to folds at random: pass seed= (an integer).")
    x = fit.data_.to_numpy()
    n = len(x)
    if not isinstance(k, int | np.integer) or not 2 <= k <= n // 2:
        raise DataError(f"k must be an integer between 2 and {n // 2}, not {k!r}.")
    lay = fit.layout_
    fold = folds(n, int(k), seed)
    s = np.concatenate([en.correlations(x[fold != f]) for f in range(k)])
    w, _, conv = en.estimate(s, lay, fit.scheme, fit.tol, fit.max_iter)
    if not conv.all():
        raise DataError("The PLS iteration did not converge in a training fold.")
    sol = en.solve(s, w, lay)
    endo = list(lay.endogenous)
    owner = lay.mask.argmax(axis=1)
    targets = np.flatnonzero(np.isin(owner, endo))
    pls = np.empty((n, len(targets)))
    lm = np.empty_like(pls)
    base = np.empty_like(pls)
    for f in range(k):
        train, test = fold != f, fold == f
        mean, sd = x[train].mean(axis=0), x[train].std(axis=0, ddof=1)
        scores = ((x[test] - mean) / sd) @ w[f]
        pred = scores @ sol.paths[f]
        pred_items = pred[:, owner[targets]] * sol.loadings[f][targets, owner[targets]]
        pls[test] = pred_items * sd[targets] + mean[targets]
        base[test] = mean[targets]
        for j in endo:
            ys = np.flatnonzero(owner[targets] == j)
            xs = np.flatnonzero(np.isin(owner, lay.preds[j]))
            design = np.column_stack([np.ones(train.sum()), x[train][:, xs]])
            beta = np.linalg.lstsq(design, x[train][:, targets[ys]], rcond=None)[0]
            lm[np.ix_(np.flatnonzero(test), ys)] = (
                np.column_stack([np.ones(test.sum()), x[test][:, xs]]) @ beta
            )
    y = x[:, targets]
    err, lm_err = y - pls, y - lm
    table = pd.DataFrame(
        {
            "construct": [lay.constructs[owner[t]] for t in targets],
            "item": [lay.items[t] for t in targets],
            "q2_predict": 1 - (err**2).sum(axis=0) / ((y - base) ** 2).sum(axis=0),
            "rmse": np.sqrt((err**2).mean(axis=0)),
            "mae": np.abs(err).mean(axis=0),
            "lm_rmse": np.sqrt((lm_err**2).mean(axis=0)),
            "lm_mae": np.abs(lm_err).mean(axis=0),
        }
    )
    table["pls_better"] = table["rmse"] < table["lm_rmse"]
    return PLSPredict(table, int(k), int(seed))
