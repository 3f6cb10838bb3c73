"""Tests of the interop commands: ``metagraph import-table`` and ``metagraph export``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import metagraph
from metagraph.cli import main

DATA = Path(__file__).resolve().parent / "data" / "interop"


def test_import_table_writes_a_data_file_that_loads_on_top_of_the_bundled_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "net.yaml"
    assert main(["import-table", str(DATA / "il6_socs3_network.csv"), str(out), "--bundled"]) == 0
    text = capsys.readouterr().out
    assert "3 edges between 5 nodes (2 new, 3 known)" in text and "stat3 (signal), socs3 (signal)" in text
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file://") and first.endswith("metagraph.schema.json")
    assert main(["validate", str(out), "--bundled"]) == 0
    assert "valid" in capsys.readouterr().out
    kg = metagraph.load(out, bundled=True)
    assert [n.id for n in kg.trace("IL-6", "insulin signaling", via="SOCS3")[0].nodes] == [
        "il6",
        "stat3",
        "socs3",
        "insulin_signaling",
    ]
    # queries read it with --data FILE --bundled
    assert main(["node", "SOCS3", "--data", str(out), "--bundled", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["in_edges"][0]["source"] == "stat3"


def test_import_table_standalone_with_mapping_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "custom.yaml"
    code = main(
        [
            "import-table",
            str(DATA / "custom_layout.csv"),
            str(out),
            "--no-schema-comment",
            "--json",
            "--mapping",
            "source=Regulator gene,target=Regulated gene",
            "--mapping",
            "predicate=Mode of action,reference=Publication",
            "--default-kind",
            "myokine",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["new_nodes"] == ["fndc5", "irisin", "pgc1a"] and report["edges"] == 2
    assert out.read_text(encoding="utf-8").startswith("nodes:")
    assert main(["validate", str(out)]) == 0


def test_import_table_reports_every_bad_row_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "damaged.yaml"
    assert main(["import-table", str(DATA / "damaged_network.csv"), str(out)]) == 1
    err = capsys.readouterr().err
    assert "8 problems in the data" in err
    for line in (3, 4, 5, 6, 7, 8, 9, 10):
        assert f"damaged_network.csv:{line}:" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_import_table_leaves_the_collector_running_whether_it_succeeds_or_fails(tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    assert main(["import-table", str(DATA / "il6_socs3_network.csv"), str(tmp_path / "ok.yaml")]) == 0
    assert gc.isenabled()
    assert main(["import-table", str(DATA / "damaged_network.csv"), str(tmp_path / "bad.yaml")]) == 1
    assert gc.isenabled()


def test_import_table_bad_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-table", str(DATA / "custom_layout.csv"), str(tmp_path / "x.yaml"), "--mapping", "source"]) == 1
    assert "is not FIELD=COLUMN" in capsys.readouterr().err


def test_import_table_reports_edges_already_in_the_graph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "dup.csv"
    table.write_text("source,target,sign\nexercise,IL-6,+1\n", encoding="utf-8")
    out = tmp_path / "dup.yaml"
    assert main(["import-table", str(table), str(out), "--bundled"]) == 0
    assert "1 edge is already in the graph and not written" in capsys.readouterr().out
    assert "edges:" not in out.read_text(encoding="utf-8")
    assert main(["validate", str(out), "--bundled"]) == 0


@pytest.mark.parametrize("fmt", ["json", "graphml", "cytoscape", "turtle", "yaml"])
def test_export_one_file_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"kg.{fmt}"
    assert main(["export", fmt, str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {fmt} to {out}"
    assert out.stat().st_size > 1000


def test_export_folder_formats_and_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "kgx", str(tmp_path / "kgx"), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["files"] == ["context.jsonld", "edges.tsv", "nodes.tsv"]
    assert (
        "note: KGX:" in captured.err and "got local ids" in captured.err and "--kgx-skip-unidentified" in captured.err
    )
    assert "metagraph:atp_depletion" in (tmp_path / "kgx" / "nodes.tsv").read_text()
    assert main(["export", "kgx", str(tmp_path / "kgx_all"), "--kgx-local-ids"]) == 0  # the default, named
    assert (tmp_path / "kgx_all" / "nodes.tsv").read_text() == (tmp_path / "kgx" / "nodes.tsv").read_text()
    capsys.readouterr()
    assert main(["export", "kgx", str(tmp_path / "kgx_known"), "--kgx-skip-unidentified"]) == 0
    captured = capsys.readouterr()
    assert (
        "left out" in captured.err
        and "metagraph:atp_depletion" not in (tmp_path / "kgx_known" / "nodes.tsv").read_text()
    )
    assert main(["export", "cypher", str(tmp_path / "neo4j")]) == 0
    assert "(graph.cypher, import.sh, nodes.csv, references.csv, relationships.csv)" in capsys.readouterr().out


def test_export_cypher_dialects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for dialect, marker in (("kuzu", "CREATE NODE TABLE Myokine("), ("falkordb", "CREATE INDEX FOR (n:Node)")):
        assert main(["export", "cypher", str(tmp_path / f"{dialect}.cypher"), "--dialect", dialect]) == 0
        assert marker in (tmp_path / f"{dialect}.cypher").read_text(encoding="utf-8")
    # the old name of the Kùzu script is kept and writes the same file
    assert main(["export", "cypher-kuzu", str(tmp_path / "old.cypher")]) == 0
    assert (tmp_path / "old.cypher").read_bytes() == (tmp_path / "kuzu.cypher").read_bytes()
    # a folder in a dialect: its script and the neo4j-admin files
    assert main(["export", "cypher", str(tmp_path / "folder"), "--dialect", "kuzu"]) == 0
    assert (tmp_path / "folder" / "graph.cypher").read_bytes() == (tmp_path / "kuzu.cypher").read_bytes()
    capsys.readouterr()
    assert main(["export", "csv", str(tmp_path / "csv"), "--dialect", "kuzu"]) == 1
    assert "--dialect is an option of the cypher format" in capsys.readouterr().err
    assert not (tmp_path / "csv").exists()


def test_export_of_data_files_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "small.yaml"
    src.write_text("nodes:\n- {id: ampk, name: AMPK, kind: signal}\n", encoding="utf-8")
    assert main(["export", "csv", str(tmp_path / "tables"), "--data", str(src)]) == 0
    assert (tmp_path / "tables" / "nodes.csv").read_text().splitlines()[1].startswith("ampk,AMPK,signal")
    (tmp_path / "file.csv").write_text("x")
    assert main(["export", "csv", str(tmp_path / "file.csv"), "--data", str(src)]) == 1
    assert "is a file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "gexf", str(tmp_path / "x.gexf")])


@pytest.mark.parametrize("name", ["il6_socs3_network.csv", "signor_layout.tsv"])
def test_import_table_file_holds_the_graph_read_table_gives_in_its_order(tmp_path: Path, name: str) -> None:
    # The command writes the records without building the graph: same records, same order as the graph's.
    import yaml

    from metagraph.interop.table import read_table

    out = tmp_path / "out.yaml"
    assert main(["import-table", str(DATA / name), str(out), "--no-schema-comment"]) == 0
    graph = read_table(DATA / name)
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == {
        "nodes": [n.model_dump(mode="json", exclude_defaults=True) for n in graph.nodes()],
        "edges": [e.model_dump(mode="json", exclude_defaults=True) for e in graph.edges()],
        "references": [r.model_dump(mode="json", exclude_defaults=True) for r in graph.references.values()],
    }
