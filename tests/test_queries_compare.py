"""compare: built from the graph's edges; reproduces the source's HIIT-vs-resistance-training table."""

from __future__ import annotations

import json
import sys

import pytest

from metagraph import MetaGraph, MetagraphError
from metagraph.examples import sample_graph
from metagraph.queries.compare import Comparison, compare, graded_modalities

TABLE_ROWS = ["mitochondrial_biogenesis", "insulin_sensitivity", "glucose_uptake", "body_composition"]


def test_toy_table_rows_cells_and_magnitudes() -> None:
    table = compare(sample_graph(), ["HIIT", "resistance training"])
    assert isinstance(table, Comparison)
    assert [o.id for o in table.outcomes] == TABLE_ROWS
    assert [m.id for m in table.modalities] == ["hiit", "resistance_training"]
    assert table.magnitude("mitochondrial biogenesis", "HIIT") == "high"
    assert table.magnitude("mitochondrial biogenesis", "RT") == "moderate"
    assert table.magnitude("insulin sensitivity", "HIIT") is None
    assert table.mechanism("glucose uptake", "RT") == "insulin-independent"
    parts = table.cells["body_composition"]
    assert [c.part.id for c in parts["hiit"]] == ["visceral_fat"]
    assert [c.part.id for c in parts["resistance_training"]] == ["lean_muscle_mass"]
    assert parts["hiit"][0].edge.sign == -1


def test_rows_need_every_modality_and_a_grade() -> None:
    table = compare(sample_graph(), ["HIIT"])
    ids = [o.id for o in table.outcomes]
    assert ids == ["mitochondrial_biogenesis", "visceral_fat", "body_composition"]  # graded ones only


def test_named_outcomes_keep_their_order_and_show_gaps() -> None:
    table = compare(sample_graph(), ["HIIT", "RT"], outcomes=["visceral fat", "insulin resistance"])
    assert [o.id for o in table.outcomes] == ["visceral_fat", "insulin_resistance"]
    assert table.cells["visceral_fat"]["resistance_training"] == []
    assert "—" in str(table)
    assert table.magnitude("insulin resistance", "HIIT") is None


def test_text_markdown_html_dict() -> None:
    table = compare(sample_graph(), ["HIIT", "RT"])
    text = str(table)
    lines = text.splitlines()
    assert lines[0] == "Comparison of HIIT and Resistance training"
    assert lines[1].split() == ["outcome", "HIIT", "Resistance", "training"]
    assert lines[3].startswith("Mitochondrial biogenesis  high: increases [1]")
    assert "References:" in text and "[1] Targeted exercise protocols" in text
    md = table.to_markdown()
    assert md.splitlines()[0] == "| outcome | HIIT | Resistance training |"
    assert (
        "| Body composition | effective: decreases visceral fat [1] | superior: increases lean muscle mass [1] |"
    ) in md
    html = table._repr_html_()
    assert html.count("<tr>") == 5 and "<caption>" in html
    data = json.loads(json.dumps(table.to_dict()))
    assert [o["id"] for o in data["outcomes"]] == TABLE_ROWS
    assert data["outcomes"][0]["cells"]["hiit"]["text"] == "high: increases"
    assert data["outcomes"][0]["cells"]["hiit"]["edges"][0]["magnitude"] == "high"
    assert repr(table) == "<Comparison: hiit, resistance_training on 4 outcomes>"


def test_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    frame = compare(sample_graph(), ["HIIT", "RT"]).to_frame()
    assert set(frame["modality"]) == {"hiit", "resistance_training"}
    assert list(frame.columns[:4]) == ["outcome", "outcome_name", "modality", "modality_name"]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MetagraphError, match="pandas"):
        compare(sample_graph(), ["HIIT", "RT"]).to_frame()


def test_mistakes() -> None:
    kg = sample_graph()
    with pytest.raises(MetagraphError, match="at least one modality"):
        compare(kg, [])
    with pytest.raises(MetagraphError, match="named twice"):
        compare(kg, ["HIIT", "hiit"])
    table = compare(kg, ["HIIT", "RT"])
    with pytest.raises(MetagraphError, match="not a row"):
        table.magnitude("AMPK", "HIIT")
    with pytest.raises(MetagraphError, match="not a column"):
        table.magnitude("glucose uptake", "AMPK")


def test_graded_modalities() -> None:
    assert graded_modalities(sample_graph()) == ["hiit", "resistance_training"]
    with pytest.raises(MetagraphError, match="name the modalities"):
        graded_modalities(sample_graph().without("hiit", "resistance_training"))


# -- the bundled graph -----------------------------------------------------------------
def test_bundled_graph_reproduces_the_source_table(kg: MetaGraph) -> None:
    table = kg.compare(["HIIT", "resistance training"])
    assert [o.id for o in table.outcomes] == TABLE_ROWS
    assert table.magnitude("mitochondrial biogenesis", "HIIT") == "high"
    assert table.magnitude("mitochondrial biogenesis", "resistance training") == "moderate"
    assert table.magnitude("insulin sensitivity", "resistance training") == "dramatic"
    assert table.magnitude("glucose uptake", "resistance training") == "significant"
    assert table.mechanism("glucose uptake", "resistance training") == "insulin-independent"
    # The HIIT cell names insulin signaling AND oxidative capacity: not purely insulin-dependent, so no mechanism.
    assert table.mechanism("glucose uptake", "HIIT") is None
    assert table.magnitude("body composition", "HIIT") == "effective"
    assert table.magnitude("body composition", "resistance training") == "superior"
    hiit_body = table.cells["body_composition"]["hiit"]
    assert [(c.part.id, c.edge.sign) for c in hiit_body] == [("visceral_fat", -1)]


def test_bundled_default_modalities(kg: MetaGraph) -> None:
    assert graded_modalities(kg) == ["hiit", "resistance_training"]


def test_a_quote_that_grades_two_outcomes_makes_neither_a_row() -> None:
    from metagraph import Edge, MetaGraph, Node, Reference

    nodes = [
        Node(id="a", name="A", kind="exercise"),
        Node(id="b", name="B", kind="exercise"),
        Node(id="x", name="X", kind="process"),
        Node(id="y", name="Y", kind="process"),
    ]

    def edge(s: str, t: str, quote: str, magnitude: str | None = None, predicate: str = "increases") -> Edge:
        return Edge(
            source=s, target=t, predicate=predicate, magnitude=magnitude, evidence=[{"reference": "r", "quote": quote}]
        )

    edges = [
        edge("a", "x", "cell text", "moderate"),
        edge("a", "y", "cell text", "moderate"),
        edge("b", "x", "other"),
        edge("b", "y", "more"),
    ]
    kg = MetaGraph(nodes, edges, [Reference(key="r", title="R")])
    assert compare(kg, ["a", "b"]).outcomes == []
    kg2 = MetaGraph(
        nodes, [*edges, edge("b", "x", "own cell", "high", predicate="activates")], [Reference(key="r", title="R")]
    )
    assert [o.id for o in compare(kg2, ["a", "b"]).outcomes] == ["x"]


def test_a_denied_claim_reads_as_a_denial_with_its_timescale(kg: MetaGraph) -> None:
    # the bundled literature denies that ONE sprint session raises insulin sensitivity (Richards 2010):
    # the cell must not show that edge as a second "increases"
    table = compare(kg, ["HIIT", "resistance training"])
    cells = table.cells["insulin_sensitivity"]["hiit"]
    denied = [c for c in cells if c.edge.negated]
    assert denied and all(not c.edge.negated or c.edge.timescale is not None for c in cells)
    text = str(table)
    assert "does not increase (acute)" in text
    assert "increases (in Skeletal muscle, chronic)" in text  # the training edge says it is a training effect
