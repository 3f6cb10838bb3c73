"""The path search equals brute force over networkx, and reach equals a breadth-first search."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import MetaGraph
from metagraph.queries._paths import chain_order, find_edge_paths, reach, usable_edges
from tests.test_examples import query_graphs


def brute_force(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    max_hops: int,
    limit: int | None,
    via: frozenset[str] = frozenset(),
    avoid: frozenset[str] = frozenset(),
    predicates: frozenset[str] | None = None,
) -> list[tuple[tuple[str, str, str], ...]]:
    """Every simple edge path along usable edges, filtered and sorted in the documented order."""
    if source in avoid or target in avoid or source == target:
        return []
    ok = usable_edges(predicates)
    view = nx.subgraph_view(graph, filter_node=lambda n: n not in avoid, filter_edge=lambda u, v, k: ok(graph[u][v][k]))
    paths = [tuple(p) for p in nx.all_simple_edge_paths(view, source, target, cutoff=max_hops)]
    paths = [p for p in paths if via <= {u for u, _, _ in p} | {target}]
    paths.sort(key=lambda p: chain_order(graph, p))
    return paths if limit is None else paths[:limit]


def diamond() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for u, v, k, n in [
        ("a", "b", "activates", 1),
        ("b", "d", "activates", 1),
        ("b", "d", "inhibits", 3),
        ("a", "c", "increases", 2),
        ("c", "d", "decreases", 1),
        ("a", "d", "targets", 5),
        ("d", "e", "activates", 1),
        ("c", "b", "activates", 1),
    ]:
        g.add_edge(u, v, key=k, predicate=k, transmits=k != "targets", evidence=[{}] * n, location=None)
    return g


def test_parallel_edges_are_distinct_paths_in_documented_order() -> None:
    paths = find_edge_paths(diamond(), "a", "d", limit=None)
    assert paths == [
        (("a", "b", "activates"), ("b", "d", "inhibits")),  # 2 hops, 4 evidence items
        (("a", "c", "increases"), ("c", "d", "decreases")),  # 2 hops, 3
        (("a", "b", "activates"), ("b", "d", "activates")),  # 2 hops, 2
        (("a", "c", "increases"), ("c", "b", "activates"), ("b", "d", "inhibits")),  # 3 hops, 6
        (("a", "c", "increases"), ("c", "b", "activates"), ("b", "d", "activates")),  # 3 hops, 4
    ]


def test_non_transmitting_edges_are_not_followed() -> None:
    assert all(("a", "d", "targets") not in p for p in find_edge_paths(diamond(), "a", "d", limit=None))


def test_limit_max_hops_via_avoid_predicates() -> None:
    g = diamond()
    assert len(find_edge_paths(g, "a", "d", limit=2)) == 2
    assert all(len(p) <= 2 for p in find_edge_paths(g, "a", "d", max_hops=2, limit=None))
    assert find_edge_paths(g, "a", "e", max_hops=2) == []
    through_c = find_edge_paths(g, "a", "d", via=["c"], limit=None)
    assert through_c and all(any(u == "c" for u, _, _ in p) for p in through_c)
    assert all(all("b" not in (u, v) for u, v, _ in p) for p in find_edge_paths(g, "a", "d", avoid=["b"]))
    only = find_edge_paths(g, "a", "d", predicates={"activates"}, limit=None)
    assert only == [(("a", "b", "activates"), ("b", "d", "activates"))]


def test_degenerate_questions_give_no_path() -> None:
    g = diamond()
    assert find_edge_paths(g, "a", "a") == []
    assert find_edge_paths(g, "a", "d", avoid=["a"]) == []
    assert find_edge_paths(g, "a", "missing") == []
    assert find_edge_paths(g, "e", "a") == []
    assert find_edge_paths(g, "a", "d", via=["b"], avoid=["b"]) == []
    assert find_edge_paths(g, "a", "d", limit=0) == []


def test_chain_order_prefers_short_then_evidence_then_ids() -> None:
    g = diamond()
    one = (("a", "b", "activates"),)
    assert chain_order(g, one) < chain_order(g, (("a", "c", "increases"), ("c", "d", "decreases")))
    assert chain_order(g, (("a", "c", "increases"),)) < chain_order(g, one)  # more evidence first


@settings(max_examples=150)
@given(kg=query_graphs(), data=st.data())
def test_search_equals_brute_force(kg: MetaGraph, data: st.DataObject) -> None:
    ids = [n.id for n in kg]
    sources = [n for n in ids if kg.nx.out_degree(n)] or ids
    s = data.draw(st.sampled_from(sources))
    t = data.draw(st.sampled_from(ids))
    max_hops = data.draw(st.integers(1, 6))
    limit = data.draw(st.one_of(st.none(), st.integers(1, 12)))
    via = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=2)))
    avoid = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=2))) - via
    predicates = data.draw(
        st.one_of(
            st.none(),
            st.sets(
                st.sampled_from(
                    ["activates", "inhibits", "increases", "decreases", "secretes", "cleaved_into", "encodes"]
                ),
                min_size=1,
            ),
        )
    )
    got = find_edge_paths(kg.nx, s, t, max_hops=max_hops, limit=limit, via=via, avoid=avoid, predicates=predicates)
    want = brute_force(
        kg.nx, s, t, max_hops=max_hops, limit=limit, via=via - {s, t}, avoid=avoid, predicates=predicates
    )
    assert got == want
    for path in got:  # real simple paths from s to t within max_hops, honouring via and avoid
        nodes = [path[0][0], *(v for _, v, _ in path)]
        assert nodes[0] == s and nodes[-1] == t and len(path) <= max_hops
        assert len(set(nodes)) == len(nodes)
        assert all(kg.nx.has_edge(u, v, k) and kg.nx[u][v][k]["transmits"] for u, v, k in path)
        assert via <= set(nodes) and not avoid & set(nodes)


@given(kg=query_graphs(), data=st.data())
def test_reach_equals_breadth_first_search(kg: MetaGraph, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from([n.id for n in kg]))
    reverse = data.draw(st.booleans())
    max_hops = data.draw(st.one_of(st.none(), st.integers(1, 4)))
    view = nx.subgraph_view(kg.nx, filter_edge=lambda u, v, k: kg.nx[u][v][k]["transmits"])
    lengths = nx.single_source_shortest_path_length(
        view.reverse(copy=False) if reverse else view, start, cutoff=max_hops
    )
    del lengths[start]
    assert reach(kg.nx, start, reverse=reverse, max_hops=max_hops) == lengths


def test_search_works_on_frozen_views() -> None:
    g = diamond()
    view = nx.restricted_view(g, ["c"], [])
    assert find_edge_paths(view, "a", "d", limit=None) == brute_force(
        g, "a", "d", max_hops=6, limit=None, avoid=frozenset({"c"})
    )


@pytest.mark.parametrize("hops", [1, 2, 3])
def test_reach_respects_max_hops(hops: int) -> None:
    assert max(reach(diamond(), "a", max_hops=hops).values()) <= hops
