"""Two tracks through one curriculum (issue 19, item 1; design §4).

- every lesson and case of both editions carries ``metadata["cxlab"]`` with ``tracks`` (a subset
  of manager, researcher), ``prerequisites`` (ids of lessons earlier in the course: the file name
  before the first "_", e.g. "00b") and ``minutes`` (an int, 1–120); a notebook added without it
  fails here;
- prerequisites are minimal (none is already required by another one listed) and every lesson
  leads back to 00, which opens both tracks;
- the Chinese twin has the same metadata as the English notebook;
- the line under the glossary link in the first markdown cell states the metadata, in the
  edition's language, and a lesson's own prose gives the same time;
- the maps of the two tracks — on the start page and in the README, each in English and Chinese —
  list exactly the notebooks of each track, with the metadata's track, prerequisites and time, in
  an order where every prerequisite on the same track comes first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ZH = NOTEBOOKS / "zh"
README = ROOT / "README.md"
START = "00_start_here.ipynb"

MANAGER, RESEARCHER = "manager", "researcher"
TRACKS = (MANAGER, RESEARCHER)
MAX_MINUTES = 120

#: how each edition writes the metadata
WORDS: dict[str, dict[str, object]] = {
    "en": {
        "tracks": {
            "manager": [MANAGER],
            "researcher": [RESEARCHER],
            "manager and researcher": [MANAGER, RESEARCHER],
        },
        "none": "none",
        "sep": ", ",
        "case": "case",
        "time": re.compile(r"^about (\d+) minutes$"),
        "line": re.compile(
            r"^\*\*Track:\*\* (?P<tracks>.+?) · \*\*Before this:\*\* (?P<before>.+?)"
            r" · \*\*Time:\*\* (?P<time>.+)$"
        ),
        "link": re.compile(r"^Terms: \[glossary · 中英术语表\]\([^)\s]+\)$"),
        "labels": {"**Manager track**": MANAGER, "**Researcher track**": RESEARCHER},
    },
    "zh": {
        "tracks": {
            "管理者": [MANAGER],
            "研究者": [RESEARCHER],
            "管理者和研究者": [MANAGER, RESEARCHER],
        },
        "none": "无",
        "sep": "、",
        "case": "案例",
        "time": re.compile(r"^约 (\d+) 分钟$"),
        "line": re.compile(
            r"^\*\*路线\*\*：(?P<tracks>.+?) · \*\*先修\*\*：(?P<before>.+?)"
            r" · \*\*用时\*\*：(?P<time>.+)$"
        ),
        "link": re.compile(r"^术语：\[中英术语表\]\([^)\s]+\)$"),
        "labels": {"**管理者路线**": MANAGER, "**研究者路线**": RESEARCHER},
    },
}

#: the time a lesson's own introduction states ("About 60 minutes", "全课约需 60 分钟")
PROSE_TIME = {
    "en": re.compile(r"\babout\s+(\d+)\s+minutes\b", flags=re.IGNORECASE),
    "zh": re.compile(r"约(?:需要?)?\s*(\d+)\s*分钟"),
}


# --- reading the course -------------------------------------------------------------------------


def course(root: Path = NOTEBOOKS) -> list[str]:
    """The lessons and cases of an edition, relative to its folder (instructor notebooks are
    not part of a track)."""
    found = [*sorted(root.glob("*.ipynb")), *sorted((root / "cases").glob("*.ipynb"))]
    return [p.relative_to(root).as_posix() for p in found]


def lesson_id(rel: str) -> str | None:
    """A lesson's id, the file name before the first "_" ("00b"); None for a case.

    >>> lesson_id("00b_primer.ipynb"), lesson_id("cases/hotel_experience.ipynb")
    ('00b', None)
    """
    return None if rel.startswith("cases/") else Path(rel).name.split("_")[0]


def read(path: Path) -> dict:
    """A notebook as JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def metadata(path: Path) -> dict | None:
    """The notebook's ``cxlab`` metadata, or None."""
    return read(path)["metadata"].get("cxlab")


def first_markdown(path: Path) -> str:
    """The source of a notebook's first markdown cell."""
    return next("".join(c["source"]) for c in read(path)["cells"] if c["cell_type"] == "markdown")


def short_title(path: Path) -> str:
    """A notebook's title as the maps give it: its heading without the lesson id (or "Case:"),
    up to the first colon or dash.

    >>> import tempfile
    >>> cell = {"cell_type": "markdown", "source": ["# 05 · Structural models: from A to B"]}
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "x.ipynb"
    ...     _ = p.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    ...     short_title(p)
    'Structural models'
    """
    h1 = first_markdown(path).splitlines()[0].removeprefix("# ")
    h1 = re.sub(r"^(\d\d[a-z]? · |Case: |案例：)", "", h1)
    return re.split(r": |：| — |——", h1)[0].strip()


def ids(root: Path = NOTEBOOKS) -> list[str]:
    """The lesson ids of an edition in course order (00 < 00b < 01 < 01b < 02 …)."""
    return sorted(i for rel in course(root) if (i := lesson_id(rel)))


def metadata_problems(meta: object, rel: str, known: list[str]) -> list[str]:
    """What is wrong with one notebook's metadata (empty when nothing is).

    >>> metadata_problems(None, "14_new.ipynb", ["00"])
    ['14_new.ipynb: no metadata "cxlab" (tracks, prerequisites, minutes)']
    >>> metadata_problems({"tracks": ["manager"], "prerequisites": ["03"], "minutes": 30},
    ...                   "02_x.ipynb", ["00", "02", "03"])
    ['02_x.ipynb: prerequisite 03 does not come before 02']
    """
    if not isinstance(meta, dict):
        return [f'{rel}: no metadata "cxlab" (tracks, prerequisites, minutes)']
    problems = []
    if set(meta) != {"tracks", "prerequisites", "minutes"}:
        problems.append(f"{rel}: keys {sorted(meta)}, expected minutes, prerequisites, tracks")
    tracks = meta.get("tracks")
    if not (isinstance(tracks, list) and tracks and set(tracks) <= set(TRACKS)):
        problems.append(f"{rel}: tracks {tracks!r} must be a non-empty subset of {TRACKS}")
    elif tracks != [t for t in TRACKS if t in tracks]:
        problems.append(f"{rel}: tracks {tracks!r} must be listed once each, manager first")
    prereqs = meta.get("prerequisites")
    own = lesson_id(rel)
    if not isinstance(prereqs, list) or len(set(map(str, prereqs))) != len(prereqs):
        problems.append(f"{rel}: prerequisites {prereqs!r} must be a list without repeats")
    else:
        for p in prereqs:
            if p not in known:
                problems.append(f"{rel}: prerequisite {p!r} is not a lesson id ({known})")
            elif own is not None and not p < own:
                problems.append(f"{rel}: prerequisite {p} does not come before {own}")
        if prereqs != sorted(prereqs):
            problems.append(f"{rel}: prerequisites {prereqs} not in course order")
    minutes = meta.get("minutes")
    if type(minutes) is not int or not 0 < minutes <= MAX_MINUTES:
        problems.append(f"{rel}: minutes {minutes!r} must be an int from 1 to {MAX_MINUTES}")
    return problems


def requirements(all_meta: dict[str, dict], prerequisites: list[str]) -> set[str]:
    """Every lesson id these prerequisites need, themselves included (the closure).

    >>> m = {"00_a.ipynb": {"prerequisites": []}, "01_b.ipynb": {"prerequisites": ["00"]}}
    >>> sorted(requirements(m, ["01"]))
    ['00', '01']
    """
    by_id = {lesson_id(r): m for r, m in all_meta.items() if lesson_id(r)}
    needed: set[str] = set()
    todo = list(prerequisites)
    while todo:
        p = todo.pop()
        if p not in needed:
            needed.add(p)
            todo += by_id[p]["prerequisites"]
    return needed


# --- the line under the glossary link -----------------------------------------------------------


@dataclass(frozen=True)
class Stated:
    """Tracks, prerequisites and minutes as a text states them."""

    tracks: list[str]
    prerequisites: list[str]
    minutes: int

    def as_metadata(self) -> dict:
        """The same as a metadata entry."""
        return {"tracks": self.tracks, "prerequisites": self.prerequisites, "minutes": self.minutes}


def parse_words(tracks: str, before: str, time: str, lang: str) -> Stated:
    """Read the three words of a track line or a map row; ``ValueError`` names a bad one.

    >>> parse_words("管理者和研究者", "00、01", "约 45 分钟", "zh")
    Stated(tracks=['manager', 'researcher'], prerequisites=['00', '01'], minutes=45)
    >>> parse_words("manager", "none", "about 15 minutes", "en").prerequisites
    []
    """
    w = WORDS[lang]
    if tracks.strip() not in w["tracks"]:
        raise ValueError(f"track {tracks!r} is not one of {list(w['tracks'])}")
    found = w["time"].match(time.strip())
    if not found:
        raise ValueError(f"time {time!r} does not read {w['time'].pattern}")
    before = before.strip()
    prereqs = [] if before == w["none"] else before.split(w["sep"])
    return Stated(list(w["tracks"][tracks.strip()]), prereqs, int(found.group(1)))


def expected_line(meta: dict, lang: str) -> str:
    """The track line a notebook with this metadata should carry (shown when the test fails)."""
    w = WORDS[lang]
    tracks = next(k for k, v in w["tracks"].items() if v == meta["tracks"])
    before = w["sep"].join(meta["prerequisites"]) or w["none"]
    if lang == "en":
        time = f"about {meta['minutes']} minutes"
        return f"**Track:** {tracks} · **Before this:** {before} · **Time:** {time}"
    return f"**路线**：{tracks} · **先修**：{before} · **用时**：约 {meta['minutes']} 分钟"


def track_line(markdown: str, lang: str) -> Stated:
    """Parse the line right under the glossary link (one blank line between them).

    >>> md = "# 00 · Start\\n\\nTerms: [glossary · 中英术语表](glossary.md)\\n\\n" + (
    ...     "**Track:** manager · **Before this:** 00, 01 · **Time:** about 45 minutes\\n\\nHi.")
    >>> track_line(md, "en")
    Stated(tracks=['manager'], prerequisites=['00', '01'], minutes=45)
    """
    w = WORDS[lang]
    lines = markdown.splitlines()
    k = next((i for i, ln in enumerate(lines) if w["link"].match(ln)), None)
    if k is None:
        raise ValueError("no glossary link in the first markdown cell")
    below = lines[k + 1 : k + 3]
    found = w["line"].match(below[1]) if len(below) == 2 and below[0] == "" else None
    if not found:
        raise ValueError(f"the line under the glossary link, {below[-1:]}, is no track line")
    return parse_words(found["tracks"], found["before"], found["time"], lang)


# --- the maps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One row of a track map."""

    ident: str
    title: str
    target: str
    stated: Stated


LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<target>[^)\s]+)\)$")


def parse_maps(text: str) -> dict[tuple[str, str], list[Row]]:
    """The track maps in a Markdown text (also inside a ``>`` quote), by (language, track):
    a label line such as ``**Manager track**`` followed by a table
    ``| lesson | title | track | before this | time |``.

    >>> md = '''**Researcher track**
    ...
    ... | lesson | title | track | before this | time |
    ... |---|---|---|---|---|
    ... | 03 | [Survey data](03_survey_data.ipynb) | researcher | 00 | about 60 minutes |
    ... '''
    >>> [(r.ident, r.target, r.stated.minutes) for r in parse_maps(md)["en", "researcher"]]
    [('03', '03_survey_data.ipynb', 60)]
    """
    labels = {
        label: (lang, track) for lang in WORDS for label, track in WORDS[lang]["labels"].items()
    }
    maps: dict[tuple[str, str], list[Row]] = {}
    current: tuple[str, str] | None = None
    table: list[str] = []

    def close() -> None:
        if current is None:
            return
        if current in maps:
            raise ValueError(f"two maps for {current}")
        rows = []
        for line in table[2:]:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 5:
                raise ValueError(f"a map row needs five cells: {line!r}")
            link = LINK.match(cells[1])
            if not link:
                raise ValueError(f"second cell is not a link: {line!r}")
            stated = parse_words(cells[2], cells[3], cells[4], current[0])
            rows.append(Row(cells[0], link["title"], link["target"], stated))
        maps[current] = rows

    for raw in [*text.splitlines(), ""]:
        line = re.sub(r"^>\s?", "", raw).rstrip()
        if line in labels:
            close()
            current, table = labels[line], []
        elif current is not None and line.startswith("|"):
            table.append(line)
        elif current is not None and table:
            close()
            current, table = None, []
    close()
    return maps


def map_problems(rows: list[Row], lang: str, track: str, base: Path, edition: Path) -> list[str]:
    """What is wrong with one track's map whose links are relative to ``base`` and must lead
    into ``edition`` (notebooks/ or notebooks/zh/)."""
    problems = []
    where = f"{lang} map of the {track} track"
    listed = []
    for row in rows:
        path = (base / row.target).resolve()
        if path.parent not in (edition.resolve(), (edition / "cases").resolve()):
            problems.append(f"{where}: {row.target} is not a notebook of {edition.name}/")
            continue
        if not path.is_file():
            problems.append(f"{where}: {row.target} does not exist")
            continue
        rel = path.relative_to(edition.resolve()).as_posix()
        listed.append(rel)
        meta = metadata(path) or {}
        if row.stated.as_metadata() != meta:
            problems.append(f"{where}: row {rel} says {row.stated}, the metadata {meta}")
        ident = lesson_id(rel) or WORDS[lang]["case"]
        if row.ident != ident:
            problems.append(f"{where}: row {rel} is labelled {row.ident!r}, not {ident!r}")
        if row.title != short_title(path):
            problems.append(f"{where}: title {row.title!r}, the notebook's {short_title(path)!r}")
    on_track = sorted(
        rel for rel in course(edition) if track in (metadata(edition / rel) or {}).get("tracks", [])
    )
    if sorted(listed) != on_track:
        problems.append(
            f"{where}: lists {sorted(listed)}, the metadata puts {on_track} on the track"
        )
    if listed and listed[0] != START:
        problems.append(f"{where}: starts with {listed[0]}, not {START}")
    seen: set[str] = set()
    case_seen = False
    for rel in listed:
        meta = metadata(edition / rel) or {}
        ahead = [
            p
            for p in meta.get("prerequisites", [])
            if p not in seen and any(lesson_id(r) == p for r in listed)
        ]
        if ahead:
            problems.append(f"{where}: {rel} comes before its prerequisite(s) {ahead}")
        if lesson_id(rel) is None:
            case_seen = True
        elif case_seen:
            problems.append(f"{where}: lesson {rel} comes after a case")
        seen.add(lesson_id(rel) or rel)
    return problems


# --- tests: metadata ----------------------------------------------------------------------------

EN_COURSE = course(NOTEBOOKS)
BOTH = [(lang, rel) for rel in EN_COURSE for lang in ("en", "zh")]


def _path(lang: str, rel: str) -> Path:
    return (ZH if lang == "zh" else NOTEBOOKS) / rel


def _all_metadata() -> dict[str, dict]:
    return {rel: metadata(NOTEBOOKS / rel) for rel in EN_COURSE}


def test_the_course_is_all_there():
    assert {START, "00b_primer.ipynb", "01b_cem_management_system.ipynb"} <= set(EN_COURSE)
    assert {rel for rel in EN_COURSE if rel.startswith("cases/")} >= {
        "cases/airline_moments_of_truth.ipynb",
        "cases/hotel_experience.ipynb",
        "cases/retail_omnichannel.ipynb",
    }
    assert course(ZH) == EN_COURSE, "the two editions hold different lessons"


@pytest.mark.parametrize(("lang", "rel"), BOTH, ids=[f"{lang}:{rel}" for lang, rel in BOTH])
def test_every_lesson_and_case_has_valid_metadata(lang, rel):
    path = _path(lang, rel)
    root = ZH if lang == "zh" else NOTEBOOKS
    assert metadata_problems(metadata(path), rel, ids(root)) == []


@pytest.mark.parametrize("rel", EN_COURSE)
def test_the_chinese_twin_has_the_same_metadata(rel):
    assert metadata(ZH / rel) == metadata(NOTEBOOKS / rel), f"zh/{rel} differs from {rel}"


def test_prerequisites_are_minimal_and_lead_back_to_start_here():
    all_meta = _all_metadata()
    for rel, meta in all_meta.items():
        listed = meta["prerequisites"]
        for p in listed:
            others = [q for q in listed if q != p]
            assert p not in requirements(all_meta, others), (
                f"{rel}: {p} is already required through {others}"
            )
        if rel != START:
            assert "00" in requirements(all_meta, listed), f"{rel} does not lead back to 00"


def test_start_here_opens_both_tracks_and_needs_nothing():
    meta = metadata(NOTEBOOKS / START)
    assert meta["tracks"] == [MANAGER, RESEARCHER] and meta["prerequisites"] == []
    for track in TRACKS:
        assert any(track in m["tracks"] for r, m in _all_metadata().items() if r != START)


# --- tests: the line under the glossary link ----------------------------------------------------


@pytest.mark.parametrize(("lang", "rel"), BOTH, ids=[f"{lang}:{rel}" for lang, rel in BOTH])
def test_the_first_cell_states_track_prerequisites_and_time(lang, rel):
    path = _path(lang, rel)
    meta = metadata(path)
    assert meta is not None, f"{rel}: no metadata"
    try:
        stated = track_line(first_markdown(path), lang)
    except ValueError as err:
        pytest.fail(f"{lang}:{rel}: {err}; expected the line\n{expected_line(meta, lang)}")
    assert stated.as_metadata() == meta, f"expected the line\n{expected_line(meta, lang)}"


LESSONS = [(lang, rel) for lang, rel in BOTH if lesson_id(rel)]


@pytest.mark.parametrize(("lang", "rel"), LESSONS, ids=[f"{lang}:{rel}" for lang, rel in LESSONS])
def test_a_lessons_own_words_give_the_same_time(lang, rel):
    path = _path(lang, rel)
    prose = "\n".join(
        ln for ln in first_markdown(path).splitlines() if not WORDS[lang]["line"].match(ln)
    )
    said = {int(n) for n in PROSE_TIME[lang].findall(prose)}
    assert said == {metadata(path)["minutes"]}, f"{lang}:{rel}: the introduction says {said}"


# --- tests: the maps ----------------------------------------------------------------------------

MAPS = [
    ("README.md", README, ROOT, "en", NOTEBOOKS),
    ("README.md", README, ROOT, "zh", ZH),
    (START, NOTEBOOKS / START, NOTEBOOKS, "en", NOTEBOOKS),
    (f"zh/{START}", ZH / START, ZH, "zh", ZH),
]


def _map_text(path: Path) -> str:
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    return "\n\n".join(
        "".join(c["source"]) for c in read(path)["cells"] if c["cell_type"] == "markdown"
    )


@pytest.mark.parametrize(
    ("name", "path", "base", "lang", "edition"), MAPS, ids=[f"{m[0]}:{m[3]}" for m in MAPS]
)
@pytest.mark.parametrize("track", TRACKS)
def test_the_map_lists_each_track_with_the_metadata(name, path, base, lang, edition, track):
    maps = parse_maps(_map_text(path))
    if path.suffix == ".ipynb":
        assert {lg for lg, _ in maps} == {lang}, f"{name} holds maps in {sorted(maps)}"
    assert (lang, track) in maps, f"{name}: no {lang} map of the {track} track"
    assert map_problems(maps[lang, track], lang, track, base, edition) == []


def test_the_start_pages_add_the_same_section_in_both_editions():
    def headings(path: Path) -> list[str]:
        return re.findall(r"^#{1,3} .*$", _map_text(path), flags=re.M)

    en, zh = headings(NOTEBOOKS / START), headings(ZH / START)
    assert "### Two tracks through the course" in en and "### 两条学习路线" in zh
    assert en.index("### Two tracks through the course") == zh.index("### 两条学习路线")


# --- tests: the checks can fail -----------------------------------------------------------------


def _notebook(tmp: Path, rel: str, first: str, meta: dict | None) -> Path:
    path = tmp / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": [first]}],
        "metadata": {"kernelspec": {"name": "python3"}} | ({"cxlab": meta} if meta else {}),
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_a_lesson_added_without_metadata_fails(tmp_path):
    good = {"tracks": [MANAGER, RESEARCHER], "prerequisites": [], "minutes": 15}
    first = "# 00 · Start\n\nTerms: [glossary · 中英术语表](glossary.md)\n\nHi."
    _notebook(tmp_path, START, first, good)
    _notebook(tmp_path, "14_new_lesson.ipynb", "# 14 · New", None)
    found = {
        rel: metadata_problems(metadata(tmp_path / rel), rel, ids(tmp_path))
        for rel in course(tmp_path)
    }
    assert found[START] == []
    assert found["14_new_lesson.ipynb"] == [
        '14_new_lesson.ipynb: no metadata "cxlab" (tracks, prerequisites, minutes)'
    ]


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"tracks": ["guest"], "prerequisites": ["00"], "minutes": 30}, "subset"),
        ({"tracks": [], "prerequisites": ["00"], "minutes": 30}, "subset"),
        ({"tracks": [RESEARCHER, MANAGER], "prerequisites": ["00"], "minutes": 30}, "first"),
        ({"tracks": [MANAGER], "prerequisites": ["07"], "minutes": 30}, "not a lesson id"),
        ({"tracks": [MANAGER], "prerequisites": ["05"], "minutes": 30}, "does not come before"),
        ({"tracks": [MANAGER], "prerequisites": ["00", "00"], "minutes": 30}, "repeats"),
        ({"tracks": [MANAGER], "prerequisites": ["01", "00"], "minutes": 30}, "course order"),
        ({"tracks": [MANAGER], "prerequisites": ["00"], "minutes": 0}, "minutes"),
        ({"tracks": [MANAGER], "prerequisites": ["00"], "minutes": 180}, "minutes"),
        ({"tracks": [MANAGER], "prerequisites": ["00"], "minutes": 45.0}, "minutes"),
        ({"tracks": [MANAGER], "prerequisites": ["00"], "minutes": True}, "minutes"),
        ({"tracks": [MANAGER], "prerequisites": ["00"]}, "keys"),
    ],
)
def test_bad_metadata_is_named(meta, message):
    problems = metadata_problems(meta, "03_lesson.ipynb", ["00", "01", "03", "05"])
    assert any(message in p for p in problems), problems


def test_a_wrong_track_line_is_caught():
    head = "# 02 · X\n\nTerms: [glossary · 中英术语表](glossary.md)\n\n"
    meta = {"tracks": [MANAGER], "prerequisites": ["00"], "minutes": 60}
    right = head + expected_line(meta, "en") + "\n\nText."
    assert track_line(right, "en").as_metadata() == meta
    stale = right.replace("about 60 minutes", "about 45 minutes")
    assert track_line(stale, "en").as_metadata() != meta
    with pytest.raises(ValueError, match="no track line"):
        track_line(head + "Text.", "en")
    with pytest.raises(ValueError, match="track 'managers'"):
        track_line(right.replace("manager", "managers"), "en")
    zh_head = "# 02 · X\n\n术语：[中英术语表](glossary.md)\n\n"
    assert track_line(zh_head + expected_line(meta, "zh"), "zh").as_metadata() == meta


def test_a_map_that_disagrees_with_the_metadata_is_caught():
    text = _map_text(README)
    row = "| 04 | [Reliability and validity](notebooks/04_reliability_validity.ipynb)"
    assert row in text
    other = "| 04 | [Reliability and validity](notebooks/03_survey_data.ipynb)"
    cases = {
        "time": text.replace(
            row + " | researcher | 03 | about 60", row + " | researcher | 03 | about 50"
        ),
        "link": text.replace(row, other),
        "track": text.replace(row + " | researcher", row + " | manager and researcher"),
    }
    for what, bad in cases.items():
        assert bad != text, what
        rows = parse_maps(bad)["en", RESEARCHER]
        assert map_problems(rows, "en", RESEARCHER, ROOT, NOTEBOOKS), what
    order = parse_maps(text)["en", RESEARCHER]
    swapped = [order[0], order[2], order[1], *order[3:]]  # 04 before 03
    assert any(
        "before its prerequisite" in p
        for p in map_problems(swapped, "en", RESEARCHER, ROOT, NOTEBOOKS)
    )
