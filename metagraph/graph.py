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

These attributes are the only copy of each record the graph keeps: :meth:`MetaGraph.node`,
:meth:`MetaGraph.nodes`, :meth:`MetaGraph.edges` and :meth:`MetaGraph.edge_model` make the
:class:`~metagraph.Node` and :class:`~metagraph.Edge` models from them when asked (equal to the
validated records; the same object while someone holds it), which halves what a large graph
takes in memory.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import networkx as nx

from metagraph._gc import collector_paused
from metagraph._names import NameIndex
from metagraph._nx import Carrying, NxGraph, build, node_attributes, successors
from metagraph._operation import operation
from metagraph._select import Kinds, Names, as_names, induced, select_ids
from metagraph.errors import AmbiguousNodeError, ArgumentTypeError, DataError, MetagraphError, UnknownNodeError
from metagraph.schema import PREDICATES, Kind, Predicate

if TYPE_CHECKING:
    # The models (and pydantic) are imported when a model is first made, not with the
    # graph: a command that reads a cached graph and prints names never needs them.
    from metagraph.models import Edge, Node, Reference

__all__ = ["MetaGraph"]

_V = TypeVar("_V", bound=Enum)
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


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


def _edge_attrs(edge: Edge) -> dict[str, Any]:
    """The networkx attributes of one edge (see the module docstring)."""
    from metagraph.models import to_plain

    return _derived(edge, to_plain(edge))


@functools.cache
def _predicate_rules() -> dict[str, tuple[int, bool]]:
    """Predicate value → (sign, transmits), looked up by the string (an enum member hashes in Python)."""
    return {p.value: (rule.sign, rule.transmits) for p, rule in PREDICATES.items()}


def _derived(edge: Edge, attrs: dict[str, Any]) -> dict[str, Any]:
    """An edge's plain fields (``to_plain``) as networkx holds them: without its ends, with what queries
    read beside them (its sign, whether it transmits, hedged)."""
    del attrs["source"], attrs["target"]
    attrs["sign"], transmits = _predicate_rules()[attrs["predicate"]]
    # A denied claim is kept and shown, but no effect travels along it.
    attrs["transmits"] = transmits and not edge.negated
    attrs["hedged"] = edge.hedged
    return attrs


def plain_records(
    nodes: list[Node], edges: list[Edge]
) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, str, dict[str, Any]]]]:
    """The networkx form of records: ``(id, attributes)`` per node, ``(source, target, key, attributes)`` per edge."""
    from metagraph.models import to_plain  # once, not per record: this is part of every first load

    plain_nodes = []
    for node in nodes:
        attrs = to_plain(node)
        del attrs["id"]
        plain_nodes.append((node.id, attrs))
    plain_edges = [(edge.source, edge.target, edge.key, _derived(edge, to_plain(edge))) for edge in edges]
    return plain_nodes, plain_edges


class _ModelMakers:
    """How a record becomes a model, bound once: an import statement per model made would cost
    as much as making it (a reach query makes a hundred thousand)."""

    def __init__(self) -> None:
        from metagraph.models import Edge, Node, Reference, from_plain

        self.make_reference: Callable[[dict[str, Any]], Reference] = lambda plain: from_plain(Reference, plain)
        self.make_node: Callable[[dict[str, Any], str], Node] = lambda attrs, ident: from_plain(Node, attrs, id=ident)
        self.make_edge: Callable[[dict[str, Any], str, str], Edge] = lambda attrs, u, v: from_plain(
            Edge, attrs, source=u, target=v
        )


@functools.cache
def _models() -> _ModelMakers:
    """The model makers, imported (with pydantic) when the first model is made."""
    return _ModelMakers()


class _Kept(Generic[_Key, _Value]):
    """Key → value, each kept only while someone else holds it (weakly), like a ``WeakValueDictionary``.

    A ``WeakValueDictionary`` entry runs Python code to be made and to be dropped, and costs
    as much as making a model (a reach query makes a hundred thousand). Here an entry is a
    plain weak reference; dead ones are swept out when the table has doubled since the last
    sweep, so it never holds more than about twice the values alive.
    """

    def __init__(self) -> None:
        self._refs: dict[_Key, weakref.ref[_Value]] = {}
        self._sweep_at = _FIRST_SWEEP

    def get(self, key: _Key) -> _Value | None:
        """The value kept under ``key``, or None (never kept, or no longer held)."""
        kept = self._refs.get(key)
        return None if kept is None else kept()

    def put(self, key: _Key, value: _Value) -> None:
        """Keep ``value`` under ``key`` while someone holds it."""
        refs = self._refs
        refs[key] = weakref.ref(value)
        if len(refs) >= self._sweep_at:
            for old, kept in list(refs.items()):  # a snapshot: another thread may put meanwhile
                if kept() is None and refs.get(old) is kept:
                    del refs[old]
            self._sweep_at = max(_FIRST_SWEEP, 2 * len(refs))


_FIRST_SWEEP = 1024


class _NodeRecords(Mapping[str, "Node"]):
    """Node id → :class:`~metagraph.Node`, made on demand from the attributes of a networkx graph.

    The graph holds each record once, as plain attributes; a model is made when asked for
    and kept (weakly) while someone holds it, so asking twice gives the same object.
    """

    def __init__(self, graph: NxGraph) -> None:
        self._attrs = node_attributes(graph)
        self._made: _Kept[str, Node] = _Kept()

    def __getitem__(self, ident: str) -> Node:
        made = self._made.get(ident)
        if made is None:
            made = _models().make_node(self._attrs[ident], ident)
            self._made.put(ident, made)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._attrs)

    def __len__(self) -> int:
        return len(self._attrs)


class _EdgeRecords(Mapping[tuple[str, str, str], "Edge"]):
    """``(source, target, key)`` → :class:`~metagraph.Edge`, made on demand like :class:`_NodeRecords`."""

    def __init__(self, graph: NxGraph) -> None:
        self._graph = graph
        self._succ = successors(graph)
        self._made: _Kept[tuple[str, str, str], Edge] = _Kept()

    def __getitem__(self, triple: tuple[str, str, str]) -> Edge:
        made = self._made.get(triple)
        if made is None:
            u, v, k = triple
            made = _models().make_edge(self._succ[u][v][k], u, v)
            self._made.put(triple, made)
        return made

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        return iter(self._graph.edges(keys=True))

    def __len__(self) -> int:
        return self._graph.number_of_edges()


class _ReferenceRecords(Mapping[str, "Reference"]):
    """Reference key → :class:`~metagraph.Reference`, each made on first use from its plain form.

    A cached graph keeps its references as plain dicts (``model_dump(mode="json")``);
    records given as models are kept as they are. Read-only to its users.
    """

    def __init__(self, records: Mapping[str, Reference | dict[str, Any]]) -> None:
        self._records = dict(records)

    def __getitem__(self, key: str) -> Reference:
        record = self._records[key]
        if isinstance(record, dict):
            # Two threads may both make it: equal models, and either one is kept.
            record = self._records[key] = _models().make_reference(record)
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __repr__(self) -> str:
        return f"<references: {', '.join(self._records)}>"


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
        # As a load does (metagraph.load): a million edges make millions of attribute dicts, which
        # the collector would otherwise rescan meanwhile, and then during the first queries.
        with collector_paused(settle=True):
            nodes, edges, references = list(nodes), list(edges), list(references)
            if validate:
                from metagraph._validation import Origin, check_graph

                problems = check_graph(
                    [(n, Origin(where=f"nodes[{i}]")) for i, n in enumerate(nodes)],
                    [(e, Origin(where=f"edges[{i}]")) for i, e in enumerate(edges)],
                    [(r, Origin(where=f"references[{i}]")) for i, r in enumerate(references)],
                )
                if problems:
                    raise DataError(problems)
            carrying = Carrying()
            graph = build(*plain_records(nodes, edges), carrying)
            self._init(graph, {r.key: r for r in references}, carrying=carrying)

    @classmethod
    def _from_plain(
        cls,
        nodes: Iterable[tuple[str, dict[str, Any]]],
        edges: Iterable[tuple[str, str, str, dict[str, Any]]],
        references: Mapping[str, Reference | dict[str, Any]],
    ) -> MetaGraph:
        """A graph of records in their networkx form (:func:`plain_records`), already checked.

        ``references`` are models or their plain form (``model_dump(mode="json")``).
        """
        graph = cls.__new__(cls)
        carrying = Carrying()
        graph._init(build(nodes, edges, carrying), references, carrying=carrying)
        return graph

    def _init(
        self,
        graph: NxGraph,
        references: Mapping[str, Reference | dict[str, Any]],
        node_models: Mapping[str, Node] | None = None,
        edge_models: Mapping[tuple[str, str, str], Edge] | None = None,
        *,
        carrying: Carrying | None = None,
    ) -> None:
        # Read freely, never change: the records are these attributes (models are made from them).
        nx.freeze(graph)
        self._nx = graph
        # The transmitting edges as build met them, until the reach index takes them (metagraph.queries._index).
        self._carrying = carrying
        self._node_models = _NodeRecords(graph) if node_models is None else node_models
        self._edge_models = _EdgeRecords(graph) if edge_models is None else edge_models
        self._references = references if isinstance(references, _ReferenceRecords) else _ReferenceRecords(references)
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
        view._init(graph, parent._references, parent._node_models, models)
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
        models = self._node_models
        return (models[n] for n in self._nx.nodes)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return len(self._ids_for(item)) == 1
        from metagraph.models import Node

        return isinstance(item, Node) and item.id in self._nx

    def __repr__(self) -> str:
        return (
            f"<MetaGraph: {self._nx.number_of_nodes()} nodes, {self._nx.number_of_edges()} edges, "
            f"{len(self._references)} references>"
        )

    # -- names ---------------------------------------------------------------------
    def _name_index(self) -> NameIndex:
        if self._index is None:
            # From the attributes: making every node's model only to read its names would be slow.
            self._index = NameIndex({n: (a["name"], *a["synonyms"]) for n, a in self._nx.nodes(data=True)})
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
        if not isinstance(given, str):
            from metagraph.models import Node

            given = given.id if isinstance(given, Node) else given
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
        want = _vocabulary(Kind, kind, "kind").value if kind is not None else None
        models = self._node_models
        kinds = cast("Iterable[tuple[str, str]]", self._nx.nodes(data="kind"))
        return [models[n] for n, k in kinds if want is None or k == want]

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
        p = _vocabulary(Predicate, predicate, "predicate").value if predicate is not None else None
        if s is not None:
            triples: Iterable[tuple[str, str, str, str]] = self._nx.out_edges(s, keys=True, data="predicate")
        elif t is not None:
            triples = self._nx.in_edges(t, keys=True, data="predicate")
        else:
            triples = self._nx.edges(keys=True, data="predicate")
        models = self._edge_models
        return [models[(u, v, k)] for u, v, k, q in triples if (t is None or v == t) and (p is None or q == p)]

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
