"""How metagraph's kinds and predicates map onto the Biolink Model (the one table the KGX export reads).

Kinds → categories. A kind lists ``(identifier prefix, category)`` rules tried in
order against the node's identifiers, then a default: a ``signal`` with a UniProt or
HGNC identifier is a ``biolink:Protein`` (metagraph keeps genes as their own kind),
one with a ChEBI identifier a ``biolink:ChemicalEntity``; a ``cell`` with a GO
identifier (mitochondrion, plasma membrane) a ``biolink:CellularComponent``; a
``condition`` with a MONDO or DOID identifier a ``biolink:Disease``, with an HP one a
``biolink:PhenotypicFeature``. An exercise modality is an organism's coordinated
motor activity: ``biolink:Behavior``.

Predicates → Biolink predicate and qualifiers. Signed effects use Biolink 4's
qualified form: ``biolink:affects`` with ``qualified_predicate: biolink:causes`` and
``object_direction_qualifier`` ``increased``/``decreased`` ("A causes B to increase");
on a molecular target the ``object_aspect_qualifier`` says what changes (``activity``
for activates/inhibits, ``activity_or_abundance`` for increases/decreases).
``regulates`` (direction not stated) and ``targets`` (a molecule acts on an organ) are
plain ``biolink:affects``. ``participates_in`` is ``biolink:actively_involved_in``
(whose domain is any named thing; ``biolink:participates_in`` is for occurrents).
``encodes`` is ``biolink:has_gene_product`` (gene → product, the same direction).
Every category and predicate here is a concrete, non-deprecated element of Biolink
Model 4.x (a test checks them against the ``biolink-model`` package).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from metagraph.schema import Kind, Predicate

__all__ = ["CATEGORY_RULES", "MOLECULAR_KINDS", "PREDICATE_MAP", "PREFIXES", "BiolinkPredicate", "category_of"]

#: Kind → ((identifier prefix, category), ...) tried in order, then (None, default).
CATEGORY_RULES: Mapping[Kind, tuple[tuple[str | None, str], ...]] = MappingProxyType({
    Kind.EXERCISE: ((None, "biolink:Behavior"),),
    Kind.GENE: ((None, "biolink:Gene"),),
    Kind.SIGNAL: (("FPLX", "biolink:MacromolecularComplex"), ("UniProt", "biolink:Protein"),
                  ("HGNC", "biolink:Protein"), ("CHEBI", "biolink:ChemicalEntity"),
                  (None, "biolink:MolecularEntity")),
    Kind.MYOKINE: ((None, "biolink:Protein"),),
    Kind.ORGAN: ((None, "biolink:GrossAnatomicalStructure"),),
    Kind.CELL: (("CL", "biolink:Cell"), ("GO", "biolink:CellularComponent"), (None, "biolink:Cell")),
    Kind.PROCESS: ((None, "biolink:BiologicalProcess"),),
    Kind.OUTCOME: ((None, "biolink:PhenotypicFeature"),),
    Kind.CONDITION: (("MONDO", "biolink:Disease"), ("DOID", "biolink:Disease"), ("HP", "biolink:PhenotypicFeature"),
                     (None, "biolink:DiseaseOrPhenotypicFeature")),
})

#: Kinds whose nodes are molecules (an aspect qualifier applies to them).
MOLECULAR_KINDS = frozenset({Kind.GENE, Kind.SIGNAL, Kind.MYOKINE})

#: metagraph's identifier prefixes → the Biolink prefix map's spelling. Identifiers with
#: other prefixes (FPLX, EC) are kept as xrefs but never used as a node's KGX id.
PREFIXES: Mapping[str, str] = MappingProxyType({
    "HGNC": "HGNC", "UniProt": "UniProtKB", "MESH": "MESH", "GO": "GO", "CHEBI": "CHEBI", "UBERON": "UBERON",
    "CL": "CL", "EFO": "EFO", "HP": "HP", "MONDO": "MONDO", "DOID": "DOID", "NCIT": "NCIT", "PR": "PR",
})


@dataclass(frozen=True)
class BiolinkPredicate:
    """A Biolink predicate with the qualifiers that complete a metagraph predicate's meaning."""

    predicate: str
    qualified_predicate: str | None = None
    direction: str | None = None
    aspect: str | None = None


_UP, _DOWN = "increased", "decreased"

#: metagraph predicate → Biolink predicate and qualifiers. ``aspect`` applies only when
#: the object is molecular (:data:`MOLECULAR_KINDS`).
PREDICATE_MAP: Mapping[Predicate, BiolinkPredicate] = MappingProxyType({
    Predicate.ACTIVATES: BiolinkPredicate("biolink:affects", "biolink:causes", _UP, "activity"),
    Predicate.INHIBITS: BiolinkPredicate("biolink:affects", "biolink:causes", _DOWN, "activity"),
    Predicate.INCREASES: BiolinkPredicate("biolink:affects", "biolink:causes", _UP, "activity_or_abundance"),
    Predicate.DECREASES: BiolinkPredicate("biolink:affects", "biolink:causes", _DOWN, "activity_or_abundance"),
    Predicate.REGULATES: BiolinkPredicate("biolink:affects"),
    Predicate.SECRETES: BiolinkPredicate("biolink:produces"),
    Predicate.CLEAVED_INTO: BiolinkPredicate("biolink:derives_into"),
    Predicate.ENCODES: BiolinkPredicate("biolink:has_gene_product"),
    Predicate.TARGETS: BiolinkPredicate("biolink:affects"),
    Predicate.PARTICIPATES_IN: BiolinkPredicate("biolink:actively_involved_in"),
    Predicate.LOCATED_IN: BiolinkPredicate("biolink:located_in"),
    Predicate.PART_OF: BiolinkPredicate("biolink:part_of"),
    Predicate.IS_A: BiolinkPredicate("biolink:subclass_of"),
})


def category_of(kind: Kind, xrefs: list[str]) -> str:
    """Return the Biolink category of a node of ``kind`` with identifiers ``xrefs``.

    Examples
    --------
    >>> category_of(Kind.SIGNAL, ["CHEBI:26523"]), category_of(Kind.CELL, ["GO:0005739"])
    ('biolink:ChemicalEntity', 'biolink:CellularComponent')
    """
    prefixes = {x.partition(":")[0].casefold() for x in xrefs}
    for prefix, category in CATEGORY_RULES[kind]:
        if prefix is None or prefix.casefold() in prefixes:
            return category
    return CATEGORY_RULES[kind][-1][1]
