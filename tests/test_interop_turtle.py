"""Tests of metagraph.interop.turtle: the Turtle loads into rdflib and answers SPARQL."""

from __future__ import annotations

from pathlib import Path

import rdflib
from hypothesis import HealthCheck, given, settings
from rdflib.namespace import RDF, RDFS, SKOS

from metagraph import MetaGraph
from metagraph.interop.turtle import EDGE, MYOKINES_REACHING_LIVER, NODE, VOCAB, turtle_literal
from tests.strategies import graph_records, texts

MG = rdflib.Namespace(VOCAB)
PREFIXES = f"PREFIX mg: <{VOCAB}>\nPREFIX node: <{NODE}>\nPREFIX rdfs: <{RDFS}>\n"


def _load(kg: MetaGraph, tmp_path: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(kg.export(tmp_path / "kg.ttl"), format="turtle")
    return g


def test_the_documented_query_answers_as_myokines_reaching_for_every_place(kg: MetaGraph, tmp_path: Path) -> None:
    g = _load(kg, tmp_path)
    places = [n for n in kg.nodes() if n.kind.value in ("organ", "cell")]
    assert len(places) > 5
    answered = 0
    for place in places:
        rows = g.query(MYOKINES_REACHING_LIVER.replace("node:liver", f"node:{place.id}"))
        names = [str(r.name) for r in rows]
        expected = kg.myokines_reaching(place.id)
        assert sorted(names) == sorted(n.name for n in expected), place.id
        assert not any(kg.edges(target=n.id, predicate="member_of") for n in expected)  # no group node
        answered += bool(names)
    assert answered >= 3  # the comparison is not between empty answers only


def test_sparql_myokines_that_target_the_liver(kg: MetaGraph, tmp_path: Path) -> None:
    g = _load(kg, tmp_path)
    rows = g.query(PREFIXES + "SELECT ?name WHERE { ?m a mg:Myokine ; mg:targets node:liver ; rdfs:label ?name }")
    names = {str(r.name) for r in rows}
    # the crosstalk table's liver row credits the liver to IL-6 and myonectin jointly: a group node
    assert "IL-6 and Myonectin (crosstalk table, liver row)" in names
    assert names == {
        kg.node(e.source).name
        for e in kg.edges(target="liver", predicate="targets")
        if kg.node(e.source).kind.value == "myokine"
    }


def test_statements_carry_evidence_and_qualifiers(kg: MetaGraph, tmp_path: Path) -> None:
    g = _load(kg, tmp_path)
    assert len(set(g.subjects(RDF.type, MG.Edge))) == kg.nx.number_of_edges()
    q = (
        PREFIXES
        + """SELECT ?quote ?ref ?where WHERE {
        ?e rdf:subject node:liver_row_myokines ; rdf:predicate mg:decreases ;
           rdf:object node:hepatic_glucose_production ;
           mg:location ?where ; mg:evidence ?ev . ?ev mg:quote ?quote ; mg:reference ?ref }"""
    )
    rows = list(g.query(q, initNs={"rdf": RDF}))
    edge = kg.edges(source="liver_row_myokines", target="hepatic_glucose_production", predicate="decreases")[0]
    assert {str(r.quote) for r in rows} == {ev.quote for ev in edge.evidence if ev.quote is not None}
    assert {str(r.where) for r in rows} == {NODE + "liver"}
    # the vocabulary is described in the file itself
    assert (MG.Myokine, RDFS.subClassOf, MG.Node) in g
    assert int(g.value(MG.inhibits, MG.sign)) == -1
    assert all(str(e).startswith(EDGE) for e in g.subjects(RDF.type, MG.Edge))


def test_references_keep_their_author_order(kg: MetaGraph, tmp_path: Path) -> None:
    g = _load(kg, tmp_path)
    ref = next(r for r in kg.references.values() if len(r.authors) > 1)
    subject = rdflib.URIRef(f"https://w3id.org/metagraph/reference/{ref.key}")
    authors = rdflib.collection.Collection(g, g.value(subject, MG.authorList))
    assert [str(a) for a in authors] == ref.authors


@given(texts)
def test_literals_read_back_exactly(text: str) -> None:
    g = rdflib.Graph()
    g.parse(data=f"<urn:s> <urn:p> {turtle_literal(text)} .", format="turtle")
    assert str(g.value(rdflib.URIRef("urn:s"), rdflib.URIRef("urn:p"))) == text


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(graph_records(max_nodes=8, max_edges=15))
def test_random_graphs_load_into_rdflib(records: tuple) -> None:
    kg = MetaGraph(*records)
    from metagraph.interop.turtle import to_turtle

    g = rdflib.Graph()
    g.parse(data=to_turtle(kg), format="turtle")
    for node in kg.nodes():
        iri = rdflib.URIRef(NODE + node.id)
        assert str(g.value(iri, RDFS.label)) == node.name
        assert {str(s) for s in g.objects(iri, SKOS.altLabel)} == set(node.synonyms)
    assert len(set(g.subjects(RDF.type, MG.Edge))) == kg.nx.number_of_edges()
    for edge in kg.edges():
        # a denied claim is only a statement (mg:negated true), never asserted as a triple
        triple = (rdflib.URIRef(NODE + edge.source), MG[edge.predicate.value], rdflib.URIRef(NODE + edge.target))
        assert (triple in g) is (
            not edge.negated
            or any(
                not e.negated and e.predicate == edge.predicate
                for e in kg.edges(source=edge.source, target=edge.target)
            )
        )
