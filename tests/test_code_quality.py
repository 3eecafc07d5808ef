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
