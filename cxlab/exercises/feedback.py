"""Checking an answer: :func:`check` compares it with the exercise's reference solution
and prints ✓ (with an explanation) or ✗ (with a hint); :class:`Feedback` is the outcome.

Examples
--------
>>> from cxlab.exercises.feedback import check
>>> feedback = check("00.sum", 11)  # doctest: +ELLIPSIS
✗ 00.sum: not quite. Your number is too low. Hint: Add the three numbers; ...
>>> feedback.correct
False
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cxlab.exercises.registry import Exercise, exercise

__all__ = ["Feedback", "check"]


@dataclass(frozen=True)
class Feedback:
    """The outcome of :func:`check`: ``correct`` is True, False, or None (unanswered)."""

    exercise_id: str
    correct: bool | None
    message: str

    def __bool__(self) -> bool:
        return bool(self.correct)

    def __repr__(self) -> str:
        return self.message

    def _ipython_display_(self) -> None:  # already printed by check(); show nothing twice
        return None


def _norm(text: Any) -> str:
    return " ".join(str(text).strip().lower().replace("-", " ").replace("_", " ").split())


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _canon(ex: Exercise, word: Any) -> str:
    w = _norm(word)
    return _norm(ex.synonyms.get(w, w))


def _compare(ex: Exercise, answer: Any, reference: Any) -> tuple[bool, str]:
    """Return (correct, extra hint)."""
    if ex.kind == "number":
        value = _as_number(answer)
        if value is None:
            return False, f"Expected a single number, got {type(answer).__name__} {answer!r}."
        ok = math.isclose(value, float(reference), rel_tol=ex.rel_tol, abs_tol=ex.tol)
        if ok:
            return True, ""
        return False, "Your number is too high." if value > reference else "Your number is too low."
    if ex.kind in ("choice", "text"):
        if not isinstance(answer, str | int):
            return False, f"Expected a word or letter in quotes, got {type(answer).__name__}."
        return _canon(ex, answer) == _canon(ex, reference), ""
    if ex.kind == "set":
        if isinstance(answer, str) or not isinstance(answer, Iterable):
            return False, "Expected a list of words, e.g. ['a', 'b']."
        given = {_canon(ex, a) for a in answer}
        wanted = {_canon(ex, r) for r in reference}
        if given == wanted:
            return True, ""
        missing, extra = len(wanted - given), len(given - wanted)
        return False, f"{missing} missing and {extra} that do not belong."
    if ex.checker is None:
        raise ValueError(f"exercise {ex.id} of kind 'custom' needs a checker")
    try:
        return bool(ex.checker(answer, reference)), ""
    except Exception as exc:  # a participant's odd answer must never crash the lesson
        return False, f"Your answer could not be checked ({type(exc).__name__}: {exc})."


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check *answer* to exercise *exercise_id*, print feedback, return a Feedback.

    Never raises for a wrong or missing answer; raises :class:`~cxlab.errors.ExerciseError`
    only for an unknown exercise id.
    """
    ex = exercise(exercise_id)
    if answer is None:
        msg = (
            f"⏳ {ex.id}: not answered yet — replace None with your answer and run the cell again."
        )
        correct: bool | None = None
    else:
        correct, extra = _compare(ex, answer, ex._reference())
        if correct:
            msg = f"✓ {ex.id}: correct." + (f" {ex.explanation}" if ex.explanation else "")
        else:
            parts = [f"✗ {ex.id}: not quite.", extra, f"Hint: {ex.hint}" if ex.hint else ""]
            msg = " ".join(p for p in parts if p)
    print(msg)
    return Feedback(ex.id, correct, msg)
