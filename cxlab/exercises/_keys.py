"""Reference answers, for instructors and the test suite only (not on the public face of
:mod:`cxlab.exercises`: participants check answers with ``cx.check``, they do not print
the keys). ``cxlab start --instructor`` hands out the solution notebooks.

Examples
--------
>>> from cxlab.exercises._keys import solution
>>> solution("00.sum")
12
"""

from __future__ import annotations

from typing import Any

from cxlab.exercises.registry import exercise

__all__ = ["solution"]


def solution(exercise_id: str) -> Any:
    """The reference answer of an exercise (for instructors and the tests).

    Examples
    --------
    >>> from cxlab.exercises._keys import solution
    >>> solution("00.sum")
    12
    """
    return exercise(exercise_id)._reference()
