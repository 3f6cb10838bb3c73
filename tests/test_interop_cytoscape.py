"""Tests of metagraph.interop.cytoscape: Cytoscape.js elements, kind classes and the HTML view's style."""

from __future__ import annotations

import json
from pathlib import Path

from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.interop.cytoscape import SIGN_CLASSES, VIS_SHAPES, to_cytoscape
from metagraph.render._style import EDGE_STYLES, KIND_STYLES
from metagraph.schema import Kind

# Node shapes Cytoscape.js accepts (its documentation's list).
CYTOSCAPE_SHAPES = {
    "ellipse",
    "triangle",
    "round-triangle",
    "rectangle",
    "round-rectangle",
    "bottom-round-rectangle",
    "cut-rectangle",
    "barrel",
    "rhomboid",
    "right-rhomboid",
    "diamond",
    "round-diamond",
    "pentagon",
    "round-pentagon",
    "hexagon",
    "round-hexagon",
    "concave-hexagon",
    "heptagon",
    "round-heptagon",
    "octagon",
    "round-octagon",
    "star",
    "tag",
    "round-tag",
    "vee",
}


def test_elements_of_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    doc = json.loads(kg.export(tmp_path / "kg.cyjs").read_text(encoding="utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert {n["data"]["id"] for n in nodes} == set(kg.nx.nodes)
    assert all(n["classes"] == n["data"]["kind"] for n in nodes)
    ids = {e["data"]["id"] for e in edges}
    assert len(ids) == len(edges) == kg.nx.number_of_edges()
    for e in edges:
        d = e["data"]
        edge = kg.edge_model(d["source"], d["target"], d["key"])
        assert e["classes"].split() == [edge.predicate.value, SIGN_CLASSES[edge.sign]]
        assert d["interaction"] == edge.predicate.value
        assert len(json.loads(d["evidence"])) == len(edge.evidence)
    assert [r["key"] for r in json.loads(doc["data"]["references"])] == list(kg.references)


def test_style_mirrors_the_html_view() -> None:
    sheet = {s["selector"]: s["style"] for s in to_cytoscape(MetaGraph())["style"]}
    for kind in Kind:
        look = KIND_STYLES[kind]
        style = sheet[f"node.{kind.value}"]
        assert (style["background-color"], style["border-color"]) == (look.fill, look.border)
        assert style["shape"] in CYTOSCAPE_SHAPES
    for sign, look in EDGE_STYLES.items():
        style = sheet[f"edge.{SIGN_CLASSES[sign]}"]
        assert style["line-color"] == look.colour
        assert style["line-style"] == ("dashed" if look.dashed else "solid")
    assert sheet["edge.negative"]["target-arrow-shape"] == "tee"
    assert set(VIS_SHAPES.values()) <= CYTOSCAPE_SHAPES
    assert {s.vis_shape for s in KIND_STYLES.values()} <= set(VIS_SHAPES)


def test_a_quote_repeated_by_two_items_is_listed_once() -> None:
    kg = MetaGraph(
        [Node(id="il6", name="IL-6", kind="myokine"), Node(id="liver", name="Liver", kind="organ")],
        [
            Edge(
                source="il6",
                target="liver",
                predicate="targets",
                evidence=[
                    {"reference": "a", "quote": "IL-6 acts on the liver"},
                    {"reference": "b", "quote": "IL-6 acts on the liver"},
                    {"reference": "b", "quote": "and more"},
                ],
            )
        ],
        [Reference(key="a", title="A"), Reference(key="b", title="B")],
    )
    (edge,) = to_cytoscape(kg)["elements"]["edges"]
    assert edge["data"]["quotes"] == ["IL-6 acts on the liver", "and more"]
    assert len(json.loads(edge["data"]["evidence"])) == 3  # the evidence itself keeps every item
