"""The graph for Neo4j: a Cypher script, and the CSV files of ``neo4j-admin database import``.

Both build the same graph. A node gets the label ``Node`` and its kind as a second label
(``:Node:Myokine``), with properties ``id``, ``name``, ``kind``, ``synonyms``, ``xrefs``
(exact matches), ``close_matches``, ``broad_matches``, ``narrow_matches``,
``related_matches`` (approximate ones), ``members``, ``description``. An edge becomes a
relationship whose type is its predicate in upper snake case (``ACTIVATES``,
``CLEAVED_INTO``), with ``key``, ``predicate``, ``sign``, ``transmits``, the qualifiers
that are set, the evidence model: ``negated``, ``summary``, ``contested``, ``inferred``,
``hedged`` and the items' fields as lists aligned item by item: ``evidence_types`` (ECO
terms), ``evidence_hedged``, ``stances``, ``species``, ``systems``, ``findings``,
``references`` (cited keys), ``quotes`` and ``evidence`` (the records as JSON text: Neo4j
properties cannot hold maps). Each reference is a ``:Reference`` node keyed by ``key``.
Absent values and empty lists are not written (Neo4j has no null property).

* :func:`to_cypher`: ``MERGE`` statements behind uniqueness constraints, so running the
  script twice leaves one copy (``cypher-shell -f graph.cypher``).
* :func:`to_neo4j_import_files`: ``nodes.csv``, ``references.csv``,
  ``relationships.csv`` with typed headers (``id:ID(Node)``, ``:LABEL``,
  ``synonyms:string[]``, ``:START_ID(Node)``, ``:END_ID(Node)``, ``:TYPE``, ``sign:int``...)
  and ``import.sh``, the ``neo4j-admin database import full`` command that loads them
  (with the array delimiter chosen so that no list item contains it).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from metagraph.errors import ExportError
from metagraph.interop._evidence import MATCH_FIELDS, edge_flags, edge_items, node_matches
from metagraph.schema import spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Node, Reference

__all__ = ["cypher_literal", "label_of", "relationship_type", "to_cypher", "to_neo4j_import_files"]

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ARRAY_DELIMITERS = (";", "|", "¦", "\u001f")
_REFERENCE_FIELDS = (
    "type",
    "title",
    "authors",
    "journal",
    "year",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "url",
    "as_cited",
    "discrepancies",
    "note",
)


def label_of(kind: str) -> str:
    """Return the Neo4j label of a kind.

    Examples
    --------
    >>> label_of("myokine")
    'Myokine'
    """
    return kind.capitalize()


def relationship_type(predicate: str) -> str:
    """Return the Neo4j relationship type of a predicate.

    Examples
    --------
    >>> relationship_type("cleaved_into")
    'CLEAVED_INTO'
    """
    return predicate.upper()


def cypher_literal(value: Any) -> str:
    """Return ``value`` (str, int, float, bool, list of these, or None) as a Cypher literal.

    Strings are single-quoted with backslash escapes for the quote, the backslash and
    control characters.

    Examples
    --------
    >>> print(cypher_literal("it's a \\\\ path"))
    'it\\'s a \\\\ path'
    >>> cypher_literal(["a", 1, True, None])
    "['a', 1, true, null]"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"Cypher has no literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
            elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise ExportError(f"Cypher has no literal for a {type(value).__name__}")


def _map(props: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {cypher_literal(v)}" for k, v in props.items()) + "}"


def _present(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None and v != []}


def _node_props(node: Node) -> dict[str, Any]:
    return _present(
        {
            "name": node.name,
            "kind": node.kind.value,
            "synonyms": node.synonyms,
            "xrefs": node.xrefs,
            **node_matches(node),
            "members": node.members,
            "description": node.description or None,
        }
    )


def edge_record(edge: Edge) -> dict[str, Any]:
    """Every property an edge has in a graph database, ``None`` where unset (Neo4j and Kùzu write the same).

    Examples
    --------
    >>> from metagraph import Edge
    >>> e = Edge(source="ampk", target="pgc1a", predicate="activates",
    ...          evidence=[{"reference": "r", "quote": "AMPK activates PGC-1α"}])
    >>> r = edge_record(e)
    >>> r["sign"], r["transmits"], r["location"], r["quotes"], r["evidence_types"]
    (1, True, None, ['AMPK activates PGC-1α'], ['ECO:0000303'])
    """
    return {
        "predicate": edge.predicate.value,
        "sign": edge.sign,
        "transmits": spec(edge.predicate).transmits,
        "location": edge.location,
        "modality": edge.modality,
        **{
            f: getattr(edge, f).value if getattr(edge, f) is not None else None
            for f in ("magnitude", "timescale", "mechanism")
        },
        **edge_flags(edge),
        "note": edge.note,
        "references": edge.references,
        "quotes": list(dict.fromkeys(ev.quote for ev in edge.evidence if ev.quote is not None)),
        **edge_items(edge),
        "evidence": json.dumps(
            [ev.model_dump(mode="json", exclude_none=True) for ev in edge.evidence], ensure_ascii=False
        ),
    }


def _edge_props(edge: Edge) -> dict[str, Any]:
    return _present(edge_record(edge))


def _reference_props(ref: Reference) -> dict[str, Any]:
    data = ref.model_dump(mode="json")
    return _present({f: data[f] for f in _REFERENCE_FIELDS})


def to_cypher(graph: MetaGraph) -> str:
    """Return a Cypher script that builds the graph in Neo4j (idempotent: ``MERGE``).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="fndc5", name="FNDC5", kind="signal"), Node(id="irisin", name="irisin",
    ...                 kind="myokine")], [Edge(source="fndc5", target="irisin", predicate="cleaved_into",
    ...                 evidence=[{"reference": "r", "quote": "FNDC5 is cleaved into irisin"}])],
    ...                [Reference(key="r", title="O'Brien's \\"review\\"")])
    >>> script = to_cypher(kg)
    >>> print([line for line in script.splitlines() if "CLEAVED_INTO" in line][0][:107])
    MATCH (a:Node {id: 'fndc5'}), (b:Node {id: 'irisin'}) MERGE (a)-[r:CLEAVED_INTO {key: 'cleaved_into'}]->(b)
    >>> "title: 'O\\\\'Brien\\\\'s \\"review\\"'" in script
    True
    """
    lines = [
        f"// metagraph: {len(graph)} nodes, {graph.nx.number_of_edges()} relationships, "
        f"{len(graph.references)} references.",
        "// Run with: cypher-shell -f graph.cypher   (MERGE: running it twice leaves one copy)",
        "CREATE CONSTRAINT metagraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;",
        "CREATE CONSTRAINT metagraph_reference_key IF NOT EXISTS FOR (r:Reference) REQUIRE r.key IS UNIQUE;",
    ]
    for node in graph.nodes():
        lines.append(
            f"MERGE (n:Node {{id: {cypher_literal(node.id)}}}) SET n:{label_of(node.kind.value)}, "
            f"n += {_map(_node_props(node))};"
        )
    for ref in graph.references.values():
        lines.append(f"MERGE (r:Reference {{key: {cypher_literal(ref.key)}}}) SET r += {_map(_reference_props(ref))};")
    for u, v, k in graph.nx.edges(keys=True):
        edge = graph.edge_model(u, v, k)
        lines.append(
            f"MATCH (a:Node {{id: {cypher_literal(u)}}}), (b:Node {{id: {cypher_literal(v)}}}) "
            f"MERGE (a)-[r:{relationship_type(edge.predicate.value)} {{key: {cypher_literal(k)}}}]->(b) "
            f"SET r += {_map(_edge_props(edge))};"
        )
    return "\n".join(lines) + "\n"


def _array_delimiter(values: Iterable[str]) -> str:
    items = list(values)
    for d in _ARRAY_DELIMITERS:
        if not any(d in item for item in items):
            return d
    raise ExportError(
        "every candidate array delimiter (; | ¦ \\x1f) occurs in a list value; "
        "use the Cypher script instead of the neo4j-admin files"
    )


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _cell(value: Any, delim: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return delim.join(_cell(v, delim) for v in value)
    return str(value)


def to_neo4j_import_files(graph: MetaGraph) -> dict[str, str]:
    """Return the files of a ``neo4j-admin database import full`` run: three CSVs and ``import.sh``.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> files = to_neo4j_import_files(MetaGraph([Node(id="il6", name="IL-6", kind="myokine", synonyms=["IL6"])]))
    >>> header, row = files["nodes.csv"].splitlines()[:2]
    >>> header.split(",")[4:]  # doctest: +NORMALIZE_WHITESPACE
    ['synonyms:string[]', 'xrefs:string[]', 'close_matches:string[]', 'broad_matches:string[]',
     'narrow_matches:string[]', 'related_matches:string[]', 'members:string[]', 'description']
    >>> row
    'il6,Node;Myokine,IL-6,myokine,IL6,,,,,,,'
    >>> "--array-delimiter=';'" in files["import.sh"]
    True
    """
    nodes = graph.nodes()
    edges = [graph.edge_model(u, v, k) for u, v, k in graph.nx.edges(keys=True)]
    refs = list(graph.references.values())
    delim = _array_delimiter(
        [
            *(x for n in nodes for x in (*n.synonyms, *n.xrefs, *n.members)),
            *(x for n in nodes for values in node_matches(n).values() for x in values),
            *(x for e in edges for x in (*e.references, *(ev.quote for ev in e.evidence if ev.quote is not None))),
            *(str(x) for e in edges for values in edge_items(e).values() for x in values),
            *(x for r in refs for x in (*r.authors, *r.discrepancies)),
        ]
    )
    node_header = [
        "id:ID(Node)",
        ":LABEL",
        "name",
        "kind",
        "synonyms:string[]",
        "xrefs:string[]",
        *(f"{f}:string[]" for f in MATCH_FIELDS),
        "members:string[]",
        "description",
    ]
    node_rows = [
        [
            n.id,
            delim.join(["Node", label_of(n.kind.value)]),
            n.name,
            n.kind.value,
            _cell(n.synonyms, delim),
            _cell(n.xrefs, delim),
            *(_cell(values, delim) for values in node_matches(n).values()),
            _cell(n.members, delim),
            n.description,
        ]
        for n in nodes
    ]
    ref_header = [
        "key:ID(Reference)",
        ":LABEL",
        "type",
        "title",
        "authors:string[]",
        "journal",
        "year:int",
        "volume",
        "issue",
        "pages",
        "doi",
        "pmid",
        "url",
        "as_cited",
        "discrepancies:string[]",
        "note",
    ]
    ref_rows = [[r.key, "Reference", *(_cell(getattr(r, f), delim) for f in _REFERENCE_FIELDS)] for r in refs]
    rel_header = [
        ":START_ID(Node)",
        ":END_ID(Node)",
        ":TYPE",
        "key",
        "predicate",
        "sign:int",
        "transmits:boolean",
        "location",
        "modality",
        "magnitude",
        "timescale",
        "mechanism",
        "negated:boolean",
        "summary:boolean",
        "contested:boolean",
        "inferred:boolean",
        "hedged:boolean",
        "note",
        "references:string[]",
        "quotes:string[]",
        "evidence_types:string[]",
        "evidence_hedged:boolean[]",
        "stances:string[]",
        "species:string[]",
        "systems:string[]",
        "findings:string[]",
        "evidence",
    ]
    rel_rows = []
    for e in edges:
        p = _edge_props(e)
        rel_rows.append(
            [
                e.source,
                e.target,
                relationship_type(e.predicate.value),
                e.key,
                *(_cell(p.get(c.partition(":")[0]), delim) for c in rel_header[4:]),
            ]
        )
    script = (
        "#!/bin/sh\n"
        "# Load these files into a new, empty Neo4j 5 database (default name: neo4j), offline:\n"
        "#   sh import.sh [DATABASE]   then start Neo4j (for a new name: CREATE DATABASE name).\n"
        'cd "$(dirname "$0")" || exit 1\n'
        "neo4j-admin database import full \\\n"
        "  --nodes=nodes.csv --nodes=references.csv --relationships=relationships.csv \\\n"
        f"  --array-delimiter='{delim}' --multiline-fields=true --overwrite-destination=false \\\n"
        '  "${1:-neo4j}"\n'
    )
    return {
        "nodes.csv": _csv(node_header, node_rows),
        "references.csv": _csv(ref_header, ref_rows),
        "relationships.csv": _csv(rel_header, rel_rows),
        "import.sh": script,
    }
