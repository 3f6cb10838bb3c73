"""The benchmark graphs: exact sizes, valid in the schema, layered like the bundled graph, loadable from files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import metagraph
from benchmarks.generator import LAYERS, generate_graph, generate_records, write_data_files
from metagraph import Kind, MetagraphError
from metagraph._validation import Origin, check_graph
from metagraph.schema import PREDICATES


def test_exact_sizes_and_same_seed_same_graph() -> None:
    nodes, edges, refs = generate_records(400, 2000, seed=7)
    assert (len(nodes), len(edges), len(refs)) == (400, 2000, 50)
    again = generate_records(400, 2000, seed=7)
    assert [(e.source, e.target, e.key) for e in again[1]] == [(e.source, e.target, e.key) for e in edges]
    other = generate_records(400, 2000, seed=8)
    assert [(e.source, e.target, e.key) for e in other[1]] != [(e.source, e.target, e.key) for e in edges]


def test_records_pass_full_validation() -> None:
    nodes, edges, refs = generate_records(300, 1500, seed=1)
    origin = Origin()
    assert check_graph([(n, origin) for n in nodes], [(e, origin) for e in edges], [(r, origin) for r in refs]) == []
    for record in (*nodes, *edges, *refs):  # built without validation: validating them changes nothing
        assert type(record).model_validate(record.model_dump()) == record
    kg = generate_graph(300, 1500, seed=1, validate=True)
    assert len(kg) == 300


def test_every_kind_present_and_edges_obey_the_schema() -> None:
    nodes, edges, _ = generate_records(500, 3000, seed=2)
    kinds = {n.id: n.kind for n in nodes}
    assert set(kinds.values()) == set(Kind)
    for e in edges:
        rule = PREDICATES[e.predicate]
        assert kinds[e.source] in rule.sources and kinds[e.target] in rule.targets
        assert e.source != e.target and 1 <= len(e.evidence) <= 3
        if e.location is not None:
            assert kinds[e.location] in (Kind.ORGAN, Kind.CELL)


def test_layered_like_the_bundled_graph() -> None:
    nodes, edges, _ = generate_records(1000, 8000, seed=3)
    kinds = {n.id: n.kind for n in nodes}
    flows = Counter((kinds[e.source], kinds[e.target]) for e in edges)
    for share, sources, targets, _, _ in LAYERS:
        made = sum(flows[(s, t)] for s in sources for t in targets)
        assert made >= round(share * len(edges))
    myokine_effects = [e for e in edges if kinds[e.source] == Kind.MYOKINE and PREDICATES[e.predicate].causal]
    assert sum(e.location is not None for e in myokine_effects) > len(myokine_effects) / 2
    kg = generate_graph(1000, 8000, seed=3)
    exercise = kg.nodes("exercise")[0].id
    assert any(n.kind == Kind.OUTCOME for n in kg.downstream(exercise))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_files_load_back_to_the_same_graph(tmp_path: Path, fmt: str) -> None:
    nodes, edges, refs = generate_records(150, 700, seed=4)
    paths = write_data_files(tmp_path, nodes, edges, refs, fmt=fmt, edges_per_file=300)
    assert [p.name for p in paths] == [
        f"nodes.{fmt}",
        f"references.{fmt}",
        f"edges_000.{fmt}",
        f"edges_001.{fmt}",
        f"edges_002.{fmt}",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temporary files left
    kg = metagraph.load(tmp_path)
    assert sorted((e.source, e.target, e.key) for e in kg.edges()) == sorted((e.source, e.target, e.key) for e in edges)
    assert kg.node(nodes[0].id) == nodes[0]


def test_sizes_that_cannot_work_are_refused() -> None:
    with pytest.raises(MetagraphError, match="at least 100 nodes"):
        generate_records(50, 100)
    with pytest.raises(MetagraphError, match="too many"):
        generate_records(100, 5000)
