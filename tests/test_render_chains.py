"""Diagrams of chains: what ``Chain.to_html`` and ``Chain._repr_html_`` delegate to."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from metagraph import MetaGraph, RenderError
from metagraph.examples import chain_along
from metagraph.render.chains import (
    chain_diagram,
    chain_html,
    chain_html_iframe,
    chain_to_dot,
    chain_to_html,
    chain_to_mermaid,
    chain_to_svg,
)


def _nodes(page: str) -> list[dict]:
    start = page.index("var nodes = new vis.DataSet(") + len("var nodes = new vis.DataSet(")
    return [n for n in json.JSONDecoder().raw_decode(page, start)[0] if not n.get("via")]  # not bend points


def test_chain_page_shows_the_chain_in_its_context(pathway: MetaGraph, tmp_path: Path) -> None:
    c = chain_along(pathway, "il6", "inflammation", "insulin_resistance")
    out = chain_to_html(c, tmp_path / "c.html", graph=pathway)
    page = out.read_text(encoding="utf-8")
    nodes = _nodes(page)
    assert {n["id"] for n in nodes if n.get("highlighted")} == {"il6", "inflammation", "insulin_resistance"}
    assert {n["id"] for n in nodes} == set(pathway.subgraph(focus=["il6", "inflammation", "insulin_resistance"]).nx)
    assert "<title>IL-6 → Inflammation → Insulin resistance</title>" in page
    alone = _nodes(chain_html(c, graph=pathway, context_hops=0, title="just the chain"))
    assert {n["id"] for n in alone} == {"il6", "inflammation", "insulin_resistance"}


def test_real_chains_from_trace_carry_their_graph(pathway: MetaGraph) -> None:
    chains = pathway.trace("HIIT", "insulin sensitivity")
    page = chain_html(chains[1])  # no graph=: the chain keeps its own
    lit = {n["id"] for n in _nodes(page) if n.get("highlighted")}
    assert lit == {n.id for n in chains[1].nodes}
    both = chain_html(chains)
    assert "<title>2 chains</title>" in both
    assert {n["id"] for n in _nodes(both) if n.get("highlighted")} == {n.id for c in chains for n in c.nodes}


def test_a_bare_chain_draws_itself(pathway: MetaGraph) -> None:
    c = chain_along(pathway, "hiit", "atp_depletion", "ampk")
    bare = SimpleNamespace(nodes=c.nodes, edges=c.edges)
    assert {n["id"] for n in _nodes(chain_html(bare))} == {"hiit", "atp_depletion", "ampk"}
    with pytest.raises(RenderError, match="pass the graph"):
        chain_html(SimpleNamespace(nodes=["hiit", "ampk"], edges=[]))
    with pytest.raises(RenderError, match="pass the graph"):
        chain_html(SimpleNamespace(nodes=c.nodes[:1], edges=c.edges))
    with pytest.raises(RenderError, match="not in this graph"):
        chain_html(c, graph=MetaGraph(c.nodes[:1]))
    with pytest.raises(RenderError, match="expected a chain"):
        chain_html("hiit")


def test_iframe_for_notebooks(pathway: MetaGraph) -> None:
    c = chain_along(pathway, "hiit", "atp_depletion")
    frame = chain_html_iframe(c, graph=pathway, height=300)
    assert frame.startswith("<iframe srcdoc=") and "height: 300px" in frame and 'title="HIIT → ATP depletion"' in frame
    assert "vis.DataSet" in html.unescape(frame)
    shown = chain_diagram(c, graph=pathway, height=300)
    assert shown._repr_html_() == frame and shown.title == "HIIT → ATP depletion"


def test_static_diagrams_of_a_chain(pathway: MetaGraph, tmp_path: Path) -> None:
    c = chain_along(pathway, "il6", "inflammation", "insulin_resistance")
    mmd = chain_to_mermaid(c, graph=pathway)
    assert mmd.count("--x") == 1 and "n_il6" in mmd and "n_irisin" not in mmd
    assert "classDef dim" not in mmd  # context_hops=0: only the chain, nothing dimmed
    assert "classDef dim" in chain_to_mermaid(c, graph=pathway, context_hops=1)
    dot = chain_to_dot(c, graph=pathway, title="IL-6 and insulin resistance")
    assert dot.count(" -> ") == 2 + 1 and 'arrowhead="tee"' in dot  # 2 edges, 1 invisible: myokine before condition
    if shutil.which("dot"):
        assert "<svg" in chain_to_svg(c, tmp_path / "c.svg", graph=pathway).read_text(encoding="utf-8")
