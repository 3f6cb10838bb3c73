"""Tests of metagraph.interop.kuzu_cypher and kuzu_bulk: the script and the bulk files load into a real Kùzu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kuzu
import pytest

from metagraph import Edge, ExportError, MetaGraph, Node, Reference
from metagraph.interop.kuzu_bulk import load_kuzu
from metagraph.interop.kuzu_cypher import to_kuzu_cypher

# The myokines reaching an organ, as kg.myokines_reaching answers: a myokine (not a category)
# targets the organ or a part of it, or has an effect edge located there; a group counts for
# its members, and is not listed itself.
REACHING = """
MATCH (place)-[:PART_OF*0..10]->(:Organ {id: $organ})
WITH collect(place.id) AS places
MATCH (actor:Myokine)-[e]->(target)
WHERE NOT e.negated AND NOT EXISTS { MATCH (:Myokine)-[:IS_A]->(actor) }
  AND ((label(e) = 'TARGETS' AND target.id IN places)
       OR (label(e) IN ['INCREASES', 'DECREASES', 'ACTIVATES', 'INHIBITS', 'REGULATES'] AND e.location IN places))
OPTIONAL MATCH (member:Myokine)-[:MEMBER_OF]->(actor)
WITH CASE WHEN member IS NULL THEN actor ELSE member END AS m
RETURN DISTINCT m.name AS name, m.id AS id
"""


def _rows(conn: kuzu.Connection, query: str, **params: Any) -> list[list[Any]]:
    result = conn.execute(query, params)
    assert not isinstance(result, list)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def _load(kg: MetaGraph, tmp_path: Path) -> kuzu.Connection:
    script = kg.export(tmp_path / "graph.kuzu.cypher", format="cypher-kuzu").read_text(encoding="utf-8")
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    conn.execute(script)
    return conn


def test_the_bundled_graph_loads_and_answers_as_myokines_reaching(kg: MetaGraph, tmp_path: Path) -> None:
    conn = _load(kg, tmp_path)
    count = sum(
        _rows(conn, f"MATCH (n:{label}) RETURN count(n)")[0][0]
        for label in {n.kind.value.capitalize() for n in kg.nodes()}
    )
    assert count == len(kg)
    assert _rows(conn, "MATCH ()-[e]->() RETURN count(e)")[0][0] == kg.nx.number_of_edges()
    assert _rows(conn, "MATCH (r:Reference) RETURN count(r)")[0][0] == len(kg.references)
    liver = sorted(name for name, _ in _rows(conn, REACHING, organ="liver"))
    assert liver == sorted(n.name for n in kg.myokines_reaching("liver")) and liver
    for organ in (n for n in kg.nodes() if n.kind.value == "organ"):
        got = {i for _, i in _rows(conn, REACHING, organ=organ.id)}
        assert got == {n.id for n in kg.myokines_reaching(organ.id)}, organ.id


HOSTILE = [
    "it's",
    'say "hi"',
    "back\\slash\\n",
    "line\nbreak\ttab\r end",
    "bell\x07 and \r\n crlf \\ 'q'",
    "semi; colon // not a comment /* */",
    "é α 🏃",
    "{x: 1}",
]


def test_strings_come_back_exactly_and_negated_edges_are_marked(tmp_path: Path) -> None:
    kg = MetaGraph(
        [
            Node(id=f"n{i}", name=text, kind="myokine", synonyms=[text], description=text)
            for i, text in enumerate(HOSTILE)
        ]
        + [Node(id="liver", name="Liver", kind="organ"), Node(id="uptake", name="Glucose uptake", kind="process")],
        [
            Edge(source="n0", target="liver", predicate="targets", evidence=[{"reference": "r", "quote": HOSTILE[3]}]),
            Edge(
                source="n1",
                target="liver",
                predicate="targets",
                negated=True,
                evidence=[{"reference": "r", "quote": "n1 does not act on the liver"}],
            ),
        ],
        [Reference(key="r", title=HOSTILE[4], authors=["O'Brien J"], year=2020)],
    )
    conn = _load(kg, tmp_path)
    got = {
        i: (name, syn, desc)
        for i, name, syn, desc in _rows(conn, "MATCH (n:Myokine) RETURN n.id, n.name, n.synonyms, n.description")
    }
    assert got == {f"n{i}": (text, [text], text) for i, text in enumerate(HOSTILE)}
    assert _rows(conn, "MATCH (r:Reference) RETURN r.title, r.authors, r.year") == [[HOSTILE[4], ["O'Brien J"], 2020]]
    edges = _rows(conn, "MATCH (m)-[e:TARGETS]->(:Organ) RETURN m.id, e.negated, e.quotes ORDER BY m.id")
    assert edges == [["n0", False, [HOSTILE[3]]], ["n1", True, ["n1 does not act on the liver"]]]
    assert [i for _, i in _rows(conn, REACHING, organ="liver")] == ["n0"]


def test_no_neo4j_only_syntax_and_the_output_is_stable(kg: MetaGraph) -> None:
    script = to_kuzu_cypher(kg)
    assert "CONSTRAINT" not in script and "REQUIRE" not in script and "MERGE" not in script
    assert " += " not in script and "SET " not in script and "\r" not in script
    assert script == to_kuzu_cypher(kg)


@pytest.mark.parametrize("size", [0, 1, 450])
def test_batches_of_any_size_load(size: int, tmp_path: Path) -> None:
    kg = MetaGraph([Node(id=f"m{i}", name=f"M{i}", kind="myokine") for i in range(size)])
    conn = _load(kg, tmp_path)
    assert _rows(conn, "MATCH (n:Myokine) RETURN count(n)")[0][0] == size


# -- the bulk files (Parquet and COPY FROM) -------------------------------------------------


def _dump(conn: kuzu.Connection) -> dict[str, list[list[Any]]]:
    """Every row of every table, every column, in a fixed order."""
    out: dict[str, list[list[Any]]] = {}
    for name, kind in _rows(conn, "CALL show_tables() RETURN name, type"):
        columns = [c for _, c, *_ in _rows(conn, f"CALL table_info('{name}') RETURN *")]
        if kind == "NODE":
            rows = _rows(conn, f"MATCH (n:{name}) RETURN {', '.join(f'n.{c}' for c in columns)}")
        else:
            rows = _rows(conn, f"MATCH (a)-[e:{name}]->(b) RETURN a.id, b.id, {', '.join(f'e.{c}' for c in columns)}")
        out[name] = sorted(rows, key=repr)
    return out


def _hostile_graph() -> MetaGraph:
    texts = [*HOSTILE, "", "comma, in a list", "[bracket]", "quote ' and \" both", "nul-free \x01\x1f\x7f"]
    return MetaGraph(
        [
            Node(id=f"n{i}", name=text or "empty", kind="myokine", synonyms=[text or "x", "a, b"], description=text)
            for i, text in enumerate(texts)
        ]
        + [Node(id="liver", name="Liver", kind="organ"), Node(id="uptake", name="Glucose uptake", kind="process")],
        [
            Edge(
                source=f"n{i}",
                target="liver",
                predicate="targets",
                note=text or None,
                evidence=[{"reference": "r", "quote": text or "q"}, {"reference": "r", "quote": "same, again"}],
            )
            for i, text in enumerate(texts)
        ]
        + [
            Edge(
                source="n1",
                target="uptake",
                predicate="decreases",
                location="liver",
                negated=True,
                evidence=[
                    {
                        "reference": "r",
                        "type": "experimental",
                        "finding": HOSTILE[4],
                        "species": "mouse",
                        "system": "in_vivo",
                    }
                ],
            )
        ],
        [Reference(key="r", title=HOSTILE[4], authors=["O'Brien J", "Smith, A"], year=2020)],
    )


@pytest.mark.parametrize("which", ["bundled", "hostile"])
def test_the_bulk_files_build_the_scripts_database(kg: MetaGraph, which: str, tmp_path: Path) -> None:
    graph = kg if which == "bundled" else _hostile_graph()
    by_script = _load(graph, tmp_path)
    by_files = kuzu.Connection(kuzu.Database(str(tmp_path / "bulk_db")))
    load_kuzu(graph.export(tmp_path / "bulk", format="kuzu"), by_files)
    tables = _dump(by_files)
    assert tables == _dump(by_script)
    assert sum(len(rows) for name, rows in tables.items() if name.isupper()) == graph.nx.number_of_edges()
    if which == "hostile":
        names = dict(_rows(by_files, "MATCH (n:Myokine) RETURN n.id, n.name"))
        assert names == {n.id: n.name for n in graph.nodes(kind="myokine")}
        quotes = _rows(by_files, "MATCH (a)-[e:TARGETS]->() RETURN a.id, e.quotes")
        assert dict(quotes) == {
            e.source: list(dict.fromkeys(ev.quote for ev in e.evidence)) for e in graph.edges(predicate="targets")
        }
    liver = [i for _, i in _rows(by_files, REACHING, organ="liver")]
    assert sorted(liver) == sorted(n.id for n in graph.myokines_reaching("liver")) and liver


def test_the_bulk_files_load_from_their_folder_with_relative_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # load.cypher run as it is, from the folder (as the kuzu shell would run it)
    folder = _hostile_graph().export(tmp_path / "it's a folder", format="kuzu")
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    monkeypatch.chdir(folder)
    for line in (folder / "load.cypher").read_text(encoding="utf-8").splitlines():
        if not line.startswith("//"):
            conn.execute(line)
    assert _rows(conn, "MATCH ()-[e]->() RETURN count(e)")[0][0] == _hostile_graph().nx.number_of_edges()


def test_load_kuzu_names_a_folder_without_the_script(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"has no load\.cypher"):
        load_kuzu(tmp_path, None)
