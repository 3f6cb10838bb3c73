"""The loader: whole valid graphs, or one DataError naming every problem with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import metagraph
from metagraph._reading import Records
from metagraph.errors import DataError
from metagraph.loader import Limits, bundled_data_path, read_records, validate_files
from metagraph.models import Edge, GraphDocument, Node, Reference
from tests.strategies import graph_records

NODES = """\
nodes:
  - id: ampk
    name: AMPK
    kind: signal
  - id: pgc1a
    name: PGC-1α
    kind: signal
    synonyms: [PGC-1alpha, PPARGC1A]
references:
  - key: src
    title: A source
"""

EDGE = """\
edges:
  - source: ampk
    target: pgc1a
    predicate: activates
    evidence:
      - reference: src
        quote: activate PGC-1α
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[metagraph.Problem]:
    with pytest.raises(DataError) as info:
        metagraph.load(*paths)
    return info.value.problems


def test_loads_a_folder_of_files(tmp_path: Path) -> None:
    write(tmp_path, "nodes.yaml", NODES)
    write(tmp_path, "edges.yml", EDGE)
    kg = metagraph.load(tmp_path)
    assert len(kg) == 2
    assert [(e.source, e.target, e.sign) for e in kg.edges()] == [("ampk", "pgc1a", 1)]


def test_bundled_true_loads_user_files_on_top(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "mine.yaml",
        """\
nodes:
  - id: my_kinase
    name: My kinase
    kind: signal
edges:
  - source: ampk
    target: my_kinase
    predicate: activates
    evidence: [{reference: seed_article, quote: anything}]
""",
    )
    kg = metagraph.load(user, bundled=True)
    assert "my_kinase" in kg and "irisin" in kg
    assert kg.edges(source="ampk", target="my_kinase")


def test_json_files_load(tmp_path: Path) -> None:
    doc = {**yaml.safe_load(NODES), **yaml.safe_load(EDGE)}
    path = write(tmp_path, "graph.json", json.dumps(doc))
    assert len(metagraph.load(path).edges()) == 1


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "nodes:\n  - id: a\n    name: [unclosed\n")
    (p,) = problems_of(path)
    assert p.file == str(path) and p.line in (3, 4) and "YAML syntax error" in p.message


def test_json_syntax_error_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{"nodes": [\n  {"id": "a",}\n]}')
    (p,) = problems_of(path)
    assert p.line == 2 and "JSON" in p.message


def test_every_problem_of_a_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        """\
nodes:
  - id: ampk
    name: AMPK
    kind: signl
  - id: Bad Id
    name: X
    kind: signal
  - id: nrf2
    kind: signal
    colour: red
""",
    )
    found = {(p.line, p.where): p for p in problems_of(path)}
    assert found[(4, "nodes[0].kind")].hint == "did you mean 'signal'?"
    assert "lower-case" in found[(5, "nodes[1].id")].hint
    assert (8, "nodes[2].name") in found  # missing: reported at the record
    assert "did you mean" not in found[(10, "nodes[2].colour")].hint
    assert "fields:" in found[(10, "nodes[2].colour")].hint


def test_unknown_node_in_edge_suggests_the_closest(tmp_path: Path) -> None:
    write(tmp_path, "nodes.yaml", NODES)
    edges = write(tmp_path, "edges.yaml", EDGE.replace("target: pgc1a", "target: pgc1"))
    (p,) = problems_of(tmp_path)
    assert p.file == str(edges) and p.line == 3 and p.where == "edges[0].target"
    assert "'pgc1'" in p.message and "did you mean 'pgc1a'?" in p.hint


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", NODES)
    b = write(tmp_path, "b.yaml", "nodes:\n  - id: ampk\n    name: AMPK again\n    kind: signal\n")
    (p,) = problems_of(tmp_path)
    assert p.file == str(b) and "already defined at" in p.message and "a.yaml:2" in p.message


def test_predicate_between_disallowed_kinds(tmp_path: Path) -> None:
    write(
        tmp_path, "nodes.yaml", NODES + "  - id: liver\n    name: Liver\n    kind: organ\n".replace("references:", "")
    )
    text = NODES.replace("references:", "  - id: liver\n    name: Liver\n    kind: organ\nreferences:")
    write(tmp_path, "nodes.yaml", text)
    write(tmp_path, "edges.yaml", EDGE.replace("target: pgc1a", "target: liver"))
    (p,) = problems_of(tmp_path)
    assert "'activates' cannot join a signal ('ampk') to an organ ('liver')" in p.message
    assert p.hint.startswith("use one of: ") and "targets" in p.hint


def test_undefined_reference(tmp_path: Path) -> None:
    write(tmp_path, "nodes.yaml", NODES)
    write(tmp_path, "edges.yaml", EDGE.replace("reference: src", "reference: scr"))
    (p,) = problems_of(tmp_path)
    assert p.where == "edges[0].evidence[0].reference" and "did you mean 'src'?" in p.hint


def test_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.yaml", "nodes:\n  - id: a\n    name: A\n    name: B\n    kind: signal\n")
    (p,) = problems_of(path)
    assert p.line == 4 and "written twice" in p.message


def test_an_unparsable_file_does_not_flood_other_files_with_unknown_names(tmp_path: Path) -> None:
    write(tmp_path, "nodes.yaml", NODES + "  - [broken\n")
    write(tmp_path, "edges.yaml", EDGE)
    assert [p.file.endswith("nodes.yaml") for p in problems_of(tmp_path)] == [True]


def test_invalid_edge_records_do_not_cascade(tmp_path: Path) -> None:
    # The node fails its own validation; the edge naming it must not add an "unknown node" problem.
    write(tmp_path, "nodes.yaml", NODES.replace("    name: PGC-1α\n", ""))
    write(tmp_path, "edges.yaml", EDGE)
    problems = problems_of(tmp_path)
    assert [p.where for p in problems] == ["nodes[1].name"]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    problems = problems_of(tmp_path / "nope.yaml", tmp_path / "empty")
    assert ["no such file" in p.message or "holds no" in p.message for p in problems] == [True, True]


def test_not_a_mapping_and_unknown_section(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "- just\n- a list\n")
    b = write(tmp_path, "b.yaml", "node:\n  - id: x\n")
    problems = problems_of(a, b)
    assert "not a mapping" in problems[0].message
    assert problems[1].hint == "did you mean 'nodes'?"


def test_validate_files_returns_problems_without_raising(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "nodes: 3\n")
    assert [p.where for p in validate_files(path)] == ["nodes"]


def test_read_records_accepts_plain_data() -> None:
    recs = read_records(yaml.safe_load(NODES), None)
    assert [n.id for n, _ in recs.nodes] == ["ampk", "pgc1a"] and not recs.problems


def test_bundled_data_path_holds_the_schema() -> None:
    assert (bundled_data_path() / "metagraph.schema.json").is_file()


def _dump(records: tuple) -> str:
    nodes, edges, refs = records
    doc = GraphDocument(nodes=nodes, edges=edges, references=refs)
    return yaml.safe_dump(doc.model_dump(mode="json", exclude_defaults=True, by_alias=True), allow_unicode=True)


@given(graph_records())
def test_random_valid_graphs_load_unchanged(tmp_path_factory: pytest.TempPathFactory, records: tuple) -> None:
    path = tmp_path_factory.mktemp("g") / "graph.yaml"
    path.write_text(_dump(records), encoding="utf-8")
    kg = metagraph.load(path)
    nodes, edges, refs = records
    assert kg.nodes() == nodes
    assert sorted(kg.edges(), key=lambda e: (e.source, e.target, e.key)) == sorted(
        edges, key=lambda e: (e.source, e.target, e.key)
    )
    assert dict(kg.references) == {r.key: r for r in refs}


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = _dump(draw(graph_records(max_nodes=6, max_edges=8))).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "mangle", "indent", "swap"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        else:
            j = draw(st.integers(0, len(lines[i])))
            junk = draw(st.text(alphabet=":-[]{}'\"#&*!|> \tab1", max_size=4))
            lines[i] = lines[i][:j] + junk + lines[i][j + draw(st.integers(0, 3)) :]
    return "\n".join(lines) + "\n"


@given(damaged())
def test_damaged_files_give_a_graph_or_a_data_error_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("d") / "damaged.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        kg = metagraph.load(path)
    except DataError as exc:
        assert exc.problems
        assert all(p.file == str(path) for p in exc.problems)
    else:
        assert isinstance(kg, metagraph.MetaGraph)


@pytest.mark.parametrize(
    ("field", "bad", "good"),
    [
        ("type", "experimantal", "experimental"),
        ("stance", "against", "contradicts"),
        ("stance", "suports", "supports"),
        ("species", "mice", "mouse"),
        ("system", "in vivo", "in_vivo"),
        ("system", "clinical", "clinical_trial"),
    ],
)
def test_bad_evidence_vocabulary_gets_file_line_and_did_you_mean(
    tmp_path: Path, field: str, bad: str, good: str
) -> None:
    item = {"reference": "src", "type": "experimental", "finding": "F", "species": "human", "system": "in_vitro"}
    item[field] = bad
    doc = {"edges": [{"source": "ampk", "target": "pgc1a", "predicate": "activates", "evidence": [item]}]}
    path = write(tmp_path, "edges.yaml", yaml.safe_dump(doc, sort_keys=False))
    [problem] = [p for p in problems_of(path) if p.where.endswith(field)]
    assert problem.file == str(path) and problem.line is not None
    assert problem.where == f"edges[0].evidence[0].{field}"
    assert problem.hint == f"did you mean {good!r}?"


LAYER = """\
edges:
  - source: ampk
    target: pgc1a
    predicate: activates
    note: the paper's finding
    evidence:
      - reference: src
        type: experimental
        finding: AMPK switched PGC-1α on in muscle cells.
        species: mouse
        system: in_vitro
"""


def test_another_file_may_repeat_an_edge_to_add_evidence(tmp_path: Path) -> None:
    write(tmp_path, "a_nodes.yaml", NODES)
    write(tmp_path, "b_edges.yaml", EDGE)
    write(tmp_path, "c_layer.yaml", LAYER)
    kg = metagraph.load(tmp_path)
    [edge] = kg.edges()
    assert [ev.type.value for ev in edge.evidence] == ["author_statement", "experimental"]
    assert edge.note == "the paper's finding"


def test_a_repeat_in_the_same_file_or_with_other_qualifiers_is_still_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a_nodes.yaml", NODES)
    twice = write(tmp_path, "b_edges.yaml", EDGE + EDGE.split("edges:\n", 1)[1])
    [problem] = problems_of(tmp_path)
    assert "already defined" in problem.message and problem.file == str(twice)
    twice.write_text(EDGE, encoding="utf-8")
    write(tmp_path, "c_layer.yaml", LAYER.replace("    note:", "    timescale: acute\n    note:"))
    [problem] = problems_of(tmp_path)
    assert "already defined" in problem.message and "exactly the same qualifiers" in problem.hint


@pytest.mark.parametrize("settle_after", [0, 10**9])
def test_a_load_resumes_the_collector_and_settles_a_large_heap(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, settle_after: int
) -> None:
    # The collector is paused during a load and runs again afterwards; a load that made more
    # new objects than SETTLE_AFTER ends with one full collection (generation 2).
    import gc

    from metagraph import _gc

    monkeypatch.setenv("METAGRAPH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_gc, "SETTLE_AFTER", settle_after)
    generations: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    gc.collect()  # counts at zero: no full collection falls due by itself within one load
    gc.callbacks.append(note)
    try:
        kg = metagraph.load()
    finally:
        gc.callbacks.remove(note)
    assert gc.isenabled() and len(kg) > 100
    assert (2 in generations) == (settle_after == 0)


# -- a valid JSON file read in one step ----------------------------------------------------------
# metagraph._reading reads a JSON file that is valid in every way with one parse and one
# validation; anything else takes the usual path. Either way the records and problems must be
# those the usual path alone gives.


def _both_ways(*paths: Path, limits: Limits | None = None) -> tuple[Records, Records]:
    """What reading ``paths`` gives with the one-step path, and with the usual path alone."""
    from metagraph import _reading

    limits = limits or Limits()
    files = list(paths)
    raws: list[bytes | metagraph.Problem] = [p.read_bytes() for p in files]
    quick = _reading.collect(files, [], raws, limits)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_reading, "_valid_json_file", lambda *args: None)
        usual = _reading.collect(files, [], raws, limits)
    return quick, usual


def _one_step(path: Path, limits: Limits | None = None) -> bool:
    from metagraph import _reading

    raw = path.read_bytes()
    return _reading._valid_json_file(raw, str(path), limits or Limits()) is not None


def test_the_bundled_graph_as_json_reads_in_one_step_to_the_same_records(tmp_path: Path) -> None:
    from benchmarks.generator import write_data_files

    kg = metagraph.load()
    write_data_files(tmp_path, kg.nodes(), kg.edges(), list(kg.references.values()), fmt="json")
    paths = sorted(tmp_path.glob("*.json"))
    quick, usual = _both_ways(*paths)
    assert all(_one_step(p) for p in paths) and quick == usual and not quick.problems
    assert len(quick.edges) == len(kg.edges())


@given(records=graph_records(max_nodes=6, max_edges=8))
def test_random_valid_json_files_read_in_one_step_to_the_same_records(
    records: tuple[list[Node], list[Edge], list[Reference]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    nodes, edges, refs = records
    path = tmp_path_factory.mktemp("json") / "g.json"
    doc = {"nodes": nodes, "edges": edges, "references": refs}
    path.write_text(json.dumps({k: [r.model_dump(mode="json") for r in v] for k, v in doc.items()}, indent=1))
    quick, usual = _both_ways(path)
    assert _one_step(path) and quick == usual


_VALID_NODE = '{"id": "ampk", "name": "AMPK", "kind": "signal"}'
_VALID_EDGE = (
    '{"source": "ampk", "target": "pgc1a", "predicate": "activates", "evidence": [{"reference": "src", "quote": "q"}]}'
)
_VALID_JSON = (
    '{"nodes": [' + _VALID_NODE + ', {"id": "pgc1a", "name": "PGC-1α: \\"x\\" \\\\", "kind": "signal"}],\n'
    ' "edges": [' + _VALID_EDGE + '],\n "references": [{"key": "src", "title": "A: source"}]}'
)


@pytest.mark.parametrize(
    ("text", "one_step"),
    [
        (_VALID_JSON, True),  # escaped quotes and backslashes, colons in strings
        ("\ufeff" + _VALID_JSON, True),
        ('{"$schema": "metagraph.schema.json", "nodes": [' + _VALID_NODE + "]}", True),
        ('{"nodes": [' + _VALID_NODE.replace('"name"', '"name": "A", "name"') + "]}", False),
        ('{"nodes": [' + _VALID_NODE + '], "nodes": [' + _VALID_NODE + "]}", False),
        (_VALID_JSON.replace('"quote": "q"', '"quote": "q", "quote": "q"'), False),
        ('{"schema_": "x", "nodes": [' + _VALID_NODE + "]}", False),  # not a section, even by field name
        ('{"$schema": {"a": [[1]]}, "nodes": [' + _VALID_NODE + "]}", False),  # ignored, but not a string
        ('{"nodes": null}', False),
        ('{"nodes": [' + _VALID_NODE.replace("AMPK", "AMPK " + "7" * 80) + "]}", True),  # digits, not a number
        ('{"references": [{"key": "src", "title": "T", "year": ' + "2" * 80 + "}]}", False),  # a long number
        ('{"nodes": [' + _VALID_NODE.replace('"signal"', '"signl"') + "]}", False),
        ('{"nodes": [' + _VALID_NODE + "]", False),
        ("[1]", False),
        ("null", False),
    ],
)
def test_a_json_file_reads_the_same_whichever_path_it_takes(tmp_path: Path, text: str, one_step: bool) -> None:
    path = tmp_path / "f.json"
    path.write_text(text, encoding="utf-8")
    quick, usual = _both_ways(path)
    assert _one_step(path) is one_step and quick == usual


def test_a_json_file_deeper_than_the_limit_is_refused_even_when_valid(tmp_path: Path) -> None:
    path = write(tmp_path, "g.json", _VALID_JSON)  # an edge's evidence items are 5 deep
    quick, usual = _both_ways(path, limits=Limits(max_depth=4))
    assert not _one_step(path, Limits(max_depth=4)) and quick == usual
    assert [p.message for p in quick.problems] == ["lists and objects are nested more than 4 deep"]


def test_a_json_file_with_a_number_longer_than_the_limit_is_refused_even_when_valid(tmp_path: Path) -> None:
    path = write(tmp_path, "g.json", '{"references": [{"key": "src", "title": "T", "year": 2012}]}')
    quick, usual = _both_ways(path, limits=Limits(max_int_digits=3))
    assert not _one_step(path, Limits(max_int_digits=3)) and quick == usual
    assert [p.message for p in quick.problems] == ["a number of 4 digits is longer than the limit of 3"]


_JSON_BITS = [*'{}[]":,.-+eE0159tfnrulsaxy\\/ \t\n\r\x0c\x00\u00a0α', "\\u", "\\ud800", "\\udc00", "\\u00e9"]
_JSON_BITS += ["true", "false", "null", "NaN", "Infinity", '"a"', "1e5", "0.5", '{"a": 1}', "[1, 2]"]


@given(st.lists(st.sampled_from(_JSON_BITS), max_size=12).map("".join))
def test_the_one_step_parser_accepts_nothing_the_standard_one_refuses(text: str) -> None:
    # The one-step path parses with pydantic-core; whatever it accepts must be what json reads.
    import pydantic_core

    try:
        value = pydantic_core.from_json(text.encode("utf-8", "surrogatepass"))
    except ValueError:
        return  # refused: the file takes the usual path
    assert repr(json.loads(text)) == repr(value)


def test_the_bounds_a_valid_file_keeps_are_read_from_the_types() -> None:
    # (nesting, integer digits); inf where the type does not bound it, so the text is checked.
    from typing import Annotated

    import annotated_types as at

    from metagraph._reading import _bounds

    assert _bounds(Annotated[int, at.Interval(ge=-5, le=120)]) == (0, 3)
    assert _bounds(Annotated[int, at.Ge(1800)]) == (0, float("inf"))
    assert _bounds(float) == _bounds(dict[str, str]) == (float("inf"), float("inf"))
    assert _bounds(list[list[str]]) == (2, 0)
    assert _bounds(Edge) == (3, 1)  # the edge, its evidence list, an item; booleans are 0 or 1


def test_brackets_in_a_string_after_an_escape_are_not_nesting(tmp_path: Path) -> None:
    # The text scan for depth took the escape '\n' for an escaped quote and the brackets of the
    # next string for 70 levels of nesting; a valid file is now measured by what it holds.
    doc = {"nodes": [{"id": "a", "name": "x\n", "kind": "signal", "description": "[" * 70}]}
    path = write(tmp_path, "g.json", json.dumps(doc))
    assert metagraph.load(path).node("a").description == "[" * 70
