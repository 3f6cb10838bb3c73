"""match: metapath chains equal brute force, come best supported first, and mistakes are explained."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import Kind, MetaGraph, MetagraphError
from metagraph.examples import sample_graph
from metagraph.queries.metapath import match, match_paths, no_match_message
from tests.test_examples import query_graphs


def brute_force(kg: MetaGraph, kinds: list[Kind], predicates: frozenset[str] | None) -> list[tuple]:
    """Every simple edge path whose nodes have ``kinds`` in turn, in the documented order."""
    graph = kg.nx
    out = []

    def extend(path: tuple, nodes: list[str]) -> None:
        if len(nodes) == len(kinds):
            out.append(path)
            return
        v = nodes[-1]
        for w, keyed in graph._succ[v].items():
            if w in nodes or graph.nodes[w]["kind"] != kinds[len(nodes)].value:
                continue
            for k, attrs in keyed.items():
                if predicates is None or attrs["predicate"] in predicates:
                    extend((*path, (v, w, k)), [*nodes, w])

    for n, kind in graph.nodes(data="kind"):
        if kind == kinds[0].value:
            extend((), [n])

    def score(path: tuple) -> int:
        return sum(len(graph[u][v][k]["evidence"]) for u, v, k in path)

    return sorted(out, key=lambda p: (-score(p), p))


@settings(max_examples=120)
@given(kg=query_graphs(), data=st.data())
def test_match_equals_brute_force(kg: MetaGraph, data: st.DataObject) -> None:
    present = sorted({n.kind for n in kg}, key=list(Kind).index)
    kinds = data.draw(st.lists(st.sampled_from(present), min_size=2, max_size=4))
    limit = data.draw(st.one_of(st.none(), st.integers(1, 8)))
    predicates = data.draw(
        st.one_of(
            st.none(),
            st.sets(
                st.sampled_from(
                    ["activates", "increases", "decreases", "secretes", "targets", "part_of", "cleaved_into"]
                ),
                min_size=1,
            ),
        )
    )
    got = match_paths(kg.nx, kinds, limit=limit, predicates=predicates)
    want = brute_force(kg, kinds, predicates)
    assert got == (want if limit is None else want[:limit])


def test_toy_metapaths() -> None:
    kg = sample_graph()
    assert [str(c) for c in match(kg, "signal", "myokine", "organ")] == [
        "FNDC5 —is cleaved into→ Irisin —targets→ Adipose tissue"
    ]
    chains = match(kg, "exercise", "signal", "signal", limit=None)
    assert chains and all([n.kind.value for n in c.nodes] == ["exercise", "signal", "signal"] for c in chains)
    scores = [c.evidence_count for c in chains]
    assert scores == sorted(scores, reverse=True)
    assert len(match(kg, "exercise", "signal", "signal", limit=2)) == 2
    assert match(kg, "organ", "myokine", predicates=["secretes"])[0].edges[0].predicate.value == "secretes"


def test_bad_kinds_and_too_few() -> None:
    kg = sample_graph()
    with pytest.raises(MetagraphError, match="did you mean 'signal'"):
        match(kg, "exercise", "signl")
    with pytest.raises(MetagraphError, match="at least two kinds"):
        match(kg, "exercise")
    with pytest.raises(MetagraphError, match="limit"):
        match(kg, "exercise", "signal", limit=0)


def test_no_match_message_says_how_far_the_graph_goes() -> None:
    kg = sample_graph()
    assert match(kg, "exercise", "signal", "myokine") == []
    assert "chains exercise → signal, but none of them continues to a myokine" in no_match_message(
        kg, ["exercise", "signal", "myokine"]
    )
    assert "no gene node" in no_match_message(kg, ["gene", "signal"])
    assert "No edge joins a condition node to a exercise node" in no_match_message(kg, ["condition", "exercise"])


def test_repeated_kinds_keep_chains_simple() -> None:
    kg = sample_graph()
    for chain in match(kg, "signal", "signal", "signal", limit=None):
        ids = [n.id for n in chain.nodes]
        assert len(set(ids)) == len(ids)
    assert all(len({n.id for n in c.nodes}) == 3 for c in match(kg, "process", "outcome", "condition"))


# -- the bundled graph -----------------------------------------------------------------
def test_bundled_exercise_to_organ_through_a_myokine(kg: MetaGraph) -> None:
    # The crosstalk table credits each organ to a group of myokines (member_of, then targets).
    chains = kg.match("exercise", "signal", "signal", "myokine", "myokine", "organ")
    assert chains
    for chain in chains:
        assert [n.kind.value for n in chain.nodes] == ["exercise", "signal", "signal", "myokine", "myokine", "organ"]
    assert any(e.predicate.value == "member_of" for c in chains for e in c.edges)
    pairs = list(itertools.pairwise(c.evidence_count for c in chains))
    assert all(a >= b for a, b in pairs)
