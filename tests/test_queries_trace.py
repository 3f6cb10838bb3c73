"""trace and net_effect: names resolve, options hold, mistakes are MetagraphErrors, the bundled graph answers."""

from __future__ import annotations

import json

import pytest

from metagraph import MetaGraph, MetagraphError, NoPathError, UnknownNodeError
from metagraph.examples import sample_graph
from metagraph.queries.trace import NetEffect, net_effect, no_path_message, trace


def test_names_ids_synonyms_and_nodes_all_work() -> None:
    kg = sample_graph()
    by_id = trace(kg, "hiit", "insulin_resistance")
    assert trace(kg, "high-intensity interval training", "Insulin Resistance") == by_id
    assert trace(kg, kg.node("hiit"), kg.node("insulin_resistance")) == by_id


def test_shortest_first_then_most_evidence() -> None:
    chains = trace(sample_graph(), "HIIT", "insulin resistance", limit=None, order="shortest")
    keys = [(c.hops, -c.evidence_count) for c in chains]
    assert keys == sorted(keys)
    assert len(chains) == 6


def test_mechanism_first_by_default() -> None:
    chains = trace(sample_graph(), "HIIT", "insulin resistance", limit=None)
    keys = [(any(e.summary for e in c.edges), sum(e.hedged or e.contested for e in c.edges), c.hops) for c in chains]
    assert keys == sorted(keys)
    assert set(chains) == set(trace(sample_graph(), "HIIT", "insulin resistance", limit=None, order="shortest"))
    assert "Inflammation" in str(chains[-1])  # the only chain with a hedged step comes last


def test_via_avoid_predicates_single_names_are_one_node() -> None:
    kg = sample_graph()
    via = trace(kg, "HIIT", "mitochondrial biogenesis", via="AMPK", limit=None)
    assert via and all("ampk" in [n.id for n in c.nodes] for c in via)
    avoid = trace(kg, "HIIT", "mitochondrial biogenesis", avoid="AMPK", limit=None)
    assert [str(c) for c in avoid] == ["HIIT —increases→ Mitochondrial biogenesis"]
    only = trace(kg, "HIIT", "AMPK", predicates="increases")
    assert only == []
    assert len(trace(kg, "HIIT", "AMPK", predicates=["increases", "activates"])) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_hops": 0}, "max_hops must be a whole number"),
        ({"limit": -1}, "limit must be a whole number"),
        ({"limit": 2.5}, "limit must be a whole number"),
        ({"avoid": ["HIIT"]}, "both an end of the chain"),
        ({"via": ["ROS"], "avoid": ["ROS"]}, "both in via and in avoid"),
        ({"predicates": ["targets"]}, "does not carry an effect"),
        ({"predicates": ["activate"]}, "did you mean 'activates'"),
    ],
)
def test_bad_options_are_helpful_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(MetagraphError, match=message):
        trace(sample_graph(), "HIIT", "insulin resistance", **kwargs)


def test_unknown_and_same_nodes() -> None:
    kg = sample_graph()
    with pytest.raises(UnknownNodeError, match="did you mean"):
        trace(kg, "HIIT", "insulin resistanse")
    with pytest.raises(MetagraphError, match="same node"):
        trace(kg, "HIIT", "hiit")


def test_no_chain_is_an_empty_list_and_a_helpful_message() -> None:
    kg = sample_graph()
    assert trace(kg, "insulin resistance", "HIIT") == []
    assert "Nothing in the graph acts on HIIT" in no_path_message(kg, "skeletal muscle", "HIIT")
    assert "acts on nothing" in no_path_message(kg, "insulin resistance", "HIIT")
    assert "raise max_hops" in no_path_message(kg, "HIIT", "insulin resistance", max_hops=1)
    assert "relax via/avoid" in no_path_message(kg, "HIIT", "PGC-1α", avoid=["AMPK"])


def test_net_effect_verdicts_and_sides() -> None:
    kg = sample_graph()
    up = net_effect(kg, "HIIT", "insulin sensitivity")
    assert up.verdict == "increases" and not up.decreasing
    mixed = net_effect(kg, "HIIT", "insulin resistance")
    assert isinstance(mixed, NetEffect)
    assert mixed.verdict == "ambiguous"
    assert [c.sign for c in mixed.increasing] == [1] and all(c.sign == -1 for c in mixed.decreasing)
    assert mixed.support("increases") == 1
    assert mixed.weakest_link("increases").target == "inflammation"
    down = net_effect(kg, "HIIT", "insulin resistance", avoid=["ROS"])
    assert down.verdict == "decreases" and down.weakest_link("increases") is None
    with pytest.raises(MetagraphError, match="side must be"):
        mixed.support("up")


def test_net_effect_views() -> None:
    result = net_effect(sample_graph(), "HIIT", "insulin resistance")
    text = str(result)
    assert text.startswith("HIIT has an ambiguous effect on Insulin resistance (1 chain raises it, 5 lower it)")
    assert "weakest link ROS —may increase→ Inflammation" in text
    data = json.loads(json.dumps(result.to_dict()))
    assert data["verdict"] == "ambiguous" and len(data["decreases"]["chains"]) == 5
    assert "&lt;" not in result._repr_html_() and "<ol>" in result._repr_html_()
    assert repr(result) == "<NetEffect hiit → insulin_resistance: ambiguous>"


def test_net_effect_frame() -> None:
    pytest.importorskip("pandas")
    frame = net_effect(sample_graph(), "HIIT", "insulin resistance").to_frame()
    assert sorted(set(frame["effect"])) == ["decreases", "increases"]


def test_net_effect_without_chain_raises_no_path() -> None:
    with pytest.raises(NoPathError, match="no chain of effects leads from Insulin resistance to HIIT"):
        net_effect(sample_graph(), "insulin resistance", "HIIT")


# -- the bundled graph -----------------------------------------------------------------
def test_bundled_hiit_lowers_insulin_resistance(kg: MetaGraph) -> None:
    chains = kg.trace("HIIT", "insulin resistance", limit=None, max_hops=4)
    assert chains and all(c.target.id == "insulin_resistance" for c in chains)
    assert kg.net_effect("HIIT", "insulin resistance").verdict in ("decreases", "ambiguous")
    assert any(c.sign == -1 for c in chains)


def test_bundled_hiit_reaches_mitochondrial_biogenesis_through_ampk(kg: MetaGraph) -> None:
    chains = kg.trace("HIIT", "mitochondrial biogenesis", via="AMPK")
    assert chains and all(c.effect == "increases" for c in chains)
    assert all(
        "ampk" not in [n.id for n in c.nodes] for c in kg.without("AMPK").trace("HIIT", "mitochondrial biogenesis")
    )


def test_bundled_explain_cites_the_source(kg: MetaGraph) -> None:
    text = kg.trace("HIIT", "insulin sensitivity")[0].explain()
    assert "References:" in text and "[1]" in text
