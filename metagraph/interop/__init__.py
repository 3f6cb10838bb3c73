"""Bring data in and take the graph out: table import, merge, identifier checks, exports.

==========================  ==============================================================
:mod:`~.table`              :func:`read_table`: CSV/TSV edge lists → a graph, every bad row reported
:mod:`~.merge`              ``MetaGraph.merge``: unify overlapping graphs, report conflicts
:mod:`~.identifiers`        ``MetaGraph.check_identifiers``: CURIE syntax, known hazards
:mod:`~.export`             ``MetaGraph.export``: choose a format, write whole or nothing
:mod:`~.jsondoc`            json / yaml: the data format itself (lossless)
:mod:`~.graphml`            graphml: networkx, igraph, Gephi, yEd
:mod:`~.cytoscape`          cytoscape: Cytoscape.js / desktop JSON with the HTML view's style
:mod:`~.csvfiles`           csv: nodes.csv, edges.csv, references.csv
:mod:`~.kgx`, :mod:`~.biolink`  kgx: KGX TSV with Biolink categories and predicates
:mod:`~.cypher`             cypher: Cypher script and neo4j-admin import files
:mod:`~.turtle`             turtle: RDF for rdflib, Oxigraph and SPARQL stores
==========================  ==============================================================

The modules import each other lazily from :class:`MetaGraph`'s methods, so
``import metagraph`` does not load them.
"""
