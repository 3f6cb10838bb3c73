"""The graph as a Cypher script that Kùzu runs unchanged (``cypher-kuzu``).

Kùzu is a typed, embedded graph database: each label is a table declared before any
data. The script therefore opens with the schema's DDL: a ``CREATE NODE TABLE`` per
kind (``Myokine``, ``Organ``..., as the Neo4j export labels nodes; primary key ``id``)
and a ``Reference`` table (key ``key``), then a ``CREATE REL TABLE`` per predicate
(``TARGETS``, ``MEMBER_OF``...) over every pair of kinds the schema allows it between.
The data follows as ``UNWIND``-batched ``CREATE`` statements, one batch per kind and one
per predicate and pair of kinds, so a table of any size loads in a few statements. Node
and relationship properties are those of the Neo4j export (:mod:`metagraph.interop.cypher`)
with fixed types; an absent value is ``NULL`` and an empty list ``[]``. A denied claim
(``negated``) is written with ``negated = true``: filter on it to read asserted claims
only.

Kùzu's strings read ``\\\\``, ``\\'`` and ``\\"`` as escapes and every other character,
newlines included, as itself, so strings are written that way (never ``\\n`` or
``\\uXXXX``, which Kùzu would read as the letters). A string with a carriage return or
another control character (which a text file read with universal newlines would not
keep) is written as its UTF-8 bytes, ``decode(BLOB('...\\\\x0D...'))``. Nothing Neo4j-only is written
(no ``CREATE CONSTRAINT``, ``SET n:Label`` or ``SET x += {map}``).

Run it with the ``kuzu`` Python package (``conn.execute(script)`` runs every statement)
or the ``kuzu`` shell. It loads at a few hundred edges a second; for a large graph, the
``kuzu`` export format (:mod:`metagraph.interop.kuzu_bulk`) writes the same tables as
Parquet files for Kùzu's ``COPY FROM``, which loads a million edges in under a minute.

Examples
--------
The myokines that target the liver::

    MATCH (m:Myokine)-[e:TARGETS]->(:Organ {id: 'liver'}) WHERE NOT e.negated RETURN m.name
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from metagraph.errors import ExportError
from metagraph.interop._evidence import MATCH_FIELDS
from metagraph.interop._plain import ECO, edge_values, evidence_json, node_values, plain_edges
from metagraph.interop.cypher import label_of, relationship_type
from metagraph.schema import PREDICATES, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["BATCH", "PlainEdge", "grouped_edges", "kuzu_chunks", "kuzu_literal", "schema_ddl", "to_kuzu_cypher"]

#: Rows per ``UNWIND`` batch.
BATCH = 200

_STR, _LIST, _INT, _BOOL = "STRING", "STRING[]", "INT64", "BOOLEAN"
_NODE_COLUMNS = (
    ("id", _STR),
    ("name", _STR),
    ("kind", _STR),
    ("synonyms", _LIST),
    ("xrefs", _LIST),
    *((f, _LIST) for f in MATCH_FIELDS),
    ("members", _LIST),
    ("description", _STR),
)
_REFERENCE_COLUMNS = (
    ("key", _STR),
    ("type", _STR),
    ("title", _STR),
    ("authors", _LIST),
    ("journal", _STR),
    ("year", _INT),
    ("volume", _STR),
    ("issue", _STR),
    ("pages", _STR),
    ("doi", _STR),
    ("pmid", _STR),
    ("url", _STR),
    ("as_cited", _STR),
    ("discrepancies", _LIST),
    ("note", _STR),
)
_EDGE_COLUMNS = (
    ("key", _STR),
    ("predicate", _STR),
    ("sign", _INT),
    ("transmits", _BOOL),
    ("location", _STR),
    ("modality", _STR),
    ("magnitude", _STR),
    ("timescale", _STR),
    ("mechanism", _STR),
    ("negated", _BOOL),
    ("summary", _BOOL),
    ("contested", _BOOL),
    ("inferred", _BOOL),
    ("hedged", _BOOL),
    ("note", _STR),
    ("references", _LIST),
    ("quotes", _LIST),
    ("evidence_types", _LIST),
    ("evidence", _STR),
)


def kuzu_literal(value: Any, type_: str) -> str:
    """Return ``value`` as a Kùzu literal of the column type ``type_``.

    Parameters
    ----------
    value : Any
        A str, int, bool, list of str, or None.
    type_ : str
        ``STRING``, ``STRING[]``, ``INT64`` or ``BOOLEAN``.

    Returns
    -------
    str
        The literal; ``NULL`` and ``[]`` are cast to the type, so every row of a batch
        has the same type.

    Examples
    --------
    >>> print(kuzu_literal("it's a \\\\ path\\nnext", "STRING"))
    'it\\'s a \\\\ path
    next'
    >>> kuzu_literal([], "STRING[]"), kuzu_literal(None, "INT64"), kuzu_literal(-1, "INT64")
    ('CAST([] AS STRING[])', 'CAST(NULL AS INT64)', '-1')
    """
    if value is None:
        return f"CAST(NULL AS {type_})"
    if type_ == _LIST:
        return f"CAST([{', '.join(kuzu_literal(v, _STR) for v in value)}] AS STRING[])"
    if type_ == _BOOL and isinstance(value, bool):
        return "true" if value else "false"
    if type_ == _INT and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if type_ == _STR and isinstance(value, str):
        # one regular-expression scan per string, not a test per character
        text: str = value
        if _UNSAFE.search(text) is not None:
            return _blob_text(text)
        if "\\" in text or "'" in text:
            text = text.replace("\\", "\\\\").replace("'", "\\'")
        return "'" + text + "'"
    raise ExportError(f"Kùzu export: no {type_} literal for {value!r}")


# a carriage return (or another control character) would not survive a text file read
# with universal newlines, and Kùzu has no escape for it in a string
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _blob_text(value: str) -> str:
    # Kùzu turns \\xHH in a BLOB's text into the byte HH; decode() reads the bytes as UTF-8
    out = []
    for ch in value:
        if " " <= ch <= "~" and ch not in "\\'":
            out.append(ch)
        else:
            out += [f"\\\\x{b:02X}" for b in ch.encode("utf-8")]
    return "decode(BLOB('" + "".join(out) + "'))"


def _ddl(table: str, columns: Sequence[tuple[str, str]], key: str) -> str:
    body = ", ".join(f"{name} {type_}" + (" PRIMARY KEY" if name == key else "") for name, type_ in columns)
    return f"CREATE NODE TABLE {table}({body});"


def _batches(head: str, tail: str, columns: Sequence[tuple[str, str]], rows: list[dict[str, Any]]) -> Iterable[str]:
    for start in range(0, len(rows), BATCH):
        structs = (
            "{" + ", ".join(f"{name}: {kuzu_literal(row.get(name), type_)}" for name, type_ in columns) + "}"
            for row in rows[start : start + BATCH]
        )
        yield f"{head}UNWIND [\n  " + ",\n  ".join(structs) + f"\n] AS row {tail};\n"


def _assign(columns: Sequence[tuple[str, str]], skip: tuple[str, ...] = ()) -> str:
    return ", ".join(f"{name}: row.{name}" for name, _ in columns if name not in skip)


def to_kuzu_cypher(graph: MetaGraph) -> str:
    """Return a Cypher script that builds the graph in Kùzu: DDL, then batched ``CREATE``.

    Parameters
    ----------
    graph
        The graph.

    Returns
    -------
    str
        The script (see the module docstring).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="il6", name="IL-6", kind="myokine"), Node(id="liver", name="Liver", kind="organ")],
    ...                [Edge(source="il6", target="liver", predicate="targets",
    ...                      evidence=[{"reference": "r", "quote": "IL-6 acts on the liver"}])],
    ...                [Reference(key="r", title="O'Brien")])
    >>> script = to_kuzu_cypher(kg)
    >>> "CREATE NODE TABLE Myokine(id STRING PRIMARY KEY" in script
    True
    >>> ddl = [line for line in script.splitlines() if line.startswith("CREATE REL TABLE TARGETS(")][0]
    >>> "FROM Myokine TO Organ" in ddl, "CONSTRAINT" in script
    (True, False)
    """
    return "".join(kuzu_chunks(graph))


#: ``(source, target, key, attributes)`` of an edge (the graph's plain attributes).
PlainEdge = tuple[str, str, str, dict[str, Any]]


def grouped_edges(graph: MetaGraph) -> dict[str, dict[tuple[str, str], list[PlainEdge]]]:
    """The edges by predicate, then by the kinds of their ends (each group fills one ``FROM``-``TO`` pair).

    Examples
    --------
    >>> import metagraph
    >>> groups = grouped_edges(metagraph.load())
    >>> len(groups["targets"][("myokine", "organ")]) > 0
    True
    """
    kinds: dict[str, str] = {ident: attrs["kind"] for ident, attrs in graph.nx.nodes(data=True)}
    # the edges' tuples share the graph's attribute dicts: grouping copies no property
    used: dict[str, dict[tuple[str, str], list[PlainEdge]]] = {}
    for edge in plain_edges(graph):
        u, v, _, attrs = edge
        used.setdefault(attrs["predicate"], {}).setdefault((kinds[u], kinds[v]), []).append(edge)
    return used


def schema_ddl(used: Mapping[str, Mapping[tuple[str, str], object]]) -> list[str]:
    """The ``CREATE NODE TABLE`` and ``CREATE REL TABLE`` statements of the graph's tables in Kùzu.

    A node table per kind and ``Reference``; a relationship table per predicate over every
    pair of kinds the schema allows it between, and any pair ``used`` (the output of
    :func:`grouped_edges`) holds besides.

    Examples
    --------
    >>> ddl = schema_ddl({})
    >>> ddl[0][:50]
    'CREATE NODE TABLE Exercise(id STRING PRIMARY KEY, '
    >>> [line for line in ddl if line.startswith("CREATE REL TABLE MEMBER_OF(")][0][:60]
    'CREATE REL TABLE MEMBER_OF(FROM Gene TO Gene, FROM Gene TO S'
    """
    lines = [_ddl(label_of(kind.value), _NODE_COLUMNS, "id") for kind in Kind]
    lines.append(_ddl("Reference", _REFERENCE_COLUMNS, "key"))
    columns = ", ".join(f"{name} {type_}" for name, type_ in _EDGE_COLUMNS)
    for pred, rule in PREDICATES.items():
        # in the order of Kind (a frozenset's order changes from run to run; the file must not)
        pairs = dict.fromkeys((s.value, t.value) for s in Kind for t in Kind if s in rule.sources and t in rule.targets)
        pairs.update(dict.fromkeys(used.get(pred.value, {})))
        ends = ", ".join(f"FROM {label_of(s)} TO {label_of(t)}" for s, t in pairs)
        lines.append(f"CREATE REL TABLE {relationship_type(pred.value)}({ends}, {columns});")
    return lines


def kuzu_chunks(graph: MetaGraph) -> Iterator[str]:
    """Yield the script of :func:`to_kuzu_cypher` piece by piece (a file can be written without holding it whole).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> next(kuzu_chunks(MetaGraph([Node(id="x", name="X", kind="signal")])))[:25]
    '// metagraph: 1 nodes, 0 '
    """
    yield (
        f"// metagraph: {len(graph)} nodes, {graph.nx.number_of_edges()} relationships, "
        f"{len(graph.references)} references, for Kùzu (run it in an empty database).\n"
    )
    used = grouped_edges(graph)
    yield from (line + "\n" for line in schema_ddl(used))
    nodes = graph.nx.nodes
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for ident, attrs in nodes(data=True):
        by_kind.setdefault(attrs["kind"], []).append({"id": ident, **node_values(attrs)})
    for kind_value, rows in by_kind.items():
        yield from _batches("", f"CREATE (:{label_of(kind_value)} {{{_assign(_NODE_COLUMNS)}}})", _NODE_COLUMNS, rows)
    refs = [r.model_dump(mode="json") for r in graph.references.values()]
    yield from _batches("", f"CREATE (:Reference {{{_assign(_REFERENCE_COLUMNS)}}})", _REFERENCE_COLUMNS, refs)
    for pred_value, by_pair in used.items():
        for (s, t), edges in by_pair.items():
            tail = (
                f"MATCH (a:{label_of(s)} {{id: row.source}}), (b:{label_of(t)} {{id: row.target}}) "
                f"CREATE (a)-[:{relationship_type(pred_value)} {{{_assign(_EDGE_COLUMNS)}}}]->(b)"
            )
            for start in range(0, len(edges), BATCH):
                structs = [_edge_struct(u, v, k, attrs) for u, v, k, attrs in edges[start : start + BATCH]]
                yield "UNWIND [\n  " + ",\n  ".join(structs) + f"\n] AS row {tail};\n"


_ENDS_COLUMNS = (("source", _STR), ("target", _STR), *_EDGE_COLUMNS)
_EDGE_NAMES = [name for name, _ in _EDGE_COLUMNS if name != "key"]
_NEEDS_ESCAPE = re.compile(r"[\\'\x00-\x08\x0b-\x1f\x7f]")
_NULL = "CAST(NULL AS STRING)"
_BOOLEAN = ("false", "true")
_SEP = "', '"


def _list(values: list[str]) -> str:
    return f"CAST(['{_SEP.join(values)}'] AS STRING[])" if values else "CAST([] AS STRING[])"


def _edge_struct(u: str, v: str, k: str, attrs: dict[str, Any]) -> str:
    """One edge's struct of an ``UNWIND`` batch, from the graph's plain attributes.

    The common edge, whose text needs no escape (one scan of its free text tells), is
    written with one format; any other goes through :func:`kuzu_literal` value by value.
    Both give the same text.
    """
    evidence = attrs["evidence"]
    evidence_text = evidence_json(evidence)
    location, modality, note = attrs["location"], attrs["modality"], attrs["note"]
    if _NEEDS_ESCAPE.search(f"{u} {v} {k} {location} {modality} {note} {evidence_text}") is not None:
        record = edge_values(attrs)
        row = {"source": u, "target": v, "key": k, **{name: record[name] for name in _EDGE_NAMES}}
        return "{" + ", ".join(f"{name}: {kuzu_literal(row[name], type_)}" for name, type_ in _ENDS_COLUMNS) + "}"
    optional = [
        _NULL if (value := attrs[name]) is None else f"'{value}'"
        for name in ("location", "modality", "magnitude", "timescale", "mechanism", "note")
    ]
    return (
        f"{{source: '{u}', target: '{v}', key: '{k}', predicate: '{attrs['predicate']}', sign: {attrs['sign']}, "
        f"transmits: {_BOOLEAN[attrs['transmits']]}, location: {optional[0]}, modality: {optional[1]}, "
        f"magnitude: {optional[2]}, timescale: {optional[3]}, mechanism: {optional[4]}, "
        f"negated: {_BOOLEAN[attrs['negated']]}, summary: {_BOOLEAN[attrs['summary']]}, "
        f"contested: {_BOOLEAN['contradicts' in [ev['stance'] for ev in evidence]]}, "
        f"inferred: {_BOOLEAN[[ev['type'] for ev in evidence].count('curator_inference') == len(evidence)]}, "
        f"hedged: {_BOOLEAN[attrs['hedged']]}, note: {optional[5]}, "
        f"references: {_list(list(dict.fromkeys([ev['reference'] for ev in evidence])))}, "
        f"quotes: {_list(list(dict.fromkeys([q for ev in evidence if (q := ev['quote']) is not None])))}, "
        f"evidence_types: {_list([ECO[ev['type']] for ev in evidence])}, evidence: '{evidence_text}'}}"
    )
