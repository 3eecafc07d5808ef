"""Structure of the committed lesson notebooks (nbval runs them; this checks the form):
the lesson template, stored outputs without errors or stderr, exercises left
unanswered and all registered, and plain-text NBVAL_CHECK_OUTPUT cells."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import cxlab as cx

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*_*.ipynb"))  # 00, 00b, 01, 01b …
# Instructor notebooks (dashboards) are not lessons: no template, exercises or checked
# numbers, but they are stored executed and clean like the lessons, and nbval runs them.
INSTRUCTOR = sorted((ROOT / "notebooks" / "instructor").glob("*.ipynb"))
WIDGET_CALL = re.compile(
    r"cx\.widgets\.(?:nps_simulator|sem_what_if|ipa_explorer|journey_explorer|survey_explorer"
    r"|cem_maturity|dashboard)\("
)  # the apps (pure functions such as maturity_view print plain text)
TEMPLATE = [
    "## Aim", "## Concepts", "## Practice", "## Discussion", "## Exercises", "## Self-assessment",
    "## Summary",
]  # fmt: skip
CHECK_CALL = re.compile(r"""cx\.check\(\s*["']([\w.]+)["']\s*,\s*answer\s*\)""")
SELF_ASSESSMENT = re.compile(r"""["']([\w.]+)["']\s*:\s*([^,}\s]+)""")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_lessons_00_and_01_exist():
    names = [p.name for p in LESSONS]
    assert "00_start_here.ipynb" in names
    assert "01_experience_economy.ipynb" in names


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_template_sections_in_order(path):
    headings = [
        line.strip()
        for cell in _read(path).cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]
    positions = [headings.index(h) if h in headings else -1 for h in TEMPLATE]
    assert -1 not in positions, (
        f"missing sections: {[h for h, p in zip(TEMPLATE, positions, strict=True) if p < 0]}"
    )
    assert positions == sorted(positions), f"sections out of order: {headings}"


def test_instructor_dashboard_exists():
    assert "dashboard.ipynb" in [p.name for p in INSTRUCTOR]


@pytest.mark.parametrize("path", LESSONS + INSTRUCTOR, ids=lambda p: p.stem)
def test_kernelspec_and_stored_outputs(path):
    nb = _read(path)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"cell {i} was not executed"
        for out in cell.outputs:
            assert out.output_type != "error", f"cell {i} stored an error"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"cell {i} wrote to stderr: {out.text[:200]}"
            )


ALL_NOTEBOOKS = sorted(
    p for p in (ROOT / "notebooks").rglob("*.ipynb") if "checkpoint" not in str(p)
)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_figures_are_stored(path):
    """A cell that shows a figure is committed with it (readers see the picture on GitHub and
    before running anything); a run with a non-inline backend (MPLBACKEND=Agg) drops them."""
    for i, cell in enumerate(_read(path).cells):
        code = "\n".join(ln.split("#")[0] for ln in cell.source.splitlines())
        if cell.cell_type == "code" and "plt.show()" in code:
            kinds = {k for out in cell.outputs for k in out.get("data", {})}
            assert kinds & {"image/png", "image/svg+xml"}, f"cell {i} shows no stored figure"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_exercises_unanswered_and_registered(path):
    lesson = path.name.split("_")[0]
    nb = _read(path)
    used = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        ids = CHECK_CALL.findall(cell.source)
        if ids:
            assert re.search(r"^answer\s*=\s*None\b", cell.source, re.M), (
                f"exercise cell {ids} must ship with answer = None"
            )
            used += ids
        if "cx.self_assessment(" in cell.source:
            answers = SELF_ASSESSMENT.findall(cell.source)
            assert answers and all(value == "None" for _, value in answers), (
                f"self-assessment {answers} must ship with every answer None"
            )
            used += [qid for qid, _ in answers]
    registered = set(cx.exercises.list_exercises(lesson)["id"])
    assert len(used) >= 3, "each lesson has at least three exercises"
    assert set(used) == registered, (
        f"in notebook only: {set(used) - registered}; registered only: {registered - set(used)}"
    )
    assert len(used) == len(set(used))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_checked_outputs_are_plain_text(path):
    checked = [
        c
        for c in _read(path).cells
        if c.cell_type == "code" and c.source.lstrip().startswith("# NBVAL_CHECK_OUTPUT")
    ]
    assert checked, "each lesson prints its key numbers in a # NBVAL_CHECK_OUTPUT cell"
    for cell in checked:
        for out in cell.outputs:
            if out.output_type in ("display_data", "execute_result"):
                assert set(out.data) == {"text/plain"}, f"checked cell shows {set(out.data)}"


@pytest.mark.parametrize("path", [p for p in LESSONS if p.name[:2] != "00"], ids=lambda p: p.stem)
def test_key_terms_carry_their_chinese_name(path):
    text = "\n".join(c.source for c in _read(path).cells if c.cell_type == "markdown")
    assert re.search(r"\([\u4e00-\u9fff]+,\s*[A-Z]{2,}\)", text), (
        "key terms carry their Chinese name once, e.g. (客户体验管理, CEM)"
    )


@pytest.mark.parametrize("path", LESSONS + INSTRUCTOR, ids=lambda p: p.stem)
def test_widget_cells_ignore_their_output(path):
    """A widget has no front end under nbval: its cell must run but not be compared."""
    for i, cell in enumerate(_read(path).cells):
        if cell.cell_type == "code" and WIDGET_CALL.search(cell.source):
            assert "nbval-ignore-output" in cell.metadata.get("tags", []), (
                f"cell {i} shows a widget: tag it nbval-ignore-output"
            )


MANAGER_LESSONS = [
    p for p in LESSONS + sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]*_*.ipynb"))
    if "manager" in _read(p).metadata.get("cxlab", {}).get("tracks", [])
]  # fmt: skip


@pytest.mark.parametrize("path", MANAGER_LESSONS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_manager_lessons_fold_long_code_cells(path):
    """A manager reads the figure or the table, not the plumbing: in manager-track lessons
    a code cell of more than 12 lines of code opens folded (JupyterLab's source_hidden)."""
    long_open = []
    for k, cell in enumerate(_read(path).cells):
        if cell.cell_type != "code":
            continue
        code = [
            ln for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")
        ]
        if len(code) > 12 and not cell.metadata.get("jupyter", {}).get("source_hidden"):
            long_open.append(k)
    assert long_open == [], f"fold these cells (metadata jupyter.source_hidden): {long_open}"
