"""Hand-built graphs for the render tests: a small exercise pathway and a hostile one.

They do not depend on the bundled data, which may still be growing.
"""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace

from metagraph import Edge, MetaGraph, Node, Reference

_NODES = [
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
_EDGES = [
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

REFERENCE = Reference(
    key="pedersen2012",
    title="Muscles, exercise and obesity: skeletal muscle as a secretory organ",
    authors=["Pedersen BK", "Febbraio MA"],
    journal="Nat Rev Endocrinol",
    year=2012,
    doi="10.1038/nrendo.2012.49",
)


def pathway() -> MetaGraph:
    """A 23-node, 25-edge exercise pathway with every kind and every edge sign."""
    nodes = [
        Node(id=i, name=n, kind=k, description=f"{n}: a test node.", synonyms=[f"{n} (syn)"], xrefs=[f"TEST:{j}"])
        for j, (i, n, k) in enumerate(_NODES)
    ]
    edges = [
        Edge(
            source=s,
            target=t,
            predicate=p,
            location=loc,
            evidence=[{"reference": "pedersen2012", "quote": f"{s} {p} {t}", "section": "Intermediate"}],
        )
        for s, t, p, loc in _EDGES
    ]
    return MetaGraph(nodes, edges, [REFERENCE])


def chain(graph: MetaGraph, *ids: str) -> SimpleNamespace:
    """A chain along the given node ids (the first edge between each pair), shaped like ``trace``'s."""
    edges = [graph.edges(source=a, target=b)[0] for a, b in pairwise(ids)]
    return SimpleNamespace(nodes=[graph.node(i) for i in ids], edges=edges)


#: Text that would run script or break markup if anything interpreted it.
EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_DESCRIPTION = (
    'See <a href="javascript:alert(2)">href</a> and <script>alert(3)</script> '
    "\"quotes\" 'single' & #hash; [brackets] {braces} |pipe| `tick` \\back"
)


def hostile() -> MetaGraph:
    """A graph whose names, descriptions and quotes are full of markup and special characters."""
    nodes = [
        Node(
            id="evil", name=EVIL_NAME, kind="signal", description=EVIL_DESCRIPTION, synonyms=['"quoted" name', "a]b[c"]
        ),
        Node(id="end", name='end "node" #1; <b>bold</b>', kind="process", description="href"),
        Node(id="o2", name="o2 -- x --> (paren) {brace} |pipe|", kind="outcome"),
    ]
    ev = [{"reference": "pedersen2012", "quote": '</script><script>alert(4)</script> \\ "q"'}]
    edges = [
        Edge(source="evil", target="end", predicate="inhibits", evidence=ev),
        Edge(source="end", target="o2", predicate="increases", evidence=ev, note="<i>note</i>"),
    ]
    return MetaGraph(nodes, edges, [REFERENCE])
