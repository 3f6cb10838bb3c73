"""The graph as spreadsheet tables: ``nodes.csv``, ``edges.csv`` and ``references.csv``.

One row per node, per edge and per reference, UTF-8, comma-separated, a header row.
Lists are joined with ``"; "`` (synonyms, identifiers, cited keys). An edge's evidence
is joined into readable columns (``citations``: short citations; ``quotes``: quotes
joined with ``" | "``) and kept whole as JSON text in ``evidence_json``, so
``pandas.read_csv`` gets flat columns and nothing is lost.

The evidence model has its own columns: a node's approximate matches
(``close_matches``, ``broad_matches``, ``narrow_matches``, ``related_matches``) apart
from its exact ones (``xrefs``); an edge's ``negated``, ``summary``, ``contested``,
``inferred`` and ``hedged`` (``true``/``false``), and its items' ``evidence_types`` (ECO
terms), ``evidence_hedged``, ``stances``, ``species`` and ``systems`` joined with ``"; "``
and ``findings`` joined with ``" | "``, item by item in the order of ``evidence_json``
(an empty place where an item has no value).

Whole numbers are written as whole numbers (``sign`` ``-1``, ``year`` ``2012``, ``pmid``
``22777012``), never ``2012.0``. A column with empty cells (a reference without a year)
is read by ``pandas.read_csv`` as floats unless told otherwise; :data:`DTYPES` tells it,
per file: ``pandas.read_csv(path, dtype=DTYPES["references.csv"])`` keeps ``year`` and
``pmid`` whole (pandas' nullable ``Int64``; an empty cell is ``<NA>``) and ``sign`` an
``int64``.

Spreadsheet formula injection: a text cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return would be run as a formula by Excel, LibreOffice or Google
Sheets, so it is written with a leading apostrophe (``'=1+1``), as the OWASP guidance on
CSV injection advises; a spreadsheet shows the text, and a reader that wants the value
back removes one apostrophe before such a character (:func:`unescape_cell`). A number
(``-1``, ``+2.5``) is left as it is, so it stays a number.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from metagraph.interop._evidence import MATCH_FIELDS, edge_flags, edge_items

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "DTYPES",
    "EDGE_COLUMNS",
    "NODE_COLUMNS",
    "REFERENCE_COLUMNS",
    "escape_cell",
    "to_csv_files",
    "unescape_cell",
]

#: The pandas dtypes of the whole-number columns, per file: ``pandas.read_csv(path, dtype=DTYPES[name])``.
DTYPES: dict[str, dict[str, str]] = {
    "nodes.csv": {},
    "edges.csv": {"sign": "int64"},
    "references.csv": {"year": "Int64", "pmid": "Int64"},
}

# The characters a spreadsheet reads as the start of a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

NODE_COLUMNS = ("id", "name", "kind", "synonyms", "xrefs", *MATCH_FIELDS, "members", "description")
EDGE_COLUMNS = (
    "source",
    "target",
    "predicate",
    "key",
    "sign",
    "location",
    "modality",
    "magnitude",
    "timescale",
    "mechanism",
    "negated",
    "summary",
    "contested",
    "inferred",
    "hedged",
    "note",
    "references",
    "citations",
    "quotes",
    "evidence_types",
    "evidence_hedged",
    "stances",
    "species",
    "systems",
    "findings",
    "evidence_json",
)
REFERENCE_COLUMNS = (
    "key",
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
    "citation",
)


def escape_cell(value: Any) -> Any:
    """Return ``value`` safe to open in a spreadsheet: a leading apostrophe before a formula.

    Parameters
    ----------
    value : Any
        A cell value. Only text is changed, and text that is a plain number is not.

    Returns
    -------
    Any
        ``"'" + value`` for text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a
        carriage return (after any apostrophes) that is not a number; else ``value``
        unchanged.

    Examples
    --------
    >>> escape_cell("=1+1")
    "'=1+1"
    >>> escape_cell("-1"), escape_cell(-1), escape_cell("IL-6")
    ('-1', -1, 'IL-6')
    """
    return "'" + value if isinstance(value, str) and _is_formula(value) else value


def _is_formula(text: str) -> bool:
    # Apostrophes already in front are looked through, so a value that begins "'=" gets
    # one more and unescape_cell gives every value back exactly.
    bare = text.lstrip("'")
    return bare.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(bare)


def unescape_cell(text: str) -> str:
    """Return a cell's text as it was before :func:`escape_cell`.

    Parameters
    ----------
    text : str
        A cell read from one of the tables.

    Returns
    -------
    str
        ``text`` without the apostrophe :func:`escape_cell` put before a formula character.

    Examples
    --------
    >>> unescape_cell("'=1+1"), unescape_cell("'tis"), unescape_cell("-1")
    ('=1+1', "'tis", '-1')
    >>> unescape_cell(escape_cell("'=1")) == "'=1"
    True
    """
    return text[1:] if text.startswith("'") and _is_formula(text) else text


def _table(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else escape_cell(v) for k, v in row.items()})
    return buf.getvalue()


def to_csv_files(graph: MetaGraph) -> dict[str, str]:
    """Return the file name → CSV text of the three tables.

    Examples
    --------
    >>> import csv, io
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="il6", name="IL-6", kind="myokine", synonyms=["IL6", "interleukin 6"])])
    >>> files = to_csv_files(kg)
    >>> sorted(files)
    ['edges.csv', 'nodes.csv', 'references.csv']
    >>> next(csv.DictReader(io.StringIO(files["nodes.csv"])))["synonyms"]
    'IL6; interleukin 6'
    """
    refs = graph.references
    nodes = [
        {
            "id": n.id,
            "name": n.name,
            "kind": n.kind.value,
            "synonyms": "; ".join(n.synonyms),
            "xrefs": "; ".join(n.xrefs),
            **{f: "; ".join(getattr(n, f)) for f in MATCH_FIELDS},
            "members": "; ".join(n.members),
            "description": n.description,
        }
        for n in graph.nodes()
    ]
    edges = []
    for u, v, k in graph.nx.edges(keys=True):
        e = graph.edge_model(u, v, k)
        edges.append(
            {
                "source": u,
                "target": v,
                "predicate": e.predicate.value,
                "key": k,
                "sign": e.sign,
                "location": e.location,
                "modality": e.modality,
                **{
                    f: getattr(e, f).value if getattr(e, f) is not None else None
                    for f in ("magnitude", "timescale", "mechanism")
                },
                **{f: str(on).lower() for f, on in edge_flags(e).items()},
                **{
                    f: (" | " if f == "findings" else "; ").join(
                        str(x).lower() if isinstance(x, bool) else x for x in values
                    )
                    for f, values in edge_items(e).items()
                },
                "note": e.note,
                "references": "; ".join(e.references),
                "citations": "; ".join(refs[r].short if r in refs else r for r in e.references),
                "quotes": " | ".join(dict.fromkeys(ev.quote for ev in e.evidence if ev.quote is not None)),
                "evidence_json": json.dumps(
                    [ev.model_dump(mode="json", exclude_none=True) for ev in e.evidence], ensure_ascii=False
                ),
            }
        )
    references = [
        {
            **{c: getattr(r, c) for c in REFERENCE_COLUMNS if c not in ("authors", "citation")},
            "authors": "; ".join(r.authors),
            "citation": r.citation(),
        }
        for r in refs.values()
    ]
    return {
        "nodes.csv": _table(NODE_COLUMNS, nodes),
        "edges.csv": _table(EDGE_COLUMNS, edges),
        "references.csv": _table(REFERENCE_COLUMNS, references),
    }
