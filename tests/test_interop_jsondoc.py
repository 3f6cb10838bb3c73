"""Tests of metagraph.interop.jsondoc: the data format as JSON/YAML round-trips through metagraph.load."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import metagraph
from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.interop.jsondoc import to_json, to_yaml
from metagraph.jsonschema import json_schema
from tests.strategies import graph_records, texts


@st.composite
def rich_graphs(draw: st.DrawFn) -> MetaGraph:
    """Random valid graphs with every optional field drawn too (members, provenance, notes, citations)."""
    nodes, edges, refs = draw(graph_records(max_nodes=8, max_edges=15))
    curies = st.from_regex(r"[A-Z]{2,5}:[0-9]{1,7}", fullmatch=True)
    nodes = [n.model_copy(update={"members": draw(st.lists(curies, max_size=2, unique=True))}) for n in nodes]
    optional = st.one_of(st.none(), texts)
    edges = [
        e.model_copy(
            update={
                "note": draw(optional),
                "evidence": [ev.model_copy(update={"provenance": draw(optional)}) for ev in e.evidence],
            }
        )
        for e in edges
    ]
    refs = [
        r.model_copy(
            update={
                "type": draw(st.sampled_from(["article", "web_page", "dataset", "other"])),
                "journal": draw(optional),
                "volume": draw(optional),
                "pages": draw(optional),
                "url": draw(optional),
                "pmid": draw(st.one_of(st.none(), st.from_regex(r"[1-9][0-9]{0,8}", fullmatch=True))),
                "as_cited": draw(optional),
                "discrepancies": draw(st.lists(texts, max_size=2)),
                "note": draw(optional),
            }
        )
        for r in refs
    ]
    return MetaGraph(nodes, edges, refs)


def _records(g: MetaGraph) -> tuple[list[Node], dict[tuple[str, str, str], Edge], dict[str, Reference]]:
    return g.nodes(), {(e.source, e.target, e.key): e for e in g.edges()}, dict(g.references)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(rich_graphs())
def test_random_graphs_survive_json_export_and_load_unchanged(tmp_path_factory: object, g: MetaGraph) -> None:
    path = Path(tmp_path_factory.mktemp("json")) / "g.json"  # type: ignore[attr-defined]
    g.export(path)
    assert _records(metagraph.load(path)) == _records(g)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(rich_graphs())
def test_random_graphs_survive_yaml_export_and_load_unchanged(tmp_path_factory: object, g: MetaGraph) -> None:
    path = Path(tmp_path_factory.mktemp("yaml")) / "g.yaml"  # type: ignore[attr-defined]
    g.export(path, schema="metagraph.schema.json")
    assert _records(metagraph.load(path)) == _records(g)


def test_bundled_graph_round_trips_through_json(kg: MetaGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "bundled.json")
    again = metagraph.load(out)
    assert _records(again) == _records(kg)
    assert [e.key for e in again.edges()] == [e.key for e in kg.edges()]


def test_json_writes_every_field_and_fits_the_schema(kg: MetaGraph) -> None:
    data = json.loads(to_json(kg))
    assert sorted(data) == ["edges", "nodes", "references"]
    assert set(data["edges"][0]) == set(Edge.model_fields)
    assert set(data["nodes"][0]) == set(Node.model_fields)
    assert set(json_schema()["properties"]) >= set(data)


def test_yaml_leaves_defaults_out_and_names_the_schema() -> None:
    g = MetaGraph(
        [Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="process")],
        [Edge(source="a", target="b", predicate="increases", evidence=[{"reference": "r", "quote": "q"}])],
        [Reference(key="r", title="T")],
    )
    text = to_yaml(g, schema="../data/metagraph.schema.json")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../data/metagraph.schema.json"
    assert "hedged" not in text and "synonyms" not in text and "type: article" not in text
    assert to_yaml(MetaGraph()) == ""


def test_yaml_exclude_leaves_out_what_the_other_graph_has(kg: MetaGraph) -> None:
    own = Reference(key="lab_notes", type="other", title="Lab notes")
    extra = MetaGraph(
        [kg.node("il6"), Node(id="stat3", name="STAT3", kind="signal")],
        [
            Edge(
                source="il6",
                target="stat3",
                predicate="activates",
                evidence=[{"reference": "lab_notes", "quote": "IL-6 activates STAT3"}],
            )
        ],
        [own],
    )
    text = to_yaml(extra, exclude=kg)
    assert "id: il6" not in text and "id: stat3" in text and "key: lab_notes" in text
