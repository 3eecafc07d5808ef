"""What the bootstrap and Monte-Carlo results share: their table under cxlab's column
vocabulary (est, se, ci_low, ci_high), the row a ``parameter=`` names, the histogram of
its draws with the interval marked, and the small HTML view."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from cxlab._conventions import renamed_columns
from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from cxlab.viz import Lang

#: the words of :func:`plot_draws` (the plots of the bootstrap and Monte-Carlo results),
#: by language; "kind" is "bootstrap" or "Monte-Carlo", "method" an interval method
_WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "kind": {"bootstrap": "bootstrap", "Monte-Carlo": "Monte-Carlo"},
        "method": {"percentile": "percentile", "bc": "bias-corrected", "bca": "BCa"},
        "interval": "{level:.0%} {kind} {method} interval",
        "estimate": "estimate {est:.3f}",
        "title": "{parameter}: {n} {kind} draws",
        "x": "value",
        "y": "draws",
    },
    "zh": {
        "kind": {"bootstrap": "自助法", "Monte-Carlo": "蒙特卡洛"},
        "method": {"percentile": "百分位", "bc": "偏差校正", "bca": "BCa"},
        "interval": "{level:.0%} {kind}{method}区间",
        "estimate": "估计值 {est:.3f}",
        "title": "{parameter}：{n} 次{kind}抽样",
        "x": "数值",
        "y": "抽样次数",
    },
}


def draws_table(
    table: pd.DataFrame, est: np.ndarray, values: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> pd.DataFrame:
    """lhs, op, rhs, (group), label, est, se (SD of the draws), ci_low, ci_high; fixed
    parameters get no se or interval. Answers to the old names (boot_se / mc_se,
    ci.lower, ci.upper) for one release."""
    out = table[["lhs", "op", "rhs", "group", "label"]].copy()
    out["est"] = est
    out["se"] = values.std(axis=0, ddof=1)
    out["ci_low"] = lo
    out["ci_high"] = hi
    fixed = (table["free"].to_numpy() == 0) & (table["op"].to_numpy() != ":=")
    out.loc[fixed, ["se", "ci_low", "ci_high"]] = np.nan
    if table["group"].max() <= 1:
        out = out.drop(columns="group")
    return out.reset_index(drop=True)


def renamed(out: pd.DataFrame, old_se: str, se_note: str, ci_note: str) -> pd.DataFrame:
    """*out* answering to ``old_se`` (boot_se / mc_se), ci.lower and ci.upper, with
    ``attrs`` saying what se and the interval are."""
    out.attrs["se"] = se_note
    out.attrs["ci"] = ci_note
    return renamed_columns(out, {old_se: "se", "ci.lower": "ci_low", "ci.upper": "ci_high"})


def row_of(table: pd.DataFrame, parameter: str | int | None) -> int:
    """The row that *parameter* names: a row number, a label (``"a"``), a defined
    parameter (``"ind"``) or ``"lhs op rhs"`` (``"dem60 ~ ind60"``; spaces optional);
    the first match (the first group) when several rows match. ``None``: the first
    defined parameter, else the first free one."""
    if isinstance(parameter, int | np.integer):
        if not 0 <= parameter < len(table):
            raise DataError(
                f"parameter={parameter} is not a row of the table (0…{len(table) - 1})."
            )
        return int(parameter)
    ops = table["op"].astype(str)
    if parameter is None:
        hits = np.flatnonzero((ops == ":=").to_numpy())
        if not len(hits):
            hits = np.flatnonzero(table["se"].notna().to_numpy())
    else:
        key = str(parameter).replace(" ", "")
        spelled = (table["lhs"].astype(str) + ops + table["rhs"].astype(str)).str.replace(" ", "")
        named = (table["label"].astype(str) == key) | ((ops == ":=") & (table["lhs"] == key))
        hits = np.flatnonzero((named | (spelled == key)).to_numpy())
    if not len(hits):
        raise DataError(
            f"parameter={parameter!r} names no row: pass a label, a defined parameter "
            "(':=') or 'lhs op rhs' as in the table, e.g. 'dem60 ~ ind60'."
        )
    return int(hits[0])


def plot_draws(
    table: pd.DataFrame,
    draws: np.ndarray,
    parameter: str | int | None,
    kind: str,
    ax: Axes | None,
    *,
    level: float,
    method: str = "percentile",
    lang: Lang | None = None,
) -> Axes:
    """Histogram of the draws of one row with its estimate and interval marked; *kind*
    ("bootstrap" or "Monte-Carlo"), *level* and *method* name the interval."""
    import matplotlib
    import matplotlib.pyplot as plt

    from cxlab.viz import figure_words, refont

    k = row_of(table, parameter)
    row = table.iloc[k]
    if not np.isfinite(row["se"]):
        raise DataError(
            f"{row['lhs']} {row['op']} {row['rhs']} is fixed: it has no sampling distribution."
        )
    lang, words, family = figure_words(lang, _WORDS)
    named = {"kind": words["kind"][kind], "method": words["method"][method]}
    with matplotlib.rc_context({"font.family": family}):
        if ax is None:
            _, ax = plt.subplots(figsize=(6, 3.5))
        values = draws[:, k]
        interval = words["interval"].format(level=level, **named)
        ax.hist(values[np.isfinite(values)], bins=40, color="#9ab", edgecolor="white")
        ax.axvspan(row["ci_low"], row["ci_high"], color="#e8a33d", alpha=0.2, label=interval)
        for x in (row["ci_low"], row["ci_high"]):
            ax.axvline(x, color="#e8a33d", lw=1.5)
        estimate = words["estimate"].format(est=row["est"])
        ax.axvline(row["est"], color="black", lw=1.5, label=estimate)
        parameter = f"{row['lhs']} {row['op']} {row['rhs']}"
        ax.set_title(words["title"].format(parameter=parameter, n=len(values), **named))
        ax.set_xlabel(words["x"])
        ax.set_ylabel(words["y"])
        ax.legend(frameon=False, fontsize="small")
        # also the texts of an axes made before, outside this font
        refont(ax, family)
    return ax


def html_view(title: str, text: str, table: pd.DataFrame) -> str:
    """Title line (bold) with *text*, then the table (escaped)."""
    shown = pd.DataFrame(table).round(3).to_html(index=False, na_rep="", escape=True)
    return f"<p><b>{html.escape(title)}</b> — {html.escape(text)}</p>{shown}"
