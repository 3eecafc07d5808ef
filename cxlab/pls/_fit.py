""":func:`fit`, the entry point of :mod:`cxlab.pls` (private; the face is
:mod:`cxlab.pls`): first-order models go to :func:`cxlab.pls._model.fit`; models with
interaction terms, higher-order constructs or ``consistent=True`` to the stages of
:mod:`cxlab.pls._stages`, giving an :class:`cxlab.pls._extended.ExtendedPLSFit`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from cxlab._conventions import as_frame
from cxlab.errors import DataError, EstimationError, ModelSpecError
from cxlab.pls import _engine as en
from cxlab.pls import _model
from cxlab.pls import _spec as spec_
from cxlab.pls._design import HIGHER_ORDER_APPROACHES, INTERACTION_METHODS, compile_design, read
from cxlab.pls._extended import ExtendedPLSFit
from cxlab.pls._model import PLSFit
from cxlab.pls._stages import run

if TYPE_CHECKING:
    from cxlab.survey import Survey


def fit(
    model: str,
    data: pd.DataFrame | Survey,
    scheme: str = "path",
    *,
    missing: str | None = None,
    scale: Any = None,
    tol: float = 1e-7,
    max_iter: int = 300,
    consistent: bool = False,
    interaction: str = "two_stage",
    higher_order: str = "two_stage",
) -> PLSFit:
    """Fit a PLS path model (Lohmöller / Wold algorithm; see :mod:`cxlab.pls`).

    # In R: seminr::estimate_pls(data, measurement_model, structural_model,
    #                            inner_weights = path_weighting)

    Parameters
    ----------
    model : str
        lavaan-style syntax: ``=~`` mode A (reflective), ``<~`` mode B (formative), ``~``
        paths between constructs (single items need their own construct, ``C =~ x``),
        labels (``Y ~ b*X``) and ``:=`` effects from labels; interaction terms
        ``Y ~ A + B + A:B`` (seminr's ``interaction_term``) and higher-order constructs
        measured by constructs, ``H =~ A + B`` (mode A, reflective-reflective) or
        ``H <~ A + B`` (mode B, reflective-formative; seminr's ``higher_composite``).
    data : pandas.DataFrame or cxlab.survey.Survey
        One row per respondent; a Survey also supplies its codebook's item scales.
    scheme : {"path", "factorial", "centroid"}
        Inner weighting scheme.
    missing : {"mean", "listwise"}, optional
        What to do with missing answers; required when there are any (a
        :class:`~cxlab.errors.DataError` lists them otherwise).
    scale : optional
        Item scales for :meth:`PLSFit.csi_index` and :meth:`PLSFit.ipma`: (min, max),
        ``{item: (min, max)}`` or a codebook DataFrame.
    tol, max_iter : float, int
        Convergence tolerance (sum of absolute changes of the weights) and iteration limit.
    consistent : bool
        PLSc (Dijkstra & Henseler 2015): correct paths, R² and loadings of the ``=~``
        (reflective) constructs for measurement error with ρA, as seminr's
        ``reflective()`` constructs. Every block must then be ``=~``.
    interaction : {"two_stage", "product_indicator", "orthogonal"}
        How interaction terms are measured (seminr's ``two_stage``, ``product_indicator``,
        ``orthogonal``; Henseler & Chin 2010): the product of the main-effects model's
        construct scores; all products of the two constructs' standardized items; those
        products residualised on the items of both constructs.
    higher_order : {"two_stage", "repeated"}
        The approach for higher-order constructs: two-stage (seminr's
        ``higher_composite``: the dimensions' scores from a first stage are the items of
        the higher-order construct) or repeated indicators (the higher-order construct
        measured by all its dimensions' items).

    Returns
    -------
    PLSFit
        An :class:`ExtendedPLSFit` (a PLSFit with simple slopes, interaction f², the
        first stages and ρA) for models with interaction terms, higher-order constructs
        or ``consistent=True``.

    Raises
    ------
    cxlab.errors.ModelSpecError
        A construct without indicators, a path to an undeclared construct, a cycle, an
        unknown item; an interaction of a construct with itself, a higher-order
        construct with one dimension, ``consistent=True`` with a ``<~`` block.
    cxlab.errors.DataError
        Missing values without a strategy, a constant, non-numeric or infinite item, an
        exactly collinear mode-B block.
    cxlab.errors.EstimationError
        The iteration did not converge.

    Examples
    --------
    >>> import cxlab as cx
    >>> ecsi = cx.datasets.load("ecsi_mobile")
    >>> model = '''
    ... Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    ... Expectation  =~ CUEX1 + CUEX2 + CUEX3
    ... Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    ... Loyalty      =~ CUSL1 + CUSL2 + CUSL3
    ... Satisfaction ~ Image + Expectation
    ... Loyalty      ~ Image + Satisfaction
    ... '''
    >>> plsc = cx.pls.fit(model, ecsi, consistent=True)  # seminr: reflective() constructs
    >>> plsc.paths_[["lhs", "rhs", "est"]].round(4)
                lhs           rhs     est
    0  Satisfaction         Image  0.6796
    1  Satisfaction   Expectation  0.2658
    2       Loyalty         Image -0.1221
    3       Loyalty  Satisfaction  0.9695
    """
    if interaction not in INTERACTION_METHODS:
        raise DataError(
            f"interaction must be one of {', '.join(INTERACTION_METHODS)}, not {interaction!r}."
        )
    if higher_order not in HIGHER_ORDER_APPROACHES:
        raise DataError(
            f"higher_order must be one of {', '.join(HIGHER_ORDER_APPROACHES)}, not "
            f"{higher_order!r}."
        )
    if not isinstance(consistent, bool):
        raise DataError(f"consistent must be True or False, not {consistent!r}.")
    design = read(model) if isinstance(model, str) and model.strip() else None
    if not consistent and (design is None or design.plain):
        return _model.fit(
            model, data, scheme, missing=missing, scale=scale, tol=tol, max_iter=max_iter
        )
    assert design is not None
    if scheme not in en.SCHEMES:
        raise DataError(f"scheme must be one of {', '.join(en.SCHEMES)}, not {scheme!r}.")
    if consistent:
        formative = [c for c, (op, _) in {**design.blocks, **design.higher}.items() if op == "<~"]
        if formative:
            raise ModelSpecError(
                f"consistent=True corrects reflective constructs, but {', '.join(formative)} "
                "is formative (<~, mode B). PLSc applies to common-factor (=~) blocks: "
                "measure them with =~, or fit without consistent=True."
            )
        if design.higher:
            raise ModelSpecError(
                "consistent=True is not available with higher-order constructs "
                f"({', '.join(design.higher)}); fit them without it."
            )
    book = None
    if hasattr(data, "codebook") and hasattr(data, "data"):  # a cxlab Survey
        book, data = data.codebook, data.data
    data = as_frame(data)
    compiled = compile_design(design, list(data.columns), interaction, higher_order)
    if scale is None and book is not None and {"scale_min", "scale_max"} <= set(book):
        known = set(book.dropna(subset=["scale_min", "scale_max"])["name"])
        scale = book if known >= set(compiled.raw_items) else None
    x, notes = spec_.prepare(data, list(compiled.raw_items), missing)
    first = spec_.Spec(
        tuple(design.blocks),
        {c: items for c, (_, items) in design.blocks.items()},
        {c: "A" if op == "=~" else "B" for c, (op, _) in design.blocks.items()},
        (),
    )
    spec_.check_formative(x, first)
    stages = run(compiled, x.to_numpy()[None], scheme, tol, max_iter, consistent)
    if not stages.ok[0]:
        raise EstimationError(
            f"The PLS estimation failed in {stages.failed_stage} (no convergence in {max_iter} "
            f"iterations with scheme={scheme!r}, or a singular block). Try a larger max_iter, "
            "another scheme, or check mode-B blocks for (nearly) collinear items."
        )
    notes = [*compiled.final.notes, *notes]
    return ExtendedPLSFit(
        model, compiled, stages, x, scheme, notes, scale, tol, max_iter, consistent
    )
