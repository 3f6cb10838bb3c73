"""Every export format carries the evidence model: negation, summary, contested, per-item ECO type,
hedging, stance, species, system and finding, and the node's approximate matches apart from its exact ones."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest
import rdflib

import metagraph
from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.interop.csvfiles import to_csv_files
from metagraph.interop.cypher import to_cypher, to_neo4j_import_files
from metagraph.interop.cytoscape import to_cytoscape
from metagraph.interop.graphml import to_graphml
from metagraph.interop.turtle import NODE, VOCAB, to_turtle


@pytest.fixture(scope="module")
def graph() -> MetaGraph:
    return MetaGraph(
        [
            Node(id="ampk", name="AMPK", kind="signal", xrefs=["GO:0031588"], close_matches=["FPLX:AMPK"]),
            Node(id="pgc1a", name="PGC-1α", kind="signal", xrefs=["HGNC:9237"], related_matches=["GO:0007005"]),
        ],
        [
            Edge(
                source="ampk",
                target="pgc1a",
                predicate="activates",
                negated=True,
                summary=True,
                evidence=[
                    {"reference": "art", "quote": "AMPK may; activate | PGC-1α", "hedged": True},
                    {
                        "reference": "paper",
                        "type": "experimental",
                        "finding": "No effect in knockout mice; none.",
                        "species": "mouse",
                        "system": "in_vivo",
                        "stance": "contradicts",
                    },
                ],
            )
        ],
        [Reference(key="art", title="A", doi="10.5555/a"), Reference(key="paper", title="P", pmid="123")],
    )


def test_csv(graph: MetaGraph) -> None:
    files = to_csv_files(graph)
    node = next(csv.DictReader(io.StringIO(files["nodes.csv"])))
    assert node["xrefs"] == "GO:0031588" and node["close_matches"] == "FPLX:AMPK"
    row = next(csv.DictReader(io.StringIO(files["edges.csv"])))
    assert (row["negated"], row["summary"], row["contested"], row["inferred"]) == ("true", "true", "true", "false")
    assert row["evidence_types"] == "ECO:0000303; ECO:0000269" and row["evidence_hedged"] == "true; false"
    assert row["stances"] == "supports; contradicts" and row["species"] == "; mouse" and row["systems"] == "; in_vivo"
    assert row["findings"] == " | No effect in knockout mice; none."


def test_cypher_and_neo4j_files(graph: MetaGraph) -> None:
    script = to_cypher(graph)
    for text in ("negated: true", "summary: true", "contested: true", "'ECO:0000269'", "close_matches: ['FPLX:AMPK']"):
        assert text in script
    files = to_neo4j_import_files(graph)
    header, row = list(csv.reader(io.StringIO(files["relationships.csv"])))[:2]
    cells = dict(zip(header, row, strict=True))
    delim = files["import.sh"].split("--array-delimiter='")[1][0]  # the data hold both ';' and '|'
    assert cells["negated:boolean"] == "true" and cells["evidence_hedged:boolean[]"] == f"true{delim}false"
    assert "mouse" in cells["species:string[]"] and "No effect" in cells["findings:string[]"]
    node_header = next(csv.reader(io.StringIO(files["nodes.csv"])))
    assert "related_matches:string[]" in node_header


def test_cytoscape(graph: MetaGraph) -> None:
    doc = to_cytoscape(graph)
    data = doc["elements"]["edges"][0]["data"]
    assert data["negated"] and data["summary"] and data["contested"]
    assert data["evidence_types"] == ["ECO:0000303", "ECO:0000269"] and data["stances"] == ["supports", "contradicts"]
    assert data["species"] == ["", "mouse"] and data["systems"] == ["", "in_vivo"]
    assert doc["elements"]["nodes"][0]["data"]["close_matches"] == ["FPLX:AMPK"]


def test_graphml(graph: MetaGraph) -> None:
    g = nx.read_graphml(io.StringIO(to_graphml(graph)), force_multigraph=True)
    [(_, _, attrs)] = g.edges(data=True)
    assert attrs["negated"] is True and attrs["summary"] is True and attrs["contested"] is True
    assert json.loads(attrs["evidence_types"]) == ["ECO:0000303", "ECO:0000269"]
    assert json.loads(attrs["findings"])[1].startswith("No effect")
    assert json.loads(g.nodes["pgc1a"]["related_matches"]) == ["GO:0007005"]


def test_turtle(graph: MetaGraph) -> None:
    g = rdflib.Graph().parse(data=to_turtle(graph), format="turtle")
    mg = rdflib.Namespace(VOCAB)
    ampk, pgc1a = rdflib.URIRef(NODE + "ampk"), rdflib.URIRef(NODE + "pgc1a")
    assert (ampk, mg.activates, pgc1a) not in g  # denied: never asserted
    [stmt] = g.subjects(mg.negated, rdflib.Literal(True))
    assert (stmt, mg.contested, rdflib.Literal(True)) in g and (stmt, mg.summary, rdflib.Literal(True)) in g
    assert {str(o) for o in g.objects(ampk, mg.closeMatch)} == {"FPLX:AMPK"}
    assert {str(o) for o in g.objects(ampk, mg.xref)} == {"GO:0031588"}
    species = {str(o) for ev in g.objects(stmt, mg.evidence) for o in g.objects(ev, mg.species)}
    assert species == {"mouse"}


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_json_and_yaml_round_trips_are_lossless(graph: MetaGraph, tmp_path: Path, suffix: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = graph.export(tmp_path / f"g{suffix}")
    back = metagraph.load(path)
    assert back.nodes() == graph.nodes() and back.edges() == graph.edges()
    assert dict(back.references) == dict(graph.references)
