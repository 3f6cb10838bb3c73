"""The graph for Neo4j, FalkorDB and Kùzu: a Cypher script per engine, and neo4j-admin CSV files.

Every dialect builds the same graph. A node gets the label ``Node`` and its kind as a second label
(``:Node:Myokine``; in Kùzu, whose nodes live in typed tables, the kind's table
``Myokine``), with properties ``id``, ``name``, ``kind``, ``synonyms``, ``xrefs``
(exact matches), ``close_matches``, ``broad_matches``, ``narrow_matches``,
``related_matches`` (approximate ones), ``members``, ``description``. An edge becomes a
relationship whose type is its predicate in upper snake case (``ACTIVATES``,
``CLEAVED_INTO``), with ``key``, ``predicate``, ``sign``, ``transmits`` (a chain of effects
may pass it: its predicate carries an effect and the claim is not denied, as in
:mod:`metagraph.graph`), the qualifiers that are set, the evidence model: ``negated``,
``summary``, ``contested``, ``inferred``, ``hedged`` and the items' fields as lists aligned
item by item: ``evidence_types`` (ECO terms), ``evidence_hedged``, ``stances``, ``species``,
``systems``, ``findings``, ``references`` (cited keys), ``quotes`` and ``evidence`` (the
records as JSON text: Neo4j properties cannot hold maps). Each reference is a
``:Reference`` node keyed by ``key``. In Neo4j and FalkorDB absent values and empty lists
are not written (they have no null property).

* :func:`to_cypher`: a script for one of the :data:`DIALECTS`:

  - ``neo4j`` (``cypher-shell -f graph.cypher``): uniqueness constraints on ``Node.id`` and
    ``Reference.key``, then ``UNWIND`` batches of :data:`BATCH` rows that ``MERGE`` on them,
    so running the script twice leaves one copy;
  - ``falkordb``: the same statements behind ``CREATE INDEX`` (FalkorDB's constraints are
    a separate command, not Cypher), one statement per line, for ``graph.query``;
  - ``kuzu``: the schema's DDL and batched ``CREATE`` (:mod:`metagraph.interop.kuzu_cypher`).

  Strings are single-quoted with backslash escapes: for Neo4j ``\\'``, ``\\\\``, ``\\n``,
  ``\\r``, ``\\t``, ``\\b``, ``\\f`` and ``\\uXXXX`` for other control characters; FalkorDB
  reads only ``\\'``, ``\\\\``, ``\\n`` and ``\\r``, so other control characters are
  written as themselves (and the NUL character, which it cannot hold, is an error);
  Kùzu's escaping is its own.
* :func:`to_neo4j_import_files`: ``nodes.csv``, ``references.csv``,
  ``relationships.csv`` with typed headers (``id:ID(Node)``, ``:LABEL``,
  ``synonyms:string[]``, ``:START_ID(Node)``, ``:END_ID(Node)``, ``:TYPE``, ``sign:int``...)
  and ``import.sh``, the ``neo4j-admin database import full`` command that loads them
  (with the array delimiter chosen so that no list item contains it).
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from metagraph.errors import ExportError
from metagraph.interop._evidence import MATCH_FIELDS, edge_flags, edge_items, node_matches
from metagraph.interop._plain import ECO, edge_values, evidence_json, node_values, plain_edges, vocabulary_key
from metagraph.schema import Predicate, spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Evidence, Node, Reference

__all__ = [
    "BATCH",
    "DIALECTS",
    "cypher_chunks",
    "cypher_literal",
    "edge_record",
    "label_of",
    "neo4j_import_chunks",
    "relationship_type",
    "to_cypher",
    "to_neo4j_import_files",
]

#: The Cypher dialects of :func:`to_cypher`, the first being the default.
DIALECTS = ("neo4j", "falkordb", "kuzu")
#: Rows per ``UNWIND`` statement in the Neo4j and FalkorDB scripts.
BATCH = 1000

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# control characters (C0, DEL, C1) have no short escape: \\u followed by four hex digits
_TRANSLATION = {
    **{c: f"\\u{c:04x}" for c in (*range(0x20), *range(0x7F, 0xA0))},
    **{ord(ch): esc for ch, esc in _ESCAPES.items()},
}
_NEEDS_ESCAPE = re.compile(r"[\\'\x00-\x1f\x7f-\x9f]")
_FALKORDB_NEEDS_ESCAPE = re.compile(r"[\\'\n\r\x00]")
# between the items of a list of strings that need no escape
_SEP = "', '"
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


def _literal_writer(needs_escape: re.Pattern[str], table: Mapping[int, str]) -> Callable[[Any], str]:
    def literal(value: Any) -> str:
        kind = type(value)
        if kind is str:  # the common case first: an export writes millions of these
            text: str = value
            # most strings need no escape: one regular-expression scan, not a loop per character
            if needs_escape.search(text) is None:
                return "'" + text + "'"
            return "'" + text.translate(table) + "'"
        if kind is list or kind is tuple:
            return "[" + ", ".join([literal(v) for v in value]) + "]"
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
            return literal(str(value))
        if isinstance(value, (list, tuple)):
            return literal(list(value))
        raise ExportError(f"Cypher has no literal for a {type(value).__name__}")

    return literal


_neo4j_literal = _literal_writer(_NEEDS_ESCAPE, _TRANSLATION)


class _FalkorTable(dict[int, str]):
    """FalkorDB's escapes; the NUL character, which it cannot hold in a string, is an error."""

    def __missing__(self, key: int) -> str:
        if key == 0:
            raise ExportError("FalkorDB cannot hold the NUL character (\\x00) in a string; remove it from the data")
        raise LookupError(key)  # str.translate then keeps the character


# FalkorDB reads \\ \' \n \r and no \u escape; other control characters go in as themselves
# (the script has one statement per line, so only the line breaks must be escaped)
_falkordb_literal = _literal_writer(
    _FALKORDB_NEEDS_ESCAPE,
    _FalkorTable({ord("\\"): "\\\\", ord("'"): "\\'", ord("\n"): "\\n", ord("\r"): "\\r"}),
)


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
    return _neo4j_literal(value)


def _map(props: Mapping[str, Any], literal: Callable[[Any], str] = _neo4j_literal) -> str:
    return "{" + ", ".join([f"{k}: {literal(v)}" for k, v in props.items()]) + "}"


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
        # as in the library's graph: a denied claim carries no effect
        "transmits": spec(edge.predicate).transmits and not edge.negated,
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
        "evidence": _evidence_json(edge),
    }


@functools.cache
def _evidence_adapter() -> TypeAdapter[list[Evidence]]:
    from metagraph.models import Evidence

    return TypeAdapter(list[Evidence])


def _evidence_json(edge: Edge) -> str:
    # pydantic's own JSON writer: several times faster than model_dump then json.dumps, which
    # matters at a million edges; compact, with non-ASCII characters as themselves
    return _evidence_adapter().dump_json(edge.evidence, exclude_none=True).decode("utf-8")


def _edge_props(edge: Edge) -> dict[str, Any]:
    return _present(edge_record(edge))


def _reference_props(ref: Reference) -> dict[str, Any]:
    data = ref.model_dump(mode="json")
    return _present({f: data[f] for f in _REFERENCE_FIELDS})


def _check_dialect(dialect: str) -> str:
    name = str(dialect).strip().casefold()
    if name not in DIALECTS:
        raise ExportError(f"unknown Cypher dialect {dialect!r}; use one of: {', '.join(DIALECTS)}")
    return name


def _unwind(rows: list[str], statement: str) -> Iterator[str]:
    for start in range(0, len(rows), BATCH):
        yield "UNWIND [" + ", ".join(rows[start : start + BATCH]) + "] AS row " + statement + ";\n"


def cypher_chunks(graph: MetaGraph, *, dialect: str = "neo4j") -> Iterator[str]:
    """Yield the script of :func:`to_cypher` piece by piece (a file can be written without holding it whole).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> for chunk in cypher_chunks(MetaGraph([Node(id="x", name="X", kind="signal")]), dialect="falkordb"):
    ...     print(chunk[:96].rstrip())  # doctest: +ELLIPSIS
    // metagraph: 1 nodes, 0 relationships, 0 references, for FalkorDB.
    // One statement per line...
    CREATE INDEX FOR (n:Node) ON (n.id);
    CREATE INDEX FOR (r:Reference) ON (r.key);
    UNWIND [{id: 'x', props: {name: 'X', kind: 'signal'}}] AS row MERGE (n:Node {id: row.id}) SET n...
    """
    name = _check_dialect(dialect)
    if name == "kuzu":
        from metagraph.interop.kuzu_cypher import kuzu_chunks

        yield from kuzu_chunks(graph)
        return
    yield (
        f"// metagraph: {len(graph)} nodes, {graph.nx.number_of_edges()} relationships, "
        f"{len(graph.references)} references, for {'FalkorDB' if name == 'falkordb' else 'Neo4j'}.\n"
    )
    if name == "neo4j":
        yield "// Run with: cypher-shell -f graph.cypher   (MERGE: running it twice leaves one copy)\n"
        yield "CREATE CONSTRAINT metagraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n"
        yield "CREATE CONSTRAINT metagraph_reference_key IF NOT EXISTS FOR (r:Reference) REQUIRE r.key IS UNIQUE;\n"
    else:
        yield "// One statement per line: run each with graph.query (MERGE: running it twice leaves one copy)\n"
        yield "CREATE INDEX FOR (n:Node) ON (n.id);\n"
        yield "CREATE INDEX FOR (r:Reference) ON (r.key);\n"
    lit = _falkordb_literal if name == "falkordb" else _neo4j_literal
    needs_escape = _FALKORDB_NEEDS_ESCAPE if name == "falkordb" else _NEEDS_ESCAPE
    by_kind: dict[str, list[str]] = {}
    for ident, attrs in graph.nx.nodes(data=True):
        by_kind.setdefault(attrs["kind"], []).append(
            f"{{id: {lit(ident)}, props: {_map(_present(node_values(attrs)), lit)}}}"
        )
    for kind, rows in by_kind.items():
        yield from _unwind(rows, f"MERGE (n:Node {{id: row.id}}) SET n:{label_of(kind)}, n += row.props")
    refs = [f"{{key: {lit(ref.key)}, props: {_map(_reference_props(ref), lit)}}}" for ref in graph.references.values()]
    yield from _unwind(refs, "MERGE (r:Reference {key: row.key}) SET r += row.props")
    by_predicate: dict[str, list[str]] = {}
    vocabulary: dict[tuple[tuple[Any, ...], ...], tuple[str, str]] = {}
    for u, v, k, attrs in plain_edges(graph):
        predicate = attrs["predicate"]
        batch = by_predicate.get(predicate)
        if batch is None:
            batch = by_predicate[predicate] = []
        batch.append(_edge_row(u, v, k, attrs, lit, needs_escape, vocabulary))
        if len(batch) >= BATCH:
            # write a full batch at once, so that at most one batch per predicate is held
            yield from _edges(predicate, by_predicate.pop(predicate))
    for predicate, rows in by_predicate.items():
        yield from _edges(predicate, rows)


_BOOLEAN = ("false", "true")


def _edge_row(
    u: str,
    v: str,
    k: str,
    attrs: Mapping[str, Any],
    lit: Callable[[Any], str],
    needs_escape: re.Pattern[str],
    vocabulary: dict[tuple[tuple[Any, ...], ...], tuple[str, str]],
) -> str:
    """One edge's row of an ``UNWIND`` batch, from the graph's plain attributes.

    A million edges make tens of millions of values: the common row, whose text needs no
    escape (one scan of its free text tells), is written with one format per value and
    no literal calls; any other row goes through the literal writer value by value. Both
    give the same text.
    """
    evidence = attrs["evidence"]
    evidence_text = evidence_json(evidence)
    location, modality, note = attrs["location"], attrs["modality"], attrs["note"]
    free = f"{u} {v} {k} {location} {modality} {note} {evidence_text}"
    if needs_escape.search(free) is not None:
        props = _map(_present(edge_values(attrs)), lit)
        return f"{{source: {lit(u)}, target: {lit(v)}, key: {lit(k)}, props: {props}}}"
    parts = [
        f"{{source: '{u}', target: '{v}', key: '{k}', props: {{predicate: '{attrs['predicate']}', "
        f"sign: {attrs['sign']}, transmits: {_BOOLEAN[attrs['transmits']]}"
    ]
    if location is not None:
        parts.append(f", location: '{location}'")
    if modality is not None:
        parts.append(f", modality: '{modality}'")
    for field in ("magnitude", "timescale", "mechanism"):
        value = attrs[field]
        if value is not None:
            parts.append(f", {field}: '{value}'")
    quotes = list(dict.fromkeys([q for ev in evidence if (q := ev["quote"]) is not None]))
    # the items' vocabulary words, formatted once per combination (edges share a few)
    key = vocabulary_key(evidence)
    flags, lists = vocabulary.get(key) or vocabulary.setdefault(key, _vocabulary_text(evidence))
    parts.append(
        f", negated: {_BOOLEAN[attrs['negated']]}, summary: {_BOOLEAN[attrs['summary']]}{flags}"
        f", hedged: {_BOOLEAN[attrs['hedged']]}"
    )
    if note is not None:
        parts.append(f", note: '{note}'")
    parts.append(f", references: ['{_SEP.join(dict.fromkeys([ev['reference'] for ev in evidence]))}']")
    if quotes:
        parts.append(f", quotes: ['{_SEP.join(quotes)}']")
    parts.append(
        f"{lists}, findings: ['{_SEP.join([ev['finding'] or '' for ev in evidence])}'], evidence: '{evidence_text}'}}}}"
    )
    return "".join(parts)


def _vocabulary_text(evidence: list[dict[str, Any]]) -> tuple[str, str]:
    # ", contested: ..., inferred: ..." and ", evidence_types: [...] ... systems: [...]" of a row
    flags = (
        f", contested: {_BOOLEAN['contradicts' in [ev['stance'] for ev in evidence]]}"
        f", inferred: {_BOOLEAN[[ev['type'] for ev in evidence].count('curator_inference') == len(evidence)]}"
    )
    lists = (
        f", evidence_types: ['{_SEP.join([ECO[ev['type']] for ev in evidence])}']"
        f", evidence_hedged: [{', '.join([_BOOLEAN[ev['hedged']] for ev in evidence])}]"
        f", stances: ['{_SEP.join([ev['stance'] for ev in evidence])}']"
        f", species: ['{_SEP.join([ev['species'] or '' for ev in evidence])}']"
        f", systems: ['{_SEP.join([ev['system'] or '' for ev in evidence])}']"
    )
    return flags, lists


def _edges(predicate: str, rows: list[str]) -> Iterator[str]:
    yield from _unwind(
        rows,
        "MATCH (a:Node {id: row.source}), (b:Node {id: row.target}) "
        f"MERGE (a)-[r:{relationship_type(predicate)} {{key: row.key}}]->(b) SET r += row.props",
    )


def to_cypher(graph: MetaGraph, *, dialect: str = "neo4j") -> str:
    """Return a Cypher script that builds the graph in Neo4j, FalkorDB or Kùzu.

    Parameters
    ----------
    graph
        The graph.
    dialect
        ``"neo4j"`` (the default), ``"falkordb"`` or ``"kuzu"`` (see the module docstring).

    Returns
    -------
    str
        The script: one statement per line for Neo4j and FalkorDB (``UNWIND`` batches of
        :data:`BATCH` rows, ``MERGE``: running it twice leaves one copy); DDL and batched
        ``CREATE`` for Kùzu (run it in an empty database).

    Raises
    ------
    ExportError
        An unknown dialect.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="fndc5", name="FNDC5", kind="signal"), Node(id="irisin", name="irisin",
    ...                 kind="myokine")], [Edge(source="fndc5", target="irisin", predicate="cleaved_into",
    ...                 evidence=[{"reference": "r", "quote": "FNDC5 is cleaved into irisin"}])],
    ...                [Reference(key="r", title="O'Brien's \\"review\\"")])
    >>> script = to_cypher(kg)
    >>> print([line for line in script.splitlines() if "CLEAVED_INTO" in line][0].split(" AS row ")[1][59:])
    MERGE (a)-[r:CLEAVED_INTO {key: row.key}]->(b) SET r += row.props;
    >>> "title: 'O\\\\'Brien\\\\'s \\"review\\"'" in script
    True
    >>> "CREATE INDEX FOR (n:Node) ON (n.id);" in to_cypher(kg, dialect="falkordb")
    True
    """
    return "".join(cypher_chunks(graph, dialect=dialect))


def _array_delimiter(values: Iterable[str]) -> str:
    free = list(_ARRAY_DELIMITERS)
    for item in values:
        if any(d in item for d in free):
            free = [d for d in free if d not in item]
            if not free:
                break
    if free:
        return free[0]
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
    kind = type(value)  # the common cases first: a million edges make tens of millions of cells
    if kind is str:
        return value  # type: ignore[no-any-return]
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is list or kind is tuple:
        return delim.join([v if type(v) is str else _cell(v, delim) for v in value])
    return str(value)


def _relationship_row(
    u: str,
    v: str,
    k: str,
    attrs: Mapping[str, Any],
    delim: str,
    vocabulary: dict[tuple[tuple[Any, ...], ...], tuple[str, ...]],
) -> list[str]:
    """One edge's row of ``relationships.csv``, from the graph's plain attributes (no model)."""
    evidence = attrs["evidence"]
    # the items' vocabulary words, formatted once per combination (edges share a few)
    key = vocabulary_key(evidence)
    words = vocabulary.get(key)
    if words is None:
        words = vocabulary[key] = (
            _BOOLEAN["contradicts" in [ev["stance"] for ev in evidence]],
            _BOOLEAN[[ev["type"] for ev in evidence].count("curator_inference") == len(evidence)],
            delim.join([ECO[ev["type"]] for ev in evidence]),
            delim.join([_BOOLEAN[ev["hedged"]] for ev in evidence]),
            delim.join([ev["stance"] for ev in evidence]),
            delim.join([ev["species"] or "" for ev in evidence]),
            delim.join([ev["system"] or "" for ev in evidence]),
        )
    return [
        u,
        v,
        _TYPES[attrs["predicate"]],
        k,
        attrs["predicate"],
        str(attrs["sign"]),
        _BOOLEAN[attrs["transmits"]],
        attrs["location"] or "",
        attrs["modality"] or "",
        attrs["magnitude"] or "",
        attrs["timescale"] or "",
        attrs["mechanism"] or "",
        _BOOLEAN[attrs["negated"]],
        _BOOLEAN[attrs["summary"]],
        words[0],
        words[1],
        _BOOLEAN[attrs["hedged"]],
        attrs["note"] or "",
        delim.join(dict.fromkeys([ev["reference"] for ev in evidence])),
        delim.join(dict.fromkeys([q for ev in evidence if (q := ev["quote"]) is not None])),
        *words[2:],
        delim.join([ev["finding"] or "" for ev in evidence]),
        evidence_json(evidence),
    ]


_TYPES = {p.value: relationship_type(p.value) for p in Predicate}
# what makes the csv module quote a cell (besides the comma, counted apart)
_CSV_QUOTED = re.compile('["\r\n\x00]')
_NODE_LISTS = ("synonyms", "xrefs", *MATCH_FIELDS, "members")


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
    return {name: text if isinstance(text, str) else "".join(text) for name, text in neo4j_import_chunks(graph).items()}


def neo4j_import_chunks(graph: MetaGraph) -> dict[str, str | Iterator[str]]:
    """Return the files of :func:`to_neo4j_import_files`, ``relationships.csv`` as pieces to write one by one.

    At a million edges the relationships file would not fit in memory with its rows.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> files = neo4j_import_chunks(MetaGraph([Node(id="il6", name="IL-6", kind="myokine")]))
    >>> list(files), "".join(files["relationships.csv"]).count("\\n")
    (['nodes.csv', 'references.csv', 'relationships.csv', 'import.sh'], 1)
    """
    nodes = [(ident, node_values(attrs)) for ident, attrs in graph.nx.nodes(data=True)]
    edges = plain_edges(graph)
    refs = list(graph.references.values())

    def edge_values() -> Iterator[str]:
        # the edges are read twice, never held: for the delimiter, then for the rows. Their list
        # items that are free text (cited keys, quotes, findings; the others are vocabulary words)
        # are tested as one text per 10,000 edges: a delimiter in it is in one of them
        for start in range(0, len(edges), 10_000):
            yield "\n".join(
                [
                    f"{ev['reference']}\n{ev['quote'] or ''}\n{ev['finding'] or ''}"
                    for _, _, _, attrs in edges[start : start + 10_000]
                    for ev in attrs["evidence"]
                ]
            )

    delim = _array_delimiter(
        itertools.chain(
            (x for _, n in nodes for f in _NODE_LISTS for x in n[f]),
            edge_values(),
            (x for r in refs for x in (*r.authors, *r.discrepancies)),
        )
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
            ident,
            delim.join(["Node", label_of(n["kind"])]),
            n["name"],
            n["kind"],
            *(delim.join(n[f]) for f in _NODE_LISTS),
            n["description"],
        ]
        for ident, n in nodes
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

    def relationships() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(rel_header)
        vocabulary: dict[tuple[tuple[Any, ...], ...], tuple[str, ...]] = {}
        write = buf.write
        for start in range(0, len(edges), 10_000):
            for u, v, k, attrs in edges[start : start + 10_000]:
                cells = _relationship_row(u, v, k, attrs, delim, vocabulary)
                line = ",".join(cells[:-1])
                # the csv module's text, written without it when no cell but the evidence needs quoting
                # (the evidence JSON always does: it holds quotes, and never a line break)
                if line.count(",") == len(cells) - 2 and _CSV_QUOTED.search(line) is None:
                    evidence = cells[-1].replace('"', '""')
                    write(f'{line},"{evidence}"\n')
                else:
                    writer.writerow(cells)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()

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
        "relationships.csv": relationships(),
        "import.sh": script,
    }
