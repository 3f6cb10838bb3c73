"""Path search on the ``networkx`` graph: chains of edges and reach, without models.

Everything here works on a :class:`networkx.MultiDiGraph` (or a view of one) whose
edges carry the plain attributes described in :mod:`metagraph.graph`. The functions
return edge triples ``(source, target, key)``; :mod:`metagraph.queries.chains` turns
them into readable chains.

Why not ``networkx.all_simple_edge_paths``: it walks every simple path up to the
cutoff and only then checks where it ends, which explodes on a large graph. The
search here walks only edges that can still reach the target in the hops that are
left (a reverse breadth-first bound from the target, grown as far as it pays) and
stops once ``limit`` chains are certain to be the best ones.

Two rules of the science hold in every chain. Only edges that carry an effect are
followed (``transmits``: never an association, never a negated claim). And an effect
that holds only after training (``timescale: chronic``) never follows, anywhere later
in the chain, one that holds only for a single bout (``timescale: acute``): a
transient response does not by itself carry a training adaptation. The search keeps
that as a state (has an acute-only edge been taken yet?); the distance bounds ignore
it, so they stay lower bounds and the pruning stays exact.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from metagraph._nx import Adjacency, NxGraph, predecessors, successors

__all__ = [
    "ORDERS",
    "EdgeTriple",
    "chain_order",
    "find_edge_paths",
    "find_paths_to_many",
    "follows",
    "reach",
    "usable_edges",
]

#: A ``networkx`` edge of a MultiDiGraph: ``(source, target, key)``.
EdgeTriple = tuple[str, str, str]
EdgeTest = Callable[[Mapping[str, Any]], bool]
_INF = float("inf")
_ACUTE, _CHRONIC = "acute", "chronic"

#: The orders of :func:`chain_order`, the first being the default of ``trace``.
ORDERS = ("mechanism", "shortest", "evidence")


def follows(acute_seen: bool, attrs: Mapping[str, Any]) -> bool:
    """True when an edge may come next in a chain that has (or has not) taken an acute-only edge.

    A chronic-only edge never follows an acute-only one.

    Examples
    --------
    >>> follows(True, {"timescale": "chronic"}), follows(False, {"timescale": "chronic"}), follows(True, {})
    (False, True, True)
    """
    return not (acute_seen and attrs.get("timescale") == _CHRONIC)


def _acute(attrs: Mapping[str, Any]) -> bool:
    return attrs.get("timescale") == _ACUTE


def valid_timescales(graph: NxGraph, path: tuple[EdgeTriple, ...]) -> bool:
    """True when no chronic-only edge of ``path`` comes after an acute-only one.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="k", timescale="acute")
    >>> _ = g.add_edge("b", "c", key="k", timescale="chronic")
    >>> valid_timescales(g, (("a", "b", "k"), ("b", "c", "k"))), valid_timescales(g, (("b", "c", "k"),))
    (False, True)
    """
    succ = successors(graph)
    seen = False
    for u, v, k in path:
        attrs = succ[u][v][k]
        if not follows(seen, attrs):
            return False
        seen = seen or _acute(attrs)
    return True


def usable_edges(predicates: Collection[str] | None = None) -> EdgeTest:
    """Return the test an edge's attributes must pass to carry an effect.

    Parameters
    ----------
    predicates
        Only these predicates (their string values); ``None`` for every predicate
        whose :attr:`~metagraph.schema.PredicateSpec.transmits` is true.

    Examples
    --------
    >>> test = usable_edges({"activates"})
    >>> test({"predicate": "activates", "transmits": True}), test({"predicate": "inhibits", "transmits": True})
    (True, False)
    """
    if predicates is None:
        return lambda attrs: attrs["transmits"]
    allowed = frozenset(predicates)
    return lambda attrs: attrs["transmits"] and attrs["predicate"] in allowed


def _edge_facts(attrs: Mapping[str, Any]) -> tuple[int, int, int]:
    """(summary, weak, support) of one edge: is it a summary, is it hedged or contested, how many items support it."""
    items = attrs.get("evidence", ())
    against = sum(1 for ev in items if ev.get("stance") == "contradicts")
    weak = bool(attrs.get("hedged")) or against > 0
    return int(bool(attrs.get("summary"))), int(weak), len(items) - against


def chain_order(graph: NxGraph, path: tuple[EdgeTriple, ...], order: str = "shortest") -> tuple[Any, ...]:
    """Return the sort key of a chain in one of the :data:`ORDERS`.

    ``"mechanism"``
        Chains without a ``summary`` edge first; then fewer weak steps (hedged: every
        supporting item tentative, or contested: some item contradicts); then fewer
        hops; then more supporting evidence items.
    ``"shortest"``
        Fewer hops; then more supporting evidence items.
    ``"evidence"``
        The best-supported weakest link first (most supporting items on the chain's
        least-supported edge); then more supporting items in all; then fewer hops.

    Every order ends with the chain's edge ids, so it is total and results never
    depend on the order the data files were written in.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="activates", evidence=[{}, {}])
    >>> chain_order(g, (("a", "b", "activates"),))
    (1, -2, (('a', 'b', 'activates'),))
    >>> chain_order(g, (("a", "b", "activates"),), "mechanism")
    (0, 0, 1, -2, (('a', 'b', 'activates'),))
    """
    succ = successors(graph)
    facts = [_edge_facts(succ[u][v][k]) for u, v, k in path]
    support = sum(f[2] for f in facts)
    if order == "shortest":
        return (len(path), -support, path)
    if order == "mechanism":
        return (int(any(f[0] for f in facts)), sum(f[1] for f in facts), len(path), -support, path)
    if order == "evidence":
        return (-min(f[2] for f in facts), -support, len(path), path)
    raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")


def _settled(key: tuple[Any, ...], order: str) -> bool:
    """True when no longer chain can come before a chain with this key (so the search may stop)."""
    if order == "shortest":
        return True
    if order == "mechanism":
        return bool(key[0] == 0 and key[1] == 0)
    return False


class _Ball:
    """Breadth-first distances from one node, grown one level at a time.

    After growing to ``radius`` every node within ``radius`` hops is in ``dist``
    with its exact distance, so any other node is at least ``radius + 1`` hops
    away (or unreachable, once the frontier is empty).
    """

    def __init__(self, adj: Adjacency, start: str, usable: EdgeTest, avoid: Collection[str]) -> None:
        self.adj = adj
        self.usable = usable
        self.avoid = avoid
        self.dist: dict[str, int] = {start: 0}
        self.frontier = [start]
        self.radius = 0

    @property
    def exhausted(self) -> bool:
        return not self.frontier

    @property
    def cost(self) -> int:
        """Roughly how many edges growing one more level would look at."""
        adj = self.adj
        return sum(len(adj[v]) for v in self.frontier)

    @property
    def beyond(self) -> float:
        """A lower bound on the distance of every node not in :attr:`dist`."""
        return _INF if self.exhausted else self.radius + 1

    def grow(self) -> list[str]:
        """Add the next level; return its nodes."""
        adj, dist, usable, avoid = self.adj, self.dist, self.usable, self.avoid
        level = self.radius + 1
        new: list[str] = []
        for v in self.frontier:
            for w, keyed in adj[v].items():
                if w in dist or w in avoid:
                    continue
                for attrs in keyed.values():
                    if usable(attrs):
                        dist[w] = level
                        new.append(w)
                        break
        self.frontier = new
        self.radius = level
        return new


def _grow_cheaper(forward: _Ball, backward: _Ball) -> None:
    """Grow the side whose next level is cheaper, as a bidirectional breadth-first search does."""
    if backward.exhausted or (not forward.exhausted and forward.cost < backward.cost):
        forward.grow()
    elif not backward.exhausted:
        backward.grow()


def find_edge_paths(
    graph: NxGraph,
    source: str,
    target: str,
    *,
    max_hops: int = 6,
    limit: int | None = 10,
    via: Collection[str] = (),
    avoid: Collection[str] = (),
    predicates: Collection[str] | None = None,
    order: str = "shortest",
) -> list[tuple[EdgeTriple, ...]]:
    """Return the best simple edge paths from ``source`` to ``target`` along transmitting edges.

    No chronic-only edge comes after an acute-only one (see the module notes).

    Parameters
    ----------
    graph
        A MultiDiGraph (or view) with the attributes of :mod:`metagraph.graph`.
    source, target
        Node ids (distinct).
    max_hops
        Longest path, in edges.
    limit
        How many paths; ``None`` for all of them.
    via
        Nodes every path must pass through.
    avoid
        Nodes no path may touch.
    predicates
        Only edges with these predicates (and transmitting); ``None`` for every transmitting one.
    order
        One of :data:`ORDERS`; see :func:`chain_order`.

    Returns
    -------
    list of tuple of EdgeTriple
        The best ``limit`` in :func:`chain_order`. Parallel edges make distinct paths.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> edges = [("a", "b", "activates"), ("b", "c", "activates"), ("b", "c", "inhibits"), ("a", "c", "secretes")]
    >>> for u, v, k in edges:
    ...     _ = g.add_edge(u, v, key=k, predicate=k, transmits=True, evidence=[{}])
    >>> [[k for _, _, k in p] for p in find_edge_paths(g, "a", "c")]
    [['secretes'], ['activates', 'activates'], ['activates', 'inhibits']]
    """
    avoid = frozenset(avoid)
    via = frozenset(via) - {source, target}
    if source == target or source in avoid or target in avoid or via & avoid or max_hops < 1:
        return []
    if limit is not None and limit < 1:
        return []
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    usable = usable_edges(predicates)
    succ, pred = successors(graph), predecessors(graph)
    if source not in succ or target not in succ:
        return []
    forward = _Ball(succ, source, usable, avoid)
    backward = _Ball(pred, target, usable, avoid)

    # Bidirectional breadth-first search: the two balls first share a node when
    # their radii add up to the shortest distance.
    shortest = None
    while shortest is None:
        if forward.radius + backward.radius >= max_hops or forward.exhausted or backward.exhausted:
            return []
        if forward.cost < backward.cost:
            new, other = forward.grow(), backward.dist
        else:
            new, other = backward.grow(), forward.dist
        if any(v in other for v in new):
            shortest = forward.radius + backward.radius

    found: list[tuple[EdgeTriple, ...]] = []

    def rank(path: tuple[EdgeTriple, ...]) -> tuple[Any, ...]:
        return chain_order(graph, path, order)

    def search(length: int, exact: bool, keep: int | None) -> list[tuple[EdgeTriple, ...]]:
        # The reverse ball is exact within its radius; beyond it a node is at least
        # radius + 1 hops from the target, a weak bound. The depth-first search runs
        # on that weak bound only as deep as the forward ball reaches, and the cheaper
        # side grows first, so that neither side's cost explodes.
        while forward.radius + backward.radius < length - 1 and not (forward.exhausted and backward.exhausted):
            _grow_cheaper(forward, backward)
        dist, beyond = backward.dist, backward.beyond
        out: list[tuple[EdgeTriple, ...]] = []
        stack: list[EdgeTriple] = []
        onpath = {source}
        need_via = len(via)

        def step(v: str, left: int, via_seen: int, acute_seen: bool) -> None:
            for w, keyed in succ[v].items():
                if w == target:
                    if (left == 1 or not exact) and via_seen == need_via:
                        for k, attrs in keyed.items():
                            if usable(attrs) and follows(acute_seen, attrs):
                                out.append((*stack, (v, w, k)))
                    continue
                if left <= 1 or w in onpath or w in avoid or dist.get(w, beyond) > left - 1:
                    continue
                seen = via_seen + (w in via)
                # every via node still missing is one more intermediate hop
                if need_via - seen > left - 2:
                    continue
                keys = [(k, _acute(a)) for k, a in keyed.items() if usable(a) and follows(acute_seen, a)]
                if not keys:
                    continue
                onpath.add(w)
                for k, acute in keys:
                    stack.append((v, w, k))
                    step(w, left - 1, seen, acute_seen or acute)
                    stack.pop()
                onpath.discard(w)
                if keep is not None and len(out) > 4 * keep + 1000:
                    out.sort(key=rank)
                    del out[keep:]

        step(source, length, 0, False)
        out.sort(key=rank)
        return out if keep is None else out[:keep]

    if limit is None:
        return search(max_hops, exact=False, keep=None)
    # Length by length: every chain of the next length is longer than all found so far,
    # so the search stops once the best ``limit`` cannot change (:func:`_settled`).
    for length in range(shortest, max_hops + 1):
        found += search(length, exact=True, keep=limit if order != "shortest" else limit - len(found))
        found.sort(key=rank)
        del found[limit:]
        if len(found) >= limit and _settled(rank(found[-1]), order):
            break
    return found


def _keyed(order: str, summary: int, weak: int, support: int, weakest: int, path: tuple[EdgeTriple, ...]) -> Any:
    """:func:`chain_order`'s key, from the sums a search carries along instead of from the graph."""
    if order == "shortest":
        return (len(path), -support, path)
    if order == "mechanism":
        return (summary, weak, len(path), -support, path)
    return (-weakest, -support, len(path), path)


def find_paths_to_many(
    graph: NxGraph,
    source: str,
    targets: Collection[str],
    *,
    max_hops: int = 6,
    limit: int | None = 10,
    order: str = "shortest",
    budget: int | None = None,
) -> dict[str, list[tuple[EdgeTriple, ...]]] | None:
    """Return, for each of ``targets``, what :func:`find_edge_paths` returns from ``source`` to it, in one search.

    A question about many targets from one source (``reversal`` asks the chains from a
    modality to every node a condition disturbs) repeats most of the work of one search
    per target: the same first steps, walked again for each. Here one depth-first walk
    from ``source`` takes every simple path within ``max_hops`` along transmitting edges
    (no chronic-only edge after an acute-only one) that can still end at some target,
    hands each path to the target it ends at, and keeps each target's best ``limit`` in
    :func:`chain_order`: the same paths, in the same order, as one
    ``find_edge_paths(graph, source, target, max_hops=..., limit=..., order=...)`` per target.

    Parameters
    ----------
    graph
        A MultiDiGraph (or view) with the attributes of :mod:`metagraph.graph`.
    source
        Node id.
    targets
        Node ids; ``source`` among them gets no paths, as :func:`find_edge_paths` gives none.
    max_hops, limit, order
        As for :func:`find_edge_paths`.
    budget
        Give up (return ``None``) once the walk has taken this many edges: on a dense
        graph the paths from one source can be far more than the searches that each look
        only at what leads to their own target (the caller then asks those); ``None``
        for no limit.

    Returns
    -------
    dict or None
        Target → its paths (every target is a key; ``[]`` when none), or ``None`` when
        the budget ran out.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "activates"), ("b", "c", "inhibits"), ("a", "c", "secretes")]:
    ...     _ = g.add_edge(u, v, key=k, predicate=k, transmits=True, evidence=[{}])
    >>> found = find_paths_to_many(g, "a", ["b", "c"], limit=None)
    >>> found == {t: find_edge_paths(g, "a", t, limit=None) for t in ("b", "c")}, len(found["c"])
    (True, 2)
    >>> find_paths_to_many(g, "a", ["c"], budget=1) is None
    True
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    succ, pred = successors(graph), predecessors(graph)
    wanted = frozenset(t for t in targets if t in succ)
    found: dict[str, list[tuple[Any, ...]]] = {t: [] for t in targets}
    if source not in succ or max_hops < 1 or (limit is not None and limit < 1):
        return {t: [] for t in targets}
    usable = usable_edges()
    # Distance from every node to the nearest target (a reverse breadth-first walk from all of
    # them at once): a node farther than the hops left leads to no target, so the walk skips it.
    near: dict[str, int] = dict.fromkeys(wanted, 0)
    frontier = list(wanted)
    for level in range(1, max_hops):
        new = []
        for v in frontier:
            for u, keyed in pred[v].items():
                if u not in near and any(usable(a) for a in keyed.values()):
                    near[u] = level
                    new.append(u)
        frontier = new
    facts: dict[EdgeTriple, tuple[int, int, int]] = {}
    stack: list[EdgeTriple] = []
    onpath = {source}
    keep = None if limit is None else 4 * limit + 1000
    steps = 0

    def rank(item: tuple[Any, ...]) -> Any:
        return item[0]

    def step(v: str, left: int, acute_seen: bool, summary: int, weak: int, support: int, weakest: int) -> bool:
        nonlocal steps
        for w, keyed in succ[v].items():
            if w in onpath:
                continue
            deeper = left > 1 and near.get(w, max_hops) <= left - 1
            is_target = w in wanted
            if not (deeper or is_target):
                continue
            for k, attrs in keyed.items():
                if not (usable(attrs) and follows(acute_seen, attrs)):
                    continue
                steps += 1
                if budget is not None and steps > budget:
                    return False
                triple = (v, w, k)
                fact = facts.get(triple)
                if fact is None:
                    fact = facts[triple] = _edge_facts(attrs)
                s, wk, sup = summary | fact[0], weak + fact[1], support + fact[2]
                low = min(weakest, fact[2])
                stack.append(triple)
                if is_target:
                    path = tuple(stack)
                    out = found[w]
                    out.append((_keyed(order, s, wk, sup, low, path), path))
                    if keep is not None and len(out) > keep:
                        out.sort(key=rank)
                        del out[limit:]
                if deeper:
                    onpath.add(w)
                    ok = step(w, left - 1, acute_seen or _acute(attrs), s, wk, sup, low)
                    onpath.discard(w)
                    if not ok:
                        return False
                stack.pop()
        return True

    if not step(source, max_hops, False, 0, 0, 0, 1 << 62):
        return None
    result: dict[str, list[tuple[EdgeTriple, ...]]] = {}
    for t, items in found.items():
        items.sort(key=rank)
        result[t] = [path for _, path in items[:limit]]
    return result


def reach(
    graph: NxGraph,
    start: str,
    *,
    reverse: bool = False,
    max_hops: int | None = None,
    predicates: Collection[str] | None = None,
) -> dict[str, int]:
    """Return every node reachable from ``start`` along transmitting edges, with its distance.

    Parameters
    ----------
    graph
        A MultiDiGraph (or view) with the attributes of :mod:`metagraph.graph`.
    start
        Node id; it is not in the result.
    reverse
        Walk edges backwards (what can affect ``start``).
    max_hops
        Furthest distance; ``None`` for no limit.
    predicates
        Only these transmitting predicates.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for u, v in [("a", "b"), ("b", "c")]:
    ...     _ = g.add_edge(u, v, key="activates", predicate="activates", transmits=True, evidence=[{}])
    >>> reach(g, "a"), reach(g, "c", reverse=True, max_hops=1)
    ({'b': 1, 'c': 2}, {'b': 1})
    """
    adj = predecessors(graph) if reverse else successors(graph)
    usable = usable_edges(predicates)
    # Breadth-first over (node, state): forwards the state is "an acute-only edge has
    # been taken" (no chronic-only edge may follow); backwards, "a chronic-only edge lies
    # ahead" (no acute-only edge may precede it). A shortest walk in these states is a
    # simple path, so the distances are those of real chains.
    blocked, marks = (_ACUTE, _CHRONIC) if reverse else (_CHRONIC, _ACUTE)
    dist: dict[str, int] = {}
    seen = {(start, False)}
    frontier = [(start, False)]
    level = 0
    while frontier and (max_hops is None or level < max_hops):
        level += 1
        new = []
        for v, state in frontier:
            for w, keyed in adj[v].items():
                for attrs in keyed.values():
                    if not usable(attrs):
                        continue
                    scale = attrs.get("timescale")
                    if state and scale == blocked:
                        continue
                    nxt = (w, state or scale == marks)
                    if nxt in seen:
                        continue
                    seen.add(nxt)
                    new.append(nxt)
                    if w not in dist and w != start:
                        dist[w] = level
        # a node reached with the state off dominates the same node with it on
        frontier = [(w, st) for w, st in new if not (st and (w, False) in seen)]
    return dist
