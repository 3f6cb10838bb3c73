"""The graph as RDF (Turtle), for rdflib, Oxigraph and any SPARQL store.

The vocabulary is small and self-described in the output. Its IRIs live under
``https://w3id.org/metagraph/``; they are names only: nothing fetches them, and the
file holds every definition it uses.

=================  ======================================================================
``mg:``            ``https://w3id.org/metagraph/vocab#``: classes and properties
``node:``          ``https://w3id.org/metagraph/node/``: one IRI per node id (``node:il6``)
``ref:``           ``https://w3id.org/metagraph/reference/``: one IRI per reference key
edges              ``https://w3id.org/metagraph/edge/SOURCE/KEY/TARGET`` (key percent-encoded)
=================  ======================================================================

* Each node is typed with its kind's class (``mg:Myokine``, a subclass of ``mg:Node``)
  and has ``rdfs:label`` (name), ``mg:id``, ``mg:kind``, ``skos:altLabel`` (synonyms),
  ``mg:xref`` (exact matches) and ``mg:member`` (CURIE literals), ``mg:closeMatch``,
  ``mg:broadMatch``, ``mg:narrowMatch`` and ``mg:relatedMatch`` (approximate matches, in
  the SKOS sense, as CURIE literals; never ``mg:xref``) and ``dcterms:description``.
* Each edge is a direct triple ``node:il6 mg:targets node:liver`` (the predicate's
  own name under ``mg:``: ``mg:cleaved_into``), so SPARQL reads like the graph, and also a statement
  (``mg:Edge``, an ``rdf:Statement``: ``rdf:subject``/``rdf:predicate``/``rdf:object``)
  carrying ``mg:key``, ``mg:sign``, ``mg:transmits``, ``mg:location`` and ``mg:modality``
  (node IRIs), ``mg:magnitude``, ``mg:timescale``, ``mg:mechanism``, ``mg:hedged``,
  ``mg:negated``, ``mg:summary``, ``mg:contested``, ``mg:inferred``,
  ``rdfs:comment`` (the note) and ``mg:evidence``: nodes with ``mg:position`` (order),
  ``mg:reference`` (a reference IRI), ``mg:quote``, ``mg:section``, ``mg:provenance``.
  Each evidence node also has ``mg:evidenceType`` (an ECO CURIE), ``mg:stance``,
  ``mg:hedged``, ``mg:finding``, ``mg:species`` and ``mg:system``. A negated edge (a
  claim the source denies) is only the statement, with ``mg:negated true``: its direct
  triple is not written, so a SPARQL query never reads the denied claim as asserted.
* Each reference is a ``mg:Reference`` with ``mg:key``, ``dcterms:title``,
  ``mg:referenceType``, ``mg:authorList`` (an RDF list, in order), ``mg:journal``,
  ``dcterms:issued`` (``xsd:gYear``), ``mg:volume``, ``mg:issue``, ``mg:pages``,
  ``mg:doi``, ``mg:pmid``, ``mg:url``, ``mg:asCited``, ``mg:discrepancy``, ``rdfs:comment``.

Literals are escaped here (no RDF library needed to write); rdflib is needed only to
read the result.

Examples
--------
A SPARQL query for the myokines reaching the liver, as :meth:`MetaGraph.myokines_reaching
<metagraph.graph.MetaGraph.myokines_reaching>` answers it: myokines that target the
liver or one of its parts (``mg:part_of``, transitively), or whose effect edge
(``increases``, ``decreases``, ``activates``, ``inhibits``, ``regulates``; not denied)
is located there; a group acting there (a node with ``mg:member_of`` edges into it)
counts for its members (``mg:member_of?``: the myokine itself or a group it is in) and
is not listed itself, and a category (a node with ``mg:is_a`` edges into it) for
none (the query is :data:`MYOKINES_REACHING_LIVER`)::

    PREFIX mg: <https://w3id.org/metagraph/vocab#>
    PREFIX node: <https://w3id.org/metagraph/node/>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?name WHERE {
      ?place mg:part_of* node:liver .
      { ?actor mg:targets ?place }
      UNION
      { ?edge a mg:Edge ; rdf:subject ?actor ; rdf:predicate ?p ; mg:location ?place ;
              mg:negated false .
        VALUES ?p { mg:increases mg:decreases mg:activates mg:inhibits mg:regulates } }
      ?actor a mg:Myokine .
      FILTER NOT EXISTS { ?category mg:is_a ?actor }
      ?m mg:member_of? ?actor ; a mg:Myokine ; rdfs:label ?name .
      FILTER NOT EXISTS { ?member mg:member_of ?m }
    } ORDER BY LCASE(?name)

>>> import metagraph, rdflib
>>> kg = metagraph.load()
>>> rdf = rdflib.Graph().parse(data=to_turtle(kg), format="turtle")
>>> answer = [str(row.name) for row in rdf.query(MYOKINES_REACHING_LIVER)]
>>> answer == [n.name for n in kg.myokines_reaching("liver")]
True
>>> answer
['FGF21', 'IL-15', 'IL-6', 'Irisin', 'Myonectin', 'Myostatin']
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from metagraph.schema import PREDICATES, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Node, Reference

__all__ = [
    "BASE",
    "EDGE",
    "MYOKINES_REACHING_LIVER",
    "NODE",
    "REFERENCE",
    "VOCAB",
    "class_of",
    "to_turtle",
    "turtle_literal",
]

BASE = "https://w3id.org/metagraph/"
VOCAB = BASE + "vocab#"
NODE = BASE + "node/"
REFERENCE = BASE + "reference/"
EDGE = BASE + "edge/"

#: The module's example SPARQL query (the myokines reaching the liver), taken from its docstring.
MYOKINES_REACHING_LIVER = (
    (__doc__ or "").split("none (the query is :data:`MYOKINES_REACHING_LIVER`)::\n")[1].split("\n\n")[0]
)

_PREFIXES = {
    "mg": VOCAB,
    "node": NODE,
    "ref": REFERENCE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def turtle_literal(text: str) -> str:
    """Return ``text`` as a quoted Turtle string literal.

    Examples
    --------
    >>> print(turtle_literal('say "hi"\\\\n'))
    "say \\"hi\\"\\\\n"
    """
    out = []
    for ch in text:
        if ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def class_of(kind: Kind | str) -> str:
    """Return the vocabulary class of a kind, as a prefixed name.

    Examples
    --------
    >>> class_of("myokine")
    'mg:Myokine'
    """
    return "mg:" + Kind(kind).value.capitalize()


def _edge_iri(edge: Edge) -> str:
    return f"<{EDGE}{edge.source}/{quote(edge.key, safe='')}/{edge.target}>"


#: Node fields of the approximate matches → their properties (CURIE literals, like ``mg:xref``).
_MATCH_PROPERTIES = {
    "close_matches": "closeMatch",
    "broad_matches": "broadMatch",
    "narrow_matches": "narrowMatch",
    "related_matches": "relatedMatch",
}


def _vocabulary() -> list[str]:
    out = [
        'mg:Node a rdfs:Class ; rdfs:label "node" .',
        'mg:Edge a rdfs:Class ; rdfs:subClassOf rdf:Statement ; rdfs:label "edge" .',
        'mg:Evidence a rdfs:Class ; rdfs:label "evidence" .',
        'mg:Reference a rdfs:Class ; rdfs:label "reference" .',
    ]
    for kind in Kind:
        out.append(
            f"{class_of(kind)} a rdfs:Class ; rdfs:subClassOf mg:Node ; "
            f"rdfs:label {turtle_literal(kind.value)} ; rdfs:comment {turtle_literal(kind.description)} ."
        )
    for pred, rule in PREDICATES.items():
        out.append(
            f"mg:{pred.value} a rdf:Property ; rdfs:label {turtle_literal(rule.label)} ; "
            f"rdfs:comment {turtle_literal(rule.description)} ; mg:sign {rule.sign} ; "
            f"mg:transmits {str(rule.transmits).lower()} ."
        )
    return out


def _node(node: Node) -> str:
    parts = [
        f"node:{node.id} a {class_of(node.kind)}",
        f"rdfs:label {turtle_literal(node.name)}",
        f"mg:id {turtle_literal(node.id)}",
        f"mg:kind {turtle_literal(node.kind.value)}",
    ]
    parts += [f"skos:altLabel {turtle_literal(s)}" for s in node.synonyms]
    parts += [f"mg:xref {turtle_literal(x)}" for x in node.xrefs]
    parts += [f"mg:member {turtle_literal(x)}" for x in node.members]
    for field, prop in _MATCH_PROPERTIES.items():
        parts += [f"mg:{prop} {turtle_literal(x)}" for x in getattr(node, field)]
    if node.description:
        parts.append(f"dcterms:description {turtle_literal(node.description)}")
    return " ;\n    ".join(parts) + " ."


def _edge(edge: Edge) -> list[str]:
    pred = f"mg:{edge.predicate.value}"
    direct = f"node:{edge.source} {pred} node:{edge.target} ."
    rule = PREDICATES[edge.predicate]
    parts = [
        f"{_edge_iri(edge)} a mg:Edge",
        f"rdf:subject node:{edge.source}",
        f"rdf:predicate {pred}",
        f"rdf:object node:{edge.target}",
        f"mg:key {turtle_literal(edge.key)}",
        f"mg:sign {edge.sign}",
        f"mg:transmits {str(rule.transmits).lower()}",
        f"mg:hedged {str(edge.hedged).lower()}",
        f"mg:negated {str(edge.negated).lower()}",
        f"mg:summary {str(edge.summary).lower()}",
        f"mg:contested {str(edge.contested).lower()}",
        f"mg:inferred {str(edge.inferred).lower()}",
    ]
    if edge.location:
        parts.append(f"mg:location node:{edge.location}")
    if edge.modality:
        parts.append(f"mg:modality node:{edge.modality}")
    for name in ("magnitude", "timescale", "mechanism"):
        value = getattr(edge, name)
        if value is not None:
            parts.append(f"mg:{name} {turtle_literal(value.value)}")
    if edge.note:
        parts.append(f"rdfs:comment {turtle_literal(edge.note)}")
    for i, ev in enumerate(edge.evidence):
        inner = [
            f"mg:position {i}",
            f"mg:reference ref:{ev.reference}",
            f"mg:evidenceType {turtle_literal(ev.type.eco)}",
            f"mg:stance {turtle_literal(ev.stance.value)}",
            f"mg:hedged {str(ev.hedged).lower()}",
        ]
        if ev.quote is not None:
            inner.append(f"mg:quote {turtle_literal(ev.quote)}")
        if ev.finding is not None:
            inner.append(f"mg:finding {turtle_literal(ev.finding)}")
        for name in ("species", "system"):
            value = getattr(ev, name)
            if value is not None:
                inner.append(f"mg:{name} {turtle_literal(value.value)}")
        if ev.section is not None:
            inner.append(f"mg:section {turtle_literal(ev.section.value)}")
        if ev.provenance is not None:
            inner.append(f"mg:provenance {turtle_literal(ev.provenance)}")
        parts.append("mg:evidence [ a mg:Evidence ; " + " ; ".join(inner) + " ]")
    # a denied claim is a statement about the claim, never the claim itself as a triple
    return ([] if edge.negated else [direct]) + [" ;\n    ".join(parts) + " ."]


def _reference(ref: Reference) -> str:
    parts = [
        f"ref:{ref.key} a mg:Reference",
        f"mg:key {turtle_literal(ref.key)}",
        f"dcterms:title {turtle_literal(ref.title)}",
        f"mg:referenceType {turtle_literal(ref.type)}",
    ]
    if ref.authors:
        parts.append("mg:authorList ( " + " ".join(turtle_literal(a) for a in ref.authors) + " )")
    if ref.year is not None:
        parts.append(f'dcterms:issued "{ref.year:04d}"^^xsd:gYear')
    for name, prop in (
        ("journal", "journal"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("pages", "pages"),
        ("doi", "doi"),
        ("pmid", "pmid"),
        ("url", "url"),
        ("as_cited", "asCited"),
        ("note", None),
    ):
        value = getattr(ref, name)
        if value is not None:
            parts.append(f"{'mg:' + prop if prop else 'rdfs:comment'} {turtle_literal(value)}")
    parts += [f"mg:discrepancy {turtle_literal(d)}" for d in ref.discrepancies]
    return " ;\n    ".join(parts) + " ."


def to_turtle(graph: MetaGraph) -> str:
    """Return the graph as Turtle text (see the module docstring for the vocabulary).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="il6", name="IL-6", kind="myokine"), Node(id="liver", name="Liver", kind="organ")],
    ...                [Edge(source="il6", target="liver", predicate="targets",
    ...                      evidence=[{"reference": "r", "quote": "IL-6 acts on the liver"}])],
    ...                [Reference(key="r", title="T")])
    >>> "node:il6 mg:targets node:liver ." in to_turtle(kg)
    True
    """
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in _PREFIXES.items()]
    lines += [
        "",
        f"# metagraph: {len(graph)} nodes, {graph.nx.number_of_edges()} edges, "
        f"{len(graph.references)} references. Vocabulary: {VOCAB}",
        "",
    ]
    lines += _vocabulary()
    lines.append("")
    lines += [_node(n) for n in graph.nodes()]
    lines.append("")
    for u, v, k in graph.nx.edges(keys=True):
        lines += _edge(graph.edge_model(u, v, k))
    lines.append("")
    lines += [_reference(r) for r in graph.references.values()]
    return "\n".join(lines) + "\n"
