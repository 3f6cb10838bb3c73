"""Tests of metagraph.interop.methods: the MetaGraph methods hand over to the interop modules."""

from __future__ import annotations

from pathlib import Path

import pytest

import metagraph
from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.interop.identifiers import IdentifierReport
from metagraph.interop.merge import MergeResult


def test_methods_are_on_metagraph(kg: MetaGraph, tmp_path: Path) -> None:
    assert isinstance(kg.check_identifiers(use_bioregistry=False), IdentifierReport)
    assert isinstance(kg.merge(kg, on_conflict="report"), MergeResult)
    assert kg.merge(kg).nx.number_of_edges() == kg.nx.number_of_edges()
    assert kg.export(tmp_path / "kg.ttl") == tmp_path / "kg.ttl"


def test_merge_raise_and_report() -> None:
    a = MetaGraph([Node(id="x", name="X", kind="signal")])
    b = MetaGraph([Node(id="x", name="X", kind="gene")])
    with pytest.raises(metagraph.MergeConflictError, match="1 conflict between the graphs"):
        a.merge(b)
    graph, conflicts, renamed = a.merge(b, on_conflict="report")
    assert graph.node("x").kind.value == "signal" and len(conflicts) == 1 and renamed == {}


def test_merge_then_export_then_load(tmp_path: Path) -> None:
    ev = [{"reference": "r", "quote": "q"}]
    a = MetaGraph(
        [Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="process")],
        [Edge(source="a", target="b", predicate="increases", evidence=ev)],
        [Reference(key="r", title="T")],
    )
    b = MetaGraph(
        [Node(id="b", name="B", kind="process"), Node(id="c", name="C", kind="outcome")],
        [Edge(source="b", target="c", predicate="increases", evidence=ev)],
        [Reference(key="r", title="T")],
    )
    out = a.merge(b).export(tmp_path / "merged.json")
    assert [n.id for n in metagraph.load(out).nodes()] == ["a", "b", "c"]
