"""The registry of exercises: :class:`Exercise`, :func:`register` (called by the lesson
and case modules of :mod:`cxlab.exercises` when they are imported), and look-ups.

Examples
--------
>>> from cxlab.exercises.registry import exercise
>>> exercise("00.sum").kind
'number'
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from cxlab.errors import ExerciseError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Exercise", "Kind", "all_exercises", "exercise", "list_exercises", "register"]

Kind = Literal["number", "choice", "set", "text", "custom"]

#: the package whose ``lessonNN`` / ``case_*`` modules register exercises
_PACKAGE = __name__.rpartition(".")[0]


def _lesson_modules() -> list[str]:
    """Modules that register exercises: ``cxlab/exercises/lessonNN.py`` (and cases)."""
    return sorted(
        f"{_PACKAGE}.{m.name}"
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
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
        It is kept private (not an attribute of the exercise): :func:`cxlab.exercises.check`
        uses it, and only the instructors' keys print it.
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
    prompt_zh, hint_zh, explanation_zh : str
        The same in Chinese, shown when the notebook's language is Chinese
        (``cx.viz.set_theme(lang="zh")``); an empty one falls back to the English.
    worked, worked_zh : str
        The worked solution (the steps, with the code that computes the answer), shown by
        ``cx.check(..., show_solution=True)`` once the participant has tried, and folded
        into the instructors' keys.
    synonyms : dict
        Other ways to say an answer (either language) → the canonical word. Yes/no
        (是/否, 对/错 …) and option letters ("(a)", "A)", "选A" …) are understood everywhere.
    """

    id: str
    prompt: str
    solution: InitVar[Callable[[], Any]]
    wrong: Callable[[], Any]
    kind: Kind = "number"
    hint: str = ""
    explanation: str = ""
    tol: float = 0.0
    rel_tol: float = 0.0
    synonyms: dict[str, str] = field(default_factory=dict)
    checker: Callable[[Any, Any], bool] | None = None
    prompt_zh: str = ""
    hint_zh: str = ""
    explanation_zh: str = ""
    worked: str = ""
    worked_zh: str = ""
    _reference: Callable[[], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self, solution: Callable[[], Any]) -> None:
        object.__setattr__(self, "_reference", solution)

    @property
    def lesson(self) -> str:
        return self.id.split(".", 1)[0]


def register(ex: Exercise) -> Exercise:
    """Add *ex* to the registry (lesson modules call this at import)."""
    if ex.id in _REGISTRY and _REGISTRY[ex.id] is not ex:
        raise ValueError(f"exercise id {ex.id!r} is registered twice")
    _REGISTRY[ex.id] = ex
    return ex


def all_exercises() -> dict[str, Exercise]:
    """Every registered exercise by id (the lesson and case modules are imported first).

    Examples
    --------
    >>> from cxlab.exercises import all_exercises
    >>> registry = all_exercises()
    >>> "00.sum" in registry, registry["00.sum"].lesson
    (True, '00')
    """
    for mod in _lesson_modules():
        importlib.import_module(mod)
    return _REGISTRY


def exercise(exercise_id: str) -> Exercise:
    """The registered exercise *exercise_id*; unknown ids list the lesson's ids."""
    registry = all_exercises()
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
        for ex in sorted(all_exercises().values(), key=lambda e: e.id)
        if lesson is None or ex.lesson == lesson
    ]
    return pd.DataFrame(rows, columns=["id", "lesson", "kind", "prompt"])
