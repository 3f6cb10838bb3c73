"""The graph as the loader's own document format, in JSON or YAML: lossless round trips.

Both hold one mapping with ``nodes``, ``edges`` and ``references`` (the model
:class:`~metagraph.GraphDocument`, validated by ``data/metagraph.schema.json``), so
``metagraph.load(path)`` reads them back field for field, and ``metagraph validate``
checks them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypeVar

import yaml

from metagraph.loader import document_of

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Node, Reference

__all__ = ["to_json", "to_yaml"]


def to_json(graph: MetaGraph) -> str:
    """Return the graph as a JSON data document, every field written out.

    Examples
    --------
    >>> import json
    >>> from metagraph import MetaGraph, Node
    >>> doc = json.loads(to_json(MetaGraph([Node(id="ampk", name="AMPK", kind="signal")])))
    >>> doc["nodes"][0]["kind"], sorted(doc)
    ('signal', ['edges', 'nodes', 'references'])
    """
    data = document_of(graph).model_dump(mode="json", by_alias=True, exclude={"schema_"})
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_N = TypeVar("_N", bound="Node")
_E = TypeVar("_E", bound="Edge")
_R = TypeVar("_R", bound="Reference")


def _records_not_in(
    exclude: MetaGraph, nodes: list[_N], edges: list[_E], references: list[_R]
) -> tuple[list[_N], list[_E], list[_R]]:
    """The records that ``exclude`` does not hold, for a data file written to sit beside it.

    A reference is dropped when ``exclude`` has it, or when only the dropped edges cite it.
    """
    nodes = [n for n in nodes if n.id not in exclude.nx]
    kept = [e for e in edges if not exclude.nx.has_edge(e.source, e.target, e.key)]
    cited = {k for e in kept for k in e.references}
    only_dropped = {k for e in edges for k in e.references} - cited
    references = [r for r in references if r.key not in exclude.references and r.key not in only_dropped]
    return nodes, kept, references


def to_yaml(graph: MetaGraph, *, schema: str | None = None, exclude: MetaGraph | None = None) -> str:
    """Return the graph as a YAML data file, fields at their default left out.

    Parameters
    ----------
    graph
        The graph.
    schema
        Path or URL of the JSON Schema to name on the first line, for editors
        (``# yaml-language-server: $schema=...``); ``None`` for no such line.
    exclude
        A graph whose records are left out (nodes with its ids, edges with its source,
        target and key, references with its keys or cited only by left-out edges): the
        file then holds only what ``exclude`` lacks, to be loaded on top of it
        (``load(file, bundled=True)``).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> print(to_yaml(MetaGraph([Node(id="ampk", name="AMPK", kind="signal")]), schema="s.json"), end="")
    # yaml-language-server: $schema=s.json
    nodes:
    - id: ampk
      name: AMPK
      kind: signal
    """
    doc = document_of(graph)
    nodes, edges, refs = doc.nodes, doc.edges, doc.references
    if exclude is not None:
        nodes, edges, refs = _records_not_in(exclude, nodes, edges, refs)
    parts = {
        "nodes": [n.model_dump(mode="json", exclude_defaults=True) for n in nodes],
        "edges": [e.model_dump(mode="json", exclude_defaults=True) for e in edges],
        "references": [r.model_dump(mode="json", exclude_defaults=True) for r in refs],
    }
    body = yaml.safe_dump({k: v for k, v in parts.items() if v}, sort_keys=False, allow_unicode=True, width=110)
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return head + (body if body.strip() != "{}" else "")
