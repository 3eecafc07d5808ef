"""The study report's page in a real browser (issue 23): headless Chromium (Debian's
``chromium``, driven by playwright with ``executable_path`` — playwright's own browser
download is never used) opens the HTML of the omnichannel study with a codebook, a
``--group`` (invariance and path comparison: the widest raw tables) and PLS, in English
and in Chinese, at 1,280 px, and finds no table wider than the page. Screenshots are
saved in the test's tmp_path. The test skips, saying why, only when no Chromium is
installed (``.ci/run`` installs it with apt when it can)."""

from __future__ import annotations

import pytest

import cxlab as cx

MODEL = """CONS  =~ cons1 + cons2 + cons3 + cons4
TRUST =~ trust1 + trust2 + trust3
SAT   =~ sat1 + sat2 + sat3
LI    =~ li1 + li2 + li3 + li4r
TRUST ~ a*CONS
SAT   ~ CONS + b*TRUST
LI    ~ c*SAT + TRUST
trust_via_sat := b*c
"""
WIDTH = 1280


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_table_of_the_report_is_wider_than_the_page(chromium, tmp_path, lang):
    from playwright.sync_api import sync_playwright

    rep = cx.report.report(
        cx.datasets.load("retail_omnichannel"), MODEL, tmp_path / "retail.html",
        codebook=cx.datasets.codebook("retail_omnichannel"), group="preferred_channel",
        pls=True, bootstrap=20, seed=1, lang=lang,
    )  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, headless=True, args=["--disable-dev-shm-usage"]
        )
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
            page.goto(rep.path.as_uri())
            widths = page.evaluate(
                """() => ({
                    page: document.documentElement.clientWidth,
                    body: document.body.getBoundingClientRect().right,
                    scroll: document.documentElement.scrollWidth,
                    tables: [...document.querySelectorAll('table')].map(t => ({
                        title: (t.previousElementSibling || {}).textContent || '',
                        width: t.scrollWidth,
                        right: t.getBoundingClientRect().right,
                    })),
                })"""
            )
            page.screenshot(path=str(tmp_path / f"report_{lang}.png"), full_page=True)
        finally:
            browser.close()
    tables = widths["tables"]
    assert len(tables) >= 20  # the raw tables and the APA ones
    assert any("nvariance" in t["title"] or "不变" in t["title"] for t in tables)
    too_wide = [t for t in tables if t["width"] > widths["page"] or t["right"] > widths["page"]]
    assert not too_wide, too_wide
    assert widths["scroll"] <= widths["page"]  # no horizontal scrolling of the page
