"""The graph as Cytoscape.js JSON (``.cyjs``), which Cytoscape desktop also imports.

``elements`` holds the nodes and edges with their fields under ``data``; a node's kind is
its class (``node.myokine``) and an edge's predicate and sign are its classes
(``edge.activates.positive``). ``style`` is a Cytoscape.js stylesheet with the colours and
shapes of the HTML view (:mod:`metagraph.render._style`), so ``cytoscape({elements:
doc.elements, style: doc.style})`` draws the graph as the HTML view does. Evidence is JSON
text in ``data.evidence`` (Cytoscape's table columns hold scalars and lists, not records);
``data.references`` and ``data.quotes`` list its citations and quotes (each quote
once, as the CSV and Cypher exports list them). The network's ``data.references`` is
the JSON text of every cited work. Edges carry the evidence model:
``negated``, ``summary``, ``contested``, ``inferred``, ``hedged`` and the items' fields as
lists aligned item by item: ``evidence_types`` (ECO terms), ``evidence_hedged``,
``stances``, ``species``, ``systems``, ``findings``; nodes their approximate matches
(``close_matches``...) apart from their exact ones (``xrefs``)."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from metagraph.interop._evidence import edge_flags, edge_items
from metagraph.render._style import EDGE_STYLES, KIND_STYLES

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["SIGN_CLASSES", "VIS_SHAPES", "to_cytoscape", "to_cytoscape_json"]

#: The HTML view's vis-network shapes → the closest Cytoscape.js node shape.
VIS_SHAPES = MappingProxyType(
    {
        "hexagon": "hexagon",
        "triangle": "triangle",
        "ellipse": "ellipse",
        "diamond": "diamond",
        "database": "barrel",
        "dot": "ellipse",
        "box": "round-rectangle",
        "star": "star",
        "triangleDown": "vee",
        "square": "rectangle",
    }
)
#: Edge sign → its class.
SIGN_CLASSES = MappingProxyType({+1: "positive", -1: "negative", 0: "structural"})
_ARROWS = {"arrow": "triangle", "bar": "tee"}


def _stylesheet() -> list[dict[str, Any]]:
    sheet: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": "data(name)",
                "text-valign": "center",
                "text-halign": "center",
                "font-size": 11,
                "text-wrap": "wrap",
                "text-max-width": 90,
                "width": 70,
                "height": 40,
                "border-width": 2,
            },
        },
        {
            "selector": "edge",
            "style": {
                "curve-style": "bezier",
                "width": 2,
                "target-arrow-shape": "triangle",
                "arrow-scale": 1.2,
                "label": "",
                "font-size": 9,
            },
        },
    ]
    for kind, st in KIND_STYLES.items():
        sheet.append(
            {
                "selector": f"node.{kind.value}",
                "style": {
                    "background-color": st.fill,
                    "border-color": st.border,
                    "color": st.font,
                    "shape": VIS_SHAPES.get(st.vis_shape, "ellipse"),
                },
            }
        )
    for sign, edge_style in EDGE_STYLES.items():
        sheet.append(
            {
                "selector": f"edge.{SIGN_CLASSES[sign]}",
                "style": {
                    "line-color": edge_style.colour,
                    "target-arrow-color": edge_style.colour,
                    "target-arrow-shape": _ARROWS.get(edge_style.vis_arrow, "triangle"),
                    "line-style": "dashed" if edge_style.dashed else "solid",
                },
            }
        )
    sheet.append({"selector": "edge:selected", "style": {"label": "data(predicate)"}})
    return sheet


def to_cytoscape(graph: MetaGraph) -> dict[str, Any]:
    """Return the graph as a Cytoscape.js document (a dict).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> doc = to_cytoscape(MetaGraph([Node(id="il6", name="IL-6", kind="myokine")]))
    >>> doc["elements"]["nodes"][0]["classes"], doc["elements"]["nodes"][0]["data"]["name"]
    ('myokine', 'IL-6')
    >>> [s["style"]["shape"] for s in doc["style"] if s["selector"] == "node.myokine"]
    ['diamond']
    """
    nodes = []
    for node in graph.nodes():
        data = node.model_dump(mode="json")
        nodes.append({"data": data, "classes": node.kind.value})
    edges = []
    for u, v, k in graph.nx.edges(keys=True):
        edge = graph.edge_model(u, v, k)
        data = {
            "id": f"{u}|{k}|{v}",
            "source": u,
            "target": v,
            "key": k,
            "predicate": edge.predicate.value,
            "interaction": edge.predicate.value,
            "name": f"{u} ({k}) {v}",
            "sign": edge.sign,
            **{f: getattr(edge, f) for f in ("location", "modality", "note") if getattr(edge, f) is not None},
            **{
                f: getattr(edge, f).value
                for f in ("magnitude", "timescale", "mechanism")
                if getattr(edge, f) is not None
            },
            **edge_flags(edge),
            "references": edge.references,
            "quotes": list(dict.fromkeys(ev.quote for ev in edge.evidence if ev.quote is not None)),
            **edge_items(edge),
            "evidence": json.dumps(
                [ev.model_dump(mode="json", exclude_none=True) for ev in edge.evidence], ensure_ascii=False
            ),
        }
        edges.append({"data": data, "classes": f"{edge.predicate.value} {SIGN_CLASSES[edge.sign]}"})
    from metagraph import __version__

    return {
        "format_version": "1.0",
        "generated_by": f"metagraph-{__version__}",
        "target_cytoscapejs_version": "~3.0",
        "data": {
            "name": "metagraph",
            "shared_name": "metagraph",
            "references": json.dumps(
                [r.model_dump(mode="json", exclude_defaults=True) for r in graph.references.values()],
                ensure_ascii=False,
            ),
        },
        "elements": {"nodes": nodes, "edges": edges},
        "style": _stylesheet(),
    }


def to_cytoscape_json(graph: MetaGraph) -> str:
    """Return :func:`to_cytoscape` as JSON text."""
    return json.dumps(to_cytoscape(graph), indent=1, ensure_ascii=False) + "\n"
