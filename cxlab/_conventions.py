"""cxlab's shared conventions for inputs and results (private; used by every topic).

- :func:`as_frame` — every ``data=`` takes a DataFrame or a :class:`~cxlab.survey.Survey`;
- :func:`renamed_columns` — a result table under cxlab's one column vocabulary
  (``est, se, z, pvalue, ci_low, ci_high, std_all``; ``lhs/op/rhs`` for model parameters)
  that still answers to its old column names for one release, with a DeprecationWarning;
- :func:`deprecated` — the same for an old method or parameter name.

Examples
--------
>>> import pandas as pd
>>> from cxlab._conventions import as_frame, renamed_columns
>>> as_frame(pd.DataFrame({"q1": [1, 2]})).shape
(2, 1)
>>> table = renamed_columns(pd.DataFrame({"est": [0.5], "ci_low": [0.1]}), {"ci.lower": "ci_low"})
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     value = table["ci.lower"].iloc[0]
>>> value, caught[0].category.__name__
(np.float64(0.1), 'DeprecationWarning')
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from cxlab.errors import DataError

#: the one column vocabulary of cxlab's result tables
COLUMNS = ("est", "se", "z", "pvalue", "ci_low", "ci_high", "std_all", "lhs", "op", "rhs")

#: old column names of results (cxlab ≤ 0.1) and their names now
OLD_COLUMNS = {
    "ci.lower": "ci_low",
    "ci.upper": "ci_high",
    "std.all": "std_all",
    "std.se": "std_se",
    "std.ci.lower": "std_ci_low",
    "std.ci.upper": "std_ci_high",
    "p_value": "pvalue",
    "boot_se": "se",
    "mc_se": "se",
    "coef": "est",
    "estimate": "est",
    "from": "lhs",
    "to": "rhs",
}


def as_frame(data: Any, *, what: str = "data") -> pd.DataFrame:
    """The DataFrame behind *data*: a DataFrame as it is, a Survey's ``.data``.

    Anything else is a :class:`~cxlab.errors.DataError` that names what was passed.

    Examples
    --------
    >>> import cxlab as cx
    >>> from cxlab._conventions import as_frame
    >>> survey = cx.datasets.survey("hotel_4e")
    >>> as_frame(survey).shape == cx.datasets.load("hotel_4e").shape
    True
    """
    if isinstance(data, pd.DataFrame):
        return data
    from cxlab.survey import Survey

    if isinstance(data, Survey):
        return data.data
    raise DataError(
        f"{what} must be a pandas DataFrame or a cxlab Survey, not {type(data).__name__}. "
        "Read a file with cx.io.read_survey(path) or pandas.read_csv(path) first."
    )


def numeric_columns(
    data: pd.DataFrame, columns: list[str], *, noun: str = "Column"
) -> pd.DataFrame:
    """*columns* of *data* as floats; a DataError names the column and rows holding text
    or an infinite value (SEM and PLS read their items through this).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> numeric_columns(pd.DataFrame({"q": ["1", 2]}), ["q"])["q"].tolist()
    [1.0, 2.0]
    >>> try:
    ...     numeric_columns(pd.DataFrame({"q": [1.0, np.inf]}), ["q"], noun="Item")
    ... except DataError as err:
    ...     print(str(err)[:52])
    Item 'q' holds 1 infinite value(s) (inf in row 1); e
    """
    frame = pd.DataFrame(index=data.index)
    for col in columns:
        values = pd.to_numeric(data[col], errors="coerce")
        text = data[col].notna() & values.isna()
        if text.any():
            rows = list(data.index[text])
            raise DataError(
                f"{noun} {col!r} holds text where numbers are expected (e.g. "
                f"{data.loc[rows[0], col]!r} in row{'s' if len(rows) > 1 else ''} "
                f"{_rows(rows)}); recode it first."
            )
        frame[col] = values.astype(float)
        infinite = np.isinf(frame[col].to_numpy())
        if infinite.any():
            rows = list(data.index[infinite])
            raise DataError(
                f"{noun} {col!r} holds {len(rows)} infinite value(s) "
                f"({frame[col][infinite].iloc[0]:g} in row{'s' if len(rows) > 1 else ''} "
                f"{_rows(rows)}); expected finite numbers. An inf usually comes from a division "
                "by zero or a bad import: recode it, or set it to NaN "
                "(data[col].replace([np.inf, -np.inf], np.nan)) and treat it as missing."
            )
    return frame


def _rows(rows: list[Any], shown: int = 5) -> str:
    more = f" and {len(rows) - shown} more" if len(rows) > shown else ""
    return ", ".join(map(str, rows[:shown])) + more


class _RenamedSeries(pd.Series):
    """A row of a renamed table (``iloc``, ``iterrows``): old labels answer too."""

    _metadata: ClassVar[list[str]] = ["_old_names"]

    @property
    def _constructor(self) -> type[_RenamedSeries]:
        return _RenamedSeries

    @property
    def _constructor_expanddim(self) -> type[_RenamedFrame]:
        return _RenamedFrame

    def __getitem__(self, key: Any) -> Any:
        old = getattr(self, "_old_names", None) or {}
        if isinstance(key, str) and key in old and key not in self.index:
            _warn_column(key, old[key])
            key = old[key]
        return super().__getitem__(key)


class _RenamedFrame(pd.DataFrame):
    """A DataFrame that maps old column names to new ones on ``frame[...]`` (warning)."""

    _metadata: ClassVar[list[str]] = ["_old_names"]

    @property
    def _constructor(self) -> type[_RenamedFrame]:
        return _RenamedFrame

    @property
    def _constructor_sliced(self) -> type[_RenamedSeries]:
        return _RenamedSeries

    def _translate(self, key: Any) -> Any:
        old = getattr(self, "_old_names", None) or {}
        if isinstance(key, str) and key not in self.columns and key in old:
            _warn_column(key, old[key])
            return old[key]
        if isinstance(key, list) and any(
            isinstance(k, str) and k not in self.columns and k in old for k in key
        ):
            return [self._translate(k) if isinstance(k, str) else k for k in key]
        return key

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self._translate(key))


def _warn_column(old: str, new: str) -> None:
    warnings.warn(
        f"column {old!r} is called {new!r} since cxlab 0.2 (one column vocabulary: est, se, z, "
        "pvalue, ci_low, ci_high, std_all; lhs/op/rhs); the old name goes in 0.3.",
        DeprecationWarning,
        stacklevel=3,
    )


def renamed_columns(frame: pd.DataFrame, old: Mapping[str, str] | None = None) -> pd.DataFrame:
    """*frame* (already under the new names) answering to the *old* names too, for one
    release: ``frame["ci.lower"]`` warns and returns ``frame["ci_low"]``. Only old names
    whose new name is a column are kept.

    Examples
    --------
    >>> import pandas as pd
    >>> t = renamed_columns(pd.DataFrame({"pvalue": [0.04]}))
    >>> list(t.columns), type(t).__name__
    (['pvalue'], '_RenamedFrame')
    """
    names = {k: v for k, v in (old or OLD_COLUMNS).items() if v in frame.columns}
    out = _RenamedFrame(frame)
    out._old_names = names
    out.attrs = dict(frame.attrs)
    return out


def deprecated(old: str, new: str) -> None:
    """Warn that *old* (a method, function or parameter) is now *new*.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     deprecated("BootstrapResult.report()", "BootstrapResult.summary()")
    >>> "summary()" in str(caught[0].message)
    True
    """
    warnings.warn(
        f"{old} is {new} since cxlab 0.2; the old name goes in 0.3.",
        DeprecationWarning,
        stacklevel=3,
    )


class Wording:
    """The words of a subpackage's ``summary()`` texts in English and Chinese.

    *text* maps a language to its templates (same keys and fields in both, so one piece of
    code formats the numbers for either language; a ``"sep"`` entry joins lists); *labels*
    and *patterns* give the Chinese wording of labels a result stores in English. ``lang``
    ``None`` means the notebook's language (:func:`cxlab.viz.language`).

    Examples
    --------
    >>> w = Wording({"en": {"sep": ", ", "hi": "hello"}, "zh": {"sep": "、", "hi": "你好"}},
    ...             labels={"all": "全部"}, patterns=[(re.compile(r"(\\d+) rows"), "{0} 行")])
    >>> w.words("zh")["hi"], w.translate("12 rows", "zh"), w.join(["a", "b"], "zh")
    ('你好', '12 行', 'a、b')
    >>> w.translate("all", "en")
    'all'
    """

    def __init__(
        self,
        text: Mapping[str, Mapping[str, Any]],
        labels: Mapping[str, str] | None = None,
        patterns: Sequence[tuple[re.Pattern[str], str]] = (),
    ) -> None:
        self.text = text
        self.labels = dict(labels or {})
        self.patterns = list(patterns)

    def resolve(self, lang: str | None) -> str:
        """*lang*, or the notebook's language when it is ``None``; ValueError if unknown.

        >>> Wording({"en": {}, "zh": {}}).resolve("zh")
        'zh'
        """
        from cxlab.viz import language  # matplotlib loads only when a summary is written

        lang = lang or language()
        if lang not in self.text:
            raise ValueError(f"lang must be 'en' or 'zh', not {lang!r}")
        return lang

    def words(self, lang: str | None) -> Mapping[str, Any]:
        """The templates of *lang*.

        >>> Wording({"en": {"x": "yes"}, "zh": {"x": "是"}}).words("zh")["x"]
        '是'
        """
        return self.text[self.resolve(lang)]

    def translate(self, label: Any, lang: str | None) -> str:
        """*label* (stored in English) in *lang*; unchanged when unknown or English.

        >>> Wording({"en": {}, "zh": {}}, labels={"all": "全部"}).translate("all", "zh")
        '全部'
        """
        text = str(label)
        if self.resolve(lang) == "en":
            return text
        if text in self.labels:
            return self.labels[text]
        for pattern, template in self.patterns:
            found = pattern.fullmatch(text)
            if found:
                return template.format(*found.groups())
        return text

    def join(self, names: Iterable[Any], lang: str | None) -> str:
        """*names* joined with the language's separator (``", "`` or ``"、"``).

        >>> Wording({"en": {"sep": ", "}, "zh": {"sep": "、"}}).join([1, 2], "en")
        '1, 2'
        """
        return self.words(lang)["sep"].join(map(str, names))
