"""The Cypher dialects load into real databases and the documented queries give the library's answers.

Kùzu runs in-process (the ``kuzu`` package). FalkorDB's embedded build (``falkordblite``)
needs Python >= 3.12, so it runs in its own interpreter: ``METAGRAPH_FALKORDB_PYTHON``
names it (``.ci/run`` makes that environment). Without it the FalkorDB tests skip, except
under ``CI``, where they fail. The Neo4j script is run in FalkorDB too (its uniqueness
constraints swapped for FalkorDB's indexes, the one statement FalkorDB lacks), so its
statements are checked by a real openCypher engine.

Every answer is compared with the library's on the bundled graph and on a synthetic one
(:mod:`benchmarks.generator`).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from pathlib import Path
from typing import Any

import kuzu
import pytest

import metagraph
from benchmarks.generator import generate_graph
from metagraph import Edge, ExportError, MetaGraph, Node, Reference
from metagraph.interop.cypher import to_cypher
from metagraph.interop.dbqueries import chains_query, myokines_reaching_query, reach_query, sparql_myokines_reaching
from metagraph.interop.kuzu_bulk import load_kuzu
from metagraph.interop.turtle import to_turtle
from metagraph.queries.reach import reach_distances

pytestmark = pytest.mark.slow

# Run by the FalkorDB interpreter: load a script (one statement per line), answer queries.
FALKORDB_LOADER = """
import json, sys
from redislite.falkordb_client import FalkorDB

script, dbfile, queries = sys.argv[1:4]
graph = FalkorDB(dbfile).select_graph("metagraph")
with open(script, encoding="utf-8") as fh:
    for line in fh:
        line = line.strip()
        if line and not line.startswith("//"):
            graph.query(line)
with open(queries, encoding="utf-8") as fh:
    asked = json.load(fh)
print(json.dumps([graph.query(query, params).result_set for query, params in asked]))
"""

MAX_HOPS = 4


@pytest.fixture(scope="module")
def synthetic() -> MetaGraph:
    return generate_graph(300, 1200, seed=1)


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def graph(request: pytest.FixtureRequest, synthetic: MetaGraph) -> MetaGraph:
    return metagraph.load() if request.param == "bundled" else synthetic


def _places(kg: MetaGraph) -> list[str]:
    return [n.id for n in kg.nodes() if n.kind.value in ("organ", "cell")]


def _sample(kg: MetaGraph, count: int) -> list[str]:
    """Nodes with edges on both sides first (the interesting ones), then others, fixed by a seed."""
    ids = sorted(kg.nx.nodes)
    random.Random(7).shuffle(ids)
    busy = [n for n in ids if kg.nx.in_degree(n) and kg.nx.out_degree(n)]
    return (busy + [n for n in ids if n not in busy])[:count]


def _pairs(kg: MetaGraph, count: int) -> list[tuple[str, str]]:
    """Source/target pairs with at least one chain within MAX_HOPS."""
    pairs = [(a, b.id) for a in _sample(kg, 40) for b in kg.downstream(a, max_hops=MAX_HOPS)]
    return random.Random(3).sample(pairs, min(count, len(pairs)))


def _chains(kg: MetaGraph, source: str, target: str) -> list[tuple[tuple[str, ...], tuple[str, ...], int]]:
    found = kg.trace(source, target, max_hops=MAX_HOPS, limit=None)
    return sorted((tuple(n.id for n in c.nodes), tuple(e.key for e in c.edges), c.sign) for c in found)


def _distances(kg: MetaGraph, node: str, reverse: bool, max_hops: int | None = None) -> dict[str, int]:
    return {n.id: d for n, d in reach_distances(kg, node, reverse=reverse, max_hops=max_hops)}


# -- Kùzu --------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["script", "bulk"])
def kuzu_db(
    graph: MetaGraph, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> kuzu.Connection:
    # the same database two ways: the Cypher script, and the bulk files (Parquet and COPY FROM)
    folder = tmp_path_factory.mktemp("kuzu")
    conn = kuzu.Connection(kuzu.Database(str(folder / "db")))
    if request.param == "script":
        conn.execute(graph.export(folder / "graph.cypher", dialect="kuzu").read_text(encoding="utf-8"))
    else:
        load_kuzu(graph.export(folder / "bulk", format="kuzu"), conn)
    return conn


def _rows(conn: kuzu.Connection, query: str, **params: Any) -> list[list[Any]]:
    result = conn.execute(query, params)
    assert not isinstance(result, list)
    return result.get_all()


def test_kuzu_holds_the_whole_graph(graph: MetaGraph, kuzu_db: kuzu.Connection) -> None:
    labels = {n.kind.value.capitalize() for n in graph.nodes()}
    assert sum(_rows(kuzu_db, f"MATCH (n:{label}) RETURN count(n)")[0][0] for label in labels) == len(graph)
    assert _rows(kuzu_db, "MATCH ()-[e]->() RETURN count(e)")[0][0] == graph.nx.number_of_edges()


def test_kuzu_myokines_reaching_every_place(graph: MetaGraph, kuzu_db: kuzu.Connection) -> None:
    query = myokines_reaching_query("kuzu")
    answered = 0
    for place in _places(graph):
        got = [i for _, i in _rows(kuzu_db, query, organ=place)]
        want = [n.id for n in graph.myokines_reaching(place)]
        assert got == want, place
        answered += bool(want)
    assert answered >= 3


def test_kuzu_downstream_and_upstream(graph: MetaGraph, kuzu_db: kuzu.Connection) -> None:
    for reverse in (False, True):
        query = reach_query("kuzu", reverse=reverse)
        for node in _sample(graph, 8):
            got: dict[str, int] = {}
            for i, hops in _rows(kuzu_db, query, node=node):
                got[i] = min(hops, got.get(i, hops))
            assert got == _distances(graph, node, reverse), (node, reverse)


def test_kuzu_chains_with_their_sign(graph: MetaGraph, kuzu_db: kuzu.Connection) -> None:
    query = chains_query("kuzu", max_hops=MAX_HOPS)
    pairs = _pairs(graph, 12)
    assert pairs
    for source, target in pairs:
        got = sorted((tuple(n), tuple(k), s) for n, k, s in _rows(kuzu_db, query, source=source, target=target))
        assert got == _chains(graph, source, target), (source, target)


# -- FalkorDB (and the Neo4j script, run there) -------------------------------------------


@pytest.fixture(scope="module")
def falkordb_python() -> str:
    python = os.environ.get("METAGRAPH_FALKORDB_PYTHON", "")
    if python and Path(python).is_file():
        return python
    why = (
        "METAGRAPH_FALKORDB_PYTHON does not name a Python >= 3.12 with falkordblite "
        f"({python or 'unset'}); .ci/run makes one"
    )
    if os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


def _falkordb(python: str, script: str, queries: list[tuple[str, dict[str, Any]]], folder: Path) -> list[Any]:
    (folder / "loader.py").write_text(FALKORDB_LOADER, encoding="utf-8")
    (folder / "graph.cypher").write_text(script, encoding="utf-8")
    (folder / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    done = subprocess.run(
        [
            python,
            str(folder / "loader.py"),
            str(folder / "graph.cypher"),
            str(folder / "db.rdb"),
            str(folder / "queries.json"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answers: list[Any] = json.loads(done.stdout)
    return answers


def _neo4j_in_falkordb(script: str) -> str:
    """The Neo4j script with its two constraints swapped for FalkorDB's indexes (the only change)."""
    lines = script.splitlines()
    constraints = [line for line in lines if line.startswith("CREATE CONSTRAINT")]
    assert len(constraints) == 2
    swapped = ["CREATE INDEX FOR (n:Node) ON (n.id);", "CREATE INDEX FOR (r:Reference) ON (r.key);"]
    return "\n".join(swapped + [line for line in lines if not line.startswith("CREATE CONSTRAINT")]) + "\n"


@pytest.mark.parametrize("dialect", ["falkordb", "neo4j"])
def test_falkordb_loads_the_script_and_answers_as_the_library(
    dialect: str, graph: MetaGraph, falkordb_python: str, tmp_path: Path
) -> None:
    script = to_cypher(graph, dialect=dialect)
    if dialect == "neo4j":
        script = _neo4j_in_falkordb(script)
    places, nodes, pairs = _places(graph), _sample(graph, 6), _pairs(graph, 10)
    queries: list[tuple[str, dict[str, Any]]] = [
        ("MATCH (n:Node) RETURN count(n)", {}),
        ("MATCH ()-[e]->() RETURN count(e)", {}),
        ("MATCH (r:Reference) RETURN count(r)", {}),
    ]
    queries += [(myokines_reaching_query(dialect), {"organ": p}) for p in places]
    queries += [(reach_query(dialect, reverse=r, max_hops=3), {"node": n}) for r in (False, True) for n in nodes]
    queries += [(chains_query(dialect, max_hops=MAX_HOPS), {"source": s, "target": t}) for s, t in pairs]
    answers = iter(_falkordb(falkordb_python, script, queries, tmp_path))
    assert next(answers) == [[len(graph)]]
    assert next(answers) == [[graph.nx.number_of_edges()]]
    assert next(answers) == [[len(graph.references)]]
    for place in places:
        assert [i for _, i in next(answers)] == [n.id for n in graph.myokines_reaching(place)], place
    for reverse in (False, True):
        for node in nodes:
            assert dict(next(answers)) == _distances(graph, node, reverse, 3), (node, reverse)
    for source, target in pairs:
        got = sorted((tuple(n), tuple(k), s) for n, k, s in next(answers))
        assert got == _chains(graph, source, target), (source, target)


HOSTILE = [
    "it's",
    'say "hi"',
    "back\\slash\\n",
    "line\nbreak\ttab\r end",
    "bell\x07 and \r\n crlf \\ 'q' \b\f.",
    "semi; colon // not a comment /* */",
    "é α 🏃 \u0085 \u2028 end",
    "{x: 1}",
]


@pytest.mark.parametrize("dialect", ["falkordb", "neo4j"])
def test_falkordb_strings_come_back_exactly(dialect: str, falkordb_python: str, tmp_path: Path) -> None:
    # the Neo4j script writes other control characters as \uXXXX, which FalkorDB does not read
    # (Neo4j does; tests/test_interop_cypher.py reads them back)
    hostile = HOSTILE if dialect == "falkordb" else [t for t in HOSTILE if not any(c in t for c in "\x07\b\f\x85")]
    kg = MetaGraph(
        [Node(id=f"n{i}", name=text, kind="myokine", synonyms=[text, "x"]) for i, text in enumerate(hostile)]
        + [Node(id="liver", name="Liver", kind="organ")],
        [Edge(source="n0", target="liver", predicate="targets", evidence=[{"reference": "r", "quote": HOSTILE[3]}])],
        [Reference(key="r", title=hostile[4], authors=["O'Brien J"], year=2020)],
    )
    script = to_cypher(kg, dialect=dialect)
    if dialect == "neo4j":
        script = _neo4j_in_falkordb(script)
    names, refs, quotes = _falkordb(
        falkordb_python,
        script,
        [
            ("MATCH (n:Myokine) RETURN n.id, n.name, n.synonyms ORDER BY n.id", {}),
            ("MATCH (r:Reference) RETURN r.title, r.authors, r.year", {}),
            ("MATCH ()-[e:TARGETS]->() RETURN e.quotes", {}),
        ],
        tmp_path,
    )
    assert names == sorted([[f"n{i}", text, [text, "x"]] for i, text in enumerate(hostile)])
    assert refs == [[hostile[4], ["O'Brien J"], 2020]]
    assert quotes == [[[HOSTILE[3]]]]


def test_falkordb_cannot_hold_nul() -> None:
    kg = MetaGraph([Node(id="x", name="a\x00b", kind="signal")])
    with pytest.raises(ExportError, match="NUL"):
        to_cypher(kg, dialect="falkordb")
    assert "\\u0000" in to_cypher(kg)


def test_running_the_script_twice_leaves_one_copy(falkordb_python: str, tmp_path: Path) -> None:
    kg = metagraph.load()
    script = to_cypher(kg, dialect="falkordb")
    body = "\n".join(line for line in script.splitlines() if not line.startswith("CREATE INDEX"))
    (count,) = _falkordb(falkordb_python, script + body + "\n", [("MATCH ()-[e]->() RETURN count(e)", {})], tmp_path)
    assert count == [[kg.nx.number_of_edges()]]


# -- SPARQL over the Turtle export ----------------------------------------------------------


def test_sparql_myokines_reaching_every_place(graph: MetaGraph) -> None:
    import pyoxigraph
    import rdflib

    text = to_turtle(graph)
    rdf = rdflib.Graph().parse(data=text, format="turtle")
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    for place in _places(graph):
        want = [n.id for n in graph.myokines_reaching(place)]
        query = sparql_myokines_reaching(place)
        assert [str(row.id) for row in rdf.query(query)] == want, place
        assert [row["id"].value for row in store.query(query)] == want, place
