"""The graph as GraphML, for networkx, igraph, Gephi, yEd and Cytoscape.

GraphML holds scalar attributes only, so lists and records are written as JSON text:
``synonyms``, ``xrefs``, ``members`` of nodes, ``references`` (the cited keys) and
``evidence`` of edges, and the graph's ``references`` (every cited work). Absent values
(``None``) are left out. GraphML edge ids are unique in the document:
``source|key|target`` (which ``networkx.read_graphml`` takes as the edge key); the edge
key (:attr:`metagraph.Edge.key`) itself is the attribute ``key``. Edges carry the evidence
model: ``negated``, ``summary``, ``contested``, ``inferred``, ``hedged`` and the items'
fields as lists aligned item by item: ``evidence_types`` (ECO terms), ``evidence_hedged``,
``stances``, ``species``, ``systems``, ``findings`` (JSON lists); nodes their approximate
matches (``close_matches``...) apart from their exact ones (``xrefs``)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import networkx as nx

from metagraph.errors import ExportError
from metagraph.interop._evidence import edge_flags, edge_items

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["to_graphml"]


# characters XML 1.0 cannot hold, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _flat(attrs: dict[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        value = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
        if isinstance(value, str) and (bad := _NOT_XML.search(value)):
            raise ExportError(
                f"GraphML (XML) cannot hold the control character U+{ord(bad.group(0)):04X} found in "
                f"the {k} of {where}; remove it from the data, or export to json, csv or turtle"
            )
        out[k] = value
    return out


def to_graphml(graph: MetaGraph) -> str:
    """Return the graph as GraphML text.

    Examples
    --------
    >>> import io, networkx as nx
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="ampk", name="AMPK", kind="signal"), Node(id="pgc1a", name="PGC-1α", kind="signal")],
    ...                [Edge(source="ampk", target="pgc1a", predicate="activates",
    ...                      evidence=[{"reference": "r", "quote": "activates PGC-1α"}])],
    ...                [Reference(key="r", title="T")])
    >>> g = nx.read_graphml(io.StringIO(to_graphml(kg)), force_multigraph=True)
    >>> g.nodes["pgc1a"]["name"], g.edges["ampk", "pgc1a", "ampk|activates|pgc1a"]["sign"]
    ('PGC-1α', 1)
    """
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    out.graph["name"] = "metagraph"
    out.graph.update(
        _flat({"references": [r.model_dump(mode="json") for r in graph.references.values()]}, "the references")
    )
    for node_id, attrs in graph.nx.nodes(data=True):
        out.add_node(node_id, **_flat(attrs, f"node {node_id!r}"))
    for u, v, k, attrs in graph.nx.edges(keys=True, data=True):
        edge = graph.edge_model(u, v, k)
        gid = f"{u}|{k}|{v}"  # networkx writes the key as the GraphML id, which must be unique
        out.add_edge(u, v, gid)
        out.edges[u, v, gid].update(
            _flat(
                {
                    **attrs,
                    "key": k,
                    "references": edge.references,
                    **edge_flags(edge),
                    **edge_items(edge),
                    "evidence": [ev.model_dump(mode="json", exclude_none=True) for ev in edge.evidence],
                },
                f"edge {gid!r}",
            )
        )
    return "\n".join(nx.generate_graphml(out, prettyprint=True)) + "\n"
