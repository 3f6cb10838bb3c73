"""downstream / upstream and the myokine questions, on the toy graph, random graphs and the bundled graph."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from metagraph import Edge, Kind, MetaGraph, MetagraphError, Node, Reference
from metagraph.examples import sample_graph
from metagraph.queries.reach import (
    MyokineEffects,
    downstream,
    myokine_effects,
    myokines_reaching,
    organ_parts,
    reach_distances,
    upstream,
)
from tests.test_examples import query_graphs


def test_downstream_nearest_first_then_by_name() -> None:
    kg = sample_graph()
    found = reach_distances(kg, "HIIT")
    hops = [d for _, d in found]
    assert hops == sorted(hops)
    first = [n.name for n, d in found if d == 1]
    assert first == sorted(first, key=str.casefold)
    assert "hiit" not in [n.id for n, _ in found]


def test_kind_and_max_hops_filters() -> None:
    kg = sample_graph()
    assert [n.id for n in downstream(kg, "HIIT", kind="condition")] == ["inflammation", "insulin_resistance"]
    assert [n.id for n in upstream(kg, "AMPK", max_hops=1)] == ["atp_depletion", "ros"]
    assert [n.id for n in upstream(kg, "insulin sensitivity", kind=Kind.EXERCISE)] == ["hiit", "resistance_training"]
    with pytest.raises(MetagraphError, match="unknown kind"):
        downstream(kg, "HIIT", kind="organs")
    with pytest.raises(MetagraphError, match="max_hops"):
        downstream(kg, "HIIT", max_hops=0)


def test_structural_edges_that_end_a_chain_are_not_followed() -> None:
    kg = sample_graph()
    assert "adipose_tissue" not in [n.id for n in downstream(kg, "irisin")]  # irisin targets it
    assert [n.id for n in downstream(kg, "skeletal muscle")][:1] == ["il6"]  # secretes carries on


def test_views_are_walked_without_the_index() -> None:
    kg = sample_graph()
    blocked = kg.without("AMPK")
    assert "pgc1a" not in [n.id for n in blocked.downstream("HIIT")]
    assert "pgc1a" in [n.id for n in kg.downstream("HIIT")]


@given(kg=query_graphs(), data=st.data())
def test_downstream_and_upstream_equal_networkx(kg: MetaGraph, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from([n.id for n in kg]))
    hops = data.draw(st.one_of(st.none(), st.integers(1, 3)))
    carrying = nx.subgraph_view(kg.nx, filter_edge=lambda u, v, k: kg.nx[u][v][k]["transmits"])
    for reverse, method in ((False, kg.downstream), (True, kg.upstream)):
        graph = carrying.reverse(copy=False) if reverse else carrying
        lengths = nx.single_source_shortest_path_length(graph, start, cutoff=hops)
        del lengths[start]
        got = reach_distances(kg, start, reverse=reverse, max_hops=hops)
        assert {n.id: d for n, d in got} == lengths
        assert [n.id for n in method(start, max_hops=hops)] == [n.id for n, _ in got]
        # the view (no index) gives the same answer
        assert [n.id for n in kg.without().__getattribute__(method.__name__)(start, max_hops=hops)] == [
            n.id for n, _ in got
        ]


def test_organ_parts_follow_part_of_transitively() -> None:
    nodes = [
        Node(id="organ", name="Organ", kind="organ"),
        Node(id="part", name="Part", kind="organ"),
        Node(id="cell", name="Cell", kind="cell"),
        Node(id="m", name="M", kind="myokine"),
        Node(id="p", name="P", kind="process"),
    ]
    ev = [{"reference": "r", "quote": "q"}]
    edges = [
        Edge(source="part", target="organ", predicate="part_of", evidence=ev),
        Edge(source="cell", target="part", predicate="part_of", evidence=ev),
        Edge(source="m", target="p", predicate="increases", location="cell", evidence=ev),
    ]
    kg = MetaGraph(nodes, edges, [Reference(key="r", title="R")])
    assert organ_parts(kg, "organ") == ["organ", "part", "cell"]
    assert [n.id for n in myokines_reaching(kg, "organ")] == ["m"]
    assert myokines_reaching(kg, "part") == myokines_reaching(kg, "cell")
    with pytest.raises(MetagraphError, match="not an organ or a cell type"):
        organ_parts(kg, "p")


def test_myokines_reaching_by_targets_or_located_effect() -> None:
    kg = sample_graph()
    assert [n.name for n in myokines_reaching(kg, "adipose tissue")] == ["IL-6", "Irisin"]
    assert [n.name for n in myokines_reaching(kg, "WAT")] == ["Irisin"]
    assert [n.name for n in myokines_reaching(kg, "liver")] == ["IL-6"]
    assert all(n.kind == Kind.MYOKINE for n in myokines_reaching(kg, "skeletal muscle"))


def test_myokine_effects_table() -> None:
    table = myokine_effects(sample_graph(), "adipose tissue")
    assert isinstance(table, MyokineEffects)
    assert [m.name for m in table.myokines] == ["IL-6", "Irisin"]
    rows = [(r["myokine"], r["effect"], r["target"], r["sign"], r["location"]) for r in table]
    assert rows == [
        ("IL-6", "increases", "Glucose uptake", "+", "Adipose tissue"),
        ("Irisin", "increases", "Browning of white fat", "+", "White adipose tissue"),
        ("Irisin", "targets", "Adipose tissue", "", ""),
    ]
    text = str(table)
    assert text.splitlines()[0] == "Myokines acting on Adipose tissue"
    assert text.splitlines()[1].split() == ["myokine", "claim", "effect", "target", "sign", "location", "citations"]
    assert "| IL-6 | individual | increases |" in table.to_markdown()
    assert table.to_dict()["rows"][0]["references"] == ["seed_article"]
    assert "<table" in table._repr_html_()


def test_myokine_effects_frame() -> None:
    pytest.importorskip("pandas")
    frame = myokine_effects(sample_graph(), "liver").to_frame()
    assert list(frame["predicate"]) == ["decreases", "targets"]


def test_organ_without_myokines_is_an_empty_table() -> None:
    kg = sample_graph().without("il6", "irisin")
    table = kg.myokine_effects("liver")
    assert len(table) == 0 and "no myokine" in str(table)


# -- the bundled graph -----------------------------------------------------------------
def test_bundled_myokines_of_the_crosstalk_table(kg: MetaGraph) -> None:
    def names(organ: str) -> set[str]:
        # A crosstalk-table row credits its organ to a group node; its members are the row's myokines.
        ids = {n.id for n in kg.myokines_reaching(organ)}
        return ids | {e.source for g in ids for e in kg.edges(target=g, predicate="member_of")}

    assert {"irisin", "fgf21", "il6"} <= names("adipose tissue")
    assert {"il6", "myonectin"} <= names("liver")
    assert "il6" in names("pancreas")
    assert {"il6", "bdnf"} <= names("skeletal muscle")
    assert all(n.kind == Kind.MYOKINE for n in kg.myokines_reaching("liver"))


def test_bundled_reach(kg: MetaGraph) -> None:
    assert "pgc1a" in [n.id for n in kg.downstream("AMPK")]
    assert {"hiit", "exercise"} <= {n.id for n in kg.upstream("mitochondrial biogenesis", kind="exercise")}


def test_categories_are_not_listed_as_myokines_reaching_an_organ(kg) -> None:
    # "Myokines" (the class its members are `is_a` of) targets the liver in the source's prose;
    # the answer lists the members, not the category.
    ids = [n.id for n in kg.myokines_reaching("liver")]
    assert "myokines" not in ids
    members = {e.source for g in ids for e in kg.edges(target=g, predicate="member_of")}
    assert {"il6", "myonectin"} <= set(ids) | members


def test_a_denied_claim_reaches_no_organ() -> None:
    said = [{"reference": "r", "quote": "said so"}]
    kg = MetaGraph(
        [
            Node(id="m1", name="M1", kind="myokine"),
            Node(id="m2", name="M2", kind="myokine"),
            Node(id="liver", name="Liver", kind="organ"),
            Node(id="lipo", name="Lipogenesis", kind="process"),
        ],
        [
            Edge(source="m1", target="liver", predicate="targets", evidence=said),
            Edge(source="m2", target="liver", predicate="targets", negated=True, evidence=said),
            Edge(source="m2", target="lipo", predicate="decreases", location="liver", negated=True, evidence=said),
        ],
        [Reference(key="r", title="R", doi="10.5555/r")],
    )
    assert [n.id for n in myokines_reaching(kg, "liver")] == ["m1"]
    # ...but the table of what myokines do there still shows the denial.
    assert {r["myokine"] for r in kg.myokine_effects("liver")} == {"M1", "M2"}
