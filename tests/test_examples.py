"""The toy graph is valid and small; the random-graph strategy the query tests share makes valid graphs.

:func:`query_graphs` draws small graphs dense in edges that carry an effect, with
parallel edges (same two nodes, another predicate or place) and 1-3 evidence items,
so that path order, ties and parallel edges are all exercised.
"""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from metagraph import Edge, Kind, MetaGraph, Node, Reference
from metagraph.examples import sample_graph
from metagraph.schema import PREDICATES

REFS = [
    Reference(key="r1", title="First"),
    Reference(key="r2", title="Second", authors=["Doe J"], year=2020, doi="10.1234/abc"),
]
# weighted towards the kinds that chains of effects run through
_KINDS = [
    Kind.EXERCISE,
    Kind.SIGNAL,
    Kind.SIGNAL,
    Kind.SIGNAL,
    Kind.MYOKINE,
    Kind.MYOKINE,
    Kind.ORGAN,
    Kind.PROCESS,
    Kind.PROCESS,
    Kind.OUTCOME,
    Kind.CONDITION,
    Kind.GENE,
]


@st.composite
def query_graphs(draw: st.DrawFn, *, min_nodes: int = 2, max_nodes: int = 8, max_edges: int = 30) -> MetaGraph:
    """Draw a small valid graph (ids n0, n1, ...) whose edges obey the schema."""
    n = draw(st.integers(min_nodes, max_nodes))
    kinds = [draw(st.sampled_from(_KINDS)) for _ in range(n)]
    nodes = [Node(id=f"n{i}", name=f"Node {i}", kind=k) for i, k in enumerate(kinds)]
    places = [f"n{i}" for i, k in enumerate(kinds) if k in (Kind.ORGAN, Kind.CELL)]
    edges: dict[tuple[str, str, str], Edge] = {}
    for _ in range(draw(st.integers(0, max_edges))):
        s, t = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if s == t:
            continue
        allowed = [p for p, r in PREDICATES.items() if kinds[s] in r.sources and kinds[t] in r.targets]
        carrying = [p for p in allowed if PREDICATES[p].transmits]
        if carrying and draw(st.integers(0, 3)):  # mostly edges that carry an effect
            allowed = carrying
        if not allowed:
            continue
        predicate = draw(st.sampled_from(allowed))
        location = draw(st.sampled_from([None, *places])) if places else None
        evidence = [
            {"reference": draw(st.sampled_from(["r1", "r2"])), "quote": f"q{j}"} for j in range(draw(st.integers(1, 3)))
        ]
        edge = Edge(source=f"n{s}", target=f"n{t}", predicate=predicate, location=location, evidence=evidence)
        edges.setdefault((edge.source, edge.target, edge.key), edge)
    return MetaGraph(nodes, list(edges.values()), REFS)


def test_toy_graph_is_valid_and_has_the_bundled_ids() -> None:
    kg = sample_graph()
    assert len(kg) == 23
    for node_id in ("hiit", "resistance_training", "ampk", "pgc1a", "irisin", "il6", "body_composition"):
        assert node_id in kg
    assert kg.node("high-intensity interval training").id == "hiit"
    assert sample_graph().nx is not kg.nx  # each call builds a fresh graph


@given(query_graphs())
def test_query_graphs_are_valid_multidigraphs(kg: MetaGraph) -> None:
    assert isinstance(kg.nx, nx.MultiDiGraph)
    for u, v, k, attrs in kg.nx.edges(keys=True, data=True):
        edge = kg.edge_model(u, v, k)
        assert attrs["transmits"] == PREDICATES[edge.predicate].transmits
        assert kg.node(u).kind in PREDICATES[edge.predicate].sources
