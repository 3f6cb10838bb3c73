"""Where in the body each node of a pathway figure belongs: its compartment.

A pathway figure reads left to right as the body does: the exercise, the working
muscle fibre (the signals, genes and processes located in skeletal muscle), the
circulation (myokines and other secreted signals), one region per target organ, and
the whole body (outcomes, conditions). Every renderer groups nodes with
:func:`compartments`, so the regions agree between DOT clusters, Mermaid subgraphs and
the HTML page.

The compartments come from the graph alone: node kinds, the ``location`` qualifiers of
edges, ``located_in``, ``secretes``, ``targets`` and ``part_of``. An organ (or cell, or
cellular component) *is* a region: it is not drawn as a node edges pass through; its
parts fall into the region of the whole. A myokine that reaches several organs is in
the circulation, once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from metagraph.schema import Kind, Predicate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from metagraph.graph import MetaGraph

__all__ = ["Compartment", "Compartments", "compartments"]

EXERCISE, MUSCLE, CIRCULATION, BODY = "exercise", "muscle", "circulation", "body"
_PLACES = (Kind.ORGAN, Kind.CELL)


@dataclass(frozen=True)
class Compartment:
    """One region of a pathway figure.

    Attributes
    ----------
    key
        ``exercise``, ``muscle``, ``circulation``, ``body``, or the id of the organ the region is.
    label
        What the figure calls it.
    places
        The ids of the organs, cells and components the region stands for (drawn as the region, not as nodes).
    members
        The ids of the nodes drawn inside it, in the order given.
    """

    key: str
    label: str
    places: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Compartments:
    """The compartments of a view, left to right, and each drawn node's compartment."""

    regions: tuple[Compartment, ...]
    of: dict[str, str] = field(default_factory=dict)

    def region(self, key: str) -> Compartment:
        """The compartment called ``key``."""
        return next(r for r in self.regions if r.key == key)

    def place_of(self, node_id: str) -> str | None:
        """The region ``node_id`` stands for, when it is an organ, cell or component drawn as a region."""
        for r in self.regions:
            if node_id in r.places:
                return r.key
        return None


def _is_muscle(graph: MetaGraph, place: str) -> bool:
    name = str(graph.nx.nodes[place].get("name", "")).lower()
    return place == "skeletal_muscle" or name == "skeletal muscle"


def _roots(graph: MetaGraph) -> dict[str, str]:
    """Each organ, cell or component → the outermost whole it is part of (along part_of among places)."""
    parent: dict[str, str] = {}
    for u, v, k in sorted(graph.nx.edges(keys=True)):
        kinds = graph.nx.nodes[u].get("kind"), graph.nx.nodes[v].get("kind")
        if graph.nx.edges[u, v, k].get("predicate") == Predicate.PART_OF and all(x in _PLACES for x in kinds):
            parent.setdefault(u, v)
    root: dict[str, str] = {}
    for n in graph.nx.nodes:
        if graph.nx.nodes[n].get("kind") not in _PLACES:
            continue
        seen, cur = {n}, n
        while cur in parent and parent[cur] not in seen:
            cur = parent[cur]
            seen.add(cur)
        root[n] = cur
    return root


def compartments(graph: MetaGraph, ids: Iterable[str] | None = None) -> Compartments:
    """Return the compartments of the nodes ``ids`` of ``graph`` (all of them by default).

    The evidence for where a node is comes from the whole ``graph``, so a node keeps
    its compartment whatever part of the graph a view draws.

    Examples
    --------
    >>> from metagraph.examples import pathway_graph
    >>> kg = pathway_graph()
    >>> parts = compartments(kg, ["hiit", "ampk", "irisin", "adipose_tissue", "insulin_sensitivity"])
    >>> [(r.key, r.members) for r in parts.regions]  # doctest: +NORMALIZE_WHITESPACE
    [('exercise', ('hiit',)), ('muscle', ('ampk',)), ('circulation', ('irisin',)),
     ('adipose_tissue', ()), ('body', ('insulin_sensitivity',))]
    >>> parts.place_of("adipose_tissue")
    'adipose_tissue'
    """
    nx = graph.nx
    drawn = list(nx.nodes) if ids is None else [n for n in ids if n in nx]
    root = _roots(graph)

    def region_of_place(place: str) -> str:
        top = root.get(place, place)
        if top in ("blood",) or str(nx.nodes[top].get("name", "")).lower() == "blood":
            return CIRCULATION
        if _is_muscle(graph, top) or _is_muscle(graph, place):
            return MUSCLE
        # A cell or cellular component that is part of no organ (a mitochondrion, GLUT4
        # vesicles) is, in an exercise pathway, the working fibre's.
        return top if nx.nodes[top].get("kind") == Kind.ORGAN else MUSCLE

    secreted: set[str] = set()
    votes: dict[str, Counter[str]] = {}
    for u, v, _k, data in nx.edges(keys=True, data=True):
        predicate = data.get("predicate")
        if predicate == Predicate.SECRETES or predicate == Predicate.TARGETS:
            secreted.add(v if predicate == Predicate.SECRETES else u)
        if predicate == Predicate.LOCATED_IN and v in root:
            votes.setdefault(u, Counter())[region_of_place(v)] += 2  # stated outright: weighs more
        location = data.get("location")
        if location and location in nx:
            place = region_of_place(location)
            for n in (u, v):
                votes.setdefault(n, Counter())[place] += 1

    order = {EXERCISE: 0, MUSCLE: 1, CIRCULATION: 2}
    assigned: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    for n in drawn:
        kind = nx.nodes[n].get("kind")
        if kind == Kind.EXERCISE:
            region = EXERCISE
        elif kind in _PLACES:
            region = region_of_place(n)
            places.setdefault(region, []).append(n)
            continue
        elif kind in (Kind.OUTCOME, Kind.CONDITION):
            region = BODY
        elif kind == Kind.MYOKINE or n in secreted:
            region = CIRCULATION
        elif n in votes:
            region = min(votes[n].items(), key=lambda kv: (-kv[1], order.get(kv[0], 3), kv[0]))[0]
        else:
            # An unplaced molecule in an exercise pathway is the muscle's signalling; an
            # unplaced process (or anything else) happens in the body as a whole.
            region = MUSCLE if kind in (Kind.GENE, Kind.SIGNAL) else BODY
        assigned[n] = region

    labels = {EXERCISE: "Exercise", MUSCLE: "Skeletal muscle fibre", CIRCULATION: "Circulation", BODY: "Whole body"}
    organ_keys = sorted(
        {r for r in [*assigned.values(), *places] if r not in labels},
        key=lambda r: str(nx.nodes[r].get("name", r)).lower(),
    )
    regions = []
    for key in [EXERCISE, MUSCLE, CIRCULATION, *organ_keys, BODY]:
        members = tuple(n for n in drawn if assigned.get(n) == key)
        where = tuple(places.get(key, ()))
        if members or where:
            label = labels.get(key) or str(nx.nodes[key].get("name", key))
            regions.append(Compartment(key, label, where, members))
    return Compartments(tuple(regions), assigned)
