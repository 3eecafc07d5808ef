"""PLS path modeling (偏最小二乘路径模型, PLS-PM): estimates, bootstrap, CSI index, IPMA.

``cx.pls.fit(model, data)`` takes lavaan-style syntax — ``C =~ x1 + x2`` for a mode A
("reflective") block, ``C <~ x1 + x2`` for mode B ("formative"), ``Y ~ X`` for paths
(labels as ``Y ~ b*X``; ``ind := a*b`` defines effects) — and returns a :class:`PLSFit`:
outer weights and loadings, cross-loadings, path coefficients with f² and VIF, R²,
construct scores, reliability (α, ρA, ρc, AVE), HTMT, direct / indirect / total effects,
a vectorised bootstrap, the 0–100 customer-satisfaction index (CSI) and the
importance-performance map (IPMA), and PLSpredict. Interaction terms (``Y ~ A + B + A:B``:
two-stage, product-indicator or orthogonalised, with simple slopes and f²), higher-order
constructs (``H =~ A + B`` or ``H <~ A + B``: two-stage or repeated indicators) and
consistent PLS (``consistent=True``, PLSc) give an :class:`ExtendedPLSFit`, checked
against seminr 0.2.1 (tests/reference/seminr_advanced.py, tests/test_pls_advanced.py).
Two groups (business and leisure guests, two hotel brands) are compared by
``cx.pls.mga(fit, group, B=..., seed=...)`` — PLS-MGA: the permutation test, Henseler's
bootstrap PLS-MGA (equal to seminr's ``estimate_pls_mga``), the parametric and Welch
tests, after MICOM, ``cx.pls.micom`` (measurement invariance of composites: configural,
compositional, equal means and variances).
Result tables use cxlab's column vocabulary (``lhs/op/rhs``, ``est``, ``se``, ``ci_low``,
``ci_high``; a path is ``outcome ~ predictor``). The templates of :mod:`cxlab.models`
(``acsi()``, ``ecsi()``) fit as they are (``~~`` lines are skipped with a note).

Numbers match seminr 0.2.1 (PyPI; itself R seminr to 1e-5) — ``estimate_pls()`` with
``composite(..., weights = mode_A | mode_B)``, ``path_weighting`` / ``path_factorial`` —
to 1e-12 for weights, loadings and paths on the ECSI model of ``ecsi_mobile`` (see
tests/reference/seminr_ecsi.py and tests/test_pls.py), and ``bootstrap_model()`` and
``predict_pls()`` for the same seed.

Algorithm
---------
Wold's (1982) and Lohmöller's (1989) PLS-PM: indicators standardized (n − 1); starting
outer weights 1; inner weighting scheme ``"path"`` (default; regression weights on the
predecessors, correlations with the successors), ``"factorial"`` (correlations) or
``"centroid"`` (signs of the correlations; plspm's default, not in seminr); mode A weights
= covariances of the items with the inner estimate, mode B = multiple-regression weights;
each composite rescaled to unit variance; stop when the sum of absolute changes of the
outer weights is below ``tol = 1e-7`` (seminr's ``stop_criterion = 7``) or after
``max_iter = 300`` (plspm stops when Σ(|w_old| − |w_new|)² < 1e-6, which gives the same
estimates to about 1e-6). Paths are OLS on the standardized scores. No sign correction.

Decision: an own implementation, not seminr as the engine
---------------------------------------------------------
* Speed. The bootstrap is where PLS-PM spends its time. seminr refits the model draw by
  draw in Python (≈ 16 s for B = 1000 on the ECSI model here). PLS-PM needs only the
  items' correlation matrix, so cxlab runs the iteration on a stack of resampled
  correlation matrices at once with numpy (benchmarks/bench_pls.py: B = 1000 in about
  0.1 s, 50–70 × faster than seminr in the same run, with the same draws and SEs). The
  same engine fits the k training folds of PLSpredict at once.
* Control. Errors name the construct or item (cxlab.errors), missing data need an explicit
  strategy, convergence is checked — seminr raises generic ValueErrors.
* Dependencies and licence. seminr 0.2.1 is a young single-maintainer port under
  GPL-3.0-only; the algorithm is short and published, and the numbers are checked against
  seminr in the tests. seminr is only the reference generator (tests/reference/), never a
  runtime dependency. (plspm 0.5.7, the other Python option, fails under pandas 3.)

References
----------
Becker, J.-M., Klein, K., & Wetzels, M. (2012). Hierarchical latent variable models in
PLS-SEM: Guidelines for using reflective-formative type models. *Long Range Planning,
45*(5–6), 359–394.
Dijkstra, T. K., & Henseler, J. (2015). Consistent partial least squares path modeling.
*MIS Quarterly, 39*(2), 297–316.
Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J., & Bryant, B. E. (1996). The
American Customer Satisfaction Index. *Journal of Marketing, 60*(4), 7–18.
Hair, J. F., Hult, G. T. M., Ringle, C. M., & Sarstedt, M. (2022). *A Primer on Partial
Least Squares Structural Equation Modeling* (3rd ed.). Sage.
Henseler, J., & Chin, W. W. (2010). A comparison of approaches for the analysis of
interaction effects between latent variables using partial least squares path modeling.
*Structural Equation Modeling, 17*(1), 82–109.
Lohmöller, J.-B. (1989). *Latent Variable Path Modeling with Partial Least Squares*.
Physica.
Sarstedt, M., Hair, J. F., Cheah, J.-H., Becker, J.-M., & Ringle, C. M. (2019). How to
specify, estimate, and validate higher-order constructs in PLS-SEM. *Australasian
Marketing Journal, 27*(3), 197–211.
Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., & Lauro, C. (2005). PLS path modeling.
*Computational Statistics & Data Analysis, 48*(1), 159–205.

Examples
--------
>>> import cxlab as cx
>>> fit = cx.pls.fit(cx.models.ecsi(), cx.datasets.load("ecsi_mobile"))
>>> fit.paths_[["lhs", "op", "rhs", "est"]].head(3).round(3)  # seminr::estimate_pls()
           lhs op          rhs    est
0  Expectation  ~        Image  0.505
1      Quality  ~  Expectation  0.557
2        Value  ~  Expectation  0.050
"""

from __future__ import annotations

from cxlab.pls import _apply as _pls_apply  # noqa: F401  (tests read QUADRANTS)
from cxlab.pls._apply import IPMA, PLSPredict
from cxlab.pls._boot import PLSBootstrap
from cxlab.pls._extended import ExtendedPLSFit
from cxlab.pls._fit import fit
from cxlab.pls._mga import PLSMGA, mga
from cxlab.pls._micom import MICOM, micom
from cxlab.pls._model import PLSFit
from cxlab.pls._slopes import SimpleSlopes

__all__ = [
    "IPMA",
    "MICOM",
    "PLSMGA",
    "ExtendedPLSFit",
    "PLSBootstrap",
    "PLSFit",
    "PLSPredict",
    "SimpleSlopes",
    "fit",
    "mga",
    "micom",
]
