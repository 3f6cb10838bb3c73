"""An edge's exported properties read straight from the graph's plain attributes (internal).

The graph keeps each record once, as the plain attributes of :attr:`MetaGraph.nx`
(:mod:`metagraph.graph`); a :class:`~metagraph.Edge` model is made from them on
demand. The exporters of large graphs (Cypher, neo4j-admin CSV, KGX, the Kùzu bulk
files) read the attributes instead: making a million models (and their evidence items)
only to read them back costs more than the rest of the export. What they compute here
is what the models' properties say (``hedged``, ``contested``, ``inferred``,
``references``...), and a test checks the two agree on the bundled graph and on hostile
strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from metagraph._nx import successors
from metagraph.schema import EvidenceType

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

#: Evidence type value → its ECO term.
ECO: dict[str, str] = {t.value: t.eco for t in EvidenceType}

# compact JSON with non-ASCII characters as themselves: what pydantic's dump_json writes
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def evidence_json(evidence: list[dict[str, Any]]) -> str:
    """The evidence items as compact JSON, ``None`` fields left out (pydantic's ``dump_json(exclude_none=True)``).

    Items whose text needs no JSON escape (no quote, backslash or control character) are
    written with one format per item, several times faster than the encoder: the text is
    then checked (its quotes are exactly those of the keys and values, and it holds no
    backslash or control character), and any other goes through the encoder. Both give
    the same text.
    """
    items = []
    quotes = 0  # the quotes the keys and string values put there
    for ev in evidence:
        text = f'{{"reference":"{ev["reference"]}","type":"{ev["type"]}"'
        quotes += 14  # the two fields above, "hedged" and "stance" below
        if (quote := ev["quote"]) is not None:
            text += f',"quote":"{quote}"'
            quotes += 4
        if (finding := ev["finding"]) is not None:
            text += f',"finding":"{finding}"'
            quotes += 4
        text += f',"hedged":{_JSON_BOOLEAN[ev["hedged"]]},"stance":"{ev["stance"]}"'
        for field in _OPTIONAL_ITEM_FIELDS:
            if (value := ev[field]) is not None:
                text += f',"{field}":"{value}"'
                quotes += 4
        items.append(text + "}")
    joined = "[" + ",".join(items) + "]"
    if joined.count('"') == quotes and _JSON_ESCAPED.search(joined) is None:
        return joined
    # in the fields' order, as pydantic writes them
    return _encode([{k: v for k in _ITEM_FIELDS if (v := ev.get(k)) is not None} for ev in evidence])


# what the JSON encoder escapes in a string (ensure_ascii=False) besides the quote: the backslash, C0 controls
_JSON_ESCAPED = re.compile(r"[\\\x00-\x1f]")
_JSON_BOOLEAN = ("false", "true")
_OPTIONAL_ITEM_FIELDS = ("species", "system", "section", "provenance")
_ITEM_FIELDS = ("reference", "type", "quote", "finding", "hedged", "stance", *_OPTIONAL_ITEM_FIELDS)


def edge_values(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Every property an edge has in a graph database, ``None`` where unset (as ``cypher.edge_record``)."""
    evidence: list[dict[str, Any]] = attrs["evidence"]
    return {
        "predicate": attrs["predicate"],
        "sign": attrs["sign"],
        "transmits": attrs["transmits"],
        "location": attrs["location"],
        "modality": attrs["modality"],
        "magnitude": attrs["magnitude"],
        "timescale": attrs["timescale"],
        "mechanism": attrs["mechanism"],
        "negated": attrs["negated"],
        "summary": attrs["summary"],
        "contested": "contradicts" in [ev["stance"] for ev in evidence],
        "inferred": [ev["type"] for ev in evidence].count("curator_inference") == len(evidence),
        "hedged": attrs["hedged"],
        "note": attrs["note"],
        "references": list(dict.fromkeys([ev["reference"] for ev in evidence])),
        "quotes": list(dict.fromkeys([q for ev in evidence if (q := ev["quote"]) is not None])),
        "evidence_types": [ECO[ev["type"]] for ev in evidence],
        "evidence_hedged": [ev["hedged"] for ev in evidence],
        "stances": [ev["stance"] for ev in evidence],
        "species": [ev["species"] or "" for ev in evidence],
        "systems": [ev["system"] or "" for ev in evidence],
        "findings": [ev["finding"] or "" for ev in evidence],
        "evidence": evidence_json(evidence),
    }


def node_values(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """A node's properties in a graph database (its plain attributes, ``None`` for no description)."""
    return {
        "name": attrs["name"],
        "kind": attrs["kind"],
        "synonyms": attrs["synonyms"],
        "xrefs": attrs["xrefs"],
        "close_matches": attrs["close_matches"],
        "broad_matches": attrs["broad_matches"],
        "narrow_matches": attrs["narrow_matches"],
        "related_matches": attrs["related_matches"],
        "members": attrs["members"],
        "description": attrs["description"] or None,
    }


def plain_edges(graph: MetaGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(source, target, key, attributes)`` of every edge, in the order of ``graph.nx.edges``.

    Read from the raw adjacency: a million lookups through networkx's views would cost
    seconds. The tuples share the graph's attribute dicts, which must not be changed.
    """
    return [
        (u, v, k, attrs)
        for u, targets in successors(graph.nx).items()
        for v, keyed in targets.items()
        for k, attrs in keyed.items()
    ]


def vocabulary_key(evidence: list[dict[str, Any]]) -> tuple[tuple[Any, ...], ...]:
    """What an edge's items say in vocabulary words (type, hedged, stance, species, system), item by item.

    Edges share a few such combinations: a writer formats each once and looks it up by this key.
    """
    return tuple([(ev["type"], ev["hedged"], ev["stance"], ev["species"], ev["system"]) for ev in evidence])
