"""The package's shape (issue: the house): at most 15 modules directly under cxlab/, no
import cycle between cxlab's modules, and no private name (``_x``) imported from another
topic's subpackage. Imports are read with ``ast`` (function-level ones included, those
under ``if TYPE_CHECKING:`` left out), so the test sees what running code would import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "cxlab"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(p): p
        for p in sorted(PKG.rglob("*.py"))
        if "_datasets" not in p.parts and "_notebooks" not in p.parts
    }


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> list[tuple[str, str | None, int]]:
    """(module, imported name or None, line) of every import of a cxlab module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, str | None, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((a.name, None, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for a in node.names:
                full = f"{base}.{a.name}"
                if full in MODULES:
                    found.append((full, None, node.lineno))
                else:
                    found.append((base, a.name, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return [(m, n, line) for m, n, line in found if m == "cxlab" or m.startswith("cxlab.")]


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _topic(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def _private_owner(target: str, name: str | None) -> str | None:
    """The topic a private import belongs to: ``cxlab`` for cxlab's own private modules
    (``cxlab._files``: shared by every topic), else ``cxlab.<topic>``; None if public."""
    parts = target.split(".") + ([name] if name else [])
    for i, part in enumerate(parts[1:], start=1):
        if part.startswith("_") and not part.startswith("__"):
            return "cxlab" if i == 1 else ".".join(parts[:2])
    return None


def test_at_most_15_modules_directly_under_cxlab():
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= 15, f"{len(top)} files directly under cxlab/: {top}"


def test_no_private_name_crosses_a_topic():
    bad = []
    for module, imports in GRAPH.items():
        for target, name, line in imports:
            owner = _private_owner(target, name)
            if owner and owner != "cxlab" and _topic(module) != owner:
                what = f"{target}.{name}" if name else target
                bad.append(f"{MODULES[module].relative_to(ROOT)}:{line} imports {what}")
    assert not bad, "private names imported across subpackages:\n" + "\n".join(bad)


def test_no_import_cycle():
    edges = {
        m: sorted({t for t, _, _ in imps if t in MODULES and t != m}) for m, imps in GRAPH.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def strongconnect(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in edges:
        if v not in index:
            strongconnect(v)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    ("target", "name", "owner"),
    [
        ("cxlab._files", None, "cxlab"),
        ("cxlab.pls._engine", None, "cxlab.pls"),
        ("cxlab.sem.results", "_values", "cxlab.sem"),
        ("cxlab.sem", "fit", None),
    ],
)
def test_the_checker_sees_private_names(target, name, owner):
    assert _private_owner(target, name) == owner
