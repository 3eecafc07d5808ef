"""Input checks shared by :mod:`cxlab.profit_chain` (private): columns present and numeric,
missing values named, unit ids that do not link, units with one respondent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from cxlab._conventions import as_frame, numeric_columns
from cxlab.errors import DataError

Missing = Literal["raise", "drop"]


def _ids(values: Sequence[Any], shown: int = 5) -> str:
    values = list(values)
    more = f" and {len(values) - shown} more" if len(values) > shown else ""
    return ", ".join(repr(v) for v in values[:shown]) + more


def check_level(level: float) -> None:
    """A confidence level strictly between 0 and 1."""
    if not 0 < level < 1:
        raise DataError(f"level is a confidence level between 0 and 1 (e.g. 0.95), not {level!r}.")


def table(
    data: Any,
    columns: Sequence[str],
    unit: str,
    *,
    what: str,
    missing: Missing = "raise",
) -> tuple[pd.DataFrame, dict[str, int]]:
    """*data*'s unit column and numeric *columns*; missing values raise (naming the
    columns and counts) or, with ``missing="drop"``, drop those rows and count them."""
    frame = as_frame(data, what=what)
    absent = [c for c in [unit, *columns] if c not in frame.columns]
    if absent:
        raise DataError(
            f"{what} has no column {_ids(absent)}; its columns are {_ids(frame.columns, 12)}. "
            f"Pass the unit id column as unit= and the variables that exist."
        )
    if missing not in ("raise", "drop"):
        raise DataError(f"missing must be 'raise' or 'drop', not {missing!r}.")
    out = numeric_columns(frame, list(columns), noun=f"{what} column")
    out.insert(0, unit, frame[unit].to_numpy())
    na = out.isna()
    dropped: dict[str, int] = {}
    if na.to_numpy().any():
        counts = {c: int(n) for c, n in na.sum().items() if n}
        text = ", ".join(f"{c!r}: {n}" for c, n in counts.items())
        if missing == "raise":
            rows = list(out.index[na.any(axis=1)])
            raise DataError(
                f"{what} has missing values ({text}; rows {_ids(rows)}). Impute or remove them "
                f"first, or pass missing='drop' to leave out those {len(rows)} row(s) "
                "(they are counted in the result)."
            )
        keep = ~na.any(axis=1)
        dropped = {f"{what} rows with missing values": int((~keep).sum())}
        out = out.loc[keep]
    return out, dropped


def unmatched(ids: pd.Series, known: pd.Index, *, what: str, other: str, unit: str) -> None:
    """Every unit id in *ids* must be in *known* (the units of *other*)."""
    extra = pd.Index(pd.unique(ids)).difference(known)
    if len(extra):
        n_rows = int(ids.isin(extra).sum())
        raise DataError(
            f"{len(extra)} unit id(s) in {what}[{unit!r}] are not in {other}: {_ids(extra)} "
            f"({n_rows} row(s)). Check the ids are spelled the same in both tables (type, "
            f"leading zeros, spaces), or remove those rows."
        )


def small_units(counts: pd.Series, *, what: str, minimum: int = 2) -> list[Any]:
    """Units with fewer than *minimum* respondents (empty list when none)."""
    few = counts[counts < minimum]
    return list(few.index)


def refuse_small(counts: pd.Series, *, what: str, minimum: int = 2) -> None:
    """A DataError when a unit has fewer than *minimum* respondents in *what*."""
    few = small_units(counts, what=what, minimum=minimum)
    if few:
        sizes = ", ".join(f"{u!r}: {int(counts[u])}" for u in few[:5])
        raise DataError(
            f"{len(few)} unit(s) have fewer than {minimum} respondents in {what} ({sizes}"
            f"{' …' if len(few) > 5 else ''}): a unit of one person has no within-unit "
            "variance and its mean is one answer. Collect more answers, merge such units, "
            f"or remove them (e.g. {what}[{what}.groupby(unit).transform('size') >= "
            f"{minimum}])."
        )
