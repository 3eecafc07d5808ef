"""The instructors' key of the lesson exercises (notebooks/instructor/lesson_solutions.ipynb
and its Chinese twin) is generated from the exercise registry by
scripts/lesson_solutions.py: it must be up to date, fold every solution, and hold every
lesson exercise."""

from __future__ import annotations

import importlib.util
import json

import pytest

import cxlab as cx


@pytest.fixture(scope="module")
def script(root):
    spec = importlib.util.spec_from_file_location(
        "lesson_solutions", root / "scripts" / "lesson_solutions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_key_is_generated_from_the_registry(script, lang):
    committed = json.loads(script.target(lang).read_text(encoding="utf-8"))
    expected = script.build(lang)
    shape = [(c["cell_type"], "".join(c["source"])) for c in committed["cells"]]
    assert shape == [(c["cell_type"], "".join(c["source"])) for c in expected["cells"]], (
        "out of date: run python scripts/lesson_solutions.py and scripts/run_notebooks.py on it"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_lesson_exercise_is_there_folded(script, lang):
    text = "\n".join("".join(c["source"]) for c in script.build(lang)["cells"])
    lessons = [e for e in cx.exercises.all_exercises().values() if e.lesson[:2].isdigit()]
    assert len(lessons) >= 100
    for ex in lessons:
        assert f"**{ex.id}**" in text
        assert (ex.worked_zh if lang == "zh" else ex.worked) in text
    assert text.count("<details>") == text.count("</details>") == len(lessons)
