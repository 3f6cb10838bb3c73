"""Which part of a graph a diagram shows, and what stands out in it.

Every diagram format draws the same :class:`View`: the nodes come from the graph's
own selection (:meth:`metagraph.MetaGraph.subgraph`), and :func:`highlight_sets` turns
chains (from ``trace``/``match``) into the node ids and edge triples to emphasise.
Renderers take a ``View`` or its fields as keywords (:class:`ViewOptions`), never both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypedDict

from metagraph._select import Kinds, Names, induced, select_ids
from metagraph.errors import RenderError

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "LAYOUTS",
    "Highlight",
    "RenderWarning",
    "View",
    "ViewOptions",
    "as_view",
    "diagram_view",
    "highlight_sets",
    "is_chain",
]

EdgeTriple = tuple[str, str, str]


class RenderWarning(UserWarning):
    """A diagram that can be drawn but will be slow or unreadable (too many nodes for a static figure)."""


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


class ViewOptions(TypedDict, total=False):
    """The fields of :class:`View` as keyword arguments of a renderer (``kg.to_html(path, focus="liver")``)."""

    focus: Names
    hops: int
    kinds: Kinds
    highlight: Any
    title: str | None
    legend: bool
    layout: str | None


#: The layouts a static diagram can have: one column per kind, or the body's compartments.
LAYOUTS = ("kinds", "compartments")


@dataclass(frozen=True)
class View:
    """What a diagram draws: which part of the graph, what stands out, and its heading.

    Every renderer (``to_html``, ``show``, ``to_mermaid``, ``to_dot``, ``to_svg`` and the
    functions behind them) takes a ``View``, or the same fields as keyword arguments.

    Parameters
    ----------
    focus
        A node (id, name or synonym), or several: draw only their neighbourhood.
    hops
        How many steps from ``focus`` the neighbourhood reaches, along edges in both directions.
    kinds
        Draw only nodes of these kinds (the focus always stays).
    highlight
        Chains (from ``trace``/``match``, or a result holding ``.chains``): drawn in full
        colour and thicker, the rest dimmed. Their nodes are always drawn.
    title
        Heading of the diagram; by default one is made from the view (HTML) or there is
        none (Mermaid, DOT).
    legend
        Static diagrams (Mermaid, DOT, SVG): add a legend of the node kinds and edge
        semantics drawn (the HTML page always has one).
    layout
        ``"kinds"`` (one column per kind) or ``"compartments"``: the body's places
        (exercise, muscle fibre, circulation, each target organ as a region, whole body),
        as regions on the HTML page, Graphviz clusters and Mermaid subgraphs. By default
        (``None``) every format draws the compartments.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> view = View(focus="irisin", hops=1, kinds="organ")
    >>> part, marks = view.select(kg)
    >>> [n.id for n in part], marks.active
    (['irisin', 'adipose_tissue'], False)
    >>> kg.to_mermaid(view) == kg.to_mermaid(focus="irisin", hops=1, kinds="organ")
    True
    """

    focus: Names = None
    hops: int = 1
    kinds: Kinds = None
    highlight: Any = None
    title: str | None = None
    legend: bool = False
    layout: str | None = None

    def __post_init__(self) -> None:
        if self.layout is not None and self.layout not in LAYOUTS:
            raise RenderError(f"unknown layout {self.layout!r}; the layouts are {', '.join(LAYOUTS)}")

    def select(self, graph: MetaGraph) -> tuple[MetaGraph, Highlight]:
        """Return the part of ``graph`` this view draws and what it highlights.

        The part is :func:`~metagraph._select.select_ids`'s, plus every node of the
        highlighted chains; it is ``graph`` itself when that is all of it.

        Raises
        ------
        RenderError
            A highlighted chain has a node that is not in ``graph``.
        UnknownNodeError, AmbiguousNodeError
            A ``focus`` name that fits no node, or several.

        Examples
        --------
        >>> from types import SimpleNamespace
        >>> from metagraph import MetaGraph, Node
        >>> kg = MetaGraph([Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="organ")])
        >>> part, marks = View(kinds="organ", highlight=SimpleNamespace(nodes=["a"], edges=[])).select(kg)
        >>> [n.id for n in part], sorted(marks.nodes)
        (['a', 'b'], ['a'])
        """
        marks = highlight_sets(self.highlight)
        ids = select_ids(graph, focus=self.focus, hops=self.hops, kinds=self.kinds)
        extra = marks.nodes - set(ids)
        missing = sorted(n for n in extra if n not in graph.nx)
        if missing:
            raise RenderError(
                "the highlighted chain has nodes that are not in this graph: " + ", ".join(repr(m) for m in missing)
            )
        if extra:
            wanted = set(ids) | extra
            ids = [n for n in graph.nx.nodes if n in wanted]
        part = graph if len(ids) == len(graph) else induced(graph, ids)
        return part, marks


_FIELDS = tuple(f.name for f in fields(View))


def as_view(view: View | None = None, options: Mapping[str, Any] | None = None) -> View:
    """Return the :class:`View` a renderer was asked for: ``view``, or one made of ``options``.

    Raises
    ------
    RenderError
        Both a view and options, an option that is not a field of :class:`View`, or a
        ``view`` that is not a :class:`View`.

    Examples
    --------
    >>> as_view(None, {"focus": "irisin"})
    View(focus='irisin', hops=1, kinds=None, highlight=None, title=None, legend=False, layout=None)
    >>> as_view(View(hops=2), {"hops": 3})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    metagraph.errors.RenderError: pass either a View or its options (hops=), not both: put them in the View, ...
    >>> as_view(None, {"depth": 2})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    metagraph.errors.RenderError: unknown view option 'depth'; the options are focus, hops, kinds, highlight, title, ...
    """
    options = options or {}
    unknown = [k for k in options if k not in _FIELDS]
    if unknown:
        raise RenderError(
            f"unknown view option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"the options are {', '.join(_FIELDS)}"
        )
    if view is None:
        return View(**options)
    if not isinstance(view, View):
        raise RenderError(
            f"the view must be a metagraph.render.view.View, not {view!r}; "
            "to draw a part of the graph, pass focus=, hops=, kinds= by keyword"
        )
    if options:
        given = ", ".join(f"{k}=" for k in options)
        raise RenderError(
            f"pass either a View or its options ({given}), not both: put them in the View, "
            "e.g. dataclasses.replace(view, ...)"
        )
    return view


def diagram_view(
    graph: MetaGraph,
    *,
    focus: Names = None,
    hops: int = 1,
    kinds: Kinds = None,
    highlight: Any = None,
) -> tuple[MetaGraph, Highlight]:
    """Return the part of ``graph`` a diagram draws and what it highlights: ``View(...).select(graph)``.

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
    return View(focus=focus, hops=hops, kinds=kinds, highlight=highlight).select(graph)
