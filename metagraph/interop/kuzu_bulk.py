"""The graph as Kùzu bulk-load files: Parquet tables and a ``load.cypher`` of ``COPY FROM`` statements.

The Cypher script for Kùzu (:mod:`metagraph.interop.kuzu_cypher`) creates the graph
statement by statement, which takes hours at a million edges. This export (format
``kuzu``, a folder) writes the same tables as files Kùzu's bulk loader reads
directly: one Parquet file per node table (``nodes_Myokine.parquet``...), one for the
references (``references.parquet``) and one per relationship table and pair of node
tables (``TARGETS_Myokine_Organ.parquet``: the ``from`` and ``to`` ids, then the
properties), and ``load.cypher``: the same ``CREATE NODE TABLE``/``CREATE REL TABLE``
statements as the script, then one ``COPY ... FROM`` per file, one statement a line.
The database it builds is the script's: the same tables, columns, rows and values, so
the queries of :mod:`metagraph.interop.dbqueries` give the same answers.

Parquet, not CSV: Kùzu's CSV reader reads an empty string as ``NULL`` and does not
unquote the items of a list, so a name with a comma or a quote in a list of synonyms
would not come back as it was; Parquet keeps strings (newlines, quotes, backslashes,
any character), empty strings, ``NULL`` and lists exactly. It needs ``pyarrow``
(``pip install exercise-metagraph[parquet]``).

``load.cypher`` names its files relative to its folder, and Kùzu reads a relative path
from the directory it runs in: run the statements from the folder (``cd`` into it
first), or load with :func:`load_kuzu`, which gives Kùzu the files' full paths.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph.errors import ExportError
from metagraph.interop._plain import edge_values, evidence_json, node_values, vocabulary_key
from metagraph.interop.cypher import label_of, relationship_type
from metagraph.interop.kuzu_cypher import (
    _EDGE_COLUMNS,
    _NODE_COLUMNS,
    _REFERENCE_COLUMNS,
    PlainEdge,
    grouped_edges,
    schema_ddl,
)

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["SCRIPT", "kuzu_bulk_files", "load_kuzu"]

#: The name of the statements' file in the folder.
SCRIPT = "load.cypher"
# rows per Parquet row group: Kùzu reads the groups of a file in parallel
_ROW_GROUP = 131_072
_NODE_NAMES = [name for name, _ in _NODE_COLUMNS if name != "id"]
_EDGE_NAMES = [name for name, _ in _EDGE_COLUMNS if name != "key"]


def _pyarrow() -> tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, imported when the export runs (an optional dependency)."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ExportError(
            "the kuzu export writes Parquet files, which needs pyarrow: pip install 'exercise-metagraph[parquet]' "
            "(or export the Cypher script with --dialect kuzu, which needs nothing more but loads slowly)"
        ) from None


def _parquet(columns: Sequence[tuple[str, str]], values: dict[str, list[Any]]) -> Iterator[bytes]:
    pa, pq = _pyarrow()
    types = {"STRING": pa.string(), "STRING[]": pa.list_(pa.string()), "INT64": pa.int64(), "BOOLEAN": pa.bool_()}
    schema = pa.schema([(name, types[type_]) for name, type_ in columns])
    table = pa.table([pa.array(values[name], type=schema.field(name).type) for name, _ in columns], schema=schema)
    values.clear()  # the Python lists are not needed once the columns are built
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, row_group_size=_ROW_GROUP)
    yield sink.getvalue().to_pybytes()


def _node_file(rows: list[tuple[str, dict[str, Any]]]) -> Iterator[bytes]:
    values = {"id": [ident for ident, _ in rows], **{name: [r[name] for _, r in rows] for name in _NODE_NAMES}}
    yield from _parquet(_NODE_COLUMNS, values)


def _reference_file(graph: MetaGraph) -> Iterator[bytes]:
    refs = [r.model_dump(mode="json") for r in graph.references.values()]
    yield from _parquet(_REFERENCE_COLUMNS, {name: [r[name] for r in refs] for name, _ in _REFERENCE_COLUMNS})


def _edge_file(edges: list[PlainEdge]) -> Iterator[bytes]:
    # built when the file is written, one file at a time: the rows of a million edges at once would not be small
    columns: dict[str, list[Any]] = {name: [] for name in ("from", "to", "key", *_EDGE_NAMES)}
    plain = [columns[name].append for name in _PLAIN_COLUMNS]
    add_from, add_to, add_key = columns["from"].append, columns["to"].append, columns["key"].append
    add_contested, add_inferred = columns["contested"].append, columns["inferred"].append
    add_references, add_quotes = columns["references"].append, columns["quotes"].append
    add_types, add_evidence = columns["evidence_types"].append, columns["evidence"].append
    # the items' vocabulary words, worked out once per combination (edges share a few)
    vocabulary: dict[tuple[tuple[Any, ...], ...], tuple[bool, bool, list[str]]] = {}
    for u, v, k, attrs in edges:
        evidence = attrs["evidence"]
        key = vocabulary_key(evidence)
        words = vocabulary.get(key)
        if words is None:
            record = edge_values(attrs)
            words = vocabulary[key] = (record["contested"], record["inferred"], record["evidence_types"])
        add_from(u)
        add_to(v)
        add_key(k)
        for add, name in zip(plain, _PLAIN_COLUMNS, strict=True):
            add(attrs[name])
        add_contested(words[0])
        add_inferred(words[1])
        add_references(list(dict.fromkeys([ev["reference"] for ev in evidence])))
        add_quotes(list(dict.fromkeys([q for ev in evidence if (q := ev["quote"]) is not None])))
        add_types(words[2])
        add_evidence(evidence_json(evidence))
    yield from _parquet((("from", "STRING"), ("to", "STRING"), *_EDGE_COLUMNS), columns)


# the relationship columns that are an edge's plain attributes as they are
_PLAIN_COLUMNS = (
    "predicate",
    "sign",
    "transmits",
    "location",
    "modality",
    "magnitude",
    "timescale",
    "mechanism",
    "negated",
    "summary",
    "hedged",
    "note",
)


def kuzu_bulk_files(graph: MetaGraph) -> dict[str, str | Iterable[bytes]]:
    """Return the files of the Kùzu bulk load: ``load.cypher`` (text) and the Parquet tables (bytes).

    Each Parquet file's bytes are made when it is written (one at a time), so a large
    graph's files need not fit in memory together.

    Parameters
    ----------
    graph
        The graph.

    Returns
    -------
    dict
        File name → text (``load.cypher``) or an iterable of the file's bytes.

    Raises
    ------
    ExportError
        ``pyarrow`` is not installed.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="il6", name="IL-6", kind="myokine"), Node(id="liver", name="Liver", kind="organ")],
    ...                [Edge(source="il6", target="liver", predicate="targets",
    ...                      evidence=[{"reference": "r", "quote": "IL-6 acts on the liver"}])],
    ...                [Reference(key="r", title="T")])
    >>> files = kuzu_bulk_files(kg)
    >>> sorted(files)  # doctest: +NORMALIZE_WHITESPACE
    ['TARGETS_Myokine_Organ.parquet', 'load.cypher', 'nodes_Myokine.parquet', 'nodes_Organ.parquet',
     'references.parquet']
    >>> print("\\n".join(line for line in files["load.cypher"].splitlines() if line.startswith("COPY")))
    COPY Myokine FROM 'nodes_Myokine.parquet';
    COPY Organ FROM 'nodes_Organ.parquet';
    COPY Reference FROM 'references.parquet';
    COPY TARGETS FROM 'TARGETS_Myokine_Organ.parquet' (from='Myokine', to='Organ');
    """
    _pyarrow()
    used = grouped_edges(graph)
    lines = [
        f"// metagraph: {len(graph)} nodes, {graph.nx.number_of_edges()} relationships, "
        f"{len(graph.references)} references, for Kùzu: run in an empty database, from this folder "
        "(Kùzu reads the file names relative to where it runs), or with metagraph.interop.kuzu_bulk.load_kuzu.",
        *schema_ddl(used),
    ]
    files: dict[str, str | Iterable[bytes]] = {}
    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for ident, attrs in graph.nx.nodes(data=True):
        by_kind.setdefault(attrs["kind"], []).append((ident, node_values(attrs)))
    for kind, rows in by_kind.items():
        name = f"nodes_{label_of(kind)}.parquet"
        files[name] = _node_file(rows)
        lines.append(f"COPY {label_of(kind)} FROM '{name}';")
    if graph.references:
        files["references.parquet"] = _reference_file(graph)
        lines.append("COPY Reference FROM 'references.parquet';")
    for predicate, by_pair in used.items():
        table = relationship_type(predicate)
        for (source, target), edges in by_pair.items():
            name = f"{table}_{label_of(source)}_{label_of(target)}.parquet"
            files[name] = _edge_file(edges)
            lines.append(f"COPY {table} FROM '{name}' (from='{label_of(source)}', to='{label_of(target)}');")
    return {SCRIPT: "\n".join(lines) + "\n", **files}


def load_kuzu(folder: str | os.PathLike[str], connection: Any) -> int:
    """Run a ``kuzu`` export's ``load.cypher`` in Kùzu, its files named by their full paths.

    Parameters
    ----------
    folder
        The folder :func:`metagraph.export` wrote with ``format="kuzu"``.
    connection
        A ``kuzu.Connection`` to an empty database.

    Returns
    -------
    int
        The number of statements run.

    Raises
    ------
    ExportError
        The folder has no ``load.cypher``.

    Examples
    --------
    >>> import kuzu, pathlib, tempfile, metagraph
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> folder = metagraph.load().export(tmp / "graph.kuzu", format="kuzu")
    >>> conn = kuzu.Connection(kuzu.Database(str(tmp / "db")))
    >>> load_kuzu(folder, conn) > 0
    True
    >>> conn.execute("MATCH (m:Myokine)-[e:TARGETS]->(:Organ {id: 'liver'}) RETURN count(*)").get_next()[0] > 0
    True
    """
    root = Path(folder).resolve()
    script = root / SCRIPT
    if not script.is_file():
        raise ExportError(f"{root} has no {SCRIPT}; write the folder with metagraph.export(..., format='kuzu')")
    # Kùzu's string literal: a backslash and a quote are escaped with a backslash
    prefix = str(root).replace("\\", "\\\\").replace("'", "\\'") + os.sep.replace("\\", "\\\\")
    count = 0
    for line in script.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("COPY "):
            line = line.replace(" FROM '", f" FROM '{prefix}", 1)
        connection.execute(line)
        count += 1
    return count
