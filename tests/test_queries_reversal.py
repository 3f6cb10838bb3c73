"""reversal(): each modality's net effect set against the condition's, node by node."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import metagraph
from metagraph import MetaGraph, MetagraphError
from metagraph.cli import main
from metagraph.examples import sample_graph
from metagraph.models import Edge, Evidence, Node, Reference
from metagraph.queries.reversal import Reversal, reversal
from metagraph.schema import Kind, Predicate

_EV = [Evidence(reference="r", quote="q")]
_REFS = [Reference(key="r", title="R")]
_PREDICATES = [
    Predicate.INCREASES,
    Predicate.DECREASES,
    Predicate.ASSOCIATED_WITH,
    Predicate.POSITIVELY_ASSOCIATED_WITH,
    Predicate.NEGATIVELY_ASSOCIATED_WITH,
]


@st.composite
def planted(draw: st.DrawFn) -> MetaGraph:
    """A condition ``c``, two modalities ``m`` and ``k``, processes ``p0``..: random signed and non-causal edges."""
    n = draw(st.integers(2, 6))
    procs = [f"p{i}" for i in range(n)]
    nodes = [Node(id="c", name="C", kind=Kind.CONDITION), Node(id="m", name="M", kind=Kind.EXERCISE)]
    nodes += [Node(id="k", name="K", kind=Kind.EXERCISE)]
    nodes += [Node(id=p, name=p.upper(), kind=Kind.PROCESS) for p in procs]
    edges: dict[tuple[str, str, str], Edge] = {}
    pool = ["c", *procs]
    for _ in range(draw(st.integers(1, 14))):
        s = draw(st.sampled_from(["m", "k", *pool]))
        t = draw(st.sampled_from(pool))
        if s == t:
            continue
        e = Edge(
            source=s,
            target=t,
            predicate=draw(st.sampled_from(_PREDICATES)),
            negated=draw(st.booleans()) and draw(st.booleans()),
            evidence=_EV,
        )
        edges.setdefault((s, t, e.key), e)
    return MetaGraph(nodes, list(edges.values()), _REFS)


def _signs(g: nx.MultiDiGraph, source: str, target: str, cutoff: int) -> set[int]:
    """Brute force: the sign of every simple chain of causal, asserted edges."""
    out = set()
    for path in nx.all_simple_edge_paths(g, source, target, cutoff=cutoff):
        sign = 1
        for u, v, k in path:
            sign *= g.edges[u, v, k]["sign"]
        out.add(sign)
    return out


def _oracle(kg: MetaGraph, modality: str, max_hops: int) -> dict[str, str]:
    causal = nx.MultiDiGraph()
    for u, v, k, a in kg.nx.edges(keys=True, data=True):
        if a["transmits"]:
            causal.add_edge(u, v, k, sign=a["sign"])
    if "c" not in causal:
        return {}
    out = {}
    for node in causal.nodes:
        if node in ("c", "m", "k"):
            continue
        cond = _signs(causal, "c", node, max_hops)
        if not cond:
            continue
        mod = _signs(causal, modality, node, max_hops) if modality in causal else set()
        if len(cond) > 1 or len(mod) > 1:
            out[node] = "untouched" if not mod else "ambiguous"
        elif not mod:
            out[node] = "untouched"
        else:
            out[node] = "reversed" if cond != mod else "aggravated"
    return out


@given(planted())
def test_finds_exactly_the_planted_reversals(kg: MetaGraph) -> None:
    result = reversal(kg, "c", ["m"], max_hops=3)
    got = {row.node.id: row.responses[0].status for row in result.rows if row.node.id != "c"}
    assert got == _oracle(kg, "m", 3)


@given(planted())
def test_the_condition_itself_is_reversed_when_the_modality_lowers_it(kg: MetaGraph) -> None:
    first = reversal(kg, "c", ["m", "k"], max_hops=3).rows[0]
    assert first.node.id == "c" and first.effect == "present"
    for response in first.responses:
        assert (
            response.status
            == {
                None: "untouched",
                "decreases": "reversed",
                "increases": "aggravated",
                "ambiguous": "ambiguous",
            }[response.verdict]
        )


def test_association_or_denied_claim_is_never_a_reversal() -> None:
    nodes = [
        Node(id="c", name="C", kind=Kind.CONDITION),
        Node(id="m", name="M", kind=Kind.EXERCISE),
        Node(id="x", name="X", kind=Kind.PROCESS),
    ]
    edges = [
        Edge(source="c", target="x", predicate=Predicate.INCREASES, evidence=_EV),
        Edge(source="m", target="x", predicate=Predicate.NEGATIVELY_ASSOCIATED_WITH, evidence=_EV),
        Edge(source="m", target="x", predicate=Predicate.DECREASES, negated=True, evidence=_EV),
    ]
    row = reversal(MetaGraph(nodes, edges, _REFS), "c", "m").rows[1]
    assert row.node.id == "x" and row.responses[0].status == "untouched"
    assert row.responses[0].why == "No chain of effects joins them."


def test_a_combined_protocol_acts_through_its_components() -> None:
    nodes = [
        Node(id="c", name="C", kind=Kind.CONDITION),
        Node(id="a", name="A", kind=Kind.EXERCISE),
        Node(id="b", name="B", kind=Kind.EXERCISE),
        Node(id="ab", name="A+B", kind=Kind.EXERCISE),
        Node(id="x", name="X", kind=Kind.PROCESS),
        Node(id="y", name="Y", kind=Kind.PROCESS),
    ]
    edges = [
        Edge(source="c", target="x", predicate=Predicate.DECREASES, evidence=_EV),
        Edge(source="c", target="y", predicate=Predicate.DECREASES, evidence=_EV),
        Edge(source="a", target="x", predicate=Predicate.INCREASES, evidence=_EV),
        Edge(source="b", target="y", predicate=Predicate.INCREASES, evidence=_EV),
        Edge(source="ab", target="a", predicate=Predicate.HAS_COMPONENT, evidence=_EV),
        Edge(source="ab", target="b", predicate=Predicate.HAS_COMPONENT, evidence=_EV),
    ]
    result = reversal(MetaGraph(nodes, edges, _REFS), "c", ["a", "b", "ab"])
    assert [n.id for n in result.nodes("ab", "reversed")] == ["x", "y"]
    assert [m.id for m in result.most_comprehensive()] == ["ab"]
    x = next(r for r in result.rows if r.node.id == "x")
    assert [v.id if v else None for v in x.responses[2].via_component] == ["a"]
    assert "through the protocols it combines: A" in x.responses[2].why


def test_summary_counts_add_up_and_name_the_mechanisms() -> None:
    result = sample_graph().reversal("insulin resistance", ["HIIT", "RT"])
    for s in result.summary():
        assert s["reversed"] + s["aggravated"] + s["ambiguous"] + s["untouched"] == s["disturbed"] == len(result.rows)
    rt = result.summary()[1]
    assert rt["modality"] == "Resistance training" and rt["reversed"] >= 1


def test_outputs_agree(kg: MetaGraph) -> None:
    result = kg.reversal("insulin resistance", ["HIIT", "resistance training"])
    text, md, data = str(result), result.to_markdown(), result.to_dict()
    assert text.splitlines()[0] == md.splitlines()[0] == result.title
    assert [r["node"] for r in data["rows"]] == [row.node.id for row in result.rows]
    assert data["rows"][0]["node"] == "insulin_resistance"
    frame = result.to_frame()
    assert len(frame) == 2 * len(result.rows)
    assert "<table" in result._repr_html_()
    assert result.explain().count("\n  HIIT: ") == len(result.rows)


def test_wrong_arguments_are_named() -> None:
    kg = sample_graph()
    with pytest.raises(MetagraphError, match="compares exercise modalities; AMPK is a signal"):
        kg.reversal("insulin resistance", ["HIIT", "AMPK"])
    with pytest.raises(MetagraphError, match="at least one exercise modality"):
        kg.reversal("insulin resistance", [])
    with pytest.raises(MetagraphError, match="not one of the modalities"):
        kg.reversal("inflammation", "HIIT").nodes("RT", "reversed")
    with pytest.raises(MetagraphError, match="status must be one of"):
        kg.reversal("inflammation", "HIIT").nodes("HIIT", "cured")


def test_command_prints_the_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reversal", "insulin resistance", "HIIT", "resistance training"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("What HIIT, Resistance training push back of Insulin resistance")
    assert "Resistance training: reverses" in out
    assert main(["reversal", "insulin resistance", "HIIT", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["condition"] == "insulin_resistance" and data["modalities"] == ["hiit"]
    assert main(["reversal", "insulin resistance", "AMPK"]) == 1
    assert "AMPK is a signal" in capsys.readouterr().err


def test_render_draws_the_reversal_chains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rev.mmd"
    assert main(["render", str(out), "--reversal", "insulin resistance", "resistance training", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    result = metagraph.load().reversal("insulin resistance", "resistance training")
    drawn = {n.id for c in result.chains() for n in c.nodes}
    assert info["highlighted_chains"] == len(result.chains()) > 0 and info["nodes"] == len(drawn)
    text = out.read_text()
    assert "Insulin resistance" in text and "Resistance training" in text
    assert main(["render", str(tmp_path / "x.mmd"), "--reversal", "insulin resistance"]) == 1
    assert "at least one modality" in capsys.readouterr().err


def test_the_sources_conclusions_follow_from_the_graph(kg: MetaGraph) -> None:
    modalities = ["HIIT", "resistance training", "combined training"]
    result = kg.reversal("insulin resistance", modalities)
    summary = {s["modality"]: s for s in result.summary()}
    for m in modalities:
        node = kg.node(m)
        # a combined protocol acts through its own edges and those of the protocols it combines
        starts = {node.id} | {e.target for e in kg.edges(source=node.id, predicate="has_component")}
        reversed_ids = {n.id for n in result.nodes(m, "reversed")}
        # the grading words are the source's own, on the modality's edges that start a reversing chain
        expected = set()
        for row in result.rows:
            response = row.responses[result.modalities.index(node)]
            if response.status == "reversed":
                want = 1 if response.verdict == "increases" else -1
                for chain in response.chains:
                    first = chain.edges[0]
                    if chain.sign == want and first.magnitude is not None and first.source in starts:
                        expected.add(f"{first.magnitude.value}: {kg.node(first.target).name}")
        assert set(summary[node.name]["strengths"]) == expected, m
        assert reversed_ids, m
    # HIIT's strength is mitochondrial biogenesis, graded high, as the comparison table grades it (the
    # literature's edge in skeletal muscle carries no grade of its own)
    hiit_grades = {e.magnitude.value for e in kg.edges(source="hiit", target="mitochondrial_biogenesis") if e.magnitude}
    assert "high" in hiit_grades and "high: Mitochondrial biogenesis" in summary["HIIT"]["strengths"]
    # resistance training works above all through insulin-independent glucose uptake via GLUT4
    rt = summary["Resistance training"]
    assert rt["mechanisms"][0] == "insulin-independent" and "GLUT4 translocation" in rt["mechanisms"]
    assert "significant: Glucose uptake" in rt["strengths"]
    # the combination reverses all that either does, through more mechanisms: the most comprehensive
    assert [m.name for m in result.most_comprehensive()] == ["Combined training"]
    for other in ("HIIT", "Resistance training"):
        assert set(rt["mechanisms"]) | set(summary["HIIT"]["mechanisms"]) >= set(summary[other]["mechanisms"])
        assert summary["Combined training"]["reversed"] >= summary[other]["reversed"]


def test_acute_and_training_answers_apart(kg: MetaGraph) -> None:
    chronic = kg.reversal("insulin resistance", "HIIT", timescale="chronic")
    acute = kg.reversal("insulin resistance", "HIIT", timescale="acute")
    for result, excluded in ((chronic, "acute"), (acute, "chronic")):
        for row in result.rows:
            for response in row.responses:
                for chain in response.chains:
                    assert all(e.timescale is None or e.timescale.value != excluded for e in chain.edges)


def _everything(result: Reversal) -> list[object]:
    return [
        (
            row.node.id,
            row.effect,
            [c.triples for c in row.chains],
            [(r.status, r.verdict, r.why, [c.triples for c in r.chains], r.via_component) for r in row.responses],
        )
        for row in result.rows
    ]


@given(planted(), st.sampled_from([None, "acute", "chronic"]))
def test_one_search_per_source_finds_what_a_trace_per_node_finds(kg: MetaGraph, timescale: str | None) -> None:
    from unittest import mock

    fast = reversal(kg, "c", ["m", "k"], max_hops=3, timescale=timescale)
    # find_paths_to_many giving up (its budget spent) sends every question to trace
    with mock.patch("metagraph.queries.reversal.find_paths_to_many", return_value=None):
        slow = reversal(kg, "c", ["m", "k"], max_hops=3, timescale=timescale)
    assert _everything(fast) == _everything(slow)
