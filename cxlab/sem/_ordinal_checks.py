"""Checks of the data and the model behind :func:`cxlab.sem.ordinal.fit_ordered`
(lavaan's WLSMV): the category codes of the ordered items, what the model may contain,
and the Wu & Estabrook (2016) identification's conditions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlab.errors import DataError, ModelSpecError

__all__ = ["category_codes", "check_identification", "check_model", "continuous_values"]


def category_codes(
    frame: pd.DataFrame, items: list[str], group: str | None
) -> tuple[np.ndarray, list[int]]:
    """Category codes 0 … K−1 of every ordered item (categories: the values observed)
    and the number of categories of each; a clear DataError for text, decimals, a single
    category, or a category empty in one group.

    Examples
    --------
    >>> import pandas as pd
    >>> codes, n_cat = category_codes(pd.DataFrame({"a": [1, 3, 5, 3]}), ["a"], None)
    >>> codes[:, 0].tolist(), n_cat
    ([0, 1, 2, 1], [3])
    """
    codes = np.zeros((len(frame), len(items)), dtype=int)
    n_cat = []
    for j, col in enumerate(items):
        x = frame[col]
        if isinstance(x.dtype, pd.CategoricalDtype):
            if not x.cat.ordered:
                raise DataError(
                    f"Ordered column {col!r} is an unordered categorical: its categories have "
                    "no order to estimate thresholds from. Make it ordered, e.g. "
                    f"data[{col!r}] = data[{col!r}].cat.as_ordered(), or recode it to 1…K."
                )
            levels = [v for v in x.cat.categories if (x == v).any()]
            mapping = {v: k for k, v in enumerate(levels)}
            codes[:, j] = x.map(mapping).astype(int).to_numpy()
            n_cat.append(len(levels))
            continue
        values_ = pd.to_numeric(x, errors="coerce")
        text = x.notna() & values_.isna()
        if text.any():
            row = x.index[text][0]
            raise DataError(
                f"Ordered column {col!r} holds text ({x[row]!r} in row {row}): an ordered "
                "item needs its answers as numbers 1…K (or an ordered pandas Categorical). "
                f"Recode it, e.g. data[{col!r}] = data[{col!r}].map({{'low': 1, 'high': 2}})."
            )
        v = values_.to_numpy(dtype=float)
        if np.any(np.isinf(v)) or np.any(v != np.round(v)):
            bad = v[np.isinf(v) | (v != np.round(v))][0]
            raise DataError(
                f"Ordered column {col!r} holds {bad!r}, not a whole number: ordered items "
                "are answer categories (1, 2, 3, …). Remove it from ordered= if it is a "
                "continuous measurement (then fit it by ML), or round / recode it into "
                "categories first."
            )
        levels = np.unique(v)
        if len(levels) < 2:
            raise DataError(
                f"Ordered column {col!r} has a single category ({levels[0]:g}) in the rows "
                "used: it has no thresholds and no correlation. Drop it from the model."
            )
        codes[:, j] = np.searchsorted(levels, v)
        n_cat.append(len(levels))
        if group is not None:
            for label, part in frame.groupby(group, sort=False):
                seen = set(np.unique(v[(frame[group] == label).to_numpy()]))
                empty = [lv for lv in levels if lv not in seen]
                if empty:
                    shown = ", ".join(f"{e:g}" for e in empty)
                    raise DataError(
                        f"Ordered column {col!r} has no answer in category {shown} in group "
                        f"{label!r} of column {group!r} ({len(part)} rows), so that group "
                        "cannot estimate its thresholds (lavaan stops here too). Merge the "
                        "empty category with its neighbour in every group, e.g. "
                        f"data[{col!r}] = data[{col!r}].clip(lower=2) when category 1 is "
                        "empty, or drop the item."
                    )
    return codes, n_cat


def continuous_values(frame: pd.DataFrame, columns: list[str], group: str | None) -> np.ndarray:
    """The values of the continuous variables of a WLSMV model (rows × columns); a clear
    DataError for text or a variable that does not vary (in a group).

    Examples
    --------
    >>> import pandas as pd
    >>> continuous_values(pd.DataFrame({"x": [1.5, 2.0, 4.25]}), ["x"], None)[:, 0].tolist()
    [1.5, 2.0, 4.25]
    """
    out = np.zeros((len(frame), len(columns)))
    for j, col in enumerate(columns):
        x = frame[col]
        values_ = pd.to_numeric(x, errors="coerce")
        text = x.notna() & values_.isna()
        if text.any():
            row = x.index[text][0]
            raise DataError(
                f"Column {col!r} holds text ({x[row]!r} in row {row}), but the model uses it "
                "as a continuous variable (it is not in ordered=). Recode it to numbers, or "
                "add it to ordered= if its values are ordered categories."
            )
        v = values_.to_numpy(dtype=float)
        parts = [v] if group is None else [v[(frame[group] == g).to_numpy()]
                                           for g in dict.fromkeys(frame[group])]  # fmt: skip
        if any(np.ptp(part) == 0 for part in parts):
            raise DataError(
                f"Continuous variable {col!r} takes a single value"
                + ("" if group is None else " in a group")
                + " in the rows used: it has no variance to correlate. Drop it from the model."
            )
        out[:, j] = v
    return out


def check_model(table: pd.DataFrame, items: list[str], observed: list[str]) -> None:
    """Refuse what WLSMV here cannot fit: continuous exogenous covariates (lavaan's
    ``conditional.x``), ordered predictors, intercept lines of ordered items
    (ModelSpecError). Continuous variables explained by the model (indicators, outcomes)
    are fitted with the ordered items.

    Examples
    --------
    >>> from cxlab.models.syntax import parse
    >>> table = parse("F =~ a + b + c\\nF ~ x", ["a", "b", "c", "x"])
    >>> try:
    ...     check_model(table, ["a", "b", "c"], ["a", "b", "c", "x"])
    ... except Exception as error:
    ...     print(str(error)[:37])
    Continuous variable(s) x only predict
    """
    others = [v for v in observed if v not in items]
    explained = set(table.loc[table.op == "=~", "rhs"]) | set(table.loc[table.op == "~", "lhs"])
    exogenous = [v for v in others if v not in explained]
    if exogenous:
        raise ModelSpecError(
            f"Continuous variable(s) {', '.join(exogenous)} only predict (right of ~) or are "
            "not explained by the model: exogenous covariates next to ordered items, which "
            "lavaan fits conditionally on them (conditional.x: probit regressions of the "
            "items on the covariates), are not supported yet. Make the covariate an "
            "indicator of a factor (e.g. 'AGE =~ age' with 'age ~~ 0*age') or fit the model "
            "by ML without ordered=."
        )
    predictors = set(table.loc[table.op == "~", "rhs"]) & set(items)
    if predictors:
        raise ModelSpecError(
            f"Ordered variable(s) {', '.join(sorted(predictors))} predict other variables "
            "(right of ~): ordered predictors are not supported. Use them as indicators of "
            "a factor, or as numeric covariates in an ML model."
        )
    user_means = table[(table.op == "~1") & table.user & table.lhs.isin(items)]
    if len(user_means):
        raise ModelSpecError(
            f"'{user_means.lhs.iloc[0]} ~ 1': an ordered item has no intercept to estimate "
            "(it is fixed at 0; its thresholds take its place). Remove the line."
        )


def check_identification(
    identification: str, group_equal: tuple[str, ...] | list[str], std_lv: bool
) -> bool:
    """True for Wu & Estabrook (2016) (``"wu.estabrook.2016"``, any case, ``_`` for
    ``.``), False for ``"lavaan"``; checks the former's group_equal (nested levels) and
    std_lv (ModelSpecError).

    Examples
    --------
    >>> check_identification("Wu.Estabrook.2016", ("thresholds",), std_lv=True)
    True
    >>> check_identification("lavaan", ("thresholds", "loadings"), std_lv=False)
    False
    """
    key = str(identification).lower().replace("_", ".")
    if key == "lavaan":
        return False
    if key != "wu.estabrook.2016":
        raise ModelSpecError(
            f"identification={identification!r}: choose 'lavaan' (lavaan's defaults for "
            "group.equal) or 'wu.estabrook.2016' (semTools' measEq.syntax(ID.cat = "
            "'Wu.Estabrook.2016'))."
        )
    if not std_lv:
        raise ModelSpecError(
            "identification='wu.estabrook.2016' identifies the factors by their variances "
            "(semTools' ID.fac = 'std.lv', which semTools recommends for ordered items): "
            "pass std_lv=True."
        )
    steps = ("thresholds", "loadings", "intercepts")
    for k in range(1, 3):
        if steps[k] in group_equal and steps[k - 1] not in group_equal:
            raise ModelSpecError(
                f"group_equal={tuple(group_equal)!r} with identification='wu.estabrook.2016': "
                f"'{steps[k]}' needs '{steps[k - 1]}' equal too (the levels are nested: "
                "thresholds, then loadings, then intercepts)."
            )
    return True
