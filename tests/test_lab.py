"""`make lab` serves JupyterLab: start it headless on a free port, fetch /lab and the
start-here notebook through the contents API, and stop it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""


def test_make_lab_serves_the_start_notebook(root, tmp_path):
    venv_bin = Path(sys.executable).parent
    if not (venv_bin / "jupyter").exists():
        pytest.skip("jupyter is not installed next to this python")
    port, token = _free_port(), "cxlab-test-token"
    args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
        f"--IdentityProvider.token={token} --ServerApp.root_dir={root}"
    )
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path),
    }
    # VENV points make at this interpreter's environment, which is up to date
    venv = venv_bin.parent
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"VENV={venv}", f"LAB_ARGS={args}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        status = None
        while time.time() < deadline:
            if proc.poll() is not None:
                pytest.fail("make lab exited early:\n" + proc.stdout.read().decode())
            try:
                status, _ = _get(f"{base}/api/status?token={token}")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert status == 200, "JupyterLab did not start within 90 s"
        status, page = _get(f"{base}/lab?token={token}")
        assert status == 200 and b"JupyterLab" in page
        status, body = _get(f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}")
        assert status == 200
        model = json.loads(body)
        assert model["type"] == "notebook" and model["content"]["cells"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
