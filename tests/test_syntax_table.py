"""docs/lavaan_syntax.md: every row's example is run through cx.sem.fit on Holzinger &
Swineford's data; "supported" rows must fit, "refused" rows must stop with a
ModelSpecError whose message gives the row's reason (the table cannot go stale)."""

from __future__ import annotations

import re

import pytest

import cxlab as cx
from cxlab.errors import ModelSpecError

BASE = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
LABELLED = "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6"
MEDIATION = BASE + "\nvisual ~ a*female\ntextual ~ b*visual"
COMMON = {"with", "that", "from", "this", "have", "into", "the", "and", "use", "instead", "cxlab"}


def _rows(root) -> list[tuple[str, str, str, str]]:
    text = (root / "docs" / "lavaan_syntax.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| feature") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        assert len(cells) == 4, line
        rows.append(tuple(c.replace("\\|", "|") for c in cells))
    return rows


def _model(example: str) -> str:
    code = " \n".join(re.findall(r"`([^`]*)`", example))
    if code.startswith(("level:", "group:")) or "=~" in code:
        return code
    if code.startswith("ab :="):
        return MEDIATION + "\n" + code
    if re.match(r"^[ab] ", code):
        return LABELLED + "\n" + code
    return BASE + "\n" + code


@pytest.fixture(scope="module")
def hs():
    data = cx.datasets.load("holzinger_swineford")
    data["female"] = (data["sex"] == 2).astype(float)
    return data


def test_the_table_covers_the_features_the_issue_names(root):
    features = " ".join(r[0] for r in _rows(root))
    for needed in ("several outcomes", "label()", "NA*", "start()", "c()", "0*1", "comments",
                   "level:", "<~", "=="):  # fmt: skip
        assert needed in features, needed
    assert {r[2] for r in _rows(root)} == {"supported", "refused"}


def test_every_row_behaves_as_the_table_says(root, hs):
    for feature, example, verdict, reason in _rows(root):
        model = _model(example)
        group = "school" if "c(" in example else None
        if verdict == "supported":
            fit = cx.sem.fit(model, hs, group=group)
            assert fit.converged, feature
        else:
            with pytest.raises(ModelSpecError) as err:
                cx.sem.fit(model, hs, group=group)
            message = str(err.value).lower()
            words = {w for w in re.findall(r"[a-z]{4,}", reason.lower()) if w not in COMMON}
            hits = {w for w in words if w in message}
            assert len(hits) >= min(2, len(words)), (feature, reason, str(err.value))


@pytest.mark.parametrize("constraint", ["a == b", "a > 0", "b1 + b2 == 1"])
def test_constraints_are_refused_by_pls_and_the_simulator_as_the_doc_says(constraint):
    # docs/lavaan_syntax.md: only cx.sem.fit imposes '==', '<', '>'
    ecsi = cx.datasets.load("ecsi_mobile")
    pls_model = "Image =~ IMAG1 + IMAG2\nLoyalty =~ CUSL1 + CUSL2\nLoyalty ~ a*Image\n"
    with pytest.raises(ModelSpecError, match=r"Line 4: .* is a constraint.*cx.sem.fit"):
        cx.pls.fit(pls_model + constraint, ecsi)
    with pytest.raises(ModelSpecError, match=r"Line 2: .* is a constraint.*population values"):
        cx.simulate.simulate("y ~ 0.3*x\n" + constraint, n=50, seed=1)
    with pytest.raises(ModelSpecError, match=r"analysis model .* constraints"):
        cx.simulate.power(
            "y ~ 0.3*x1 + 0.3*x2",
            "y ~ x1",
            [100],
            analysis_model="y ~ a*x1 + b*x2 + b1*x1\n" + constraint,
            seed=1,
            reps=10,
            n_jobs=1,
            progress=False,
        )


def test_cluster_keyword_is_refused_with_the_alternatives(hs):
    with pytest.raises(ModelSpecError, match=r"cluster='school'.*mixedlm"):
        cx.sem.fit("visual =~ x1 + x2 + x3", hs, cluster="school")
