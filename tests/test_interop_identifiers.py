"""Tests of metagraph.interop.identifiers: CURIE syntax, house prefix style, known hazards, coverage."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

import metagraph
from metagraph import MetaGraph, Node
from metagraph.interop.identifiers import (
    BUILTIN_PREFIXES,
    IdentifierReport,
    check_identifiers,
    known_hazards,
    report_identifiers,
)
from tests.conftest import ROOT

GROUNDING = ROOT.parent / "shared" / "grounding_entities.yaml"


def _issues(report: IdentifierReport) -> set[tuple[str, str, str | None]]:
    return {(i.level, i.code, i.curie) for i in report.issues}


def _one(node: Node, **kw: object) -> IdentifierReport:
    return check_identifiers(MetaGraph([node]), **kw)  # type: ignore[arg-type]


def test_bundled_graph_has_no_error_and_lists_nodes_without_identifier(kg: MetaGraph) -> None:
    report = kg.check_identifiers()
    assert report.ok, str(report)
    assert "Bioregistry" in report.registry
    # the bundled data's own prefix spelling (HGNC, UniProt, MESH, GO, ...) is the house style
    assert not [i for i in report.issues if i.code == "prefix_style"]
    bare = {n.id for n in kg.nodes() if not n.xrefs}
    assert {i.node for i in report.issues if i.code == "no_identifier"} == bare
    assert all(i.level == "info" for i in report.issues if i.code == "no_identifier")
    assert report.curies == sum(len(n.xrefs) + len(n.members) for n in kg.nodes())


@pytest.mark.parametrize("use_bioregistry", [True, False])
def test_syntax_errors(use_bioregistry: bool) -> None:
    report = _one(
        Node(id="x", name="X", kind="signal", xrefs=["HGNC:ABC", "GO:123", "UniProt:P14672"]),
        use_bioregistry=use_bioregistry,
    )
    assert _issues(report) == {("error", "bad_local_id", "HGNC:ABC"), ("error", "bad_local_id", "GO:123")}
    assert not report.ok


def test_unknown_prefix_is_an_error_with_the_bioregistry_and_a_warning_without() -> None:
    node = Node(id="x", name="X", kind="signal", xrefs=["NOTAPREFIX:1"])
    assert _issues(_one(node)) == {("error", "unknown_prefix", "NOTAPREFIX:1")}
    assert _issues(_one(node, use_bioregistry=False)) == {("warning", "unknown_prefix", "NOTAPREFIX:1")}
    # a prefix the bioregistry knows but the built-in table does not
    assert _issues(_one(Node(id="y", name="Y", kind="gene", xrefs=["NCBIGene:3569"]))) == set()


@pytest.mark.parametrize("use_bioregistry", [True, False])
def test_prefix_spelling_other_than_the_house_style_is_a_warning(use_bioregistry: bool) -> None:
    report = _one(
        Node(id="glut4", name="GLUT4", kind="signal", xrefs=["uniprot:P14672", "hgnc:11009"]),
        use_bioregistry=use_bioregistry,
    )
    assert report.ok
    hints = sorted(i.hint for i in report.issues)
    assert [i.code for i in report.issues] == ["prefix_style", "prefix_style"]
    assert hints[0].startswith("write HGNC:11009") and hints[1].startswith("write UniProt:P14672")


def test_builtin_table_covers_every_prefix_of_the_bundled_data(kg: MetaGraph) -> None:
    used = {x.partition(":")[0] for n in kg.nodes() for x in (*n.xrefs, *n.members)}
    assert used <= {house for house, _ in BUILTIN_PREFIXES.values()}


def test_withdrawn_record() -> None:
    report = _one(Node(id="glut4", name="GLUT4", kind="signal", xrefs=["HGNC:4357"]))
    (issue,) = report.issues
    assert (issue.level, issue.code, issue.hint) == ("error", "withdrawn", "use HGNC:11009")


@pytest.mark.parametrize(
    ("name", "curie", "fix"),
    [
        ("HIIT", "MESH:D058245", "MESH:D000072696"),
        ("Insulin resistance", "DOID:9352", "HP:0000855"),
        ("Myonectin", "MESH:C487851", "UniProt:Q4G0M1"),
        ("Myonectin", "HGNC:34071", "HGNC:26727"),
    ],
)
def test_look_alikes(name: str, curie: str, fix: str) -> None:
    report = _one(Node(id="n", name=name, kind="myokine", xrefs=[curie]))
    (issue,) = report.issues
    assert (issue.level, issue.code, issue.hint) == ("error", "look_alike", f"use {fix}")


def test_a_look_alike_record_is_fine_on_the_node_it_really_is() -> None:
    assert _one(Node(id="cr", name="Cognitive reserve", kind="outcome", xrefs=["MESH:D058245"])).issues == []
    assert (
        _one(
            Node(id="t2d", name="T2D", synonyms=["type 2 diabetes mellitus"], kind="condition", xrefs=["DOID:9352"])
        ).issues
        == []
    )


def test_ampk_grounded_to_one_subunit() -> None:
    wrong = _one(Node(id="ampk", name="AMPK", kind="signal", xrefs=["HGNC:9377"]))
    assert _issues(wrong) == {("error", "complex_subunit", "HGNC:9377")}
    assert "FPLX:AMPK or GO:0031588" in wrong.issues[0].hint
    mixed = _one(
        Node(
            id="kinase",
            name="energy sensor",
            synonyms=["AMP-activated protein kinase"],
            kind="signal",
            xrefs=["FPLX:AMPK", "UniProt:P54646"],
        )
    )
    assert _issues(mixed) == {("warning", "complex_subunit", "UniProt:P54646")}
    right = _one(
        Node(
            id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK", "GO:0031588"], members=["HGNC:9376", "HGNC:9377"]
        )
    )
    assert right.issues == []
    # a node that is the subunit itself may use its identifier
    assert _one(Node(id="prkaa2", name="PRKAA2", kind="gene", xrefs=["HGNC:9377"])).issues == []


def test_shared_identifier_is_a_note() -> None:
    report = check_identifiers(
        MetaGraph(
            [
                Node(id="fndc5", name="FNDC5", kind="signal", xrefs=["UniProt:Q8NAU1"]),
                Node(id="irisin", name="Irisin", kind="myokine", xrefs=["UniProt:Q8NAU1"]),
            ]
        )
    )
    assert [(i.level, i.code, i.node) for i in report.issues] == [("info", "shared", "fndc5")]
    assert "irisin" in report.issues[0].message


def test_errors_come_first_and_the_text_is_aligned() -> None:
    kg = MetaGraph(
        [
            Node(id="atp_depletion", name="ATP depletion", kind="signal"),
            Node(id="glut4", name="GLUT4", kind="signal", xrefs=["uniprot:P14672", "HGNC:4357"]),
        ]
    )
    report = check_identifiers(kg)
    assert [i.level for i in report.issues] == ["error", "warning", "info"]
    lines = str(report).splitlines()
    assert lines[0].startswith("2 identifiers of 2 nodes checked against the Bioregistry")
    header, rule, *rows = lines[1:-1]
    for column in ("node", "identifier", "issue"):
        start = header.index(column)
        assert all(row[start - 2 : start] == "  " and row[start] != " " for row in rows), column
    assert set(rule) == {"-", " "}
    assert lines[-1] == "1 errors, 1 warnings, 1 notes"
    data = report.to_dict()
    assert json.loads(json.dumps(data))["counts"] == {"error": 1, "warning": 1, "info": 1}
    assert data["ok"] is False


def test_without_bioregistry_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "bioregistry", None)  # makes `import bioregistry` fail
    report = _one(Node(id="hiit", name="HIIT", kind="exercise", xrefs=["MESH:D000072696"]))
    assert report.ok and report.issues == []
    assert "built-in table" in report.registry and "not installed" in report.registry
    with pytest.raises(metagraph.MetagraphError, match="bioregistry package is not installed"):
        _one(Node(id="x", name="X", kind="signal"), use_bioregistry=True)


def test_report_identifiers_prints_and_returns_the_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    good = MetaGraph([Node(id="hiit", name="HIIT", kind="exercise", xrefs=["MESH:D000072696"])])
    bad = MetaGraph([Node(id="hiit", name="HIIT", kind="exercise", xrefs=["MESH:D058245"])])
    assert report_identifiers(good) == 0
    assert "no issues" in capsys.readouterr().out
    assert report_identifiers(bad, as_json=True) == 1
    assert json.loads(capsys.readouterr().out)["issues"][0]["code"] == "look_alike"


def test_validate_identifiers_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from metagraph.cli import main

    assert main(["validate", "--identifiers"]) == 0
    assert "identifiers of" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("nodes:\n- {id: glut4_old, name: GLUT4 (old), kind: signal, xrefs: ['HGNC:4357']}\n")
    assert main(["validate", str(bad), "--identifiers"]) == 1
    assert "withdrawn" in capsys.readouterr().out


def test_hazard_table_covers_every_hazard_of_the_grounding_table() -> None:
    if not GROUNDING.is_file():
        pytest.skip("the grounding table (../shared/grounding_entities.yaml) is not beside this checkout")
    entities = yaml.safe_load(GROUNDING.read_text(encoding="utf-8"))["entities"]
    hazards = {i["curie"] for e in entities for i in e.get("identifiers", []) if i.get("role") == "hazard"}
    table = known_hazards()
    listed = {h["curie"] for section in ("withdrawn", "look_alikes") for h in table[section]}
    assert hazards <= listed
    # every replacement the table recommends is itself valid and not a hazard
    fixes = [h["replaced_by"] for h in table["withdrawn"]] + [h["use_instead"] for h in table["look_alikes"]]
    report = check_identifiers(MetaGraph([Node(id="n", name="N", kind="signal", xrefs=fixes)]))
    assert [i.code for i in report.issues] == []
