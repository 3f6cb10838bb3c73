"""Edge labels and tooltips: plain text with names, qualifiers, quotes and citations."""

from __future__ import annotations

from metagraph import Edge, Node
from metagraph.examples import hostile_graph, pathway_graph
from metagraph.render._labels import edge_label, edge_tooltip, node_name, node_tooltip


def test_edge_label_names_place_and_modality() -> None:
    kg = pathway_graph()
    e = Edge(
        source="il6",
        target="glucose_uptake",
        predicate="increases",
        location="skeletal_muscle",
        modality="hiit",
        evidence=[{"reference": "x", "quote": "q"}],
    )
    assert edge_label(kg, e) == "increases (in Skeletal muscle; with HIIT)"
    assert edge_label(kg, kg.edges(source="fndc5")[0]) == "is cleaved into"


def test_node_name_falls_back_to_the_id() -> None:
    kg = pathway_graph()
    assert node_name(kg.subgraph(focus="ampk", hops=0), "liver_x") == "liver_x"
    assert node_name(kg.subgraph(focus="ampk", hops=0), "hiit") == "HIIT"  # outside the view, still named


def test_node_tooltip_lists_everything() -> None:
    n = Node(
        id="ampk",
        name="AMPK",
        kind="signal",
        synonyms=["AMP kinase"],
        xrefs=["FPLX:AMPK"],
        members=["HGNC:9376"],
        description="  Energy sensor.  ",
    )
    assert node_tooltip(n).splitlines() == [
        "AMPK (signal)",
        "Energy sensor.",
        "Also called: AMP kinase",
        "Identifiers: FPLX:AMPK",
        "Members: HGNC:9376",
    ]
    assert node_tooltip(Node(id="a", name="A", kind="organ")) == "A (organ)"


def test_edge_tooltip_has_qualifiers_quotes_and_citations() -> None:
    kg = pathway_graph()
    e = Edge(
        source="hiit",
        target="visceral_fat",
        predicate="decreases",
        magnitude="effective",
        timescale="chronic",
        mechanism="insulin-independent",
        note="from the table",
        evidence=[
            {"reference": "pedersen2012", "quote": "HIIT reduces visceral fat", "section": "Academic", "hedged": True},
            {"reference": "unknown_ref", "quote": "another"},
        ],
    )
    lines = edge_tooltip(kg, e).splitlines()
    assert lines[0] == "HIIT decreases Visceral fat"
    assert lines[1] == "magnitude: effective; timescale: chronic; mechanism: insulin-independent"
    assert lines[2] == "“HIIT reduces visceral fat” (Pedersen BK & Febbraio MA 2012, Academic; tentative)"
    assert lines[3] == "“another” (unknown_ref)"
    assert lines[4].endswith("doi:10.1038/nrendo.2012.49") and lines[-1] == "Note: from the table"


def test_text_is_kept_verbatim_for_each_format_to_escape() -> None:
    kg = hostile_graph()
    assert "<script>alert(3)</script>" in node_tooltip(kg.node("evil"))
    assert "</script><script>alert(4)</script>" in edge_tooltip(kg, kg.edges(source="evil")[0])
