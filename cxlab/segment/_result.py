"""The result of :func:`cxlab.segment.profiles` and :func:`cxlab.segment.rfm_profiles`
(private; reach it as ``cx.segment.Profiles``)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

import numpy as np
import pandas as pd

from cxlab.errors import DataError

__all__ = ["DESCRIBE_NOT_EXPLAIN", "Profiles"]

#: the sentence every summary ends with
DESCRIBE_NOT_EXPLAIN = (
    "Clusters describe, they do not explain: a segment summarises the answers it was formed "
    "from, so its differences on those items hold by construction and are no evidence of a "
    "cause; test what a segment predicts on other data (e.g. later purchases)."
)

_NAMES = {"gmm": "Gaussian mixture", "lpa": "latent profile analysis", "kmeans": "k-means"}

_WORDS = {
    "en": {
        "title": "Segment profiles: {method}, k = {k}",
        "z": "mean (standardised, z)",
        "raw": "mean (item scale)",
        "segment": "segment {s} (n = {n}, {share:.0%})",
        "caveat": "{verdict}: read with care",
        "method": _NAMES,
    },
    "zh": {
        "title": "客户细分画像：{method}，k = {k}",
        "z": "均值（标准化，z 分数）",
        "raw": "均值（原量表）",
        "segment": "细分 {s}（n = {n}，{share:.0%}）",
        "caveat": "{verdict}：请谨慎解读",
        "method": {"gmm": "高斯混合模型", "lpa": "潜在剖面分析", "kmeans": "k 均值聚类"},
    },
}
_VERDICT_ZH = {
    "no structure": "数据不支持细分",
    "unstable": "细分不稳定",
    "tiny segment": "存在过小的细分",
    "not checked": "稳定性未检验",
}


@dataclass
class Profiles:
    """Segments found by :func:`~cxlab.segment.profiles` (or
    :func:`~cxlab.segment.rfm_profiles`), with the evidence for and against them.

    Attributes
    ----------
    k : int
        The number of segments described (chosen by the rule in ``rule``).
    verdict : str
        ``"stable"``; or the first problem found: ``"no structure"`` (the one-group
        model has the lower BIC; k-means: the best silhouette is below 0.25 or no higher
        than in one normal cloud, ``null_p`` > 0.05), ``"unstable"``
        (mean bootstrap ARI below ``min_ari``), ``"tiny segment"`` (a segment under 5 %
        or 30 cases); ``"not checked"`` with ``B=0``. ``supported`` is True only for
        ``"stable"``.
    criteria : DataFrame
        One row per k fitted: ``n_parameters``, ``smallest_share``; mixtures: ``loglik``,
        ``aic``, ``bic``, ``entropy`` (relative), ``converged``; k-means: ``inertia``,
        ``silhouette``; ``chosen``.
    labels : Series
        Segment 1…k of every row of the data (1 = the largest), ``<NA>`` for rows left out.
    posteriors : DataFrame or None
        Mixtures: each row's posterior probability of each segment (columns 1…k).
    profile : DataFrame
        One row per segment × item: ``n``, ``mean``, ``sd``, ``ci_low``, ``ci_high`` on the
        item's scale, ``z_mean``, ``z_ci_low``, ``z_ci_high`` standardised (t intervals).
    sizes : DataFrame
        One row per segment: ``n``, ``share`` with its Wilson interval (``ci_low``,
        ``ci_high``), ``mean_posterior`` (mixtures), ``jaccard`` (mean bootstrap Jaccard).
    ari : ndarray
        The adjusted Rand index of each bootstrap draw with ``labels``.
    null_p : float or None
        k-means: share of samples from one normal cloud (same means and correlations)
        whose silhouette at k is at least as high as the data's (SigClust's null).
    model_ : estimator
        The fitted scikit-learn model of the chosen k; ``order_[c]`` is the segment of its
        component / cluster ``c`` (segment = ``order_[model_.predict(z)]``).
    """

    method: str
    items: list[str]
    k: int
    rule: str
    criteria: pd.DataFrame
    labels: pd.Series
    posteriors: pd.DataFrame | None
    profile: pd.DataFrame
    sizes: pd.DataFrame
    ari: np.ndarray
    verdict: str
    problems: list[str]
    n: int
    seed: int
    level: float = 0.95
    min_ari: float = 0.75
    notes: list[str] = field(default_factory=list)
    item_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    model_: Any = None
    order_: np.ndarray | None = None
    null_p: float | None = None

    @property
    def supported(self) -> bool:
        """True when the segments are stable, supported by the data and none is tiny."""
        return self.verdict == "stable"

    @property
    def stability(self) -> dict[str, float]:
        """Mean, median and percentile interval (at ``level``) of the bootstrap ARI, and
        the share of draws at or above ``min_ari`` (all NaN with ``B=0``)."""
        if not len(self.ari):
            nan = float("nan")
            return {"B": 0, "mean": nan, "median": nan, "ci_low": nan, "ci_high": nan,
                    "share_stable": nan}  # fmt: skip
        a = 1 - self.level
        lo, hi = np.quantile(self.ari, [a / 2, 1 - a / 2])
        return {
            "B": len(self.ari),
            "mean": float(self.ari.mean()),
            "median": float(np.median(self.ari)),
            "ci_low": float(lo),
            "ci_high": float(hi),
            "share_stable": float((self.ari >= self.min_ari).mean()),
        }

    def to_frame(self) -> pd.DataFrame:
        """The profile table (one row per segment × item) with segment and item as columns.

        Examples
        --------
        >>> from cxlab.segment._profiles import _example
        >>> res = _example()
        >>> res.to_frame().columns.tolist()[:4]
        ['segment', 'item', 'n', 'mean']
        """
        return self.profile.reset_index()

    def wide(self, value: str = "mean") -> pd.DataFrame:
        """One column of *value* (``"mean"``, ``"z_mean"``, …) per segment, items as rows:
        the table a manager reads.

        Examples
        --------
        >>> from cxlab.segment._profiles import _example
        >>> _example().wide("z_mean").round(1).loc["q1"].tolist()
        [-1.0, 1.0, 0.5]
        """
        if value not in self.profile.columns:
            raise DataError(f"value must be one of {list(self.profile.columns)}, not {value!r}.")
        return self.profile[value].unstack("segment").reindex(self.items)

    def crosstab(self, other: pd.Series | Any) -> pd.DataFrame:
        """Counts of these segments against another grouping of the same rows (e.g. the
        RFM segments of :func:`cxlab.loyalty.rfm`), with their adjusted Rand index in
        ``attrs["ari"]`` (rows left out of either grouping are not counted).

        Examples
        --------
        >>> from cxlab.segment._profiles import _example
        >>> res = _example()
        >>> table = res.crosstab(res.labels)
        >>> table.attrs["ari"], int(table.to_numpy().trace())
        (1.0, 300)
        """
        from sklearn.metrics import adjusted_rand_score

        other = pd.Series(other, index=self.labels.index) if not hasattr(other, "index") else other
        both = pd.DataFrame({"segment": self.labels, "other": other}).dropna()
        table = pd.crosstab(both["segment"], both["other"])
        table.attrs["ari"] = float(adjusted_rand_score(both["segment"], both["other"]))
        return table

    def summary(self) -> str:
        """A plain-text report: the rule and the criteria, sizes, profile means,
        stability, the verdict, and what clusters can and cannot say.

        Examples
        --------
        >>> from cxlab.segment._profiles import _example
        >>> print(_example().summary().splitlines()[0])
        Segment profiles: Gaussian mixture (full covariance) on 3 standardised items, n = 300
        """
        cov = {"gmm": " (full covariance)", "lpa": " (diagonal covariance)"}.get(self.method, "")
        st = self.stability
        lines = [
            f"Segment profiles: {_NAMES[self.method]}{cov} on {len(self.items)} standardised "
            f"items, n = {self.n:,}",
            f"k = {self.k}: {self.rule}",
            "",
            "Criteria:",
            self.criteria.round(3).to_string(),
            "",
            "Segment sizes:",
            self.sizes.round(3).to_string(),
            "",
            "Means by segment (item scale):",
            self.wide("mean").round(2).to_string(),
            "",
        ]
        if self.null_p is not None:
            lines.append(
                f"Against one normal cloud with the same correlations: p = {self.null_p:.3f}."
            )
        if st["B"]:
            lines.append(
                f"Stability: mean bootstrap adjusted Rand index {st['mean']:.2f} "
                f"({self.level:.0%} of draws within {st['ci_low']:.2f}–{st['ci_high']:.2f}), "
                f"B = {st['B']}; cut-off {self.min_ari:.2f}."
            )
        else:
            lines.append("Stability: not checked (B = 0).")
        lines.append(f"Verdict: {self.verdict}.")
        lines += [f"- {p}" for p in self.problems]
        lines += [f"Note: {n}" for n in self.notes]
        lines.append(DESCRIBE_NOT_EXPLAIN)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = escape(self.summary().splitlines()[0])
        problems = "".join(f"<li>{escape(p)}</li>" for p in self.problems)
        return (
            f"<p><b>{head}</b><br>k = {self.k}: {escape(self.rule)}<br>"
            f"Verdict: <b>{escape(self.verdict)}</b></p>"
            + (f"<ul>{problems}</ul>" if problems else "")
            + self.criteria.round(3).to_html()
            + self.sizes.round(3).to_html()
            + self.wide("mean").round(2).to_html()
            + f"<p><i>{escape(DESCRIBE_NOT_EXPLAIN)}</i></p>"
        )

    def plot(
        self,
        *,
        ax: Any = None,
        scale: Literal["z", "raw"] = "z",
        lang: Literal["en", "zh"] | None = None,
    ) -> Any:
        """The profile plot: each segment's mean on every item with its t interval,
        standardised (``scale="z"``, default: items on one axis) or on the items' scale.

        Item names come from ``labels=`` / the codebook in the figure's language;
        ``lang`` ("en" / "zh") defaults to the notebook's (``cx.viz.set_theme(lang=)``).
        Segments that are not supported carry the verdict in the title. Returns the Axes.

        Examples
        --------
        >>> from cxlab.segment._profiles import _example
        >>> ax = _example().plot(lang="zh")
        >>> ax.get_ylabel()
        '均值（标准化，z 分数）'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import PALETTE, figure_words, refont

        if scale not in ("z", "raw"):
            raise DataError(f"scale must be 'z' or 'raw', not {scale!r}.")
        lang, words, family = figure_words(lang, _WORDS)
        names = self.item_labels.get(lang, {})
        width = 18 if lang == "en" else 10
        ticks = [textwrap.fill(names.get(i, i), width) for i in self.items]
        prefix = "" if scale == "raw" else "z_"
        x = np.arange(len(self.items))
        offsets = np.linspace(-0.12, 0.12, self.k) if self.k > 1 else np.zeros(1)
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(max(6.0, 0.9 * len(self.items) + 2), 4.2))
            for j, s in enumerate(self.sizes.index):
                part = self.profile.xs(s, level="segment").reindex(self.items)
                mean = part[f"{prefix}mean"].to_numpy()
                err = [mean - part[f"{prefix}ci_low"], part[f"{prefix}ci_high"] - mean]
                row = self.sizes.loc[s]
                label = words["segment"].format(s=s, n=int(row["n"]), share=row["share"])
                colour = PALETTE[j % len(PALETTE)]
                ax.errorbar(x + offsets[j], mean, yerr=err, color=colour, marker="o",
                            capsize=3, label=label)  # fmt: skip
            if scale == "z":
                ax.axhline(0, color="grey", linewidth=0.8, zorder=0)
            ax.set_xticks(x, ticks, rotation=30 if max(map(len, ticks)) > 6 else 0, ha="right")
            ax.set_ylabel(words[scale])
            title = words["title"].format(method=words["method"][self.method], k=self.k)
            if not self.supported:
                verdict = self.verdict if lang == "en" else _VERDICT_ZH[self.verdict]
                title += "\n" + words["caveat"].format(verdict=verdict)
            ax.set_title(title, fontsize="medium")
            ax.legend(fontsize="small", loc="best")
            refont(ax, family)
        return ax
