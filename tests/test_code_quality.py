"""Package quality rules that ruff does not check: module size, and every public
function of cxlab has type hints and a docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cxlab"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 650  # "no module over ~600 lines"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_size(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines; split it"


def _public_functions(tree: ast.Module):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            yield node
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                    yield item


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_public_functions_are_typed_and_documented(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for fn in _public_functions(tree):
        args = [a for a in fn.args.args + fn.args.kwonlyargs if a.arg not in ("self", "cls")]
        if any(a.annotation is None for a in args):
            problems.append(f"{fn.name}: parameter without a type hint")
        if fn.returns is None and fn.name != "__init__":
            problems.append(f"{fn.name}: no return type hint")
        if not ast.get_docstring(fn) and not any(
            isinstance(d, ast.Name) and d.id == "property" for d in fn.decorator_list
        ):
            problems.append(f"{fn.name}: no docstring")
    assert not problems, "; ".join(problems)


def _public_api(path: Path, tree: ast.Module):
    """Public functions of public modules, and public methods of public classes anywhere
    (a class defined in a private module reaches users as a result object)."""
    rel = path.relative_to(PACKAGE)
    private_module = any(p.startswith("_") and p != "__init__.py" for p in rel.parts)
    for node in tree.body:
        if (
            isinstance(node, ast.FunctionDef)
            and not node.name.startswith("_")
            and not private_module
        ):
            yield node.name, node
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if (
                    isinstance(item, ast.FunctionDef)
                    and not item.name.startswith("_")
                    and not any(
                        isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list
                    )
                ):
                    yield f"{node.name}.{item.name}", item


API_MODULES = [p for p in MODULES if "exercises" not in p.parts]
# **kwargs that carry one keyword per control whose names exist only at run time
KWARGS_ALLOWED = {"App.compute", "SEMWhatIf.compute"}


@pytest.mark.parametrize("path", API_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_public_api_has_runnable_examples_and_no_hidden_keywords(path):
    """Every public function and method shows a runnable example (a doctest, run by the
    suite), and no public signature hides its parameters behind **kwargs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for name, fn in _public_api(path, tree):
        if ">>>" not in (ast.get_docstring(fn) or ""):
            problems.append(f"{name}: no example")
        if fn.args.kwarg is not None and name not in KWARGS_ALLOWED:
            problems.append(f"{name}: **{fn.args.kwarg.arg} hides parameters")
    assert not problems, "; ".join(problems)
