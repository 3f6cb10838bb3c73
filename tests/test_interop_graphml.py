"""Tests of metagraph.interop.graphml: real readers (networkx, igraph) get every node, edge and field."""

from __future__ import annotations

import io
import json
from pathlib import Path

import igraph
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from metagraph import Evidence, ExportError, MetaGraph, Node
from metagraph.interop.graphml import to_graphml
from tests.strategies import graph_records


def test_networkx_reads_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    path = kg.export(tmp_path / "kg.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert set(g.nodes) == set(kg.nx.nodes)
    assert {(u, v, d["key"]) for u, v, d in g.edges(data=True)} == set(kg.nx.edges(keys=True))
    assert g.nodes["ampk"]["kind"] == "signal"
    assert json.loads(g.nodes["ampk"]["xrefs"]) == kg.node("ampk").xrefs
    assert json.loads(g.graph["references"])[0]["key"] in kg.references
    for u, v, d in g.edges(data=True):
        edge = kg.edge_model(u, v, d["key"])
        assert d["sign"] == edge.sign and d["predicate"] == edge.predicate.value
        assert [Evidence.model_validate(ev) for ev in json.loads(d["evidence"])] == edge.evidence
        assert json.loads(d["references"]) == edge.references
        assert ("location" in d) == (edge.location is not None)  # None values are left out


def test_igraph_reads_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    path = kg.export(tmp_path / "kg.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert (g.vcount(), g.ecount()) == (len(kg), kg.nx.number_of_edges())
    assert sorted(g.vs["id"]) == sorted(kg.nx.nodes)
    by_id = {v["id"]: v for v in g.vs}
    assert by_id["il6"]["kind"] == "myokine" and by_id["il6"]["name"] == "IL-6"
    triples = {(g.vs[e.source]["id"], g.vs[e.target]["id"], e["key"]) for e in g.es}
    assert triples == set(kg.nx.edges(keys=True))


def test_edge_ids_are_unique_in_the_document(kg: MetaGraph) -> None:
    text = to_graphml(kg)
    ids = [line.split(' id="')[1].split('"')[0] for line in text.splitlines() if line.strip().startswith("<edge ")]
    assert len(ids) == len(set(ids)) == kg.nx.number_of_edges()


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=8, max_edges=15))
def test_graphml_keeps_every_node_and_edge(records: tuple) -> None:
    kg = MetaGraph(*records)
    g = nx.read_graphml(io.StringIO(to_graphml(kg)), force_multigraph=True)
    assert {n: d["name"] for n, d in g.nodes(data=True)} == {n.id: n.name for n in kg.nodes()}
    assert sorted((u, v, d["key"]) for u, v, d in g.edges(data=True)) == sorted(kg.nx.edges(keys=True))
    for n in kg.nodes():
        assert json.loads(g.nodes[n.id]["synonyms"]) == n.synonyms


def test_control_characters_xml_cannot_hold_are_refused() -> None:
    kg = MetaGraph([Node(id="x", name="bell\x07", kind="signal")])
    with pytest.raises(ExportError, match="U\\+0007 found in the name of node 'x'"):
        to_graphml(kg)


def test_noncharacters_xml_cannot_hold_are_refused() -> None:
    kg = MetaGraph([Node(id="x", name="odd\ufffe", kind="signal")])
    with pytest.raises(ExportError, match="U\\+FFFE found in the name of node 'x'"):
        to_graphml(kg)
