"""The bundled graph against its source: every claim cited, every quote verbatim, both tables, all references."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from metagraph import Kind, MetaGraph, Predicate
from metagraph._names import NameIndex
from tests.conftest import SEED_DIR

# Paragraphs of the stored web page that describe its images: not content of the article.
CAPTIONS = (
    "Translucent biological micro-architecture",
    "Delicate white forms",
    "White fibrous matrix",
    "Intertwined natural fibers",
    "Abstract white sculpture",
    "A ginkgo leaf",
    "A detailed macro view",
    "Cracked, fragmented white organic shapes",
)


def seed_text_raw() -> str:
    return next(iter(sorted(SEED_DIR.glob("*.txt")))).read_text(encoding="utf-8")


PAPERS = {
    "shen2024",
    "wan2024",
    "reljic2025",
    "simoes2018",
    "pedersen2012",
    "hoffmann2017",
    "whytock2025",
    "morino2006",
    "larsen2014",
    "raschke2013",
}


def test_every_quote_is_verbatim_in_the_source_and_not_from_a_caption(kg: MetaGraph, seed_text: str) -> None:
    paragraphs = [" ".join(p.split()) for p in seed_text_raw().split("\n") if p.strip()]
    captions = [p for p in paragraphs if p.startswith(CAPTIONS)]
    assert len(captions) == len(CAPTIONS)
    prose = "\n".join(p for p in paragraphs if p not in captions)
    for edge in kg.edges():
        for ev in edge.evidence:
            if ev.reference != "seed_article" or ev.quote is None:
                continue
            quote = " ".join(ev.quote.split())
            assert quote in seed_text, f"{edge.source}->{edge.target}: {ev.quote!r}"
            assert quote in prose, f"{ev.quote!r} comes from an image caption"


def test_every_quote_is_in_the_section_it_names(kg: MetaGraph, seed_text: str) -> None:
    starts = {s: seed_text.index(f" {s} ") for s in ("Fundamentals", "Intermediate", "Academic")}
    end = seed_text.index(" References ")
    bounds = {
        "Fundamentals": (starts["Fundamentals"], starts["Intermediate"]),
        "Intermediate": (starts["Intermediate"], starts["Academic"]),
        "Academic": (starts["Academic"], end),
    }
    for edge in kg.edges():
        for ev in edge.evidence:
            if ev.reference != "seed_article" or ev.quote is None:
                continue
            assert ev.section is not None, f"{edge.source}->{edge.target} has no section"
            lo, hi = bounds[ev.section.value]
            assert " ".join(ev.quote.split()) in seed_text[lo:hi], f"{ev.quote!r} not in {ev.section}"


def test_every_edge_cites_the_source_article(article: MetaGraph) -> None:
    for edge in article.edges():
        assert "seed_article" in edge.references, f"{edge.source}->{edge.target}"


def test_all_ten_references_with_their_real_records(article: MetaGraph) -> None:
    refs = article.references
    assert PAPERS | {"seed_article"} == set(refs)
    for key in PAPERS - {"simoes2018"}:
        assert refs[key].doi, key
    assert refs["shen2024"].doi == "10.3389/fphys.2024.1337442"
    assert refs["larsen2014"].doi == "10.4239/wjd.v5.i4.482" and refs["larsen2014"].pmid == "25126394"
    # The source cites these with wrong authors, years or pages: the citation as given is kept beside the record.
    for key in ("shen2024", "wan2024", "reljic2025", "whytock2025", "morino2006", "larsen2014"):
        assert refs[key].as_cited and refs[key].discrepancies, key
    assert refs["seed_article"].type == "web_page"


def test_the_bibliography_is_kept_but_cites_nothing(article: MetaGraph) -> None:
    # The article has no in-text citations: no claim can be traced to one of its references, so none is
    # cited on an edge (a curator's link to a paper nobody checked is not evidence). They stay as its
    # bibliography, in the article layer.
    cited = Counter(k for e in article.edges() for k in e.references)
    assert cited["seed_article"] == len(article.edges())
    assert not PAPERS & set(cited)
    for key in PAPERS | {"seed_article"}:
        assert article.references[key].layer == "article", key
        assert "No edge cites it" in (article.references[key].note or "") or key == "seed_article"


def test_no_article_sentence_is_filed_under_another_reference(kg: MetaGraph, seed_text: str) -> None:
    # A quote is a verbatim fragment of the reference it is filed under: the article's words are the
    # article's, never a paper's.
    for edge in kg.edges():
        for ev in edge.evidence:
            if ev.reference != "seed_article" and ev.quote is not None:
                assert " ".join(ev.quote.split()) not in seed_text, f"{edge.source}->{edge.target}: {ev.quote!r}"


def test_statements_quote_and_inferences_reason(kg: MetaGraph) -> None:
    for edge in kg.edges():
        for ev in edge.evidence:
            if ev.type.value == "curator_inference":
                assert ev.quote is None and ev.finding, f"{edge.source}->{edge.target}"
            elif ev.type.value in ("author_statement", "traceable_author_statement"):
                assert ev.quote, f"{edge.source}->{edge.target}"


def test_the_article_record_says_its_title_is_supplied(kg: MetaGraph) -> None:
    seed = kg.references["seed_article"]
    assert seed.title.startswith("[") and seed.title.endswith("]")
    assert seed.url
    assert kg.references["whytock2025"].authors[-1] == "et al"


def test_size_and_spread(article: MetaGraph) -> None:
    assert len(article.edges()) > 100
    kinds = Counter(n.kind for n in article.nodes())
    assert all(kinds[k] for k in Kind), kinds
    sections = Counter(ev.section.value for e in article.edges() for ev in e.evidence if ev.section)
    assert min(sections.values()) >= 15, sections
    preds = Counter(e.predicate for e in article.edges())
    for p in (
        Predicate.ACTIVATES,
        Predicate.INCREASES,
        Predicate.DECREASES,
        Predicate.SECRETES,
        Predicate.TARGETS,
        Predicate.CLEAVED_INTO,
        Predicate.ENCODES,
        Predicate.PART_OF,
    ):
        assert preds[p], p


def test_gene_and_product_are_separate(article: MetaGraph) -> None:
    assert article.edges(source="fndc5", target="irisin", predicate="cleaved_into")
    assert article.edges(source="erfe", target="myonectin", predicate="encodes")
    assert article.node("erfe").kind == Kind.GENE and article.node("myonectin").kind == Kind.MYOKINE
    # The gene's record belongs to the gene (or precursor), not to the secreted product.
    assert "HGNC:20240" in article.node("fndc5").xrefs and "HGNC:20240" not in article.node("irisin").xrefs
    assert "HGNC:26727" in article.node("erfe").xrefs and "HGNC:26727" not in article.node("myonectin").xrefs


def test_comparison_table_cells(article: MetaGraph) -> None:
    def cell(modality: str, outcome: str) -> list:
        return article.edges(source=modality, target=outcome)

    assert {e.magnitude.value for e in cell("hiit", "mitochondrial_biogenesis") if e.magnitude} == {"high"}
    assert {e.magnitude.value for e in cell("resistance_training", "mitochondrial_biogenesis") if e.magnitude} == {
        "moderate"
    }
    assert {e.magnitude.value for e in cell("resistance_training", "insulin_sensitivity") if e.magnitude} == {
        "dramatic"
    }
    assert any(
        e.mechanism and e.mechanism.value == "insulin-independent"
        for e in cell("resistance_training", "glucose_uptake")
    )
    # "primarily through improved insulin signaling and oxidative capacity": two routes, so no single mechanism
    assert [e.mechanism for e in cell("hiit", "glucose_uptake")] == [None]
    assert article.edges(source="hiit", target="insulin_signaling") and article.edges(
        source="hiit", target="mitochondrial_function"
    )
    for route in ("insulin_signaling", "mitochondrial_function"):
        assert any(e.modality == "hiit" for e in article.edges(source=route, target="glucose_uptake")), route
    assert [e.sign for e in cell("hiit", "visceral_fat")] == [-1]
    assert {e.magnitude.value for e in cell("resistance_training", "lean_muscle_mass") if e.magnitude} == {"superior"}
    assert article.edges(source="visceral_fat", target="body_composition", predicate="part_of")
    assert article.edges(source="lean_muscle_mass", target="body_composition", predicate="part_of")


@pytest.mark.parametrize(
    ("organ", "myokines"),
    [
        ("adipose_tissue", {"irisin", "fgf21", "il6"}),
        ("liver", {"il6", "myonectin"}),
        ("pancreas", {"il6"}),
        ("skeletal_muscle", {"il6", "bdnf"}),
    ],
)
def test_crosstalk_table_rows(article: MetaGraph, organ: str, myokines: set[str]) -> None:
    # Joint attribution: a row with several myokines is one group node (their `member_of` target) that
    # targets the organ and carries the row's effects; a one-myokine row stays on that myokine.
    def members(node_id: str) -> set[str]:
        return {e.source for e in article.edges(target=node_id, predicate="member_of")}

    row_sources = [
        e.source
        for e in article.edges(target=organ, predicate="targets")
        if e.source != "myokines" and (members(e.source) or len(myokines) == 1)
    ]
    assert len(row_sources) == 1, row_sources
    (row,) = row_sources
    assert (members(row) or {row}) == myokines
    if len(myokines) > 1:
        assert article.node(row).kind == Kind.MYOKINE
        for m in myokines:
            (edge,) = article.edges(source=m, target=row, predicate="member_of")
            assert edge.evidence[0].quote == ", ".join(article.node(x).name for x in myokines_in_cell_order(edge))
    located = [e for e in article.edges(source=row) if e.location == organ and e.sign != 0]
    assert located
    # the table's effects are claimed once, by the row: no member repeats a row effect with a table quote
    for m in myokines - {row}:
        for e in article.edges(source=m):
            assert not any(ev.quote in ROW_EFFECT_CELLS for ev in e.evidence if ev.quote), (m, e.target)


ROW_EFFECT_CELLS = {
    "Promotes browning of white fat",
    "Modulates hepatic glucose production",
    "Promotes glucose uptake and fatty acid oxidation within the muscle tissue itself",
}


def myokines_in_cell_order(edge: object) -> list[str]:
    """The member ids in the order the row's Key Myokines cell names them."""
    cells = {
        "adipose_row_myokines": ["irisin", "fgf21", "il6"],
        "liver_row_myokines": ["il6", "myonectin"],
        "muscle_row_myokines": ["il6", "bdnf"],
    }
    return cells[edge.target]  # type: ignore[attr-defined]


def test_crosstalk_table_rebuilds(article: MetaGraph, seed_text: str) -> None:
    # Rebuild the table from the encoding the file header describes, and check it cell by cell.
    expected = {
        "adipose_tissue": (
            "Irisin, FGF21, IL-6",
            {
                ("browning_of_white_fat", 1),
                ("lipolysis", 1),
                ("glucose_uptake", 1),
                ("fat_storage", -1),
                ("insulin_sensitivity", 1),
            },
        ),
        "liver": ("IL-6, Myonectin", {("hepatic_glucose_production", 0), ("lipid_metabolism", 0)}),
        "pancreas": ("IL-6", {("beta_cell_function", 1)}),
        "skeletal_muscle": ("IL-6, BDNF", {("glucose_uptake", 1), ("fatty_acid_oxidation", 1)}),
    }
    table = article.edges()
    for organ, (cell, effects) in expected.items():
        sources = [
            e.source
            for e in table
            if e.target == organ and e.predicate == Predicate.TARGETS and e.source not in ("myokines",)
        ]
        row = next(s for s in sources if article.edges(target=s, predicate="member_of") or s == "il6")
        members = [e.source for e in article.edges(target=row, predicate="member_of")] or [row]
        assert set(members) == {article.resolve(n) for n in cell.split(", ")}
        assert cell in seed_text
        got = {(e.target, e.sign) for e in article.edges(source=row) if e.location == organ and not e.summary}
        assert effects <= got, (organ, effects - got)
        for e in article.edges(source=row):
            if e.location == organ:
                assert all(" ".join(ev.quote.split()) in seed_text for ev in e.evidence if ev.quote)


def test_identifiers(kg: MetaGraph) -> None:
    hazards = {"HGNC:4357", "MESH:D058245", "DOID:9352", "MESH:C487851", "HGNC:34071"}
    for node in kg.nodes():
        assert not hazards & set(node.xrefs), node.id
    expected = {
        "hiit": "MESH:D000072696",
        "glut4": "HGNC:11009",
        "pgc1a": "HGNC:9237",
        "il6": "HGNC:6018",
        "liver": "UBERON:0002107",
        "ampk": "FPLX:AMPK",
        "myonectin": "UniProt:Q4G0M1",
        "erfe": "HGNC:26727",
        "nrf2": "HGNC:7782",
    }
    for node_id, curie in expected.items():
        assert curie in kg.node(node_id).xrefs, node_id
    assert len(kg.node("ampk").members) >= 7
    # Every molecule, organ and process carries at least one identifier, bar documented exceptions.
    groups = {e.target for e in kg.edges(predicate="member_of")}
    without = [
        n.id
        for n in kg.nodes()
        if not n.xrefs and n.kind in (Kind.GENE, Kind.MYOKINE, Kind.ORGAN) and n.id not in groups
    ]
    # Irisin has no record of its own: FNDC5's gene and protein records are broader (it is their cleaved
    # ectodomain), and the MeSH record "FNDC5 protein, human" lists irisin only as a synonym.
    assert without == ["irisin"]
    irisin = kg.node("irisin")
    assert irisin.close_matches == ["MESH:C577593"]
    assert {"HGNC:20240", "UniProt:Q8NAU1"} <= set(irisin.broad_matches)
    # a group (a table row's myokines) is no entity of its own: it has no identifier
    assert all(not kg.node(g).xrefs for g in groups)


def test_synonyms_people_type(kg: MetaGraph) -> None:
    for spelling, node_id in [
        ("PGC-1alpha", "pgc1a"),
        ("PGC1A", "pgc1a"),
        ("PPARGC1A", "pgc1a"),
        ("GLUT-4", "glut4"),
        ("SLC2A4", "glut4"),
        ("IL6", "il6"),
        ("interleukin-6", "il6"),
        ("high-intensity interval training", "hiit"),
        ("Nrf2", "nrf2"),
        ("NFE2L2", "nrf2"),
        ("reactive oxygen species", "ros"),
        ("CTRP15", "myonectin"),
        ("FGF-21", "fgf21"),
    ]:
        assert kg.resolve(spelling) == node_id, spelling


def test_no_spelling_means_two_nodes(kg: MetaGraph) -> None:
    index = NameIndex({n.id: n.names[1:] for n in kg.nodes()})
    assert index.collisions() == {}


def test_every_node_is_connected_and_described(kg: MetaGraph) -> None:
    for node in kg.nodes():
        assert kg.nx.degree(node.id) > 0, node.id
        assert node.description, node.id


# --- The acceptance questions: answers that mean what the article says ---------------------------------


def test_hiit_raises_insulin_sensitivity(kg: MetaGraph) -> None:
    assert kg.net_effect("HIIT", "insulin sensitivity").verdict == "increases"


def test_exercise_only_lowers_inflammation(kg: MetaGraph) -> None:
    # Chronically high ROS is associated with inflammation; the acute exercise burst of ROS is a signal.
    chains = kg.trace("exercise", "inflammation", limit=None, max_hops=6)
    assert chains
    assert all(c.sign < 0 for c in chains), [str(c) for c in chains if c.sign >= 0]


def test_exercise_causes_no_cellular_damage(kg: MetaGraph) -> None:
    assert kg.trace("exercise", "cellular damage", limit=None, max_hops=8) == []
    assert kg.trace("HIIT", "cellular damage", limit=None, max_hops=8) == []


def test_chronic_ros_is_an_association_with_harm(kg: MetaGraph) -> None:
    for target in ("cellular_damage", "inflammation"):
        (edge,) = kg.edges(source="chronic_high_ros", target=target)
        assert edge.predicate == Predicate.POSITIVELY_ASSOCIATED_WITH
        assert edge.timescale is not None and edge.timescale.value == "chronic"
    assert not kg.edges(source="ros", target="cellular_damage")
    assert not kg.edges(source="ros", target="inflammation")


# --- What the schema can now say -------------------------------------------------------------------------


def test_denied_conversion_combination_and_hedges(kg: MetaGraph) -> None:
    (denied,) = kg.edges(source="il6", target="chronic_inflammation")
    assert denied.negated and denied.predicate == Predicate.ASSOCIATED_WITH
    assert kg.edges(source="white_adipocyte", target="beige_adipocyte", predicate="converts_to")
    assert {e.target for e in kg.edges(source="combined_training", predicate="has_component")} == {
        "hiit",
        "resistance_training",
    }
    assert kg.edges(source="combined_training", target="metabolic_dysregulation", predicate="decreases")
    (bdnf,) = kg.edges(source="bdnf", target="fatty_acid_oxidation")
    assert bdnf.hedged
    (historical,) = kg.edges(source="il6", target="pro_inflammatory_cytokines")
    assert historical.hedged


def test_curators_steps_are_marked_as_inferences(kg: MetaGraph) -> None:
    for source, target in [
        ("exercise", "insulin_resistance"),
        ("erfe", "myonectin"),
        ("beta_cell", "pancreatic_islet"),
        ("pancreatic_islet", "pancreas"),
    ]:
        (edge,) = kg.edges(source=source, target=target)
        assert edge.inferred, (source, target)


# --- Mechanism first ----------------------------------------------------------------------------------------


def test_every_summary_edge_has_its_finer_chain(kg: MetaGraph) -> None:
    # `summary: true` only where the graph also holds the same claim step by step: a chain of at least two
    # causal edges, with the same sign, from the same source to the same target, not through a group.
    summaries = [e for e in kg.edges() if e.summary]
    assert len(summaries) >= 20
    for edge in summaries:
        finer = [
            c
            for c in kg.trace(edge.source, edge.target, max_hops=4, limit=None)
            if len(c.edges) >= 2 and c.sign == edge.sign and all(e.predicate != Predicate.MEMBER_OF for e in c.edges)
        ]
        assert finer, f"{edge.source} -> {edge.target} is marked summary but has no finer chain"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("hiit", "insulin_sensitivity"),
        ("hiit", "mitochondrial_biogenesis"),
        ("hiit", "mitochondrial_function"),
        ("hiit", "glucose_uptake"),
        ("ampk", "mitochondrial_biogenesis"),
        ("resistance_training", "glucose_uptake"),
        ("exercise", "glucose_uptake"),
    ],
)
def test_one_step_summaries_are_marked(article: MetaGraph, source: str, target: str) -> None:
    edges = [e for e in article.edges(source=source, target=target) if e.sign != 0]
    assert edges and all(e.summary for e in edges)
    # the mechanistic steps themselves are not summaries
    assert not any(e.summary for e in article.edges(source="ampk", target="pgc1a"))
    assert not any(e.summary for e in article.edges(source="glut4_translocation", target="glucose_uptake"))


# --- Identifiers with their match type ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("node_id", "curie", "match"),
    [
        ("hepatic_glucose_production", "GO:0006094", "narrow"),  # gluconeogenesis is one part of it
        ("insulin_sensitivity", "GO:0032869", "close"),  # cellular response to insulin stimulus
        ("browning_of_white_fat", "GO:0050873", "close"),  # brown fat cell differentiation
        ("mitochondrial_biogenesis", "GO:0007005", "broad"),  # mitochondrion organization
        ("glut4_translocation", "GO:0072659", "broad"),  # protein localization to plasma membrane
        ("inflammation", "GO:0006954", "close"),  # a process id on a condition node
        ("mitochondrion", "GO:0005739", "close"),  # a cellular component on a "cell" node
        ("visceral_fat", "UBERON:0035818", "related"),  # the tissue, for an outcome (its amount)
    ],
)
def test_approximate_identifiers_are_not_exact(kg: MetaGraph, node_id: str, curie: str, match: str) -> None:
    node = kg.node(node_id)
    assert curie not in node.xrefs
    assert curie in node.matches[match]


def test_nrf2_does_not_answer_to_nrf_2(kg: MetaGraph) -> None:
    # "NRF-2" is the usual spelling of nuclear respiratory factor 2 (GABPA), not of NFE2L2.
    assert "NRF-2" not in kg.node("nrf2").synonyms


# --- The article's signed causal claims, reproduced ----------------------------------------------------------

CLAIMS_FILE = Path(__file__).parent / "data" / "article_claims.yaml"


def article_claims() -> list[dict[str, object]]:
    claims: list[dict[str, object]] = yaml.safe_load(CLAIMS_FILE.read_text(encoding="utf-8"))["claims"]
    return claims


def test_the_claim_list_quotes_the_article(seed_text: str) -> None:
    claims = article_claims()
    assert len(claims) >= 40
    for claim in claims:
        assert claim["sign"] in (1, -1), claim
        assert " ".join(str(claim["quote"]).split()) in seed_text, claim["quote"]


def test_the_graph_reproduces_the_articles_signed_claims(article: MetaGraph) -> None:
    claims = article_claims()
    missed = []
    for claim in claims:
        source, target, sign = str(claim["source"]), str(claim["target"]), claim["sign"]
        chains = article.trace(source, target, max_hops=4, limit=None)
        verdict = article.net_effect(source, target, max_hops=4).verdict
        expected = "increases" if sign == 1 else "decreases"
        if not any(c.sign == sign for c in chains) or verdict != expected:
            missed.append(f"{source} -> {target} ({expected}; graph says {verdict})")
    assert len(missed) <= 0.05 * len(claims), missed
