"""The layered, left-to-right layout: stages in order, no overlaps, stable, chains straight."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import Edge, MetaGraph, Node
from metagraph.examples import pathway_graph
from metagraph.render._layout import STAGES, _spread, _sub_ranks, layered_layout
from metagraph.schema import KIND_ORDER, Kind
from tests.strategies import graph_records

STAGE_OF = {k: i for i, stage in enumerate(STAGES) for k in stage}


def _check(pathway: MetaGraph, y_gap: float = 90.0) -> None:
    layout = layered_layout(pathway, y_gap=y_gap)
    pos = layout.positions
    assert set(pos) == set(pathway.nx.nodes)
    assert sorted(n for col in layout.columns for n in col) == sorted(pathway.nx.nodes)
    for n, (x, _) in pos.items():  # stages run left to right
        for m, (x2, _) in pos.items():
            if STAGE_OF[pathway.node(n).kind] < STAGE_OF[pathway.node(m).kind]:
                assert x < x2
    for col in layout.columns:  # no two nodes of a column overlap
        ys = [pos[n][1] for n in col]
        assert all(b - a >= y_gap - 1e-6 for a, b in pairwise(ys))
        assert len({pos[n][0] for n in col}) <= 1


def test_stages_cover_the_kinds_in_order() -> None:
    assert [k for stage in STAGES for k in stage] == list(KIND_ORDER)
    assert (Kind.GENE, Kind.SIGNAL) in STAGES and (Kind.ORGAN, Kind.CELL) in STAGES


def test_pathway_layout_reads_left_to_right() -> None:
    kg = pathway_graph()
    _check(kg)
    pos = layered_layout(kg).positions
    assert pos["atp_depletion"][0] < pos["ampk"][0] < pos["pgc1a"][0]  # a chain inside a stage spreads out


def test_layout_is_deterministic_and_independent_of_input_order() -> None:
    kg = pathway_graph()
    shuffled = MetaGraph(list(reversed(list(kg))), list(reversed(kg.edges())), kg.references.values())
    assert layered_layout(kg) == layered_layout(shuffled)


def test_emphasised_chain_lines_up() -> None:
    kg = pathway_graph()
    chain = [
        ("hiit", "atp_depletion"),
        ("atp_depletion", "ampk"),
        ("ampk", "glut4_translocation"),
        ("glut4_translocation", "glucose_uptake"),
        ("glucose_uptake", "insulin_sensitivity"),
    ]
    plain = layered_layout(kg).positions
    straight = layered_layout(kg, emphasis=chain).positions

    def bend(pos: dict) -> float:
        return sum(abs(pos[a][1] - pos[b][1]) for a, b in chain)

    assert bend(straight) < bend(plain)


def test_thousands_of_nodes_wrap_into_a_screen_shaped_figure() -> None:
    ev = [{"reference": "r", "quote": "q"}]
    nodes = [Node(id=f"p{i}", name=f"P{i}", kind="process") for i in range(1500)]
    nodes += [Node(id=f"o{i}", name=f"O{i}", kind="outcome") for i in range(20)]
    edges = [Edge(source=f"p{i}", target=f"o{i % 20}", predicate="increases", evidence=ev) for i in range(1500)]
    layout = layered_layout(MetaGraph(nodes, edges, validate=False))
    xs = [x for x, _ in layout.positions.values()]
    ys = [y for _, y in layout.positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert 0.5 < width / height < 4
    assert len(set(layout.positions.values())) == 1520  # no two nodes on the same spot
    assert max(x for n, (x, _) in layout.positions.items() if n.startswith("p")) < min(
        x for n, (x, _) in layout.positions.items() if n.startswith("o")
    )


def test_sub_ranks_break_cycles_and_cap_depth() -> None:
    ids = ["a", "b", "c", "d"]
    assert _sub_ranks(ids, [("a", "b"), ("b", "c"), ("c", "a")], 5) == {"a": 0, "b": 1, "c": 2, "d": 0}
    assert _sub_ranks(ids, [("a", "b"), ("b", "c"), ("c", "d")], 2) == {"a": 0, "b": 1, "c": 1, "d": 1}


@given(st.lists(st.floats(-1e4, 1e4), max_size=30), st.floats(1, 200))
def test_spread_keeps_order_and_gap(wish: list[float], gap: float) -> None:
    out = _spread(wish, gap)
    assert len(out) == len(wish)
    assert all(b - a >= gap - 1e-6 for a, b in pairwise(out))
    if all(b - a >= gap for a, b in pairwise(wish)):
        assert all(abs(a - b) < 1e-6 for a, b in zip(out, wish, strict=True))  # already fine: unchanged


@settings(max_examples=30)
@given(graph_records())
def test_any_graph_gets_a_clean_layout(records: tuple) -> None:
    _check(MetaGraph(*records))
