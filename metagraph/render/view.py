"""Which part of a graph a diagram shows, and what stands out in it.

Every diagram format draws the same view: the nodes come from the graph's own
selection (:meth:`metagraph.MetaGraph.subgraph`), and :func:`highlight_sets` turns
chains (from ``trace``/``match``) into the node ids and edge triples to emphasise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from metagraph._select import induced, select_ids
from metagraph.errors import RenderError
from metagraph.models import Node
from metagraph.schema import Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "Highlight",
    "diagram_view",
    "highlight_sets",
    "is_chain",
]

EdgeTriple = tuple[str, str, str]


@dataclass(frozen=True)
class Highlight:
    """What stands out in a diagram: node ids and edge triples ``(source, target, key)``.

    Examples
    --------
    >>> Highlight().active
    False
    """

    nodes: frozenset[str] = field(default_factory=frozenset)
    edges: frozenset[EdgeTriple] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        """Whether anything is highlighted (and so the rest is dimmed)."""
        return bool(self.nodes or self.edges)


def is_chain(obj: Any) -> bool:
    """Whether ``obj`` looks like a chain: it has ``.nodes`` and ``.edges`` lists (a graph's are methods).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> is_chain(SimpleNamespace(nodes=[], edges=[])), is_chain([])
    (True, False)
    """
    return hasattr(obj, "nodes") and hasattr(obj, "edges") and not callable(obj.nodes)


def _node_id(node: Any) -> str:
    if isinstance(node, str):
        return node
    nid = getattr(node, "id", None)
    if not isinstance(nid, str):
        raise RenderError(f"a chain's nodes must be Node objects or ids, not {node!r}")
    return nid


def _edge_triple(edge: Any) -> EdgeTriple:
    try:
        return (str(edge.source), str(edge.target), str(edge.key))
    except AttributeError:
        raise RenderError(f"a chain's edges must be Edge objects, not {edge!r}") from None


def highlight_sets(highlight: Any) -> Highlight:
    """Collect the nodes and edges of one chain or of several.

    A chain is any object with ``.nodes`` (a list of :class:`~metagraph.Node` or ids)
    and ``.edges`` (a list of :class:`~metagraph.Edge`), as ``trace`` and ``match``
    return; an object with ``.chains`` (a query result) stands for its chains.

    Raises
    ------
    RenderError
        Something that is not a chain.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Edge, Node
    >>> e = Edge(source="a", target="b", predicate="activates", evidence=[{"reference": "r", "quote": "q"}])
    >>> chain = SimpleNamespace(nodes=[Node(id="a", name="A", kind="signal"), "b"], edges=[e])
    >>> h = highlight_sets(chain)
    >>> sorted(h.nodes), sorted(h.edges)
    (['a', 'b'], [('a', 'b', 'activates')])
    """
    if highlight is None:
        return Highlight()
    if not is_chain(highlight) and hasattr(highlight, "chains"):
        highlight = highlight.chains
    if is_chain(highlight):
        chains = [highlight]
    elif isinstance(highlight, str | bytes) or not isinstance(highlight, Iterable):
        raise RenderError(
            f"highlight takes chains (objects with .nodes and .edges, e.g. from kg.trace(...)), not {highlight!r}"
        )
    else:
        chains = list(highlight)
    nodes: set[str] = set()
    edges: set[EdgeTriple] = set()
    for chain in chains:
        if not is_chain(chain):
            raise RenderError(
                f"highlight takes chains (objects with .nodes and .edges, e.g. from kg.trace(...)), not {chain!r}"
            )
        nodes.update(_node_id(n) for n in chain.nodes)
        for e in chain.edges:
            triple = _edge_triple(e)
            edges.add(triple)
            nodes.update(triple[:2])
    return Highlight(frozenset(nodes), frozenset(edges))


def diagram_view(
    graph: MetaGraph,
    *,
    focus: str | Node | Iterable[str | Node] | None = None,
    hops: int = 1,
    kinds: str | Kind | Iterable[str | Kind] | None = None,
    highlight: Any = None,
) -> tuple[MetaGraph, Highlight]:
    """Return the part of ``graph`` a diagram draws and what it highlights.

    The part is :func:`select_ids`'s, plus every node of the highlighted chains.

    Raises
    ------
    RenderError
        A highlighted chain has a node that is not in ``graph``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="organ")])
    >>> view, marks = diagram_view(kg, kinds="organ", highlight=SimpleNamespace(nodes=["a"], edges=[]))
    >>> [n.id for n in view], sorted(marks.nodes)
    (['a', 'b'], ['a'])
    """
    marks = highlight_sets(highlight)
    ids = select_ids(graph, focus=focus, hops=hops, kinds=kinds)
    extra = marks.nodes - set(ids)
    missing = sorted(n for n in extra if n not in graph.nx)
    if missing:
        raise RenderError(
            "the highlighted chain has nodes that are not in this graph: " + ", ".join(repr(m) for m in missing)
        )
    if extra:
        wanted = set(ids) | extra
        ids = [n for n in graph.nx.nodes if n in wanted]
    view = graph if len(ids) == len(graph) else induced(graph, ids)
    return view, marks
