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
        names = [(index.models[i].name.casefold(), index.ids[i]) for i in level]
        assert names == sorted(names)
