"""The query methods on MetaGraph hand over to the query modules and return the documented types."""

from __future__ import annotations

from metagraph import MetaGraph, Node
from metagraph.examples import sample_graph
from metagraph.queries.chains import Chain
from metagraph.queries.compare import Comparison
from metagraph.queries.reach import MyokineEffects
from metagraph.queries.trace import NetEffect
from metagraph.queries.whatif import LostEffects


def test_every_query_is_a_method_with_the_documented_result() -> None:
    kg = sample_graph()
    assert all(isinstance(c, Chain) for c in kg.trace("HIIT", "insulin sensitivity"))
    assert isinstance(kg.net_effect("HIIT", "insulin sensitivity"), NetEffect)
    assert all(isinstance(n, Node) for n in kg.downstream("HIIT") + kg.upstream("insulin sensitivity"))
    assert all(n.kind.value == "myokine" for n in kg.myokines_reaching("liver"))
    assert isinstance(kg.myokine_effects("liver"), MyokineEffects)
    assert all(isinstance(c, Chain) for c in kg.match("exercise", "signal"))
    assert isinstance(kg.without("AMPK"), MetaGraph)
    assert isinstance(kg.lost_effects("HIIT", "AMPK"), LostEffects)
    assert isinstance(kg.compare(["HIIT", "RT"]), Comparison)


def test_methods_pass_their_options_on() -> None:
    kg = sample_graph()
    assert len(kg.trace("HIIT", "insulin resistance", limit=2, max_hops=3)) == 2
    assert kg.trace("HIIT", "insulin resistance", via=["inflammation"])[0].nodes[2].id == "inflammation"
    assert kg.net_effect("HIIT", "insulin resistance", avoid=["ROS"]).verdict == "decreases"
    assert [n.id for n in kg.downstream("ROS", max_hops=1, kind="signal")] == ["ampk"]
    assert kg.match("exercise", "signal", limit=1, predicates=["increases"])[0].edges[0].predicate.value == "increases"
    assert [o.id for o in kg.compare("HIIT", outcomes="visceral fat").outcomes] == ["visceral_fat"]
