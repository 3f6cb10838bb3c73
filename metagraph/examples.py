"""A small hand-built graph with the bundled graph's main routes, for examples and tests.

It keeps the bundled graph's node ids so that what works on it reads the same on the
real data, and it is small enough to check every answer by hand. Its quotes only
restate each edge: the toy graph is an example, not a source of evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from metagraph.models import Edge, Evidence, Node, Reference
from metagraph.schema import Kind, Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["sample_graph"]

_NODES: list[tuple[str, str, Kind, list[str]]] = [
    ("hiit", "HIIT", Kind.EXERCISE, ["high-intensity interval training"]),
    ("resistance_training", "Resistance training", Kind.EXERCISE, ["RT", "strength training"]),
    ("atp_depletion", "ATP depletion", Kind.SIGNAL, []),
    ("ros", "ROS", Kind.SIGNAL, ["reactive oxygen species"]),
    ("ampk", "AMPK", Kind.SIGNAL, ["AMP-activated protein kinase"]),
    ("pgc1a", "PGC-1α", Kind.SIGNAL, ["PPARGC1A"]),
    ("fndc5", "FNDC5", Kind.SIGNAL, []),
    ("irisin", "Irisin", Kind.MYOKINE, []),
    ("il6", "IL-6", Kind.MYOKINE, ["interleukin-6"]),
    ("skeletal_muscle", "Skeletal muscle", Kind.ORGAN, ["muscle"]),
    ("adipose_tissue", "Adipose tissue", Kind.ORGAN, ["fat tissue"]),
    ("white_adipose_tissue", "White adipose tissue", Kind.ORGAN, ["WAT"]),
    ("liver", "Liver", Kind.ORGAN, []),
    ("mitochondrial_biogenesis", "Mitochondrial biogenesis", Kind.PROCESS, []),
    ("glucose_uptake", "Glucose uptake", Kind.PROCESS, []),
    ("browning_of_white_fat", "Browning of white fat", Kind.PROCESS, []),
    ("hepatic_glucose_production", "Hepatic glucose production", Kind.PROCESS, []),
    ("insulin_sensitivity", "Insulin sensitivity", Kind.OUTCOME, []),
    ("visceral_fat", "Visceral fat", Kind.OUTCOME, []),
    ("lean_muscle_mass", "Lean muscle mass", Kind.OUTCOME, []),
    ("body_composition", "Body composition", Kind.OUTCOME, []),
    ("inflammation", "Inflammation", Kind.CONDITION, []),
    ("insulin_resistance", "Insulin resistance", Kind.CONDITION, []),
]

# (source, predicate, target, qualifiers, references)
_EDGES: list[tuple[str, Predicate, str, dict[str, Any], tuple[str, ...]]] = [
    ("hiit", Predicate.INCREASES, "atp_depletion", {}, ("seed_article",)),
    ("atp_depletion", Predicate.ACTIVATES, "ampk", {}, ("seed_article",)),
    ("hiit", Predicate.INCREASES, "ros", {}, ("seed_article", "shen2024")),
    ("ros", Predicate.ACTIVATES, "ampk", {}, ("seed_article",)),
    ("ampk", Predicate.ACTIVATES, "pgc1a", {}, ("seed_article", "shen2024")),
    ("pgc1a", Predicate.INCREASES, "mitochondrial_biogenesis", {}, ("seed_article",)),
    ("pgc1a", Predicate.INCREASES, "fndc5", {}, ("seed_article",)),
    ("fndc5", Predicate.CLEAVED_INTO, "irisin", {}, ("seed_article",)),
    ("irisin", Predicate.TARGETS, "adipose_tissue", {}, ("seed_article",)),
    ("irisin", Predicate.INCREASES, "browning_of_white_fat", {"location": "white_adipose_tissue"}, ("seed_article",)),
    ("white_adipose_tissue", Predicate.PART_OF, "adipose_tissue", {}, ("seed_article",)),
    ("skeletal_muscle", Predicate.SECRETES, "il6", {}, ("seed_article",)),
    ("il6", Predicate.TARGETS, "liver", {}, ("seed_article",)),
    ("il6", Predicate.TARGETS, "skeletal_muscle", {}, ("seed_article",)),
    ("il6", Predicate.INCREASES, "glucose_uptake", {"location": "skeletal_muscle"}, ("seed_article",)),
    ("il6", Predicate.INCREASES, "glucose_uptake", {"location": "adipose_tissue"}, ("seed_article",)),
    (
        "il6",
        Predicate.DECREASES,
        "hepatic_glucose_production",
        {"location": "liver", "hedged": True},
        ("seed_article",),
    ),
    ("mitochondrial_biogenesis", Predicate.INCREASES, "insulin_sensitivity", {}, ("seed_article",)),
    ("glucose_uptake", Predicate.INCREASES, "insulin_sensitivity", {}, ("seed_article",)),
    ("insulin_sensitivity", Predicate.DECREASES, "insulin_resistance", {}, ("seed_article", "shen2024")),
    ("ros", Predicate.INCREASES, "inflammation", {"hedged": True}, ("seed_article",)),
    ("inflammation", Predicate.INCREASES, "insulin_resistance", {}, ("seed_article",)),
    ("hiit", Predicate.INCREASES, "mitochondrial_biogenesis", {"magnitude": "high"}, ("seed_article",)),
    (
        "resistance_training",
        Predicate.INCREASES,
        "mitochondrial_biogenesis",
        {"magnitude": "moderate"},
        ("seed_article",),
    ),
    ("hiit", Predicate.INCREASES, "insulin_sensitivity", {}, ("seed_article",)),
    ("resistance_training", Predicate.INCREASES, "insulin_sensitivity", {"magnitude": "dramatic"}, ("seed_article",)),
    ("hiit", Predicate.INCREASES, "glucose_uptake", {"mechanism": "insulin-dependent"}, ("seed_article",)),
    (
        "resistance_training",
        Predicate.INCREASES,
        "glucose_uptake",
        {"magnitude": "significant", "mechanism": "insulin-independent"},
        ("seed_article",),
    ),
    ("hiit", Predicate.DECREASES, "visceral_fat", {"magnitude": "effective"}, ("seed_article",)),
    ("resistance_training", Predicate.INCREASES, "lean_muscle_mass", {"magnitude": "superior"}, ("seed_article",)),
    ("visceral_fat", Predicate.PART_OF, "body_composition", {}, ("seed_article",)),
    ("lean_muscle_mass", Predicate.PART_OF, "body_composition", {}, ("seed_article",)),
]

_REFERENCES = [
    Reference(
        key="seed_article",
        type="web_page",
        title="Targeted exercise protocols and the reversal of metabolic dysregulation",
    ),
    Reference(
        key="shen2024",
        title="Potential molecular mechanism of exercise reversing insulin resistance and "
        "improving neurodegenerative diseases",
        authors=["Shen J", "Wang X", "Wang M", "Zhang H"],
        journal="Front Physiol",
        year=2024,
        volume="15",
        pages="1337442",
        doi="10.3389/fphys.2024.1337442",
    ),
]


def sample_graph() -> MetaGraph:
    """Return a 23-node graph with the bundled graph's main routes (HIIT → ROS/ATP → AMPK → PGC-1α ...).

    Examples
    --------
    >>> kg = sample_graph()
    >>> kg
    <MetaGraph: 23 nodes, 32 edges, 2 references>
    >>> kg.node("WAT").id
    'white_adipose_tissue'
    """
    from metagraph.graph import MetaGraph

    nodes = [Node(id=i, name=n, kind=k, synonyms=s) for i, n, k, s in _NODES]
    edges = []
    for source, predicate, target, qualifiers, refs in _EDGES:
        quote = f"{source.replace('_', ' ')} {predicate.value.replace('_', ' ')} {target.replace('_', ' ')}"
        edges.append(
            Edge(
                source=source,
                target=target,
                predicate=predicate,
                **qualifiers,
                evidence=[Evidence(reference=r, quote=quote) for r in refs],
            )
        )
    return MetaGraph(nodes, edges, _REFERENCES)
