"""Tests of metagraph.interop.csvfiles: nodes/edges/references tables for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings

from metagraph import Evidence, MetaGraph
from metagraph.interop.csvfiles import EDGE_COLUMNS, NODE_COLUMNS, REFERENCE_COLUMNS, to_csv_files
from tests.strategies import graph_records


def test_pandas_reads_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "tables", format="csv")
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv", "references.csv"]
    nodes = pd.read_csv(out / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(out / "edges.csv", keep_default_na=False)
    refs = pd.read_csv(out / "references.csv", keep_default_na=False)
    assert tuple(nodes.columns) == NODE_COLUMNS and tuple(edges.columns) == EDGE_COLUMNS
    assert tuple(refs.columns) == REFERENCE_COLUMNS
    assert list(nodes["id"]) == [n.id for n in kg.nodes()]
    assert len(edges) == kg.nx.number_of_edges() and len(refs) == len(kg.references)
    assert set(edges["sign"]) <= {-1, 0, 1}
    pgc = nodes.set_index("id").loc["pgc1a"]
    assert pgc["xrefs"].split("; ") == kg.node("pgc1a").xrefs
    for row in edges.itertuples():
        edge = kg.edge_model(row.source, row.target, row.key)
        assert [Evidence.model_validate(x) for x in json.loads(row.evidence_json)] == edge.evidence
        assert row.references.split("; ") == edge.references
        assert row.citations == "; ".join(kg.references[k].short for k in edge.references)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=8, max_edges=15))
def test_csv_keeps_every_node_and_edge(records: tuple) -> None:
    kg = MetaGraph(*records)
    files = to_csv_files(kg)
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"])))
    assert [(r["id"], r["name"], r["kind"]) for r in nodes] == [(n.id, n.name, n.kind.value) for n in kg.nodes()]
    assert sorted((r["source"], r["target"], r["key"]) for r in edges) == sorted(kg.nx.edges(keys=True))
    for r in edges:
        edge = kg.edge_model(r["source"], r["target"], r["key"])
        assert [Evidence.model_validate(x) for x in json.loads(r["evidence_json"])] == edge.evidence
        assert r["hedged"] == str(edge.hedged).lower()
