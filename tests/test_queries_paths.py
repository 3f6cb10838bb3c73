"""The path search equals brute force over networkx, and reach equals a breadth-first search.

The oracles follow the same rules as the search: only transmitting edges, and no
chronic-only edge after an acute-only one anywhere in a chain. :func:`context_graphs`
draws graphs with timescales, summary and negated edges, hedged and contradicting
evidence of every type, species and two reference layers, for these tests and the
context tests.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import Edge, Evidence, MetaGraph, Reference
from metagraph.queries._paths import (
    ORDERS,
    chain_order,
    find_edge_paths,
    find_paths_to_many,
    reach,
    usable_edges,
    valid_timescales,
)
from metagraph.schema import ASSOCIATIONS
from tests.test_examples import query_graphs

CONTEXT_REFS = [
    Reference(key="r1", title="The article", layer="article"),
    Reference(key="r2", title="A primary paper", authors=["Doe J"], year=2020, doi="10.1234/abc"),
]


@st.composite
def evidence_item(draw: st.DrawFn, j: int) -> Evidence:
    kind = draw(st.sampled_from(["author_statement", "experimental", "curator_inference"]))
    common = {
        "reference": draw(st.sampled_from(["r1", "r2"])),
        "type": kind,
        "hedged": draw(st.booleans()),
        "stance": "contradicts" if draw(st.integers(0, 5)) == 0 else "supports",
    }
    if kind == "experimental":
        species = draw(st.sampled_from(["human", "mouse", "rat"]))
        return Evidence(**common, finding=f"f{j}", species=species, system="in_vivo")
    if kind == "curator_inference":
        return Evidence(**common, finding=f"f{j}")
    return Evidence(**common, quote=f"q{j}")


@st.composite
def context_graphs(draw: st.DrawFn) -> MetaGraph:
    """A :func:`query_graphs` graph whose edges carry timescales, summary/negated flags and varied evidence."""
    base = draw(query_graphs())
    exercises = [n.id for n in base if n.kind.value == "exercise"]
    edges = {}
    for e in base.edges():
        record = e.model_dump(mode="json", exclude_none=True)
        record["evidence"] = [draw(evidence_item(j)) for j in range(draw(st.integers(1, 3)))]
        record["timescale"] = draw(st.sampled_from([None, None, "acute", "chronic"]))
        record["summary"] = draw(st.integers(0, 3)) == 0
        record["negated"] = draw(st.integers(0, 7)) == 0
        record["modality"] = draw(st.sampled_from([None, None, *exercises]))
        edge = Edge(**record)
        edges.setdefault((edge.source, edge.target, edge.key), edge)
    return MetaGraph(list(base), list(edges.values()), CONTEXT_REFS)


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
    order: str = "shortest",
) -> list[tuple[tuple[str, str, str], ...]]:
    """Every simple edge path along usable edges, filtered and sorted in the documented order."""
    if source in avoid or target in avoid or source == target:
        return []
    ok = usable_edges(predicates)
    view = nx.subgraph_view(graph, filter_node=lambda n: n not in avoid, filter_edge=lambda u, v, k: ok(graph[u][v][k]))
    paths = [tuple(p) for p in nx.all_simple_edge_paths(view, source, target, cutoff=max_hops)]
    paths = [p for p in paths if via <= {u for u, _, _ in p} | {target}]
    paths = [p for p in paths if timescales_ok(graph, p)]
    paths.sort(key=lambda p: chain_order(graph, p, order))
    return paths if limit is None else paths[:limit]


def timescales_ok(graph: nx.MultiDiGraph, path: tuple[tuple[str, str, str], ...]) -> bool:
    """Written apart from the search: no acute-only edge anywhere before a chronic-only one."""
    scales = [graph[u][v][k].get("timescale") for u, v, k in path]
    return not any(a == "acute" and b == "chronic" for i, a in enumerate(scales) for b in scales[i + 1 :])


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


@settings(max_examples=150)
@given(kg=context_graphs(), data=st.data())
def test_search_equals_brute_force_with_timescales_and_every_order(kg: MetaGraph, data: st.DataObject) -> None:
    ids = [n.id for n in kg]
    s = data.draw(st.sampled_from(ids))
    t = data.draw(st.sampled_from(ids))
    max_hops = data.draw(st.integers(1, 5))
    limit = data.draw(st.one_of(st.none(), st.integers(1, 6)))
    order = data.draw(st.sampled_from(ORDERS))
    via = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=1)))
    got = find_edge_paths(kg.nx, s, t, max_hops=max_hops, limit=limit, via=via, order=order)
    assert got == brute_force(kg.nx, s, t, max_hops=max_hops, limit=limit, via=via - {s, t}, order=order)
    for path in got:
        assert valid_timescales(kg.nx, path)
        assert not any(kg.edge_model(u, v, k).negated for u, v, k in path)  # a denied claim is never followed
        assert all(kg.edge_model(u, v, k).predicate.value not in ASSOCIATIONS for u, v, k in path)


def test_chronic_never_follows_acute() -> None:
    g = nx.MultiDiGraph()
    for u, v, scale in [("a", "b", "acute"), ("b", "c", "chronic"), ("b", "c", None), ("c", "d", "chronic")]:
        g.add_edge(u, v, key=str(scale), predicate="increases", transmits=True, evidence=[{}], timescale=scale)
    g.add_edge("x", "b", key="chronic", predicate="increases", transmits=True, evidence=[{}], timescale="chronic")
    assert find_edge_paths(g, "a", "c", limit=None) == [(("a", "b", "acute"), ("b", "c", "None"))]
    assert find_edge_paths(g, "a", "d", limit=None) == []  # chronic c → d comes after the acute a → b
    assert len(find_edge_paths(g, "x", "d", limit=None)) == 2  # chronic then anything is fine
    assert reach(g, "a") == {"b": 1, "c": 2}
    assert reach(g, "d", reverse=True) == {"c": 1, "b": 2, "x": 3}


def test_mechanism_order_puts_the_fine_chain_before_its_summary() -> None:
    g = nx.MultiDiGraph()
    fine = [("hiit", "ampk"), ("ampk", "pgc1a"), ("pgc1a", "mito")]
    for u, v in fine:
        g.add_edge(u, v, key="increases", predicate="increases", transmits=True, evidence=[{}])
    g.add_edge("hiit", "mito", key="increases", predicate="increases", transmits=True, evidence=[{}] * 5, summary=True)
    g.add_edge("hiit", "pgc1a", key="increases", predicate="increases", transmits=True, evidence=[{}], hedged=True)
    mech = find_edge_paths(g, "hiit", "mito", order="mechanism")
    assert [len(p) for p in mech] == [3, 2, 1]  # no summary, no hedged step; hedged; the summary last
    assert [len(p) for p in find_edge_paths(g, "hiit", "mito", order="shortest")] == [1, 2, 3]
    assert find_edge_paths(g, "hiit", "mito", order="mechanism", limit=1) == [
        tuple((u, v, "increases") for u, v in fine)
    ]
    with pytest.raises(ValueError, match="unknown order"):
        find_edge_paths(g, "hiit", "mito", order="best")


def reach_oracle(kg: MetaGraph, start: str, *, reverse: bool, max_hops: int | None) -> dict[str, int]:
    """The length of the shortest valid simple chain to (or from) every other node, by enumeration."""
    out: dict[str, int] = {}
    view = nx.subgraph_view(kg.nx, filter_edge=lambda u, v, k: kg.nx[u][v][k]["transmits"])
    for other in kg.nx.nodes:
        if other == start:
            continue
        a, b = (other, start) if reverse else (start, other)
        lengths = [
            len(p) for p in nx.all_simple_edge_paths(view, a, b, cutoff=max_hops) if timescales_ok(kg.nx, tuple(p))
        ]
        if lengths:
            out[other] = min(lengths)
    return out


@given(kg=context_graphs(), data=st.data())
def test_reach_equals_enumeration_with_timescales(kg: MetaGraph, data: st.DataObject) -> None:
    start = data.draw(st.sampled_from([n.id for n in kg]))
    reverse = data.draw(st.booleans())
    max_hops = data.draw(st.integers(1, 4))
    assert reach(kg.nx, start, reverse=reverse, max_hops=max_hops) == reach_oracle(
        kg, start, reverse=reverse, max_hops=max_hops
    )


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


@settings(max_examples=150)
@given(kg=context_graphs(), data=st.data())
def test_one_search_to_many_targets_equals_one_search_per_target(kg: MetaGraph, data: st.DataObject) -> None:
    ids = [n.id for n in kg]
    s = data.draw(st.sampled_from(ids))
    targets = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
    max_hops = data.draw(st.integers(1, 5))
    limit = data.draw(st.one_of(st.none(), st.integers(1, 6)))
    order = data.draw(st.sampled_from(ORDERS))
    got = find_paths_to_many(kg.nx, s, targets, max_hops=max_hops, limit=limit, order=order)
    assert got == {t: find_edge_paths(kg.nx, s, t, max_hops=max_hops, limit=limit, order=order) for t in targets}


def test_one_search_to_many_targets_gives_up_past_its_budget() -> None:
    g = diamond()
    assert find_paths_to_many(g, "a", ["d"], limit=None, budget=1) is None
    assert find_paths_to_many(g, "a", ["d"], limit=None, budget=1000) == {"d": find_edge_paths(g, "a", "d", limit=None)}
    with pytest.raises(ValueError, match="unknown order"):
        find_paths_to_many(g, "a", ["d"], order="best")
