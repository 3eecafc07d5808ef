"""Exercises with instant feedback: ``check(exercise_id, answer)``.

A lesson poses an exercise in a cell such as::

    answer = None          # ← replace None with your answer
    cx.check("01.realms", answer)

``check`` prints ✓ (with a short explanation) or ✗ (with a hint) and returns a
:class:`Feedback` whose truth value is whether the answer was right. While the
answer is still ``None`` it prints "not answered yet" and never raises, so a
participant's untouched notebook runs from top to bottom (and passes nbval).

Each exercise keeps its reference solution as a function, computed from the data
rather than typed in, and a typical wrong answer; the test suite feeds every
registered exercise both and asserts accept and reject.

Examples
--------
>>> import cxlab as cx
>>> fb = cx.check("00.sum", None)
⏳ 00.sum: not answered yet — replace None with your answer and run the cell again.
>>> bool(cx.check("00.sum", 12))
✓ 00.sum: correct. 3 + 4 + 5 = 12.
True
"""

from __future__ import annotations

from cxlab.exercises.feedback import (
    Feedback,
    check,
    forget_attempts,
    self_assessment,
    worked_solution,
)
from cxlab.exercises.registry import (
    Exercise,
    all_exercises,
    exercise,
    list_exercises,
    register,
)

__all__ = [
    "Exercise",
    "Feedback",
    "all_exercises",
    "check",
    "exercise",
    "forget_attempts",
    "list_exercises",
    "register",
    "self_assessment",
    "worked_solution",
]
