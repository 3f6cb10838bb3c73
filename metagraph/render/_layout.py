"""A fixed, layered, left-to-right layout that reads like a pathway figure.

Columns follow :data:`metagraph.schema.KIND_ORDER`, with kinds that play the same
part sharing a stage (:data:`STAGES`: exercise → genes and signals → myokines →
organs and cells → processes → outcomes → conditions). Inside a stage, a chain of
edges (ATP depletion → AMPK → PGC-1α) is spread over a few sub-columns so that it
still runs left to right. Within a column, nodes are ordered by the
barycentre of their neighbours (fewer crossings), ties broken by name, and then placed
close to their neighbours without overlapping. Everything is deterministic: the same
graph gives the same positions, and physics is never needed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metagraph.schema import KIND_ORDER, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["STAGES", "Layout", "layered_layout"]

#: The stages of a pathway figure, left to right: kinds in one stage share columns.
STAGES: tuple[tuple[Kind, ...], ...] = (
    (Kind.EXERCISE,),
    (Kind.GENE, Kind.SIGNAL),
    (Kind.MYOKINE,),
    (Kind.ORGAN, Kind.CELL),
    (Kind.PROCESS,),
    (Kind.OUTCOME,),
    (Kind.CONDITION,),
)
if [k for stage in STAGES for k in stage] != list(KIND_ORDER):  # pragma: no cover - a programming error
    raise RuntimeError("layout.STAGES must list the kinds in metagraph.schema.KIND_ORDER")


# How many ordinary edges one emphasised edge counts for when nodes are ordered and placed.
_EMPHASIS = 12
# Columns of up to this many nodes are never wrapped: a reader can still scroll along them.
_WRAP_FROM = 100


@dataclass(frozen=True)
class Layout:
    """Node positions and the columns they sit in.

    Attributes
    ----------
    positions
        Node id → ``(x, y)`` in pixels, x growing to the right and y downwards.
    columns
        The node ids of each column, top to bottom, left to right.
    column_stages
        The stage (index into :data:`STAGES`) of each column.
    """

    positions: dict[str, tuple[float, float]]
    columns: list[list[str]]
    column_stages: list[int]


def _sub_ranks(ids: list[str], edges: Iterable[tuple[str, str]], max_depth: int) -> dict[str, int]:
    """Longest-path rank of each node over the same-kind edges, cycles broken by a DFS."""
    position = {n: i for i, n in enumerate(ids)}
    succ: dict[str, list[str]] = defaultdict(list)
    for u, v in edges:
        if u != v:
            succ[u].append(v)
    for u in succ:
        succ[u] = sorted(set(succ[u]), key=position.__getitem__)
    state: dict[str, int] = {}
    order: list[str] = []
    acyclic: dict[str, list[str]] = defaultdict(list)
    for root in ids:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ.get(root, ())))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif nxt not in state:
                acyclic[node].append(nxt)
                state[nxt] = 1
                stack.append((nxt, iter(succ.get(nxt, ()))))
            elif state[nxt] == 2:
                acyclic[node].append(nxt)
            # state 1: a back edge closes a cycle; dropping it keeps the ranks finite
    rank = dict.fromkeys(ids, 0)
    for node in reversed(order):  # topological order of the acyclic edges
        for nxt in acyclic[node]:
            rank[nxt] = max(rank[nxt], rank[node] + 1)
    return {n: min(r, max_depth - 1) for n, r in rank.items()}


def layered_layout(
    graph: MetaGraph,
    *,
    x_gap: float = 210.0,
    y_gap: float = 90.0,
    aspect: float = 1.8,
    max_depth: int = 3,
    sweeps: int = 4,
    emphasis: Iterable[tuple[str, str]] = (),
) -> Layout:
    """Compute a left-to-right layered layout of a graph.

    Parameters
    ----------
    graph
        The graph (or view) to lay out.
    x_gap, y_gap
        Distance between columns and (at least) between nodes in a column, in pixels.
    aspect
        Wanted width/height ratio: short columns are spread out (up to three times
        ``y_gap``) so that a wide, flat pathway still fills a screen.
    max_depth
        At most this many sub-columns per stage.
    sweeps
        Rounds of barycentre ordering.
    emphasis
        ``(source, target)`` pairs (a highlighted chain) that pull their nodes into
        line much harder than other edges, so that the chain reads straight across.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> kg = MetaGraph([Node(id="hiit", name="HIIT", kind="exercise"), Node(id="ampk", name="AMPK", kind="signal"),
    ...                 Node(id="pgc1a", name="PGC-1α", kind="signal")],
    ...                [Edge(source="hiit", target="ampk", predicate="activates", evidence=ev),
    ...                 Edge(source="ampk", target="pgc1a", predicate="activates", evidence=ev)], validate=False)
    >>> layered_layout(kg).positions
    {'hiit': (0.0, 0.0), 'ampk': (210.0, 0.0), 'pgc1a': (420.0, 0.0)}
    """
    g = graph.nx
    ids = list(g.nodes)
    stage_of_kind = {k: i for i, stage in enumerate(STAGES) for k in stage}
    stage_of = {n: stage_of_kind[Kind(g.nodes[n]["kind"])] for n in ids}
    sort_key = {
        n: (KIND_ORDER.index(Kind(g.nodes[n]["kind"])), str(g.nodes[n].get("name", n)).casefold(), n) for n in ids
    }
    pairs = [(u, v) for u, v in g.edges() if u != v]

    by_stage: dict[int, list[str]] = defaultdict(list)
    for n in ids:
        by_stage[stage_of[n]].append(n)
    column_of: dict[str, int] = {}
    column_stages: list[int] = []
    for stage in range(len(STAGES)):
        members = by_stage.get(stage)
        if not members:
            continue
        same = [(u, v) for u, v in pairs if stage_of[u] == stage and stage_of[v] == stage]
        ranks = _sub_ranks(members, same, max_depth)
        depth = max(ranks.values()) + 1
        base = len(column_stages)
        for n in members:
            column_of[n] = base + ranks[n]
        column_stages.extend([stage] * depth)

    columns: list[list[str]] = [[] for _ in column_stages]
    for n in sorted(ids, key=sort_key.__getitem__):
        columns[column_of[n]].append(n)
    strong = set(emphasis)
    neighbours: dict[str, list[str]] = defaultdict(list)
    for u, v in pairs:
        if column_of[u] != column_of[v]:
            weight = _EMPHASIS if (u, v) in strong else 1
            neighbours[u].extend([v] * weight)
            neighbours[v].extend([u] * weight)

    index = {n: i for col in columns for i, n in enumerate(col)}

    def reorder(col: list[str], side: int) -> list[str]:
        # side -1: look at columns to the left; +1: to the right; 0: both
        keyed = []
        for n in col:
            near = [index[m] for m in neighbours[n] if side == 0 or (column_of[m] - column_of[n]) * side > 0]
            bary = sum(near) / len(near) if near else float(index[n])
            keyed.append((bary, index[n], n))
        keyed.sort()
        return [n for _, _, n in keyed]

    def renumber(col: list[str]) -> None:
        for i, n in enumerate(col):
            index[n] = i

    for _ in range(sweeps):
        for c in range(1, len(columns)):
            columns[c] = reorder(columns[c], -1)
            renumber(columns[c])
        for c in range(len(columns) - 2, -1, -1):
            columns[c] = reorder(columns[c], +1)
            renumber(columns[c])

    tallest = max((len(c) for c in columns), default=1)
    # Columns far taller than the figure is wide (thousands of nodes) are wrapped into
    # several narrow ones side by side, so the whole still fits a screen.
    if tallest > _WRAP_FROM:
        for per in _wrap_heights(tallest):
            width = sum(x_gap + (math.ceil(len(c) / per) - 1) * x_gap / 2 for c in columns)
            if width >= aspect * per * y_gap:
                break
        return Layout(_wrapped(columns, per, x_gap, y_gap), columns, column_stages)
    if tallest > 1:
        y_gap = min(max(y_gap, (len(columns) - 1) * x_gap / aspect / (tallest - 1)), 3 * y_gap)
    positions = _place(columns, column_of, neighbours, x_gap, y_gap)
    return Layout(positions, columns, column_stages)


def _wrap_heights(tallest: int) -> Iterator[int]:
    """Candidate heights (nodes per narrow column), tallest first."""
    for wrap in range(1, tallest + 1):
        per = math.ceil(tallest / wrap)
        if wrap == 1 or per < math.ceil(tallest / (wrap - 1)):
            yield per


def _wrapped(columns: list[list[str]], per: int, x_gap: float, y_gap: float) -> dict[str, tuple[float, float]]:
    """Lay each column out as narrow columns of at most ``per`` nodes, evenly spaced."""
    sub_gap = x_gap / 2
    positions: dict[str, tuple[float, float]] = {}
    x = 0.0
    for col in columns:
        chunks = [col[i : i + per] for i in range(0, len(col), per)] or [[]]
        for j, chunk in enumerate(chunks):
            for i, node in enumerate(chunk):
                positions[node] = (x + j * sub_gap, round((i - (len(chunk) - 1) / 2) * y_gap, 1) + 0.0)
        x += (len(chunks) - 1) * sub_gap + x_gap
    return positions


def _place(
    columns: list[list[str]], column_of: dict[str, int], neighbours: dict[str, list[str]], x_gap: float, y_gap: float
) -> dict[str, tuple[float, float]]:
    """Give each node a y near the mean y of its placed neighbours, keeping order and spacing."""
    y: dict[str, float] = {}
    if not columns:
        return {}
    # The tallest column is laid out evenly first; the others follow outward from it.
    tallest = max(range(len(columns)), key=lambda c: (len(columns[c]), -c))
    order = [tallest] + [c for k in range(1, len(columns)) for c in (tallest + k, tallest - k) if 0 <= c < len(columns)]
    for c in order:
        col = columns[c]
        n = len(col)
        if c == tallest:
            for i, node in enumerate(col):
                y[node] = (i - (n - 1) / 2) * y_gap
            continue
        even = [(i - (n - 1) / 2) * y_gap for i in range(n)]
        wish = []
        for i, node in enumerate(col):
            placed = [y[m] for m in neighbours[node] if m in y]
            wish.append(sum(placed) / len(placed) if placed else even[i])
        y.update(zip(col, _spread(wish, y_gap), strict=True))
    return {node: (float(column_of[node] * x_gap), round(y[node], 1) + 0.0) for col in columns for node in col}


def _spread(wish: list[float], gap: float) -> list[float]:
    """Closest positions to ``wish`` that keep their order and are at least ``gap`` apart.

    Pool-adjacent-violators on ``wish[i] - i*gap``: the least-squares answer.
    """
    shifted = [w - i * gap for i, w in enumerate(wish)]
    blocks: list[list[float]] = []  # [mean, count]
    for v in shifted:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, c2 = blocks.pop()
            m1, c1 = blocks.pop()
            blocks.append([(m1 * c1 + m2 * c2) / (c1 + c2), c1 + c2])
    out: list[float] = []
    for mean, count in blocks:
        out.extend([mean] * int(count))
    return [v + i * gap for i, v in enumerate(out)]
