"""Write the pip constraints file of the tested version set (``make lock`` calls this only
after the whole test suite passed in a fresh venv).

    python scripts/freeze_constraints.py requirements/constraints.txt

The file pins every installed distribution except cxlab itself (editable) and pip; it is a
*constraints* file, so a package that another platform does not need is simply ignored.
"""

from __future__ import annotations

import datetime as dt
import platform
import subprocess
import sys
from pathlib import Path

HEADER = """\
# The version set cxlab's whole test suite (make test, make test-portable) passed with.
# `make lab` and `make test` install with `pip install -c {name}`; pyproject.toml keeps
# lower bounds for library users. Refresh: `make lock` (fresh venv, newest versions,
# full test run, then this file), review the diff, commit.
# Written {date} with Python {python} on {machine}.
"""


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    pins = sorted(
        (
            line
            for line in frozen
            if "==" in line and not line.lower().startswith(("cxlab==", "pip=="))
        ),
        key=str.lower,
    )
    header = HEADER.format(
        name=out.as_posix(),
        date=dt.date.today().isoformat(),
        python=platform.python_version(),
        machine=f"{platform.system()} {platform.machine()}",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(header + "\n".join(pins) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"{out}: {len(pins)} pinned distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
