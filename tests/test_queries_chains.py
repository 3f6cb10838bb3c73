"""Chain: nodes and edges line up, the sign is the product of the edge signs, every view is readable."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metagraph import Edge, MetaGraph, MetagraphError, Node, Reference
from metagraph.examples import sample_graph
from metagraph.queries._paths import find_edge_paths
from metagraph.queries.chains import Chain, in_sentence, node_name, reference_label, step_label
from tests.test_examples import query_graphs


def nasty_graph() -> MetaGraph:
    """Names and quotes that need escaping in HTML."""
    nodes = [Node(id="a", name="<script>A</script>", kind="signal"), Node(id="b", name='B & "b"', kind="process")]
    edges = [
        Edge(
            source="a",
            target="b",
            predicate="inhibits",
            evidence=[{"reference": "r", "quote": "<b>bold</b> & co", "hedged": True}],
        )
    ]
    return MetaGraph(nodes, edges, [Reference(key="r", title="T <i>", authors=["X Y"], year=2001, doi="10.1234/x")])


def test_nodes_edges_and_readable_line() -> None:
    kg = sample_graph()
    chain = kg.trace("HIIT", "insulin resistance")[0]
    assert [n.id for n in chain.nodes] == ["hiit", "insulin_sensitivity", "insulin_resistance"]
    assert [e.predicate.value for e in chain.edges] == ["increases", "decreases"]
    assert str(chain) == "HIIT —increases→ Insulin sensitivity —decreases→ Insulin resistance"
    assert (chain.source.id, chain.target.id, chain.hops, len(chain)) == ("hiit", "insulin_resistance", 2, 2)
    assert chain.sign == -1 and chain.effect == "decreases"
    assert repr(chain).startswith("<Chain -1: HIIT")


def test_structural_transmitting_edges_count_as_plus_one() -> None:
    kg = sample_graph()
    chain = kg.trace("PGC-1α", "irisin")[0]
    assert [e.predicate.value for e in chain.edges] == ["increases", "cleaved_into"]
    assert chain.sign == 1 and "is cleaved into" in str(chain)


def test_location_and_hedging_show_in_the_step_label() -> None:
    kg = sample_graph()
    edge = kg.edges("il6", "hepatic_glucose_production")[0]
    assert step_label(kg, edge) == "may decrease (in Liver)"
    chains = kg.trace("IL-6", "glucose uptake", limit=None)
    assert [str(c) for c in chains] == [
        "IL-6 —increases (in Adipose tissue)→ Glucose uptake",
        "IL-6 —increases (in Skeletal muscle)→ Glucose uptake",
    ]


def test_evidence_counts_references_and_weakest_link() -> None:
    chain = sample_graph().trace("HIIT", "insulin resistance")[0]
    assert chain.evidence_count == 3
    assert chain.references == ["seed_article", "shen2024"]
    assert chain.weakest_link.target == "insulin_sensitivity"


def test_explain_has_quotes_numbered_citations_and_dois() -> None:
    text = sample_graph().trace("HIIT", "insulin resistance")[0].explain()
    assert text.startswith("HIIT increases insulin sensitivity [1], which decreases insulin resistance [1][2].")
    assert "Overall, more HIIT means less insulin resistance (2 steps, 3 evidence items)." in text
    assert "“insulin sensitivity decreases insulin resistance” [2]" in text
    assert text.rstrip().endswith("doi:10.3389/fphys.2024.1337442")
    assert "  [1] Targeted exercise protocols" in text


def test_to_dict_is_json_ready_and_complete() -> None:
    chain = sample_graph().trace("HIIT", "insulin resistance")[0]
    data = json.loads(json.dumps(chain.to_dict()))
    assert data["effect"] == "decreases" and data["sign"] == -1 and data["hops"] == 2
    assert [e["predicate"] for e in data["edges"]] == ["increases", "decreases"]
    assert data["references"][1]["doi"] == "10.3389/fphys.2024.1337442"
    assert data["text"] == str(chain)


def test_html_escapes_every_data_text() -> None:
    kg = nasty_graph()
    html = kg.trace("a", "b")[0]._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert "T &lt;i&gt;" in html


def test_to_frame_has_one_row_per_step() -> None:
    pytest.importorskip("pandas")
    frame = sample_graph().trace("HIIT", "insulin resistance")[0].to_frame()
    assert list(frame["predicate"]) == ["increases", "decreases"]
    assert frame.index.name == "step"


def test_to_frame_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    chain = sample_graph().trace("HIIT", "insulin resistance")[0]
    with pytest.raises(MetagraphError, match=r"pip install exercise-metagraph\[pandas\]"):
        chain.to_frame()


def test_equality_and_empty_chain() -> None:
    kg = sample_graph()
    assert kg.trace("HIIT", "AMPK")[0] == kg.trace("HIIT", "AMPK")[0]
    assert len({kg.trace("HIIT", "AMPK")[0], kg.trace("HIIT", "AMPK")[0]}) == 1
    with pytest.raises(MetagraphError):
        Chain(kg, [])


def test_helpers() -> None:
    kg = sample_graph()
    assert node_name(kg.without("liver"), "liver") == "liver"
    assert in_sentence("Lean muscle mass") == "lean muscle mass" and in_sentence("GLUT4") == "GLUT4"
    assert reference_label(kg.references, "nope") == "nope"


@given(kg=query_graphs(), data=st.data())
def test_sign_is_the_product_of_edge_signs(kg: MetaGraph, data: st.DataObject) -> None:
    ids = [n.id for n in kg]
    s, t = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
    for path in find_edge_paths(kg.nx, s, t, limit=None):
        chain = Chain(kg, path)
        product = 1
        for e in chain.edges:
            product *= e.sign or 1
        assert chain.sign == product
        assert chain.effect == ("increases" if product > 0 else "decreases")
        assert [n.id for n in chain.nodes] == [path[0][0], *(v for _, v, _ in path)]
