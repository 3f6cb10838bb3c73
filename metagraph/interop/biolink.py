"""How metagraph's kinds and predicates map onto the Biolink Model (the one table the KGX export reads).

Kinds → categories (:data:`CATEGORY_RULES`). Each kind lists rules tried in order
against the node's identifiers (and ``members``), then a default. The molecular kinds
share one set of rules, so a molecule is classed by what its identifiers say it is,
not by the role metagraph gives it: a ``signal`` or ``myokine`` with an FPLX or
ComplexPortal identifier, or with ``members``, is a ``biolink:MacromolecularComplex``
(AMPK); with a UniProt, PR, HGNC, NCBIGene or Ensembl identifier a ``biolink:Protein``
(a gene's identifier on a product kind names the gene's product: metagraph keeps genes
as their own kind); with a ChEBI identifier a ``biolink:SmallMolecule`` (lactate, the
myokine BAIBA; the Biolink class for ChEBI's chemicals, more specific than
``biolink:MolecularEntity`` and ``biolink:ChemicalEntity``). Without
any of these a ``signal`` is a ``biolink:MolecularEntity`` and a ``myokine`` a
``biolink:Protein`` (most myokines are peptides). A ``gene`` is a ``biolink:Gene``
whatever its identifiers. A ``cell`` with a GO identifier (mitochondrion, plasma
membrane) is a ``biolink:CellularComponent``; a ``condition`` with a MONDO or DOID
identifier a ``biolink:Disease``, with an HP one a ``biolink:PhenotypicFeature``. An
exercise modality is an organism's coordinated motor activity: ``biolink:Behavior``.

Categories → preferred id namespaces (:data:`ID_PREFIXES`): Biolink lists for each
class the namespaces its ids come from, in order of preference; the KGX export takes
a node's id from the first of these it has, so a complex is ``GO:0031588`` rather than
a MeSH heading and a protein a ``UniProtKB:`` record rather than its gene's HGNC id.

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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from metagraph.schema import Kind, Predicate

__all__ = [
    "CATEGORY_RULES",
    "ID_PREFIXES",
    "MOLECULAR_KINDS",
    "PREDICATE_MAP",
    "PREFIXES",
    "BiolinkPredicate",
    "CategoryRule",
    "category_of",
]


@dataclass(frozen=True)
class CategoryRule:
    """One row of :data:`CATEGORY_RULES`: which nodes get ``category``.

    A node matches when it has an identifier in one of ``prefixes`` (matched without
    case), or, with ``members=True``, when it lists members. A rule with neither is
    the kind's default and matches every node.

    Examples
    --------
    >>> rule = CategoryRule("biolink:SmallMolecule", frozenset({"chebi"}))
    >>> rule.matches({"chebi", "mesh"}, has_members=False), rule.matches(set(), has_members=True)
    (True, False)
    """

    category: str
    prefixes: frozenset[str] = frozenset()
    members: bool = False

    def matches(self, prefixes: set[str], *, has_members: bool) -> bool:
        """Whether a node with identifiers in ``prefixes`` (casefolded) and ``has_members`` gets this category."""
        if not self.prefixes and not self.members:
            return True
        return bool(self.prefixes & prefixes) or (self.members and has_members)


def _rule(category: str, *prefixes: str, members: bool = False) -> CategoryRule:
    return CategoryRule(category, frozenset(p.casefold() for p in prefixes), members)


# One set of rules for every molecular kind, most specific first: a complex's members
# carry protein identifiers, and a protein hormone (insulin) may carry a ChEBI id too.
_MOLECULE = (
    _rule("biolink:MacromolecularComplex", "FPLX", "ComplexPortal", members=True),
    _rule("biolink:Protein", "UniProt", "PR", "HGNC", "NCBIGene", "ENSEMBL"),
    _rule("biolink:SmallMolecule", "CHEBI"),
)

#: Kind → rules tried in order; the last is the kind's default.
CATEGORY_RULES: Mapping[Kind, tuple[CategoryRule, ...]] = MappingProxyType(
    {
        Kind.EXERCISE: (_rule("biolink:Behavior"),),
        Kind.GENE: (_rule("biolink:Gene"),),
        Kind.SIGNAL: (*_MOLECULE, _rule("biolink:MolecularEntity")),
        Kind.MYOKINE: (*_MOLECULE, _rule("biolink:Protein")),
        Kind.ORGAN: (_rule("biolink:GrossAnatomicalStructure"),),
        Kind.CELL: (_rule("biolink:Cell", "CL"), _rule("biolink:CellularComponent", "GO"), _rule("biolink:Cell")),
        Kind.PROCESS: (_rule("biolink:BiologicalProcess"),),
        Kind.OUTCOME: (_rule("biolink:PhenotypicFeature"),),
        Kind.CONDITION: (
            _rule("biolink:Disease", "MONDO", "DOID"),
            _rule("biolink:PhenotypicFeature", "HP"),
            _rule("biolink:DiseaseOrPhenotypicFeature"),
        ),
    }
)

#: Category → the namespaces (Biolink's spelling) its ids come from, in Biolink's order
#: of preference: the class's ``id_prefixes`` in the Biolink Model that :data:`PREFIXES`
#: can produce. Categories without ``id_prefixes`` (Behavior) have no preference.
ID_PREFIXES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "biolink:Gene": ("NCBIGene", "ENSEMBL", "HGNC"),
        "biolink:MacromolecularComplex": ("GO", "PR", "ComplexPortal"),
        "biolink:Protein": ("UniProtKB", "PR", "ENSEMBL", "NCIT", "MESH"),
        "biolink:SmallMolecule": ("CHEBI", "MESH"),
        "biolink:MolecularEntity": ("CHEBI", "MESH"),
        "biolink:GrossAnatomicalStructure": ("UBERON", "MESH", "NCIT"),
        "biolink:Cell": ("CL", "NCIT", "MESH", "UBERON"),
        "biolink:CellularComponent": ("GO", "MESH", "NCIT", "CL", "UBERON"),
        "biolink:BiologicalProcess": ("GO",),
        "biolink:PhenotypicFeature": ("HP", "EFO", "NCIT", "MESH"),
        "biolink:Disease": ("MONDO", "DOID", "EFO", "MESH", "NCIT", "HP"),
    }
)

#: Kinds whose nodes are molecules (an aspect qualifier applies to them).
MOLECULAR_KINDS = frozenset({Kind.GENE, Kind.SIGNAL, Kind.MYOKINE})

#: metagraph's identifier prefixes → the Biolink prefix map's spelling. Identifiers with
#: other prefixes (FPLX, EC) are kept as xrefs but never used as a node's KGX id.
PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "HGNC": "HGNC",
        "UniProt": "UniProtKB",
        "MESH": "MESH",
        "GO": "GO",
        "CHEBI": "CHEBI",
        "UBERON": "UBERON",
        "CL": "CL",
        "EFO": "EFO",
        "HP": "HP",
        "MONDO": "MONDO",
        "DOID": "DOID",
        "NCIT": "NCIT",
        "PR": "PR",
        "NCBIGene": "NCBIGene",
        "ENSEMBL": "ENSEMBL",
        "ComplexPortal": "ComplexPortal",
    }
)


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
PREDICATE_MAP: Mapping[Predicate, BiolinkPredicate] = MappingProxyType(
    {
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
        Predicate.HAS_COMPONENT: BiolinkPredicate("biolink:has_part"),
        Predicate.CONVERTS_TO: BiolinkPredicate("biolink:derives_into"),
        Predicate.MEMBER_OF: BiolinkPredicate("biolink:member_of"),
        Predicate.ASSOCIATED_WITH: BiolinkPredicate("biolink:associated_with"),
        Predicate.POSITIVELY_ASSOCIATED_WITH: BiolinkPredicate("biolink:positively_correlated_with"),
        Predicate.NEGATIVELY_ASSOCIATED_WITH: BiolinkPredicate("biolink:negatively_correlated_with"),
    }
)


def category_of(kind: Kind, xrefs: Iterable[str], *, members: Iterable[str] = ()) -> str:
    """Return the Biolink category of a node of ``kind`` with identifiers ``xrefs`` and ``members``.

    Parameters
    ----------
    kind
        The node's kind.
    xrefs
        Its identifiers (CURIEs; prefixes matched without case).
    members
        The identifiers of its members, for a complex.

    Examples
    --------
    >>> category_of(Kind.MYOKINE, ["CHEBI:27389"]), category_of(Kind.MYOKINE, ["UniProt:P05231"])
    ('biolink:SmallMolecule', 'biolink:Protein')
    >>> category_of(Kind.SIGNAL, ["MESH:D055372"], members=["HGNC:9376"]), category_of(Kind.CELL, ["GO:0005739"])
    ('biolink:MacromolecularComplex', 'biolink:CellularComponent')
    """
    prefixes = {x.partition(":")[0].casefold() for x in xrefs}
    has_members = any(True for _ in members)
    return next(rule.category for rule in CATEGORY_RULES[kind] if rule.matches(prefixes, has_members=has_members))
