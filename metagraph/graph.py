"""The :class:`MetaGraph`: a small class over a ``networkx.MultiDiGraph``.

The class holds the graph, resolves names and cuts out parts of it (``subgraph``,
``without``). Questions (``trace``, ``compare``...), diagrams (``to_html``...) and
formats (``export``...) are functions of the graph, each written once in the module
named for it; the class lists them as :class:`~metagraph._operation.operation`
attributes, so ``kg.trace(...)`` is ``metagraph.queries.trace.trace(kg, ...)``, with
the module imported on first use. This module imports none of them.

Node and edge attributes of :attr:`MetaGraph.nx` are plain Python values:

* node ``id`` → ``name`` (str), ``kind`` (str), ``synonyms`` (list[str]), ``xrefs``
  (list[str]), ``members`` (list[str]), ``description`` (str);
* edge ``(source, target, key)`` → ``predicate`` (str), ``sign`` (int: +1, -1, 0),
  ``transmits`` (bool), ``evidence`` (list of dicts with ``reference``, ``quote``,
  ``section``, ``provenance``), ``location``, ``modality``, ``magnitude``,
  ``timescale``, ``mechanism`` (str or None), ``negated``, ``summary`` and ``hedged``
  (bool; ``hedged`` is true when every supporting evidence item is), ``note`` (str or None).
  ``key`` is :attr:`metagraph.Edge.key`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar, cast

import networkx as nx
from pydantic import BaseModel

from metagraph._names import NameIndex
from metagraph._nx import NxGraph
from metagraph._operation import operation
from metagraph._select import Kinds, Names, as_names, induced, select_ids
from metagraph._validation import Origin, check_graph
from metagraph.errors import AmbiguousNodeError, ArgumentTypeError, DataError, MetagraphError, UnknownNodeError
from metagraph.models import Edge, Node, Reference
from metagraph.schema import PREDICATES, Kind, Predicate

__all__ = ["MetaGraph"]

_V = TypeVar("_V", bound=Enum)


def _vocabulary(vocab: type[_V], value: object, what: str) -> _V:
    """``vocab(value)``, or a :class:`~metagraph.MetagraphError` naming the closest words."""
    try:
        return vocab(value)
    except ValueError:
        import difflib

        words = [str(v.value) for v in vocab]
        close = difflib.get_close_matches(str(value).casefold(), words, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise MetagraphError(f"{value!r} is not a {what}; {hint}choose from {', '.join(words)}") from None


def _plain(value: Any) -> Any:
    """The JSON-like form of a field value; several times faster than ``model_dump`` per record."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.__dict__.items()}
    return value


def _node_attrs(node: Node) -> dict[str, Any]:
    return {k: _plain(v) for k, v in node.__dict__.items() if k != "id"}


def _edge_attrs(edge: Edge) -> dict[str, Any]:
    attrs = {k: _plain(v) for k, v in edge.__dict__.items() if k not in ("source", "target")}
    rule = PREDICATES[edge.predicate]
    attrs["sign"] = rule.sign
    # A denied claim is kept and shown, but no effect travels along it.
    attrs["transmits"] = rule.transmits and not edge.negated
    attrs["hedged"] = edge.hedged
    return attrs


class MetaGraph:
    """A typed, cited, directed knowledge graph of how exercise acts on metabolism.

    Parameters
    ----------
    nodes, edges, references
        The records of the graph.
    validate
        Check the whole-graph rules (raise :class:`~metagraph.DataError` when broken).
        The loader has already checked them and passes ``False``.

    Attributes
    ----------
    is_view : bool
        True for a read-only view of another graph, such as :meth:`without` returns.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> kg.node("pgc 1 alpha").name
    'PGC-1α'
    >>> "AMPK" in kg
    True
    >>> [e.target for e in kg.edges(source="ampk", predicate="activates")][:1]
    ['pgc1a']
    """

    def __init__(
        self,
        nodes: Iterable[Node] = (),
        edges: Iterable[Edge] = (),
        references: Iterable[Reference] = (),
        *,
        validate: bool = True,
    ) -> None:
        nodes, edges, references = list(nodes), list(edges), list(references)
        if validate:
            problems = check_graph(
                [(n, Origin(where=f"nodes[{i}]")) for i, n in enumerate(nodes)],
                [(e, Origin(where=f"edges[{i}]")) for i, e in enumerate(edges)],
                [(r, Origin(where=f"references[{i}]")) for i, r in enumerate(references)],
            )
            if problems:
                raise DataError(problems)
        graph: NxGraph = nx.MultiDiGraph()
        for n in nodes:
            graph.add_node(n.id, **_node_attrs(n))
        for e in edges:
            graph.add_edge(e.source, e.target, key=e.key, **_edge_attrs(e))
        # The records and the networkx graph must agree: read freely, change through the records.
        nx.freeze(graph)
        self._init(
            graph,
            {n.id: n for n in nodes},
            {(e.source, e.target, e.key): e for e in edges},
            {r.key: r for r in references},
        )

    def _init(
        self,
        graph: NxGraph,
        node_models: Mapping[str, Node],
        edge_models: Mapping[tuple[str, str, str], Edge],
        references: Mapping[str, Reference],
    ) -> None:
        self._nx = graph
        self._node_models = node_models
        self._edge_models = edge_models
        self._references = MappingProxyType(dict(references))
        self._index: NameIndex | None = None
        self.is_view = False

    @classmethod
    def _view(
        cls, parent: MetaGraph, graph: NxGraph, *, edge_models: Mapping[tuple[str, str, str], Edge] | None = None
    ) -> MetaGraph:
        """A graph sharing ``parent``'s records but showing only what ``graph`` (a view) shows.

        ``edge_models`` replaces the edge records (a restriction to some evidence keeps
        fewer items on an edge); by default they are the parent's.
        """
        view = cls.__new__(cls)
        models = parent._edge_models if edge_models is None else edge_models
        view._init(graph, parent._node_models, models, parent._references)
        view.is_view = True
        return view

    # -- the graph -----------------------------------------------------------------
    @property
    def nx(self) -> NxGraph:
        """The underlying ``networkx.MultiDiGraph``, frozen (attributes described in the module docstring).

        Every networkx algorithm can read it; to change a copy, use ``kg.nx.copy()``.
        To change the knowledge itself, edit the records (data files, or
        :class:`~metagraph.Node`/:class:`~metagraph.Edge` models) and build a new graph.
        """
        return self._nx

    @property
    def references(self) -> Mapping[str, Reference]:
        """Reference key → :class:`~metagraph.Reference` (read-only)."""
        return self._references

    def __len__(self) -> int:
        return self._nx.number_of_nodes()

    def __iter__(self) -> Iterator[Node]:
        return (self._node_models[n] for n in self._nx.nodes)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Node):
            return item.id in self._nx
        if isinstance(item, str):
            return len(self._ids_for(item)) == 1
        return False

    def __repr__(self) -> str:
        return (
            f"<MetaGraph: {self._nx.number_of_nodes()} nodes, {self._nx.number_of_edges()} edges, "
            f"{len(self._references)} references>"
        )

    # -- names ---------------------------------------------------------------------
    def _name_index(self) -> NameIndex:
        if self._index is None:
            self._index = NameIndex({n: self._node_models[n].names[1:] for n in self._nx.nodes})
        return self._index

    def _ids_for(self, name: str) -> list[str]:
        if name in self._nx:
            return [name]
        return self._name_index().lookup(name)

    def resolve(self, name: str | Node) -> str:
        """Return the id of the node that ``name`` (an id, name or synonym) means.

        Raises
        ------
        UnknownNodeError
            No node has that spelling; the error names the closest ones.
        AmbiguousNodeError
            Several nodes have it; the error lists their ids.

        Examples
        --------
        >>> import metagraph
        >>> metagraph.load().resolve("GLUT-4")
        'glut4'
        """
        given: object = name  # callers from untyped code pass anything: say what it was
        if isinstance(given, Node):
            given = given.id
        if not isinstance(given, str):
            shown = repr(given)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise ArgumentTypeError(
                f"a node is named by a string (its id, name or a synonym) or a Node, not {type(given).__name__} {shown}"
            )
        name = given
        ids = self._ids_for(name)
        if len(ids) == 1:
            return ids[0]
        if ids:
            raise AmbiguousNodeError(name, ids)
        raise UnknownNodeError(name, self._name_index().suggest(name))

    def node(self, name: str | Node) -> Node:
        """Return the node an id, name or synonym means (case, spaces, hyphens, Greek letters ignored).

        Examples
        --------
        >>> import metagraph
        >>> kg = metagraph.load()
        >>> kg.node("PGC-1α") == kg.node("pgc1a") == kg.node("PPARGC1A")
        True
        """
        return self._node_models[self.resolve(name)]

    def nodes(self, kind: str | Kind | None = None) -> list[Node]:
        """Return the nodes, optionally only those of one kind, in the order they were defined.

        Examples
        --------
        >>> import metagraph
        >>> "irisin" in [n.id for n in metagraph.load().nodes(kind="myokine")]
        True
        """
        want = _vocabulary(Kind, kind, "kind") if kind is not None else None
        return [m for m in (self._node_models[n] for n in self._nx.nodes) if want is None or m.kind == want]

    def edges(
        self,
        source: str | Node | None = None,
        target: str | Node | None = None,
        predicate: str | Predicate | None = None,
    ) -> list[Edge]:
        """Return the edges, optionally only those from ``source``, to ``target`` or with ``predicate``.

        Examples
        --------
        >>> import metagraph
        >>> kg = metagraph.load()
        >>> all(e.sign == -1 for e in kg.edges(predicate="inhibits"))
        True
        """
        s = self.resolve(source) if source is not None else None
        t = self.resolve(target) if target is not None else None
        p = _vocabulary(Predicate, predicate, "predicate") if predicate is not None else None
        if s is not None:
            triples: Iterable[tuple[str, str, str]] = self._nx.out_edges(s, keys=True)
        elif t is not None:
            triples = self._nx.in_edges(t, keys=True)
        else:
            triples = self._nx.edges(keys=True)
        out = []
        for u, v, k in triples:
            edge = self._edge_models[(u, v, k)]
            if (t is None or v == t) and (p is None or edge.predicate == p):
                out.append(edge)
        return out

    def edge_model(self, source: str, target: str, key: str) -> Edge:
        """Return the :class:`~metagraph.Edge` stored under a ``networkx`` edge triple."""
        return self._edge_models[(source, target, key)]

    # -- parts of the graph ----------------------------------------------------------
    def subgraph(self, *, focus: Names = None, hops: int = 1, kinds: Kinds = None, nodes: Names = None) -> MetaGraph:
        """Return a part of the graph as a read-only :class:`~metagraph.MetaGraph` view.

        Without ``focus`` or ``nodes`` the part is the whole graph. ``nodes`` are kept as
        given; ``focus`` adds every node within ``hops`` steps of it, following edges in
        both directions; ``kinds`` then keeps only nodes of those kinds (the focus and
        ``nodes`` always stay). The view shares this graph's records and copies nothing.

        Parameters
        ----------
        focus
            A node (id, name or synonym) or several: keep their neighbourhood.
        hops
            How far the neighbourhood reaches, along edges in both directions.
        kinds
            Keep only nodes of these kinds (the focus and ``nodes`` always stay).
        nodes
            Nodes to keep in any case; alone, exactly these nodes.

        Raises
        ------
        UnknownNodeError, AmbiguousNodeError
            A name that fits no node, or several.
        RenderError
            A kind that does not exist, or a negative ``hops``.

        Examples
        --------
        >>> import metagraph
        >>> kg = metagraph.load()
        >>> liver = kg.subgraph(focus="liver", hops=1)
        >>> liver.is_view, "FGF21" in liver, "HIIT" in liver
        (True, True, False)
        >>> [n.name for n in kg.subgraph(nodes=["AMPK", "PGC-1α"])]
        ['AMPK', 'PGC-1α']
        """
        ids = select_ids(self, focus=focus, hops=hops, kinds=kinds, nodes=nodes)
        if len(ids) == len(self):
            return self
        return induced(self, ids)

    def without(self, *nodes: str | Node | Iterable[str | Node]) -> MetaGraph:
        """Return a read-only view of the graph with ``nodes`` (and their edges) removed.

        The view shares the graph's records and copies nothing; the graph itself never
        changes. Every query works on the view, so what-if questions read naturally.

        Parameters
        ----------
        *nodes
            Ids, names or synonyms of the nodes to remove (or lists of them).

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> kg = sample_graph()
        >>> blocked = kg.without("AMPK")
        >>> len(blocked), len(kg)
        (22, 23)
        >>> [str(c) for c in blocked.trace("HIIT", "PGC-1α")]
        []
        >>> blocked.nx.add_node("x")
        Traceback (most recent call last):
        networkx.exception.NetworkXError: Frozen graph can't be modified
        """
        ids = [self.resolve(n) for item in nodes for n in as_names(item)]
        # restricted_view returns a view of its argument's class; types-networkx says Graph.
        return type(self)._view(self, cast("NxGraph", nx.restricted_view(self._nx, ids, [])))

    # -- operations: each written once, in the module named for it ---------------------
    # The part of the graph that holds in a context (timescale, modality, species, evidence, sources).
    restrict = operation("metagraph.queries.context:restrict")
    # Questions (metagraph.queries).
    trace = operation("metagraph.queries.trace:trace")
    net_effect = operation("metagraph.queries.trace:net_effect")
    downstream = operation("metagraph.queries.reach:downstream")
    upstream = operation("metagraph.queries.reach:upstream")
    myokines_reaching = operation("metagraph.queries.reach:myokines_reaching")
    myokine_effects = operation("metagraph.queries.reach:myokine_effects")
    match = operation("metagraph.queries.metapath:match")
    lost_effects = operation("metagraph.queries.whatif:lost_effects")
    compare = operation("metagraph.queries.compare:compare")
    reversal = operation("metagraph.queries.reversal:reversal")
    # Diagrams (metagraph.render).
    to_html = operation("metagraph.render.html:to_html")
    show = operation("metagraph.render.html:show")
    to_mermaid = operation("metagraph.render.mermaid:to_mermaid")
    to_dot = operation("metagraph.render.dot:to_dot")
    to_svg = operation("metagraph.render.dot:to_svg")
    _repr_html_ = operation("metagraph.render.html:repr_html")
    # Formats (metagraph.interop).
    merge = operation("metagraph.interop.merge:merge")
    check_identifiers = operation("metagraph.interop.identifiers:check_identifiers")
    export = operation("metagraph.interop.export:export")
    # The self-audit (metagraph.audit).
    audit = operation("metagraph.audit:audit")
    # Measurements on the nodes (metagraph.overlay).
    overlay = operation("metagraph.overlay:overlay")
