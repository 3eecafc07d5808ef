"""Errors raised by cxlab.

Every error cxlab raises on purpose is a :class:`CxlabError`, so a notebook or a
script can catch them all at once. Each message says *what* was wrong (which file,
column or row), *what was expected*, and *how to fix it* — never a raw numpy or
semopy traceback.

Examples
--------
>>> import cxlab as cx
>>> try:
...     cx.datasets.load("nope")
... except cx.errors.DatasetNotFoundError as err:
...     print(type(err).__name__)
DatasetNotFoundError
"""

from __future__ import annotations

__all__ = [
    "CxlabError",
    "DataError",
    "DatasetNotFoundError",
    "EstimationError",
    "ExerciseError",
    "InadmissibleSolutionError",
    "ModelSpecError",
]


class CxlabError(Exception):
    """Base class of every error cxlab raises deliberately.

    ``zh`` optionally carries the same message in Chinese, for the apps and pages that
    speak Chinese (``lang="zh"``); ``str(error)`` is always the English message.

    Examples
    --------
    >>> from cxlab.errors import DataError
    >>> err = DataError("n must be at least 1.", zh="n 至少为 1。")
    >>> str(err), err.zh
    ('n must be at least 1.', 'n 至少为 1。')
    """

    def __init__(self, *args: object, zh: str | None = None) -> None:
        super().__init__(*args)
        self.zh = zh


class DataError(CxlabError, ValueError):
    """Input data are missing, malformed, or out of the expected range.

    The message names the file, column or rows concerned and how to fix them.
    """


class DatasetNotFoundError(CxlabError, KeyError):
    """A bundled dataset name is unknown; the message lists the available names."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class ModelSpecError(CxlabError, ValueError):
    """A model specification (lavaan syntax) cannot be used as written."""


class EstimationError(CxlabError, RuntimeError):
    """An estimator failed or did not converge."""


class InadmissibleSolutionError(EstimationError):
    """An estimate exists but is impossible (e.g. a negative variance or a
    standardized coefficient beyond ±1); it must not be reported as a result."""


class ExerciseError(CxlabError, KeyError):
    """An exercise id is unknown; the message lists the ids of that lesson."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
