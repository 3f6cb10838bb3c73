"""Argument checks turn a user's mistake into a MetagraphError that says how to fix it."""

from __future__ import annotations

import pytest

from metagraph import Kind, MetagraphError, UnknownNodeError
from metagraph.examples import sample_graph
from metagraph.queries._args import check_count, parse_kind, parse_predicates, resolve_all


def test_parse_kind() -> None:
    assert parse_kind(" Organ ") is Kind.ORGAN
    assert parse_kind(Kind.CELL) is Kind.CELL
    with pytest.raises(MetagraphError, match=r"did you mean 'process'.*the kinds are: exercise"):
        parse_kind("proces")
    with pytest.raises(MetagraphError, match="unknown kind 'zzz'; the kinds are"):
        parse_kind("zzz")


def test_parse_predicates() -> None:
    assert parse_predicates(None, transmitting=True) is None
    assert parse_predicates("Cleaved into", transmitting=True) == frozenset({"cleaved_into"})
    assert parse_predicates(["targets"], transmitting=False) == frozenset({"targets"})
    with pytest.raises(MetagraphError, match="does not carry an effect"):
        parse_predicates(["part_of"], transmitting=True)
    with pytest.raises(MetagraphError, match="did you mean 'inhibits'"):
        parse_predicates(["inhibit"], transmitting=True)
    with pytest.raises(MetagraphError, match="predicates is empty"):
        parse_predicates([], transmitting=True)


def test_resolve_all() -> None:
    kg = sample_graph()
    assert resolve_all(kg, "ROS") == ["ros"]
    assert resolve_all(kg, kg.node("ampk")) == ["ampk"]
    assert resolve_all(kg, ("ROS", "AMPK")) == ["ros", "ampk"]
    with pytest.raises(UnknownNodeError):
        resolve_all(kg, ["ROS", "nope"])


@pytest.mark.parametrize("value", [0, -3, 1.5, "2", True, None])
def test_check_count_refuses(value: object) -> None:
    with pytest.raises(MetagraphError, match="whole number"):
        check_count(value, "limit")  # type: ignore[arg-type]


def test_check_count_accepts() -> None:
    check_count(3, "limit")
    check_count(None, "limit", allow_none=True)
