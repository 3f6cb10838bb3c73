"""Small hand-built graphs, for examples and tests; one home for every sample graph.

:func:`sample_graph` has the bundled graph's main routes and node ids, so that what
works on it reads the same on the real data. :func:`pathway_graph` is a pathway with
every kind and every sign of edge, and :func:`hostile_graph` one whose text is full of
markup, for testing that diagrams show text as written. All are small enough to check
every answer by hand, and none depends on the bundled data, which may still be
growing. Their quotes only restate each edge: they are examples, not evidence.
"""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from metagraph.models import Edge, Evidence, Node, Reference
from metagraph.schema import Kind, Predicate, Section

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["HOSTILE_DESCRIPTION", "HOSTILE_NAME", "chain_along", "hostile_graph", "pathway_graph", "sample_graph"]

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
        qualifiers = dict(qualifiers)
        hedged = bool(qualifiers.pop("hedged", False))  # said per evidence item
        edges.append(
            Edge(
                source=source,
                target=target,
                predicate=predicate,
                **qualifiers,
                evidence=[Evidence(reference=r, quote=quote, hedged=hedged) for r in refs],
            )
        )
    return MetaGraph(nodes, edges, _REFERENCES)


# -- a pathway with every kind and every edge sign ------------------------------------
_PATHWAY_NODES: list[tuple[str, str, str]] = [
    ("hiit", "HIIT", "exercise"),
    ("resistance_training", "Resistance training", "exercise"),
    ("erfe", "ERFE", "gene"),
    ("fndc5", "FNDC5", "signal"),
    ("atp_depletion", "ATP depletion", "signal"),
    ("ampk", "AMPK", "signal"),
    ("pgc1a", "PGC-1α", "signal"),
    ("glut4", "GLUT4", "signal"),
    ("irisin", "Irisin", "myokine"),
    ("il6", "IL-6", "myokine"),
    ("myonectin", "Myonectin", "myokine"),
    ("skeletal_muscle", "Skeletal muscle", "organ"),
    ("adipose_tissue", "Adipose tissue", "organ"),
    ("white_adipose_tissue", "White adipose tissue", "organ"),
    ("beta_cell", "Pancreatic β-cell", "cell"),
    ("mitochondrial_biogenesis", "Mitochondrial biogenesis", "process"),
    ("glut4_translocation", "GLUT4 translocation", "process"),
    ("glucose_uptake", "Glucose uptake", "process"),
    ("browning_of_white_fat", "Browning of white fat", "process"),
    ("insulin_sensitivity", "Insulin sensitivity", "outcome"),
    ("visceral_fat", "Visceral fat", "outcome"),
    ("inflammation", "Inflammation", "condition"),
    ("insulin_resistance", "Insulin resistance", "condition"),
]

#: (source, target, predicate, location)
_PATHWAY_EDGES: list[tuple[str, str, str, str | None]] = [
    ("hiit", "atp_depletion", "increases", None),
    ("atp_depletion", "ampk", "activates", None),
    ("ampk", "pgc1a", "activates", None),
    ("pgc1a", "mitochondrial_biogenesis", "increases", None),
    ("ampk", "glut4_translocation", "increases", None),
    ("glut4", "glut4_translocation", "participates_in", None),
    ("glut4_translocation", "glucose_uptake", "increases", None),
    ("glucose_uptake", "insulin_sensitivity", "increases", None),
    ("hiit", "insulin_sensitivity", "increases", None),
    ("resistance_training", "insulin_sensitivity", "increases", None),
    ("hiit", "visceral_fat", "decreases", None),
    ("skeletal_muscle", "irisin", "secretes", None),
    ("skeletal_muscle", "il6", "secretes", None),
    ("fndc5", "irisin", "cleaved_into", None),
    ("irisin", "adipose_tissue", "targets", None),
    ("irisin", "browning_of_white_fat", "increases", "white_adipose_tissue"),
    ("white_adipose_tissue", "adipose_tissue", "part_of", None),
    ("il6", "inflammation", "decreases", None),
    ("il6", "glucose_uptake", "increases", "skeletal_muscle"),
    ("il6", "glucose_uptake", "increases", "adipose_tissue"),
    ("inflammation", "insulin_resistance", "increases", None),
    ("insulin_sensitivity", "insulin_resistance", "decreases", None),
    ("pgc1a", "fndc5", "increases", None),
    ("erfe", "myonectin", "encodes", None),
    ("myonectin", "glucose_uptake", "increases", "skeletal_muscle"),
]

_PEDERSEN = Reference(
    key="pedersen2012",
    title="Muscles, exercise and obesity: skeletal muscle as a secretory organ",
    authors=["Pedersen BK", "Febbraio MA"],
    journal="Nat Rev Endocrinol",
    year=2012,
    doi="10.1038/nrendo.2012.49",
)


def pathway_graph() -> MetaGraph:
    """Return a 23-node, 25-edge exercise pathway with every kind and every sign of edge.

    Every node has a description, a synonym (its name + " (syn)") and a cross-reference;
    every edge one quote that restates it. Two parallel ``il6 → glucose_uptake`` edges
    differ only in their location.

    Examples
    --------
    >>> kg = pathway_graph()
    >>> kg
    <MetaGraph: 23 nodes, 25 edges, 1 references>
    >>> sorted({e.sign for e in kg.edges()})
    [-1, 0, 1]
    >>> kg.node("PGC-1α (syn)").id
    'pgc1a'
    """
    from metagraph.graph import MetaGraph

    nodes = [
        Node(id=i, name=n, kind=Kind(k), description=f"{n}: a test node.", synonyms=[f"{n} (syn)"], xrefs=[f"TEST:{j}"])
        for j, (i, n, k) in enumerate(_PATHWAY_NODES)
    ]
    edges = [
        Edge(
            source=s,
            target=t,
            predicate=Predicate(p),
            location=loc,
            evidence=[Evidence(reference="pedersen2012", quote=f"{s} {p} {t}", section=Section.INTERMEDIATE)],
        )
        for s, t, p, loc in _PATHWAY_EDGES
    ]
    return MetaGraph(nodes, edges, [_PEDERSEN])


def chain_along(graph: MetaGraph, *ids: str) -> SimpleNamespace:
    """Return a chain along the given node ids (the first edge between each pair), shaped like ``trace``'s.

    It has ``.nodes`` (:class:`~metagraph.Node`) and ``.edges`` (:class:`~metagraph.Edge`),
    which is all a diagram's ``highlight`` needs.

    Raises
    ------
    IndexError
        Two consecutive ids with no edge from the first to the second.

    Examples
    --------
    >>> c = chain_along(pathway_graph(), "hiit", "atp_depletion", "ampk")
    >>> [n.name for n in c.nodes], [e.predicate.value for e in c.edges]
    (['HIIT', 'ATP depletion', 'AMPK'], ['increases', 'activates'])
    """
    edges = [graph.edges(source=a, target=b)[0] for a, b in pairwise(ids)]
    return SimpleNamespace(nodes=[graph.node(i) for i in ids], edges=edges)


# -- a graph whose text would run script or break markup if anything interpreted it ---
#: A node name that is an HTML element with a script in it.
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
#: A description with a link, a script, quotes and every character Mermaid or DOT treats specially.
HOSTILE_DESCRIPTION = (
    'See <a href="javascript:alert(2)">href</a> and <script>alert(3)</script> '
    "\"quotes\" 'single' & #hash; [brackets] {braces} |pipe| `tick` \\back"
)


def hostile_graph() -> MetaGraph:
    """Return a 3-node graph whose names, descriptions and quotes are full of markup and special characters.

    A diagram of it must show every text as written and run nothing.

    Examples
    --------
    >>> kg = hostile_graph()
    >>> kg.node("evil").name == HOSTILE_NAME, [e.predicate.value for e in kg.edges()]
    (True, ['inhibits', 'increases'])
    """
    from metagraph.graph import MetaGraph

    nodes = [
        Node(
            id="evil",
            name=HOSTILE_NAME,
            kind=Kind.SIGNAL,
            description=HOSTILE_DESCRIPTION,
            synonyms=['"quoted" name', "a]b[c"],
        ),
        Node(id="end", name='end "node" #1; <b>bold</b>', kind=Kind.PROCESS, description="href"),
        Node(id="o2", name="o2 -- x --> (paren) {brace} |pipe|", kind=Kind.OUTCOME),
    ]
    ev = [Evidence(reference="pedersen2012", quote='</script><script>alert(4)</script> \\ "q"')]
    edges = [
        Edge(source="evil", target="end", predicate=Predicate.INHIBITS, evidence=ev),
        Edge(source="end", target="o2", predicate=Predicate.INCREASES, evidence=ev, note="<i>note</i>"),
    ]
    return MetaGraph(nodes, edges, [_PEDERSEN])
