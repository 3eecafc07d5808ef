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

import importlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cxlab.errors import ExerciseError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Exercise", "Feedback", "check", "exercise", "list_exercises", "register", "solution"]

Kind = Literal["number", "choice", "set", "text", "custom"]


def _lesson_modules() -> list[str]:
    """Modules that register exercises: ``cxlab/exercises/lessonNN.py`` (and cases)."""
    import pkgutil

    return sorted(
        f"{__name__}.{m.name}"
        for m in pkgutil.iter_modules(__path__)
        if m.name.startswith(("lesson", "case"))
    )


_REGISTRY: dict[str, Exercise] = {}


@dataclass(frozen=True)
class Exercise:
    """One exercise.

    Parameters
    ----------
    id : str
        ``"<lesson>.<name>"``, e.g. ``"01.realms"``.
    prompt : str
        The question as the lesson asks it (one line).
    solution : callable
        Returns the reference answer (computed, not typed in, where data are involved).
    wrong : callable
        Returns a typical wrong answer; used by the tests to prove rejection.
    kind : {"number", "choice", "set", "text", "custom"}
        How an answer is compared: a number within ``tol`` (absolute) or ``rel_tol``;
        one option letter / word; a set of words (order free); a word among
        ``synonyms``; or ``checker(answer, reference)``.
    hint : str
        Shown after a wrong answer.
    explanation : str
        Shown after a right answer.
    """

    id: str
    prompt: str
    solution: Callable[[], Any]
    wrong: Callable[[], Any]
    kind: Kind = "number"
    hint: str = ""
    explanation: str = ""
    tol: float = 0.0
    rel_tol: float = 0.0
    synonyms: dict[str, str] = field(default_factory=dict)
    checker: Callable[[Any, Any], bool] | None = None

    @property
    def lesson(self) -> str:
        return self.id.split(".", 1)[0]


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


def register(ex: Exercise) -> Exercise:
    """Add *ex* to the registry (lesson modules call this at import)."""
    if ex.id in _REGISTRY and _REGISTRY[ex.id] is not ex:
        raise ValueError(f"exercise id {ex.id!r} is registered twice")
    _REGISTRY[ex.id] = ex
    return ex


def _load_all() -> dict[str, Exercise]:
    for mod in _lesson_modules():
        importlib.import_module(mod)
    return _REGISTRY


def exercise(exercise_id: str) -> Exercise:
    """The registered exercise *exercise_id*; unknown ids list the lesson's ids."""
    registry = _load_all()
    if exercise_id not in registry:
        lesson = str(exercise_id).split(".", 1)[0]
        same = sorted(k for k in registry if k.startswith(lesson + "."))
        known = same or sorted(registry)
        raise ExerciseError(
            f"No exercise {exercise_id!r}. Known exercise ids"
            f"{' of lesson ' + lesson if same else ''}: {', '.join(known)}."
        )
    return registry[exercise_id]


def list_exercises(lesson: str | None = None) -> pd.DataFrame:
    """A DataFrame of exercises (id, lesson, kind, prompt), optionally for one lesson."""
    import pandas as pd

    rows = [
        {"id": ex.id, "lesson": ex.lesson, "kind": ex.kind, "prompt": ex.prompt}
        for ex in sorted(_load_all().values(), key=lambda e: e.id)
        if lesson is None or ex.lesson == lesson
    ]
    return pd.DataFrame(rows, columns=["id", "lesson", "kind", "prompt"])


def solution(exercise_id: str) -> Any:
    """The reference answer of an exercise (for instructors and the tests)."""
    return exercise(exercise_id).solution()


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
        correct, extra = _compare(ex, answer, ex.solution())
        if correct:
            msg = f"✓ {ex.id}: correct." + (f" {ex.explanation}" if ex.explanation else "")
        else:
            parts = [f"✗ {ex.id}: not quite.", extra, f"Hint: {ex.hint}" if ex.hint else ""]
            msg = " ".join(p for p in parts if p)
    print(msg)
    return Feedback(ex.id, correct, msg)
