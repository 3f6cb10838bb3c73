"""Tests of metagraph.interop.kgx: KGX TSV whose every field, category and predicate Biolink defines.

The ``kgx`` package cannot be installed beside this project's documentation tools
(it pins Sphinx 5), so the checks here use the Biolink Model's own lists from the
``biolink-model`` package: the checks kgx's validator makes (id prefixes in the
Biolink context, categories, predicates, required edge properties, enum values).
"""

from __future__ import annotations

import csv
import json
import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from metagraph import Edge, ExportError, MetaGraph, Node, Reference
from metagraph.interop.kgx import EDGE_COLUMNS, NODE_COLUMNS, kgx_ids, to_kgx_files


@pytest.fixture(scope="module")
def biolink() -> dict[str, Any]:
    base = resources.files("biolink_model")
    model = yaml.safe_load((base / "schema" / "biolink_model.yaml").read_text(encoding="utf-8"))
    model["prefix_map"] = json.loads((base / "prefixmaps" / "biolink-model-prefix-map.json").read_text())
    return model


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _class_name(category: str) -> str:
    local = category.removeprefix("biolink:")
    return "".join(f" {c.lower()}" if c.isupper() else c for c in local).strip()


@pytest.fixture(scope="module")
def exported(kg: MetaGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # leaving out the nodes without a Biolink-known id: the files KGX validation accepts whole
        out = kg.export(tmp_path_factory.mktemp("kgx") / "kgx", format="kgx", unidentified="skip")
    bare = [n.id for n in kg.nodes() if not kgx_ids(kg, local=False).get(n.id)]
    assert any("were left out" in str(w.message) for w in caught) == bool(bare)
    return out


def test_files_and_columns(exported: Path, biolink: dict[str, Any]) -> None:
    assert sorted(p.name for p in exported.iterdir()) == ["context.jsonld", "edges.tsv", "nodes.tsv"]
    slots = biolink["slots"]
    for column in (*NODE_COLUMNS, *EDGE_COLUMNS):
        # metagraph: columns are this graph's own properties, for what Biolink has no slot
        assert column.startswith("metagraph:") or column.replace("_", " ") in slots, column
    for name, columns in (("nodes.tsv", NODE_COLUMNS), ("edges.tsv", EDGE_COLUMNS)):
        lines = (exported / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t") == list(columns)
        assert all(line.count("\t") == len(columns) - 1 for line in lines)


def test_nodes_are_valid_biolink_records(exported: Path, kg: MetaGraph, biolink: dict[str, Any]) -> None:
    rows = _read((exported / "nodes.tsv").read_text(encoding="utf-8"))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        prefix = r["id"].partition(":")[0]
        assert prefix in biolink["prefix_map"], r["id"]
        cls = biolink["classes"][_class_name(r["category"])]
        assert not (cls.get("abstract") or cls.get("mixin") or cls.get("deprecated"))
        assert r["name"] and r["provided_by"] == "infores:metagraph"
        assert r["id"] in r["xref"].split("|") or r["id"].startswith("metagraph:")
    by_id = {x.removeprefix("metagraph:"): r for r in rows for x in r["xref"].split("|") if x.startswith("metagraph:")}
    assert (by_id["il6"]["id"], by_id["il6"]["category"]) == ("UniProtKB:P05231", "biolink:Protein")
    assert by_id["liver"]["category"] == "biolink:GrossAnatomicalStructure"
    # AMPK is a complex (FamPlex id, members), identified by its GO complex term
    assert (by_id["ampk"]["id"], by_id["ampk"]["category"]) == ("GO:0031588", "biolink:MacromolecularComplex")
    for small in ("glucose", "atp"):
        assert by_id[small]["category"] == "biolink:SmallMolecule" and by_id[small]["id"].startswith("CHEBI:")
    assert by_id["erfe"]["category"] == "biolink:Gene"


def test_node_ids_are_in_their_categorys_namespaces(exported: Path, biolink: dict[str, Any]) -> None:
    # when a node has an identifier in a namespace Biolink lists for its class, its id is one
    for r in _read((exported / "nodes.tsv").read_text(encoding="utf-8")):
        allowed = biolink["classes"][_class_name(r["category"])].get("id_prefixes") or []
        usable = [x for x in r["xref"].split("|") if x.partition(":")[0] in allowed]
        if usable:
            assert r["id"].partition(":")[0] in allowed, r


def test_edges_are_valid_biolink_associations(exported: Path, kg: MetaGraph, biolink: dict[str, Any]) -> None:
    nodes = {r["id"] for r in _read((exported / "nodes.tsv").read_text(encoding="utf-8"))}
    rows = _read((exported / "edges.tsv").read_text(encoding="utf-8"))
    enums = biolink["enums"]
    levels = set(enums["KnowledgeLevelEnum"]["permissible_values"])
    agents = set(enums["AgentTypeEnum"]["permissible_values"])
    required = [
        name.replace(" ", "_")
        for name, slot in biolink["slots"].items()
        if slot.get("required") and slot.get("domain") == "association"
    ]
    assert set(required) <= set(EDGE_COLUMNS)
    for r in rows:
        assert r["subject"] in nodes and r["object"] in nodes
        assert all(r[c] for c in required), r
        assert r["knowledge_level"] in levels and r["agent_type"] in agents
        slot = biolink["slots"][r["predicate"].removeprefix("biolink:").replace("_", " ")]
        assert not (slot.get("abstract") or slot.get("mixin") or slot.get("deprecated"))
        if r["anatomical_context_qualifier"]:
            assert r["anatomical_context_qualifier"] in nodes
        for pub in filter(None, r["publications"].split("|")):
            assert pub.partition(":")[0] in ("PMID", "doi")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    kept = kgx_ids(kg, local=False)
    assert len(rows) == sum(1 for u, v in kg.nx.edges() if u in kept and v in kept)


def test_signed_edges_use_the_qualified_form() -> None:
    g = MetaGraph(
        [
            Node(id="ampk", name="AMPK", kind="signal", xrefs=["GO:0031588"]),
            Node(id="pgc1a", name="PGC-1α", kind="signal", xrefs=["HGNC:9237"]),
            Node(id="mb", name="Mitochondrial biogenesis", kind="process", xrefs=["GO:0007005"]),
            Node(id="muscle", name="Muscle", kind="organ", xrefs=["UBERON:0001134"]),
        ],
        [
            Edge(source="ampk", target="pgc1a", predicate="inhibits", evidence=[{"reference": "r", "quote": "q"}]),
            Edge(
                source="pgc1a",
                target="mb",
                predicate="increases",
                location="muscle",
                evidence=[{"reference": "r", "quote": "a\tquote|with\nbreaks"}],
            ),
        ],
        [Reference(key="r", title="T", doi="10.1234/x")],
    )
    rows = {r["original_predicate"]: r for r in _read(to_kgx_files(g)["edges.tsv"])}
    inhibits, increases = rows["metagraph:inhibits"], rows["metagraph:increases"]
    assert (
        inhibits["predicate"],
        inhibits["qualified_predicate"],
        inhibits["object_direction_qualifier"],
        inhibits["object_aspect_qualifier"],
    ) == ("biolink:affects", "biolink:causes", "decreased", "activity")
    # a process has no aspect; the place is the anatomical context
    assert increases["object_aspect_qualifier"] == "" and increases["anatomical_context_qualifier"] == "UBERON:0001134"
    assert increases["supporting_text"] == "a quote/with breaks" and increases["publications"] == "doi:10.1234/x"


def test_nodes_without_a_known_identifier() -> None:
    g = MetaGraph(
        [
            Node(id="a", name="A", kind="signal", xrefs=["FPLX:AMPK"]),
            Node(id="b", name="B", kind="process", xrefs=["GO:0007005"]),
        ],
        [Edge(source="a", target="b", predicate="increases", evidence=[{"reference": "r", "quote": "q"}])],
        [Reference(key="r", title="T")],
    )
    with pytest.warns(UserWarning, match="1 nodes without an identifier .* got local ids .*: a;.*--kgx-skip"):
        local = to_kgx_files(g)
    assert [r["id"] for r in _read(local["nodes.tsv"])] == ["metagraph:a", "GO:0007005"]
    assert [(r["subject"], r["object"]) for r in _read(local["edges.tsv"])] == [("metagraph:a", "GO:0007005")]
    # leaving the node out would leave no edge: an error saying why, never empty files
    with pytest.raises(ExportError, match=r"every one of the 1 edges .* empty edges\.tsv"):
        to_kgx_files(g, unidentified="skip")
    with pytest.raises(ExportError, match="unidentified"):
        to_kgx_files(g, unidentified="drop")  # type: ignore[arg-type]


def test_skip_leaves_out_a_node_and_its_edges_and_says_so() -> None:
    g = MetaGraph(
        [
            Node(id="a", name="A", kind="signal", xrefs=["FPLX:AMPK"]),
            Node(id="b", name="B", kind="process", xrefs=["GO:0007005"]),
            Node(id="c", name="C", kind="process", xrefs=["GO:0006096"]),
        ],
        [
            Edge(source="a", target="b", predicate="increases", evidence=[{"reference": "r", "quote": "q"}]),
            Edge(source="c", target="b", predicate="increases", evidence=[{"reference": "r", "quote": "q"}]),
        ],
        [Reference(key="r", title="T")],
    )
    with pytest.warns(UserWarning, match="1 nodes without an identifier .* left out, with their 1 edges: a"):
        skipped = to_kgx_files(g, unidentified="skip")
    assert [r["id"] for r in _read(skipped["nodes.tsv"])] == ["GO:0007005", "GO:0006096"]
    assert len(_read(skipped["edges.tsv"])) == 1


def test_no_node_with_a_known_identifier_is_an_error_not_empty_files() -> None:
    g = MetaGraph([Node(id="a", name="A", kind="signal", close_matches=["GO:0007005"])])
    with pytest.raises(ExportError, match=r"none of the 1 nodes .* empty files"):
        to_kgx_files(g, unidentified="skip")
    with pytest.warns(UserWarning, match="got local ids"):
        rows = _read(to_kgx_files(g)["nodes.tsv"])
    # an approximate match is never a primary id, even when it is the node's only identifier
    assert [(r["id"], r["metagraph:close_match"]) for r in rows] == [("metagraph:a", "GO:0007005")]


def test_the_default_export_keeps_every_node_and_edge(kg: MetaGraph, tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="^KGX: ") as caught:
        out = kg.export(tmp_path / "kgx", format="kgx")
    said = [str(w.message) for w in caught]
    assert any(re.match(r"KGX: \d+ nodes .* got local ids", m) for m in said), said
    assert any(re.match(r"KGX: \d+ edges share their subject, predicate and object", m) for m in said), said
    nodes = _read((out / "nodes.tsv").read_text(encoding="utf-8"))
    assert len(nodes) == len(kg) and len(_read((out / "edges.tsv").read_text(encoding="utf-8"))) == len(kg.nx.edges)
    approximate = {
        x for n in kg.nodes() for f in ("close_matches", "broad_matches", "narrow_matches") for x in getattr(n, f)
    }
    exact = {x for n in kg.nodes() for x in n.xrefs}
    assert not {r["id"] for r in nodes} & (approximate - exact)


def test_edges_kgx_would_merge_are_listed_and_keep_their_ids_and_places() -> None:
    kg = MetaGraph(
        [
            Node(id="il6", name="IL-6", kind="myokine", xrefs=["HGNC:6018"]),
            Node(id="glucose_uptake", name="Glucose uptake", kind="process", xrefs=["GO:0046323"]),
            Node(id="muscle", name="Muscle", kind="organ", xrefs=["UBERON:0001134"]),
            Node(id="fat", name="Fat", kind="organ", xrefs=["UBERON:0001013"]),
        ],
        [
            Edge(
                source="il6",
                target="glucose_uptake",
                predicate="increases",
                location=place,
                evidence=[{"reference": "r", "quote": f"IL-6 raises glucose uptake in {place}"}],
            )
            for place in ("muscle", "fat")
        ],
        [Reference(key="r", title="T")],
    )
    with pytest.warns(UserWarning, match="2 edges share their subject, predicate and object") as caught:
        files = to_kgx_files(kg)
    message = str(caught[0].message)
    assert "metagraph:il6--increases-at-muscle--glucose_uptake" in message and "--stream" in message
    rows = _read(files["edges.tsv"])
    assert [(r["id"], r["anatomical_context_qualifier"]) for r in rows] == [
        ("metagraph:il6--increases-at-muscle--glucose_uptake", "UBERON:0001134"),
        ("metagraph:il6--increases-at-fat--glucose_uptake", "UBERON:0001013"),
    ]
    assert json.loads(files["context.jsonld"]) == {"@context": {"metagraph": "https://w3id.org/metagraph/node/"}}


def test_an_identifier_two_nodes_share_goes_to_the_first() -> None:
    g = MetaGraph(
        [
            Node(id="fndc5", name="FNDC5", kind="signal", xrefs=["UniProt:Q8NAU1"]),
            Node(id="irisin", name="Irisin", kind="myokine", xrefs=["UniProt:Q8NAU1", "MESH:C577593"]),
        ]
    )
    assert kgx_ids(g) == {"fndc5": "UniProtKB:Q8NAU1", "irisin": "MESH:C577593"}


def test_categories_follow_identifiers() -> None:
    g = MetaGraph(
        [
            Node(
                id="baiba",
                name="BAIBA",
                kind="myokine",
                synonyms=["β-aminoisobutyric acid"],
                xrefs=["MESH:C000000", "CHEBI:27389"],
            ),
            Node(id="lactate", name="Lactate", kind="myokine", xrefs=["CHEBI:24996"]),
            Node(id="il6", name="IL-6", kind="myokine", xrefs=["HGNC:6018", "UniProt:P05231"]),
            Node(
                id="ampk",
                name="AMPK",
                kind="signal",
                xrefs=["FPLX:AMPK", "MESH:D055372", "GO:0031588"],
                members=["HGNC:9376", "UniProt:Q13131"],
            ),
            Node(id="il6_gene", name="IL6", kind="gene", xrefs=["HGNC:6018", "NCBIGene:3569"]),
            Node(id="mystery", name="Mystery factor", kind="myokine"),
        ]
    )
    with pytest.warns(UserWarning, match="1 nodes without an identifier Biolink knows got local ids.*mystery"):
        files = to_kgx_files(g, unidentified="local")
    rows = {r["name"]: (r["id"], r["category"]) for r in _read(files["nodes.tsv"])}
    assert rows == {
        "BAIBA": ("CHEBI:27389", "biolink:SmallMolecule"),
        "Lactate": ("CHEBI:24996", "biolink:SmallMolecule"),
        "IL-6": ("UniProtKB:P05231", "biolink:Protein"),
        "AMPK": ("GO:0031588", "biolink:MacromolecularComplex"),
        "IL6": ("NCBIGene:3569", "biolink:Gene"),
        "Mystery factor": ("metagraph:mystery", "biolink:Protein"),
    }


def _evidence_model_graph() -> MetaGraph:
    return MetaGraph(
        [
            Node(id="ampk", name="AMPK", kind="signal", xrefs=["GO:0031588"], close_matches=["FPLX:AMPK"]),
            Node(
                id="pgc1a",
                name="PGC-1α",
                kind="signal",
                xrefs=["HGNC:9237"],
                broad_matches=["FPLX:PGC1"],
                related_matches=["GO:0007005"],
            ),
            Node(id="il6", name="IL-6", kind="myokine", narrow_matches=["HGNC:6018"]),
        ],
        [
            Edge(
                source="ampk",
                target="pgc1a",
                predicate="activates",
                evidence=[
                    {"reference": "art", "quote": "AMPK activates PGC-1α", "hedged": True},
                    {
                        "reference": "paper",
                        "type": "experimental",
                        "finding": "Shown in mouse muscle.",
                        "species": "mouse",
                        "system": "in_vivo",
                    },
                ],
            ),
            Edge(
                source="pgc1a",
                target="ampk",
                predicate="activates",
                negated=True,
                summary=True,
                evidence=[
                    {"reference": "noids", "type": "curator_inference", "finding": "No reference says so."},
                    {"reference": "art", "quote": "not AMPK", "stance": "contradicts"},
                ],
            ),
            Edge(
                source="ampk",
                target="il6",
                predicate="increases",
                evidence=[{"reference": "paper", "type": "curator_inference", "finding": "Follows from the chain."}],
            ),
        ],
        [
            Reference(key="art", title="A", doi="10.5555/a"),
            Reference(key="paper", title="P", pmid="123"),
            Reference(key="noids", title="N"),
        ],
    )


def test_only_exact_matches_become_ids_and_approximate_ones_are_never_equated(biolink: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = to_kgx_files(_evidence_model_graph())
    nodes = {r["name"]: r for r in _read(files["nodes.tsv"])}
    # IL-6's only identifier is a narrower record: it is no id, and no xref; IL-6 keeps a local id
    assert nodes["IL-6"]["id"] == "metagraph:il6" and "HGNC:6018" not in nodes["IL-6"]["xref"]
    assert nodes["AMPK"]["id"] == "GO:0031588" and nodes["AMPK"]["metagraph:close_match"] == "FPLX:AMPK"
    assert "FPLX:AMPK" not in nodes["AMPK"]["xref"]
    pgc = nodes["PGC-1α"]
    assert pgc["metagraph:broad_match"] == "FPLX:PGC1" and pgc["metagraph:related_match"] == "GO:0007005"
    assert "FPLX:PGC1" not in pgc["xref"] and "GO:0007005" not in pgc["xref"]


def test_edges_carry_negation_evidence_types_and_knowledge_level(biolink: dict[str, Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = to_kgx_files(_evidence_model_graph(), unidentified="local")
    rows = {(r["subject"], r["object"]): r for r in _read(files["edges.tsv"])}
    stated = rows["GO:0031588", "HGNC:9237"]
    assert stated["negated"] == "False" and stated["metagraph:hedged"] == "False"
    assert stated["has_evidence"] == stated["has_evidence_of_type"] == "ECO:0000303|ECO:0000269"
    assert stated["knowledge_level"] == "knowledge_assertion" and stated["agent_type"] == "manual_agent"
    assert stated["species_context_qualifier"] == "NCBITaxon:10090"
    assert stated["publications"] == "doi:10.5555/a|PMID:123"
    assert stated["supporting_text"] == "AMPK activates PGC-1α"  # the finding is the curator's words: not here
    denied = rows["HGNC:9237", "GO:0031588"]
    assert denied["negated"] == "True" and denied["metagraph:summary"] == "True"
    assert denied["metagraph:contested"] == "True" and denied["publications"] == "doi:10.5555/a"
    inferred = rows["GO:0031588", "metagraph:il6"]
    assert inferred["knowledge_level"] == "logical_entailment" and inferred["supporting_text"] == ""
    enums = biolink["enums"]
    for row in rows.values():
        assert row["knowledge_level"] in enums["KnowledgeLevelEnum"]["permissible_values"]
        assert row["agent_type"] in enums["AgentTypeEnum"]["permissible_values"]
