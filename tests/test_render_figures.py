"""Figures for papers and slides: sign semantics, legends, compartments, sizes and warnings."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest

from metagraph import Edge, MetaGraph, Node
from metagraph.examples import pathway_graph
from metagraph.render._compartments import compartments
from metagraph.render._legend import legend_items
from metagraph.render._style import EDGE_LOOKS, edge_look
from metagraph.render.dot import SVG_WARN_NODES, to_dot, to_svg
from metagraph.render.mermaid import to_mermaid
from metagraph.render.view import RenderWarning

EV = [{"reference": "r", "quote": "q"}]


def semantics_graph() -> MetaGraph:
    """One edge of every semantics, and a denied one."""
    nodes = [
        Node(id="ex", name="Exercise", kind="exercise"),
        Node(id="a", name="AMPK", kind="signal"),
        Node(id="b", name="PGC-1α", kind="signal"),
        Node(id="c", name="Inflammation", kind="condition"),
        Node(id="d", name="Obesity", kind="condition"),
        Node(id="m", name="Irisin", kind="myokine"),
        Node(id="liver", name="Liver", kind="organ"),
    ]
    edges = [
        Edge(source="ex", target="a", predicate="activates", evidence=EV),
        Edge(source="a", target="c", predicate="decreases", evidence=EV),
        Edge(source="a", target="b", predicate="regulates", evidence=EV),
        Edge(source="m", target="liver", predicate="targets", evidence=EV),
        Edge(source="c", target="d", predicate="positively_associated_with", evidence=EV),
        Edge(source="ex", target="d", predicate="negatively_associated_with", evidence=EV),
        Edge(source="b", target="d", predicate="associated_with", evidence=EV),
        Edge(source="m", target="c", predicate="increases", negated=True, evidence=EV),
    ]
    return MetaGraph(nodes, edges, validate=False)


def test_every_semantics_has_its_own_look() -> None:
    kg = semantics_graph()
    looks = {e.predicate.value + ("_not" if e.negated else ""): edge_look(e) for e in kg.edges()}
    assert looks["activates"].dot_arrowhead == "normal" and looks["decreases"].dot_arrowhead == "tee"
    assert looks["regulates"].dot_arrowhead == "odiamond" and looks["regulates"].dot_style is None
    assert looks["targets"].dot_style == "dashed"
    assert {looks[p].dot_style for p in looks if "associated" in p} == {"dotted"}
    assert {looks[p].dot_arrowhead for p in looks if "associated" in p} == {"none"}
    # regulation is drawn unlike structure, and unlike either sign
    assert looks["regulates"].colour not in {looks["targets"].colour, looks["activates"].colour}
    assert len({(s.colour, s.dot_arrowhead, s.dot_style) for s in EDGE_LOOKS.values()}) == len(EDGE_LOOKS)


def test_dot_draws_semantics_negation_and_legend() -> None:
    dot = to_dot(semantics_graph(), legend=True, title="All semantics")
    assert 'arrowhead="odiamond"' in dot and 'style="dotted"' in dot and 'arrowhead="tee"' in dot
    assert 'label="NOT increases"' in dot and 'headlabel="✕"' in dot
    legend = next(line for line in dot.splitlines() if '"mg_legend"' in line and "label=<" in line)
    for look in ("increases", "decreases", "regulates", "structural", "association"):
        assert EDGE_LOOKS[look if look != "association" else "association"].meaning.split(" (")[0] in legend
    assert "regulates (an effect whose direction is not stated)" in legend and "NOT: a claim" in legend
    assert "exercise" in legend and "cells" not in legend  # only the kinds drawn
    assert 'label="All semantics"' in dot
    assert "mg_legend" not in to_dot(semantics_graph())  # a legend only when asked


def test_mermaid_draws_semantics_and_legend() -> None:
    text = to_mermaid(semantics_graph(), legend=True)
    assert ' --o|"regulates"| ' in text and ' -.-|"is positively associated with"| ' in text
    assert '|"NOT increases"|' in text and 'subgraph legend["Legend"]' in text
    assert "stroke-dasharray:2 3" in text
    links = [line for line in text.splitlines() if re.search(r"\|\"[^\"]*\"\| ", line)]
    styled = {
        int(i) for line in text.splitlines() if line.startswith("  linkStyle") for i in line.split()[1].split(",")
    }
    assert styled == set(range(len(links)))  # every link, the legend's too, has its style


def test_legend_lists_what_is_drawn() -> None:
    items = legend_items(semantics_graph())
    assert [e.key for e in items.edges] == [
        "increases",
        "decreases",
        "regulates",
        "structural",
        "positive_association",
        "negative_association",
        "association",
    ]
    assert items.negated and items.kinds[0].kind.value == "exercise"


def test_compartments_follow_the_body() -> None:
    kg = pathway_graph()
    parts = compartments(kg)
    keys = [r.key for r in parts.regions]
    assert keys[:3] == ["exercise", "muscle", "circulation"] and keys[-1] == "body"
    assert parts.of["irisin"] == "circulation" and parts.of["hiit"] == "exercise"
    assert parts.place_of("skeletal_muscle") == "muscle" and "skeletal_muscle" not in parts.of
    drawn = [n for r in parts.regions for n in r.members]
    assert len(drawn) == len(set(drawn))  # a myokine reaching several organs is drawn once
    organs = {n.id for n in kg if n.kind.value in ("organ", "cell")}
    assert set(drawn) | organs == set(kg.nx.nodes)


def test_compartment_layout_in_dot_and_mermaid() -> None:
    kg = pathway_graph()
    dot = to_dot(kg, layout="compartments")
    assert 'subgraph "cluster_exercise"' in dot and 'subgraph "cluster_circulation"' in dot
    assert 'lhead="cluster_' in dot and 'id="place_adipose_tissue"' in dot
    assert 'id="node_adipose_tissue"' not in dot and dot.count('id="node_irisin"') == 1
    text = to_mermaid(kg, layout="compartments")
    assert 'subgraph r_circulation["Circulation"]' in text and "subgraph r_adipose_tissue[" in text
    assert text.count('n_irisin{"Irisin"}') == 1
    assert to_dot(kg, layout="compartments") == dot  # byte-stable


def test_compartment_layout_escapes_hostile_names() -> None:
    kg = MetaGraph(
        [
            Node(id="o", name='<img src=x onerror=alert(1)> "organ"', kind="organ"),
            Node(id="m", name="]]> end; #x", kind="myokine"),
        ],
        [Edge(source="m", target="o", predicate="targets", evidence=EV)],
        validate=False,
    )
    text = to_mermaid(kg, layout="compartments", legend=True)
    assert "<img" not in text and "#60;img" in text
    dot = to_dot(kg, layout="compartments", legend=True)
    assert '\\"organ\\"' in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz")
def test_svg_sizes(tmp_path: Path) -> None:
    kg = pathway_graph()
    widths = {}
    for size in ("slide", "column", "page"):
        svg = to_svg(kg, tmp_path / f"{size}.svg", size=size, focus="AMPK").read_text(encoding="utf-8")
        widths[size] = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))  # type: ignore[union-attr]
    assert widths["column"] <= 3.35 * 72 + 1 < widths["page"] <= 7.09 * 72 + 1 < widths["slide"]


def test_svg_warns_before_a_huge_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import metagraph.render.dot as dot_module

    monkeypatch.setattr(dot_module, "dot_svg", lambda dot: b"<svg/>")
    kg = pathway_graph()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        to_svg(kg, tmp_path / "ok.svg")
    monkeypatch.setattr(dot_module, "SVG_WARN_NODES", 5)
    with pytest.warns(RenderWarning, match="to_html"):
        to_svg(kg, tmp_path / "big.svg")
    assert SVG_WARN_NODES == 300


@pytest.mark.slow
def test_svg_of_a_10k_node_graph_warns_before_graphviz_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import metagraph.render.dot as dot_module
    from benchmarks.generator import generate_graph

    kg = generate_graph(10_000, 30_000, seed=1)
    warned_first: list[bool] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        def fake_dot(dot: str) -> bytes:  # Graphviz would take many minutes: the warning must come first
            warned_first.append(any(issubclass(w.category, RenderWarning) for w in caught))
            return b"<svg/>"

        monkeypatch.setattr(dot_module, "dot_svg", fake_dot)
        to_svg(kg, tmp_path / "big.svg")
    messages = [str(w.message) for w in caught if issubclass(w.category, RenderWarning)]
    assert len(messages) == 1 and "10000 nodes" in messages[0] and "to_html" in messages[0]
    assert warned_first == [True]
