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
    "KIND_ORDER",
    "PREDICATES",
    "Kind",
    "Magnitude",
    "Mechanism",
    "Predicate",
    "PredicateSpec",
    "Section",
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


class Section(StrEnum):
    """The three sections of the source article."""

    FUNDAMENTALS = "Fundamentals"
    INTERMEDIATE = "Intermediate"
    ACADEMIC = "Academic"


class Timescale(StrEnum):
    """Whether an effect is the response to one bout or the adaptation to training."""

    ACUTE = "acute"
    CHRONIC = "chronic"


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
        """True for signed predicates (``sign != 0``)."""
        return self.sign != 0


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
        )
    }
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
