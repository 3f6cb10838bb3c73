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
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from metagraph.interop._evidence import MATCH_FIELDS, edge_flags, edge_items

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "REFERENCE_COLUMNS", "to_csv_files"]

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


def _table(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
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
