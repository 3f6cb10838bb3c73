"""Metapath queries: the chains whose nodes follow a sequence of kinds, as in Hetionet.

``match("exercise", "signal", "myokine", "organ")`` asks for every exercise that
acts on a signal that acts on a myokine that acts on an organ. Any edge may join two
consecutive nodes: the schema has already made sure that its predicate fits the two
kinds, and a metapath is about the kinds, not about one type of link, so the last
step of that example is a ``targets`` edge (a myokine acting on an organ) and a step
may be structural (``secretes``, ``part_of``). Restrict the steps with
``predicates=``.

The best-supported chains come first (most evidence items in total, then by edge
ids). They are found best-first: a backward pass over the kinds gives, for every
node, the most evidence a completion from it can add, which bounds the search
exactly, so the first ``limit`` chains come out without listing all of them.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Unpack

from metagraph._nx import NxGraph, predecessors, successors
from metagraph.errors import MetagraphError
from metagraph.queries._args import check_count, parse_kind, parse_predicates
from metagraph.queries._paths import EdgeTriple
from metagraph.queries.chains import Chain
from metagraph.queries.context import Context, restrict
from metagraph.schema import Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["match", "match_paths", "no_match_message"]


def match_paths(
    graph: NxGraph, kinds: list[Kind], *, limit: int | None = 20, predicates: frozenset[str] | None = None
) -> list[tuple[EdgeTriple, ...]]:
    """Return the edge paths whose nodes have ``kinds`` in turn, best-supported first.

    Parameters
    ----------
    graph
        A MultiDiGraph (or view) with the attributes of :mod:`metagraph.graph`.
    kinds
        At least two kinds.
    limit
        How many paths; ``None`` for all.
    predicates
        Only edges with these predicate values.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> paths = match_paths(sample_graph().nx, [Kind.MYOKINE, Kind.ORGAN])
    >>> [(u, k, v) for ((u, v, k),) in paths]  # doctest: +NORMALIZE_WHITESPACE
    [('il6', 'targets', 'liver'), ('il6', 'targets', 'skeletal_muscle'), ('irisin', 'targets', 'adipose_tissue')]
    """
    node_kind = {n: a.get("kind") for n, a in graph.nodes(data=True)}
    succ, pred = successors(graph), predecessors(graph)
    values = [k.value for k in kinds]
    last = len(values) - 1

    def usable(attrs: dict[str, Any]) -> bool:
        return predicates is None or attrs["predicate"] in predicates

    # best[i][v]: the most evidence a completion from v, standing at position i, can add
    best: list[dict[str, int]] = [{} for _ in values]
    best[last] = {v: 0 for v, k in node_kind.items() if k == values[last]}
    for i in range(last - 1, -1, -1):
        here, after, want = best[i], best[i + 1], values[i]
        for w, bound in after.items():
            for u, keyed in pred[w].items():
                if node_kind[u] != want or u == w:
                    continue
                most = max((len(a["evidence"]) for a in keyed.values() if usable(a)), default=-1)
                if most >= 0 and most + bound > here.get(u, -1):
                    here[u] = most + bound

    # Heap entries sort by (-upper bound, edges so far): a completed path's bound is
    # its evidence, and an entry's bound never exceeds its parent's, so completed
    # paths leave the heap in the documented order.
    heap: list[tuple[int, tuple[EdgeTriple, ...], str, int]] = [(-b, (), v, 0) for v, b in best[0].items()]
    heapq.heapify(heap)
    out: list[tuple[EdgeTriple, ...]] = []
    while heap and (limit is None or len(out) < limit):
        neg, path, v, i = heapq.heappop(heap)
        if i == last:
            out.append(path)
            continue
        gained = -neg - best[i][v]
        onpath = {v, *(a for a, _, _ in path)}
        nxt = best[i + 1]
        for w, keyed in succ[v].items():
            if w not in nxt or w in onpath:
                continue
            for k, attrs in keyed.items():
                if usable(attrs):
                    g = gained + len(attrs["evidence"])
                    heapq.heappush(heap, (-(g + nxt[w]), (*path, (v, w, k)), w, i + 1))
    return out


def match(
    kg: MetaGraph,
    *kinds: str | Kind,
    limit: int | None = 20,
    predicates: str | Iterable[str] | None = None,
    **context: Unpack[Context],
) -> list[Chain]:
    """Return the chains whose nodes follow ``kinds`` in turn (a metapath query).

    Parameters
    ----------
    kg
        The graph.
    *kinds
        Two or more kinds, e.g. ``"exercise", "signal", "myokine", "organ"``.
    limit
        How many chains; ``None`` for all.
    predicates
        Allow only these predicates (default: any edge, see the module notes).
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Any edge may join two consecutive nodes (the schema guarantees that its predicate
    fits their kinds); ``predicates`` restricts them.

    Returns
    -------
    list of Chain
        Most evidence first, then by edge ids.

    Raises
    ------
    MetagraphError
        Fewer than two kinds, an unknown kind or predicate, or a bad ``limit``.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> for chain in match(sample_graph(), "organ", "myokine", "organ"):
    ...     print(chain)
    Skeletal muscle —secretes→ IL-6 —targets→ Liver
    >>> for chain in sample_graph().match("signal", "myokine", "organ"):
    ...     print(chain)
    FNDC5 —is cleaved into→ Irisin —targets→ Adipose tissue
    """
    if len(kinds) < 2:
        raise MetagraphError("match needs at least two kinds, e.g. match('exercise', 'signal', 'myokine')")
    check_count(limit, "limit", allow_none=True)
    parsed = [parse_kind(k) for k in kinds]
    allowed = parse_predicates(predicates, transmitting=False)
    kg = restrict(kg, **context)
    return [Chain(kg, p) for p in match_paths(kg.nx, parsed, limit=limit, predicates=allowed)]


def no_match_message(kg: MetaGraph, kinds: Iterable[str | Kind]) -> str:
    """Say that no chain follows ``kinds``, and how far the graph does follow them.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> print(no_match_message(sample_graph(), ["exercise", "signal", "myokine"]))
    no chain follows exercise → signal → myokine. The graph has chains exercise → signal, but none \
of them continues to a myokine node.
    """
    parsed = [parse_kind(k) for k in kinds]
    names = " → ".join(k.value for k in parsed)
    msg = f"no chain follows {names}."
    for end in range(len(parsed) - 1, 1, -1):
        if match_paths(kg.nx, parsed[:end], limit=1):
            head = " → ".join(k.value for k in parsed[:end])
            return msg + f" The graph has chains {head}, but none of them continues to a {parsed[end].value} node."
    present = {a.get("kind") for _, a in kg.nx.nodes(data=True)}
    missing = [k.value for k in parsed if k.value not in present]
    if missing:
        return msg + f" The graph has no {' or '.join(missing)} node."
    return msg + f" No edge joins a {parsed[0].value} node to a {parsed[1].value} node."
