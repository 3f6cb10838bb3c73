"""MetaGraph: names resolve forgivingly, records come back as models, nx attributes are plain."""

from __future__ import annotations

import networkx as nx
import pytest

import metagraph
from metagraph import AmbiguousNodeError, DataError, Edge, MetaGraph, MetagraphError, Node, Reference, UnknownNodeError

REF = Reference(key="src", title="A source")


def small() -> MetaGraph:
    nodes = [
        Node(id="ampk", name="AMPK", kind="signal", synonyms=["AMP-activated protein kinase"]),
        Node(id="pgc1a", name="PGC-1α", kind="signal", synonyms=["PPARGC1A"]),
        Node(id="x1", name="Shared", kind="process"),
        Node(id="x2", name="X2", kind="process", synonyms=["shared"]),
    ]
    edges = [
        Edge(source="ampk", target="pgc1a", predicate="activates", evidence=[{"reference": "src", "quote": "q"}]),
        Edge(source="pgc1a", target="x1", predicate="increases", evidence=[{"reference": "src", "quote": "q"}]),
    ]
    return MetaGraph(nodes, edges, [REF])


def test_lookup_by_id_name_synonym_any_spelling() -> None:
    kg = small()
    assert {kg.resolve(s) for s in ["pgc1a", "PGC-1α", "pgc-1 alpha", "ppargc1a", "PGC1A"]} == {"pgc1a"}
    assert kg.node("amp activated protein kinase").id == "ampk"


def test_ambiguous_and_unknown_names() -> None:
    kg = small()
    with pytest.raises(AmbiguousNodeError) as amb:
        kg.node("shared")
    assert amb.value.candidates == ["x1", "x2"]
    with pytest.raises(UnknownNodeError) as unk:
        kg.node("AMKP")
    assert "AMPK" in unk.value.suggestions and "did you mean" in str(unk.value)
    assert isinstance(unk.value, metagraph.MetagraphError)


def test_nodes_edges_and_membership() -> None:
    kg = small()
    assert len(kg) == 4 and "AMPK" in kg and "nothing" not in kg and "shared" not in kg
    assert [n.id for n in kg.nodes(kind="process")] == ["x1", "x2"]
    assert [e.target for e in kg.edges(source="AMPK")] == ["pgc1a"]
    assert [e.source for e in kg.edges(target="x1")] == ["pgc1a"]
    assert kg.edges(predicate="inhibits") == []
    assert kg.edges(source="ampk", target="x1") == []
    assert repr(kg) == "<MetaGraph: 4 nodes, 2 edges, 1 references>"


def test_networkx_attributes_are_plain() -> None:
    g = small().nx
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["pgc1a"]["kind"] == "signal" and g.nodes["pgc1a"]["synonyms"] == ["PPARGC1A"]
    attrs = g.edges["ampk", "pgc1a", "activates"]
    assert attrs["sign"] == 1 and attrs["transmits"] is True
    assert attrs["evidence"] == [
        {
            "reference": "src",
            "type": "author_statement",
            "quote": "q",
            "finding": None,
            "hedged": False,
            "stance": "supports",
            "species": None,
            "system": None,
            "section": None,
            "provenance": None,
        }
    ]
    assert attrs["negated"] is False and attrs["summary"] is False and attrs["hedged"] is False


def test_constructor_validates_the_whole_graph() -> None:
    with pytest.raises(DataError, match="unknown node 'nope'"):
        MetaGraph(
            [Node(id="a", name="A", kind="signal")],
            [Edge(source="a", target="nope", predicate="activates", evidence=[{"reference": "src", "quote": "q"}])],
            [REF],
        )


def test_references_mapping_is_read_only() -> None:
    refs = small().references
    with pytest.raises(TypeError):
        refs["x"] = REF  # type: ignore[index]


def test_bundled_graph_lookups(kg: MetaGraph) -> None:
    assert kg.node("PGC-1alpha") == kg.node("PPARGC1A") == kg.node("pgc1a")
    assert kg.node("GLUT-4").id == kg.node("SLC2A4").id == "glut4"
    assert kg.node("interleukin-6").id == kg.node("IL6").id == "il6"
    assert kg.node("HIIT").id == "hiit"


def test_the_networkx_graph_is_read_only_and_copies_are_free() -> None:
    kg = small()
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        kg.nx.add_edge("ampk", "x1")
    copy = kg.nx.copy()
    copy.add_edge("ampk", "x1")
    assert kg.edges(source="ampk", target="x1") == []
    assert not kg.is_view


def test_a_wrong_kind_or_predicate_is_named_with_the_closest_word(kg: MetaGraph) -> None:
    with pytest.raises(MetagraphError, match="'myokin' is not a kind; did you mean 'myokine'"):
        kg.nodes(kind="myokin")
    with pytest.raises(MetagraphError, match="'activate' is not a predicate; did you mean 'activates'"):
        kg.edges(predicate="activate")


def test_a_wrong_argument_type_is_named(kg: MetaGraph) -> None:
    with pytest.raises(metagraph.ArgumentTypeError, match="not int 42"):
        kg.trace("HIIT", 42)  # type: ignore[arg-type]
    with pytest.raises(metagraph.ArgumentTypeError, match="HIIT is an exercise, AMPK is a signal"):
        kg.compare(["HIIT", "AMPK"])
