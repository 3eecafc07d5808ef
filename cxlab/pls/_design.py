"""Interaction terms and higher-order constructs in PLS-PM syntax (private).

Read by :func:`read` from the statements of :func:`cxlab.models.syntax.statements`:

* ``Y ~ A + B + A:B`` — an interaction (moderation) term ``A:B`` of two constructs, as
  lavaan writes a product term; a label works as usual (``Y ~ b*A:B``);
* ``H =~ A + B`` (or ``H <~ A + B``) — a higher-order construct whose "items" are the
  first-order constructs A and B (its dimensions); ``=~`` makes H mode A
  (reflective-reflective type), ``<~`` mode B (reflective-formative type).

:func:`compile_design` turns a :class:`Design` into the first-order PLS models that the
estimation stages fit (:mod:`cxlab.pls._stages`), each parsed and checked by
:func:`cxlab.pls._spec.parse`: the first stage of the two-stage higher-order approach
(each higher-order construct replaced by its dimensions), the main-effects model of the
two-stage interaction approach (the model without its interaction terms), and the final
model, in which an interaction is a construct measured by generated columns and a
higher-order construct one measured by its dimensions' scores (two-stage) or by copies
of all their items (repeated indicators). Generated names are placeholders
(``_cx_int1`` …) renamed for display by :func:`display_names`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cxlab.errors import ModelSpecError
from cxlab.models.syntax import NAME, statements
from cxlab.pls import _spec as spec_

INTERACTION_METHODS = ("two_stage", "product_indicator", "orthogonal")
HIGHER_ORDER_APPROACHES = ("two_stage", "repeated")


@dataclass(frozen=True)
class Path:
    """A path ``target ~ label*source``; *source* is a name or an interaction (a, b)."""

    target: str
    source: str | tuple[str, str]
    label: str | None


@dataclass(frozen=True)
class Design:
    """A PLS model with interaction terms and / or higher-order constructs, as written."""

    blocks: dict[str, tuple[str, tuple[str, ...]]]
    higher: dict[str, tuple[str, tuple[str, ...]]]
    paths: tuple[Path, ...]
    extra: tuple[str, ...] = ()
    interactions: tuple[tuple[str, str], ...] = field(default=())

    @property
    def plain(self) -> bool:
        """True when the model has neither interaction terms nor higher-order constructs."""
        return not self.interactions and not self.higher


def _names(terms: Sequence) -> list[tuple[str | None, str]]:
    return [("*".join(t.modifiers) or None, t.name) for t in terms]


def read(model: str) -> Design:
    """The blocks, higher-order constructs, paths and interaction terms of *model*.

    Only the new parts are checked here (an interaction of a construct with itself, a
    higher-order construct with one dimension, a block mixing constructs and items); the
    rest is checked when the stage models are parsed.

    Examples
    --------
    >>> d = read("A =~ a1 + a2\\nB =~ b1 + b2\\nY =~ y1 + y2\\nY ~ A + B + A:B")
    >>> d.interactions, d.paths[-1].source
    ((('A', 'B'),), ('A', 'B'))
    """
    measured: dict[str, tuple[str, list[str]]] = {}
    raw: list[tuple[str, str | tuple[str, str], str | None, int]] = []
    extra: list[str] = []
    for st in statements(model):
        if st.op in ("=~", "<~") and NAME.match(st.lhs):
            op, items = measured.setdefault(st.lhs, (st.op, []))
            if op != st.op:
                raise ModelSpecError(
                    f"Construct {st.lhs!r} is declared with both =~ (mode A) and <~ (mode B); "
                    "choose one."
                )
            items.extend(name for _, name in _names(st.terms))
        elif st.op == "~" and ":" not in st.lhs:
            for label, name in _names(st.terms):
                source: str | tuple[str, str] = name
                if ":" in name:
                    parts = tuple(p.strip() for p in name.split(":"))
                    if len(parts) != 2 or not all(NAME.match(p) for p in parts):
                        raise ModelSpecError(
                            f"Line {st.line}: {name!r} is not an interaction of two constructs; "
                            "write it as 'A:B'."
                        )
                    if parts[0] == parts[1]:
                        raise ModelSpecError(
                            f"Line {st.line}: {name!r} is an interaction of {parts[0]!r} with "
                            "itself (a quadratic term), which cx.pls does not estimate; an "
                            "interaction term needs two different constructs, e.g. "
                            f"'{parts[0]}:Moderator'."
                        )
                    source = (parts[0], parts[1])
                raw.append((st.lhs, source, label, st.line))
        elif st.op == "~":
            raise ModelSpecError(
                f"Line {st.line}: the interaction {st.lhs!r} is on the left of ~; an "
                "interaction term can only predict (write 'Y ~ A + B + A:B')."
            )
        else:
            extra.append(st.text)
    constructs = set(measured)
    higher: dict[str, tuple[str, tuple[str, ...]]] = {}
    for c, (op, items) in measured.items():
        inside = [i for i in items if i in constructs]
        if not inside:
            continue
        if len(inside) < len(items):
            raise ModelSpecError(
                f"{c!r} is measured by the constructs {', '.join(map(repr, inside))} and the "
                f"items {', '.join(repr(i) for i in items if i not in constructs)}: a "
                "higher-order construct is measured by constructs only (its dimensions). "
                "Put the items into a construct of their own."
            )
        if len(set(items)) < 2:
            raise ModelSpecError(
                f"The higher-order construct {c!r} has one lower-order construct "
                f"({items[0]!r}): it would only copy it. A higher-order construct needs at "
                f"least two dimensions; use {items[0]!r} itself."
            )
        higher[c] = (op, tuple(dict.fromkeys(items)))
    owner: dict[str, str] = {}
    for h, (_, dims) in higher.items():
        for d in dims:
            if d in higher:
                raise ModelSpecError(
                    f"{h!r} is measured by the higher-order construct {d!r}: third-order "
                    "constructs are not supported."
                )
            if d in owner:
                raise ModelSpecError(
                    f"{d!r} is a dimension of both {owner[d]!r} and {h!r}; a lower-order "
                    "construct belongs to one higher-order construct."
                )
            owner[d] = h
    paths = []
    interactions: list[tuple[str, str]] = []
    for target, source, label, line in raw:
        named = [target, *(source if isinstance(source, tuple) else (source,))]
        for name in named:
            if name in owner:
                raise ModelSpecError(
                    f"Line {line}: {name!r} is a dimension of the higher-order construct "
                    f"{owner[name]!r}, so it enters the structural model only through "
                    f"{owner[name]!r}: use {owner[name]!r} in the path."
                )
        if isinstance(source, tuple):
            for part in source:
                if part not in constructs:
                    raise ModelSpecError(
                        f"Line {line}: {part!r} in the interaction {':'.join(source)!r} is not "
                        "a declared construct (declare it with =~ or <~)."
                    )
            if source not in interactions:
                interactions.append(source)
        paths.append(Path(target, source, label))
    blocks = {c: (op, tuple(items)) for c, (op, items) in measured.items() if c not in higher}
    return Design(blocks, higher, tuple(paths), tuple(extra), tuple(interactions))


@dataclass(frozen=True)
class Generated:
    """An interaction construct: its placeholder name, components, generated columns."""

    name: str
    iv: str
    moderator: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Compiled:
    """The parsed stage models of a :class:`Design` and what to generate between them."""

    design: Design
    interaction: str
    higher_order: str
    raw_items: tuple[str, ...]
    hoc_stage: spec_.Spec | None
    dimensions: tuple[str, ...]
    copies: dict[str, str]
    main: spec_.Spec | None
    generated: tuple[Generated, ...]
    final: spec_.Spec
    rename: dict[str, str]


def _block(c: str, op: str, items: Sequence[str]) -> str:
    return f"{c} {op} {' + '.join(items)}"


def _path(p: Path, source: str, label: bool = True) -> str:
    return f"{p.target} ~ {p.label + '*' if label and p.label else ''}{source}"


def _parse(text: str, columns: Sequence[str], stage: str) -> spec_.Spec:
    try:
        return spec_.parse(text, columns)
    except ModelSpecError as err:  # line numbers would point into a generated model
        message = re.sub(r"^Line \d+: ", "", str(err))
        raise ModelSpecError(f"{message} (in the {stage})") from None


def compile_design(
    design: Design, columns: Sequence[str], interaction: str, higher_order: str
) -> Compiled:
    """The stage models of *design* on data with *columns* (see the module docstring).

    Examples
    --------
    >>> import cxlab as cx
    >>> cols = cx.datasets.load("ecsi_mobile").columns
    >>> d = read('''Image =~ IMAG1 + IMAG2 + IMAG3
    ... Expectation =~ CUEX1 + CUEX2 + CUEX3
    ... Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    ... Satisfaction ~ Image + Expectation + Image:Expectation''')
    >>> c = compile_design(d, cols, "product_indicator", "two_stage")
    >>> c.final.blocks["_cx_int1"][:2], c.rename["_cx_int1"]
    (('_cx_int1_1', '_cx_int1_2'), 'Image:Expectation')
    """
    columns = [str(c) for c in columns]
    blocks, higher = design.blocks, design.higher
    raw_items = tuple(dict.fromkeys(i for _, items in blocks.values() for i in items))
    dims = tuple(d for _, ds in higher.values() for d in ds)
    hoc_stage = None
    copies: dict[str, str] = {}
    final_blocks = dict(blocks)
    base_paths = [p for p in design.paths if not isinstance(p.source, tuple)]
    expanded: list[str] = []
    if higher and higher_order == "two_stage":
        lines = [_block(c, op, items) for c, (op, items) in blocks.items()]
        seen = set()
        for p in base_paths:
            targets = higher[p.target][1] if p.target in higher else (p.target,)
            sources = higher[p.source][1] if p.source in higher else (p.source,)  # type: ignore[index]
            for t in targets:
                for s in sources:
                    if (t, s) not in seen and t != s:
                        seen.add((t, s))
                        lines.append(f"{t} ~ {s}")
        hoc_stage = _parse("\n".join(lines), columns, "first stage of the higher-order model")
        columns = [*columns, *dims]
        for h, (op, ds) in higher.items():
            for d in ds:
                final_blocks.pop(d, None)
            final_blocks[h] = (op, ds)
    elif higher:
        for h, (op, ds) in higher.items():
            items = []
            for d in ds:
                for item in blocks[d][1]:
                    copies[f"{item}.{h}"] = item
                    items.append(f"{item}.{h}")
                # reflective-reflective: H → dimension; reflective-formative: dimension → H
                expanded.append(f"{d} ~ {h}" if op == "=~" else f"{h} ~ {d}")
            final_blocks[h] = (op, tuple(items))
        columns = [*columns, *copies]
    lines = [_block(c, op, items) for c, (op, items) in final_blocks.items()]
    main_lines = [*lines, *expanded, *(_path(p, p.source, False) for p in base_paths)]  # type: ignore[arg-type]
    main = None
    if design.interactions and interaction == "two_stage":
        main = _parse("\n".join(main_lines), columns, "main-effects model of the interaction")
    generated = []
    rename: dict[str, str] = {}
    names: dict[tuple[str, str], str] = {}
    for k, (a, b) in enumerate(design.interactions, start=1):
        name = f"_cx_int{k}"
        names[(a, b)] = name
        rename[name] = f"{a}:{b}"
        if interaction == "two_stage":
            cols: tuple[str, ...] = (f"{name}_1",)
            rename[cols[0]] = f"{a}*{b}"
        else:
            items_a, items_b = final_blocks[a][1], final_blocks[b][1]
            pairs = [(i, j) for i in items_a for j in items_b]
            cols = tuple(f"{name}_{m}" for m in range(1, len(pairs) + 1))
            rename.update({c: f"{i}*{j}" for c, (i, j) in zip(cols, pairs, strict=True)})
        generated.append(Generated(name, a, b, cols))
        lines.append(_block(name, "=~", cols))
        columns = [*columns, *cols]
    lines += expanded
    lines += [
        _path(p, names[p.source] if isinstance(p.source, tuple) else p.source) for p in design.paths
    ]
    lines += design.extra
    final = _parse("\n".join(lines), columns, "model")
    return Compiled(
        design,
        interaction,
        higher_order,
        raw_items,
        hoc_stage,
        dims if hoc_stage is not None else (),
        copies,
        main,
        tuple(generated),
        final,
        rename,
    )


def display_names(spec: spec_.Spec, rename: dict[str, str]) -> spec_.Spec:
    """*spec* with the placeholder names of generated constructs and columns replaced.

    Examples
    --------
    >>> s = spec_.Spec(("A", "_cx_int1"), {"A": ("a",), "_cx_int1": ("_cx_int1_1",)},
    ...                {"A": "A", "_cx_int1": "A"}, (("_cx_int1", "A"),))
    >>> display_names(s, {"_cx_int1": "A:B", "_cx_int1_1": "A*B"}).paths
    (('A:B', 'A'),)
    """

    def r(name: str) -> str:
        return rename.get(name, name)

    return replace(
        spec,
        constructs=tuple(map(r, spec.constructs)),
        blocks={r(c): tuple(map(r, items)) for c, items in spec.blocks.items()},
        modes={r(c): m for c, m in spec.modes.items()},
        paths=tuple((r(a), r(b)) for a, b in spec.paths),
        labels={(r(a), r(b)): lab for (a, b), lab in spec.labels.items()},
    )
