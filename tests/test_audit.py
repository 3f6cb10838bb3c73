"""The self-audit: counts of what the edges rest on, and every structural problem it must catch."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import metagraph
from metagraph import Edge, MetaGraph, Node, Reference
from metagraph.audit import AuditReport, audit, normalise_text, read_sources
from metagraph.errors import MetagraphError
from metagraph.schema import EvidenceType, Predicate

SAMPLE = Path(__file__).parent / "data" / "audit"

NODES = [
    Node(id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK"]),
    Node(id="pgc1a", name="PGC-1α", kind="signal", broad_matches=["GO:0005634"]),
    Node(id="irisin", name="Irisin", kind="myokine"),
    Node(id="il6", name="IL-6", kind="myokine", xrefs=["HGNC:6018"]),
    Node(id="row", name="Irisin and IL-6 (table row)", kind="myokine"),
    Node(id="browning", name="Browning", kind="process", related_matches=["GO:0050873"]),
]
REFS = [
    Reference(key="article", title="The article", layer="article"),
    Reference(key="paper", title="A paper", doi="10.5555/x"),
    Reference(key="nodoi", title="A paper without identifiers"),
]
ARTICLE = "Exercise makes AMPK activate “PGC‑1α” in muscle.\nIrisin, IL-6 drive browning."


def ev(**kw: object) -> dict[str, object]:
    return {"reference": "article", **kw}


def graph(*extra: Edge) -> MetaGraph:
    edges = [
        Edge(source="ampk", target="pgc1a", predicate="activates", evidence=[ev(quote='AMPK activate "PGC-1α"')]),
        Edge(source="irisin", target="row", predicate="member_of", evidence=[ev(quote="Irisin, IL-6")]),
        Edge(source="il6", target="row", predicate="member_of", evidence=[ev(quote="Irisin, IL-6")]),
        Edge(
            source="row", target="browning", predicate="increases", evidence=[ev(quote="drive browning", hedged=True)]
        ),
        Edge(
            source="ampk",
            target="browning",
            predicate="increases",
            summary=True,
            evidence=[{"reference": "paper", "type": "curator_inference", "finding": "Via PGC-1α."}],
        ),
        Edge(
            source="il6",
            target="browning",
            predicate="increases",
            negated=True,
            evidence=[
                ev(quote="drive browning"),
                {
                    "reference": "paper",
                    "type": "experimental",
                    "finding": "No browning in knockout mice.",
                    "species": "mouse",
                    "system": "in_vivo",
                    "stance": "contradicts",
                },
            ],
        ),
        *extra,
    ]
    return MetaGraph(NODES, edges, REFS)


def test_counts_and_flags_each_kind_of_edge() -> None:
    report = graph().audit(sources={"article": ARTICLE})
    assert report.ok, [str(i) for i in report.issues]
    assert report.edges == 6
    assert report.by_type["author_statement"] == (5, 5)
    assert report.by_type["curator_inference"] == (1, 1)
    assert report.by_type["experimental"] == (1, 1)
    assert report.flagged["hedged"] == ("row -increases-> browning",)
    assert report.flagged["joint"] == ("row -increases-> browning",)  # member_of edges are not joint claims
    assert report.flagged["inferred"] == ("ampk -increases-> browning",)
    assert report.flagged["summary"] == ("ampk -increases-> browning",)
    assert report.flagged["negated"] == report.flagged["contested"] == ("il6 -not_increases-> browning",)
    assert report.unquoted == (
        ("ampk -increases-> browning, evidence[0]", "paper", "curator_inference", True),
        ("il6 -not_increases-> browning, evidence[1]", "paper", "experimental", True),
    )
    assert report.approximate == (("pgc1a", "broad", "GO:0005634"), ("browning", "related", "GO:0050873"))
    assert report.unidentified_nodes == ("irisin", "row")
    assert report.texts == ("article",) and report.quotes_checked == report.quotes_found == 5


def test_typographic_quotes_dashes_and_line_breaks_do_not_hide_a_match() -> None:
    assert normalise_text("a “b”\n\t c—d ‘e’ f…") == normalise_text("a \"b\" c-d 'e' f...")


def test_a_changed_word_is_a_quote_not_found_with_the_closest_passage() -> None:
    bad = Edge(source="ampk", target="il6", predicate="increases", evidence=[ev(quote="AMPK activates PGC-1α")])
    report = graph(bad).audit(sources={"article": ARTICLE})
    assert not report.ok
    [issue] = report.issues
    assert issue.kind == "quote_not_found" and issue.reference == "article"
    assert issue.where == "ampk -increases-> il6, evidence[0]"
    assert issue.closest is not None and "AMPK activate" in issue.closest


def test_a_paper_cited_with_the_articles_sentence_is_misattributed() -> None:
    bad = Edge(
        source="ampk", target="il6", predicate="increases", evidence=[{"reference": "paper", "quote": "drive browning"}]
    )
    # the paper's own text given: the quote is not in it
    report = graph(bad).audit(sources={"article": ARTICLE, "paper": "AMPK raises IL-6 release."})
    [issue] = report.issues
    assert issue.kind == "misattributed_quote" and issue.found_in == ("article",)
    # the paper's text not given: the article's sentence under a paper's key is still caught
    [issue] = graph(bad).audit(sources={"article": ARTICLE}).issues
    assert issue.kind == "misattributed_quote" and "not given" in issue.message
    # the paper says it too: no problem
    assert graph(bad).audit(sources={"article": ARTICLE, "paper": "We drive browning."}).ok


def test_an_experimental_item_needs_a_traceable_reference() -> None:
    bad = Edge(
        source="ampk",
        target="il6",
        predicate="increases",
        evidence=[
            {"reference": "nodoi", "type": "experimental", "finding": "F.", "species": "human", "system": "in_vitro"}
        ],
    )
    report = graph(bad).audit()
    assert [i.kind for i in report.issues] == ["experimental_unidentified_reference"]
    assert report.unidentified_references == ("nodoi",)


def test_items_that_bypass_validation_are_still_caught() -> None:
    # model_construct skips the model's own checks, as records built by other tools may
    from metagraph.models import Evidence

    loose = [
        Evidence.model_construct(reference="article", type=EvidenceType.CURATOR_INFERENCE, quote="x"),
        Evidence.model_construct(
            reference="paper", type=EvidenceType.EXPERIMENTAL, finding="F", species=None, system=None
        ),
    ]
    edge = Edge.model_construct(source="ampk", target="il6", predicate=Predicate.INCREASES, evidence=loose)
    kinds = [i.kind for i in graph(edge).audit().issues]
    assert kinds == ["inference_with_quote", "experimental_incomplete"]


def test_unknown_source_key_is_an_error_naming_the_closest() -> None:
    with pytest.raises(MetagraphError, match="did you mean 'article'"):
        graph().audit(sources={"artcle": ARTICLE})


def test_a_folder_of_sources_is_read_by_reference_key() -> None:
    texts = read_sources(SAMPLE)
    assert set(texts) == {"paper", "review"}
    with pytest.raises(MetagraphError, match="no such folder"):
        read_sources(SAMPLE / "missing")


def test_sample_file_with_a_misattributed_quote_fails() -> None:
    kg = metagraph.load(SAMPLE / "misattributed.yaml")
    report = audit(kg, sources=SAMPLE)
    assert not report.ok
    assert [(i.kind, i.reference, i.found_in) for i in report.issues] == [("misattributed_quote", "paper", ("review",))]


def test_every_output_says_the_same() -> None:
    report = graph().audit(sources={"article": ARTICLE})
    assert isinstance(report, AuditReport)
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data and data["ok"] is True
    assert data["by_type"]["experimental"] == {"eco": "ECO:0000269", "edges": 1, "items": 1}
    text, md, page = str(report), report.to_markdown(), report._repr_html_()
    for out in (text, md, page):
        assert "ECO:0000305" in out and "row -increases-&gt;" in out.replace("->", "-&gt;")
    assert text.rstrip().endswith("OK: no structural problem.")
    frame = report.to_frame()
    assert list(frame.columns) == ["section", "item", "detail", "problem"] and not frame["problem"].any()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.edges = 0  # type: ignore[misc]


@given(st.text(max_size=60), st.text(max_size=60), st.text(max_size=60))
def test_a_quote_cut_from_the_text_is_always_found(before: str, quote: str, after: str) -> None:
    text = before + " " + quote + " " + after
    assert normalise_text(quote) in normalise_text(text)


def test_bounded_on_a_large_text() -> None:
    # a quote near the end of a large text, and one that is nowhere: both answered
    big = ("lorem ipsum dolor sit amet " * 40_000) + ARTICLE
    report = graph().audit(sources={"article": big})
    assert report.ok and report.quotes_found == 5
    missing = Edge(source="ampk", target="il6", predicate="increases", evidence=[ev(quote="ipsum dolor sat amet x")])
    [issue] = graph(missing).audit(sources={"article": big}).issues
    assert issue.kind == "quote_not_found" and issue.closest is not None
