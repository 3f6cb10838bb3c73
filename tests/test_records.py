"""One copy of each record: plain attributes in the graph, models made from them on demand."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given

import metagraph
from metagraph._nx import build
from metagraph.graph import MetaGraph, plain_records
from metagraph.models import Edge, Node, Reference, from_plain, to_plain
from tests.strategies import graph_records


@pytest.fixture(scope="module")
def kg() -> MetaGraph:
    return metagraph.load()


def test_plain_form_is_model_dump(kg: MetaGraph) -> None:
    for record in [*kg.nodes(), *kg.edges(), *kg.references.values()]:
        assert to_plain(record) == record.model_dump(mode="json")


def test_records_come_back_equal_from_their_plain_form(kg: MetaGraph) -> None:
    for model in (Node, Edge, Reference):
        records = {Node: kg.nodes(), Edge: kg.edges(), Reference: list(kg.references.values())}[model]
        for record in records:
            again = from_plain(model, to_plain(record))  # type: ignore[type-var]
            assert again == record and type(again) is model
            assert again.model_dump() == record.model_dump() and repr(again) == repr(record)


def test_the_graph_holds_no_models(kg: MetaGraph) -> None:
    # The attributes are the only copy: plain values all the way down.
    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return type(value) is dict and all(type(k) is str and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return type(value) is list and all(plain(v) for v in value)
        return value is None or type(value) in (str, int, bool)

    assert all(plain(a) for _, a in kg.nx.nodes(data=True))
    assert all(plain(a) for *_, a in kg.nx.edges(keys=True, data=True))


def test_models_are_made_on_demand_and_shared_while_held(kg: MetaGraph) -> None:
    u, v, k = next(iter(kg.nx.edges(keys=True)))
    edge = kg.edge_model(u, v, k)
    assert kg.edge_model(u, v, k) is edge and kg.edges(source=u, target=v)[0].source == u
    assert kg.node(u) is kg.node(u)
    ident = id(edge)
    del edge
    gc.collect()
    assert kg.edge_model(u, v, k) == kg.edge_model(u, v, k)  # made again, equal
    assert isinstance(ident, int)


def test_models_kept_weakly_are_swept_once_no_one_holds_them() -> None:
    import weakref

    from metagraph.graph import _FIRST_SWEEP, _Kept

    class Value:  # a plain object can be weakly referenced, an int cannot
        pass

    kept: _Kept[int, Value] = _Kept()
    held = [Value() for _ in range(10)]
    for i, value in enumerate(held):
        kept.put(i, value)
    for i in range(10, 10 + 5 * _FIRST_SWEEP):  # held by no one: each dies at once
        kept.put(i, Value())
    assert all(kept.get(i) is value for i, value in enumerate(held))  # the held ones stay
    assert kept.get(10) is None and kept.get(10 + 5 * _FIRST_SWEEP - 1) is None
    # Dead entries were swept: the table never grows past its next sweep point.
    assert len(kept._refs) < _FIRST_SWEEP and all(isinstance(r, weakref.ref) for r in kept._refs.values())


def test_a_model_asked_again_after_it_died_is_made_again_and_kept(kg: MetaGraph) -> None:
    records = kg._node_models
    first = records["ampk"]
    ident = id(first)
    del first
    gc.collect()
    again = records["ampk"]
    assert records["ampk"] is again and again.name == "AMPK" and isinstance(ident, int)


def test_building_a_graph_leaves_the_collector_as_it_found_it(kg: MetaGraph) -> None:
    assert gc.isenabled()
    MetaGraph(kg.nodes(), kg.edges(), kg.references.values())
    assert gc.isenabled()
    gc.disable()
    try:
        MetaGraph(kg.nodes(), kg.edges(), kg.references.values())
        assert not gc.isenabled()  # a caller who paused it keeps it paused
    finally:
        gc.enable()


def test_a_view_makes_the_same_models(kg: MetaGraph) -> None:
    view = kg.without("AMPK")
    assert view.edges() == [e for e in kg.edges() if "ampk" not in (e.source, e.target)]
    assert view.node("PGC-1α") == kg.node("PGC-1α")


def test_filters_read_the_attributes(kg: MetaGraph) -> None:
    assert kg.nodes(kind="organ") == [n for n in kg.nodes() if n.kind.value == "organ"]
    assert kg.edges(predicate="inhibits") == [e for e in kg.edges() if e.predicate.value == "inhibits"]


@given(graph_records())
def test_any_valid_graph_round_trips_through_its_plain_form(
    records: tuple[list[Node], list[Edge], list[Reference]],
) -> None:
    nodes, edges, refs = records
    graph = MetaGraph(nodes, edges, refs)
    by_triple = {(e.source, e.target, e.key): e for e in edges}
    assert graph.nodes() == nodes and {(e.source, e.target, e.key): e for e in graph.edges()} == by_triple
    for record in [*nodes, *edges, *refs]:
        assert to_plain(record) == record.model_dump(mode="json")
        assert from_plain(type(record), to_plain(record)) == record
    rebuilt = MetaGraph._from_plain(*plain_records(nodes, edges), {r.key: r for r in refs})
    assert rebuilt.nodes() == graph.nodes() and rebuilt.edges() == graph.edges()
    assert nx.utils.graphs_equal(rebuilt.nx, graph.nx)


def test_build_is_add_edge() -> None:
    nodes = [("a", {"kind": "signal"}), ("b", {"kind": "gene"}), ("c", {})]
    edges = [("a", "b", "x", {"w": 1}), ("a", "b", "y", {"w": 2}), ("b", "c", "x", {}), ("d", "a", "x", {})]
    by_hand: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for n, a in nodes:
        by_hand.add_node(n, **a)
    for u, v, k, a in edges:
        by_hand.add_edge(u, v, key=k, **a)
    built = build(nodes, edges)
    assert nx.utils.graphs_equal(built, by_hand)
    assert list(built.nodes) == list(by_hand.nodes) and list(built.edges(keys=True)) == list(by_hand.edges(keys=True))
    assert list(built.in_edges("b", keys=True)) == list(by_hand.in_edges("b", keys=True))


def test_the_cache_holds_plain_records_and_loads_the_same_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("METAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    first = metagraph.load()
    (entry,) = (tmp_path / "cache").glob("graph-*.json")
    stored, _ = json.loads(entry.read_bytes())  # an entry is [payload, "digest"]
    assert sorted(stored) == ["edges", "nodes", "references"]
    assert stored["nodes"][0] == [next(iter(first.nx.nodes)), first.nx.nodes[next(iter(first.nx.nodes))]]
    second = metagraph.load()
    assert nx.utils.graphs_equal(second.nx, first.nx)
    assert list(second.nx.edges(keys=True)) == list(first.nx.edges(keys=True))
    assert second.nodes() == first.nodes() and second.edges() == first.edges()
    assert dict(second.references) == dict(first.references)
    assert [c.triples for c in second.trace("HIIT", "insulin sensitivity")] == [
        c.triples for c in first.trace("HIIT", "insulin sensitivity")
    ]


def test_an_entry_of_another_layout_is_read_from_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from metagraph import _cache as cache

    monkeypatch.setenv("METAGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    first = metagraph.load()
    (entry,) = (tmp_path / "cache").glob("graph-*.json")
    key = entry.stem.removeprefix("graph-")
    cache.write_cached(key, {"nodes": [["x"]], "edges": "no", "references": []})  # checksum right, layout wrong
    again = metagraph.load()
    assert again.nodes() == first.nodes() and again.edges() == first.edges()
