"""Structure of the case studies (notebooks/cases/) and their solution keys
(notebooks/instructor/*_solutions.ipynb): nbval runs both; this checks the form.

- each case has its brief, data, guided tasks, open questions, a memo template and a
  section on what the data can and cannot say;
- every checked task is registered, left unanswered in the participant's notebook, and
  no participant output shows a passed check;
- the solution key passes every one of the case's checks (its stored outputs show ✓,
  and nbval re-runs them), so the instructor's solutions and cx.check agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import cxlab as cx

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "notebooks" / "cases").glob("*.ipynb"))
SECTIONS = [
    "## Business brief",
    "## Data and codebook",
    "## Guided tasks",
    "## Open questions",
    "## Memo to management",
    "## What the data can and cannot say",
]
UNANSWERED = re.compile(r"""cx\.check\(\s*["']([\w.]+)["']\s*,\s*answer\s*\)""")
SOLVED = re.compile(r"""cx\.check\(\s*["']([\w.]+)["']\s*,""")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _key(path: Path) -> Path:
    return ROOT / "notebooks" / "instructor" / f"{path.stem}_solutions.ipynb"


def _text(outputs) -> str:
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        elif "data" in o:
            parts.append(o["data"].get("text/plain", ""))
    return "".join(parts)


def test_three_cases_exist():
    assert {p.stem for p in CASES} >= {
        "hotel_experience",
        "airline_moments_of_truth",
        "retail_omnichannel",
    }


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_case_sections_in_order(path):
    headings = [
        line.strip()
        for cell in _read(path).cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]
    positions = [headings.index(h) if h in headings else -1 for h in SECTIONS]
    assert -1 not in positions, [h for h, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert positions == sorted(positions), headings


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_participant_notebook_leaves_every_check_unanswered(path):
    nb = _read(path)
    ids = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        ids += UNANSWERED.findall(cell.source)
        assert "answer = None" in cell.source or not UNANSWERED.search(cell.source)
        assert "✓" not in _text(cell.get("outputs", [])), "a solved check in the case notebook"
    assert len(ids) >= 5, "each case has at least five checked tasks"
    registered = set(cx.exercises.all_exercises())
    assert set(ids) <= registered, set(ids) - registered


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_solution_key_passes_every_check(path):
    key = _key(path)
    assert key.exists(), f"no solution key {key.name} in notebooks/instructor/"
    case_ids = {
        i for c in _read(path).cells if c.cell_type == "code" for i in UNANSWERED.findall(c.source)
    }
    passed = set()
    for cell in _read(key).cells:
        if cell.cell_type != "code":
            continue
        for exercise_id in SOLVED.findall(cell.source):
            assert cell.source.lstrip().startswith("# NBVAL_CHECK_OUTPUT"), exercise_id
            if f"✓ {exercise_id}" in _text(cell.get("outputs", [])):
                passed.add(exercise_id)
    assert case_ids <= passed, f"not shown solved in the key: {sorted(case_ids - passed)}"
