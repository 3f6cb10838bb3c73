"""A small hand-built graph with the bundled graph's main routes, for examples and tests.

It keeps the bundled graph's node ids so that what works on it reads the same on the
real data, and it is small enough to check every answer by hand. Its quotes only
restate each edge: the toy graph is an example, not a source of evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from metagraph.models import Edge, Node, Reference

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["sample_graph"]

_NODES: list[tuple[str, str, str, list[str]]] = [
    ("hiit", "HIIT", "exercise", ["high-intensity interval training"]),
    ("resistance_training", "Resistance training", "exercise", ["RT", "strength training"]),
    ("atp_depletion", "ATP depletion", "signal", []),
    ("ros", "ROS", "signal", ["reactive oxygen species"]),
    ("ampk", "AMPK", "signal", ["AMP-activated protein kinase"]),
    ("pgc1a", "PGC-1α", "signal", ["PPARGC1A"]),
    ("fndc5", "FNDC5", "signal", []),
    ("irisin", "Irisin", "myokine", []),
    ("il6", "IL-6", "myokine", ["interleukin-6"]),
    ("skeletal_muscle", "Skeletal muscle", "organ", ["muscle"]),
    ("adipose_tissue", "Adipose tissue", "organ", ["fat tissue"]),
    ("white_adipose_tissue", "White adipose tissue", "organ", ["WAT"]),
    ("liver", "Liver", "organ", []),
    ("mitochondrial_biogenesis", "Mitochondrial biogenesis", "process", []),
    ("glucose_uptake", "Glucose uptake", "process", []),
    ("browning_of_white_fat", "Browning of white fat", "process", []),
    ("hepatic_glucose_production", "Hepatic glucose production", "process", []),
    ("insulin_sensitivity", "Insulin sensitivity", "outcome", []),
    ("visceral_fat", "Visceral fat", "outcome", []),
    ("lean_muscle_mass", "Lean muscle mass", "outcome", []),
    ("body_composition", "Body composition", "outcome", []),
    ("inflammation", "Inflammation", "condition", []),
    ("insulin_resistance", "Insulin resistance", "condition", []),
]

# (source, predicate, target, qualifiers, references)
_EDGES: list[tuple[str, str, str, dict[str, Any], tuple[str, ...]]] = [
    ("hiit", "increases", "atp_depletion", {}, ("seed_article",)),
    ("atp_depletion", "activates", "ampk", {}, ("seed_article",)),
    ("hiit", "increases", "ros", {}, ("seed_article", "shen2024")),
    ("ros", "activates", "ampk", {}, ("seed_article",)),
    ("ampk", "activates", "pgc1a", {}, ("seed_article", "shen2024")),
    ("pgc1a", "increases", "mitochondrial_biogenesis", {}, ("seed_article",)),
    ("pgc1a", "increases", "fndc5", {}, ("seed_article",)),
    ("fndc5", "cleaved_into", "irisin", {}, ("seed_article",)),
    ("irisin", "targets", "adipose_tissue", {}, ("seed_article",)),
    ("irisin", "increases", "browning_of_white_fat", {"location": "white_adipose_tissue"}, ("seed_article",)),
    ("white_adipose_tissue", "part_of", "adipose_tissue", {}, ("seed_article",)),
    ("skeletal_muscle", "secretes", "il6", {}, ("seed_article",)),
    ("il6", "targets", "liver", {}, ("seed_article",)),
    ("il6", "targets", "skeletal_muscle", {}, ("seed_article",)),
    ("il6", "increases", "glucose_uptake", {"location": "skeletal_muscle"}, ("seed_article",)),
    ("il6", "increases", "glucose_uptake", {"location": "adipose_tissue"}, ("seed_article",)),
    ("il6", "decreases", "hepatic_glucose_production", {"location": "liver", "hedged": True}, ("seed_article",)),
    ("mitochondrial_biogenesis", "increases", "insulin_sensitivity", {}, ("seed_article",)),
    ("glucose_uptake", "increases", "insulin_sensitivity", {}, ("seed_article",)),
    ("insulin_sensitivity", "decreases", "insulin_resistance", {}, ("seed_article", "shen2024")),
    ("ros", "increases", "inflammation", {"hedged": True}, ("seed_article",)),
    ("inflammation", "increases", "insulin_resistance", {}, ("seed_article",)),
    ("hiit", "increases", "mitochondrial_biogenesis", {"magnitude": "high"}, ("seed_article",)),
    ("resistance_training", "increases", "mitochondrial_biogenesis", {"magnitude": "moderate"}, ("seed_article",)),
    ("hiit", "increases", "insulin_sensitivity", {}, ("seed_article",)),
    ("resistance_training", "increases", "insulin_sensitivity", {"magnitude": "dramatic"}, ("seed_article",)),
    ("hiit", "increases", "glucose_uptake", {"mechanism": "insulin-dependent"}, ("seed_article",)),
    (
        "resistance_training",
        "increases",
        "glucose_uptake",
        {"magnitude": "significant", "mechanism": "insulin-independent"},
        ("seed_article",),
    ),
    ("hiit", "decreases", "visceral_fat", {"magnitude": "effective"}, ("seed_article",)),
    ("resistance_training", "increases", "lean_muscle_mass", {"magnitude": "superior"}, ("seed_article",)),
    ("visceral_fat", "part_of", "body_composition", {}, ("seed_article",)),
    ("lean_muscle_mass", "part_of", "body_composition", {}, ("seed_article",)),
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
        quote = f"{source.replace('_', ' ')} {predicate.replace('_', ' ')} {target.replace('_', ' ')}"
        qualifiers = dict(qualifiers)
        hedged = bool(qualifiers.pop("hedged", False))  # said per evidence item
        edges.append(
            Edge(
                source=source,
                target=target,
                predicate=predicate,
                **qualifiers,
                evidence=[{"reference": r, "quote": quote, "hedged": hedged} for r in refs],
            )
        )
    return MetaGraph(nodes, edges, _REFERENCES)
