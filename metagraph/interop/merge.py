"""Combine two graphs whose nodes overlap, reporting every disagreement instead of hiding it.

``metagraph.load(files, bundled=True)`` reads files side by side and rejects an id
defined twice; merging is the way to combine graphs that describe the same nodes
(an imported table, another curator's files) into one.

Rules, in order:

* A node of ``other`` is the node of ``ours`` with the same id; failing that, the one
  node of ``ours`` sharing one of its identifiers (CURIEs compared without case).
  Its edges (and the ``location``/``modality`` of its edges) follow it.
* Unified nodes keep our id, name, kind and description (theirs when ours is empty);
  synonyms, identifiers and members are pooled, and a different name of theirs
  becomes a synonym.
* Edges with the same source, target and key are one edge: evidence is pooled,
  qualifiers ours where set, else theirs.
* References with the same key are one reference.

Conflicts (:class:`Conflict`): a node with two kinds; an identifier that several of
our nodes share; an edge of theirs contradicting one of ours (same source and target,
opposite sign, and the same place and modality where both give one); the same edge with different magnitude, timescale
or mechanism; a reference key naming two different works; an edge of theirs that our
schema rules out once its nodes take our kinds, or that would join a node to itself.
With ``on_conflict="raise"`` they raise :class:`~metagraph.MergeConflictError`; with
``"report"`` the merge completes, keeps our side of each conflict (both of two
contradicting edges: each is cited) and returns the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from metagraph._validation import kind_violations, with_article
from metagraph.errors import MergeConflictError, MetagraphError
from metagraph.models import Edge, Node, Reference

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["Conflict", "MergeResult", "merge_graphs"]

_QUALIFIERS = ("magnitude", "timescale", "mechanism")


@dataclass(frozen=True)
class Conflict:
    """One disagreement between two merged graphs.

    Attributes
    ----------
    kind
        ``"kind"``, ``"sign"``, ``"qualifier"``, ``"reference"``, ``"ambiguous_identifier"``,
        ``"schema"`` or ``"self_loop"``.
    subject
        The node id, edge (``source -key-> target``) or reference key concerned.
    message
        What disagrees and how it was resolved.
    """

    kind: str
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"


class MergeResult(NamedTuple):
    """What :func:`merge_graphs` returns: unpack as ``graph, conflicts, renamed``.

    Attributes
    ----------
    graph
        The merged graph.
    conflicts
        Every disagreement found (empty when the graphs agree).
    renamed
        Ids of ``other`` → the id of ours they were unified with by a shared identifier.
    """

    graph: MetaGraph
    conflicts: list[Conflict]
    renamed: dict[str, str]


def _pool(*lists: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(x for lst in lists for x in lst))


def _curie_key(curie: str) -> str:
    return curie.casefold()


def _match_nodes(ours: MetaGraph, other: MetaGraph, conflicts: list[Conflict]) -> dict[str, str]:
    by_curie: dict[str, list[str]] = {}
    for node in ours.nodes():
        for x in node.xrefs:
            ids = by_curie.setdefault(_curie_key(x), [])
            if node.id not in ids:
                ids.append(node.id)
    renamed: dict[str, str] = {}
    for node in other.nodes():
        if node.id in ours.nx:
            continue
        hits = _pool(*(by_curie.get(_curie_key(x), []) for x in node.xrefs))
        if len(hits) == 1:
            renamed[node.id] = hits[0]
        elif hits:
            shared = [x for x in node.xrefs if by_curie.get(_curie_key(x))]
            conflicts.append(
                Conflict(
                    "ambiguous_identifier",
                    node.id,
                    f"its identifiers {', '.join(shared)} belong to several of our nodes "
                    f"({', '.join(hits)}); kept as a node of its own",
                )
            )
    return renamed


def _merge_node(mine: Node, theirs: Node, conflicts: list[Conflict]) -> Node:
    if mine.kind != theirs.kind:
        label = mine.id if mine.id == theirs.id else f"{mine.id} (theirs: {theirs.id})"
        ours, other = with_article(mine.kind.value), with_article(theirs.kind.value)
        conflicts.append(
            Conflict("kind", label, f"is {ours} here but {other} in the other graph; kept {mine.kind.value}")
        )
    return mine.model_copy(
        update={
            "synonyms": _pool(mine.synonyms, [x for x in (theirs.name, *theirs.synonyms) if x != mine.name]),
            "xrefs": _pool(mine.xrefs, theirs.xrefs),
            "members": _pool(mine.members, theirs.members),
            "description": mine.description or theirs.description,
        }
    )


def _edge_label(e: Edge) -> str:
    return f"{e.source} -{e.key}-> {e.target}"


def _merge_edge(mine: Edge, theirs: Edge, conflicts: list[Conflict]) -> Edge:
    update: dict[str, object] = {
        "evidence": [*mine.evidence, *(ev for ev in theirs.evidence if ev not in mine.evidence)]
    }
    for name in _QUALIFIERS:
        a, b = getattr(mine, name), getattr(theirs, name)
        if a is None:
            update[name] = b
        elif b is not None and a != b:
            conflicts.append(
                Conflict(
                    "qualifier",
                    _edge_label(mine),
                    f"{name} is {a.value!r} here but {b.value!r} in the other graph; kept {a.value!r}",
                )
            )
    if mine.note is None or (theirs.note and theirs.note != mine.note):
        update["note"] = "; ".join(n for n in (mine.note, theirs.note) if n) or None
    update["hedged"] = mine.hedged and theirs.hedged
    return mine.model_copy(update=update)


def _rename_edge(edge: Edge, renamed: dict[str, str]) -> Edge:
    fields = ("source", "target", "location", "modality")
    update = {f: renamed[getattr(edge, f)] for f in fields if getattr(edge, f) in renamed}
    return edge.model_copy(update=update) if update else edge


def _schema_problem(edge: Edge, nodes: dict[str, Node]) -> str:
    violations = kind_violations(edge, {i: n.kind for i, n in nodes.items()})
    return violations[0][1] if violations else ""


def merge_graphs(ours: MetaGraph, other: MetaGraph) -> MergeResult:
    """Merge ``other`` into a copy of ``ours``; return the graph, the conflicts and the renamings.

    Neither input changes. See the module docstring for the rules.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> ref = Reference(key="r", title="T")
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> a = MetaGraph([Node(id="il6", name="IL-6", kind="myokine", xrefs=["HGNC:6018"]),
    ...                Node(id="liver", name="Liver", kind="organ")],
    ...               [Edge(source="il6", target="liver", predicate="targets", evidence=ev)], [ref])
    >>> b = MetaGraph([Node(id="interleukin_6", name="Interleukin 6", kind="myokine", xrefs=["hgnc:6018"]),
    ...                Node(id="stat3", name="STAT3", kind="signal")],
    ...               [Edge(source="interleukin_6", target="stat3", predicate="activates", evidence=ev)], [ref])
    >>> graph, conflicts, renamed = merge_graphs(a, b)
    >>> renamed, conflicts, graph.node("Interleukin 6").id
    ({'interleukin_6': 'il6'}, [], 'il6')
    >>> [e.target for e in graph.edges(source="il6")]
    ['liver', 'stat3']
    """
    from metagraph.graph import MetaGraph

    if not isinstance(other, MetaGraph):
        raise MetagraphError(
            f"can only merge a MetaGraph, not {type(other).__name__}; "
            "load the other data with metagraph.load(...) or metagraph.read_table(...) first"
        )
    conflicts: list[Conflict] = []
    renamed = _match_nodes(ours, other, conflicts)

    nodes: dict[str, Node] = {n.id: n for n in ours.nodes()}
    for theirs in other.nodes():
        target = renamed.get(theirs.id, theirs.id)
        nodes[target] = _merge_node(nodes[target], theirs, conflicts) if target in nodes else theirs

    refs: dict[str, Reference] = dict(ours.references)
    for key, ref in other.references.items():
        if key not in refs:
            refs[key] = ref
        elif refs[key] != ref:
            conflicts.append(
                Conflict(
                    "reference",
                    key,
                    f"names {refs[key].short!r} here but {ref.short!r} in the "
                    "other graph; kept ours (rename the key in one of them)",
                )
            )

    edges: dict[tuple[str, str, str], Edge] = {(e.source, e.target, e.key): e for e in ours.edges()}
    signs: dict[tuple[str, str], list[Edge]] = {}
    for e in ours.edges():
        signs.setdefault((e.source, e.target), []).append(e)
    for raw in other.edges():
        e = _rename_edge(raw, renamed)
        label = _edge_label(e)
        if e.source == e.target:
            conflicts.append(
                Conflict(
                    "self_loop", label, f"its two ends ({raw.source}, {raw.target}) are the same node here; dropped"
                )
            )
            continue
        why = _schema_problem(e, nodes)
        if why:
            conflicts.append(Conflict("schema", label, f"{why}, with the kinds these nodes have here; dropped"))
            continue
        ident = (e.source, e.target, e.key)
        if ident in edges:
            edges[ident] = _merge_edge(edges[ident], e, conflicts)
            continue
        for mine in signs.get((e.source, e.target), []):
            same_context = all(
                a is None or b is None or a == b for a, b in ((mine.location, e.location), (mine.modality, e.modality))
            )
            if same_context and mine.sign * e.sign < 0:
                conflicts.append(
                    Conflict(
                        "sign",
                        label,
                        f"contradicts {_edge_label(mine)} (cited: {', '.join(mine.references)}); both kept",
                    )
                )
        edges[ident] = e
    merged = MetaGraph(nodes.values(), edges.values(), refs.values())
    return MergeResult(merged, conflicts, renamed)


def merge(
    ours: MetaGraph, other: MetaGraph, *, on_conflict: Literal["raise", "report"] = "raise"
) -> MetaGraph | MergeResult:
    """Return a new graph with ``other`` merged into ``ours`` (neither changes); ``kg.merge(other)``.

    Nodes with the same id, or else sharing an identifier (CURIE), become one node
    (synonyms and identifiers pooled, this graph's name and kind kept); edges with
    the same source, target and key pool their evidence. See
    :mod:`metagraph.interop.merge` for every rule.

    Parameters
    ----------
    ours
        The graph merged into (``kg`` in ``kg.merge(other)``); its side wins each conflict.
    other
        The graph to merge in (e.g. from :func:`metagraph.read_table` with
        ``reference=`` this graph, or :func:`metagraph.load`).
    on_conflict
        ``"raise"``: raise :class:`~metagraph.MergeConflictError` listing every
        conflict (a node with two kinds, edges with opposite signs between the same
        nodes, ...). ``"report"``: return a :class:`~metagraph.MergeResult`
        ``(graph, conflicts, renamed)`` whose graph keeps this graph's side of each
        conflict.

    Examples
    --------
    >>> import metagraph
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = metagraph.load()
    >>> extra = MetaGraph([Node(id="interleukin_6", name="Interleukin 6", kind="myokine", xrefs=["HGNC:6018"]),
    ...                    Node(id="stat3", name="STAT3", kind="signal", xrefs=["HGNC:11364"])],
    ...                   [Edge(source="interleukin_6", target="stat3", predicate="activates",
    ...                         evidence=[{"reference": "lab_notes", "quote": "IL-6 activates STAT3"}])],
    ...                   [Reference(key="lab_notes", type="other", title="Lab notes")])
    >>> merged = kg.merge(extra)
    >>> [e.target for e in merged.edges(source="IL-6", predicate="activates")]
    ['stat3']
    >>> len(merged) == len(kg) + 1
    True
    """
    if on_conflict not in ("raise", "report"):
        raise MetagraphError(f"on_conflict must be 'raise' or 'report', not {on_conflict!r}")
    result = merge_graphs(ours, other)
    if on_conflict == "report":
        return result
    if result.conflicts:
        raise MergeConflictError([str(c) for c in result.conflicts])
    return result.graph
