"""Context filters, mechanism-first order, via hints, joint (group) claims and the evidence model in answers.

The filters are checked against an oracle written apart from :mod:`metagraph.queries.context`
on random graphs with every kind of evidence; the rest on small hand-made graphs shaped
like the re-encoded bundled data (a summary edge beside its finer chain, a crosstalk-table
row as a group node with ``member_of`` edges, negated and contested edges).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph import Edge, MetaGraph, MetagraphError, Node, Reference
from metagraph.examples import pathway_graph, sample_graph
from metagraph.queries.trace import trace
from tests.test_queries_paths import context_graphs

REFS = [
    Reference(key="article", title="The article", layer="article"),
    Reference(key="paper", title="A paper", authors=["Doe J"], year=2020, layer="literature"),
]


def said(quote: str, **extra: Any) -> dict[str, Any]:
    return {"reference": "article", "quote": quote, **extra}


def found(finding: str, species: str = "mouse", **extra: Any) -> dict[str, Any]:
    return {
        "reference": "paper",
        "type": "experimental",
        "finding": finding,
        "species": species,
        "system": "in_vivo",
        **extra,
    }


def shaped_graph() -> MetaGraph:
    """A small graph shaped like the re-encoded data: summary edge, group row, negated and contested claims."""
    nodes = [
        Node(id="hiit", name="HIIT", kind="exercise"),
        Node(id="rt", name="Resistance training", kind="exercise"),
        Node(id="ampk", name="AMPK", kind="signal"),
        Node(id="pgc1a", name="PGC-1α", kind="signal"),
        Node(id="mito", name="Mitochondrial biogenesis", kind="process"),
        Node(id="insulin_sensitivity", name="Insulin sensitivity", kind="outcome"),
        Node(id="irisin", name="Irisin", kind="myokine"),
        Node(id="fgf21", name="FGF21", kind="myokine"),
        Node(id="il6", name="IL-6", kind="myokine"),
        Node(
            id="adipose_row_myokines",
            name="Irisin, FGF21 and IL-6 (crosstalk table, adipose tissue row)",
            kind="myokine",
        ),
        Node(id="adipose_tissue", name="Adipose tissue", kind="organ"),
        Node(id="browning", name="Browning of white fat", kind="process"),
        Node(id="inflammation", name="Chronic inflammation", kind="condition"),
    ]
    edges = [
        Edge(source="hiit", target="ampk", predicate="activates", evidence=[said("activates AMPK")], timescale="acute"),
        Edge(source="ampk", target="pgc1a", predicate="activates", evidence=[said("AMPK activates PGC-1α")]),
        Edge(
            source="pgc1a",
            target="mito",
            predicate="increases",
            evidence=[said("drives biogenesis"), found("more mitochondria in knockout rescue", "mouse")],
        ),
        Edge(
            source="hiit",
            target="mito",
            predicate="increases",
            summary=True,
            evidence=[said("HIIT boosts biogenesis"), said("high"), said("again")],
        ),
        Edge(
            source="mito",
            target="insulin_sensitivity",
            predicate="increases",
            timescale="chronic",
            evidence=[said("better sensitivity"), found("trained men", "human")],
        ),
        Edge(
            source="rt",
            target="insulin_sensitivity",
            predicate="increases",
            timescale="chronic",
            evidence=[said("RT helps", hedged=True), found("no change in a trial", "human", stance="contradicts")],
        ),
        *(
            Edge(source=m, target="adipose_row_myokines", predicate="member_of", evidence=[said("Irisin, FGF21, IL-6")])
            for m in ("irisin", "fgf21", "il6")
        ),
        Edge(
            source="adipose_row_myokines",
            target="browning",
            predicate="increases",
            location="adipose_tissue",
            evidence=[said("browning; thermogenesis")],
        ),
        Edge(
            source="irisin",
            target="browning",
            predicate="increases",
            location="adipose_tissue",
            evidence=[found("browning in mice given irisin", "mouse")],
        ),
        Edge(
            source="il6",
            target="inflammation",
            predicate="increases",
            negated=True,
            location="adipose_tissue",
            evidence=[said("IL-6 is not associated with chronic inflammation")],
        ),
        Edge(
            source="hiit",
            target="inflammation",
            predicate="negatively_associated_with",
            evidence=[said("goes with less inflammation")],
        ),
    ]
    return MetaGraph(nodes, edges, REFS)


# -- the filters -------------------------------------------------------------------------
def keeps_oracle(kg: MetaGraph, edge: Edge, ctx: dict[str, Any]) -> list[Any] | None:
    """The evidence items an edge keeps under ``ctx``, or None when the edge goes (written apart)."""
    if ctx.get("timescale") and edge.timescale is not None and edge.timescale.value != ctx["timescale"]:
        return None
    if ctx.get("modality") and edge.modality not in (None, ctx["modality"]):
        return None
    if ctx.get("species") and not any(
        ev.type.value == "experimental" and ev.stance.value == "supports" and ev.species.value == ctx["species"]
        for ev in edge.evidence
    ):
        return None
    items = [
        ev
        for ev in edge.evidence
        if (not ctx.get("evidence") or ev.type.value in ctx["evidence"])
        and (
            not ctx.get("sources")
            or ev.reference in ctx["sources"]
            or kg.references[ev.reference].layer in ctx["sources"]
        )
    ]
    if len(items) < len(edge.evidence) and not any(ev.stance.value == "supports" for ev in items):
        return None
    return items


contexts = st.fixed_dictionaries(
    {},
    optional={
        "timescale": st.sampled_from(["acute", "chronic"]),
        "species": st.sampled_from(["human", "mouse", "rat"]),
        "evidence": st.lists(
            st.sampled_from(["experimental", "author_statement", "curator_inference"]), min_size=1, unique=True
        ),
        "sources": st.lists(st.sampled_from(["r1", "r2", "article", "literature"]), min_size=1, unique=True),
    },
)


@settings(max_examples=60)
@given(kg=context_graphs(), ctx=contexts, data=st.data())
def test_restrict_equals_its_oracle_and_queries_ask_the_restricted_graph(
    kg: MetaGraph, ctx: dict[str, Any], data: st.DataObject
) -> None:
    exercises = [n.id for n in kg if n.kind.value == "exercise"]
    if exercises and data.draw(st.booleans()):
        ctx = {**ctx, "modality": data.draw(st.sampled_from(exercises))}
    view = kg.restrict(**ctx)
    assert view.is_view or not ctx
    kept = {(e.source, e.target, e.key): e for e in view.edges()}
    for edge in kg.edges():
        items = keeps_oracle(kg, edge, ctx)
        triple = (edge.source, edge.target, edge.key)
        if items is None:
            assert triple not in kept
        else:
            assert list(kept[triple].evidence) == items
            assert view.nx.edges[triple]["hedged"] == kept[triple].hedged
    ids = [n.id for n in kg]
    s, t = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
    if s != t:
        assert trace(kg, s, t, limit=None, **ctx) == trace(view, s, t, limit=None)
    assert kg.downstream(s, **ctx) == view.downstream(s)
    assert kg.upstream(s, **ctx) == view.upstream(s)


def test_every_effect_query_takes_the_same_filters() -> None:
    kg = shaped_graph()
    ctx = {"sources": ["article"]}
    assert [str(c) for c in kg.trace("HIIT", "insulin sensitivity", **ctx)] == [
        "HIIT —increases→ Mitochondrial biogenesis —increases→ Insulin sensitivity"
    ]  # the finer chain is cut by the timescale rule (acute HIIT → AMPK, then chronic)
    assert kg.net_effect("HIIT", "mitochondrial biogenesis", **ctx).verdict == "increases"
    assert kg.downstream("AMPK", species="mouse") == []  # AMPK → PGC-1α has no mouse finding
    assert [n.id for n in kg.downstream("PGC-1α", species="mouse")] == ["mito"]
    assert kg.upstream("insulin sensitivity", timescale="acute") == []
    assert [n.name for n in kg.myokines_reaching("adipose tissue", species="mouse")] == ["Irisin"]
    assert [r["claim"] for r in kg.myokine_effects("adipose tissue", sources="article")] == ["individual", "joint"]
    assert len(kg.lost_effects("HIIT", "AMPK", sources="article").nodes) == 0
    assert kg.compare(["HIIT", "RT"], ["insulin sensitivity"], evidence="experimental").cells
    assert kg.match("exercise", "signal", evidence="author_statement")
    assert kg.match("exercise", "signal", species="human") == []


@pytest.mark.parametrize(
    ("ctx", "message"),
    [
        ({"timescale": "chronically"}, "did you mean 'chronic'"),
        ({"species": "humans"}, "did you mean 'human'"),
        ({"evidence": "experiment"}, "did you mean 'experimental'"),
        ({"sources": ["articel"]}, "did you mean 'article'"),
        ({"modality": "AMPK"}, "not an exercise"),
        ({"evidence": []}, "evidence is empty"),
    ],
)
def test_bad_filter_values_are_helpful_errors(ctx: dict[str, Any], message: str) -> None:
    with pytest.raises(MetagraphError, match=message):
        shaped_graph().trace("HIIT", "insulin sensitivity", **ctx)


def test_species_drops_edges_without_species_and_sources_drop_items() -> None:
    kg = shaped_graph()
    human = kg.restrict(species="human")
    assert {(e.source, e.target) for e in human.edges()} == {("mito", "insulin_sensitivity")}
    article = kg.restrict(sources="article")
    assert [ev.reference for e in article.edges("pgc1a", "mito") for ev in e.evidence] == ["article"]
    assert article.edges("irisin", "browning") == []  # its only item is the paper's
    # what only contradicts a claim does not make it
    assert kg.restrict(sources="paper").edges("rt", "insulin_sensitivity") == []


# -- chains ------------------------------------------------------------------------------
def test_chronic_only_never_follows_acute_only() -> None:
    kg = shaped_graph()
    chains = kg.trace("HIIT", "insulin sensitivity", limit=None)
    # HIIT → AMPK is acute, mito → insulin sensitivity chronic: the finer chain is cut there
    assert [str(c) for c in chains] == ["HIIT —increases→ Mitochondrial biogenesis —increases→ Insulin sensitivity"]
    assert [str(c) for c in kg.trace("HIIT", "mitochondrial biogenesis", limit=None)] == [
        "HIIT —activates→ AMPK —activates→ PGC-1α —increases→ Mitochondrial biogenesis",
        "HIIT —increases→ Mitochondrial biogenesis",
    ]


def test_negated_edges_and_associations_are_never_traversed_but_listed() -> None:
    kg = shaped_graph()
    assert kg.trace("IL-6", "chronic inflammation") == []
    assert kg.trace("HIIT", "chronic inflammation") == []
    negated = kg.edges(source="il6", target="inflammation")
    assert [e.key for e in negated] == ["not_increases@adipose_tissue"]
    rows = [r for r in kg.myokine_effects("adipose tissue") if r["negated"]]
    assert [(r["effect"], r["sign"]) for r in rows] == [("does not increase", "not")]


def test_mechanism_first_puts_the_finer_chain_before_its_summary() -> None:
    kg = shaped_graph()
    mech = kg.trace("HIIT", "mitochondrial biogenesis")
    assert not any(e.summary for e in mech[0].edges) and mech[-1].edges[0].summary
    shortest = kg.trace("HIIT", "mitochondrial biogenesis", order="shortest")
    assert shortest[0] == mech[-1] and set(shortest) == set(mech)
    by_evidence = kg.trace("HIIT", "mitochondrial biogenesis", order="evidence")
    assert by_evidence[0].hops == 1  # three items on its one edge beat the finer chain's one-item links
    counts = {o: kg.net_effect("HIIT", "mitochondrial biogenesis", order=o) for o in ("mechanism", "shortest")}
    assert len(counts["mechanism"].increasing) == len(counts["shortest"].increasing) == 2
    assert counts["mechanism"].increasing[0] == mech[0]
    with pytest.raises(MetagraphError, match="did you mean 'shortest'"):
        kg.trace("HIIT", "mitochondrial biogenesis", order="shortst")


def test_summary_edge_with_many_items_still_comes_after_fine_chains_on_the_sample_shape() -> None:
    # the bundled shape: HIIT → AMPK → PGC-1α → mitochondrial biogenesis beside a summary HIIT → biogenesis
    kg = sample_graph()
    edges = [
        e.model_copy(update={"summary": True}) if (e.source, e.target) == ("hiit", "mitochondrial_biogenesis") else e
        for e in kg.edges()
    ]
    marked = MetaGraph(list(kg), edges, kg.references.values())
    top = marked.trace("HIIT", "insulin sensitivity")[:3]
    assert any([n.id for n in c.nodes][-4:-1] == ["ampk", "pgc1a", "mitochondrial_biogenesis"] for c in top)


def test_via_a_node_no_chain_passes_suggests_the_linked_node_that_does() -> None:
    kg = pathway_graph()
    chains = kg.trace("HIIT", "glucose uptake", via="GLUT4")
    assert chains == [] and "GLUT4 has no incoming effect edges; did you mean GLUT4 translocation?" in chains.why
    assert "did you mean GLUT4 translocation?" in repr(chains)
    assert kg.trace("HIIT", "glucose uptake", via="GLUT4 translocation")
    assert kg.trace("HIIT", "glucose uptake").why == ""


# -- joint claims --------------------------------------------------------------------------
def test_joint_claims_are_kept_apart_from_individual_ones() -> None:
    kg = shaped_graph()
    assert [n.name for n in kg.myokines_reaching("adipose tissue")] == ["FGF21", "IL-6", "Irisin"]
    table = kg.myokine_effects("adipose tissue")
    rows = [(r["myokine"], r["claim"], r["effect"], r["target"]) for r in table]
    assert rows == [
        ("IL-6", "individual", "does not increase", "Chronic inflammation"),
        ("Irisin", "individual", "increases", "Browning of white fat"),
        ("Irisin, FGF21 and IL-6 (jointly, per The article)", "joint", "increases", "Browning of white fat"),
    ]
    assert [n.name for n in table.individual] == ["IL-6", "Irisin"]
    assert {g: [n.name for n in ms] for g, ms in table.joint.items()} == {
        "adipose_row_myokines": ["Irisin", "FGF21", "IL-6"]
    }
    assert "(jointly, per The article)" in table.to_markdown() and "jointly" in table._repr_html_()
    assert list(table.to_frame()["claim"]) == ["individual", "individual", "joint"]


def test_chains_through_a_group_say_it_is_one_of_the_group() -> None:
    kg = shaped_graph()
    chains = kg.trace("FGF21", "browning")
    assert [str(c) for c in chains] == [
        "FGF21 —is one of→ Irisin, FGF21 and IL-6 (crosstalk table, adipose tissue row) "
        "—increases (in Adipose tissue)→ Browning of white fat"
    ]
    assert "a joint claim: the source credits Irisin, FGF21 and IL-6 together" in chains[0].explain()


def test_compare_marks_a_groups_claim_as_joint() -> None:
    kg = shaped_graph()
    table = kg.compare(["FGF21", "Irisin"], ["browning"])
    fgf21 = table.cells["browning"]["fgf21"]
    assert [c.joint for c in fgf21] == [True]
    irisin = table.cells["browning"]["irisin"]
    assert sorted(c.joint for c in irisin) == [False, True]
    assert "Irisin, FGF21 and IL-6 (jointly): increases" in str(table)
    assert {r["joint_group"] for r in table.records()} == {None, "adipose_row_myokines"}


# -- the evidence model in answers -----------------------------------------------------------
def test_explain_and_tables_show_hedging_stance_type_and_species() -> None:
    kg = shaped_graph()
    chain = kg.trace("RT", "insulin sensitivity")[0]
    assert str(chain) == "Resistance training —may increase [contested: 1 for, 1 against]→ Insulin sensitivity"
    text = chain.explain()
    assert "contested: 1 for, 1 against" in text and "chronic" in text
    assert "“RT helps” [1] (hedged; author statement)" in text
    assert "no change in a trial [2] (against; experimental, human, in vivo)" in text
    step = chain.steps()[0]
    assert (
        step["contested"] and step["species"] == ["human"] and step["quotes"] == ["“RT helps”", "no change in a trial"]
    )
    assert "against" in chain._repr_html_()


def test_an_empty_answer_in_a_context_names_the_steps_that_hold_there() -> None:
    kg = shaped_graph()
    found = kg.trace("HIIT", "mitochondrial biogenesis", species="mouse")
    assert found == []
    assert found.why.endswith(
        "Without the context, the best chain is HIIT —activates→ AMPK —activates→ PGC-1α —increases→ "
        "Mitochondrial biogenesis. Of its 3 steps, this holds in the context: PGC-1α —increases→ "
        "Mitochondrial biogenesis. These do not: HIIT —activates→ AMPK; AMPK —activates→ PGC-1α."
    )
    # Without a context there is nothing to compare with, so no such sentence.
    assert "Without the context" not in kg.trace("insulin sensitivity", "HIIT").why
