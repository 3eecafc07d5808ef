"""The model templates of :mod:`cxlab.models` (acsi, ecsi, experience_economy_4e,
servqual_loyalty, from_codebook) and their default items; see the package docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, pairwise
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from cxlab.errors import ModelSpecError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["acsi", "ecsi", "experience_economy_4e", "from_codebook", "servqual_loyalty"]

_NAME = re.compile(r"[A-Za-z_][\w.]*")  # a lavaan (and R) variable name


def _expand(name: str) -> list[str]:
    """``IMAG1-5`` → IMAG1 … IMAG5; other names as they are."""
    m = re.fullmatch(r"(\w+?)(\d+)-(\d+)", name)
    return [name] if m is None else [f"{m[1]}{i}" for i in range(int(m[2]), int(m[3]) + 1)]


def _items(spec: str) -> Mapping[str, tuple[str, ...]]:
    """Read-only {construct: items} from ``"Image: IMAG1-5; Complaints: CUSCO"``."""
    pairs = [part.split(":") for part in spec.split(";")]
    return MappingProxyType(
        {c.strip(): tuple(chain.from_iterable(map(_expand, i.split()))) for c, i in pairs}
    )


#: Default items of :func:`acsi`: generic names following the ACSI questionnaire.
ACSI_ITEMS = _items(
    "Expectation: exp1-3; Quality: qual1-3; Value: val1-2; Satisfaction: sat1-3; "
    "Complaints: compl1; Loyalty: loy1-2"
)
#: Default items of :func:`ecsi`: the 24 columns of ``cx.datasets.load("ecsi_mobile")``.
ECSI_ITEMS = _items(
    "Image: IMAG1-5; Expectation: CUEX1-3; Quality: PERQ1-7; Value: PERV1-2; "
    "Satisfaction: CUSA1-3; Complaints: CUSCO; Loyalty: CUSL1-3"
)
#: Default items of :func:`experience_economy_4e`: the columns of ``hotel_4e``.
HOTEL_4E_ITEMS = _items(
    "Education: edu1-3; Esthetics: est1-3; Entertainment: ent1-3; Escapism: esc1 esc2 esc3r; "
    "Memory: mem1-3; Satisfaction: sat1-3; Loyalty: loy1-3; WOM: wom1-3"
)
#: Short names in labels (b_qual_sat): the first three letters, unless given here.
_ABBR = dict(Image="img", Quality="qual", Complaints="comp", Responsiveness="resp", Assurance="asr")
_REALMS = ("Education", "Esthetics", "Entertainment", "Escapism")
_SERVQUAL = ("Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy")


@dataclass(frozen=True)
class _Spec:
    """A template: its function's name, title, constructs in order, the structural model
    as ``outcome ~ a + b`` lines, indirect effects as chains ``"a > m > y"``, residual
    covariances, and the constructs that may be left out of ``items``."""

    name: str
    title: str
    constructs: tuple[str, ...]
    structure: str
    chains: tuple[str, ...] = ()
    covariances: tuple[tuple[str, str], ...] = ()
    optional: tuple[str, ...] = ()


# -- the one builder every template uses -------------------------------------------------
def _check_items(items: Any, valid: Sequence[str], required: Sequence[str], where: str):
    """Validate a {construct: [items]} mapping; return it as {construct: list}."""
    if not isinstance(items, Mapping):
        raise ModelSpecError(f"{where}: items must be a mapping {{construct: [item columns]}}.")
    unknown = [k for k in items if k not in valid]
    if unknown:
        raise ModelSpecError(
            f"{where}: unknown construct(s) {', '.join(map(repr, unknown))}; the constructs "
            f"of this model are {', '.join(valid)}."
        )
    owner: dict[str, str] = {}
    for construct, columns in items.items():
        if isinstance(columns, str) or not isinstance(columns, Sequence) or not columns:
            raise ModelSpecError(
                f"{where}: construct {construct} has no items; give a list of its item "
                f"columns, e.g. {{{construct!r}: ['x1', 'x2', 'x3']}}, not {columns!r}."
            )
        for item in columns:
            if not isinstance(item, str) or not _NAME.fullmatch(item) or item in valid:
                raise ModelSpecError(
                    f"{where}: {item!r} (in {construct}) cannot be an item name in lavaan "
                    "(letters, digits, '_', '.', no leading digit, not a construct's name); "
                    "rename the column first, e.g. with DataFrame.rename."
                )
            if item in owner:
                both = construct if owner[item] == construct else f"{owner[item]} and {construct}"
                raise ModelSpecError(
                    f"{where}: item {item} is used twice ({both}); an item measures one "
                    "construct only (write cross-loadings by hand)."
                )
            owner[item] = construct
    missing = [c for c in required if c not in items]
    if missing:
        raise ModelSpecError(
            f"{where}: no items for {', '.join(missing)}; the model needs items for "
            f"{', '.join(required)} (constructs: {', '.join(valid)})."
        )
    return {c: list(columns) for c, columns in items.items()}


def _render(title, measurement, paths, abbr, labels, chains=(), extra=(), notes=()) -> str:
    """lavaan syntax: measurement lines, structural lines (+ *extra* lines), and the
    indirect effects of the *chains* whose every step is a path."""
    lines = [f"# {title}", *(f"# {n}" for n in notes), "# measurement model"]
    width = max(map(len, measurement), default=0)
    lines += [f"{c:<{width}} =~ {' + '.join(items)}" for c, items in measurement.items()]
    lines += [
        f"{items[0]} ~~ 0*{items[0]}  # {c} has a single indicator: error variance 0, as lavaan"
        for c, items in measurement.items()
        if len(items) == 1
    ]
    label = {(p, o): f"b_{abbr[p]}_{abbr[o]}" for p, o in paths}
    lines += ["# structural model"] if paths or extra else []
    for outcome in dict.fromkeys(o for _, o in paths):
        terms = [f"{label[p, o]}*{p}" if labels else p for p, o in paths if o == outcome]
        lines.append(f"{outcome} ~ {' + '.join(terms)}")
    lines += extra
    defined = [c for c in chains if set(pairwise(c)) <= set(paths)]
    lines += ["# indirect effects"] if labels and defined else []
    for route in defined if labels else ():
        product = "*".join(label[step] for step in pairwise(route))
        lines.append(f"ind_{'_'.join(abbr[c] for c in route)} := {product}")
    return "\n".join(lines)


def _template(spec: _Spec, items: Any, labels: bool, leave_out=(), notes=()) -> str:
    """Validate *items* against *spec*; render the model without the left-out constructs."""
    valid = [c for c in spec.constructs if c not in leave_out]
    if isinstance(items, Mapping):  # constructs switched off by a flag are ignored
        items = {k: v for k, v in items.items() if k not in leave_out}
    required = [c for c in valid if c not in spec.optional]
    checked = _check_items(items, valid, required, spec.name)
    measurement = {c: checked[c] for c in valid if c in checked}
    paths = []
    for outcome, rhs in (line.split("~") for line in spec.structure.strip().splitlines()):
        paths += [(p.strip(), outcome.strip()) for p in rhs.split("+")]
    paths = [(p, o) for p, o in paths if p in measurement and o in measurement]
    cov = [f"{a} ~~ {b}" for a, b in spec.covariances if {a, b} <= set(measurement)]
    extra = ["# residual covariances", *cov] if cov else []
    chains = [tuple(c.split(" > ")) for c in spec.chains]
    abbr = {c: _ABBR.get(c, c[:3].lower()) for c in measurement}
    return _render(spec.title, measurement, paths, abbr, labels, chains, extra, notes)


# -- templates ----------------------------------------------------------------------------
_SAT_LOY = tuple(f"{c} > Satisfaction > Loyalty" for c in ("Expectation", "Quality", "Value"))
_ACSI = _Spec(
    "acsi",
    "ACSI (Fornell, Johnson, Anderson, Cha & Bryant 1996)",
    ("Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"),
    """
    Quality ~ Expectation
    Value ~ Expectation + Quality
    Satisfaction ~ Expectation + Quality + Value
    Complaints ~ Satisfaction
    Loyalty ~ Satisfaction + Complaints
    """,
    (*_SAT_LOY, "Quality > Value > Satisfaction", "Satisfaction > Complaints > Loyalty"),
)
_ECSI = _Spec(
    "ecsi",
    "ECSI (Eklöf & Westlund 2002; Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005)",
    ("Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"),
    """
    Expectation ~ Image
    Quality ~ Expectation
    Value ~ Expectation + Quality
    Satisfaction ~ Image + Expectation + Quality + Value
    Complaints ~ Satisfaction
    Loyalty ~ Image + Satisfaction + Complaints
    """,
    ("Image > Satisfaction > Loyalty", *_SAT_LOY, "Satisfaction > Complaints > Loyalty"),
)
_4E = _Spec(
    "experience_economy_4e",
    "Experience economy 4E (Pine & Gilmore 1998; Oh, Fiore & Jeoung 2007)",
    (*_REALMS, "Memory", "Arousal", "Satisfaction", "Loyalty", "WOM"),
    "",
    covariances=(("Memory", "Arousal"),),
    optional=("WOM",),
)
_SERVQUAL_SPEC = _Spec(
    "servqual_loyalty",
    "SERVQUAL -> satisfaction -> loyalty (Parasuraman, Zeithaml & Berry 1988)",
    (*_SERVQUAL, "Satisfaction", "Loyalty"),
    f"Satisfaction ~ {' + '.join(_SERVQUAL)}\nLoyalty ~ Satisfaction",
    tuple(f"{d} > Satisfaction > Loyalty" for d in _SERVQUAL),
)


def acsi(items: Mapping[str, Sequence[str]] | None = None, *, labels: bool = True) -> str:
    """The American Customer Satisfaction Index (ACSI) model in lavaan syntax.

    Expectation → Quality, Value, Satisfaction; Quality → Value, Satisfaction; Value →
    Satisfaction; Satisfaction → Complaints, Loyalty; Complaints → Loyalty (Fornell et
    al. 1996, Figure 1).

    Parameters
    ----------
    items : mapping, optional
        Items of all six constructs. Default :data:`ACSI_ITEMS`: generic names after the
        ACSI questionnaire — exp1–3 and qual1–3 (overall, customisation, reliability),
        val1–2 (quality given price, price given quality), sat1–3 (overall,
        disconfirmation, distance from the ideal), compl1 (has complained: one item),
        loy1–2 (repurchase likelihood, price tolerance).
    labels : bool
        Label the paths and define the effects of Expectation, Quality and Value on
        Loyalty via Satisfaction, of Quality on Satisfaction via Value, and of
        Satisfaction on Loyalty via Complaints.

    Returns
    -------
    str
        lavaan syntax (R's ``lavaan::sem(model, data)`` reads the same text).

    References
    ----------
    Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J., & Bryant, B. E. (1996). The
    American Customer Satisfaction Index: Nature, purpose, and findings. *Journal of
    Marketing*, 60(4), 7–18.

    Examples
    --------
    >>> import cxlab as cx
    >>> print(cx.models.acsi())  # doctest: +ELLIPSIS
    # ACSI (Fornell, Johnson, Anderson, Cha & Bryant 1996)
    ...
    Satisfaction ~ b_exp_sat*Expectation + b_qual_sat*Quality + b_val_sat*Value
    Complaints ~ b_sat_comp*Satisfaction
    Loyalty ~ b_sat_loy*Satisfaction + b_comp_loy*Complaints
    # indirect effects
    ind_exp_sat_loy := b_exp_sat*b_sat_loy
    ...
    """
    return _template(_ACSI, ACSI_ITEMS if items is None else items, labels)


def ecsi(
    items: Mapping[str, Sequence[str]] | None = None,
    *,
    complaints: bool = False,
    labels: bool = True,
) -> str:
    """The European Customer Satisfaction Index (ECSI) model in lavaan syntax.

    The ACSI plus corporate Image: Image → Expectation, Satisfaction, Loyalty;
    Expectation → Quality, Value, Satisfaction; Quality → Value, Satisfaction; Value →
    Satisfaction; Satisfaction → Complaints, Loyalty; Complaints → Loyalty — the model
    Tenenhaus et al. (2005) fit by PLS to the survey shipped here as ``ecsi_mobile``.

    Parameters
    ----------
    items : mapping, optional
        Items of Image, Expectation, Quality, Value, Satisfaction, Loyalty (and
        Complaints). Default :data:`ECSI_ITEMS`: the ``ecsi_mobile`` columns with the
        construct names of tests/reference/lavaan_ecsi.R.
    complaints : bool
        Include Complaints. Off by default, like the lavaan reference model on these data
        (tests/reference/lavaan_ecsi.R); on, its one item CUSCO is the construct (loading
        1, error variance 0, as lavaan does). When off, a Complaints entry is ignored.
    labels : bool
        Label the paths and define the effects of Image, Expectation, Quality and Value on
        Loyalty via Satisfaction (and of Satisfaction via Complaints).

    Returns
    -------
    str
        lavaan syntax. On ``ecsi_mobile`` the CB-SEM solution is inadmissible (latent
        correlations near 1; lesson 06) and :func:`cxlab.sem.fit` says so.

    References
    ----------
    Eklöf, J. A., & Westlund, A. H. (2002). The pan-European customer satisfaction index
    programme — current work and the way ahead. *Total Quality Management*, 13(8),
    1099–1106.

    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., & Lauro, C. (2005). PLS path
    modeling. *Computational Statistics & Data Analysis*, 48(1), 159–205.

    Examples
    --------
    >>> import cxlab as cx
    >>> print(cx.models.ecsi(labels=False))  # doctest: +ELLIPSIS
    # ECSI (Eklöf & Westlund 2002; Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005)
    # measurement model
    Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    ...
    Loyalty      =~ CUSL1 + CUSL2 + CUSL3
    # structural model
    Expectation ~ Image
    Quality ~ Expectation
    Value ~ Expectation + Quality
    Satisfaction ~ Image + Expectation + Quality + Value
    Loyalty ~ Image + Satisfaction
    """
    items = ECSI_ITEMS if items is None else items
    drop = () if complaints else ("Complaints",)
    return _template(_ECSI, items, labels, drop)


def experience_economy_4e(
    items: Mapping[str, Sequence[str]] | None = None,
    *,
    arousal: bool = False,
    direct: Sequence[str] = ("Entertainment",),
    labels: bool = True,
) -> str:
    """Pine & Gilmore's four realms of experience → memory → satisfaction → loyalty.

    Education, Esthetics, Entertainment and Escapism (Pine & Gilmore 1998; measured as
    in Oh, Fiore & Jeoung 2007) drive Memory, Memory drives Satisfaction, Satisfaction
    drives Loyalty and word of mouth (WOM); realms in *direct* also drive Satisfaction.
    The defaults are ``hotel_4e`` and the structure of its generating model
    (datasets/make/hotel_4e.py): MEM ~ EDU + EST + ENT + ESC; SAT ~ MEM + ENT; LOY, WOM ~ SAT.

    Parameters
    ----------
    items : mapping, optional
        Items of the four realms, Memory, Satisfaction, Loyalty, optionally WOM (leave it
        out to drop it) and Arousal (with ``arousal=True``). Default
        :data:`HOTEL_4E_ITEMS`, the ``hotel_4e`` columns; its ``esc3r`` is stored
        reverse-keyed: reverse-code it first (:meth:`cxlab.survey.Survey.reverse_code`)
        or its loading is negative (the structural estimates are the same).
    arousal : bool
        Add Arousal (Oh et al. 2007) as a mediator beside Memory: each realm → Arousal →
        Satisfaction, Memory ~~ Arousal free. Needs Arousal items (``hotel_4e`` has none);
        when off, an Arousal entry is ignored.
    direct : sequence of str
        Realms with a direct path to Satisfaction (as in ``hotel_4e``); ``()``: none.
    labels : bool
        Label the paths and define each realm's effect on Loyalty and WOM via Memory (and
        Arousal) and Satisfaction, e.g. ``ind_edu_mem_sat_loy``.

    Returns
    -------
    str
        lavaan syntax.

    References
    ----------
    Pine, B. J., & Gilmore, J. H. (1998). Welcome to the experience economy. *Harvard
    Business Review*, 76(4), 97–105.

    Oh, H., Fiore, A. M., & Jeoung, M. (2007). Measuring experience economy concepts:
    Tourism applications. *Journal of Travel Research*, 46(2), 119–132.

    Examples
    --------
    >>> import cxlab as cx
    >>> print(cx.models.experience_economy_4e(labels=False))  # doctest: +ELLIPSIS
    # Experience economy 4E (Pine & Gilmore 1998; Oh, Fiore & Jeoung 2007)
    # esc3r is stored reverse-keyed: reverse-code it first (Survey.reverse_code)
    # measurement model
    Education     =~ edu1 + edu2 + edu3
    ...
    # structural model
    Memory ~ Education + Esthetics + Entertainment + Escapism
    Satisfaction ~ Memory + Entertainment
    Loyalty ~ Satisfaction
    WOM ~ Satisfaction
    """
    if isinstance(direct, str) or not set(direct) <= set(_REALMS):
        raise ModelSpecError(
            f"experience_economy_4e: direct must list realms among {', '.join(_REALMS)}, "
            f"not {direct!r}."
        )
    mediators = ("Memory", "Arousal") if arousal else ("Memory",)
    structure = [f"{m} ~ {' + '.join(_REALMS)}" for m in mediators]
    structure += [f"Satisfaction ~ {' + '.join([*mediators, *direct])}"]
    structure += ["Loyalty ~ Satisfaction", "WOM ~ Satisfaction"]
    ends = ("Loyalty", "WOM")
    chains = [f"{r} > {m} > Satisfaction > {o}" for r in _REALMS for m in mediators for o in ends]
    chains += [f"{r} > Satisfaction > {o}" for r in direct for o in ends]
    spec = replace(_4E, structure="\n".join(structure), chains=tuple(chains))
    note = "esc3r is stored reverse-keyed: reverse-code it first (Survey.reverse_code)"
    notes = [note] if items is None else []
    items = HOTEL_4E_ITEMS if items is None else items
    return _template(spec, items, labels, () if arousal else ("Arousal",), notes)


def servqual_loyalty(
    items: Mapping[str, Sequence[str]] | None = None, *, labels: bool = True
) -> str:
    """SERVQUAL's five dimensions → satisfaction → loyalty (behavioural intentions).

    Tangibles, Reliability, Responsiveness, Assurance and Empathy (Parasuraman, Zeithaml
    & Berry 1988) drive Satisfaction, which drives Loyalty, the favourable behavioural
    intentions of Zeithaml, Berry & Parasuraman (1996). Dimension items may be
    perceptions (SERVPERF) or perception − expectation gaps, computed beforehand.

    Parameters
    ----------
    items : mapping
        Items of the five dimensions, Satisfaction and Loyalty. Required: no bundled
        dataset measures SERVQUAL.
    labels : bool
        Label the paths and define each dimension's effect on Loyalty via Satisfaction.

    Returns
    -------
    str
        lavaan syntax.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1988). SERVQUAL: A multiple-item
    scale for measuring consumer perceptions of service quality. *Journal of Retailing*,
    64(1), 12–40.

    Zeithaml, V. A., Berry, L. L., & Parasuraman, A. (1996). The behavioral consequences
    of service quality. *Journal of Marketing*, 60(2), 31–46.

    Examples
    --------
    >>> import cxlab as cx
    >>> items = {c: [f"{c[:4].lower()}{i}" for i in (1, 2, 3)] for c in ["Tangibles",
    ...     "Reliability", "Responsiveness", "Assurance", "Empathy", "Satisfaction", "Loyalty"]}
    >>> print(cx.models.servqual_loyalty(items))  # doctest: +ELLIPSIS
    # SERVQUAL -> satisfaction -> loyalty (Parasuraman, Zeithaml & Berry 1988)
    ...
    Satisfaction ~ b_tan_sat*Tangibles + b_rel_sat*Reliability + ... + b_emp_sat*Empathy
    Loyalty ~ b_sat_loy*Satisfaction
    # indirect effects
    ...
    """
    if items is None:
        names = (*_SERVQUAL, "Satisfaction", "Loyalty")
        example = {c: [f"{_ABBR.get(c, c[:3].lower())}{i}" for i in (1, 2, 3)] for c in names}
        raise ModelSpecError(
            "servqual_loyalty() needs items: no bundled dataset measures SERVQUAL. Give the "
            f"item columns of {', '.join(names)}, e.g. cx.models.servqual_loyalty({example})."
        )
    return _template(_SERVQUAL_SPEC, items, labels)


# -- from a codebook ----------------------------------------------------------------------
_ITEM_COLUMNS, _CONSTRUCT_COLUMNS = ("name", "item", "variable"), ("construct", "scale")


def _identifier(name: Any) -> str:
    """A construct name as a lavaan name: runs of other characters become '_'."""
    text = re.sub(r"[^\w.]+", "_", str(name).strip()).strip("_")
    if not _NAME.fullmatch(text):
        raise ModelSpecError(
            f"from_codebook: the construct name {name!r} cannot be made a lavaan name (it must "
            "start with a letter or '_'); rename it in the codebook, e.g. 'Satisfaction'."
        )
    return text


def _codebook_items(codebook: Any) -> tuple[dict[str, list[str]], list[str]]:
    """{construct: items} and the reverse-keyed items of a codebook."""
    if isinstance(codebook, str | Path):  # a CSV / xlsx file with a 'name' column
        from cxlab.survey import normalise_codebook

        codebook = normalise_codebook(codebook)
    codebook = getattr(codebook, "codebook", codebook)  # a cxlab Survey
    reverse: list[str] = []
    if isinstance(codebook, Mapping) and all(isinstance(v, str) for v in codebook.values()):
        pairs = list(codebook.items())  # {item: construct}
    elif isinstance(codebook, Mapping):  # {construct: [items]}
        valid = list(codebook)
        checked = _check_items(codebook, valid, valid, "from_codebook")
        pairs = [(i, c) for c, items in checked.items() for i in items]
    else:
        lower = {str(c).lower(): c for c in getattr(codebook, "columns", [])}
        item = next((lower[c] for c in _ITEM_COLUMNS if c in lower), None)
        cons = next((lower[c] for c in _CONSTRUCT_COLUMNS if c in lower), None)
        if item is None or cons is None:
            raise ModelSpecError(
                "from_codebook: give a DataFrame with an item column (name, item or variable) "
                "and a construct column (construct or scale), a dict {item: construct} or "
                f"{{construct: [items]}}, a Survey or a file path, not {type(codebook).__name__}"
                + (f" with columns {', '.join(lower)}." if lower else ".")
            )
        rows = codebook[codebook[cons].notna() & (codebook[cons].astype(str).str.strip() != "")]
        pairs = list(zip(rows[item].astype(str), rows[cons], strict=True))
        if "reverse" in lower:
            flag = rows[lower["reverse"]].astype(str).str.lower().isin(["true", "1", "1.0", "yes"])
            reverse = rows.loc[flag, item].astype(str).tolist()
    grouped: dict[str, list[str]] = {}
    for item_name, construct in pairs:
        grouped.setdefault(_identifier(construct), []).append(item_name)
    return _check_items(grouped, list(grouped), list(grouped), "from_codebook"), reverse


def from_codebook(
    codebook: pd.DataFrame | Mapping[str, Any] | str | Path,
    structural: str | Mapping[str, str | Sequence[str]],
    *,
    indirect: Sequence[Sequence[str]] = (),
    labels: bool = True,
) -> str:
    """A model whose measurement part comes from a codebook (item → construct).

    Each construct named in *structural* (all, a CFA, when it is empty) is measured by
    its codebook items. Construct names become lavaan names ("Word of mouth" →
    ``Word_of_mouth``; write them so in lavaan text). Reverse-keyed items are the user's
    responsibility: reverse-code them first with :meth:`cxlab.survey.Survey.reverse_code`
    (a comment lists those the codebook flags).

    Parameters
    ----------
    codebook : DataFrame, dict, Survey or path
        A DataFrame with an item column (name, item or variable) and a construct column
        (construct or scale; rows without one are skipped) like ``cx.datasets.codebook``;
        a dict ``{item: construct}`` or ``{construct: [items]}``; a Survey; a file path.
    structural : mapping or str
        ``{outcome: [predictors]}`` between constructs, or lavaan text copied as it is
        (its labels and ``:=`` lines are then yours to write).
    indirect : sequence of chains
        With a mapping and ``labels=True``: chains of constructs whose indirect effect is
        defined with ``:=``, e.g. ``[("Trust", "Satisfaction", "Loyalty")]``.
    labels : bool
        Label the paths of a mapping ``b_<predictor>_<outcome>`` (names in lower case).

    Returns
    -------
    str
        lavaan syntax.

    References
    ----------
    Rosseel, Y. (2012). lavaan: An R package for structural equation modeling. *Journal
    of Statistical Software*, 48(2), 1–36 (the model syntax written here).

    Examples
    --------
    >>> import cxlab as cx
    >>> codebook = {"q1": "Trust", "q2": "Trust", "q3": "Trust", "s1": "Satisfaction",
    ...             "s2": "Satisfaction", "l1": "Loyalty", "l2": "Loyalty"}
    >>> print(cx.models.from_codebook(codebook, {"Satisfaction": "Trust", "Loyalty": [
    ...     "Satisfaction", "Trust"]}, indirect=[("Trust", "Satisfaction", "Loyalty")]))
    # model from a codebook
    # measurement model
    Trust        =~ q1 + q2 + q3
    Satisfaction =~ s1 + s2
    Loyalty      =~ l1 + l2
    # structural model
    Satisfaction ~ b_trust_satisfaction*Trust
    Loyalty ~ b_satisfaction_loyalty*Satisfaction + b_trust_loyalty*Trust
    # indirect effects
    ind_trust_satisfaction_loyalty := b_trust_satisfaction*b_satisfaction_loyalty
    """
    measurement, reverse = _codebook_items(codebook)

    def resolve(name: Any) -> str:
        ident = _identifier(name)
        if ident not in measurement:
            raise ModelSpecError(
                f"from_codebook: {name!r} is not a construct of the codebook; its constructs "
                f"are {', '.join(measurement)}."
            )
        return ident

    if not isinstance(structural, str | Mapping) or (isinstance(structural, str) and indirect):
        raise ModelSpecError(
            "from_codebook: structural must be a mapping {outcome: [predictors]} (as needed "
            "for indirect=) or lavaan text (then write the ':=' lines yourself)."
        )
    paths: list[tuple[str, str]] = []
    if isinstance(structural, str):
        tokens = set(re.findall(r"[A-Za-z_][\w.]*", structural))
        used = [c for c in measurement if c in tokens] or list(measurement)
    else:
        for outcome, group in structural.items():
            group = [group] if isinstance(group, str) else group
            paths += [(resolve(p), resolve(outcome)) for p in group]
        used = [c for c in measurement if any(c in pair for pair in paths)] or list(measurement)
    flagged = [i for c in used for i in measurement[c] if i in reverse]
    note = f"reverse-keyed in the codebook, reverse-code first: {', '.join(flagged)}"
    abbr = {c: c.lower().replace(".", "_") for c in used}
    chains = [tuple(map(resolve, route)) for route in indirect]
    text = [structural.strip("\n")] if isinstance(structural, str) and structural.strip() else []
    measurement = {c: measurement[c] for c in used}
    notes = [note] if flagged else []
    return _render("model from a codebook", measurement, paths, abbr, labels, chains, text, notes)
