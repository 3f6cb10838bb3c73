"""Tests of metagraph.interop.cypher: the Cypher script parses back to the graph; neo4j-admin CSVs are well formed.

No Neo4j server runs here, so the script is read back with a small parser of the
Cypher subset it uses (string escapes included), and the neo4j-admin files with
the csv module, following the header format of ``neo4j-admin database import``.
The same statements run in a real FalkorDB in tests/test_interop_databases.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metagraph import Edge, Evidence, ExportError, MetaGraph, Node, Reference
from metagraph.interop.cypher import (
    _node_props,
    _present,
    cypher_literal,
    edge_record,
    label_of,
    relationship_type,
    to_cypher,
    to_neo4j_import_files,
)
from metagraph.schema import Kind, Predicate
from tests.strategies import graph_records, texts

_UNESCAPE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


class _Cypher:
    """A reader of the Cypher subset the exporter writes: literals, maps and three statement shapes."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] == " ":
            self.pos += 1

    def expect(self, token: str) -> None:
        self.skip()
        assert self.text.startswith(token, self.pos), f"expected {token!r} at {self.text[self.pos : self.pos + 30]!r}"
        self.pos += len(token)

    def name(self) -> str:
        self.skip()
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.text, self.pos)
        assert m, self.text[self.pos :]
        self.pos = m.end()
        return m.group(0)

    def literal(self) -> Any:
        self.skip()
        ch = self.text[self.pos]
        if ch == "'":
            self.pos += 1
            out = []
            while self.text[self.pos] != "'":
                c = self.text[self.pos]
                assert c not in "\n\r", "raw line break inside a string"
                if c == "\\":
                    nxt = self.text[self.pos + 1]
                    if nxt == "u":
                        out.append(chr(int(self.text[self.pos + 2 : self.pos + 6], 16)))
                        self.pos += 6
                        continue
                    out.append(_UNESCAPE[nxt])
                    self.pos += 2
                    continue
                out.append(c)
                self.pos += 1
            self.pos += 1
            return "".join(out)
        if ch == "{":
            return self.map()
        if ch == "[":
            self.pos += 1
            items: list[Any] = []
            self.skip()
            while self.text[self.pos] != "]":
                items.append(self.literal())
                self.skip()
                if self.text[self.pos] == ",":
                    self.pos += 1
                self.skip()
            self.pos += 1
            return items
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        m = re.compile(r"-?\d+(\.\d+)?").match(self.text, self.pos)
        assert m, self.text[self.pos :]
        self.pos = m.end()
        return float(m.group(0)) if m.group(1) else int(m.group(0))

    def map(self) -> dict[str, Any]:
        self.expect("{")
        out: dict[str, Any] = {}
        self.skip()
        while self.text[self.pos] != "}":
            key = self.name()
            self.expect(":")
            out[key] = self.literal()
            self.skip()
            if self.text[self.pos] == ",":
                self.pos += 1
            self.skip()
        self.pos += 1
        return out

    def statement(self) -> list[tuple[str, dict[str, Any]]]:
        """One ``UNWIND [rows] AS row ...;`` line: its rows, each tagged node, rel or reference."""
        self.expect("UNWIND")
        self.skip()
        rows = self.literal()
        self.expect("AS row")
        tail = self.text[self.pos :].strip()
        if tail.startswith("MERGE (n:Node {id: row.id}) SET n:"):
            label = re.fullmatch(r"MERGE \(n:Node \{id: row\.id\}\) SET n:(\w+), n \+= row\.props;", tail).group(1)
            return [("node", {"id": r["id"], "label": label, **r["props"]}) for r in rows]
        if tail == "MERGE (r:Reference {key: row.key}) SET r += row.props;":
            return [("reference", {"key": r["key"], **r["props"]}) for r in rows]
        m = re.fullmatch(
            r"MATCH \(a:Node \{id: row\.source\}\), \(b:Node \{id: row\.target\}\) "
            r"MERGE \(a\)-\[r:(\w+) \{key: row\.key\}\]->\(b\) SET r \+= row\.props;",
            tail,
        )
        assert m, tail
        return [
            ("rel", {"source": r["source"], "target": r["target"], "type": m.group(1), "key": r["key"], **r["props"]})
            for r in rows
        ]


def _parse_script(script: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"node": [], "rel": [], "reference": []}
    for line in script.splitlines():
        if not line or line.startswith("//") or line.startswith("CREATE CONSTRAINT"):
            continue
        for kind, props in _Cypher(line).statement():
            out[kind].append(props)
    return out


@given(st.one_of(texts, st.text(max_size=20)))
def test_string_literals_read_back_exactly(text: str) -> None:
    literal = cypher_literal(text)
    assert "\n" not in literal and "\r" not in literal
    assert _Cypher(literal).literal() == text


def test_escaping_of_quotes_and_backslashes() -> None:
    assert cypher_literal('O\'Brien \\ "x"') == "'O\\'Brien \\\\ \"x\"'"
    assert cypher_literal("a\nb\u0001") == "'a\\nb\\u0001'"
    with pytest.raises(ExportError):
        cypher_literal({"a": 1})
    with pytest.raises(ExportError):
        cypher_literal(float("nan"))


def test_labels_and_relationship_types() -> None:
    assert [label_of(k.value) for k in Kind][:3] == ["Exercise", "Gene", "Signal"]
    assert relationship_type(Predicate.PARTICIPATES_IN.value) == "PARTICIPATES_IN"
    assert all(re.fullmatch(r"[A-Z][A-Z_]*", relationship_type(p.value)) for p in Predicate)


def test_bundled_graph_script_parses_back(kg: MetaGraph) -> None:
    script = to_cypher(kg)
    parsed = _parse_script(script)
    assert len(parsed["node"]) == len(kg) and len(parsed["reference"]) == len(kg.references)
    assert len(parsed["rel"]) == kg.nx.number_of_edges()
    nodes = {n["id"]: n for n in parsed["node"]}
    ampk = nodes["ampk"]
    assert (ampk["label"], ampk["name"], ampk["xrefs"]) == ("Signal", "AMPK", kg.node("ampk").xrefs)
    for rel in parsed["rel"]:
        edge = kg.edge_model(rel["source"], rel["target"], rel["key"])
        assert rel["type"] == edge.predicate.value.upper() and rel["sign"] == edge.sign
        assert [Evidence.model_validate(e) for e in json.loads(rel["evidence"])] == edge.evidence
    # MERGE under uniqueness constraints: running the script twice leaves one copy
    assert script.count("CREATE CONSTRAINT") == 2 and "CREATE (" not in script
    # batched: one statement per kind, one for the references and one per predicate (each under BATCH rows)
    statements = [line for line in script.splitlines() if line.startswith("UNWIND")]
    kinds, predicates = {n.kind for n in kg.nodes()}, {e.predicate for e in kg.edges()}
    assert len(statements) == len(kinds) + 1 + len(predicates)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=8, max_edges=15))
def test_random_graphs_script_parses_back_to_the_same_values(records: tuple) -> None:
    kg = MetaGraph(*records)
    parsed = _parse_script(to_cypher(kg))
    nodes = {n["id"]: n for n in parsed["node"]}
    for node in kg.nodes():
        got = nodes[node.id]
        assert got["name"] == node.name and got["label"] == label_of(node.kind.value)
        assert got.get("synonyms", []) == node.synonyms
        assert got.get("description", "") == node.description
    refs = {r["key"]: r for r in parsed["reference"]}
    for ref in kg.references.values():
        assert refs[ref.key]["title"] == ref.title and refs[ref.key].get("authors", []) == ref.authors
    rels = {(r["source"], r["target"], r["key"]): r for r in parsed["rel"]}
    assert set(rels) == set(kg.nx.edges(keys=True))
    for (u, v, k), rel in rels.items():
        edge = kg.edge_model(u, v, k)
        assert rel.get("quotes", []) == list(dict.fromkeys(ev.quote for ev in edge.evidence if ev.quote is not None))


def _table(text: str) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(text)))
    return header, rows


def test_neo4j_admin_files_of_the_bundled_graph(kg: MetaGraph, tmp_path: Path) -> None:
    out = kg.export(tmp_path / "neo4j", format="cypher")
    assert sorted(p.name for p in out.iterdir()) == [
        "graph.cypher",
        "import.sh",
        "nodes.csv",
        "references.csv",
        "relationships.csv",
    ]
    script = (out / "import.sh").read_text(encoding="utf-8")
    delim = re.search(r"--array-delimiter='(.)'", script).group(1)
    assert "neo4j-admin database import full" in script
    for name in ("nodes.csv", "references.csv", "relationships.csv"):
        assert f"={name}" in script

    header, rows = _table((out / "nodes.csv").read_text(encoding="utf-8"))
    assert header == [
        "id:ID(Node)",
        ":LABEL",
        "name",
        "kind",
        "synonyms:string[]",
        "xrefs:string[]",
        "close_matches:string[]",
        "broad_matches:string[]",
        "narrow_matches:string[]",
        "related_matches:string[]",
        "members:string[]",
        "description",
    ]
    assert len(rows) == len(kg)
    for row in rows:
        node = kg.node(row[0])
        assert row[1].split(delim) == ["Node", label_of(node.kind.value)]
        assert (row[4].split(delim) if row[4] else []) == node.synonyms
        assert (row[5].split(delim) if row[5] else []) == node.xrefs

    header, rows = _table((out / "relationships.csv").read_text(encoding="utf-8"))
    assert header[:3] == [":START_ID(Node)", ":END_ID(Node)", ":TYPE"]
    assert all(re.fullmatch(r"[a-z_]+(:(int|boolean|string\[\]|boolean\[\]))?", h) for h in header[3:])
    ids = set(kg.nx.nodes)
    assert {(r[0], r[1], r[3]) for r in rows} == set(kg.nx.edges(keys=True))
    col = {h.partition(":")[0]: i for i, h in enumerate(header)}
    for r in rows:
        assert r[0] in ids and r[1] in ids and r[2] == kg.edge_model(r[0], r[1], r[3]).predicate.value.upper()
        assert r[col["sign"]] in ("1", "-1", "0") and r[col["hedged"]] in ("true", "false")

    header, rows = _table((out / "references.csv").read_text(encoding="utf-8"))
    assert header[0] == "key:ID(Reference)" and "year:int" in header
    assert [r[0] for r in rows] == list(kg.references)


def test_array_delimiter_avoids_characters_in_list_values() -> None:
    kg = MetaGraph([Node(id="x", name="X", kind="signal", synonyms=["a;b", "c|d"])])
    files = to_neo4j_import_files(kg)
    assert "--array-delimiter='¦'" in files["import.sh"]
    _, rows = _table(files["nodes.csv"])
    assert rows[0][4].split("¦") == ["a;b", "c|d"]


def test_a_cypher_path_writes_the_script_alone(tmp_path: Path) -> None:
    kg = MetaGraph([Node(id="x", name="X", kind="signal")])
    out = kg.export(tmp_path / "graph.cypher")
    assert out.is_file() and out.read_text(encoding="utf-8").startswith("// metagraph: 1 nodes")


HOSTILE_TEXT = 'It\'s a "q", a\\b; c|d\n e\r\tf\x01\x7f\x85 é 😀 =SUM(1)\\'


def test_the_exporters_plain_records_equal_the_models(kg: MetaGraph) -> None:
    # the large-graph writers read the graph's attributes, not models: the two must agree
    from metagraph.interop._plain import edge_values, node_values

    hostile = MetaGraph(
        [
            Node(id="a", name=HOSTILE_TEXT, kind="myokine", description=HOSTILE_TEXT),
            Node(id="b", name="B", kind="organ"),
        ],
        [
            Edge(
                source="a",
                target="b",
                predicate="targets",
                note=HOSTILE_TEXT,
                evidence=[
                    {"reference": "r", "quote": HOSTILE_TEXT, "section": "Intermediate"},
                    {
                        "reference": "r",
                        "type": "experimental",
                        "finding": HOSTILE_TEXT,
                        "species": "mouse",
                        "system": "in_vivo",
                        "stance": "contradicts",
                        "hedged": True,
                    },
                ],
            )
        ],
        [Reference(key="r", title="T")],
    )
    for graph in (kg, hostile):
        for u, v, k, attrs in graph.nx.edges(keys=True, data=True):
            assert edge_values(attrs) == edge_record(graph.edge_model(u, v, k))
        for node in graph.nodes():
            assert _present(node_values(graph.nx.nodes[node.id])) == _node_props(node)
    parsed = _parse_script(to_cypher(hostile))["rel"][0]
    assert parsed["note"] == HOSTILE_TEXT and parsed["findings"] == ["", HOSTILE_TEXT]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=8, max_edges=15))
def test_plain_records_equal_the_models_on_random_graphs(records: tuple) -> None:
    from metagraph.interop._plain import edge_values

    kg = MetaGraph(*records)
    for u, v, k, attrs in kg.nx.edges(keys=True, data=True):
        assert edge_values(attrs) == edge_record(kg.edge_model(u, v, k))


def test_relationship_rows_read_back_whatever_their_text() -> None:
    # rows written without the csv module (no cell needs quoting) and with it, side by side
    notes = [None, "plain", "a, comma", 'a "quote"', "a\nnewline", "cr\r\nlf", HOSTILE_TEXT]
    nodes = [Node(id=f"m{i}", name=f"M{i}", kind="myokine") for i in range(len(notes))]
    kg = MetaGraph(
        [*nodes, Node(id="liver", name="Liver", kind="organ")],
        [
            Edge(
                source=f"m{i}",
                target="liver",
                predicate="targets",
                note=note,
                evidence=[{"reference": "r", "quote": note or "q"}],
            )
            for i, note in enumerate(notes)
        ],
        [Reference(key="r", title="T")],
    )
    header, rows = _table(to_neo4j_import_files(kg)["relationships.csv"])
    assert len(rows) == len(notes)
    for row in rows:
        got = dict(zip(header, row, strict=True))
        edge = kg.edge_model(got[":START_ID(Node)"], got[":END_ID(Node)"], got["key"])
        assert got["note"] == (edge.note or "")
        assert [Evidence.model_validate(e) for e in json.loads(got["evidence"])] == edge.evidence
