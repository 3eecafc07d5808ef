"""The instructor dashboard in a real browser.

Voila serves notebooks/instructor/dashboard.ipynb on a free port; headless Chromium
(Debian's ``chromium``, driven by playwright with ``executable_path`` — playwright's own
browser download is never used) waits for the widgets, drags the promoters slider of the
NPS simulator and checks that the NPS shown changes to promoters − detractors; then it
drags the slider to 100 % and checks that the impossible shares show a message. The
Chinese dashboard (notebooks/zh/instructor/dashboard.ipynb) is checked the same way in
Chinese, and its English / 中文 switch and projector mode are clicked. The
screenshots are saved in the test's tmp_path. The test skips, saying why, only when no
Chromium is installed (``.ci/run`` installs it with apt when it can)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

SUMMARY = ".cx-nps .cx-summary"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def voila(root: Path, tmp_path: Path, request):
    """Voila serving the dashboard (or ``request.param``, a notebook) on a free port;
    stopped (with its kernels) afterwards."""
    page = getattr(request, "param", "notebooks/instructor/dashboard.ipynb")
    port = _free_port()
    log = (tmp_path / "voila.log").open("w")
    # Voila's own server (not jupyter_server) has no root check and no token by default.
    cmd = [sys.executable, "-m", "voila", page]
    cmd += ["--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0"]
    proc = subprocess.Popen(
        cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"voila exited with {proc.returncode}:\n{_read(tmp_path)}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"voila did not listen on port {port}:\n{_read(tmp_path)}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # Voila and the kernel it started
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def _read(tmp_path: Path) -> str:
    return (tmp_path / "voila.log").read_text(errors="replace")[-3000:]


def _drag(page, slider, fraction: float) -> None:
    """Drag the slider's handle with the mouse to ``fraction`` of its track."""
    handle = slider.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    track = slider.locator(".noUi-base").bounding_box()
    start = handle.bounding_box()
    y = start["y"] + start["height"] / 2
    page.mouse.move(start["x"] + start["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(track["x"] + fraction * track["width"], y, steps=8)
    page.mouse.up()


def _nps(text: str) -> float:
    match = re.search(r"(?:NPS|净推荐值) ([+-]\d+\.\d)", text)
    assert match, f"no NPS in {text!r}"
    return float(match.group(1))


def test_dashboard_nps_slider_in_chromium(chromium, voila, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, headless=True, args=["--disable-dev-shm-usage"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            page.goto(voila, timeout=40_000)
            summary = page.locator(SUMMARY)
            expect(summary).to_contain_text("NPS +30.0", timeout=40_000)  # kernel ran the page
            sliders = page.locator(".cx-nps .widget-slider")
            promoters, detractors = sliders.nth(0), sliders.nth(1)
            expect(promoters.locator(".widget-readout")).to_have_text("50")

            _drag(page, promoters, 0.65)  # → about 65 % promoters
            expect(summary).not_to_contain_text("NPS +30.0", timeout=15_000)
            p = int(promoters.locator(".widget-readout").inner_text())
            d = int(detractors.locator(".widget-readout").inner_text())
            assert p > 50 and _nps(summary.inner_text()) == pytest.approx(p - d)
            assert page.locator(".cx-nps img").first.is_visible()  # the sampling distribution
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=False)

            _drag(page, promoters, 1.0)  # 100 % promoters + 20 % detractors: impossible
            message = page.locator(".cx-nps .cx-message")
            expect(message).to_contain_text("cannot exceed 100 %", timeout=15_000)
            expect(summary).to_be_hidden()
            page.screenshot(path=str(tmp_path / "impossible_shares.png"), full_page=False)
        finally:
            browser.close()
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000


@pytest.mark.parametrize("voila", ["notebooks/zh/instructor/dashboard.ipynb"], indirect=True)
def test_chinese_dashboard_switches_language_and_recomputes_in_chromium(chromium, voila, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, headless=True, args=["--disable-dev-shm-usage"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            page.goto(voila, timeout=40_000)
            summary = page.locator(SUMMARY)
            expect(summary).to_contain_text("净推荐值 +30.0", timeout=40_000)
            title = page.locator(".cx-nps h3")
            expect(title).to_contain_text("净推荐值（NPS）模拟器")
            expect(page.locator(".cx-nps .widget-slider .widget-label").first).to_contain_text(
                "推荐者"
            )

            switch = page.locator(".cx-language button")
            switch.filter(has_text="English").click()  # → English, same numbers
            expect(title).to_contain_text("NPS simulator", timeout=15_000)
            expect(summary).to_contain_text("NPS +30.0 · 95 % CI 22.3 to 37.7")
            switch.filter(has_text="中文").click()  # ← back to Chinese
            expect(summary).to_contain_text(
                "净推荐值 +30.0 · 95% 置信区间 22.3 至 37.7", timeout=15_000
            )

            sliders = page.locator(".cx-nps .widget-slider")
            promoters, detractors = sliders.nth(0), sliders.nth(1)
            _drag(page, promoters, 0.65)  # a recomputed number, in Chinese
            expect(summary).not_to_contain_text("净推荐值 +30.0", timeout=15_000)
            p = int(promoters.locator(".widget-readout").inner_text())
            d = int(detractors.locator(".widget-readout").inner_text())
            text = summary.inner_text()
            assert p > 50 and "置信区间" in text and _nps(text) == pytest.approx(p - d)

            size = summary.locator("div").first.evaluate("e => getComputedStyle(e).fontSize")
            page.locator(".cx-projector-switch input").check()  # projector mode: larger type
            board = page.locator(".cx-dashboard")
            expect(board).to_have_class(re.compile("cx-projector"), timeout=15_000)
            bigger = summary.locator("div").first.evaluate("e => getComputedStyle(e).fontSize")
            assert float(bigger.rstrip("px")) > 1.2 * float(size.rstrip("px"))
            page.screenshot(path=str(tmp_path / "dashboard_zh.png"), full_page=False)
        finally:
            browser.close()
    assert (tmp_path / "dashboard_zh.png").stat().st_size > 10_000
