"""The vocabularies of metagraph and the schema graph: which kinds each predicate may join.

This module is the one place where the rules of the data live. The loader enforces
them, the queries read them (which predicates carry an effect along a chain), the
renderers colour by them and the documentation is generated from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "ASSOCIATIONS",
    "KIND_ORDER",
    "PREDICATES",
    "EvidenceType",
    "Kind",
    "Magnitude",
    "Mechanism",
    "Predicate",
    "PredicateSpec",
    "Section",
    "Species",
    "Stance",
    "StudySystem",
    "Timescale",
    "allowed_predicates",
    "spec",
]


class Kind(StrEnum):
    """What a node is.

    ``gene`` and ``cell`` refine the seven kinds of the brief: the source separates a
    gene from its secreted product (myonectin is encoded by *ERFE*), and it names cell
    types and organelles (β-cells, beige adipocytes, mitochondria) that are neither
    organs nor molecules.

    Examples
    --------
    >>> Kind("myokine").description
    'a peptide or protein secreted by skeletal muscle that acts on other organs (irisin, IL-6)'
    """

    EXERCISE = "exercise"
    GENE = "gene"
    SIGNAL = "signal"
    MYOKINE = "myokine"
    ORGAN = "organ"
    CELL = "cell"
    PROCESS = "process"
    OUTCOME = "outcome"
    CONDITION = "condition"

    @property
    def description(self) -> str:
        """One line saying what belongs to this kind."""
        return _KIND_DESCRIPTIONS[self]


_KIND_DESCRIPTIONS = {
    Kind.EXERCISE: "an exercise modality or stimulus (HIIT, resistance training)",
    Kind.GENE: "a gene, when the source distinguishes it from its product (ERFE encodes myonectin)",
    Kind.SIGNAL: (
        "a molecular or cellular signal: kinase, transporter, transcription factor, "
        "metabolite, ROS, or a cellular state such as ATP depletion"
    ),
    Kind.MYOKINE: "a peptide or protein secreted by skeletal muscle that acts on other organs (irisin, IL-6)",
    Kind.ORGAN: "an organ or tissue (liver, adipose tissue, skeletal muscle)",
    Kind.CELL: "a cell type or cellular component (pancreatic β-cell, beige adipocyte, mitochondrion)",
    Kind.PROCESS: "a biological process (mitochondrial biogenesis, GLUT4 translocation, lipolysis)",
    Kind.OUTCOME: "a physiological outcome or measure (insulin sensitivity, visceral fat)",
    Kind.CONDITION: "a pathological condition (insulin resistance, chronic inflammation)",
}

#: Left-to-right order of kinds in a pathway figure, and the order of kinds in tables.
KIND_ORDER: tuple[Kind, ...] = (
    Kind.EXERCISE,
    Kind.GENE,
    Kind.SIGNAL,
    Kind.MYOKINE,
    Kind.ORGAN,
    Kind.CELL,
    Kind.PROCESS,
    Kind.OUTCOME,
    Kind.CONDITION,
)


class Predicate(StrEnum):
    """The closed vocabulary of edge predicates; see :data:`PREDICATES` for their rules."""

    ACTIVATES = "activates"
    INHIBITS = "inhibits"
    INCREASES = "increases"
    DECREASES = "decreases"
    REGULATES = "regulates"
    SECRETES = "secretes"
    CLEAVED_INTO = "cleaved_into"
    ENCODES = "encodes"
    TARGETS = "targets"
    PARTICIPATES_IN = "participates_in"
    LOCATED_IN = "located_in"
    PART_OF = "part_of"
    IS_A = "is_a"
    HAS_COMPONENT = "has_component"
    CONVERTS_TO = "converts_to"
    MEMBER_OF = "member_of"
    ASSOCIATED_WITH = "associated_with"
    POSITIVELY_ASSOCIATED_WITH = "positively_associated_with"
    NEGATIVELY_ASSOCIATED_WITH = "negatively_associated_with"


class Section(StrEnum):
    """The three sections of the source article."""

    FUNDAMENTALS = "Fundamentals"
    INTERMEDIATE = "Intermediate"
    ACADEMIC = "Academic"


class Timescale(StrEnum):
    """Whether an effect is the response to one bout or the adaptation to training."""

    ACUTE = "acute"
    CHRONIC = "chronic"


class EvidenceType(StrEnum):
    """What kind of support an evidence item is, as a term of the Evidence and Conclusion Ontology.

    The source article has no in-text citations, so its sentences are author statements
    *without* traceable support (ECO:0000303), not traceable ones: nothing in it says which
    of its references backs which claim.

    Examples
    --------
    >>> EvidenceType("curator_inference").eco
    'ECO:0000305'
    """

    AUTHOR_STATEMENT = "author_statement"
    TRACEABLE_AUTHOR_STATEMENT = "traceable_author_statement"
    CURATOR_INFERENCE = "curator_inference"
    EXPERIMENTAL = "experimental"

    @property
    def eco(self) -> str:
        """The ECO term (CURIE) of this evidence type."""
        return _ECO[self][0]

    @property
    def label(self) -> str:
        """The ECO term's label."""
        return _ECO[self][1]

    @property
    def description(self) -> str:
        """When to use it."""
        return _ECO[self][2]


_ECO = {
    EvidenceType.AUTHOR_STATEMENT: (
        "ECO:0000303",
        "author statement without traceable support used in manual assertion",
        "the reference's own words state the claim and cite nothing for it (the source article's sentences)",
    ),
    EvidenceType.TRACEABLE_AUTHOR_STATEMENT: (
        "ECO:0000304",
        "author statement supported by traceable reference used in manual assertion",
        "a review states the claim and cites the work that showed it",
    ),
    EvidenceType.CURATOR_INFERENCE: (
        "ECO:0000305",
        "curator inference used in manual assertion",
        "a curator's step that no reference states (e.g. a gene encodes its product); carries no quote",
    ),
    EvidenceType.EXPERIMENTAL: (
        "ECO:0000269",
        "experimental evidence used in manual assertion",
        "a primary paper's own finding, paraphrased by the curator, with species and system",
    ),
}


class Species(StrEnum):
    """The organism an experimental finding was made in."""

    HUMAN = "human"
    MOUSE = "mouse"
    RAT = "rat"
    OTHER = "other"


class StudySystem(StrEnum):
    """The experimental system of a finding."""

    CLINICAL_TRIAL = "clinical_trial"
    IN_VIVO = "in_vivo"
    EX_VIVO = "ex_vivo"
    IN_VITRO = "in_vitro"


class Stance(StrEnum):
    """Whether an evidence item supports the edge's claim or contradicts it (a contested claim)."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"


class Mechanism(StrEnum):
    """Whether an effect on glucose handling needs insulin."""

    INSULIN_DEPENDENT = "insulin-dependent"
    INSULIN_INDEPENDENT = "insulin-independent"


class Magnitude(StrEnum):
    """How strong the source says an effect is, in its own words."""

    HIGH = "high"
    MODERATE = "moderate"
    DRAMATIC = "dramatic"
    SIGNIFICANT = "significant"
    SUPERIOR = "superior"
    EFFECTIVE = "effective"
    POTENT = "potent"
    PROFOUND = "profound"


@dataclass(frozen=True)
class PredicateSpec:
    """The rules of one predicate.

    Attributes
    ----------
    predicate
        The predicate.
    sign
        +1 (raises the target), -1 (lowers it) or 0 (structural).
    sources, targets
        The node kinds it may join.
    transmits
        Whether an effect travels along it in a chain. Every signed predicate does;
        of the structural ones, only those that carry a signal onward (an organ
        secreting a myokine, a precursor cleaved into its product, a gene encoding
        its product) do. ``targets``, ``part_of`` and the like describe where or
        what, and end a chain rather than continue it.
    label
        Reads between the two names in a sentence ("AMPK activates PGC-1α").
    description
        What the predicate asserts.
    """

    predicate: Predicate
    sign: int
    sources: frozenset[Kind]
    targets: frozenset[Kind]
    transmits: bool
    label: str
    description: str

    @property
    def causal(self) -> bool:
        """True for signed predicates that carry an effect (a signed association is not causal)."""
        return self.sign != 0 and self.transmits


def _kinds(*names: str) -> frozenset[Kind]:
    return frozenset(Kind(n) for n in names)


_ACTORS = _kinds("exercise", "gene", "signal", "myokine", "organ", "cell", "process", "outcome", "condition")
_MOLECULAR = _kinds("gene", "signal", "myokine")
# Organs and cells are places, not quantities: causal edges end on what changes
# in them (a process, an outcome), and the place goes into the edge's `location`.
_AFFECTED = _kinds("gene", "signal", "myokine", "process", "outcome", "condition")
_PLACES = _kinds("organ", "cell")


def _p(
    predicate: str,
    sign: int,
    sources: frozenset[Kind],
    targets: frozenset[Kind],
    transmits: bool,
    label: str,
    description: str,
) -> PredicateSpec:
    return PredicateSpec(Predicate(predicate), sign, sources, targets, transmits, label, description)


#: The schema graph: every predicate with its sign, the kinds it may join and whether
#: an effect travels along it.
PREDICATES: Mapping[Predicate, PredicateSpec] = MappingProxyType(
    {
        s.predicate: s
        for s in (
            _p(
                "activates",
                +1,
                _ACTORS - _PLACES,
                _MOLECULAR | _kinds("process"),
                True,
                "activates",
                "switches on the activity of a molecule or process",
            ),
            _p(
                "inhibits",
                -1,
                _ACTORS - _PLACES,
                _MOLECULAR | _kinds("process"),
                True,
                "inhibits",
                "switches off or blocks the activity of a molecule or process",
            ),
            _p(
                "increases",
                +1,
                _ACTORS,
                _AFFECTED,
                True,
                "increases",
                "raises the amount, rate or degree of the target",
            ),
            _p(
                "decreases",
                -1,
                _ACTORS,
                _AFFECTED,
                True,
                "decreases",
                "lowers the amount, rate or degree of the target",
            ),
            _p(
                "regulates",
                0,
                _ACTORS - _PLACES,
                _AFFECTED,
                False,
                "regulates",
                "modulates the target in a direction the source does not state ('influences lipid metabolism')",
            ),
            _p(
                "secretes",
                0,
                _PLACES,
                _kinds("signal", "myokine"),
                True,
                "secretes",
                "an organ or cell releases a molecule into circulation or its surroundings",
            ),
            _p(
                "cleaved_into",
                0,
                _kinds("signal", "myokine"),
                _kinds("signal", "myokine"),
                True,
                "is cleaved into",
                "a precursor protein is proteolytically cleaved into the product",
            ),
            _p(
                "encodes",
                0,
                _kinds("gene"),
                _kinds("signal", "myokine"),
                True,
                "encodes",
                "a gene encodes the protein product",
            ),
            _p(
                "targets",
                0,
                _kinds("signal", "myokine"),
                _PLACES,
                False,
                "targets",
                "a circulating molecule acts on an organ or cell type",
            ),
            _p(
                "participates_in",
                0,
                _MOLECULAR,
                _kinds("process"),
                False,
                "participates in",
                "a molecule takes part in a process (GLUT4 in GLUT4 translocation)",
            ),
            _p(
                "located_in",
                0,
                _MOLECULAR | _kinds("process"),
                _PLACES,
                False,
                "is located in",
                "a molecule or process is found in an organ, cell or cellular component",
            ),
            _p(
                "part_of",
                0,
                _PLACES | _kinds("process", "outcome", "condition"),
                _PLACES | _kinds("process", "outcome", "condition"),
                False,
                "is part of",
                "a part and its whole (white adipose tissue is part of adipose tissue)",
            ),
            _p(
                "is_a",
                0,
                _ACTORS - _PLACES - _kinds("gene"),
                _ACTORS - _PLACES - _kinds("gene"),
                False,
                "is a",
                "a subclass and its class (HIIT is a form of exercise)",
            ),
            _p(
                "has_component",
                0,
                _kinds("exercise"),
                _kinds("exercise"),
                False,
                "combines",
                "a combined protocol and one of the protocols it combines (combined training combines HIIT)",
            ),
            _p(
                "converts_to",
                0,
                _kinds("cell"),
                _kinds("cell"),
                False,
                "converts into",
                "one cell type turns into another (white adipocytes into beige adipocytes)",
            ),
            _p(
                "member_of",
                0,
                _MOLECULAR,
                _MOLECULAR,
                True,
                "is one of",
                "a member of a group that a source names together and credits jointly (a table row's myokines);"
                " the group's effects are joint claims, carried onward only as such",
            ),
            _p(
                "associated_with",
                0,
                _ACTORS - _PLACES,
                _ACTORS - _PLACES,
                False,
                "is associated with",
                "the two go together, with no direction or cause stated; never followed as a cause",
            ),
            _p(
                "positively_associated_with",
                +1,
                _ACTORS - _PLACES,
                _ACTORS - _PLACES,
                False,
                "is positively associated with",
                "more of one goes with more of the other (a correlation, not a cause); never followed as a cause",
            ),
            _p(
                "negatively_associated_with",
                -1,
                _ACTORS - _PLACES,
                _ACTORS - _PLACES,
                False,
                "is negatively associated with",
                "more of one goes with less of the other (a correlation, not a cause); never followed as a cause",
            ),
        )
    }
)


#: Predicates that state a correlation or association: shown and exported, never followed
#: as a cause (a chain never passes through them, whatever their sign).
ASSOCIATIONS = frozenset(
    {Predicate.ASSOCIATED_WITH, Predicate.POSITIVELY_ASSOCIATED_WITH, Predicate.NEGATIVELY_ASSOCIATED_WITH}
)


def spec(predicate: str | Predicate) -> PredicateSpec:
    """Return the rules of a predicate.

    Examples
    --------
    >>> spec("inhibits").sign
    -1
    >>> spec("secretes").transmits
    True
    """
    return PREDICATES[Predicate(predicate)]


def allowed_predicates(source: str | Kind, target: str | Kind) -> list[Predicate]:
    """List the predicates that may join a node of kind ``source`` to one of kind ``target``.

    Examples
    --------
    >>> [str(p) for p in allowed_predicates("organ", "myokine")]
    ['increases', 'decreases', 'secretes']
    """
    s, t = Kind(source), Kind(target)
    return [p for p, r in PREDICATES.items() if s in r.sources and t in r.targets]
