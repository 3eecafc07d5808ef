"""`cxlab start` copies the curriculum and datasets into a workspace, never overwriting."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from cxlab.cli import main, start


def test_start_copies_lessons_and_data(tmp_path, root):
    ws = tmp_path / "ws"
    result = start(ws)
    lessons = sorted(p.name for p in (root / "notebooks").glob("*.ipynb"))
    assert lessons and sorted(p.name for p in ws.glob("*.ipynb")) == lessons
    assert (ws / "datasets" / "datapackage.json").is_file()
    assert (ws / "datasets" / "ecsi_mobile.csv").read_bytes() == (
        root / "datasets" / "ecsi_mobile.csv"
    ).read_bytes()
    assert not (ws / "datasets" / "make").exists()
    assert not (ws / "instructor").exists()
    assert result["kept"] == []


def test_start_keeps_participants_edits(tmp_path):
    ws = tmp_path / "ws"
    start(ws)
    edited = ws / "00_start_here.ipynb"
    edited.write_text("my notes", encoding="utf-8")
    result = start(ws)
    assert edited.read_text(encoding="utf-8") == "my notes"
    assert edited in result["kept"] and result["copied"] == []


def test_start_refuses_a_file_as_workspace(tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x")
    assert main(["start", str(target)]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_instructor_material_only_on_request(tmp_path, root):
    if not (root / "notebooks" / "instructor").is_dir():
        return  # no instructor notebooks yet: nothing to withhold
    start(tmp_path / "ws", instructor=True)
    assert (tmp_path / "ws" / "instructor").is_dir()


def test_console_script_runs(tmp_path):
    exe = Path(sys.executable).with_name("cxlab")
    exe = str(exe) if exe.exists() else shutil.which("cxlab")
    assert exe, "the cxlab console script is not installed"
    out = subprocess.run(
        [exe, "start", str(tmp_path / "w")], capture_output=True, text=True, check=True
    ).stdout
    assert "files copied" in out
    out = subprocess.run([exe, "datasets"], capture_output=True, text=True, check=True).stdout
    assert "ecsi_mobile" in out and "cdnow" in out
