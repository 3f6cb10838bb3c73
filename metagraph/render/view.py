"""Which part of a graph a diagram shows: a neighbourhood, some kinds, and what stands out.

Every diagram format draws the same view, so the selection lives here once:
:func:`select_ids` picks the nodes, :func:`subgraph` wraps them as a
:class:`~metagraph.MetaGraph`, and :func:`highlight_sets` turns chains (from
``trace``/``match``) into the node ids and edge triples to emphasise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from metagraph.errors import RenderError
from metagraph.models import Node
from metagraph.schema import KIND_ORDER, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "Highlight",
    "as_names",
    "diagram_view",
    "highlight_sets",
    "is_chain",
    "parse_kinds",
    "select_ids",
    "subgraph",
]

EdgeTriple = tuple[str, str, str]


def as_names(value: str | Node | Iterable[str | Node] | None) -> list[str | Node]:
    """Turn one name or node, or several, into a list (``None`` → empty).

    Examples
    --------
    >>> as_names("AMPK"), as_names(["a", "b"]), as_names(None)
    (['AMPK'], ['a', 'b'], [])
    """
    if value is None:
        return []
    if isinstance(value, str | Node):
        return [value]
    return list(value)


def parse_kinds(kinds: str | Kind | Iterable[str | Kind] | None) -> frozenset[Kind] | None:
    """Check kind names; ``None`` (or nothing) means every kind.

    Raises
    ------
    RenderError
        A name that is not a kind; the message lists the kinds.

    Examples
    --------
    >>> sorted(parse_kinds(["myokine", "organ"]))
    [<Kind.MYOKINE: 'myokine'>, <Kind.ORGAN: 'organ'>]
    >>> parse_kinds(["tissue"])
    Traceback (most recent call last):
    metagraph.errors.RenderError: 'tissue' is not a kind of node; choose from exercise, gene, signal, ...
    """
    if kinds is None:
        return None
    items = [kinds] if isinstance(kinds, str) else list(kinds)
    if not items:
        return None
    out = set()
    for k in items:
        try:
            out.add(Kind(k))
        except ValueError:
            raise RenderError(
                f"{k!r} is not a kind of node; choose from " + ", ".join(str(x) for x in KIND_ORDER)
            ) from None
    return frozenset(out)


def _check_hops(hops: Any) -> int:
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        raise RenderError(f"hops must be a whole number of steps, 0 or more, not {hops!r}")
    return hops


def select_ids(
    graph: MetaGraph,
    *,
    focus: str | Node | Iterable[str | Node] | None = None,
    hops: int = 1,
    kinds: str | Kind | Iterable[str | Kind] | None = None,
    nodes: str | Node | Iterable[str | Node] | None = None,
) -> list[str]:
    """Return the ids of the nodes a view shows, in the graph's order.

    Without ``focus`` or ``nodes`` the view is the whole graph. ``nodes`` are kept
    as given; ``focus`` adds every node within ``hops`` steps of it, following edges
    in both directions. ``kinds`` then keeps only nodes of those kinds (the focus
    and the named nodes always stay).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> kg = MetaGraph([Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="signal"),
    ...                 Node(id="c", name="C", kind="process")],
    ...                [Edge(source="a", target="b", predicate="activates", evidence=ev),
    ...                 Edge(source="b", target="c", predicate="increases", evidence=ev)], validate=False)
    >>> select_ids(kg, focus="C", hops=1)
    ['b', 'c']
    >>> select_ids(kg, focus="C", hops=2, kinds=["process"])
    ['c']
    """
    hops = _check_hops(hops)
    wanted = parse_kinds(kinds)
    focus_ids = [graph.resolve(n) for n in as_names(focus)]
    named = [graph.resolve(n) for n in as_names(nodes)]
    g = graph.nx
    if not focus_ids and not named:
        chosen: set[str] = set(g.nodes)
    else:
        chosen = set(named) | set(focus_ids)
        frontier = set(focus_ids)
        for _ in range(hops):
            step: set[str] = set()
            for n in frontier:
                step.update(g.successors(n))
                step.update(g.predecessors(n))
            frontier = step - chosen
            if not frontier:
                break
            chosen |= frontier
    keep = set(focus_ids) | set(named)
    if wanted is not None:
        chosen = {n for n in chosen if n in keep or Kind(g.nodes[n]["kind"]) in wanted}
    return [n for n in g.nodes if n in chosen]


def _induced(graph: MetaGraph, ids: Iterable[str]) -> MetaGraph:
    """A read-only view of ``graph`` on ``ids`` that keeps the graph's order of nodes and edges."""
    import networkx as nx

    # networkx's own subgraph iterates a small part in the order of its filter *set*, which
    # changes with string hashing from one run to the next; a plain predicate makes it walk
    # the parent graph in order, so the same graph always gives the same diagram.
    return type(graph)._view(graph, nx.subgraph_view(graph.nx, filter_node=frozenset(ids).__contains__))


def subgraph(
    graph: MetaGraph,
    *,
    focus: str | Node | Iterable[str | Node] | None = None,
    hops: int = 1,
    kinds: str | Kind | Iterable[str | Kind] | None = None,
    nodes: str | Node | Iterable[str | Node] | None = None,
) -> MetaGraph:
    """Return the part of ``graph`` that :func:`select_ids` picks, as a read-only view.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="organ")])
    >>> subgraph(kg, kinds="organ")
    <MetaGraph: 1 nodes, 0 edges, 0 references>
    """
    ids = select_ids(graph, focus=focus, hops=hops, kinds=kinds, nodes=nodes)
    if len(ids) == len(graph):
        return graph
    return _induced(graph, ids)


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
    view = graph if len(ids) == len(graph) else _induced(graph, ids)
    return view, marks
