"""Tests of metagraph.interop.biolink: every category and predicate is valid in the Biolink Model.

The Biolink Model's own definitions come from the ``biolink-model`` package (its
``biolink_model.yaml`` and prefix map), read as data with PyYAML.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from metagraph.interop.biolink import CATEGORY_RULES, ID_PREFIXES, PREDICATE_MAP, PREFIXES, category_of
from metagraph.schema import Kind, Predicate


def _element(curie: str) -> str:
    """The model's name of an element: biolink:GrossAnatomicalStructure → 'gross anatomical structure'."""
    local = curie.removeprefix("biolink:")
    if "_" in local or local.islower():
        return local.replace("_", " ")
    words, word = [], ""
    for ch in local:
        if ch.isupper() and word:
            words.append(word)
            word = ""
        word += ch.lower()
    return " ".join([*words, word])


@pytest.fixture(scope="module")
def biolink() -> dict[str, Any]:
    base = resources.files("biolink_model")
    model = yaml.safe_load((base / "schema" / "biolink_model.yaml").read_text(encoding="utf-8"))
    model["prefix_map"] = json.loads((base / "prefixmaps" / "biolink-model-prefix-map.json").read_text())
    return model


def _ancestors(table: dict[str, Any], name: str) -> list[str]:
    out = []
    while name:
        out.append(name)
        name = table[name].get("is_a")
    return out


def _concrete(element: dict[str, Any]) -> bool:
    return not (element.get("abstract") or element.get("mixin") or element.get("deprecated"))


def test_every_category_is_a_concrete_biolink_class(biolink: dict[str, Any]) -> None:
    classes = biolink["classes"]
    for kind in Kind:
        for rule in CATEGORY_RULES[kind]:
            category = rule.category
            name = _element(category)
            assert name in classes, category
            assert _concrete(classes[name]), category
            assert "named thing" in _ancestors(classes, name), category


def test_every_predicate_is_a_concrete_biolink_predicate(biolink: dict[str, Any]) -> None:
    slots = biolink["slots"]
    enums = biolink["enums"]
    directions = set(enums["DirectionQualifierEnum"]["permissible_values"])
    aspects = set(enums["GeneOrGeneProductOrChemicalEntityAspectEnum"]["permissible_values"])
    assert set(PREDICATE_MAP) == set(Predicate)
    for pred, bl in PREDICATE_MAP.items():
        for curie in filter(None, (bl.predicate, bl.qualified_predicate)):
            name = _element(curie)
            assert name in slots, (pred, curie)
            assert _concrete(slots[name]), (pred, curie)
            assert "related to" in _ancestors(slots, name), (pred, curie)
        assert bl.direction is None or bl.direction in directions
        assert bl.aspect is None or bl.aspect in aspects
    # signed predicates carry their sign as the direction
    assert {PREDICATE_MAP[p].direction for p in (Predicate.ACTIVATES, Predicate.INCREASES)} == {"increased"}
    assert {PREDICATE_MAP[p].direction for p in (Predicate.INHIBITS, Predicate.DECREASES)} == {"decreased"}


def test_prefixes_are_in_the_biolink_prefix_map(biolink: dict[str, Any]) -> None:
    assert set(PREFIXES.values()) <= set(biolink["prefix_map"])


def test_every_kind_ends_with_a_default() -> None:
    for kind in Kind:
        *specific, default = CATEGORY_RULES[kind]
        assert default.matches(set(), has_members=False), kind
        assert all(not rule.matches(set(), has_members=False) for rule in specific), kind


def test_id_prefixes_are_the_biolink_models(biolink: dict[str, Any]) -> None:
    # ID_PREFIXES is exactly each class's id_prefixes, in the model's order, limited to
    # the namespaces PREFIXES writes
    ours = set(PREFIXES.values())
    categories = {rule.category for rules in CATEGORY_RULES.values() for rule in rules}
    assert set(ID_PREFIXES) <= categories
    for category in categories:
        model = biolink["classes"][_element(category)].get("id_prefixes") or []
        assert ID_PREFIXES.get(category, ()) == tuple(dict.fromkeys(p for p in model if p in ours)), category


def test_molecular_kinds_share_their_rules() -> None:
    # one set of identifier rules for every molecule; only the default differs by kind
    assert CATEGORY_RULES[Kind.SIGNAL][:-1] == CATEGORY_RULES[Kind.MYOKINE][:-1]
    assert CATEGORY_RULES[Kind.SIGNAL][-1].category == "biolink:MolecularEntity"
    assert CATEGORY_RULES[Kind.MYOKINE][-1].category == "biolink:Protein"


def test_small_molecule_myokines_are_chemicals() -> None:
    # BAIBA (3-aminoisobutyric acid) and lactate are muscle-secreted small molecules
    assert category_of(Kind.MYOKINE, ["CHEBI:27389"]) == "biolink:SmallMolecule"
    assert category_of(Kind.MYOKINE, ["chebi:24996"]) == "biolink:SmallMolecule"
    assert category_of(Kind.SIGNAL, ["MESH:D005947", "CHEBI:17234"]) == "biolink:SmallMolecule"
    # a protein with a ChEBI id too (insulin) stays a protein
    assert category_of(Kind.SIGNAL, ["CHEBI:145810", "HGNC:6081"]) == "biolink:Protein"


def test_protein_and_gene_identifiers() -> None:
    for xref in ("UniProt:P05231", "HGNC:6018", "NCBIGene:3569", "ENSEMBL:ENSG00000136244", "PR:000001393"):
        assert category_of(Kind.MYOKINE, [xref]) == "biolink:Protein", xref
        assert category_of(Kind.SIGNAL, ["MESH:D015850", xref]) == "biolink:Protein", xref
        assert category_of(Kind.GENE, [xref]) == "biolink:Gene", xref
    assert category_of(Kind.GENE, ["CHEBI:1"]) == category_of(Kind.GENE, []) == "biolink:Gene"


def test_complexes() -> None:
    # AMPK: a FamPlex id, or members, or both, on either molecular kind
    assert category_of(Kind.SIGNAL, ["FPLX:AMPK", "GO:0031588"]) == "biolink:MacromolecularComplex"
    assert (
        category_of(Kind.SIGNAL, ["MESH:D055372"], members=["HGNC:9376", "UniProt:Q13131"])
        == "biolink:MacromolecularComplex"
    )
    assert category_of(Kind.MYOKINE, ["ComplexPortal:CPX-1"]) == "biolink:MacromolecularComplex"
    # members decide over a member-like identifier of the node itself
    assert category_of(Kind.SIGNAL, ["HGNC:9377"], members=["HGNC:9376"]) == "biolink:MacromolecularComplex"


def test_no_identifier_is_the_kinds_default() -> None:
    assert category_of(Kind.SIGNAL, []) == "biolink:MolecularEntity"
    assert category_of(Kind.MYOKINE, []) == category_of(Kind.MYOKINE, ["MESH:C577593"]) == "biolink:Protein"
    assert category_of(Kind.SIGNAL, ["MESH:D1"]) == "biolink:MolecularEntity"


def test_category_rules() -> None:
    assert category_of(Kind.CONDITION, ["MESH:D007333", "HP:0000855"]) == "biolink:PhenotypicFeature"
    assert category_of(Kind.CONDITION, ["MONDO:0005066", "HP:1"]) == "biolink:Disease"
    assert category_of(Kind.CONDITION, []) == "biolink:DiseaseOrPhenotypicFeature"
    assert category_of(Kind.CELL, ["GO:0005739"]) == "biolink:CellularComponent"
    assert category_of(Kind.CELL, ["CL:0000169", "GO:0005739"]) == "biolink:Cell"


_PREFIX_NAMES = ["HGNC", "UniProt", "uniprot", "CHEBI", "FPLX", "GO", "CL", "MONDO", "HP", "MESH", "NCBIGene", "XYZ"]


@given(
    kind=st.sampled_from(list(Kind)),
    prefixes=st.lists(st.sampled_from(_PREFIX_NAMES), max_size=5),
    members=st.lists(st.sampled_from(["HGNC:1", "UniProt:P1"]), max_size=2),
)
def test_every_node_gets_one_of_its_kinds_categories(kind: Kind, prefixes: list[str], members: list[str]) -> None:
    got = category_of(kind, [f"{p}:1" for p in prefixes], members=members)
    rules = CATEGORY_RULES[kind]
    assert got in {rule.category for rule in rules}
    # the first rule that matches decides; an unknown namespace changes nothing
    assert got == category_of(kind, [*(f"{p}:1" for p in prefixes), "XYZ:9"], members=members)
    if not prefixes and not members:
        assert got == rules[-1].category
