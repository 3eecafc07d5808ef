"""Geometry of SEM path diagrams: where the boxes go and how the arrows run.

Pure numpy, no drawing (that is :mod:`cxlab.sem.diagram`). Lengths are in inches: the
diagram is drawn at 1 data unit = 1 inch, so text sizes in points convert exactly.

The layout is a small Sugiyama scheme, deterministic (no randomness anywhere):

1. Structural variables (latents, and observed variables that are not indicators) go
   in columns by causal depth: the longest chain of ``~`` (and second-order ``=~``)
   paths that leads to them; exogenous variables in column 0, outcomes on the right.
   Paths that skip a column get a waypoint in every column they pass, so they bend
   around the variables there instead of running through them.
2. Within a column the order is the model's, improved by barycentre sweeps while the
   number of crossing paths falls.
3. Indicators fan out to the left of column 0, to the right of a last column holding
   several variables, and otherwise in a row above (or below) their latent.
4. Heights: each variable moves towards the mean height of its neighbours in the
   adjacent columns, then the column is pushed apart just enough for nothing to
   overlap (an isotonic regression), alternately left to right and back.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

Point = tuple[float, float]

COL_GAP = 1.45  # between the extents of adjacent columns (room for a path label)
BLOCK_GAP = 0.42  # between two variables' blocks in one column
DUMMY_HALF = 0.16  # half the height a path's waypoint takes up in a column
BOX_GAP = 0.14  # between the indicator boxes of one latent
FAN_GAP = 1.15  # from a latent to its fan of indicators (at least)
ROW_GAP = 0.8  # from a latent to its row of indicators (at least)
ROW_SEP = 0.45  # between rows of indicators of adjacent columns
LABEL_HALF = 0.3  # half the width of a path label, for the room arcs need
SIDES = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "up": (0.0, 1.0), "down": (0.0, -1.0)}


@dataclass
class Node:
    """A variable's box: centre (x, y), width w, height h, ``shape`` ellipse or box."""

    name: str
    shape: str
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    parent: str | None = None  # indicators: the latent they are drawn with
    side: str = ""  # indicators: where they sit relative to the parent
    column: int = -1

    def bbox(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1).

        Examples
        --------
        >>> from cxlab.sem._layout import Node
        >>> Node("SAT", "ellipse", w=2.0, h=1.0, x=3.0, y=1.0).bbox()
        (2.0, 0.5, 4.0, 1.5)
        """
        return self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2

    def boundary(self, toward: Point) -> np.ndarray:
        """The point of the outline on the ray from the centre towards ``toward``.

        Examples
        --------
        >>> from cxlab.sem._layout import Node
        >>> box = Node("x1", "box", w=2.0, h=1.0)
        >>> box.boundary((5.0, 0.0)).tolist()  # where an arrow to the right leaves the box
        [1.0, 0.0]
        """
        c = np.array([self.x, self.y])
        d = np.asarray(toward, dtype=float) - c
        if not np.any(d):
            return c
        a, b = self.w / 2, self.h / 2
        if self.shape == "ellipse":
            s = 1 / np.sqrt((d[0] / a) ** 2 + (d[1] / b) ** 2)
        else:
            s = min(a / abs(d[0]) if d[0] else np.inf, b / abs(d[1]) if d[1] else np.inf)
        return c + s * d


@dataclass
class Spec:
    """What to lay out. ``sizes``: name → (w, h, shape) for every variable drawn."""

    structural: list[str]
    indicators: dict[str, list[str]]
    sizes: dict[str, tuple[float, float, str]]
    edges: list[tuple[str, str]]
    covariances: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Layout:
    """Positioned nodes, the columns (top to bottom) and waypoints of long paths."""

    nodes: dict[str, Node]
    columns: list[list[str]]
    waypoints: dict[tuple[str, str], list[Point]]
    arc_side: list[float]
    bulges: dict[tuple[str, str], float]


def _depths(nodes: list[str], edges: list[tuple[str, str]]) -> tuple[dict[str, int], set]:
    """Longest-path layering; edges closing a cycle are returned as ``back``."""
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    for u, v in edges:
        if u != v and v not in succ[u]:
            succ[u].append(v)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    order: list[str] = []

    def visit(u: str) -> None:
        state[u] = 1
        for v in succ[u]:
            if state.get(v) == 1:
                back.add((u, v))
            elif v not in state:
                visit(v)
        state[u] = 2
        order.append(u)

    for n in nodes:
        if n not in state:
            visit(n)
    depth = dict.fromkeys(nodes, 0)
    for u in reversed(order):  # reverse post-order is a topological order
        for v in succ[u]:
            if (u, v) not in back:
                depth[v] = max(depth[v], depth[u] + 1)
    return depth, back


def _crossings(columns: list[list[str]], segs: list[tuple[str, str]]) -> int:
    pos = {v: i for col in columns for i, v in enumerate(col)}
    col_of = {v: c for c, col in enumerate(columns) for v in col}
    total = 0
    by_col: dict[int, list[tuple[int, int]]] = {}
    for a, b in segs:
        by_col.setdefault(col_of[a], []).append((pos[a], pos[b]))
    for pairs in by_col.values():
        for i, (a1, b1) in enumerate(pairs):
            for a2, b2 in pairs[i + 1 :]:
                total += (a1 - a2) * (b1 - b2) < 0
    return total


def _order(columns: list[list[str]], segs: list[tuple[str, str]]) -> list[list[str]]:
    """Barycentre sweeps; keep the first ordering with the fewest crossings."""
    pred: dict[str, list[str]] = {}
    succ: dict[str, list[str]] = {}
    for a, b in segs:
        succ.setdefault(a, []).append(b)
        pred.setdefault(b, []).append(a)
    best, fewest = [list(c) for c in columns], _crossings(columns, segs)
    cols = [list(c) for c in columns]
    for _ in range(6):
        for rng, nbrs, step in (
            (range(1, len(cols)), pred, -1),
            (range(len(cols) - 2, -1, -1), succ, 1),
        ):
            for c in rng:
                pos = {v: i for i, v in enumerate(cols[c + step])}

                def key(iv: tuple[int, str], pos=pos, nbrs=nbrs) -> float:
                    near = [pos[u] for u in nbrs.get(iv[1], []) if u in pos]
                    return float(np.mean(near)) if near else float(iv[0])

                cols[c] = [v for _, v in sorted(enumerate(cols[c]), key=key)]
            n = _crossings(cols, segs)
            if n < fewest:
                best, fewest = [list(c) for c in cols], n
    return best


def _isotonic_decreasing(values: np.ndarray) -> np.ndarray:
    """Least-squares non-increasing fit (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight]
    for v in values:
        blocks.append([float(v), 1.0])
        while len(blocks) > 1 and blocks[-2][0] < blocks[-1][0]:
            m2, w2 = blocks.pop()
            m1, w1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2])
    return np.concatenate([np.full(int(w), m) for m, w in blocks])


def _spread(desired: np.ndarray, seps: np.ndarray) -> np.ndarray:
    """Heights closest to ``desired`` (top first) keeping y[i] - y[i+1] >= seps[i]."""
    offset = np.concatenate([[0.0], np.cumsum(seps)])
    return _isotonic_decreasing(desired + offset) - offset


def _levels(intervals: dict[tuple[str, str], list[float]]) -> dict[tuple[str, str], int]:
    """Nesting level of arcs on one side: an arc rises above every arc it overlaps that
    is shorter (or as long and further left), so labels at the apexes stay apart."""
    level: dict[tuple[str, str], int] = {}
    for key, (lo, hi) in sorted(
        intervals.items(), key=lambda kv: (round(kv[1][1] - kv[1][0], 3), round(kv[1][0], 3))
    ):
        below = [level[k] for k in level if intervals[k][0] < hi and lo < intervals[k][1]]
        level[key] = 1 + max(below, default=0)
    return level


def compute(spec: Spec) -> Layout:
    """Place every variable of ``spec``; see the module docstring for the scheme."""
    nodes = {
        n: Node(n, shape, w, h)
        for n, (w, h, shape) in spec.sizes.items()
        if n in spec.structural or any(n in v for v in spec.indicators.values())
    }
    struct = [n for n in spec.structural if n in nodes]
    edges = [(u, v) for u, v in spec.edges if u in nodes and v in nodes and u != v]
    depth, back = _depths(struct, edges)
    columns: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for n in struct:
        columns[depth[n]].append(n)
    segs, chains = [], {}
    for k, (u, v) in enumerate(edges):
        if (u, v) in back or depth[v] <= depth[u]:
            continue
        chain = [u] + [f"\0{k}:{c}" for c in range(depth[u] + 1, depth[v])] + [v]
        for c, d in enumerate(chain[1:-1], start=depth[u] + 1):
            columns[c].append(d)
        segs += list(itertools.pairwise(chain))
        if len(chain) > 2:
            chains[(u, v)] = chain[1:-1]
    columns = _order(columns, segs)
    last = len(columns) - 1
    real = [[v for v in col if v in nodes] for col in columns]

    # where each latent's indicators go
    side: dict[str, str] = {}
    for c, col in enumerate(columns):
        for i, v in enumerate(col):
            if v not in spec.indicators or v not in nodes:
                continue
            if c == 0:
                side[v] = "left"
            elif c == last and len(real[c]) > 1:
                side[v] = "right"
            else:
                above, below = i, len(col) - 1 - i
                side[v] = "down" if above > 0 and (below == 0 or below < above) else "up"

    # same-column covariances between structural variables: arcs on one side
    arc_side = [-1.0 if c == 0 and last > 0 else 1.0 for c in range(len(columns))]
    col_of = {v: c for c, col in enumerate(real) for v in col}
    zone = [0.0] * len(columns)
    bulges: dict[tuple[str, str], float] = {}
    for a, b in spec.covariances:
        if a in col_of and b in col_of and col_of[a] == col_of[b]:
            c = col_of[a]
            span = abs(real[c].index(a) - real[c].index(b))
            bulges[(a, b)] = 0.32 + 0.42 * (span - 1)
            zone[c] = max(zone[c], bulges[(a, b)] + LABEL_HALF + 0.1)

    # indicator groups: uniform box size, offsets from the latent's centre
    ind_of: dict[str, str] = {}
    for lat, items in spec.indicators.items():
        if lat not in side:
            continue
        items = [i for i in items if i in nodes and i not in ind_of]
        if not items:
            continue
        bw = max(nodes[i].w for i in items)
        bh = max(nodes[i].h for i in items)
        for i in items:
            nodes[i].w, nodes[i].h = bw, bh
            nodes[i].parent, nodes[i].side = lat, side[lat]
            ind_of[i] = lat
    # covariances between indicators in one column's fans: nested arcs, room for them
    same_side = [
        (a, b)
        for a, b in spec.covariances
        if a in ind_of and b in ind_of and nodes[a].side == nodes[b].side
    ]
    ind_zone: dict[tuple[str, str], float] = {}
    rank = {}
    for col in real:
        rank.update(
            {i: -k for k, i in enumerate(i for v in col for i in spec.indicators.get(v, []))}
        )
    fans = [(a, b) for a, b in same_side if nodes[a].side in ("left", "right")]
    levels = _levels({(a, b): sorted((rank[a], rank[b])) for a, b in fans})
    for a, b in fans:
        bulges[(a, b)] = 0.3 + 0.3 * (levels[(a, b)] - 1)
        for n in (a, b):
            key = (ind_of[n], nodes[n].side)
            need = 0.75 * bulges[(a, b)] + LABEL_HALF + 0.1
            ind_zone[key] = max(ind_zone.get(key, 0.0), need)

    ext: dict[str, list[float]] = {}  # left, right, up, down from the centre
    core: dict[str, list[float]] = {}  # left, right without rows of indicators
    gaps: dict[str, float] = {}
    for c, col in enumerate(real):
        for v in col:
            nd = nodes[v]
            e = [nd.w / 2, nd.w / 2, nd.h / 2, nd.h / 2]
            items = [i for i in spec.indicators.get(v, []) if ind_of.get(i) == v]
            s = side.get(v)
            if items and s in ("left", "right"):
                bw, bh = nodes[items[0]].w, nodes[items[0]].h
                span = len(items) * bh + (len(items) - 1) * BOX_GAP
                gap = max(FAN_GAP, 0.42 * span) + (zone[c] if arc_side[c] * SIDES[s][0] > 0 else 0)
                gaps[v] = gap
                k = 0 if s == "left" else 1
                e[k] = nd.w / 2 + gap + bw + ind_zone.get((v, s), 0.0)
                e[2] = e[3] = max(nd.h / 2, span / 2)
            elif items:
                bw, bh = nodes[items[0]].w, nodes[items[0]].h
                span = len(items) * bw + (len(items) - 1) * BOX_GAP
                gaps[v] = max(ROW_GAP, 0.2 * span)
                e[0] = e[1] = max(nd.w / 2, span / 2)
                e[2 if s == "up" else 3] = nd.h / 2 + gaps[v] + bh
            k = 0 if arc_side[c] < 0 else 1
            e[k] = max(e[k], nd.w / 2 + zone[c])
            ext[v] = e
            core[v] = [nd.w / 2, nd.w / 2] if s in ("up", "down") else e[:2]

    # columns left to right: room for path labels between the variables, and rows of
    # indicators in adjacent columns clear of each other
    xs: list[float] = []
    for c, col in enumerate(real):
        left = max((ext[v][0] for v in col), default=0.0)
        if c == 0:
            xs.append(left)
            continue
        prev = real[c - 1]
        need_core = max((core[v][1] for v in prev), default=0.0) + COL_GAP
        need_core += max((core[v][0] for v in col), default=0.0)
        need_all = max((ext[v][1] for v in prev), default=0.0) + ROW_SEP + left
        xs.append(xs[-1] + max(need_core, need_all))
    for c, col in enumerate(real):
        for v in col:
            nodes[v].x, nodes[v].column = xs[c], c

    # indicator x positions (rows), then the room their covariance arcs need above/below
    def place_indicators() -> None:
        for v, items in spec.indicators.items():
            items = [i for i in items if ind_of.get(i) == v]
            if not items:
                continue
            nd, first = nodes[v], nodes[items[0]]
            dx, dy = SIDES[side[v]]
            if dx:
                step = first.h + BOX_GAP
                x0 = nd.x + dx * (nd.w / 2 + gaps[v] + first.w / 2)
                for j, i in enumerate(items):
                    nodes[i].x = x0
                    nodes[i].y = nd.y + ((len(items) - 1) / 2 - j) * step
            else:
                step = first.w + BOX_GAP
                y0 = nd.y + dy * (nd.h / 2 + gaps[v] + first.h / 2)
                for j, i in enumerate(items):
                    nodes[i].x = nd.x + (j - (len(items) - 1) / 2) * step
                    nodes[i].y = y0
                    nodes[i].column = nd.column
            for i in items:
                nodes[i].column = nd.column

    place_indicators()
    rows = [(a, b) for a, b in same_side if nodes[a].side in ("up", "down")]
    levels = _levels({(a, b): sorted((nodes[a].x, nodes[b].x)) for a, b in rows})
    for a, b in rows:
        bulges[(a, b)] = 0.3 + 0.22 * (levels[(a, b)] - 1)
        for n in (a, b):
            par, k = ind_of[n], 2 if nodes[n].side == "up" else 3
            need = nodes[par].h / 2 + gaps[par] + nodes[n].h + 0.75 * bulges[(a, b)] + 0.25
            ext[par][k] = max(ext[par][k], need)

    # heights: pull towards the neighbours, push apart just enough
    half = {v: (ext[v][2], ext[v][3]) for v in ext}
    nbrs: dict[str, list[str]] = {}
    for a, b in segs:
        nbrs.setdefault(a, []).append(b)
        nbrs.setdefault(b, []).append(a)
    y: dict[str, float] = {}
    seps = []
    for col in columns:
        up = [half.get(v, (DUMMY_HALF, DUMMY_HALF))[0] for v in col]
        down = [half.get(v, (DUMMY_HALF, DUMMY_HALF))[1] for v in col]
        gap = [
            BLOCK_GAP if (a in nodes or b in nodes) else 0.12 for a, b in itertools.pairwise(col)
        ]
        s = np.array([down[i] + gap[i] + up[i + 1] for i in range(len(col) - 1)])
        seps.append(s)
        ys = -np.concatenate([[0.0], np.cumsum(s)])
        ys += -(ys[0] + up[0] + ys[-1] - down[-1]) / 2
        y.update(zip(col, ys, strict=True))
    for sweep in range(24):
        order = range(len(columns)) if sweep % 2 == 0 else range(len(columns) - 1, -1, -1)
        for c in order:
            col = columns[c]
            want = np.array(
                [np.mean([y[u] for u in nbrs[v]]) if nbrs.get(v) else y[v] for v in col]
            )
            y.update(zip(col, _spread(want, seps[c]), strict=True))
    for v in struct:
        nodes[v].y = y[v]
    place_indicators()
    # rows along the top (bottom) edge of the drawing share one line
    for s, pick, end in (("up", max, 0), ("down", min, -1)):
        edge = [v for col in columns if col and side.get(col[end]) == s for v in [col[end]]]
        items = [i for v in edge for i in spec.indicators[v] if ind_of.get(i) == v]
        if len(edge) > 1:
            line = pick(nodes[i].y for i in items)
            for i in items:
                nodes[i].y = line
    waypoints: dict[tuple[str, str], list[Point]] = {}
    for (u, v), chain in chains.items():
        waypoints[(u, v)] = [(xs[int(d.split(":")[1])], y[d]) for d in chain]
    return Layout(nodes, real, waypoints, arc_side, bulges)


# --------------------------------------------------------------------------- paths
def _line(p0: np.ndarray, p1: np.ndarray) -> np.ndarray:
    return np.array([p0, p0 + (p1 - p0) / 3, p0 + 2 * (p1 - p0) / 3, p1])


def straight(a: Node, b: Node) -> np.ndarray:
    """A straight path from the outline of ``a`` to the outline of ``b``."""
    return _line(a.boundary((b.x, b.y)), b.boundary((a.x, a.y)))


def through(a: Node, b: Node, points: list[Point]) -> np.ndarray:
    """A smooth path from ``a`` through ``points`` to ``b`` (Catmull-Rom → Bézier)."""
    p = [a.boundary(points[0]), *map(np.asarray, points), b.boundary(points[-1])]
    p = [np.asarray(q, dtype=float) for q in p]
    out = [p[0]]
    for i in range(len(p) - 1):
        before = p[i - 1] if i > 0 else p[i]
        after = p[i + 2] if i + 2 < len(p) else p[i + 1]
        out += [p[i] + (p[i + 1] - before) / 6, p[i + 1] - (after - p[i]) / 6, p[i + 1]]
    return np.array(out)


def bowed(a: Node, b: Node, bend: float, away_from: Point) -> np.ndarray:
    """A path from ``a`` to ``b`` bowed sideways by ``bend`` × distance, away from a point."""
    ca, cb = np.array([a.x, a.y]), np.array([b.x, b.y])
    d = cb - ca
    perp = np.array([-d[1], d[0]]) / (np.linalg.norm(d) or 1.0)
    if np.dot(perp, (ca + cb) / 2 - np.asarray(away_from)) < 0:
        perp = -perp
    mid = (ca + cb) / 2 + perp * bend * np.linalg.norm(d)
    p0, p1 = a.boundary(mid), b.boundary(mid)
    k = perp * bend * np.linalg.norm(d) * 4 / 3 * 0.75
    return np.array([p0, p0 + (p1 - p0) / 3 + k, p0 + 2 * (p1 - p0) / 3 + k, p1])


def covariance_paths(layout: Layout, pairs: list[tuple[str, str]]) -> dict[tuple, np.ndarray]:
    """Bézier paths of the double-headed arcs; arcs leaving one box are spread out."""
    nodes = layout.nodes
    centre = np.mean([[n.x, n.y] for n in nodes.values()], axis=0)
    out: dict[tuple, np.ndarray] = {}
    ends: dict[str, list] = {}  # node → [(pair, other, direction n, lateral sign, dist)]
    for a, b in pairs:
        na, nb = nodes[a], nodes[b]
        if (a, b) in layout.bulges and na.parent is None:  # structural, same column
            n = np.array([layout.arc_side[na.column], 0.0])
        elif (a, b) in layout.bulges:  # indicators on the same side
            n = np.array(SIDES[na.side])
        else:
            out[(a, b)] = bowed(na, nb, 0.18, centre)
            continue
        lateral = np.array([n[1], n[0]]) if n[0] == 0 else np.array([0.0, 1.0])
        for u, v in ((a, b), (b, a)):
            nu, nv = nodes[u], nodes[v]
            delta = np.array([nv.x - nu.x, nv.y - nu.y])
            ends.setdefault(u, []).append(
                ((a, b), u, n, np.sign(delta @ lateral), abs(delta @ lateral))
            )
    attach: dict[tuple, np.ndarray] = {}
    for u, items in ends.items():
        nd = nodes[u]
        for sign in (-1.0, 1.0):
            group = sorted((it for it in items if it[3] == sign), key=lambda it: it[4])
            for k, (pair, _, n, _, _) in enumerate(group):
                lateral = np.array([n[1], n[0]]) if n[0] == 0 else np.array([0.0, 1.0])
                if nd.parent is None:  # ellipse: spread by angle
                    ang = np.radians(max(48 - 17 * k, 10))
                    toward = np.array([nd.x, nd.y]) + n * np.cos(ang) + sign * lateral * np.sin(ang)
                    attach[(pair, u)] = nd.boundary(tuple(toward))
                else:  # box: spread along the edge that faces outward
                    half_out = nd.w / 2 if n[0] else nd.h / 2
                    half_lat = nd.h / 2 if n[0] else nd.w / 2
                    off = sign * half_lat * max(0.6 - 0.25 * k, 0.1)
                    attach[(pair, u)] = np.array([nd.x, nd.y]) + n * half_out + lateral * off
    for (a, b), bulge in layout.bulges.items():
        if (a, b) not in {tuple(p) for p in pairs} or (a, b) in out:
            continue
        p0, p3 = attach[((a, b), a)], attach[((a, b), b)]
        n = (
            np.array(SIDES[nodes[a].side])
            if nodes[a].parent
            else np.array([layout.arc_side[nodes[a].column], 0.0])
        )
        level = max(p0 @ n, p3 @ n) + bulge
        c1 = p0 + n * (level - p0 @ n) * 4 / 3
        c2 = p3 + n * (level - p3 @ n) * 4 / 3
        out[(a, b)] = np.array([p0, c1, c2, p3])
    return out


def polyline(path: np.ndarray, per_segment: int = 24) -> np.ndarray:
    """Points along a chain of cubic Bézier segments (control points p0 c1 c2 p1 c1 …)."""
    t = np.linspace(0, 1, per_segment)[:, None]
    pts = []
    for i in range(0, len(path) - 1, 3):
        p0, c1, c2, p1 = path[i : i + 4]
        pts.append(
            (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * c1 + 3 * (1 - t) * t**2 * c2 + t**3 * p1
        )
    return np.concatenate(pts)


def point_at(poly: np.ndarray, fraction: float) -> np.ndarray:
    """The point at ``fraction`` of the length of a polyline."""
    seg = np.linalg.norm(np.diff(poly, axis=0), axis=1)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    s = fraction * cum[-1]
    return np.array([np.interp(s, cum, poly[:, 0]), np.interp(s, cum, poly[:, 1])])


def overlap(a: tuple, b: tuple) -> float:
    """Area shared by two (x0, y0, x1, y1) boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)
