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

from metagraph.interop.biolink import CATEGORY_RULES, PREDICATE_MAP, PREFIXES, category_of
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
        for _, category in CATEGORY_RULES[kind]:
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


def test_category_rules() -> None:
    assert category_of(Kind.SIGNAL, ["FPLX:AMPK", "GO:0031588"]) == "biolink:MacromolecularComplex"
    assert category_of(Kind.SIGNAL, ["MESH:D1", "HGNC:11009"]) == "biolink:Protein"
    assert category_of(Kind.SIGNAL, []) == "biolink:MolecularEntity"
    assert category_of(Kind.CONDITION, ["MESH:D007333", "HP:0000855"]) == "biolink:PhenotypicFeature"
    assert category_of(Kind.CONDITION, ["MONDO:0005066", "HP:1"]) == "biolink:Disease"
    assert category_of(Kind.CONDITION, []) == "biolink:DiseaseOrPhenotypicFeature"
