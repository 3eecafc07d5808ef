"""Latent growth curve models with lavaan's ``growth()`` defaults.

A growth model describes how a repeated measure — satisfaction, NPS or spend over waves —
changes for each customer: an intercept factor ``i`` (the level at the first wave, all
loadings 1) and a slope factor ``s`` (the change per wave, loadings 0, 1, 2, …). What
lavaan's ``growth()`` adds to ``sem()`` is the mean structure of a growth curve: the
intercepts of the observed variables are fixed at 0 and the means (intercepts) of the
latent growth factors are free, so the average starting level and the average change are
parameters (``i ~1`` and ``s ~1`` in the estimates). :func:`growth` writes exactly those
statements into the model and fits it with :func:`cxlab.sem.fit`; a statement the model
already has for a variable's intercept (``t1 ~ 1`` to free one, say) is kept as written.

# In R: lavaan::growth(model, data)  (int.ov.free = FALSE, int.lv.free = TRUE)

Examples
--------
>>> import cxlab as cx
>>> data = cx.datasets.load("demo_growth")  # lavaan's Demo.growth
>>> model = '''
... i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
... s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
... '''
>>> fit = cx.sem.growth(model, data)
>>> print(f"chisq = {fit.fit_indices()['chisq']:.3f}, df = {fit.fit_indices()['df']:.0f}")
chisq = 8.069, df = 5
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxlab.errors import ModelSpecError
from cxlab.models import syntax

if TYPE_CHECKING:
    import pandas as pd

    from cxlab.sem.fitting import SEMFit

__all__ = ["growth", "growth_syntax"]


def growth_syntax(model: str) -> str:
    """*model* with lavaan's growth defaults written out: ``v ~ 0*1`` for every observed
    variable that is an indicator or the outcome of a regression, ``f ~ 1`` for every
    latent factor — except variables whose intercept the model already sets.

    Examples
    --------
    >>> print(growth_syntax("i =~ 1*t1 + 1*t2\\ns =~ 0*t1 + 1*t2\\nt2 ~ 1"))
    i =~ 1*t1 + 1*t2
    s =~ 0*t1 + 1*t2
    t2 ~ 1
    # growth() defaults: observed intercepts fixed at 0, growth factor means free
    t1 ~ 0*1
    i ~ 1
    s ~ 1
    """
    statements = syntax.statements(model)
    latent: list[str] = []
    observed: list[str] = []
    has_intercept: set[str] = set()
    for st in statements:
        if st.op == "=~":
            latent.append(st.lhs)
    for st in statements:
        if st.op == "=~":
            observed += [t.name for t in st.terms if t.name not in latent]
        elif st.op == "~":
            if any(t.name == "1" for t in st.terms):
                has_intercept.add(st.lhs)
            if st.lhs not in latent and any(t.name != "1" for t in st.terms):
                observed.append(st.lhs)
    if not latent:
        raise ModelSpecError(
            "A growth model needs growth factors: e.g. 'i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4' and "
            "'s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4'. This model has no '=~' statement; fit it "
            "with cx.sem.fit instead."
        )
    lines = ["# growth() defaults: observed intercepts fixed at 0, growth factor means free"]
    lines += [f"{v} ~ 0*1" for v in dict.fromkeys(observed) if v not in has_intercept]
    lines += [f"{f} ~ 1" for f in dict.fromkeys(latent) if f not in has_intercept]
    return model.rstrip("\n") + "\n" + "\n".join(lines)


def growth(
    model: str,
    data: pd.DataFrame,
    *,
    group: str | None = None,
    group_equal: tuple[str, ...] | list[str] = (),
    missing: str = "listwise",
) -> SEMFit:
    """Fit a latent growth curve model with lavaan's ``growth()`` defaults: the observed
    intercepts fixed at 0 and the means of the growth factors free (see the module
    docstring and :func:`growth_syntax`); everything else as :func:`cxlab.sem.fit`.

    # In R: lavaan::growth(model, data, group = group, group.equal = group_equal,
    #                      missing = "listwise" | "ml")

    Parameters
    ----------
    model : str
        lavaan syntax with the growth factors (``i =~ 1*t1 + …``, ``s =~ 0*t1 + 1*t2 + …``)
        and, optionally, covariates of the factors (``i ~ x1``) and time-varying covariates
        of the measures (``t1 ~ c1``).
    data : DataFrame
        One row per customer, one column per wave (wide format).
    group, group_equal : optional
        Several groups (e.g. customer types), as in :func:`cxlab.sem.fit`.
    missing : {"listwise", "fiml"}
        ``"fiml"`` keeps customers who skipped a wave (lavaan's ``missing = "ml"``).

    Examples
    --------
    >>> import pandas as pd
    >>> import cxlab as cx
    >>> data = cx.datasets.load("demo_growth")  # lavaan's Demo.growth
    >>> model = '''
    ... i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
    ... s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
    ... i + s ~ x1 + x2
    ... t1 ~ c1
    ... t2 ~ c2
    ... t3 ~ c3
    ... t4 ~ c4
    ... '''
    >>> fit = cx.sem.growth(model, data)  # lavaan growth(): 26.059, df 21
    >>> print(f"{fit.fit_indices()['chisq']:.3f}, df {fit.fit_indices()['df']:.0f}")
    26.059, df 21
    >>> est = fit.estimates().set_index(["lhs", "op", "rhs"])
    >>> print(f"mean change per wave (s ~1): {est.loc[('s', '~1', ''), 'est']:.3f}")
    mean change per wave (s ~1): 0.958
    """
    from cxlab.sem.fitting import fit

    return fit(
        growth_syntax(model), data, group=group, group_equal=group_equal, meanstructure=True,
        missing=missing,
    )  # fmt: skip
