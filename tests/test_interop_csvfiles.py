"""Tests of metagraph.interop.csvfiles: nodes/edges/references tables for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings

from metagraph import Evidence, MetaGraph, Node
from metagraph.interop.csvfiles import (
    DTYPES,
    EDGE_COLUMNS,
    NODE_COLUMNS,
    REFERENCE_COLUMNS,
    escape_cell,
    to_csv_files,
    unescape_cell,
)
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
    assert [(r["id"], unescape_cell(r["name"]), r["kind"]) for r in nodes] == [
        (n.id, n.name, n.kind.value) for n in kg.nodes()
    ]
    assert sorted((r["source"], r["target"], r["key"]) for r in edges) == sorted(kg.nx.edges(keys=True))
    for r in edges:
        edge = kg.edge_model(r["source"], r["target"], r["key"])
        assert [Evidence.model_validate(x) for x in json.loads(r["evidence_json"])] == edge.evidence
        assert r["hedged"] == str(edge.hedged).lower()


FORMULAS = ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'=already"]


def test_escape_covers_every_formula_start() -> None:
    for text in [*FORMULAS, "\tx", "\ry", "-1x", "+"]:
        assert escape_cell(text) == "'" + text and unescape_cell(escape_cell(text)) == text
    for number in ["-1", "+2.5", "-1e3", ".5"]:
        assert escape_cell(number) == number


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(tmp_path: Path) -> None:
    kg = MetaGraph(
        [
            Node(id=f"n{i}", name=text, kind="myokine", synonyms=[text] if i == 0 else [], description=text)
            for i, text in enumerate(FORMULAS)
        ]
        + [Node(id="plain", name="-1", kind="myokine", description="IL-6")]
    )
    files = to_csv_files(kg)
    rows = list(csv.DictReader(io.StringIO(files["nodes.csv"], newline="")))
    for row, text in zip(rows, FORMULAS, strict=False):
        for column in ("name", "description"):
            assert row[column] == "'" + text  # a spreadsheet shows it as text, never runs it
            assert unescape_cell(row[column]) == text
    assert rows[0]["synonyms"] == "'" + FORMULAS[0]
    plain = rows[-1]
    assert plain["name"] == "-1" and plain["description"] == "IL-6"
    (tmp_path / "nodes.csv").write_text(files["nodes.csv"], encoding="utf-8")
    frame = pd.read_csv(tmp_path / "nodes.csv", keep_default_na=False)
    assert all(not str(cell).startswith(("=", "+", "-", "@", "\t", "\r")) for cell in frame["description"])
    assert frame.set_index("id").loc["plain", "name"] == "-1"


def test_negative_signs_stay_numbers(kg: MetaGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "tables", format="csv")
    edges = pd.read_csv(out / "edges.csv", keep_default_na=False)
    assert -1 in set(edges["sign"]) and edges["sign"].dtype.kind == "i"
    assert not any(str(v).startswith("'") for v in edges["sign"])


def test_whole_number_columns_stay_whole_in_pandas(tmp_path: Path) -> None:
    from metagraph import Reference

    kg = MetaGraph(
        [Node(id="x", name="X", kind="signal")],
        [],
        [Reference(key="a", title="A", year=2012, pmid="22777012"), Reference(key="b", title="B")],
    )
    out = kg.export(tmp_path / "csv", format="csv")
    text = (out / "references.csv").read_text(encoding="utf-8")
    assert "2012.0" not in text and "22777012.0" not in text
    # without the dtypes pandas reads a column with an empty cell as floats; with them, whole numbers
    refs = pd.read_csv(out / "references.csv", dtype=DTYPES["references.csv"])
    assert str(refs["year"].dtype) == "Int64" and str(refs["pmid"].dtype) == "Int64"
    assert refs["year"].tolist()[0] == 2012 and refs["pmid"].tolist()[0] == 22777012
    assert refs["year"].isna().tolist() == [False, True]


def test_dtypes_fit_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "csv", format="csv")
    for name, dtypes in DTYPES.items():
        frame = pd.read_csv(out / name, dtype=dtypes)
        assert {c: str(frame[c].dtype) for c in dtypes} == dtypes
    edges = pd.read_csv(out / "edges.csv", dtype=DTYPES["edges.csv"])
    assert sorted(set(edges["sign"])) == sorted({e.sign for e in kg.edges()})
