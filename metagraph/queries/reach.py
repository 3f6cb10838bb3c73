"""Reach: what a node can affect or be affected by, and which myokines act on an organ."""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, Unpack

from metagraph._nx import Adjacency, predecessors, successors
from metagraph.errors import MetagraphError
from metagraph.models import Edge, Node
from metagraph.queries._args import check_count, parse_kind
from metagraph.queries._index import index_of
from metagraph.queries._paths import reach
from metagraph.queries.chains import group_members, joint_name, node_name, reference_label, step_label
from metagraph.queries.context import Context, restrict
from metagraph.queries.tables import TableResult
from metagraph.schema import PREDICATES, Kind, Predicate, Stance

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "EFFECT_PREDICATES",
    "MyokineEffects",
    "downstream",
    "myokine_effects",
    "myokines_reaching",
    "organ_parts",
    "reach_distances",
    "upstream",
]

#: Predicates that state an effect on their target: the signed ones and ``regulates``
#: (an effect whose direction the source does not give).
EFFECT_PREDICATES = frozenset({p for p, s in PREDICATES.items() if s.causal} | {Predicate.REGULATES})

_TARGETS = Predicate.TARGETS.value
_IS_A = Predicate.IS_A.value
_PLACES = frozenset({Kind.ORGAN.value, Kind.CELL.value})
_EFFECTS = frozenset(p.value for p in EFFECT_PREDICATES)


def _levels(
    kg: MetaGraph, node: str | Node, *, reverse: bool, max_hops: int | None, kind: str | Kind | None, context: Context
) -> list[list[Node]]:
    """The nodes 1, 2, ... hops downstream (or upstream) of ``node``, each level in name order."""
    check_count(max_hops, "max_hops", allow_none=True)
    want = parse_kind(kind) if kind is not None else None
    kg = restrict(kg, **context)
    start = kg.resolve(node)
    index = index_of(kg)
    if index is not None and not index.timed:
        levels = index.reach(start, reverse=reverse, max_hops=max_hops)
        if want is not None:
            levels = [level[index.kind_array[level] == want.value] for level in levels]
        return [index.models(kg, level) for level in levels]
    dist = reach(kg.nx, start, reverse=reverse, max_hops=max_hops)
    graph = kg.nx.nodes
    ids = [n for n in dist if want is None or graph[n]["kind"] == want.value]
    ids.sort(key=lambda n: (dist[n], graph[n]["name"].casefold(), n))
    out: list[list[Node]] = [[] for _ in range(max(dist.values(), default=0))]
    for n in ids:
        out[dist[n] - 1].append(kg.node(n))
    return out


def reach_distances(
    kg: MetaGraph,
    node: str | Node,
    *,
    reverse: bool = False,
    max_hops: int | None = None,
    kind: str | Kind | None = None,
    **context: Unpack[Context],
) -> list[tuple[Node, int]]:
    """Return ``(node, hops)`` for everything downstream (or upstream) of ``node``, nearest first, then by name.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> [(n.id, d) for n, d in reach_distances(sample_graph(), "ROS", max_hops=2)]
    [('ampk', 1), ('inflammation', 1), ('insulin_resistance', 2), ('pgc1a', 2)]
    """
    levels = _levels(kg, node, reverse=reverse, max_hops=max_hops, kind=kind, context=context)
    return [(model, hops) for hops, level in enumerate(levels, start=1) for model in level]


def _reach(
    kg: MetaGraph,
    node: str | Node,
    *,
    reverse: bool,
    max_hops: int | None,
    kind: str | Kind | None,
    context: Context,
) -> list[Node]:
    levels = _levels(kg, node, reverse=reverse, max_hops=max_hops, kind=kind, context=context)
    return list(chain.from_iterable(levels))


def downstream(
    kg: MetaGraph,
    node: str | Node,
    *,
    max_hops: int | None = None,
    kind: str | Kind | None = None,
    **context: Unpack[Context],
) -> list[Node]:
    """Return everything ``node`` can affect: the nodes its chains of effects reach.

    Only edges that carry an effect are followed (``transmits`` in
    :data:`~metagraph.schema.PREDICATES`). The nodes come nearest first, then by name.

    Parameters
    ----------
    kg
        The graph.
    node
        Id, name or synonym.
    max_hops
        Furthest distance in edges (``None``: no limit).
    kind
        Only nodes of this kind.
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Returns
    -------
    list of Node
        Nearest first, then by name; ``node`` itself is not in it.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        An unknown kind, or a ``max_hops`` that is not a positive whole number.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> [n.name for n in downstream(sample_graph(), "AMPK", max_hops=2)]
    ['PGC-1α', 'FNDC5', 'Mitochondrial biogenesis']
    >>> [n.id for n in downstream(sample_graph(), "AMPK", kind="myokine")]
    ['irisin']
    >>> [n.name for n in sample_graph().downstream("PGC-1α", kind="process")]
    ['Mitochondrial biogenesis', 'Browning of white fat']
    """
    return _reach(kg, node, reverse=False, max_hops=max_hops, kind=kind, context=context)


def upstream(
    kg: MetaGraph,
    node: str | Node,
    *,
    max_hops: int | None = None,
    kind: str | Kind | None = None,
    **context: Unpack[Context],
) -> list[Node]:
    """Return everything that can affect ``node``: the nodes whose chains of effects reach it.

    The reverse of :func:`downstream`: the same edges, walked backwards.

    Parameters
    ----------
    kg
        The graph.
    node
        Id, name or synonym.
    max_hops
        Furthest distance in edges (``None``: no limit).
    kind
        Only nodes of this kind.
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Returns
    -------
    list of Node
        Nearest first, then by name; ``node`` itself is not in it.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        An unknown kind, or a ``max_hops`` that is not a positive whole number.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> [n.name for n in upstream(sample_graph(), "AMPK")]
    ['ATP depletion', 'ROS', 'HIIT']
    >>> [n.name for n in sample_graph().upstream("insulin sensitivity", kind="exercise")]
    ['HIIT', 'Resistance training']
    """
    return _reach(kg, node, reverse=True, max_hops=max_hops, kind=kind, context=context)


def organ_parts(kg: MetaGraph, organ: str | Node) -> list[str]:
    """Return the organ's id and the ids of its parts (``part_of`` edges, followed transitively).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> organ_parts(sample_graph(), "adipose tissue")
    ['adipose_tissue', 'white_adipose_tissue']
    """
    root = kg.resolve(organ)
    kind = kg.nx.nodes[root]["kind"]
    if kind not in _PLACES:
        raise MetagraphError(
            f"{kg.node(root).name!r} is a {kind}, not an organ or a cell type; name an organ, "
            "e.g. liver (list them with `metagraph node --list --kind organ`)"
        )
    seen = [root]
    pred = kg.nx.pred
    i = 0
    while i < len(seen):
        for part, keyed in pred[seen[i]].items():
            if part not in seen and any(a["predicate"] == Predicate.PART_OF.value for a in keyed.values()):
                seen.append(part)
        i += 1
    return seen


def _is_category(pred: Adjacency, node: str) -> bool:
    """True for a node that other nodes are ``is_a`` of (the class "myokines", not a myokine)."""
    return any(a["predicate"] == _IS_A for keyed in pred[node].values() for a in keyed.values())


def _acting_edges(kg: MetaGraph, places: set[str]) -> dict[str, list[Edge]]:
    """Myokine id → its edges on ``places``: ``targets`` edges to them and effects located in them.

    Categories (nodes with ``is_a`` members, such as "myokines" itself) are left out:
    their statements are about the members, which are listed in their own right.
    """
    graph = kg.nx
    kind_of = graph.nodes
    myokine = Kind.MYOKINE.value
    succ, pred = successors(graph), predecessors(graph)
    triples: list[tuple[str, str, str]] = []
    for place in places:
        for source, keyed in pred[place].items():
            if kind_of[source]["kind"] == myokine:
                triples += [(source, place, k) for k, a in keyed.items() if a["predicate"] == _TARGETS]
    index = index_of(kg)
    if index is not None:
        by_place = index.located(graph)
        located = [t for place in places for t in by_place.get(place, ())]
    else:
        located = [(u, v, k) for u, v, k, a in graph.edges(keys=True, data=True) if a.get("location") in places]
    for u, v, k in located:
        if kind_of[u]["kind"] == myokine and succ[u][v][k]["predicate"] in _EFFECTS:
            triples.append((u, v, k))
    out: dict[str, list[Edge]] = {}
    for u, v, k in sorted(set(triples)):
        if u in out or not _is_category(pred, u):
            out.setdefault(u, []).append(kg.edge_model(u, v, k))
    return out


def _by_name(n: Node) -> tuple[str, str]:
    return (n.name.casefold(), n.id)


def _split(kg: MetaGraph, acting: dict[str, list[Edge]]) -> tuple[list[Node], dict[str, list[str]]]:
    """The myokines acting on their own (by name), and each acting group's members (group id → ids)."""
    alone, joint = [], {}
    for m in acting:
        members = group_members(kg, m)
        if members:
            joint[m] = members
        else:
            alone.append(kg.node(m))
    return sorted(alone, key=_by_name), dict(sorted(joint.items(), key=lambda kv: _by_name(kg.node(kv[0]))))


def myokines_reaching(kg: MetaGraph, organ: str | Node, **context: Unpack[Context]) -> list[Node]:
    """Return the myokines that act on an organ or on a part of it, alone or jointly, by name.

    A myokine acts on a place when it has a ``targets`` edge to it, or an effect
    edge (:data:`EFFECT_PREDICATES`) whose ``location`` is it. The parts of an
    organ are the nodes joined to it by ``part_of`` edges, transitively. A group
    (a node with ``member_of`` edges into it: a source's table row crediting several
    myokines together) that acts there contributes its members, since the claim is
    theirs jointly; :func:`myokine_effects` keeps such joint claims apart from what
    each myokine is said to do alone.

    Parameters
    ----------
    kg
        The graph.
    organ
        Id, name or synonym of an organ or a cell type.
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.
    Returns
    -------
    list of Node
        The myokines, by name: those acting alone and the members of groups acting
        there. Categories (such as "myokines" itself) and the group nodes are left out.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        ``organ`` is neither an organ nor a cell type.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> [n.name for n in myokines_reaching(sample_graph(), "adipose tissue")]
    ['IL-6', 'Irisin']
    >>> [n.name for n in sample_graph().myokines_reaching("liver")]
    ['IL-6']
    """
    kg = restrict(kg, **context)
    acting = _acting_edges(kg, set(organ_parts(kg, organ)))
    # A denied claim ("X does not act there") is shown by myokine_effects, but reaches nothing.
    asserted = {m: kept for m, edges in acting.items() if (kept := [e for e in edges if not e.negated])}
    alone, joint = _split(kg, asserted)
    ids = {n.id for n in alone} | {m for members in joint.values() for m in members}
    return sorted((kg.node(m) for m in ids), key=_by_name)


def _claimants(edge: Edge) -> list[str]:
    """The references that make a claim (not those cited against it), in order, without repeats."""
    return list(dict.fromkeys(ev.reference for ev in edge.evidence if ev.stance is Stance.SUPPORTS))


class MyokineEffects(TableResult):
    """The myokines acting on an organ and what each does there: one row per edge.

    Rows of individual claims (one myokine) come first, then the joint claims (a
    group's edges): their ``myokine`` cell reads "Irisin, FGF21 and IL-6 (jointly, per
    <source>)", and their ``claim`` is ``"joint"``, so a joint claim never reads as
    something one myokine is said to do.

    Attributes
    ----------
    organ : Node
        The organ asked about.
    myokines : list of Node
        The myokines, as :func:`myokines_reaching` returns them.
    individual : list of Node
        The myokines with claims of their own there.
    joint : dict
        Group id → its members (list of Node), for each group acting there.
    """

    def __init__(
        self, kg: MetaGraph, organ: Node, myokines: list[Node], edges: list[Edge], joint: dict[str, list[str]]
    ) -> None:
        refs = kg.references
        records = []
        for edge in edges:
            members = joint.get(edge.source)
            records.append(
                {
                    "myokine": joint_name(kg, edge.source, _claimants(edge)) if members else node_name(kg, edge.source),
                    "claim": "joint" if members else "individual",
                    "effect": step_label(kg, edge).split(" (in ")[0],
                    "target": node_name(kg, edge.target),
                    "sign": "not" if edge.negated else {1: "+", -1: "-"}.get(edge.sign, ""),
                    "location": node_name(kg, edge.location) if edge.location else "",
                    "citations": [reference_label(refs, k) for k in edge.references],
                    "myokine_id": edge.source,
                    "members": list(members or []),
                    "predicate": edge.predicate.value,
                    "negated": edge.negated,
                    "hedged": edge.hedged,
                    "contested": edge.contested,
                    "evidence_types": sorted({ev.type.value for ev in edge.evidence}),
                    "species": [sp.value for sp in edge.species],
                    "target_id": edge.target,
                    "location_id": edge.location,
                    "references": edge.references,
                    "quotes": [ev.text for ev in edge.evidence],
                }
            )
        super().__init__(
            f"Myokines acting on {organ.name}",
            ["myokine", "claim", "effect", "target", "sign", "location", "citations"],
            records,
            empty="no myokine in the graph acts on it",
        )
        self.organ = organ
        self.myokines = myokines
        self.individual = sorted(
            (kg.node(m) for m in dict.fromkeys(e.source for e in edges) if m not in joint), key=_by_name
        )
        self.joint = {g: [kg.node(m) for m in members] for g, members in joint.items()}


def myokine_effects(kg: MetaGraph, organ: str | Node, **context: Unpack[Context]) -> MyokineEffects:
    """Return a table of what each myokine does in an organ (or its parts), with citations.

    Individual claims first, by myokine: each one's effects located in the organ
    (ordered by target id), then its ``targets`` edges. Then the joint claims, by
    group, in the same order (see :class:`MyokineEffects`). A denied claim (a negated
    edge) is listed, reading "does not ...", with sign ``not``.

    Parameters
    ----------
    kg
        The graph.
    organ
        Id, name or synonym of an organ or a cell type.
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.
    Returns
    -------
    MyokineEffects
        A :class:`~metagraph.queries.tables.TableResult`: iterate it for the rows
        (dicts with ``myokine``, ``claim``, ``effect``, ``target``...), print it, or call
        ``to_markdown()``, ``to_dict()`` or ``to_frame()`` (pandas).

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        ``organ`` is neither an organ nor a cell type.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> print(myokine_effects(sample_graph(), "liver"))
    Myokines acting on Liver
    myokine  claim       effect        target                      sign  location  citations
    -------  ----------  ------------  --------------------------  ----  --------  ----------------------------
    IL-6     individual  may decrease  Hepatic glucose production  -     Liver     Targeted exercise protocols…
    IL-6     individual  targets       Liver                                       Targeted exercise protocols…
    >>> table = sample_graph().myokine_effects("adipose tissue")
    >>> [(r["myokine"], r["effect"], r["target"]) for r in table][:2]
    [('IL-6', 'increases', 'Glucose uptake'), ('Irisin', 'increases', 'Browning of white fat')]
    """
    kg = restrict(kg, **context)
    node = kg.node(organ)
    acting = _acting_edges(kg, set(organ_parts(kg, node)))
    alone, joint = _split(kg, acting)
    edges = []
    for m in [n.id for n in alone] + list(joint):
        # effects first (by target id, then key), then the bare "targets" facts
        mine = acting[m]
        edges += [e for e in mine if e.predicate != Predicate.TARGETS]
        edges += [e for e in mine if e.predicate == Predicate.TARGETS]
    ids = {n.id for n in alone} | {m for members in joint.values() for m in members}
    myokines = sorted((kg.node(m) for m in ids), key=_by_name)
    return MyokineEffects(kg, node, myokines, edges, joint)
