"""The evidence model in flat form, shared by the exporters (internal).

A format that cannot nest evidence items writes, per edge, the edge's own properties
(negated, summary, contested, inferred, hedged) and the evidence items' fields as lists
aligned item by item (``evidence_types[i]`` is the ECO term of item ``i``), beside the
whole records as JSON; per node, each approximate match type in its own field, never with
the exact matches (``xrefs``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from metagraph.models import Edge, Node

#: The node fields of the approximate (SKOS) match types, in order.
MATCH_FIELDS = ("close_matches", "broad_matches", "narrow_matches", "related_matches")
#: The edge's own evidence-model properties (booleans).
EDGE_FLAGS = ("negated", "summary", "contested", "inferred", "hedged")
#: The per-item list fields, in order.
ITEM_FIELDS = ("evidence_types", "evidence_hedged", "stances", "species", "systems", "findings")


def node_matches(node: Node) -> dict[str, list[str]]:
    """The node's approximate matches by field name (``close_matches``...)."""
    return {f: list(getattr(node, f)) for f in MATCH_FIELDS}


def edge_flags(edge: Edge) -> dict[str, bool]:
    """The edge's negated, summary, contested, inferred and hedged properties."""
    return {f: bool(getattr(edge, f)) for f in EDGE_FLAGS}


def edge_items(edge: Edge) -> dict[str, list[Any]]:
    """The evidence items' fields as aligned lists (``""`` where an item has no value).

    ``evidence_types`` holds ECO CURIEs, ``evidence_hedged`` booleans, the others strings.
    """
    items = edge.evidence
    return {
        "evidence_types": [ev.type.eco for ev in items],
        "evidence_hedged": [ev.hedged for ev in items],
        "stances": [ev.stance.value for ev in items],
        "species": [ev.species.value if ev.species is not None else "" for ev in items],
        "systems": [ev.system.value if ev.system is not None else "" for ev in items],
        "findings": [ev.finding or "" for ev in items],
    }
