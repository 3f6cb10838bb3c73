"""Context filters: ask a question of the part of the graph that holds in one context.

Every effect query (``trace``, ``net_effect``, ``downstream``, ``upstream``,
``myokines_reaching``, ``myokine_effects``, ``lost_effects``, ``compare``, ``match``)
takes the same keyword filters, the :class:`Context`, and asks its question of
:func:`restrict`'s view of the graph, so each filter means one thing everywhere:

``timescale``
    ``"acute"`` (one bout) or ``"chronic"`` (training): drop the edges that hold only
    in the other one. Edges whose source gives no timescale stay.
``modality``
    An exercise node (id, name or synonym): drop the edges the source ties to another
    modality. Edges tied to none stay.
``species``
    ``"human"``, ``"mouse"``, ``"rat"`` or ``"other"``: keep only the edges with an
    experimental finding in that species. An edge with no species information (no
    experimental item) passes only when ``species`` is ``None``.
``evidence``
    One evidence type or several (``"experimental"``, ``"author_statement"``,
    ``"traceable_author_statement"``, ``"curator_inference"``): keep only those
    evidence items.
``sources``
    Reference keys or layers (``"article"``, ``"literature"``), one or several: keep
    only the evidence items from those.

``evidence`` and ``sources`` filter evidence items, not edges: an edge keeps the items
that pass, and is dropped when no item supporting it is left (what only contradicts a
claim does not make it). Its hedging and contest are then those of the items kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

import networkx as nx

from metagraph._nx import NxGraph
from metagraph._select import is_node
from metagraph.errors import MetagraphError
from metagraph.queries._args import closest
from metagraph.schema import EvidenceType, Kind, Species, Stance, Timescale

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Evidence, Node

__all__ = ["Context", "describe_context", "restrict"]

#: The reference layers :attr:`metagraph.Reference.layer` takes.
LAYERS = ("article", "literature")


class Context(TypedDict, total=False):
    """The keyword filters every effect query takes (see :mod:`metagraph.queries.context`)."""

    timescale: str | Timescale | None
    modality: str | Node | None
    species: str | Species | None
    evidence: str | EvidenceType | Iterable[str | EvidenceType] | None
    sources: str | Iterable[str] | None


def _choice(value: Any, options: list[str], what: str) -> str:
    text = str(value.value if hasattr(value, "value") else value).strip().lower()
    if text in options:
        return text
    raise MetagraphError(f"unknown {what} {value!r}; {closest(text, options)}the {what}s are: {', '.join(options)}")


def _many(value: Any) -> list[Any]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _parse(kg: MetaGraph, context: Context) -> dict[str, Any]:
    unknown = set(context) - set(Context.__annotations__)
    if unknown:
        raise MetagraphError(
            f"unknown filter {sorted(unknown)[0]!r}; the filters are: {', '.join(Context.__annotations__)}"
        )
    out: dict[str, Any] = {}
    if context.get("timescale") is not None:
        out["timescale"] = _choice(context["timescale"], [t.value for t in Timescale], "timescale")
    if context.get("modality") is not None:
        node = kg.node(context["modality"])  # type: ignore[arg-type]
        if node.kind is not Kind.EXERCISE:
            raise MetagraphError(
                f"modality {node.name!r} is a {node.kind.value}, not an exercise; name an exercise modality, e.g. HIIT"
            )
        out["modality"] = node.id
    if context.get("species") is not None:
        out["species"] = _choice(context["species"], [s.value for s in Species], "species")
    if context.get("evidence") is not None:
        types = [_choice(v, [t.value for t in EvidenceType], "evidence type") for v in _many(context["evidence"])]
        if not types:
            raise MetagraphError("evidence is empty: name at least one evidence type, or None for all of them")
        out["evidence"] = frozenset(types)
    if context.get("sources") is not None:
        options = sorted(set(kg.references) | set(LAYERS) | {r.layer for r in kg.references.values()})
        wanted = [_choice(v, options, "source") for v in _many(context["sources"])]
        if not wanted:
            raise MetagraphError("sources is empty: name at least one reference key or layer, or None for all")
        out["sources"] = frozenset(wanted)
    return out


def _kept_evidence(kg: MetaGraph, edge: Edge, rules: dict[str, Any]) -> list[Evidence]:
    items = list(edge.evidence)
    if "evidence" in rules:
        items = [ev for ev in items if ev.type.value in rules["evidence"]]
    if "sources" in rules:
        refs, wanted = kg.references, rules["sources"]
        items = [
            ev
            for ev in items
            if ev.reference in wanted or (ev.reference in refs and refs[ev.reference].layer in wanted)
        ]
    return items


def _keeps(edge: Edge, rules: dict[str, Any]) -> bool:
    if "timescale" in rules and edge.timescale is not None and edge.timescale.value != rules["timescale"]:
        return False
    if "modality" in rules and edge.modality is not None and edge.modality != rules["modality"]:
        return False
    if "species" in rules:
        return any(
            ev.type is EvidenceType.EXPERIMENTAL
            and ev.stance is Stance.SUPPORTS
            and ev.species is not None
            and ev.species.value == rules["species"]
            for ev in edge.evidence
        )
    return True


def restrict(kg: MetaGraph, **context: Any) -> MetaGraph:
    """Return a read-only view of the graph that keeps only what holds in a context.

    The filters are those of :class:`Context` (described in :mod:`metagraph.queries.context`);
    with none, the graph itself. Every node stays; edges and evidence items go.

    Parameters
    ----------
    kg
        The graph.
    **context
        ``timescale``, ``modality``, ``species``, ``evidence``, ``sources``.

    Returns
    -------
    MetaGraph
        A view (``is_view`` is true); every query works on it.

    Raises
    ------
    MetagraphError
        An unknown filter or value (the message suggests the closest one).
    UnknownNodeError, AmbiguousNodeError
        A ``modality`` that fits no node, or several.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> article = kg.restrict(sources="seed_article")
    >>> article.is_view, [e.references for e in article.edges("ampk", "pgc1a")]
    (True, [['seed_article']])
    >>> len(kg.restrict(sources="shen2024").edges())
    3
    >>> len(kg.restrict(species="human").edges())  # the sample graph has no experimental findings
    0
    >>> kg.restrict(timescale="chronically")
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: unknown timescale 'chronically'; did you mean 'chronic'? the timescales are: \
acute, chronic
    """
    rules = _parse(kg, context)  # type: ignore[arg-type]
    if not rules:
        return kg
    from metagraph.graph import _edge_attrs

    graph: NxGraph = nx.MultiDiGraph()
    graph.add_nodes_from(kg.nx.nodes(data=True))
    models: dict[tuple[str, str, str], Edge] = {}
    for u, v, k, attrs in kg.nx.edges(keys=True, data=True):
        edge = kg.edge_model(u, v, k)
        if not _keeps(edge, rules):
            continue
        items = _kept_evidence(kg, edge, rules)
        if len(items) != len(edge.evidence) and not any(ev.stance is Stance.SUPPORTS for ev in items):
            continue
        if len(items) != len(edge.evidence):
            edge = edge.model_copy(update={"evidence": items})
            attrs = _edge_attrs(edge)
        graph.add_edge(u, v, key=k, **attrs)
        models[(u, v, k)] = edge
    nx.freeze(graph)
    return type(kg)._view(kg, graph, edge_models=models)


def context_of(options: dict[str, Any]) -> Context:
    """Take the :class:`Context` filters out of a dict of keyword options (they are removed from it).

    Examples
    --------
    >>> options = {"limit": 3, "species": "human"}
    >>> context_of(options), options
    ({'species': 'human'}, {'limit': 3})
    """
    out: dict[str, Any] = {k: options.pop(k) for k in list(options) if k in Context.__annotations__}
    return out  # type: ignore[return-value]


def describe_context(kg: MetaGraph, context: Context) -> str:
    """Say in words which context a question was asked in ("" for none).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> describe_context(sample_graph(), {"timescale": "acute", "sources": ["article"], "modality": None})
    'timescale acute, sources article'
    """
    parts = []
    for key, value in context.items():
        if value is None:
            continue
        if key == "modality":
            value = kg.node(value if is_node(value) else str(value)).name
        shown = ", ".join(str(getattr(v, "value", v)) for v in _many(value))
        parts.append(f"{key} {shown}")
    return ", ".join(parts)
