"""Worked solutions (issue 19, item 5): a participant opens one with
``cx.check(id, answer, show_solution=True)`` after a first answer, in the notebook's
language; every exercise of a lesson not listed in PENDING has one in both languages."""

from __future__ import annotations

import re

import pytest

import cxlab as cx
from cxlab.exercises import all_exercises, worked_solution
from cxlab.exercises import feedback as fb

#: lessons whose exercises do not have worked solutions yet. Empty: every exercise has one.
#: A new lesson may be listed here while its worked solutions are being written.
PENDING: set[str] = set()
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(fb, "_TRIED", set())


def test_the_solution_opens_only_after_a_first_answer(capsys):
    cx.check("00.sum", None, lang="en", show_solution=True)
    assert "Try it first" in capsys.readouterr().out
    cx.check("00.sum", 11, lang="en", show_solution=True)
    out = capsys.readouterr().out
    assert "✗" in out and "Worked solution of 00.sum" in out and "3 + 4 + 5" in out


def test_the_solution_speaks_the_notebook_language(capsys):
    cx.check("00.sum", 12, lang="zh", show_solution=True)
    out = capsys.readouterr().out
    assert "完整解答" in out and "相加" in out
    assert worked_solution("00.sum", lang="zh") != worked_solution("00.sum", lang="en")


def test_without_show_solution_nothing_more_is_printed(capsys):
    cx.check("00.sum", 11, lang="en")
    assert "Worked solution" not in capsys.readouterr().out


def test_every_exercise_has_a_worked_solution_in_both_languages():
    exercises = list(all_exercises().values())
    assert {ex.lesson for ex in exercises} >= PENDING, "PENDING names an unknown lesson"
    missing, no_code, code_differs = [], [], []
    for ex in exercises:
        if ex.lesson in PENDING:
            continue
        if not ex.worked.strip() or not CJK.search(ex.worked_zh):
            missing.append(ex.id)
        elif "`" not in ex.worked or "`" not in ex.worked_zh:
            no_code.append(ex.id)  # a worked solution shows the code that gives the answer
        elif ex.worked.count("```python") != ex.worked_zh.count("```python"):
            code_differs.append(ex.id)
    assert missing == [], f"no worked solution (en and zh): {missing}"
    assert no_code == [], f"worked solutions without code: {no_code}"
    assert code_differs == [], f"en and zh differ in their number of code blocks: {code_differs}"


def test_pending_lists_only_lessons_that_still_lack_worked_solutions():
    lessons = {ex.lesson for ex in all_exercises().values()}
    done = {
        lesson for lesson in lessons
        if all(ex.worked and ex.worked_zh for ex in all_exercises().values() if ex.lesson == lesson)
    }  # fmt: skip
    assert not (PENDING & done), f"remove from PENDING: {sorted(PENDING & done)}"
