"""The schema graph: every predicate's sign and kinds are data in one place."""

from __future__ import annotations

import pytest

from metagraph.schema import KIND_ORDER, PREDICATES, Kind, Predicate, allowed_predicates, spec


def test_every_predicate_has_one_rule() -> None:
    assert set(PREDICATES) == set(Predicate)


@pytest.mark.parametrize(
    ("predicate", "sign"),
    [("activates", 1), ("increases", 1), ("inhibits", -1), ("decreases", -1), ("part_of", 0), ("secretes", 0)],
)
def test_signs(predicate: str, sign: int) -> None:
    assert spec(predicate).sign == sign


def test_every_signed_predicate_transmits_and_every_kind_is_ordered() -> None:
    assert all(r.transmits for r in PREDICATES.values() if r.causal)
    assert set(KIND_ORDER) == set(Kind) and len(KIND_ORDER) == len(Kind)


def test_places_are_never_the_target_of_a_causal_edge() -> None:
    for rule in PREDICATES.values():
        if rule.causal:
            assert not rule.targets & {Kind.ORGAN, Kind.CELL}, rule.predicate


def test_allowed_predicates_follow_the_table() -> None:
    assert allowed_predicates("gene", "myokine") == [
        Predicate.INCREASES,
        Predicate.DECREASES,
        Predicate.ENCODES,
    ] or Predicate.ENCODES in allowed_predicates("gene", "myokine")
    assert Predicate.TARGETS in allowed_predicates("myokine", "organ")
    assert allowed_predicates("exercise", "organ") == []


def test_every_kind_has_a_description() -> None:
    assert all(k.description for k in Kind)
