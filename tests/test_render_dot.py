"""Graphviz DOT and SVG: structure, arrow semantics, escaping, and the real ``dot`` program."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

from metagraph import MetaGraph, RenderError
from metagraph.examples import HOSTILE_NAME, chain_along, hostile_graph
from metagraph.render._labels import edge_label
from metagraph.render.dot import dot_svg, quote_dot, to_dot
from tests.browser import need
from tests.strategies import graph_records

SVG = "{http://www.w3.org/2000/svg}"
EDGE = re.compile(r'^  "([^"]+)" -> "([^"]+)" \[(.*)\];$')


def edges_of(dot: str) -> list[tuple[str, str, str]]:
    return [m.groups() for line in dot.splitlines() if (m := EDGE.match(line)) and 'style="invis"' not in line]


def test_dot_has_every_node_edge_and_one_rank_per_kind(pathway: MetaGraph) -> None:
    dot = pathway.to_dot(layout="kinds")  # the old layout, kept as an option
    assert dot.startswith("digraph metagraph {\n") and dot.endswith("}\n")
    assert 'rankdir="LR"' in dot
    for n in pathway.nx.nodes:
        assert f'  "{n}" [label=' in dot
    assert len(edges_of(dot)) == 25
    ranks = re.findall(r"\{ rank=same; (.*); \}", dot)
    assert len(ranks) == 9
    assert ranks[0] == '"hiit"; "resistance_training"' or ranks[0] == '"resistance_training"; "hiit"'


def test_arrowheads_and_styles_follow_the_sign(pathway: MetaGraph) -> None:
    edges = {(u, v): attrs for u, v, attrs in edges_of(pathway.to_dot(layout="kinds"))}
    assert 'arrowhead="tee"' in edges[("il6", "inflammation")] and "dashed" not in edges[("il6", "inflammation")]
    assert 'arrowhead="normal"' in edges[("ampk", "pgc1a")]
    assert 'style="dashed"' in edges[("skeletal_muscle", "irisin")]
    assert 'constraint="false"' in edges[("skeletal_muscle", "irisin")]  # organ → myokine runs right to left
    assert (
        'label="increases (in Adipose tissue)"' in edges[("il6", "glucose_uptake")]
        or 'label="increases (in Skeletal muscle)"' in edges[("il6", "glucose_uptake")]
    )


def test_strings_are_escaped() -> None:
    dot = hostile_graph().to_dot(title='say "hi" \\ bye')
    assert 'label="end \\"node\\" #1; <b>bold</b>"' in dot
    assert 'label="say \\"hi\\" \\\\ bye"' in dot
    assert quote_dot("a\nb") == '"a\\nb"'


def test_highlight_thickens_the_chain(pathway: MetaGraph) -> None:
    dot = pathway.to_dot(highlight=chain_along(pathway, "il6", "inflammation", "insulin_resistance"))
    edges = {(u, v): attrs for u, v, attrs in edges_of(dot)}
    assert "penwidth=3" in edges[("il6", "inflammation")]
    assert 'color="#dee2e6"' in edges[("ampk", "pgc1a")]
    assert re.search(r'"il6" \[[^]]*penwidth=3', dot) and re.search(r'"ampk" \[[^]]*fillcolor="#f1f3f5"', dot)


def test_edge_cases(pathway: MetaGraph) -> None:
    assert to_dot(MetaGraph()).count(" -> ") == 0
    with pytest.raises(RenderError, match="not in this graph"):
        pathway.to_dot(highlight=chain_along(hostile_graph(), "evil", "end"))


def test_missing_graphviz_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, pathway: MetaGraph, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RenderError, match="apt-get install graphviz"):
        pathway.to_svg(tmp_path / "x.svg")
    assert not (tmp_path / "x.svg").exists()


def _need_dot() -> None:
    need(shutil.which("dot") is not None, "Graphviz's dot is not installed (apt-get install graphviz)")


def test_dot_draws_nodes_and_tee_arrowheads(pathway: MetaGraph, tmp_path: Path) -> None:
    _need_dot()
    root = ET.parse(pathway.to_svg(tmp_path / "p.svg", title="pathway", layout="kinds")).getroot()
    nodes = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    edges = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"}
    assert set(nodes) == {f"node_{n}" for n in pathway.nx.nodes}
    assert len(edges) == 25 and all(e.startswith("e") for e in edges)  # the ordering edges are invisible
    assert nodes["node_pgc1a"].find(f".//{SVG}text").text == "PGC-1α"

    dot = pathway.to_dot(title="pathway", layout="kinds")
    signs = {
        f"e{i}": pathway.edge_model(*_triple(pathway, u, v, attrs)).sign
        for i, (u, v, attrs) in enumerate(edges_of(dot))
    }

    def head(g: ET.Element) -> list[tuple[float, float]]:
        points = g.find(f".//{SVG}polygon").get("points").split()
        return [(float(x), float(y)) for x, y in (p.split(",") for p in points)]

    def is_bar(points: list[tuple[float, float]]) -> bool:
        # a tee head is a thin closed rectangle: 4 corners (+ the first again), one side much shorter
        if len(points) != 5:
            return False
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        return max(w, h) >= 3 * min(w, h)

    tees = {e for e, g in edges.items() if is_bar(head(g))}
    triangles = {e for e, g in edges.items() if len(head(g)) == 4}  # 3 corners, closed
    assert tees == {e for e, s in signs.items() if s == -1} and len(tees) == 3
    assert triangles == {e for e, s in signs.items() if s == 1}
    assert not triangles & tees and len(edges) - len(triangles) - len(tees) == 7  # the 7 structural "vee" heads


def _triple(pathway: MetaGraph, u: str, v: str, attrs: str) -> tuple[str, str, str]:
    label = re.search(r'label="([^"]*)"', attrs).group(1)
    return next((u, v, k) for k in pathway.nx[u][v] if edge_label(pathway, pathway.edge_model(u, v, k)) == label)


def test_dot_renders_hostile_text_as_text(tmp_path: Path) -> None:
    _need_dot()
    svg = hostile_graph().to_svg(tmp_path / "h.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert HOSTILE_NAME in texts and not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}img"))


def test_dot_failure_is_reported() -> None:
    _need_dot()
    with pytest.raises(RenderError, match="failed"):
        dot_svg("digraph { a -> }")


@settings(max_examples=30)
@given(graph_records())
def test_any_graph_gives_valid_dot(records: tuple) -> None:
    g = MetaGraph(*records)
    dot = to_dot(g, layout="kinds")
    assert len(edges_of(dot)) == g.nx.number_of_edges()
    # the compartments (the default) hide only "X is in its own region" edges, and keep them as lines
    regions = to_dot(g)
    assert len(re.findall(r'id="e\d+"', regions)) == g.nx.number_of_edges()
    for line in regions.splitlines():
        assert line.replace("\\\\", "").replace('\\"', "").count('"') % 2 == 0
    # every line is a statement Graphviz can read: quotes balanced once escapes are removed
    for line in dot.splitlines():
        assert line.replace("\\\\", "").replace('\\"', "").count('"') % 2 == 0
