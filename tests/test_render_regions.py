"""The compartment layout's regions, checked on the page's own numbers (no browser needed).

Regions never intersect: side by side or stacked, each has a rectangle of its own. One
region may lie inside another only when its organ is part of the other's (then wholly
inside it). A region holding nothing but its own organ's node is not drawn, and a
node's label wraps between words only.
"""

from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

import metagraph
from metagraph import MetaGraph
from metagraph.render import html as page_module
from metagraph.render._region_layout import DrawnRegion, RegionLayout, region_layout
from metagraph.render.html import html_document, page_contents
from metagraph.render.view import as_view
from metagraph.schema import Predicate
from tests.strategies import graph_records

VIEWS: dict[str, dict[str, Any]] = {
    "whole graph": {},
    "liver": {"focus": "liver"},
    "adipose tissue": {"focus": "adipose tissue"},
    "irisin": {"focus": "irisin"},
    "IL-6 at 2 hops": {"focus": "IL-6", "hops": 2},
}


@pytest.fixture(scope="module")
def kg() -> MetaGraph:
    return metagraph.load()


def _layout(graph: MetaGraph, **options: Any) -> tuple[MetaGraph, RegionLayout]:
    """What the page lays out for ``options``: the same call :func:`metagraph.render.html.to_html` makes."""
    part, marks = as_view(None, options).select(graph)
    emphasis = [(u, v) for u, v, _ in marks.edges]
    return part, region_layout(graph, part, page_module._sizer(part, marks), emphasis=emphasis)


def _intersect(a: DrawnRegion, b: DrawnRegion) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def _inside(inner: DrawnRegion, outer: DrawnRegion) -> bool:
    return (
        outer.left < inner.left and inner.right < outer.right and outer.top < inner.top and inner.bottom < outer.bottom
    )


def _part_of(graph: MetaGraph, child: str, parent: str) -> bool:
    structure = nx.DiGraph((u, v) for u, v, p in graph.nx.edges(data="predicate") if p == Predicate.PART_OF and u != v)
    return child in structure and parent in structure and nx.has_path(structure, child, parent)


def _check(graph: MetaGraph, part: MetaGraph, lay: RegionLayout) -> None:
    regions = lay.regions
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            if not _intersect(a, b):
                continue
            # Overlapping is only ever nesting: the whole of a part inside the whole of its organ.
            inner, outer = (a, b) if _inside(a, b) else (b, a)
            assert _inside(inner, outer), f"regions {a.key} and {b.key} overlap"
            assert _part_of(graph, inner.key, outer.key), f"{inner.key} drawn inside {outer.key}"
    drawn = {r.key: r for r in regions}
    for r in regions:
        assert r.left < r.right and r.top < r.bottom, r
        held = [n for n in part.nx.nodes if lay.region_of[n] == r.key and n not in lay.headers]
        children = [c for c in regions if c is not r and _inside(c, r)]
        assert held or children, f"region {r.key} is drawn with nothing in it"
    for n in part.nx.nodes:
        x, y = lay.positions[n]
        home = drawn.get(lay.region_of[n])
        if home is not None:
            assert home.left <= x <= home.right and home.top <= y <= home.bottom, f"{n} outside {home.key}"
        for r in regions:
            if r is not home and (home is None or not _inside(home, r)):
                assert not (r.left <= x <= r.right and r.top <= y <= r.bottom), f"{n} drawn inside {r.key}"


@pytest.mark.parametrize("name", list(VIEWS))
def test_regions_of_the_bundled_graph_never_overlap(kg: MetaGraph, name: str) -> None:
    part, lay = _layout(kg, **VIEWS[name])
    _check(kg, part, lay)


def test_an_organ_with_nothing_in_it_is_its_node_alone(kg: MetaGraph) -> None:
    """The brain (reached by a myokine, holding no node of its own) is a node, not an empty region."""
    part, lay = _layout(kg)
    assert "brain" in part.nx.nodes and "brain" not in lay.headers
    assert "brain" not in {r.key for r in lay.regions}
    assert "brain" not in page_contents(kg)["regions"]
    page = html_document(kg)
    start = page.index("regions: ") + len("regions: ")
    listed = json.JSONDecoder().raw_decode(page, start)[0]
    assert all(r["count"] > 0 for r in listed), [(r["key"], r["count"]) for r in listed if not r["count"]]
    assert 'value="brain"' not in page  # no checkbox in the legend for it
    assert {r.key for r in lay.regions} == set(page_contents(kg)["regions"])


def test_a_long_word_widens_its_label_instead_of_breaking(kg: MetaGraph) -> None:
    page = html_document(kg, focus="kynurenine aminotransferases", hops=0)
    nodes = json.loads(re.search(r"var nodes = new vis.DataSet\((\[.*?\])\);", page).group(1))  # type: ignore[union-attr]
    node = next(n for n in nodes if n["id"] == "kynurenine_aminotransferases")
    # "aminotransferases" is 17 characters: wider than the usual 150-pixel limit holds at 18 px
    assert node["widthConstraint"]["maximum"] >= 17 * 0.5 * 18 + 16
    short = html_document(kg, focus="AMPK", hops=0)
    assert '"maximum": 150' in short


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=16, max_edges=36))
def test_regions_of_any_graph_never_overlap(records: tuple) -> None:
    graph = MetaGraph(*records)
    part, lay = _layout(graph)
    _check(graph, part, lay)
