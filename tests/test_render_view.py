"""Which part of a graph a diagram shows, and what it highlights."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import AmbiguousNodeError, MetaGraph, RenderError, UnknownNodeError
from metagraph._select import parse_kinds, select_ids
from metagraph.examples import chain_along
from metagraph.render.view import Highlight, diagram_view, highlight_sets, is_chain
from metagraph.schema import Kind
from tests.strategies import graph_records


def test_whole_graph_without_options(pathway: MetaGraph) -> None:
    assert select_ids(pathway) == list(pathway.nx.nodes)
    assert pathway.subgraph() is pathway


def test_neighbourhood_follows_edges_both_ways(pathway: MetaGraph) -> None:
    assert set(select_ids(pathway, focus="PGC-1α", hops=1)) == {"pgc1a", "ampk", "fndc5", "mitochondrial_biogenesis"}
    two = set(select_ids(pathway, focus="pgc1a", hops=2))
    assert {"atp_depletion", "glut4_translocation", "irisin"} <= two and "il6" not in two
    assert select_ids(pathway, focus="pgc1a", hops=0) == ["pgc1a"]
    assert set(select_ids(pathway, focus=["il6", "erfe"], hops=0)) == {"il6", "erfe"}


def test_kinds_filter_keeps_the_focus(pathway: MetaGraph) -> None:
    ids = select_ids(pathway, focus="irisin", hops=1, kinds=["organ"])
    assert set(ids) == {"irisin", "skeletal_muscle", "adipose_tissue"}
    assert {pathway.node(n).kind for n in select_ids(pathway, kinds="myokine")} == {Kind.MYOKINE}


def test_named_nodes_are_kept_exactly(pathway: MetaGraph) -> None:
    assert select_ids(pathway, nodes=["il6", "HIIT"]) == ["hiit", "il6"]
    assert set(select_ids(pathway, nodes=["il6"], focus="hiit", hops=0, kinds=["exercise"])) == {"il6", "hiit"}


def test_subgraph_is_a_view_sharing_the_records(pathway: MetaGraph) -> None:
    part = pathway.subgraph(focus="AMPK", hops=1)
    assert isinstance(part, MetaGraph) and len(part) == 4
    assert part.node("AMPK") is pathway.node("AMPK")
    assert part.references == pathway.references
    assert nx.is_frozen(part.nx)
    assert [e.target for e in part.edges(source="ampk")] == ["pgc1a", "glut4_translocation"]


def test_errors_name_the_problem(pathway: MetaGraph) -> None:
    with pytest.raises(UnknownNodeError):
        select_ids(pathway, focus="no such node")
    with pytest.raises(RenderError, match="'tissue' is not a kind"):
        parse_kinds(["organ", "tissue"])
    for bad in (-1, 1.5, "2", True):
        with pytest.raises(RenderError, match="whole number"):
            select_ids(pathway, focus="ampk", hops=bad)
    syn = MetaGraph([n.model_copy(update={"synonyms": ["shared"]}) for n in list(pathway)[:2]])
    with pytest.raises(AmbiguousNodeError):
        select_ids(syn, focus="shared")


def test_parse_kinds_accepts_one_or_many() -> None:
    assert parse_kinds(None) is None and parse_kinds([]) is None
    assert parse_kinds("organ") == frozenset({Kind.ORGAN})
    assert parse_kinds([Kind.CELL, "organ"]) == frozenset({Kind.CELL, Kind.ORGAN})


def test_highlight_collects_chains(pathway: MetaGraph) -> None:
    a = chain_along(pathway, "hiit", "atp_depletion", "ampk")
    b = chain_along(pathway, "il6", "inflammation")
    h = highlight_sets([a, b])
    assert h.nodes == {"hiit", "atp_depletion", "ampk", "il6", "inflammation"}
    assert h.edges == {
        ("hiit", "atp_depletion", "increases"),
        ("atp_depletion", "ampk", "activates"),
        ("il6", "inflammation", "decreases"),
    }
    assert highlight_sets(SimpleNamespace(chains=[a])) == highlight_sets(a)
    assert highlight_sets(None) == Highlight() and not Highlight().active


def test_highlight_rejects_what_is_not_a_chain(pathway: MetaGraph) -> None:
    for bad in ("hiit", 3, [pathway.node("hiit")], pathway):
        with pytest.raises(RenderError, match="highlight takes chains"):
            highlight_sets(bad)
    with pytest.raises(RenderError, match="Edge objects"):
        highlight_sets(SimpleNamespace(nodes=[], edges=["x"]))
    with pytest.raises(RenderError, match="Node objects or ids"):
        highlight_sets(SimpleNamespace(nodes=[3], edges=[]))
    assert not is_chain(pathway) and is_chain(SimpleNamespace(nodes=(), edges=()))


@settings(max_examples=30)
@given(graph_records(), st.integers(0, 3), st.data())
def test_neighbourhood_is_within_hops(records: tuple, hops: int, data: st.DataObject) -> None:
    kg = MetaGraph(*records)
    focus = data.draw(st.sampled_from(list(kg.nx.nodes)))
    ids = select_ids(kg, focus=focus, hops=hops)
    distance = nx.single_source_shortest_path_length(kg.nx.to_undirected(as_view=True), focus, cutoff=hops)
    assert set(ids) == set(distance)
    kinds = data.draw(st.lists(st.sampled_from(list(Kind)), max_size=3))
    kept = select_ids(kg, focus=focus, hops=hops, kinds=kinds)
    assert set(kept) <= set(ids) and focus in kept
    assert all(n == focus or not kinds or kg.node(n).kind in kinds for n in kept)


def test_views_keep_the_graph_order_of_nodes_and_edges(pathway: MetaGraph) -> None:
    # networkx's own subgraph walks a small part in the order of a set of strings, which
    # changes between runs with hash randomisation: diagrams of a focus would not be stable.
    view = pathway.subgraph(focus="AMPK", hops=2)
    ids = set(view.nx.nodes)
    assert 2 * len(ids) < len(pathway)  # small enough for networkx's set-ordered shortcut
    assert list(view.nx.nodes) == [n for n in pathway.nx.nodes if n in ids]
    assert list(view.nx.edges(keys=True)) == [e for e in pathway.nx.edges(keys=True) if e[0] in ids and e[1] in ids]
    marks_view, _ = diagram_view(pathway, focus="il6", hops=1, highlight=chain_along(pathway, "hiit", "atp_depletion"))
    ids = set(marks_view.nx.nodes)
    assert list(marks_view.nx.nodes) == [n for n in pathway.nx.nodes if n in ids]


def test_focus_diagrams_are_the_same_in_every_run() -> None:
    code = (
        "from metagraph.examples import pathway_graph; import hashlib; kg = pathway_graph(); "
        "text = kg.to_mermaid(focus='AMPK', hops=2) + kg.to_dot(focus='il6'); "
        "print(hashlib.sha256(text.encode()).hexdigest())"
    )
    root = Path(__file__).resolve().parent.parent
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


# -- a View, or its fields as keywords -------------------------------------------------
def test_a_view_draws_what_its_keywords_draw(pathway: MetaGraph, tmp_path: Path) -> None:
    from metagraph.render.html import html_document, show
    from metagraph.render.view import View

    c = chain_along(pathway, "hiit", "atp_depletion", "ampk")
    options: dict[str, Any] = {"focus": "ampk", "hops": 1, "kinds": None, "highlight": c, "title": "T"}
    view = View(**options)
    assert pathway.to_mermaid(view) == pathway.to_mermaid(**options)
    assert pathway.to_dot(view) == pathway.to_dot(**options)
    assert html_document(pathway, view) == html_document(pathway, **options)
    assert show(pathway, view, height=300).html == pathway.show(height=300, **options).html
    a, b = pathway.to_html(tmp_path / "a.html", view), pathway.to_html(tmp_path / "b.html", **options)
    assert a.read_bytes() == b.read_bytes()
    assert view.select(pathway)[0].nx.nodes == diagram_view(pathway, focus="ampk", highlight=c)[0].nx.nodes
    assert View() == View(focus=None, hops=1, kinds=None, highlight=None, title=None)
    with pytest.raises(FrozenInstanceError):
        view.hops = 2  # type: ignore[misc]


def test_a_view_and_options_or_unknown_options_are_refused(pathway: MetaGraph, tmp_path: Path) -> None:
    from metagraph.render.view import View

    with pytest.raises(RenderError, match=r"either a View or its options \(hops=\), not both"):
        pathway.to_mermaid(View(focus="ampk"), hops=2)
    with pytest.raises(RenderError, match="unknown view option 'depth'; the options are focus, hops"):
        pathway.to_dot(focus="ampk", depth=2)  # type: ignore[call-arg]
    with pytest.raises(RenderError, match="unknown view options 'size', 'colour'"):
        pathway.show(size=2, colour="red")  # type: ignore[call-arg]
    with pytest.raises(RenderError, match=r"the view must be a metagraph\.render\.view\.View, not 'ampk'"):
        pathway.to_mermaid("ampk")  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="not both"):
        pathway.to_html(tmp_path / "x.html", View(), title="x")
    assert not (tmp_path / "x.html").exists()
