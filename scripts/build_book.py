"""Build the cxlab website: the curriculum in English and Chinese (``make book``; issue 25).

Usage::

    python scripts/build_book.py                 # both editions into _build/book/html
    python scripts/build_book.py --out DIR --lang en

What it does, per edition (``en`` from ``notebooks/``, ``zh`` from ``notebooks/zh/``):

1. stages a Sphinx source folder ``DIR/src/<lang>/`` — a copy of the lessons, the cases and the
   glossary (never the instructor keys), each notebook with a "run it yourself" box under its
   title and its folded cells (``jupyter.source_hidden``) tagged ``hide-input`` so they stay
   folded on the page; plus generated pages: the start page of the site with both tracks (the
   tables of ``00_start_here``), one codebook page per dataset (from ``datasets/datapackage.json``)
   and the install page (from the README's "Two commands" and conda sections; Chinese:
   ``book/install_zh.md``);
2. runs Sphinx (``book/conf.py``, myst-nb with the committed outputs, sphinx-book-theme) into
   ``DIR/html/<lang>/``.

``DIR/html/index.html`` lets the reader choose a language (and goes to 中文 when the browser
asks for Chinese). The source notebooks are only read. Nothing is downloaded or executed.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
LANGS = ("en", "zh")
SOURCES = {"en": ROOT / "notebooks", "zh": ROOT / "notebooks" / "zh"}

WORDS = {
    "en": {
        "site_title": "cxlab — customer experience & loyalty workbook",
        "intro": (
            "A Jupyter workbook on **customer experience management and loyalty in the "
            "experience economy**: lessons with their figures and results as they ran, cases "
            "from hotels, airlines and retail, a bilingual glossary and the codebooks of the "
            "datasets. Read here; to run a lesson and answer its exercises, install the "
            "workbook ([install](install.md)). "
            "中文版：<a href='../zh/index.html' hreflang='zh-CN'>点这里</a>。"
        ),
        "tracks_intro": (
            "Two tracks run through the course: the **manager track** needs no model syntax; the "
            "**researcher track** takes a survey study from the raw file to the report. Both "
            "start with lesson 00."
        ),
        "start": "Start",
        "manager": "Manager track",
        "researcher": "Researcher track",
        "reference": "Reference",
        "run_title": "Run it yourself",
        "run_body": (
            "This page shows the lesson with the outputs it had when it last ran; the exercise "
            "cells wait for your answers. To run it, [install the workbook]({install}), then "
            "either\n\n"
            "- `make lab` in the project folder (opens JupyterLab on the start page), or\n"
            "- `cxlab start my-workspace` (copies the lessons and datasets into a folder of "
            "your own) and `jupyter lab my-workspace/{path}`.\n\n"
            "The sliders of the interactive figures and the feedback on your answers work only "
            "in a running notebook. The download button at the top of the page gives this "
            "notebook as `.ipynb`."
        ),
        "datasets_title": "Datasets and codebooks",
        "datasets_intro": (
            "The datasets that come with the workbook (`cx.datasets.list_datasets()`), each with "
            "its codebook (`cx.datasets.codebook(name)`): what every column means, in English "
            "and Chinese. Generated from `datasets/datapackage.json`."
        ),
        "ds_cols": ["dataset", "title", "rows", "kind"],
        "ds_facts": ["rows", "kind", "file", "source", "licence"],
        "kinds": {"real": "real", "simulated": "simulated", "example": "software example"},
        "fields": "Columns",
        "field_cols": ["column", "type", "meaning", "中文", "construct", "range"],
        "load": "Load it",
        "colon": ": ",
    },
    "zh": {
        "site_title": "cxlab — 客户体验与忠诚度练习手册",
        "intro": (
            "一本关于**体验经济中的客户体验管理与客户忠诚度**的 Jupyter 练习手册："
            "这里有各课运行后的"
            "图表和结果、酒店、航空和零售的案例、中英术语表以及各数据集的编码手册。在这里可以直接阅读；"
            "要自己运行课程、回答练习，请先安装这本手册（[安装](install.md)）。"
            'English edition: <a href="../en/index.html" hreflang="en">here</a>.'
        ),
        "tracks_intro": (
            "本课程分为两条路线：**管理者路线**不需要写模型语法；**研究者路线**带着一项问卷研究从原始"
            "文件一直走到研究报告。两条路线都从第 00 课开始。"
        ),
        "start": "开始",
        "manager": "管理者路线",
        "researcher": "研究者路线",
        "reference": "参考",
        "run_title": "自己动手运行",
        "run_body": (
            "本页显示的是这一课上次运行时的输出；练习单元格在等你的答案。要自己运行，"
            "请先[安装这本手册]({install})，然后\n\n"
            "- 在项目文件夹里运行 `make lab LANG=zh`（在中文首页打开 JupyterLab），或者\n"
            "- 运行 `cxlab start my-workspace --lang zh`"
            "（把中文版课程和数据集复制到你自己的文件夹），"
            "再运行 `jupyter lab my-workspace/zh/{path}`。\n\n"
            "互动图表的滑块和练习的反馈只有在运行中的笔记本里才能使用。"
            "页面顶部的下载按钮可以把这个笔记本下载为 `.ipynb` 文件。"
        ),
        "datasets_title": "数据集与编码手册",
        "datasets_intro": (
            "手册自带的数据集（`cx.datasets.list_datasets()`），每个都附有编码手册"
            "（`cx.datasets.codebook(name)`）：每一列的含义，中英文对照。本页由 "
            "`datasets/datapackage.json` 生成。"
        ),
        "ds_cols": ["数据集", "标题", "行数", "类型"],
        "ds_facts": ["行数", "类型", "文件", "来源", "许可"],
        "kinds": {"real": "真实数据", "simulated": "模拟数据", "example": "软件示例"},
        "fields": "各列",
        "field_cols": ["列名", "类型", "含义", "English", "构念", "取值范围"],
        "load": "载入",
        "colon": "：",
    },
}


class BookError(RuntimeError):
    """The site cannot be built; the message says what to fix."""


def _cell_md(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _track_tables(start_page: Path) -> tuple[str, list[list[str]]]:
    """The start page's two track tables (Markdown) and the notebooks each lists, in order."""
    nb = nbformat.read(start_page, as_version=4)
    tables: list[list[str]] = []
    current: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in [*cell.source.splitlines(), ""]:
            if line.startswith("|"):
                current.append(line)
            elif current:
                tables.append(current)
                current = []
    tables = [t for t in tables if any(".ipynb)" in row for row in t)]
    if len(tables) != 2:
        raise BookError(
            f"{start_page.relative_to(ROOT)}: expected two track tables (manager, researcher) "
            f"with links to the lessons, found {len(tables)}; the site's start page is built "
            "from them."
        )
    docs = [re.findall(r"\]\(([^)]+)\.ipynb\)", "\n".join(t)) for t in tables]
    return "\n\n".join("\n".join(t) for t in tables), docs


def _run_box(lang: str, rel: Path) -> nbformat.NotebookNode:
    words = WORDS[lang]
    up = "../" * (len(rel.parts) - 1)
    body = words["run_body"].format(install=f"{up}install.md", path=rel.as_posix())
    text = f":::{{admonition}} {words['run_title']}\n:class: tip\n\n{body}\n:::"
    return nbformat.v4.new_markdown_cell(text)


def _stage_notebook(src: Path, dest: Path, lang: str, rel: Path) -> None:
    """Copy one notebook for the site: the run box under the title, folded cells kept folded."""
    nb = nbformat.read(src, as_version=4)
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("id", None)
        if cell.metadata.get("jupyter", {}).get("source_hidden"):
            tags = cell.metadata.setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")
    nb.cells.insert(1, _run_box(lang, rel))
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)


def _readme_sections(titles: list[str]) -> str:
    """The README's sections with these ``## `` titles (English install page)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## ", text)
    out = []
    for title in titles:
        found = [p for p in parts if p.startswith(title + "\n")]
        if not found:
            raise BookError(
                f"README.md has no section '## {title}'; the install page is built from it."
            )
        body = found[0]
        # the Chinese-edition paragraphs of "Two commands" link into the repository; the site
        # has its own Chinese edition, so the install page keeps the commands only
        body = body.split("**Chinese edition (中文版).**")[0]
        out.append("## " + body.rstrip() + "\n")
    return "\n".join(out)


def _install_page(lang: str) -> str:
    if lang == "zh":
        return (BOOK / "install_zh.md").read_text(encoding="utf-8")
    return "# Install\n\n" + _readme_sections(["Two commands", "With conda instead of pip"])


def _datasets_pages(lang: str, dest: Path) -> list[str]:
    words = WORDS[lang]
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    resources = sorted(package["resources"], key=lambda r: r["name"])
    # the kind (real, simulated, example) as cx.datasets reports it
    from cxlab.datasets import list_datasets

    kinds = dict(zip(*list_datasets()[["name", "kind"]].T.values, strict=True))
    rows = []
    names = []
    for res in resources:
        name = res["name"]
        title = res.get("title_zh", res["title"]) if lang == "zh" else res["title"]
        description = (
            res.get("description_zh", res["description"]) if lang == "zh" else res["description"]
        )
        names.append(name)
        rows.append(
            f"| [{name}]({name}.md) | {_cell_md(title)} "
            f"| {res.get('rows', '')} | {words['kinds'][kinds[name]]} |"
        )
        sources = "; ".join(_cell_md(s.get("title", "")) for s in res.get("sources", []))
        licences = "; ".join(
            _cell_md(s.get("title", s.get("name", ""))) for s in res.get("licenses", [])
        )
        if lang == "zh":  # the two sentences every simulated dataset carries
            sources = re.sub(
                r"Simulated by (datasets/make/\S+) \(cxlab\)", r"由 \1 模拟（cxlab）", sources
            )
            licences = licences.replace(
                "Simulated by cxlab; GPL-3.0-or-later like the package",
                "cxlab 模拟的数据；与软件包相同，GPL-3.0-or-later",
            )
        facts = [
            res.get("rows", ""),
            words["kinds"][kinds[name]],
            f"`datasets/{res['path']}`",
            sources,
            licences,
        ]
        colon = words["colon"]
        lines = [f"# {name}{colon}{title}", "", description, ""]
        lines += [
            f"- **{label}**{colon}{value}"
            for label, value in zip(words["ds_facts"], facts, strict=True)
        ]
        lines += [
            "",
            f'**{words["load"]}**{colon}`cx.datasets.load("{name}")`, '
            f'`cx.datasets.codebook("{name}")`',
            "",
        ]
        lines += [f"## {words['fields']}", ""]
        cols = words["field_cols"]
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for field in res.get("schema", {}).get("fields", []):
            cons = field.get("constraints", {})
            rng = (
                f"{cons['minimum']}–{cons['maximum']}"
                if "minimum" in cons and "maximum" in cons
                else ""
            )
            if "enum" in cons:
                rng = ", ".join(str(v) for v in cons["enum"])
            en, zh = field.get("title", ""), field.get("title_zh", "")
            meaning, other = (zh or en, en) if lang == "zh" else (en, zh)
            cells = [
                f"`{field['name']}`",
                field.get("type", ""),
                meaning,
                other,
                field.get("construct", ""),
                rng,
            ]
            lines.append("| " + " | ".join(_cell_md(c) for c in cells) + " |")
        (dest / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cols = words["ds_cols"]
    index = [f"# {words['datasets_title']}", "", words["datasets_intro"], ""]
    index += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols), *rows, ""]
    index += ["```{toctree}", ":hidden:", "", *names, "```", ""]
    (dest / "index.md").write_text("\n".join(index), encoding="utf-8")
    return names


def _search_words(glossary: Path, dest: Path) -> Path:
    """The glossary's Chinese terms as a jieba user dictionary (one word per line)."""
    words: list[str] = []
    for line in glossary.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 2 or set(cells[0]) <= set("-: "):
            continue
        term = re.split(r"（不用", cells[0])[0]
        for part in re.split(r" / |、|（|）", term):
            part = part.strip()
            if part and " " not in part and re.search(r"[\u4e00-\u9fff]", part):
                words.append(part)
    dest.write_text("".join(f"{w}\n" for w in dict.fromkeys(words)), encoding="utf-8")
    return dest


def stage(lang: str, dest: Path) -> list[str]:
    """Write the Sphinx source folder of one edition; return the pages of its table of contents."""
    src = SOURCES[lang]
    words = WORDS[lang]
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    notebooks = sorted(src.glob("*.ipynb")) + sorted((src / "cases").glob("*.ipynb"))
    if not notebooks:
        raise BookError(f"no notebooks in {src.relative_to(ROOT)}")
    for nb_path in notebooks:
        rel = nb_path.relative_to(src)
        _stage_notebook(nb_path, dest / rel, lang, rel)
    shutil.copy2(src / "glossary.md", dest / "glossary.md")
    if lang == "zh":
        _search_words(src / "glossary.md", dest / "_search_dict.txt")
    (dest / "install.md").write_text(_install_page(lang), encoding="utf-8")
    (dest / "datasets").mkdir()
    _datasets_pages(lang, dest / "datasets")

    tables, (manager, researcher) = _track_tables(src / "00_start_here.ipynb")
    staged = {p.relative_to(src).with_suffix("").as_posix() for p in notebooks}
    listed = set(manager) | set(researcher)
    missing = sorted(staged - listed)
    if missing:
        raise BookError(
            f"{(src / '00_start_here.ipynb').relative_to(ROOT)}: the track tables do not list "
            f"{', '.join(missing)}; add each lesson and case to a track table."
        )
    start = manager[0]
    manager_rest = [d for d in manager if d != start]
    researcher_rest = [d for d in researcher if d != start and d not in manager_rest]

    def toctree(caption: str, docs: list[str]) -> str:
        return "\n".join(["```{toctree}", f":caption: {caption}", ":maxdepth: 1", "", *docs, "```"])

    index = [
        f"# {words['site_title']}",
        "",
        words["intro"],
        "",
        words["tracks_intro"],
        "",
        tables,
        "",
        toctree(words["start"], [start]),
        "",
        toctree(words["manager"], manager_rest),
        "",
        toctree(words["researcher"], researcher_rest),
        "",
        toctree(words["reference"], ["glossary", "datasets/index", "install"]),
        "",
    ]
    (dest / "index.md").write_text("\n".join(index), encoding="utf-8")
    return [start, *manager_rest, *researcher_rest]


ROOT_INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cxlab — customer experience &amp; loyalty · 客户体验与忠诚度</title>
<script>
  // a reader whose browser asks for Chinese goes to 中文; ?stay keeps this page
  if (!location.search.includes("stay")) {
    var langs = navigator.languages || [navigator.language || ""];
    var zh = langs.length && String(langs[0]).toLowerCase().startsWith("zh");
    location.replace(zh ? "zh/index.html" : "en/index.html");
  }
</script>
<style>
  body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; }
  a { font-size: 1.4rem; margin-right: 2rem; }
</style>
</head>
<body>
<h1>cxlab</h1>
<p>Customer experience &amp; loyalty workbook · 客户体验与忠诚度练习手册</p>
<p><a id="cx-en" href="en/index.html" hreflang="en">English</a>
<a id="cx-zh" href="zh/index.html" hreflang="zh-CN" lang="zh-CN">中文</a></p>
</body>
</html>
"""


def build(
    out: Path, langs: tuple[str, ...] = LANGS, jobs: str = "auto", quiet: bool = True
) -> dict[str, Path]:
    """Stage and build the editions into ``out/html/<lang>``; return the HTML folders.

    Sphinx's warnings go to ``out/warnings-<lang>.log``; a warning fails the build (a broken
    link or a page left out of the table of contents must not be published).
    """
    html: dict[str, Path] = {}
    for lang in langs:
        if lang not in LANGS:
            raise BookError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
        src = out / "src" / lang
        stage(lang, src)
        target = out / "html" / lang
        log = out / f"warnings-{lang}.log"
        cmd = [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-c",
            str(BOOK),
            "-j",
            jobs,
            "-w",
            str(log),
            "--keep-going",
            "-W",
            "-E",
            str(src),
            str(target),
        ]
        if quiet:
            cmd.insert(3, "-q")
        env = dict(os.environ, CXLAB_BOOK_LANG=lang, PYTHONWARNINGS="ignore")
        if (src / "_search_dict.txt").is_file():
            env["CXLAB_BOOK_SEARCH_DICT"] = str(src / "_search_dict.txt")
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=ROOT, check=False)
        if done.returncode != 0:
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            raise BookError(
                f"Sphinx failed on the {lang} edition (exit {done.returncode}); "
                f"its warnings:\n{text}"
            )
        print(
            f"{lang}: {len(list(target.rglob('*.html')))} pages "
            f"in {time.perf_counter() - t0:.0f} s -> {target}"
        )
        html[lang] = target
    (out / "html").mkdir(parents=True, exist_ok=True)
    (out / "html" / "index.html").write_text(ROOT_INDEX, encoding="utf-8")
    (out / "html" / ".nojekyll").write_text("", encoding="utf-8")
    return html


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "_build" / "book"), help="output folder")
    parser.add_argument(
        "--lang", action="append", choices=LANGS, help="one edition (default: both)"
    )
    parser.add_argument("--jobs", default="auto", help="Sphinx -j (default auto)")
    args = parser.parse_args(argv)
    try:
        build(Path(args.out).resolve(), tuple(args.lang or LANGS), jobs=args.jobs)
    except BookError as exc:
        print(f"make book: {exc}", file=sys.stderr)
        return 1
    print(f"open {Path(args.out).resolve() / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
