"""Tests of metagraph.interop.export: format choice, options, and whole-or-nothing writing."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import metagraph
from metagraph import ExportError, MetaGraph, Node
from metagraph import _atomic as atomic
from metagraph.interop.export import FORMATS, export

# The module (``metagraph.interop.export`` is the function of the same name).
export_module = importlib.import_module("metagraph.interop.export")

SMALL = MetaGraph([Node(id="ampk", name="AMPK", kind="signal")])


@pytest.mark.parametrize(
    ("name", "fmt", "first"),
    [
        ("g.json", "json", "{"),
        ("g.yaml", "yaml", "nodes:"),
        ("g.yml", "yaml", "nodes:"),
        ("g.graphml", "graphml", "<graphml"),
        ("g.cyjs", "cytoscape", "{"),
        ("g.ttl", "turtle", "@prefix"),
        ("g.cypher", "cypher", "// metagraph"),
        ("g.cql", "cypher", "// metagraph"),
    ],
)
def test_format_from_the_file_ending(tmp_path: Path, name: str, fmt: str, first: str) -> None:
    out = SMALL.export(tmp_path / name)
    assert out == tmp_path / name
    assert out.read_text(encoding="utf-8").startswith(first)
    assert fmt in FORMATS


def test_every_format_writes_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    for name, spec in FORMATS.items():
        target = tmp_path / (name if spec.folder else f"out.{name}")
        if name == "kgx":  # nodes whose ids are approximate matches get local ids, and the export says so
            with pytest.warns(UserWarning, match="^KGX: ") as caught:
                out = kg.export(target, format=name, unidentified="local")
            assert {str(w.message).split(" ")[2] for w in caught} == {"nodes", "edges"}  # local ids; merges
        else:
            out = kg.export(target, format=name)
        assert out.is_dir() == spec.folder, name
        assert not list(tmp_path.glob(".*.tmp")), name


def test_unknown_format_suffix_or_option(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'gexf'"):
        SMALL.export(tmp_path / "g.gexf", format="gexf")
    with pytest.raises(ExportError, match=r"cannot tell the format from 'graph\.dat'"):
        SMALL.export(tmp_path / "graph.dat")
    with pytest.raises(ExportError, match="has no option 'indent'; it takes none"):
        SMALL.export(tmp_path / "g.json", indent=2)
    with pytest.raises(ExportError, match="its options: unidentified"):
        SMALL.export(tmp_path / "k", format="kgx", unidentifed="local")
    assert list(tmp_path.iterdir()) == []


def test_file_and_folder_paths_of_the_wrong_sort(tmp_path: Path) -> None:
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(ExportError, match="is a file; this format writes a folder"):
        SMALL.export(tmp_path / "a_file", format="csv")
    (tmp_path / "a_dir.json").mkdir()
    with pytest.raises(ExportError, match="is a folder; the json format writes one file"):
        SMALL.export(tmp_path / "a_dir.json")


def test_export_into_an_existing_folder_leaves_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "nodes.csv").write_text("old")
    SMALL.export(folder, format="csv")
    assert (folder / "notes.txt").read_text() == "mine"
    assert (folder / "nodes.csv").read_text().startswith("id,name,kind")


def test_a_failing_file_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "g.json"
    target.write_text("old")

    def broken(graph: MetaGraph) -> str:
        raise RuntimeError("disk on fire")

    failing = export_module.ExportFormat("json", broken, False, (".json",), "")
    monkeypatch.setattr(export_module, "FORMATS", {**FORMATS, "json": failing})
    with pytest.raises(RuntimeError):
        SMALL.export(target)
    assert target.read_text() == "old"


def test_a_failing_folder_export_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = atomic.write_text_atomic

    def fail_second(path: Path, text: str, **kwargs: str) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError("no space left on device")
        return real(path, text, **kwargs)

    monkeypatch.setattr(atomic, "write_text_atomic", fail_second)
    with pytest.raises(ExportError, match=r"cannot write .*no space"):
        SMALL.export(tmp_path / "out", format="csv")
    assert list(tmp_path.iterdir()) == []  # neither the folder nor its temporary twin


def test_export_graph_is_the_method(tmp_path: Path) -> None:
    out = export(SMALL, tmp_path / "g.yaml", schema="s.json")
    assert out.read_text().startswith("# yaml-language-server: $schema=s.json")
    assert metagraph.load(out).node("ampk").name == "AMPK"


def test_the_kuzu_format_writes_parquet_tables_and_load_cypher(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from metagraph.cli import main

    kg = metagraph.load()
    assert main(["export", "kuzu", str(tmp_path / "kz")]) == 0
    printed = capsys.readouterr().out
    assert "load_kuzu(" in printed and "load.cypher" in printed
    files = sorted(p.name for p in (tmp_path / "kz").iterdir())
    script = (tmp_path / "kz" / "load.cypher").read_text(encoding="utf-8")
    # every file but the script is named by one COPY statement, and every COPY names a file there
    copied = sorted(line.split("'")[1] for line in script.splitlines() if line.startswith("COPY "))
    assert copied == [f for f in files if f != "load.cypher"]
    assert all((tmp_path / "kz" / f).read_bytes()[:4] == b"PAR1" for f in copied)
    assert len([f for f in copied if not f.startswith(("nodes_", "references"))]) == len(
        {(e.predicate, kg.node(e.source).kind, kg.node(e.target).kind) for e in kg.edges()}
    )
    # written again into the same folder: the files are replaced whole
    assert export(kg, tmp_path / "kz", format="kuzu") == tmp_path / "kz"
    assert (tmp_path / "kz" / "load.cypher").read_text(encoding="utf-8") == script


def test_the_kuzu_format_says_what_it_needs_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed: importing it fails
    with pytest.raises(ExportError, match=r"pyarrow.*\[parquet\]"):
        export(metagraph.load(), tmp_path / "kz", format="kuzu")
    assert not (tmp_path / "kz").exists()
