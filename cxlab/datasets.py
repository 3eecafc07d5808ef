"""The datasets bundled with cxlab: list them, load them, read their codebooks.

Every dataset is a CSV file in ``datasets/`` described by a Frictionless
``datapackage.json`` resource: field types, scale ends, construct, item wording in
English and 中文, reverse-keyed flag, provenance and licence. Loading checks the
file against the recorded size and SHA-256 hash, so a damaged or edited file is
reported instead of analysed; nothing is ever written to ``datasets/``.

Examples
--------
>>> import cxlab as cx
>>> cx.datasets.load("ecsi_mobile").shape
(250, 24)
>>> cb = cx.datasets.codebook("ecsi_mobile")
>>> cb.loc[cb["name"] == "CUSA1", ["construct", "scale_min", "scale_max"]].values.tolist()
[['Customer satisfaction', 1, 10]]
"""

from __future__ import annotations

import difflib
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxlab._resources import resource_dir
from cxlab.errors import DataError, DatasetNotFoundError
from cxlab.io.codebook import CODEBOOK_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from cxlab.survey import Survey

__all__ = [
    "codebook",
    "data_dir",
    "describe",
    "example_file",
    "example_files",
    "list_datasets",
    "load",
    "resource",
    "survey",
]


def data_dir() -> Path:
    """Folder that holds the bundled data files and ``datapackage.json``.

    Examples
    --------
    >>> import cxlab as cx
    >>> (cx.datasets.data_dir() / "datapackage.json").is_file()
    True
    """
    return resource_dir("datasets")


@cache
def _package() -> dict[str, Any]:
    path = data_dir() / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(
            f"The dataset catalogue {path} cannot be read ({exc}). Restore it with "
            "`git checkout -- datasets/datapackage.json` or reinstall cxlab."
        ) from exc
    return {"package": package, "resources": resources}


def example_files() -> list[str]:
    """Names of the raw survey exports shipped for lesson 03 (``datasets/fixtures/``).

    Examples
    --------
    >>> import cxlab as cx
    >>> "wjx_hotel_gbk.csv" in cx.datasets.example_files()
    True
    """
    folder = data_dir() / "fixtures"
    return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def example_file(name: str) -> Path:
    """Path of a shipped raw survey export, e.g. ``"wjx_hotel_gbk.csv"`` (read-only:
    read it with :func:`cxlab.io.read_survey`, never edit it in place).

    Examples
    --------
    >>> import cxlab as cx
    >>> path = cx.datasets.example_file("wjx_hotel_gbk.csv")  # a 问卷星 export in GBK
    >>> cx.io.read_survey(path)
    Survey(30 respondents × 13 columns from wjx_hotel_gbk.csv, id='序号')
    """
    names = example_files()
    if name not in names:
        raise DatasetNotFoundError(f"No example file {name!r}; there are {', '.join(names)}.")
    return data_dir() / "fixtures" / name


def resource(name: str) -> dict[str, Any]:
    """The Frictionless resource entry of dataset *name* (a copy of the JSON).

    Examples
    --------
    >>> import cxlab as cx
    >>> res = cx.datasets.resource("hotel_4e")
    >>> res["path"], res["rows"], res["simulation"]["seed"]  # a simulated dataset
    ('hotel_4e.csv', 600, 20261124)
    """
    resources = _package()["resources"]
    if not isinstance(name, str) or name not in resources:
        names = sorted(resources)
        close = [n for n in names if n.startswith(str(name))] or difflib.get_close_matches(
            str(name), names, n=1
        )
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise DatasetNotFoundError(
            f"No dataset called {name!r}.{hint} Available datasets: {', '.join(names)}. "
            "See cx.datasets.list_datasets()."
        )
    return json.loads(json.dumps(resources[name]))


def list_datasets() -> pd.DataFrame:
    """One row per bundled dataset: name, rows, columns, kind, title, description.

    ``kind`` is "real" (observed data), "simulated" (simulated by cxlab with a known truth:
    ``resource(name)["simulation"]``) or "example" (a software package's example data,
    simulated by its authors with no published truth, e.g. lavaan's Demo.growth).

    Examples
    --------
    >>> import cxlab as cx
    >>> "cdnow" in set(cx.datasets.list_datasets()["name"])
    True
    """
    import pandas as pd

    rows = []
    for name, res in sorted(_package()["resources"].items()):
        rows.append(
            {
                "name": name,
                "rows": res.get("rows"),
                "columns": len(res["schema"]["fields"]),
                "kind": res.get("kind", "simulated" if "simulation" in res else "real"),
                "title": res.get("title", ""),
                "description": res.get("description", ""),
            }
        )
    return pd.DataFrame(rows)


def _verify_file(name: str, res: dict[str, Any]) -> Path:
    path = data_dir() / res["path"]
    if not path.is_file():
        raise DataError(
            f"The data file of dataset {name!r} is missing: {path}. Restore it with "
            f"`git checkout -- datasets/{res['path']}` (or reinstall cxlab)."
        )
    raw = path.read_bytes()
    expected = res.get("hash", "")
    if res.get("bytes") is not None and len(raw) != res["bytes"]:
        problem = f"it has {len(raw):,} bytes where {res['bytes']:,} were recorded"
    elif expected and "sha256:" + hashlib.sha256(raw).hexdigest() != expected:
        problem = "its SHA-256 hash differs from the one recorded in datapackage.json"
    else:
        return path
    raise DataError(
        f"The data file {path} of dataset {name!r} is damaged or was edited: {problem}. "
        f"Restore the original with `git checkout -- datasets/{res['path']}` or reinstall "
        "cxlab; to analyse a modified copy, save it elsewhere and read it with pandas."
    )


def load(name: str) -> pd.DataFrame:
    """Load bundled dataset *name* as a DataFrame with the codebook's types.

    Integer fields become ``int64`` (``Int64`` when values are missing), ``date``
    fields ``datetime64``, text fields strings.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets`, e.g. ``"ecsi_mobile"`` or ``"cdnow"``.

    Examples
    --------
    >>> import cxlab as cx
    >>> log = cx.datasets.load("cdnow")
    >>> len(log), log["customer_id"].nunique()
    (69659, 23570)
    """
    import pandas as pd

    res = resource(name)
    path = _verify_file(name, res)
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    try:
        df = pd.read_csv(
            path,
            encoding=res.get("encoding", "utf-8"),
            dtype={f["name"]: str for f in fields if f["type"] == "string"},
        )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataError(
            f"The data file {path} of dataset {name!r} cannot be parsed: {exc}."
        ) from exc
    if list(df.columns) != names:
        raise DataError(
            f"The data file {path} has columns {list(df.columns)}, but its codebook lists "
            f"{names}. Restore the file with `git checkout -- datasets/{res['path']}`."
        )
    for field in fields:
        col, kind = field["name"], field["type"]
        if kind == "integer":
            df[col] = df[col].astype("Int64" if df[col].isna().any() else "int64")
        elif kind == "number":
            df[col] = df[col].astype("float64")
        elif kind in {"date", "datetime"}:
            fmt = field.get("format")
            df[col] = pd.to_datetime(
                df[col], format=None if fmt in (None, "default", "any") else fmt
            )
        elif kind == "boolean":
            df[col] = df[col].astype("boolean")
    return df


def codebook(name: str) -> pd.DataFrame:
    """The codebook of dataset *name*: one row per column.

    Columns: name, label_en, label_zh, construct, construct_zh (the construct's Chinese
    name, where the dataset has one), scale_min, scale_max, reverse, type, description.

    Examples
    --------
    >>> import cxlab as cx
    >>> cx.datasets.codebook("ecsi_mobile")["construct"].nunique()
    7
    """
    import pandas as pd

    rows = []
    for field in resource(name)["schema"]["fields"]:
        cons = field.get("constraints", {})
        rows.append(
            {
                "name": field["name"],
                "label_en": field.get("title", ""),
                "label_zh": field.get("title_zh", ""),
                "construct": field.get("construct"),
                "construct_zh": field.get("construct_zh"),
                "scale_min": cons.get("minimum"),
                "scale_max": cons.get("maximum"),
                "reverse": bool(field.get("reverse", False)),
                "type": field["type"],
                "description": field.get("description", ""),
            }
        )
    out = pd.DataFrame(rows, columns=CODEBOOK_COLUMNS)
    for col in ("scale_min", "scale_max"):
        out[col] = out[col].astype("Int64")
    return out


def survey(name: str) -> Survey:
    """Dataset *name* as a :class:`~cxlab.survey.Survey`: the data with its codebook
    (wording, scales, constructs, reverse-keyed flags), ready for ``validate()``,
    ``reverse_code()`` and every function that takes ``data=``.

    Examples
    --------
    >>> import cxlab as cx
    >>> s = cx.datasets.survey("hotel_4e")
    >>> s.data.shape == cx.datasets.load("hotel_4e").shape, s.validate().ok
    (True, True)
    >>> len(s.scales()) > 0
    True
    """
    from cxlab.survey import Survey

    return Survey(load(name), codebook(name), source=f"cxlab dataset {name!r}")


def describe(name: str) -> str:
    """A plain-text card for dataset *name*: title, size, description, sources, licence.

    Examples
    --------
    >>> import cxlab as cx
    >>> print(cx.datasets.describe("cdnow").splitlines()[0])
    cdnow — CDNOW transaction log (full cohort)
    """
    res = resource(name)
    lines = [
        f"{name} — {res.get('title', '')}",
        f"{res.get('rows', '?'):,} rows × {len(res['schema']['fields'])} columns",
        "",
        res.get("description", ""),
        "",
        "Sources:",
        *[
            f"  - {s.get('title', '')}" + (f" <{s['path']}>" if "path" in s else "")
            for s in res.get("sources", [])
        ],
        "Licence: "
        + "; ".join(lic.get("title", lic.get("name", "")) for lic in res.get("licenses", [])),
    ]
    if "simulation" in res:
        sim = res["simulation"]
        lines.append(f"Simulated by {sim.get('script', '?')} with seed {sim.get('seed', '?')}.")
    return "\n".join(lines)
