"""without() is a read-only view that never changes the graph; lost_effects lists what a block costs."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from metagraph import MetaGraph, MetagraphError, UnknownNodeError
from metagraph.examples import sample_graph
from metagraph.queries.whatif import LostEffects, lost_effects
from tests.test_examples import query_graphs


def snapshot(kg: MetaGraph) -> tuple:
    return (
        sorted(kg.nx.nodes(data=True), key=lambda x: x[0]),
        sorted((u, v, k, repr(a)) for u, v, k, a in kg.nx.edges(keys=True, data=True)),
    )


def test_view_hides_the_nodes_and_their_edges() -> None:
    kg = sample_graph()
    view = kg.without("AMPK", ["ROS"])
    assert len(view) == len(kg) - 2
    assert "AMPK" not in view and "ampk" not in view.nx
    assert all("ampk" not in (e.source, e.target) for e in view.edges())
    with pytest.raises(UnknownNodeError):
        view.node("AMPK")
    assert view.references.keys() == kg.references.keys()


def test_view_cannot_be_changed() -> None:
    view = sample_graph().without("AMPK")
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        view.nx.add_edge("hiit", "pgc1a")
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        view.nx.remove_node("hiit")


def test_what_if_questions_read_naturally() -> None:
    kg = sample_graph()
    assert kg.trace("HIIT", "PGC-1α")
    assert kg.without("AMPK").trace("HIIT", "PGC-1α") == []
    assert kg.without("AMPK").without("ROS").downstream("HIIT", kind="signal")[0].id == "atp_depletion"


@given(kg=query_graphs(), data=st.data())
def test_without_never_changes_the_graph(kg: MetaGraph, data: st.DataObject) -> None:
    ids = [n.id for n in kg]
    blocked = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
    before = snapshot(kg)
    view = kg.without(*blocked)
    for n in ids[:2]:
        if n in view.nx:
            view.downstream(n)
            view.trace(n, ids[-1]) if n != ids[-1] and ids[-1] in view.nx else None
    assert snapshot(kg) == before
    assert set(view.nx) == set(ids) - set(blocked)
    assert all(u not in blocked and v not in blocked for u, v in view.nx.edges())


def test_lost_effects_lists_what_only_blocked_routes_reach() -> None:
    lost = lost_effects(sample_graph(), "HIIT", "ROS", "ATP depletion")
    assert isinstance(lost, LostEffects)
    assert [n.id for n in lost.nodes] == ["inflammation", "browning_of_white_fat"]
    assert "Inflammation" in lost and "inflammation" in lost and "Insulin sensitivity" not in lost
    assert lost.records[0]["shortest chain"] == "HIIT —increases→ ROS —may increase→ Inflammation"
    assert str(lost).splitlines()[0] == "What HIIT no longer reaches without ROS, ATP depletion"
    for row in lost:  # every shortest chain passes through a blocked node
        assert "ROS" in row["shortest chain"] or "ATP depletion" in row["shortest chain"]


def test_nothing_lost_and_mistakes() -> None:
    kg = sample_graph()
    assert len(kg.lost_effects("HIIT", "insulin resistance")) == 1  # the blocked node itself
    empty = kg.lost_effects("RT", "skeletal muscle")
    assert len(empty) == 0 and "by other routes" in str(empty)
    with pytest.raises(MetagraphError, match="at least one node"):
        lost_effects(kg, "HIIT")
    with pytest.raises(MetagraphError, match="the modality itself"):
        lost_effects(kg, "HIIT", "hiit")


def test_bundled_blocking_ros_costs_hiit_its_redox_effects(kg: MetaGraph) -> None:
    lost = kg.lost_effects("HIIT", "ROS")
    assert len(lost) >= 1 and all(n.kind.value in ("process", "outcome", "condition") for n in lost.nodes)
    assert "mitochondrial_biogenesis" not in [n.id for n in lost.nodes]
    before = snapshot(kg)
    kg.without("AMPK", "ROS").trace("HIIT", "mitochondrial biogenesis")
    assert snapshot(kg) == before
