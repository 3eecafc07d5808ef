"""Path diagrams of fitted SEMs, drawn with matplotlib alone (no graphviz needed).

``plot_path(fit)`` draws the model of a :class:`~cxlab.sem.SEMFit` the way SEM papers
do: latent variables as ellipses, observed variables as rectangles, single-headed
arrows for regressions (``~``) and loadings (``=~``, from the latent to its indicator),
curved double-headed arrows for covariances (``~~``). Each arrow carries its
coefficient formatted the APA way (``.45***``, ``−.12``) and each endogenous variable
its R². Variables stand in columns by causal depth: exogenous on the left, outcomes
on the right (see :mod:`cxlab.sem._layout`); the layout has no randomness, so the same
fit always gives the same picture.

What is drawn:

- regressions and loadings, with the standardized (``what="std"``, lavaan's
  ``std.all``) or the unstandardized (``what="est"``) estimate; stars for free
  parameters (* p < .05, ** p < .01, *** p < .001), none for fixed ones (the marker
  loading fixed to 1, exogenous covariances fixed at their sample values);
- covariances between structural variables (latent factors, exogenous observed
  variables, residuals of endogenous ones) always; residual covariances between
  indicators unless ``show_covariances=False``;
- not drawn: variances and residual variances (their share shows as R²), intercepts
  (``~1``) and defined parameters (``:=``) — see ``fit.estimates()`` for those.

An inadmissible fit (``fit.admissible`` is False) raises
:class:`~cxlab.errors.InadmissibleSolutionError` with the fit's diagnosis; with
``allow_inadmissible=True`` it is drawn under a red banner "NOT ADMISSIBLE — do not
report", impossible estimates (standardized beyond ±1, negative variances) in red.

Export with ``fig.savefig("model.svg")`` (or ``.png``, ``.pdf``), or in one step with
``save_path(fit, "model.svg")``.

# In R: semPlot::semPaths(fit, what = "std", layout = "tree2", rotation = 2)

Examples
--------
>>> import cxlab as cx
>>> from cxlab.sem.diagram import plot_path
>>> pdem = cx.datasets.load("political_democracy")
>>> fit = cx.sem.fit("ind60 =~ x1 + x2 + x3\\ndem60 =~ y1 + y2 + y3 + y4\\n"
...                  "dem60 ~ ind60", pdem)
>>> fig = plot_path(fit)
>>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "coef:ind60->dem60"]
['.46***']
>>> fig.savefig("model.svg")  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from cxlab.errors import DataError, InadmissibleSolutionError
from cxlab.sem import _layout as lay

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from cxlab.sem import SEMFit

__all__ = ["format_coef", "plot_path", "save_path"]

WORDS = {
    "en": {
        "std": "Standardized estimates (std.all)",
        "est": "Unstandardized estimates",
        "stars": "* p < .05   ** p < .01   *** p < .001   no star: p ≥ .05 or fixed",
        "group": "Group",
        "banner": "NOT ADMISSIBLE — do not report",
        "red": "red: impossible estimate (|standardized| > 1 or a negative variance)",
    },
    "zh": {
        "std": "标准化估计值 (std.all)",
        "est": "非标准化估计值",
        "stars": "* p < .05   ** p < .01   *** p < .001   无星号：p ≥ .05 或固定参数",
        "group": "组别",
        "banner": "解不可接受 — 请勿报告",
        "red": "红色：不可能的估计值（|标准化值| > 1 或方差为负）",
    },
}
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf"}
INK, GREY, RED = "#2b2b2b", "#666666", "#C62828"
LATENT_FILL, OBSERVED_FILL = "#E8F1FA", "#F4F4F4"
PT = {"name": 10.0, "item": 9.0, "coef": 8.5, "r2": 8.5, "legend": 8.0, "title": 11.0}


def format_coef(value: float, pvalue: float | None = None, *, apa: bool = True) -> str:
    """A coefficient with 2 decimals and significance stars, as APA tables print it.

    Parameters
    ----------
    value : float
        The estimate.
    pvalue : float, optional
        Its p-value; ``None`` or NaN (a fixed parameter) gives no stars.
    apa : bool
        Drop the leading zero (``.45``), as APA style does for numbers that cannot
        exceed 1 (standardized coefficients). Use False for unstandardized estimates.

    Returns
    -------
    str
        E.g. ``".45***"``, ``"−.12"`` (with a real minus sign, U+2212), ``"1.47**"``.

    Examples
    --------
    >>> format_coef(0.4478, 1e-4), format_coef(-0.1234), format_coef(1.471, 0.008, apa=False)
    ('.45***', '−.12', '1.47**')
    """
    if value is None or not np.isfinite(value):
        return "NA"
    text = f"{abs(value):.2f}"
    if apa and text.startswith("0."):
        text = text[1:]
    if value < 0 and float(text) != 0:
        text = "−" + text
    if pvalue is not None and np.isfinite(pvalue):
        text += "***" if pvalue < 0.001 else "**" if pvalue < 0.01 else "*" if pvalue < 0.05 else ""
    return text


@dataclass
class _Parts:
    """The variables and paths of one group, ready to lay out."""

    latent: set[str]
    structural: list[str]
    indicators: dict[str, list[str]]
    edges: list[tuple[str, str, dict]]  # source, target, row of fit.estimates()
    loadings: list[tuple[str, str, dict]]
    covariances: list[tuple[str, str, dict]]
    r2: dict[str, float]
    negative: set[str] = field(default_factory=set)


def _group_index(fit: SEMFit, group: Any) -> int:
    if group is None:
        return 0
    names = [str(g) for g in fit.groups]
    if len(fit.groups) > 1 and str(group) in names:
        return names.index(str(group))
    if len(fit.groups) == 1:
        raise DataError(f"group={group!r} was given, but this fit has a single group.")
    raise DataError(f"group={group!r} is not a group of this fit; its groups are: {names}.")


def _parts(fit: SEMFit, g: int, show_indicators: bool, show_covariances: bool) -> _Parts:
    est = fit.estimates(allow_inadmissible=True)
    r2 = fit.r2(allow_inadmissible=True)
    if "group" in est.columns:
        est = est[est["group"] == g + 1]
    if "group" in r2.columns:
        r2 = r2[r2["group"] == g + 1]
    latent = set(fit.table.attrs["latent"])
    rows = est.to_dict("records")
    indicators: dict[str, list[str]] = {}
    for r in rows:
        first = not any(r["rhs"] in items for items in indicators.values())
        if r["op"] == "=~" and r["rhs"] not in latent and show_indicators and first:
            indicators.setdefault(r["lhs"], []).append(r["rhs"])
    placed = {i for items in indicators.values() for i in items}
    measured = {r["rhs"] for r in rows if r["op"] == "=~" and r["rhs"] not in latent}
    structural: list[str] = []
    for r in rows:
        if r["op"] in ("=~", "~", "~~"):
            for v in (r["lhs"], r["rhs"]):
                if v not in structural and (v in latent or v not in measured):
                    structural.append(v)
    core = set(structural)
    drawn = core | placed
    edges, loadings, covs = [], [], []
    for r in rows:
        op, lhs, rhs = r["op"], r["lhs"], r["rhs"]
        if op == "~" and {lhs, rhs} <= drawn:
            edges.append((rhs, lhs, r))
        elif op == "=~" and rhs in latent:
            edges.append((lhs, rhs, r))
        elif op == "=~" and rhs in drawn:
            loadings.append((lhs, rhs, r))
        elif op == "~~" and lhs != rhs and {lhs, rhs} <= (drawn if show_covariances else core):
            covs.append((lhs, rhs, r))
    endogenous = {t for _, t, _ in edges}
    negative = {r["lhs"] for r in rows if r["op"] == "~~" and r["lhs"] == r["rhs"] and r["est"] < 0}
    return _Parts(
        latent,
        structural,
        indicators,
        edges,
        loadings,
        covs,
        {v: float(x) for v, x in zip(r2["variable"], r2["r2"], strict=True) if v in endogenous},
        negative,
    )


def _is_wide(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _family(lang: str, texts: list[str]) -> list[str] | None:
    """Fonts for the text: the bundled CJK font when Chinese is needed (see cx.viz)."""
    if lang != "zh" and not any(_is_wide(t) for t in texts):
        return None
    from cxlab import viz

    cjk = viz.register_cjk_font()
    if cjk is None:
        return None
    return [cjk, viz.LATIN_FONT] if lang == "zh" else [viz.LATIN_FONT, cjk]


@functools.cache
def _renderer() -> Any:
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(4, 4, 72)


def _measure(text: str, size: float, family: list[str] | None) -> tuple[float, float]:
    """Width and line height of one line of text, in inches."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(family=family, size=size) if family else FontProperties(size=size)
    w, _, _ = _renderer().get_text_width_height_descent(text, prop, ismath=False)
    return w / 72, size * 1.25 / 72


def _coef(row: dict, what: str) -> tuple[str, bool]:
    """Label text of a parameter and whether it is impossible (|std| > 1)."""
    se, std = row["se"], row["std.all"]
    free = bool(np.isfinite(se) and se > 0)
    value = std if what == "std" else row["est"]
    text = format_coef(value, row["pvalue"] if free else None, apa=what == "std")
    return text, bool(np.isfinite(std) and abs(std) > 1 + 1e-9)


def _resample(poly: np.ndarray, step: float = 0.04) -> np.ndarray:
    seg = np.linalg.norm(np.diff(poly, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.linspace(0, cum[-1], max(int(cum[-1] / step), 2))
    return np.column_stack([np.interp(s, cum, poly[:, 0]), np.interp(s, cum, poly[:, 1])])


def _place_labels(
    items: list[tuple[str, np.ndarray, tuple[float, float], list[float]]],
    boxes: list[tuple[float, float, float, float]],
) -> dict[str, np.ndarray]:
    """Put each label on its path where it covers the fewest nodes, labels and lines."""
    lines = {key: lay.polyline(path) for key, path, _, _ in items}
    polys = {key: _resample(line) for key, line in lines.items()}
    placed: list[tuple[float, float, float, float]] = []
    where = {}
    for key, _, (w, h), fractions in items:
        poly = lines[key]
        others = np.concatenate([p for k, p in polys.items() if k != key] or [np.zeros((0, 2))])
        best, best_cost = None, np.inf
        for rank, f in enumerate(fractions):
            c = lay.point_at(poly, f)
            box = (c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2)
            cost = 0.01 * rank
            cost += 1000 * sum(lay.overlap(box, b) for b in boxes)
            cost += 1000 * sum(lay.overlap(box, b) for b in placed)
            if len(others):
                inside = (
                    (others[:, 0] > box[0])
                    & (others[:, 0] < box[2])
                    & (others[:, 1] > box[1])
                    & (others[:, 1] < box[3])
                )
                cost += 0.3 * inside.sum()
            if cost < best_cost:
                best, best_cost = (c, box), cost
        where[key] = best[0]
        placed.append(best[1])
    return where


def _node_sizes(
    parts: _Parts, names: dict[str, str], r2_text: dict[str, str], family: list[str] | None
) -> dict[str, tuple[float, float, str]]:
    """Width, height (inches) and shape of every variable, to fit its text."""
    sizes: dict[str, tuple[float, float, str]] = {}
    for v in parts.structural:
        w, lh = _measure(names[v], PT["name"], family)
        if v in r2_text:
            w = max(w, _measure(r2_text[v], PT["r2"], family)[0])
            lh += PT["r2"] * 1.25 / 72
        if v in parts.latent:  # an ellipse holding a w × lh text box: axes × √2
            sizes[v] = (max(1.0, (w + 0.16) * 1.42), max(0.55, (lh + 0.08) * 1.42), "ellipse")
        else:
            sizes[v] = (max(0.75, w + 0.3), max(0.42, lh + 0.16), "box")
    for items in parts.indicators.values():
        for i in items:
            sizes[i] = (max(0.5, _measure(names[i], PT["item"], family)[0] + 0.22), 0.34, "box")
    return sizes


def _edge_paths(parts: _Parts, layout: lay.Layout) -> list[tuple]:
    """(key, Bézier path, estimate row, is covariance, label positions to try, arrow)."""
    nodes = layout.nodes
    paths: list[tuple] = []
    for a, b, row in parts.edges:
        na, nb = nodes[a], nodes[b]
        if (a, b) in layout.waypoints:
            path = lay.through(na, nb, layout.waypoints[(a, b)])
        elif nb.column > na.column:
            path = lay.straight(na, nb)
        else:  # a feedback loop or a path within a column
            path = lay.bowed(na, nb, 0.25, (na.x, na.y - 1e3))
        paths.append((f"{a}->{b}", path, row, False, [0.5, 0.42, 0.58, 0.34, 0.66, 0.26], "-|>"))
    arcs = lay.covariance_paths(layout, [(a, b) for a, b, _ in parts.covariances])
    for a, b, row in parts.covariances:
        fr = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]
        paths.append((f"{a}<->{b}", arcs[(a, b)], row, True, fr, "<|-|>"))
    for a, b, row in parts.loadings:
        fr = [0.6, 0.68, 0.52, 0.76, 0.44]
        paths.append((f"{a}->{b}", lay.straight(nodes[a], nodes[b]), row, False, fr, "-|>"))
    return paths


def plot_path(
    fit: SEMFit,
    *,
    lang: Literal["en", "zh"] | None = None,
    labels: dict[str, str] | None = None,
    what: Literal["std", "est"] = "std",
    group: str | int | None = None,
    show_indicators: bool = True,
    show_covariances: bool = True,
    allow_inadmissible: bool = False,
    ax: Axes | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Draw the path diagram of a fitted SEM / CFA (pure matplotlib, no graphviz).

    Parameters
    ----------
    fit : SEMFit
        The result of :func:`cxlab.sem.fit`.
    lang : {"en", "zh"}, optional
        Language of the fixed words (legend, banner, "Group"); ``"zh"`` also uses the
        bundled Chinese font (:func:`cxlab.viz.register_cjk_font`). Chinese variable
        labels render in either language without missing glyphs. Default: the
        notebook's language (:func:`cxlab.viz.language`, set by
        ``cx.viz.set_theme(lang=...)``).
    labels : dict, optional
        Display names, variable → name (e.g. ``{"SAT": "满意度"}``); others keep
        their model names.
    what : {"std", "est"}
        Standardized (``std.all``, leading zero dropped: ``.45``) or unstandardized
        (``0.60``, ``1.47``) estimates on the arrows.
    group : str, optional
        For a multi-group fit, which group to draw (default: the first); its name
        goes in the title.
    show_indicators : bool
        False draws only the structural model (latent and observed variables
        linked by ``~``, and their covariances).
    show_covariances : bool
        False hides residual covariances between indicators. Covariances between
        structural variables (latent factors, exogenous variables) are always drawn.
    allow_inadmissible : bool
        Draw an inadmissible fit anyway, under a red banner, with impossible
        estimates in red. Without it an inadmissible fit raises.
    ax : matplotlib Axes, optional
        Draw into these axes (text is scaled to fit); by default a new figure sized to
        the diagram (1 inch per layout unit).
    figsize : (float, float), optional
        Size of the new figure in inches; the diagram and its text scale to fit.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (not shown: leave it last in a notebook cell, or ``display(fig)``).
        Save it with ``fig.savefig("model.svg")`` / ``.png`` / ``.pdf``.

    Raises
    ------
    InadmissibleSolutionError
        The fit is not admissible (message: ``fit.diagnosis()``) and
        ``allow_inadmissible`` is False.
    DataError
        ``group`` is not a group of the fit.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab.sem.diagram import plot_path
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6\\n"
    ...                  "speed =~ x7 + x8 + x9", hs)
    >>> fig = plot_path(fit, labels={"visual": "视觉", "textual": "文本", "speed": "速度"})
    >>> sorted(p.get_gid() for p in fig.axes[0].patches if str(p.get_gid()).startswith("node:"))[:4]
    ['node:speed', 'node:textual', 'node:visual', 'node:x1']
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "coef:visual<->textual"]
    ['.46***']
    >>> fig = plot_path(fit, lang="zh")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "legend:0"]
    ['标准化估计值 (std.all)']
    """
    from matplotlib.patches import Ellipse, FancyArrowPatch, Rectangle
    from matplotlib.path import Path as MplPath

    if lang is None:
        from cxlab.viz import language

        lang = language()
    if lang not in WORDS:
        raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
    if what not in ("std", "est"):
        raise ValueError(f"what must be 'std' (standardized) or 'est', not {what!r}")
    if not fit.admissible and not allow_inadmissible:
        raise InadmissibleSolutionError(fit.diagnosis())
    words = WORDS[lang]
    g = _group_index(fit, group)
    parts = _parts(fit, g, show_indicators, show_covariances)
    names = {v: str((labels or {}).get(v, v)) for v in parts.structural}
    names.update(
        {i: str((labels or {}).get(i, i)) for its in parts.indicators.values() for i in its}
    )
    r2_text = {v: f"R² = {format_coef(r)}" for v, r in parts.r2.items()}
    family = _family(lang, [*names.values(), words["banner"]])

    sizes = _node_sizes(parts, names, r2_text, family)
    spec = lay.Spec(
        parts.structural,
        parts.indicators,
        sizes,
        [(a, b) for a, b, _ in parts.edges],
        [(a, b) for a, b, _ in parts.covariances],
    )
    layout = lay.compute(spec)
    nodes = layout.nodes

    paths = _edge_paths(parts, layout)
    texts = {key: _coef(row, what) for key, _, row, _, _, _ in paths}
    node_boxes = []
    for n in nodes.values():
        x0, y0, x1, y1 = n.bbox()
        inset = 0.08 * (x1 - x0) if n.shape == "ellipse" else 0.0
        node_boxes.append((x0 + inset, y0, x1 - inset, y1))
    label_size = {}
    for key, (text, _) in texts.items():
        w, h = _measure(text, PT["coef"], family)
        label_size[key] = (w + 0.06, h * 0.85)
    where = _place_labels([(k, p, label_size[k], fr) for k, p, _, _, fr, _ in paths], node_boxes)

    # extent of the drawing, then header (title, banner) and legend
    pts = [np.array([[b[0], b[1]], [b[2], b[3]]]) for b in node_boxes]
    pts += [lay.polyline(p) for _, p, _, _, _, _ in paths]
    for k, c in where.items():
        w, h = label_size[k]
        pts.append(np.array([[c[0] - w / 2, c[1] - h / 2], [c[0] + w / 2, c[1] + h / 2]]))
    allp = np.concatenate(pts)
    x0, y0 = allp.min(axis=0) - 0.15
    x1, y1 = allp.max(axis=0) + 0.15
    legend = [words[what], words["stars"]] + ([words["red"]] if not fit.admissible else [])
    legend_w = max(_measure(t, PT["legend"], family)[0] for t in legend) + 0.3
    x1 = max(x1, x0 + legend_w)
    header = []
    if len(fit.groups) > 1:
        header.append(("title", f"{words['group']}: {fit.groups[g]}", PT["title"]))
    if not fit.admissible:
        header.append(("banner", words["banner"], PT["title"] + 1))
    top = y1 + sum(0.42 if k == "banner" else 0.32 for k, _, _ in header)
    bottom = y0 - 0.18 * len(legend) - 0.12

    width, height = x1 - x0, top - bottom
    if ax is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=figsize or (width, height))
        plt.close(fig)  # returned, not shown twice by Jupyter's inline backend
        ax = fig.add_axes((0, 0, 1, 1))
    fig = ax.figure
    box = ax.get_position()
    fw, fh = fig.get_size_inches()
    scale = min(box.width * fw / width, box.height * fh / height)
    ax.set_xlim(x0, x1)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    font = {"family": family} if family else {}

    def text(x: float, y: float, s: str, size: float, gid: str, **kw: Any) -> None:
        ax.text(x, y, s, fontsize=size * scale, gid=gid, **font, **kw)

    for n in nodes.values():
        edge = RED if n.name in parts.negative else INK
        lw = (2.2 if n.name in parts.negative else 1.2) * scale
        if n.shape == "ellipse":
            patch = Ellipse((n.x, n.y), n.w, n.h, fc=LATENT_FILL, ec=edge, lw=lw)
        else:
            fill = "white" if n.parent else OBSERVED_FILL
            patch = Rectangle((n.x - n.w / 2, n.y - n.h / 2), n.w, n.h, fc=fill, ec=edge, lw=lw)
        patch.set_gid(f"node:{n.name}")
        patch.set_zorder(3)
        ax.add_patch(patch)
        size = PT["item"] if n.parent else PT["name"]
        dy = PT["r2"] * 0.6 / 72 if n.name in r2_text else 0.0
        text(n.x, n.y + dy, names[n.name], size, f"name:{n.name}", ha="center", va="center")
        if n.name in r2_text:
            text(n.x, n.y - PT["name"] * 0.62 / 72, r2_text[n.name], PT["r2"], f"r2:{n.name}",
                 ha="center", va="center", color=GREY)  # fmt: skip
    for t in ax.texts:
        t.set_zorder(4)
    for key, path, _, is_cov, _, style in paths:
        label, bad = texts[key]
        loading = not is_cov and key.split("->")[1] in nodes and nodes[key.split("->")[1]].parent
        color = RED if bad else (GREY if is_cov or loading else INK)
        codes = [MplPath.MOVETO] + [MplPath.CURVE4] * (len(path) - 1)
        arrow = FancyArrowPatch(
            path=MplPath(path, codes),
            arrowstyle=f"{style},head_length=0.5,head_width=0.22",
            mutation_scale=13 * scale,
            lw=(1.0 if is_cov or loading else 1.3) * (1.6 if bad else 1.0) * scale,
            color=color,
            zorder=2,
            gid=f"path:{key}",
        )
        ax.add_patch(arrow)
        c = where[key]
        bbox = {"boxstyle": "square,pad=0.08", "fc": "white", "ec": "none"}
        text(c[0], c[1], label, PT["coef"], f"coef:{key}", ha="center", va="center",
             color=RED if bad else INK, bbox=bbox, zorder=5)  # fmt: skip
    y = top
    for kind, words_, size in header:
        if kind == "banner":
            ax.add_patch(Rectangle((x0, y - 0.38), x1 - x0, 0.36, fc=RED, ec="none", gid="banner"))
            text((x0 + x1) / 2, y - 0.2, words_, size, "banner", ha="center", va="center",
                 color="white", fontweight="bold" if lang == "en" else "normal")  # fmt: skip
            y -= 0.42
        else:
            text((x0 + x1) / 2, y - 0.16, words_, size, "title", ha="center", va="center")
            y -= 0.32
    for k, line in enumerate(legend):
        color = RED if line == words["red"] else GREY
        text(x0 + 0.05, y0 - 0.05 - 0.18 * k, line, PT["legend"], f"legend:{k}", ha="left",
             va="top", color=color)  # fmt: skip
    return fig


def save_path(
    fit: SEMFit,
    path: str | Path,
    *,
    dpi: int = 200,
    lang: Literal["en", "zh"] | None = None,
    labels: dict[str, str] | None = None,
    what: Literal["std", "est"] = "std",
    group: str | int | None = None,
    show_indicators: bool = True,
    show_covariances: bool = True,
    allow_inadmissible: bool = False,
    figsize: tuple[float, float] | None = None,
) -> Path:
    """Draw the path diagram and save it; the format follows the suffix.

    Parameters
    ----------
    fit : SEMFit
        The result of :func:`cxlab.sem.fit`.
    path : str or Path
        Where to write: ``.svg`` (editable, for papers), ``.png`` or ``.pdf``.
    dpi : int
        Resolution of a PNG.
    lang, labels, what, group, show_indicators, show_covariances, allow_inadmissible, figsize
        As in :func:`plot_path`: language of the legend, display names, ``"std"`` or
        ``"est"`` estimates, which group, structural model only, residual covariances
        shown, draw an inadmissible fit under a banner, figure size in inches.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    DataError
        The suffix is not .svg, .png or .pdf.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import cxlab as cx
    >>> from cxlab.sem.diagram import save_path
    >>> hs = cx.datasets.load("holzinger_swineford")
    >>> fit = cx.sem.fit("visual =~ x1 + x2 + x3\\ntextual =~ x4 + x5 + x6", hs)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = save_path(fit, pathlib.Path(tmp) / "cfa.svg")
    ...     out.stat().st_size > 1000
    True
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise DataError(
            f"Cannot save a path diagram as {path.name!r}: the suffix must be .svg, .png or "
            f".pdf (e.g. save_path(fit, {str(path.with_suffix('.svg'))!r}))."
        )
    fig = plot_path(
        fit,
        lang=lang,
        labels=labels,
        what=what,
        group=group,
        show_indicators=show_indicators,
        show_covariances=show_covariances,
        allow_inadmissible=allow_inadmissible,
        figsize=figsize,
    )
    fig.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", pad_inches=0.05)
    return path
