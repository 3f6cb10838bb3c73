"""A compact index of a graph for the queries that walk all of it.

``downstream`` of an exercise can reach most of a large graph, and walking
``networkx``'s nested dicts costs about a microsecond per edge. The index keeps the
edges that carry an effect as lists of integers (forward and backward), the nodes'
order by name, and (once asked) the edges by their ``location``, so such walks run several times
faster. It is built on first use, once per graph, and kept as long as the graph
lives.

A :class:`~metagraph.MetaGraph` does not change once built, so the index never goes
stale. Views (:meth:`~metagraph.MetaGraph.without`) are walked directly instead:
they are usually asked one question each.
"""

from __future__ import annotations

import weakref
from itertools import chain
from typing import TYPE_CHECKING

from metagraph._nx import NxGraph, successors
from metagraph.models import Node

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["GraphIndex", "index_of"]

_CACHE: weakref.WeakKeyDictionary[NxGraph, GraphIndex] = weakref.WeakKeyDictionary()


class GraphIndex:
    """Integer adjacency of the transmitting edges, name order, and edges by location.

    Attributes
    ----------
    ids : list of str
        Node ids, in the graph's order; a node's position is its number.
    position : dict
        Node id → number.
    forward, backward : list of list of int
        For each node, the numbers of the nodes one transmitting edge away.
    rank : list of int
        Each node's place in the order by (case-folded name, id).
    kinds : list of str
        Each node's kind.
    timed : bool
        True when the graph has both acute-only and chronic-only transmitting edges, so
        that the timescale rule of :mod:`metagraph.queries._paths` can cut a walk; the
        integer walk ignores that rule, so callers walk the graph itself then.
    """

    def __init__(self, kg: MetaGraph) -> None:
        self._located: dict[str, list[tuple[str, str, str]]] | None = None
        self.models: list[Node] = kg.nodes()
        self.ids = [n.id for n in self.models]
        position = {n: i for i, n in enumerate(self.ids)}
        self.position = position
        self.kinds = [n.kind.value for n in self.models]
        succ = successors(kg.nx)
        self.forward = [
            [position[w] for w, keyed in succ[u].items() if any(a["transmits"] for a in keyed.values())]
            for u in self.ids
        ]
        scales = {a.get("timescale") for _, _, a in kg.nx.edges(data=True) if a["transmits"]}
        self.timed = {"acute", "chronic"} <= scales
        backward: list[list[int]] = [[] for _ in self.ids]
        for iu, out in enumerate(self.forward):
            for iw in out:
                backward[iw].append(iu)
        self.backward = backward
        order = sorted(range(len(self.ids)), key=lambda i: (self.models[i].name.casefold(), self.ids[i]))
        rank = [0] * len(order)
        for r, i in enumerate(order):
            rank[i] = r
        self.rank = rank

    def located(self, graph: NxGraph) -> dict[str, list[tuple[str, str, str]]]:
        """Location id → the ``(source, target, key)`` of the edges located there (built on first use).

        ``graph`` is the graph the index was built from; the index does not keep it,
        so that the cache can let the graph go.
        """
        if self._located is None:
            out: dict[str, list[tuple[str, str, str]]] = {}
            for u, v, k, attrs in graph.edges(keys=True, data=True):
                place = attrs.get("location")
                if place is not None:
                    out.setdefault(place, []).append((u, v, k))
            self._located = out
        return self._located

    def reach(self, start: str, *, reverse: bool = False, max_hops: int | None = None) -> list[list[int]]:
        """Return the levels of a breadth-first walk from ``start``: the node numbers 1, 2, ... hops away.

        Each level is in name order. The walk works a level at a time with set
        operations, which run in C rather than edge by edge in Python.
        """
        adj = self.backward if reverse else self.forward
        first = self.position[start]
        seen = {first}
        frontier = [first]
        levels: list[list[int]] = []
        while frontier and (max_hops is None or len(levels) < max_hops):
            new = set(chain.from_iterable(map(adj.__getitem__, frontier)))
            new -= seen
            seen |= new
            frontier = sorted(new, key=self.rank.__getitem__)
            if frontier:
                levels.append(frontier)
        return levels


def index_of(kg: MetaGraph) -> GraphIndex | None:
    """Return the graph's index, building it on first use; ``None`` for a view (walk it directly).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> index_of(kg) is index_of(kg), index_of(kg.without("AMPK"))
    (True, None)
    """
    if kg.is_view:
        return None
    graph = kg.nx
    index = _CACHE.get(graph)
    if index is None:
        index = _CACHE[graph] = GraphIndex(kg)
    return index
