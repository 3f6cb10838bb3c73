"""Tests of metagraph.interop.merge: unify overlapping graphs, report every conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import metagraph
from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.interop.merge import merge_graphs
from metagraph.interop.table import read_table
from metagraph.loader import document_of
from tests.strategies import graph_records

DATA = Path(__file__).resolve().parent / "data" / "interop"
REF = Reference(key="r", title="A review")


def _ev(quote: str = "q", ref: str = "r") -> list[dict[str, str]]:
    return [{"reference": ref, "quote": quote}]


def _graph(nodes: list[Node], edges: list[Edge] = (), refs: list[Reference] = (REF,)) -> MetaGraph:
    return MetaGraph(nodes, edges, refs)


def test_same_ids_are_unified_with_pooled_names_and_identifiers() -> None:
    a = _graph([Node(id="pgc1a", name="PGC-1α", kind="signal", synonyms=["PGC1A"], xrefs=["HGNC:9237"])])
    b = _graph(
        [
            Node(
                id="pgc1a",
                name="PPARGC1A",
                kind="signal",
                synonyms=["PGC1A", "PGC-1alpha"],
                xrefs=["UniProt:Q9UBK2", "HGNC:9237"],
                description="coactivator",
            )
        ]
    )
    node = a.merge(b).node("pgc1a")
    assert node.name == "PGC-1α"
    assert node.synonyms == ["PGC1A", "PPARGC1A", "PGC-1alpha"]
    assert node.xrefs == ["HGNC:9237", "UniProt:Q9UBK2"]
    assert node.description == "coactivator"


def test_first_non_empty_description_is_kept() -> None:
    a = _graph([Node(id="x", name="X", kind="signal", description="ours")])
    b = _graph([Node(id="x", name="X", kind="signal", description="theirs")])
    assert a.merge(b).node("x").description == "ours"


def test_shared_curie_maps_their_node_onto_ours_and_rewrites_their_edges() -> None:
    a = _graph(
        [
            Node(id="il6", name="IL-6", kind="myokine", xrefs=["HGNC:6018"]),
            Node(id="liver", name="Liver", kind="organ", xrefs=["UBERON:0002107"]),
        ]
    )
    b = _graph(
        [
            Node(id="interleukin6", name="Interleukin 6", kind="myokine", xrefs=["hgnc:6018"]),
            Node(id="hepar", name="Hepar", kind="organ", xrefs=["UBERON:0002107"]),
            Node(id="stat3", name="STAT3", kind="signal"),
            Node(id="hgp", name="Hepatic glucose production", kind="process"),
        ],
        [
            Edge(source="interleukin6", target="stat3", predicate="activates", evidence=_ev()),
            Edge(source="interleukin6", target="hgp", predicate="decreases", location="hepar", evidence=_ev()),
            Edge(source="interleukin6", target="hepar", predicate="targets", evidence=_ev()),
        ],
    )
    graph, conflicts, renamed = a.merge(b, on_conflict="report")
    assert conflicts == []
    assert renamed == {"interleukin6": "il6", "hepar": "liver"}
    assert sorted(n.id for n in graph.nodes()) == ["hgp", "il6", "liver", "stat3"]
    assert {(e.source, e.predicate.value, e.target, e.location) for e in graph.edges()} == {
        ("il6", "activates", "stat3", None),
        ("il6", "decreases", "hgp", "liver"),
        ("il6", "targets", "liver", None),
    }
    assert graph.node("Interleukin 6").id == "il6"  # their name became a synonym


def test_same_edge_pools_evidence_and_fills_qualifiers() -> None:
    nodes = [Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="process")]
    a = _graph(nodes, [Edge(source="a", target="b", predicate="increases", evidence=_ev("ours"), note="n1")])
    b = _graph(
        nodes,
        [
            Edge(
                source="a",
                target="b",
                predicate="increases",
                timescale="acute",
                note="n2",
                evidence=[*_ev("ours"), *_ev("theirs", "s")],
            )
        ],
        [REF, Reference(key="s", title="Another")],
    )
    (edge,) = a.merge(b).edges()
    assert [ev.quote for ev in edge.evidence] == ["ours", "theirs"]
    assert edge.timescale.value == "acute"
    assert edge.note == "n1; n2"
    assert edge.references == ["r", "s"]


def test_conflicts_raise_listing_every_one() -> None:
    a = _graph(
        [
            Node(id="x", name="X", kind="signal"),
            Node(id="y", name="Y", kind="process"),
            Node(id="z", name="Z", kind="process"),
        ],
        [Edge(source="x", target="y", predicate="increases", magnitude="high", evidence=_ev())],
    )
    b = _graph(
        [
            Node(id="x", name="X", kind="signal"),
            Node(id="y", name="Y", kind="process"),
            Node(id="z", name="Z", kind="outcome"),
        ],
        [
            Edge(source="x", target="y", predicate="inhibits", evidence=_ev()),
            Edge(source="x", target="y", predicate="increases", magnitude="moderate", evidence=_ev()),
        ],
        [Reference(key="r", title="A different work")],
    )
    with pytest.raises(metagraph.MergeConflictError) as info:
        a.merge(b)
    text = "\n".join(info.value.conflicts)
    assert len(info.value.conflicts) == 4
    assert "z: is a process here but an outcome in the other graph" in text
    assert "x -inhibits-> y: contradicts x -increases-> y" in text
    assert "magnitude is 'high' here but 'moderate'" in text
    assert "r: names 'A review' here but 'A different work'" in text


def test_report_keeps_our_side_and_both_contradicting_edges() -> None:
    a = _graph(
        [Node(id="x", name="X", kind="signal"), Node(id="y", name="Y", kind="process")],
        [Edge(source="x", target="y", predicate="increases", evidence=_ev())],
    )
    b = _graph(
        [Node(id="x", name="X", kind="signal"), Node(id="y", name="Y", kind="signal")],
        [
            Edge(source="x", target="y", predicate="inhibits", evidence=_ev()),
            Edge(source="y", target="x", predicate="cleaved_into", evidence=_ev()),
        ],
    )
    result = a.merge(b, on_conflict="report")
    kinds = sorted(c.kind for c in result.conflicts)
    # y is a signal there but a process here, and a process cannot be cleaved: that edge is dropped
    assert kinds == ["kind", "schema", "sign"]
    assert result.graph.node("y").kind.value == "process"
    assert sorted(e.predicate.value for e in result.graph.edges()) == ["increases", "inhibits"]


def test_contexts_that_differ_are_not_contradictions() -> None:
    nodes = [
        Node(id="il6", name="IL-6", kind="myokine"),
        Node(id="gu", name="Glucose uptake", kind="process"),
        Node(id="muscle", name="Muscle", kind="organ"),
        Node(id="fat", name="Fat", kind="organ"),
    ]
    a = _graph(nodes, [Edge(source="il6", target="gu", predicate="increases", location="muscle", evidence=_ev())])
    b = _graph(nodes, [Edge(source="il6", target="gu", predicate="decreases", location="fat", evidence=_ev())])
    assert a.merge(b, on_conflict="report").conflicts == []
    c = _graph(nodes, [Edge(source="il6", target="gu", predicate="decreases", evidence=_ev())])
    assert [x.kind for x in a.merge(c, on_conflict="report").conflicts] == ["sign"]


def test_curie_shared_by_several_of_our_nodes_is_reported_not_guessed() -> None:
    a = _graph(
        [
            Node(id="fndc5", name="FNDC5", kind="signal", xrefs=["UniProt:Q8NAU1"]),
            Node(id="irisin", name="Irisin", kind="myokine", xrefs=["UniProt:Q8NAU1"]),
        ]
    )
    b = _graph([Node(id="fndc5_protein", name="FNDC5 protein", kind="signal", xrefs=["UniProt:Q8NAU1"])])
    result = a.merge(b, on_conflict="report")
    assert [c.kind for c in result.conflicts] == ["ambiguous_identifier"]
    assert "fndc5_protein" in result.graph.nx


def test_self_loop_after_unification_is_dropped_and_reported() -> None:
    a = _graph([Node(id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK"])])
    b = _graph(
        [
            Node(id="ampk_a", name="AMPK a", kind="signal", xrefs=["FPLX:AMPK"]),
            Node(id="ampk_b", name="AMPK b", kind="signal", xrefs=["FPLX:AMPK"]),
        ],
        [Edge(source="ampk_a", target="ampk_b", predicate="activates", evidence=_ev())],
    )
    result = a.merge(b, on_conflict="report")
    assert [c.kind for c in result.conflicts] == ["self_loop"]
    assert result.graph.edges() == []


def test_inputs_are_unchanged() -> None:
    a = _graph([Node(id="x", name="X", kind="signal", synonyms=["x1"])])
    b = _graph(
        [Node(id="x", name="Ex", kind="signal", synonyms=["x2"]), Node(id="y", name="Y", kind="process")],
        [Edge(source="x", target="y", predicate="increases", evidence=_ev())],
    )
    before = (document_of(a), document_of(b))
    merged = a.merge(b)
    assert (document_of(a), document_of(b)) == before
    assert merged is not a and len(merged) == 2


def test_bad_arguments() -> None:
    a = _graph([Node(id="x", name="X", kind="signal")])
    with pytest.raises(metagraph.MetagraphError, match="can only merge a MetaGraph"):
        a.merge("data.yaml")  # type: ignore[arg-type]
    with pytest.raises(metagraph.MetagraphError, match="on_conflict"):
        a.merge(a, on_conflict="ignore")  # type: ignore[call-overload]


@settings(max_examples=25)
@given(graph_records(max_nodes=8, max_edges=15))
def test_merging_a_graph_with_itself_changes_nothing(records: tuple) -> None:
    g = MetaGraph(*records)
    graph, conflicts, renamed = merge_graphs(g, g)
    assert conflicts == [] and renamed == {}
    assert document_of(graph) == document_of(g)


@settings(max_examples=15)
@given(graph_records(max_nodes=8, max_edges=15), graph_records(max_nodes=8, max_edges=15))
def test_merge_keeps_every_node_and_edge_of_both(first: tuple, second: tuple) -> None:
    a, b = MetaGraph(*first), MetaGraph(*second)
    graph, _, renamed = merge_graphs(a, b)
    assert {n.id for n in a.nodes()} <= set(graph.nx)
    assert {renamed.get(n.id, n.id) for n in b.nodes()} <= set(graph.nx)
    assert all(graph.nx.has_edge(u, v, k) for u, v, k in a.nx.edges(keys=True))


def test_imported_table_merges_into_the_bundled_graph_and_new_chains_appear_in_trace(kg: MetaGraph) -> None:
    imported = read_table(DATA / "il6_socs3_network.csv", reference=kg)
    merged = kg.merge(imported)
    assert len(merged) == len(kg) + 2  # STAT3 and SOCS3 are new; IL-6, liver and insulin signaling are known
    assert merged.nx.number_of_edges() == kg.nx.number_of_edges() + 3

    def through_socs3(g: MetaGraph) -> list:
        return [
            c
            for c in g.trace("exercise", "insulin signaling", max_hops=5, limit=None)
            if "socs3" in [n.id for n in c.nodes]
        ]

    assert through_socs3(kg) == []
    # The direct routes (one per exercise → IL-6 edge: plasma, and in skeletal muscle); longer
    # ones reach IL-6 through other exercise factors (osteocalcin raises muscle IL-6).
    direct = ["exercise", "il6", "stat3", "socs3", "insulin_signaling"]
    chains = [c for c in through_socs3(merged) if [n.id for n in c.nodes] == direct]
    assert chains
    for chain in chains:
        assert chain.effect == "decreases"
        assert chain.edges[-1].evidence[0].provenance == "il6_socs3_network.csv:4"
