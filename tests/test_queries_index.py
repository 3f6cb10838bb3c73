"""The graph index: built once per graph, absent for views, and its walks equal networkx's."""

from __future__ import annotations

import gc

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from metagraph import MetaGraph
from metagraph.examples import sample_graph
from metagraph.queries import _index as index_module
from metagraph.queries._index import index_of
from tests.test_examples import query_graphs
from tests.test_queries_paths import context_graphs


def test_index_is_cached_per_graph_and_released_with_it() -> None:
    kg = sample_graph()
    assert index_of(kg) is index_of(kg)
    assert index_of(sample_graph()) is not index_of(kg)
    assert index_of(kg.without("AMPK")) is None
    before = len(index_module._CACHE)
    del kg
    gc.collect()
    assert len(index_module._CACHE) < before


def test_located_edges() -> None:
    kg = sample_graph()
    located = index_of(kg).located(kg.nx)
    assert ("il6", "hepatic_glucose_production", "decreases@liver") in located["liver"]
    assert "ampk" not in located


@given(kg=query_graphs(), data=st.data())
def test_levels_equal_networkx_and_are_in_name_order(kg: MetaGraph, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from([n.id for n in kg]))
    index = index_of(kg)
    carrying = nx.subgraph_view(kg.nx, filter_edge=lambda u, v, k: kg.nx[u][v][k]["transmits"])
    lengths = nx.single_source_shortest_path_length(carrying, start)
    levels = index.reach(start)
    got = {index.ids[i]: hops for hops, level in enumerate(levels, start=1) for i in level}
    assert got == {n: d for n, d in lengths.items() if n != start}
    for level in levels:
        names = [(m.name.casefold(), m.id) for m in index.models(kg, level)]
        assert names == sorted(names)


def _brute_force_levels(edges: list[tuple[str, str]], start: str) -> dict[str, int]:
    """Hops from ``start`` by relaxing every edge until nothing changes (no search algorithm to share bugs with)."""
    dist = {start: 0}
    changed = True
    while changed:
        changed = False
        for u, v in edges:
            if u in dist and dist[u] + 1 < dist.get(v, len(edges) + 2):
                dist[v] = dist[u] + 1
                changed = True
    del dist[start]
    return dist


def test_walks_of_a_larger_graph_equal_a_brute_force_oracle() -> None:
    # 300 nodes: levels small and large, so both ways of making a level unique are used.
    import random

    from metagraph import Edge, Node, Reference

    rng = random.Random(7)
    count = 300
    names = [f"{rng.choice('abcXYZ')}{rng.randrange(10**6)}" for _ in range(count)]
    nodes = [Node(id=f"s{i}", name=names[i], kind="signal") for i in range(count)]
    pairs = {(f"s{rng.randrange(count)}", f"s{rng.randrange(count)}") for _ in range(450)}
    pairs = {(u, v) for u, v in pairs if u != v}
    evidence = [{"reference": "r", "quote": "q"}]
    edges = [Edge(source=u, target=v, predicate="activates", evidence=evidence) for u, v in sorted(pairs)]
    kg = MetaGraph(nodes, edges, [Reference(key="r", type="article", title="R")])
    index = index_of(kg)
    for start in ("s0", "s1", "s17", "s150"):
        for reverse in (False, True):
            arcs = [(v, u) if reverse else (u, v) for u, v in pairs]
            want = _brute_force_levels(arcs, start)
            levels = index.reach(start, reverse=reverse)
            got = {index.ids[i]: hops for hops, level in enumerate(levels, start=1) for i in level}
            assert got == want
            for level in levels:
                keys = [(m.name.casefold(), m.id) for m in index.models(kg, level)]
                assert keys == sorted(keys)
            near = index.reach(start, reverse=reverse, max_hops=2)
            assert {index.ids[i] for level in near for i in level} == {n for n, d in want.items() if d <= 2}


def _arrays(index: index_module.GraphIndex) -> list[list[int]]:
    """Each node's neighbours, forward then backward (a row's order is free: a walk makes levels sets)."""
    rows = []
    for indptr, indices in (index.forward, index.backward):
        rows += [sorted(indices[indptr[i] : indptr[i + 1]].tolist()) for i in range(len(indptr) - 1)]
    return rows


@given(kg=st.one_of(query_graphs(), context_graphs()))
def test_index_from_the_edges_noted_at_build_equals_one_from_the_graph(kg: MetaGraph) -> None:
    from copy import copy

    noted = index_module.GraphIndex(copy(kg))  # a copy: the index takes the notes from the graph it is given
    walked = copy(kg)
    walked._carrying = None  # as for a graph whose build noted nothing: a pass over its edges
    again = index_module.GraphIndex(walked)
    assert _arrays(noted) == _arrays(again)
    assert noted.timed == again.timed
    assert noted.ids == again.ids


def test_an_edge_given_twice_makes_the_index_read_the_graph() -> None:
    from metagraph._nx import Carrying, build

    noted = Carrying()
    build([("a", {}), ("b", {})], [("a", "b", "k", {"transmits": True}), ("a", "b", "k", {"transmits": False})], noted)
    assert not noted.exact


def test_build_notes_ends_as_positions_in_the_node_order_even_for_ends_it_adds() -> None:
    from metagraph._nx import Carrying, build

    noted = Carrying()
    graph = build(
        [("a", {}), ("b", {}), ("a", {"again": True})],  # a node given twice keeps its first place
        [("x", "a", "k", {"transmits": True}), ("b", "y", "k", {"transmits": True}), ("a", "b", "j", {})],
        noted,
    )
    order = list(graph.nodes)
    assert order == ["a", "b", "x", "y"]
    assert [(order[u], order[v]) for u, v in zip(noted.sources, noted.targets, strict=True)] == [("x", "a"), ("b", "y")]
    assert noted.exact


def test_models_are_made_only_for_the_nodes_a_walk_returns() -> None:
    kg = sample_graph()
    index = index_of(kg)
    found = kg.downstream("AMPK", max_hops=1)
    made = {index.ids[i] for i in index._made.nonzero()[0]}
    assert made == {n.id for n in found} and len(made) < len(kg)
    assert kg.downstream("AMPK", max_hops=1)[0] is found[0]  # kept: a repeat indexes an array
