"""The reports a :class:`~cxlab.survey.Survey` returns: validation and missing data
(private; re-exported by :mod:`cxlab.survey`).

Examples
--------
>>> import pandas as pd
>>> from cxlab.survey import Survey
>>> Survey(pd.DataFrame({"q1": [1, None]})).missing_report().to_frame().shape[0]
1
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from html import escape
from typing import Any

import pandas as pd

from cxlab.errors import DataError


@dataclass
class ValidationReport:
    """Problems found by :meth:`Survey.validate`: one row per problem (``to_frame()``).

    Columns: severity ("error" / "warning"), check, column, count, ids, message. No
    ``plot()``: a list of problems has nothing to draw.
    """

    problems: pd.DataFrame
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when no errors were found (warnings allowed)."""
        return not (self.problems["severity"] == "error").any()

    @property
    def errors(self) -> pd.DataFrame:
        """The rows of severity "error"."""
        return self.problems[self.problems["severity"] == "error"].reset_index(drop=True)

    def raise_for_errors(self) -> None:
        """Raise :class:`~cxlab.errors.DataError` listing every error, if there is one.

        Examples
        --------
        >>> from cxlab.survey import Survey
        >>> data = pd.DataFrame({"id": [1, 2], "q1": [5, 8]})
        >>> cb = pd.DataFrame({"name": ["q1"], "scale_min": [1], "scale_max": [7]})
        >>> Survey(data, cb, id_column="id").validate().raise_for_errors()
        Traceback (most recent call last):
        ...
        cxlab.errors.DataError: The survey data failed validation:
        - q1: 1 answer outside the scale 1–7 (values 8), respondent id 2.
        """
        if not self.ok:
            where = f" in {self.source}" if self.source else ""
            lines = "\n".join(f"- {m}" for m in self.errors["message"])
            raise DataError(f"The survey data{where} failed validation:\n{lines}")

    def summary(self) -> str:
        """One line per problem, e.g. ``Survey(pd.DataFrame({"q1": [1]})).validate()``:

        >>> from cxlab.survey import Survey

        >>> Survey(pd.DataFrame({"q1": [1]})).validate().summary()
        'ValidationReport: no problems found.'
        """
        return repr(self)

    def to_frame(self) -> pd.DataFrame:
        """The problems, one row each (``problems``).

        >>> from cxlab.survey import Survey

        >>> Survey(pd.DataFrame({"q1": [1]})).validate().to_frame().empty
        True
        """
        return self.problems

    def __repr__(self) -> str:
        if self.problems.empty:
            return "ValidationReport: no problems found."
        lines = [f"[{r.severity}] {r.message}" for r in self.problems.itertuples()]
        return "ValidationReport:\n" + "\n".join(lines)

    def _repr_html_(self) -> str:
        if self.problems.empty:
            return "<p>Validation: no problems found.</p>"
        table = self.problems[["severity", "check", "column", "count", "message"]]
        return "<p><b>Validation</b></p>" + table.to_html(index=False)


class _Totals(dict):
    """``MissingReport.summary``: ``summary()`` is the text; ``summary[key]`` (the dict of
    cxlab ≤ 0.1) warns and reads ``totals`` until cxlab 0.3."""

    def __call__(self) -> str:
        return repr(self.report)

    def __getitem__(self, key: Any) -> Any:
        msg = "MissingReport.summary[...] is MissingReport.totals[...] since cxlab 0.2"
        warnings.warn(msg + "; the old name goes in 0.3.", DeprecationWarning, stacklevel=2)
        return super().__getitem__(key)


@dataclass
class MissingReport:
    """Missing answers by item (``to_frame()``) and by respondent, and ``totals``
    (missing_share, complete_share, worst_item, worst_item_share; called ``summary``
    until cxlab 0.2). No ``plot()``: the lessons draw ``by_item`` their own way."""

    by_item: pd.DataFrame
    by_respondent: pd.DataFrame
    totals: dict[str, float]

    @property
    def summary(self) -> _Totals:
        """``summary()``: the text (``summary[key]``, the old dict, warns: use ``totals``)."""
        (out := _Totals(self.totals)).report = self
        return out

    def to_frame(self) -> pd.DataFrame:
        """Missing answers by item (``by_item``): item, n_missing, share.

        >>> from cxlab.survey import Survey

        >>> Survey(pd.DataFrame({"q": [1, None]})).missing_report().to_frame()["share"][0]
        np.float64(0.5)
        """
        return self.by_item

    def _repr_html_(self) -> str:
        return f"<p><b>{escape(repr(self))}</b></p>" + self.by_item.to_html(index=False)

    def __repr__(self) -> str:
        s = self.totals
        return (
            f"MissingReport: {s['missing_share']:.1%} of answers missing; "
            f"{s['complete_share']:.1%} of respondents complete; worst item "
            f"{s['worst_item']} ({s['worst_item_share']:.1%})."
        )
