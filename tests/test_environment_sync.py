"""environment.yml (conda users) lists exactly pyproject.toml's runtime and dev
dependencies, with the same lower bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"python-build": "build", "python-duckdb": "duckdb"}
CONDA_ONLY = {"python", "pip", "graphviz"}


def _parse(spec: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", spec)
    assert match, spec
    name = match.group(1).lower().replace("_", "-")
    return name, match.group(2).replace(" ", "")


def _pyproject(root) -> dict[str, str]:
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = config["dependencies"] + config["optional-dependencies"]["dev"]
    return dict(_parse(s) for s in specs)


def _environment(root) -> dict[str, str]:
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    out: dict[str, str] = {}
    for dep in env["dependencies"]:
        specs = dep["pip"] if isinstance(dep, dict) else [dep]
        for spec in specs:
            if spec.startswith("-e"):
                continue
            name, bound = _parse(spec)
            name = CONDA_TO_PYPI.get(name, name)
            if name not in CONDA_ONLY:
                out[name] = bound
    return out


def test_same_packages_and_bounds(root):
    assert _environment(root) == _pyproject(root)


def test_python_requirement_matches(root):
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    assert f"python{config['requires-python']}" in env["dependencies"]


def test_environment_installs_cxlab_itself(root):
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip


def test_the_sync_check_detects_drift(root, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        (root / "pyproject.toml")
        .read_text(encoding="utf-8")
        .replace('"seaborn>=0.13"', '"seaborn>=0.14"'),
        encoding="utf-8",
    )
    (tmp_path / "environment.yml").write_text(
        (root / "environment.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert _environment(tmp_path) != _pyproject(tmp_path)
