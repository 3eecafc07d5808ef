"""Packaging: a built wheel carries the data and notebooks; `import cxlab` stays light;
every subpackage is listed in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

HEAVY = ("pandas", "numpy", "matplotlib", "semopy", "pingouin", "seaborn", "scipy")


def test_import_cxlab_loads_no_heavy_library():
    code = f"import sys, cxlab; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import cxlab pulled in: {out.stdout.strip()}"


def test_every_subpackage_is_listed(root):
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(root).parts)
        for p in (root / "cxlab").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, root) -> Path:
    """Build the wheel from the files git tracks (plus uncommitted edits to them)."""
    src = tmp_path_factory.mktemp("src")
    files = (
        subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=root,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, files):
        path = root / rel
        if path.is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).write_bytes(path.read_bytes())
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=src,
        capture_output=True,
        check=True,
    )
    (whl,) = dist.glob("cxlab-*.whl")
    return whl


def test_wheel_installs_and_loads_data(wheel, tmp_path):
    """Install the wheel alone into a fresh venv; its dependencies come from ours."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    # our environment's packages (pandas, …) as a plain path entry: its editable
    # cxlab hook is a .pth file there, which a plain path entry does not run
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = (
        "import cxlab as cx, pathlib, sys\n"
        "assert pathlib.Path(cx.__file__).is_relative_to(pathlib.Path(sys.argv[1])), cx.__file__\n"
        "df = cx.datasets.load('ecsi_mobile'); assert df.shape == (250, 24)\n"
        "assert len(cx.datasets.load('cdnow')) == 69659\n"
        "print(cx.datasets.data_dir())\n"
        "from cxlab.cli import start; r = start(pathlib.Path(sys.argv[2]))\n"
        "print(len(r['copied']))\n"
    )
    ws = tmp_path / "ws"
    out = subprocess.run(
        [str(py), "-c", code, str(site), str(ws)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    data_dir, copied = out.stdout.split()
    assert Path(data_dir) == site / "cxlab" / "_datasets"
    assert int(copied) > 0 and (ws / "00_start_here.ipynb").is_file()


def _imported_libraries(root: Path) -> dict[str, str]:
    """Top-level third-party modules imported anywhere in cxlab -> a file that imports it."""
    import ast

    found: dict[str, str] = {}
    for path in sorted((root / "cxlab").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "cxlab" and top not in sys.stdlib_module_names and top != "__future__":
                    found.setdefault(top, str(path.relative_to(root)))
    return found


def test_every_imported_library_is_a_declared_runtime_dependency(root):
    """`import x` in cxlab needs x's distribution in [project] dependencies (not only dev)."""
    import importlib.metadata as md
    import re

    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names_of(specs: list[str]) -> set[str]:
        return {re.split(r"[<>=!~ ;\[]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}

    declared = names_of(config["dependencies"])
    # an optional extra (not dev), e.g. cluster = ["distributed"]: imported only inside
    # functions (never when cxlab is imported), with an ImportError naming the extra
    optional = set().union(
        *(names_of(v) for k, v in config["optional-dependencies"].items() if k != "dev")
    )
    top_level = _module_level_imports(root)
    dists = md.packages_distributions()
    missing = []
    for module, where in _imported_libraries(root).items():
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if names & declared:
            continue
        if names & optional and module not in top_level:
            continue
        missing.append(f"{module} (imported in {where}; distribution {sorted(names)})")
    assert not missing, "undeclared runtime dependencies: " + "; ".join(missing)


def _module_level_imports(root: Path) -> set[str]:
    """Top-level modules imported at module level (outside functions and outside
    ``if TYPE_CHECKING:``) anywhere in cxlab."""
    import ast

    found: set[str] = set()
    for path in sorted((root / "cxlab").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            for sub in (
                ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else []
            ):
                if isinstance(sub, ast.Import):
                    found |= {a.name.split(".")[0] for a in sub.names}
                elif isinstance(sub, ast.ImportFrom) and sub.level == 0 and sub.module:
                    found.add(sub.module.split(".")[0])
    return found
