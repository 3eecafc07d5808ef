"""The course website (issue 25): ``make book`` builds, every page is reachable, no link is broken.

The site is built once per test run (``scripts/build_book.py``, both editions, ~25 s) into the
pytest temporary folder, under a lock so that xdist workers share one build. The browser test
follows the language switch in Debian's headless Chromium and checks that a lesson page shows
its figure and a number its notebook checks under nbval.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import importlib.util
import json
import re
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = {"en": ROOT / "notebooks", "zh": ROOT / "notebooks" / "zh"}

pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("sphinx", "myst_nb", "sphinx_book_theme")),
    reason="the website needs the `book` extra: pip install -e '.[book]'",
)


class _Links(HTMLParser):
    """Every href / src of a page, and every id (for #fragment checks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src") and tag in ("a", "img", "link", "script", "source"):
                self.links.append((tag, value))


@functools.cache
def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _local_target(page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment a link of *page* points to, or None for another site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    target = page if not path else (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


@pytest.fixture(scope="session")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site's html folder (built once per run, shared by xdist workers)."""
    shared = tmp_path_factory.getbasetemp().parent / "cxlab-book"
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / ".built"
        if not done.exists():
            sys.path.insert(0, str(ROOT / "scripts"))
            try:
                import build_book
            finally:
                sys.path.remove(str(ROOT / "scripts"))
            build_book.build(shared, jobs="1")
            done.write_text("ok", encoding="utf-8")
    return shared / "html"


def _expected_pages(lang: str) -> set[str]:
    """Pages each edition must publish: lessons, cases, glossary, datasets, install."""
    src = NOTEBOOKS[lang]
    notebooks = sorted(src.glob("*.ipynb")) + sorted((src / "cases").glob("*.ipynb"))
    pages = {p.relative_to(src).with_suffix(".html").as_posix() for p in notebooks}
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    pages |= {f"datasets/{r['name']}.html" for r in package["resources"]}
    return pages | {"glossary.html", "install.html", "datasets/index.html", "index.html"}


def _crawl(start: Path, site: Path) -> set[Path]:
    """Pages reachable from *start* by following links inside *site*."""
    seen: set[Path] = set()
    todo = [start.resolve()]
    while todo:
        page = todo.pop()
        if page in seen or page.suffix != ".html" or not page.is_file():
            continue
        seen.add(page)
        for tag, link in _parse(page).links:
            target = _local_target(page, link)
            if tag == "a" and target and target[0].is_relative_to(site.resolve()):
                todo.append(target[0])
    return seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_lesson_case_and_glossary_is_reachable_from_the_start_page(book, lang):
    reached = _crawl(book / "index.html", book)
    reached_rel = {
        p.relative_to((book / lang).resolve()).as_posix()
        for p in reached
        if p.is_relative_to((book / lang).resolve())
    }
    missing = sorted(_expected_pages(lang) - reached_rel)
    assert not missing, f"{lang}: not reachable from index.html: {missing}"
    assert len(_expected_pages(lang)) >= 58 - 4  # 23 lessons + 4 cases + 24 datasets + 4


def test_no_broken_internal_link(book):
    broken = []
    # the theme also copies its Jinja macro files into _static/ (*.html); they are not pages
    pages = sorted(p for p in book.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) > 100
    for page in pages:
        for _tag, link in _parse(page).links:
            target = _local_target(page, link)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append(f"{page.relative_to(book)} -> {link}")
            elif fragment and path.suffix == ".html" and fragment not in _parse(path).ids:
                broken.append(f"{page.relative_to(book)} -> {link} (no id {fragment!r})")
    assert not broken, f"{len(broken)} broken links, e.g. {broken[:10]}"


def test_instructor_keys_are_not_published(book):
    published = [p.relative_to(book).as_posix() for p in book.rglob("*")]
    assert not [p for p in published if "instructor" in p or "solutions" in p]
    keys = sorted((ROOT / "notebooks" / "instructor").glob("*_solutions.ipynb"))
    assert keys, "the instructor keys moved: update this test"
    titles = {
        nbformat.read(k, as_version=4).cells[0].source.splitlines()[0].lstrip("# ") for k in keys
    }
    site_text = "\n".join(p.read_text(encoding="utf-8") for p in (book / "en").rglob("*.html"))
    assert not [t for t in titles if t and t in site_text]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_lesson_page_has_the_run_box_and_keeps_folded_cells_folded(book, lang):
    src = NOTEBOOKS[lang]
    word = "Run it yourself" if lang == "en" else "自己动手运行"
    command = "cxlab start my-workspace" + (" --lang zh" if lang == "zh" else "")
    for nb_path in sorted(src.glob("*.ipynb")) + sorted((src / "cases").glob("*.ipynb")):
        rel = nb_path.relative_to(src).with_suffix(".html")
        html = (book / lang / rel).read_text(encoding="utf-8")
        text = " ".join(re.sub(r"<[^>]+>", "", html).split())
        assert word in text and command in text, f"{lang}/{rel}: no run-it-yourself box"
        nb = nbformat.read(nb_path, as_version=4)
        folded = sum(bool(c.metadata.get("jupyter", {}).get("source_hidden")) for c in nb.cells)
        assert html.count("tag_hide-input") == folded, f"{lang}/{rel}: folded cells"
        if folded:
            label = "Show code cell source" if lang == "en" else "显示代码"
            assert label in html, f"{lang}/{rel}: the folded cells' label"


def _text_outside_code(html: str) -> str:
    html = re.sub(r"<(pre|code)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_chinese_pages_render_bold_next_to_chinese_punctuation(book):
    """``**路线**：管理者`` is bold on the site, never asterisks (see test_zh_edition)."""
    raw = {}
    for page in sorted((book / "zh").rglob("*.html")):
        text = _text_outside_code(page.read_text(encoding="utf-8"))
        if "**" in text:
            raw[page.relative_to(book).as_posix()] = re.findall(r".{0,12}\*\*.{0,12}", text)[:2]
    assert not raw, raw
    start = (book / "zh" / "00_start_here.html").read_text(encoding="utf-8")
    assert "<strong>路线</strong>：" in start


def test_chinese_install_page_has_every_command_of_the_readme(book):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("**Chinese edition", 1)[0]
    conda = readme.split("## With conda instead of pip", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", section + conda, flags=re.S):
        commands += [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    zh, en = (
        " ".join(re.sub(r"<[^>]+>", "", (book / lang / "install.html").read_text("utf-8")).split())
        for lang in ("zh", "en")
    )
    assert commands and all(c in zh and c in en for c in commands), commands


def _checked_line(notebook: Path) -> str:
    """A line of the first checked output (``# NBVAL_CHECK_OUTPUT``) that holds a number."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in cell.source:
            for out in cell.get("outputs", []):
                text = out.get("text") or out.get("data", {}).get("text/plain", "")
                for line in text.splitlines():
                    if re.search(r"\d\.\d", line) and len(line.strip()) > 6:
                        return " ".join(line.split())
    raise AssertionError(f"{notebook}: no checked output with a number")


@pytest.fixture
def served(book) -> Iterator[str]:
    """The site on http://127.0.0.1:<port>/ (search needs http, not file://)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


LESSON = "02_measuring_cx"


def _check_lesson_page(page, lang: str) -> None:
    from playwright.sync_api import expect

    expect(page).to_have_url(re.compile(rf"/{lang}/{LESSON}\.html"))
    figure = page.locator(".cell_output img").first
    expect(figure).to_be_visible()
    assert page.evaluate("img => img.complete && img.naturalWidth > 100", figure.element_handle())
    expected = _checked_line(NOTEBOOKS[lang] / f"{LESSON}.ipynb")
    text = " ".join(page.locator("article").inner_text().split())
    assert expected in text, f"{lang}: checked output {expected!r} not on the page"


def test_language_switch_lesson_pages_and_chinese_search_in_chromium(chromium, served, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium, headless=True, args=["--disable-dev-shm-usage"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(served + "index.html?stay")
            page.click("#cx-en")
            expect(page).to_have_url(re.compile(r"/en/index\.html"))
            page.click("#cx-lang-switch")  # English -> 中文
            expect(page).to_have_url(re.compile(r"/zh/index\.html"))
            expect(page.locator("h1").first).to_contain_text("客户体验")
            page.locator(f"nav a[href='{LESSON}.html']").first.click()  # the sidebar
            _check_lesson_page(page, "zh")
            page.screenshot(path=str(tmp_path / "zh_lesson.png"))
            page.click("#cx-lang-switch")  # 中文 -> English, same lesson
            _check_lesson_page(page, "en")
            page.click("#cx-lang-switch")
            expect(page).to_have_url(re.compile(rf"/zh/{LESSON}\.html"))

            page.goto(served + "zh/search.html?q=净推荐值")
            page.wait_for_function(
                "document.querySelectorAll('#search-results li').length >= 5", timeout=15_000
            )
            expect(page.locator("#search-results")).to_contain_text("测量客户体验")
            # a phrase without spaces is split into indexed words (客户满意度 + 驱动因素)
            page.goto(served + "zh/search.html?q=客户满意度的驱动因素")
            page.wait_for_function(
                "document.querySelectorAll('#search-results li').length >= 3", timeout=15_000
            )
            expect(page.locator("#search-results")).to_contain_text("关键驱动因素与触点")
            assert not errors, errors

            page = browser.new_page(locale="zh-CN")  # a Chinese browser lands on 中文
            page.goto(served + "index.html")
            expect(page).to_have_url(re.compile(r"/zh/index\.html"))
        finally:
            browser.close()
    assert (tmp_path / "zh_lesson.png").stat().st_size > 10_000


def test_publish_workflow_builds_with_make_book_and_uploads_the_site():
    """The workflow is documented, not run here: check that it does what the README says."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text("utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1: on -> True
    assert triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make book" for step in steps)
    upload = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages")]
    assert upload and upload[0]["with"]["path"] == "_build/book/html"
    deploy = workflow["jobs"]["deploy"]["steps"]
    assert any(str(s.get("uses", "")).startswith("actions/deploy-pages") for s in deploy)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/build_book.py --out _build/book" in makefile
