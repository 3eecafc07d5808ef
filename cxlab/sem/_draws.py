"""What the bootstrap and Monte-Carlo results share: their table under cxlab's column
vocabulary (est, se, ci_low, ci_high), the row a ``parameter=`` names, the histogram of
its draws with the interval marked, and the small HTML view."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from cxlab._conventions import renamed_columns
from cxlab.errors import DataError

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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
    what: str,
    ax: Axes | None,
) -> Axes:
    """Histogram of the draws of one row with its estimate and interval marked."""
    import matplotlib.pyplot as plt

    k = row_of(table, parameter)
    row = table.iloc[k]
    if not np.isfinite(row["se"]):
        raise DataError(
            f"{row['lhs']} {row['op']} {row['rhs']} is fixed: it has no sampling distribution."
        )
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    values = draws[:, k]
    ax.hist(values[np.isfinite(values)], bins=40, color="#9ab", edgecolor="white")
    ax.axvspan(row["ci_low"], row["ci_high"], color="#e8a33d", alpha=0.2, label=table.attrs["ci"])
    for x in (row["ci_low"], row["ci_high"]):
        ax.axvline(x, color="#e8a33d", lw=1.5)
    ax.axvline(row["est"], color="black", lw=1.5, label=f"estimate {row['est']:.3f}")
    ax.set_title(f"{row['lhs']} {row['op']} {row['rhs']}: {len(values)} {what} draws")
    ax.set_xlabel("value")
    ax.set_ylabel("draws")
    ax.legend(frameon=False, fontsize="small")
    return ax


def html_view(title: str, text: str, table: pd.DataFrame) -> str:
    """Title line (bold) with *text*, then the table (escaped)."""
    shown = pd.DataFrame(table).round(3).to_html(index=False, na_rep="", escape=True)
    return f"<p><b>{html.escape(title)}</b> — {html.escape(text)}</p>{shown}"
