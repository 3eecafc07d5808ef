"""cx.validity: CFA-based discriminant validity against lavaan (tests/reference/)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import cxlab as cx
from cxlab.errors import DataError, InadmissibleSolutionError

HS = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"


@pytest.fixture(scope="module")
def hs_result():
    fit = cx.psychometrics.cfa(HS, cx.datasets.load("holzinger_swineford"))
    return cx.psychometrics.discriminant_validity(fit, B=300, seed=7)


def test_fornell_larcker_uses_lavaans_latent_correlations_and_standardized_ave(hs_result, root):
    ref = json.loads((root / "tests/reference/psychometrics.json").read_text())
    cfa = ref["holzinger_swineford"]["cfa"]
    for a, row in cfa["latent_cor"].items():
        for b, value in row.items():
            assert hs_result.latent_cor.loc[a, b] == pytest.approx(value, abs=1e-5)
    for factor, value in cfa["ave_standardized"].items():
        assert hs_result.ave[factor] == pytest.approx(value, abs=1e-5)
        assert hs_result.fornell_larcker.loc[factor, factor] == pytest.approx(
            np.sqrt(value), abs=1e-5
        )
    assert hs_result.ok and hs_result.fornell_larcker["passes"].all()


def test_htmt_table_equals_semtools(hs_result, root):
    ref = json.loads((root / "tests/reference/psychometrics.json").read_text())[
        "holzinger_swineford"
    ]
    names = {"visual": "visual", "textual": "textual", "speed": "speed"}
    for r in hs_result.htmt.itertuples():
        expected = ref["htmt"][names[r.scale_1]][names[r.scale_2]]
        assert r.htmt == pytest.approx(expected, abs=1e-6)
        assert r.ci_low < r.htmt < r.ci_high


def test_ecsi_cfa_cannot_be_assessed_and_says_why():
    ecsi = cx.datasets.load("ecsi_mobile")
    model = (
        "Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5\nExpectation =~ CUEX1 + CUEX2 + CUEX3\n"
        "Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7\n"
        "Satisfaction =~ CUSA1 + CUSA2 + CUSA3"
    )
    fit = cx.psychometrics.cfa(model, ecsi)
    assert fit.admissible  # the four-factor CFA is admissible, but the factors are not distinct
    dv = cx.psychometrics.discriminant_validity(fit, B=300, seed=1)
    assert not dv.ok
    assert "√AVE of Quality (0.711) is not above its correlation with Satisfaction (0.960)" in (
        " ".join(dv.problems)
    )
    pair = dv.htmt.set_index(["scale_1", "scale_2"]).loc[("Quality", "Satisfaction")]
    assert pair["htmt"] == pytest.approx(0.954, abs=1e-3) and pair["ci_includes_1"]
    # with loyalty and value added the CFA itself becomes inadmissible (non-PD factor matrix)
    six = cx.psychometrics.cfa(
        model + "\nValue =~ PERV1 + PERV2\nLoyalty =~ CUSL1 + CUSL2 + CUSL3", ecsi
    )
    with pytest.raises(InadmissibleSolutionError, match="not positive definite"):
        cx.psychometrics.discriminant_validity(six, B=200, seed=1)


def test_cfa_refuses_structural_models():
    with pytest.raises(DataError, match="no regressions"):
        cx.psychometrics.cfa("F =~ x1 + x2 + x3\nY ~ F", cx.datasets.load("holzinger_swineford"))


def test_reachable_from_psychometrics():
    with pytest.warns(DeprecationWarning, match=r"cx\.psychometrics\.cfa"):
        assert cx.psychometrics.cfa is cx.validity.cfa  # the old name, one more release
    with pytest.raises(AttributeError):
        cx.psychometrics.nonexistent  # noqa: B018


def test_invariance_moved_to_sem_with_a_warning():
    assert "invariance" not in cx.psychometrics.__all__
    with pytest.warns(DeprecationWarning, match=r"cx\.sem\.invariance"):
        moved = cx.psychometrics.invariance
    assert moved is cx.sem.invariance
    with pytest.warns(DeprecationWarning, match=r"cx\.sem\.invariance"):
        assert cx.invariance.invariance is cx.sem.invariance
    assert cx.psychometrics.discriminant_validity is cx.psychometrics.validity.discriminant_validity


def test_discriminant_validity_convention(hs_result):
    pd_frame = hs_result.to_frame()
    assert list(pd_frame.columns[:5]) == ["scale_1", "scale_2", "htmt", "ci_low", "ci_high"]
    assert len(hs_result.plot().get_yticklabels()) == len(pd_frame)
    assert hs_result._repr_html_().startswith("<p><b>Discriminant validity</b> — holds")


def test_discriminant_validity_level_seed_and_old_ci_name():
    fit = cx.psychometrics.cfa(HS, cx.datasets.load("holzinger_swineford"))
    with pytest.raises(DataError, match="pass seed="):
        cx.psychometrics.discriminant_validity(fit, B=50)
    new = cx.psychometrics.discriminant_validity(fit, B=50, seed=1, level=0.90)
    with pytest.warns(DeprecationWarning, match=r"level=0\.9"):
        old = cx.psychometrics.discriminant_validity(fit, B=50, seed=1, ci=0.90)
    np.testing.assert_array_equal(old.htmt["ci_low"], new.htmt["ci_low"])
