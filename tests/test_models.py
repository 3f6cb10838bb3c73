"""The pydantic models: frozen, strict about ids and CURIEs, with derived sign and key."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from metagraph.models import Edge, Evidence, GraphDocument, Node, Reference

EV = [{"reference": "src", "quote": "a quote"}]


def test_models_are_frozen() -> None:
    node = Node(id="a", name="A", kind="signal")
    with pytest.raises(ValidationError):
        node.name = "B"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["A", "a b", "a-b", "_a", "a__b", ""])
def test_ids_are_slugs(bad: str) -> None:
    with pytest.raises(ValidationError):
        Node(id=bad, name="X", kind="signal")


@pytest.mark.parametrize("curie", ["HGNC:9237", "UniProt:Q9UBK2", "GO:0005739", "MESH:D000072696", "FPLX:AMPK"])
def test_curies_accepted(curie: str) -> None:
    assert Node(id="x", name="X", kind="signal", xrefs=[curie]).xrefs == [curie]


@pytest.mark.parametrize("curie", ["HGNC 9237", "9237", "HGNC:", ":9237", "HGNC:92 37"])
def test_bad_curies_rejected(curie: str) -> None:
    with pytest.raises(ValidationError):
        Node(id="x", name="X", kind="signal", xrefs=[curie])


def test_duplicate_synonyms_rejected() -> None:
    with pytest.raises(ValidationError, match="listed twice"):
        Node(id="x", name="X", kind="signal", synonyms=["a", "a"])


def test_edge_needs_evidence_and_a_known_predicate() -> None:
    with pytest.raises(ValidationError):
        Edge(source="a", target="b", predicate="activates", evidence=[])
    with pytest.raises(ValidationError):
        Edge(source="a", target="b", predicate="activate", evidence=EV)


def test_edge_sign_key_and_references() -> None:
    e = Edge(
        source="il6",
        target="glucose_uptake",
        predicate="increases",
        location="skeletal_muscle",
        modality="hiit",
        evidence=[*EV, {"reference": "other", "quote": "q"}, *EV],
    )
    assert e.sign == 1
    assert e.key == "increases@skeletal_muscle[hiit]"
    assert e.references == ["src", "other"]
    assert Edge(source="a", target="b", predicate="inhibits", evidence=EV).sign == -1


def test_evidence_quote_must_not_be_blank() -> None:
    with pytest.raises(ValidationError):
        Evidence(reference="src", quote="   ")


def test_reference_short_and_citation() -> None:
    ref = Reference(
        key="k",
        title="Title.",
        authors=["Shen J", "Wang X", "Wang M"],
        journal="Front Physiol",
        year=2024,
        volume="15",
        pages="1337442",
        doi="10.3389/fphys.2024.1337442",
    )
    assert ref.short == "Shen J et al. 2024"
    assert ref.citation() == (
        "Shen J, Wang X, Wang M. Title. Front Physiol 2024;15:1337442. doi:10.3389/fphys.2024.1337442"
    )
    with pytest.raises(ValidationError):
        Reference(key="k", title="T", doi="https://doi.org/10.1/x")


def test_document_rejects_unknown_sections_and_accepts_schema_key() -> None:
    assert GraphDocument.model_validate({"$schema": "x.json"}).schema_ == "x.json"
    with pytest.raises(ValidationError):
        GraphDocument.model_validate({"node": []})
