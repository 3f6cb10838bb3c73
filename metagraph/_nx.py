"""The one module that touches networkx internals: the graph type and the raw adjacency.

Path search, reach and metapath matching read the adjacency of every node they visit,
many thousands of times per query. ``graph.succ[u]`` (the public way) wraps the inner
dict in a new read-only view on every access; ``graph._succ[u]`` is the dict itself, and
makes those loops several times faster. ``_succ``/``_pred`` are private to networkx
(and absent from its type stubs), so every use of them goes through :func:`successors`,
:func:`predecessors` and :func:`node_attributes` here: if networkx changes them, this is the one file to change.

The mappings returned must be read, never written: the graph is frozen, and a view's
adjacency filters its parent's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Adjacency", "Carrying", "NxGraph", "build", "node_attributes", "predecessors", "successors"]

#: The graph :attr:`metagraph.MetaGraph.nx` holds (or a view of one): node ids are strings,
#: attributes are plain dicts (described in :mod:`metagraph.graph`). networkx classes are not
#: subscriptable at run time, hence the string.
NxGraph: TypeAlias = "nx.MultiDiGraph[str]"

#: ``adjacency[u][v][key]`` → the attributes of edge ``(u, v, key)`` (``v`` before ``u`` for
#: :func:`predecessors`).
Adjacency: TypeAlias = Mapping[str, Mapping[str, Mapping[str, dict[str, Any]]]]


def successors(graph: NxGraph) -> Adjacency:
    """Return ``graph``'s outgoing adjacency, ``succ[u][v][key]`` → edge attributes.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="activates", sign=1)
    >>> successors(g)["a"]["b"]["activates"]
    {'sign': 1}
    """
    # Private to networkx and missing from types-networkx; kept here on purpose (see module docstring).
    adjacency: Adjacency = graph._succ  # type: ignore[attr-defined]
    return adjacency


def predecessors(graph: NxGraph) -> Adjacency:
    """Return ``graph``'s incoming adjacency, ``pred[v][u][key]`` → attributes of edge ``(u, v, key)``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="activates", sign=1)
    >>> predecessors(g)["b"]["a"]["activates"]
    {'sign': 1}
    """
    # Private to networkx and missing from types-networkx; kept here on purpose (see module docstring).
    adjacency: Adjacency = graph._pred  # type: ignore[attr-defined]
    return adjacency


def node_attributes(graph: NxGraph) -> Mapping[str, dict[str, Any]]:
    """Return ``graph``'s node id → attributes dict (the dict itself, not the ``graph.nodes`` view).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="signal")
    >>> node_attributes(g)["a"]
    {'kind': 'signal'}
    """
    # ``graph.nodes[n]`` runs a Python method per lookup; a reach query makes a model per node it returns.
    attributes: Mapping[str, dict[str, Any]] = graph._node  # type: ignore[attr-defined]
    return attributes


class Carrying:
    """The edges that carry an effect (attribute ``transmits`` true), as :func:`build` met them.

    Building the graph passes over every edge once anyway; noting there the ends of the
    edges that carry an effect lets the reach index (:mod:`metagraph.queries._index`) be
    built with numpy instead of a second pass, in Python, over a million edge dicts. The
    ends are noted as numbers, each node's position in the graph's node order: the loop
    looks each end up once in any case (to tell whether it is a node), and looking up its
    number instead costs the same, where numbering two million string ends later costs
    the index half a second.

    Attributes
    ----------
    sources, targets : list of int
        The ends of each such edge (parallel edges included), as positions in
        ``list(graph.nodes)``.
    timescales : set
        The ``timescale`` values met on such edges.
    exact : bool
        False when an edge replaced another under the same ``(source, target, key)``
        (the notes may then list an edge the graph no longer holds).
    """

    def __init__(self) -> None:
        self.sources: list[int] = []
        self.targets: list[int] = []
        self.timescales: set[Any] = set()
        self.exact = True


def build(
    nodes: Iterable[tuple[str, dict[str, Any]]],
    edges: Iterable[tuple[str, str, str, dict[str, Any]]],
    carrying: Carrying | None = None,
) -> NxGraph:
    """Return a new ``MultiDiGraph`` holding these nodes and edges, with the attribute dicts themselves.

    ``add_node``/``add_edge`` copy every attribute dict (twice for an edge, through
    ``**attr``); filling the adjacency directly keeps the one dict given and is about
    three times faster, which is most of loading a cached graph. An edge whose node
    was not given adds that node without attributes, as ``add_edge`` does. With
    ``carrying``, the edges whose ``transmits`` attribute is true are noted in it.

    Examples
    --------
    >>> g = build([("a", {"kind": "signal"}), ("b", {})], [("a", "b", "activates", {"sign": 1})])
    >>> g.nodes["a"], g["a"]["b"]["activates"], list(g.predecessors("b"))
    ({'kind': 'signal'}, {'sign': 1}, ['a'])
    >>> noted = Carrying()
    >>> _ = build([("a", {}), ("b", {})], [("b", "a", "k", {"transmits": True}), ("a", "b", "j", {})], noted)
    >>> noted.sources, noted.targets  # positions in the node order: b is 1, a is 0
    ([1], [0])
    """
    import networkx as nx

    graph: NxGraph = nx.MultiDiGraph()
    node: dict[str, dict[str, Any]] = graph._node  # type: ignore[attr-defined]
    succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = graph._succ  # type: ignore[attr-defined]
    pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = graph._pred  # type: ignore[attr-defined]
    for n, attrs in nodes:
        if n not in node:
            succ[n] = {}
            pred[n] = {}
        node[n] = attrs
    if carrying is None:
        for u, v, k, attrs in edges:
            if u not in node or v not in node:
                _add_ends(node, succ, pred, u, v)
            keyed = succ[u].get(v)
            if keyed is None:
                keyed = succ[u][v] = {}
                pred[v][u] = keyed  # one dict of parallel edges, seen from both ends, as networkx keeps it
            keyed[k] = attrs
        return graph

    # The same loop, noting the transmitting edges: kept apart so that it costs the plain one nothing.
    # Each node's position in the node order; looked up instead of ``u in node`` (same cost), it
    # tells whether an end is a node and gives the number the reach index needs.
    number = {n: i for i, n in enumerate(node)}
    sources, targets, scale = carrying.sources.append, carrying.targets.append, carrying.timescales.add
    for u, v, k, attrs in edges:
        try:
            iu, iv = number[u], number[v]
        except KeyError:
            _add_ends(node, succ, pred, u, v)
            for end in (u, v):  # numbered as they joined the node order
                number.setdefault(end, len(number))
            iu, iv = number[u], number[v]
        keyed = succ[u].get(v)
        if keyed is None:
            keyed = succ[u][v] = {}
            pred[v][u] = keyed
        elif k in keyed:  # a record given twice: the first is gone, and may be noted
            carrying.exact = False
        keyed[k] = attrs
        if attrs.get("transmits"):
            sources(iu)
            targets(iv)
            scale(attrs.get("timescale"))
    return graph


def _add_ends(node: dict[str, Any], succ: dict[str, Any], pred: dict[str, Any], u: str, v: str) -> None:
    """Add an edge's ends that are not nodes yet, without attributes (as ``add_edge`` does)."""
    for end in (u, v):
        if end not in node:
            node[end], succ[end], pred[end] = {}, {}, {}
