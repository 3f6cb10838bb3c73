"""The library's main questions asked inside a database: Cypher for Neo4j, FalkorDB and Kùzu, SPARQL for Turtle.

Each function returns the text of one query over what :func:`metagraph.export` writes
(``cypher`` in a dialect, ``turtle``), answering as the library does:

* :func:`myokines_reaching_query`: the myokines acting on an organ or a part of it, as
  :meth:`MetaGraph.myokines_reaching <metagraph.MetaGraph.myokines_reaching>`: a myokine
  ``targets`` the place or has an effect edge located there; a denied claim does not
  count; a category (a node with ``is_a`` edges into it) is left out; a group (a node
  with ``member_of`` edges into it) counts for its members. Parameter ``$organ`` (the
  organ's id). Rows: ``name``, ``id``.
* :func:`chains_query`: every chain from ``$source`` to ``$target`` of at most
  ``max_hops`` edges, as ``kg.trace(source, target, max_hops=N, limit=None)`` finds them:
  simple paths along edges with ``transmits`` (an effect, not denied), never a
  chronic-only edge after an acute-only one. Rows: ``nodes`` (ids), ``keys`` (edge keys)
  and ``sign`` (+1 or -1: the parity of the negative edges, as
  :attr:`Chain.sign <metagraph.queries.chains.Chain.sign>`).
* :func:`reach_query`: everything downstream of ``$node`` (``upstream`` with
  ``reverse=True``), as :meth:`MetaGraph.downstream <metagraph.MetaGraph.downstream>`.
  Rows: ``id``, ``hops`` (the distance).

For the Turtle export, :func:`sparql_myokines_reaching` takes the organ's id as an
argument (SPARQL has no standard parameters). Chains and reach are not offered in SPARQL:
its property paths return no paths and cannot keep the timescale rule below, so they
would not give the library's answer.

The timescale rule of chains holds here too: a walk may take edges that are not
acute-only, then one acute-only edge, then only edges that are not chronic-only.

Examples
--------
>>> import kuzu, pathlib, tempfile, metagraph
>>> kg = metagraph.load()
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> script = kg.export(folder / "graph.cypher", dialect="kuzu").read_text(encoding="utf-8")
>>> conn = kuzu.Connection(kuzu.Database(str(folder / "db")))
>>> _ = conn.execute(script)
>>> rows = conn.execute(myokines_reaching_query("kuzu"), {"organ": "liver"}).get_all()
>>> [name for name, _ in rows]
['FGF21', 'IL-15', 'IL-6', 'Irisin', 'Myonectin', 'Myostatin']
"""

from __future__ import annotations

from metagraph.errors import ExportError
from metagraph.schema import PREDICATES, Predicate

__all__ = [
    "chains_query",
    "myokines_reaching_query",
    "reach_query",
    "sparql_myokines_reaching",
]

#: Kùzu needs an upper bound on a recursive pattern; chains and reach go at most this far there.
KUZU_MAX_HOPS = 30


def _effects() -> list[str]:
    # the predicates whose edges state an effect on their target (as metagraph.queries.reach)
    return sorted(p.value.upper() for p, s in PREDICATES.items() if s.causal or p is Predicate.REGULATES)


def _dialect(dialect: str) -> str:
    from metagraph.interop.cypher import _check_dialect

    return _check_dialect(dialect)


def _hops(max_hops: int | None, dialect: str) -> int | None:
    if max_hops is not None and (isinstance(max_hops, bool) or not isinstance(max_hops, int) or max_hops < 1):
        raise ExportError(f"max_hops must be a positive whole number, not {max_hops!r}")
    if dialect == "kuzu":
        if max_hops is not None and max_hops > KUZU_MAX_HOPS:
            raise ExportError(f"Kùzu queries go at most {KUZU_MAX_HOPS} hops; ask for fewer")
        return max_hops or KUZU_MAX_HOPS
    return max_hops


def myokines_reaching_query(dialect: str = "neo4j") -> str:
    """Return the query for the myokines reaching ``$organ`` (see the module docstring).

    Parameters
    ----------
    dialect
        ``"neo4j"``, ``"falkordb"`` (the same text) or ``"kuzu"``.

    Returns
    -------
    str
        A Cypher query with the parameter ``organ``; rows ``name``, ``id``, by name.

    Examples
    --------
    >>> print(myokines_reaching_query("neo4j").splitlines()[0])
    MATCH (place:Node)-[:PART_OF*0..]->(:Node {id: $organ})
    """
    name = _dialect(dialect)
    effects = ", ".join(f"'{p}'" for p in _effects())
    if name == "kuzu":
        return (
            f"MATCH (place)-[:PART_OF*0..{KUZU_MAX_HOPS}]->(organ {{id: $organ}})\n"
            "WITH collect(DISTINCT place.id) AS places\n"
            "MATCH (actor:Myokine)-[e]->(target)\n"
            "WHERE NOT e.negated AND NOT EXISTS { MATCH ()-[:IS_A]->(actor) }\n"
            "  AND ((label(e) = 'TARGETS' AND target.id IN places)\n"
            f"       OR (label(e) IN [{effects}] AND e.location IN places))\n"
            "OPTIONAL MATCH (member:Myokine)-[:MEMBER_OF]->(actor)\n"
            "WITH CASE WHEN member IS NULL THEN actor ELSE member END AS m\n"
            "RETURN DISTINCT m.name AS name, m.id AS id ORDER BY lower(name), id"
        )
    return (
        "MATCH (place:Node)-[:PART_OF*0..]->(:Node {id: $organ})\n"
        "WITH collect(DISTINCT place.id) AS places\n"
        "MATCH (actor:Myokine)-[e]->(target:Node)\n"
        "WHERE NOT e.negated AND NOT ()-[:IS_A]->(actor)\n"
        "  AND ((type(e) = 'TARGETS' AND target.id IN places)\n"
        f"       OR (type(e) IN [{effects}] AND e.location IN places))\n"
        "OPTIONAL MATCH (member:Myokine)-[:MEMBER_OF]->(actor)\n"
        "WITH CASE WHEN member IS NULL THEN actor ELSE member END AS m\n"
        "RETURN DISTINCT m.name AS name, m.id AS id ORDER BY toLower(name), id"
    )


def chains_query(dialect: str = "neo4j", *, max_hops: int = 6) -> str:
    """Return the query for every chain from ``$source`` to ``$target`` within ``max_hops`` edges.

    Parameters
    ----------
    dialect
        ``"neo4j"``, ``"falkordb"`` (the same text) or ``"kuzu"``.
    max_hops
        The longest chain, in edges (written into the query: Cypher takes no parameter there).

    Returns
    -------
    str
        A Cypher query with the parameters ``source`` and ``target``; rows ``nodes``,
        ``keys``, ``sign``.

    Raises
    ------
    ExportError
        An unknown dialect, or a ``max_hops`` that is not a positive whole number
        (for Kùzu, at most :data:`KUZU_MAX_HOPS`).

    Examples
    --------
    >>> print(chains_query("falkordb", max_hops=4).splitlines()[0])
    MATCH p = (:Node {id: $source})-[*1..4]->(:Node {id: $target})
    """
    name = _dialect(dialect)
    hops = _hops(max_hops, name)
    if name == "kuzu":
        return (
            f"MATCH p = (a {{id: $source}})-[* 1..{hops} (r, _ | WHERE r.transmits)]->(b {{id: $target}})\n"
            "WITH properties(nodes(p), 'id') AS ids, properties(rels(p), 'key') AS keys,\n"
            "     properties(rels(p), 'sign') AS signs,\n"
            "     list_reduce(list_transform(properties(rels(p), 'timescale'),\n"
            "                 x -> CASE WHEN x = 'acute' THEN 'a' WHEN x = 'chronic' THEN 'c' ELSE '-' END),\n"
            "                 (x, y) -> concat(x, y)) AS scales\n"
            "WHERE size(list_distinct(ids)) = size(ids) AND NOT regexp_matches(scales, 'a.*c')\n"
            "RETURN ids AS nodes, keys,\n"
            "       CASE WHEN size(list_filter(signs, x -> x < 0)) % 2 = 0 THEN 1 ELSE -1 END AS sign"
        )
    return (
        f"MATCH p = (:Node {{id: $source}})-[*1..{hops}]->(:Node {{id: $target}})\n"
        "WITH nodes(p) AS ns, relationships(p) AS rs\n"
        "WHERE all(r IN rs WHERE r.transmits)\n"
        "  AND all(i IN range(0, size(ns) - 2) WHERE all(j IN range(i + 1, size(ns) - 1) WHERE ns[i] <> ns[j]))\n"
        "  AND reduce(s = 0, r IN rs | CASE WHEN s = 2 OR (s = 1 AND r.timescale = 'chronic') THEN 2\n"
        "                                   WHEN r.timescale = 'acute' THEN 1 ELSE s END) < 2\n"
        "RETURN [n IN ns | n.id] AS nodes, [r IN rs | r.key] AS keys,\n"
        "       CASE WHEN size([r IN rs WHERE r.sign < 0]) % 2 = 0 THEN 1 ELSE -1 END AS sign"
    )


def reach_query(dialect: str = "neo4j", *, reverse: bool = False, max_hops: int | None = None) -> str:
    """Return the query for everything downstream (``reverse``: upstream) of ``$node``.

    Parameters
    ----------
    dialect
        ``"neo4j"``, ``"falkordb"`` or ``"kuzu"``.
    reverse
        Upstream: what can affect ``$node``.
    max_hops
        The furthest distance; ``None`` for no limit (Kùzu: :data:`KUZU_MAX_HOPS`). In
        Neo4j and FalkorDB the query walks paths, so give a limit on a large graph.

    Returns
    -------
    str
        A Cypher query with the parameter ``node``; rows ``id``, ``hops``: in Neo4j and
        FalkorDB one per node, nearest first; in Kùzu, which has no subqueries to take the
        least, a node may come with several distances, and the least is its distance.

    Examples
    --------
    >>> "SHORTEST" in reach_query("kuzu"), "SHORTEST" in reach_query("neo4j", max_hops=3)
    (True, False)
    """
    name = _dialect(dialect)
    hops = _hops(max_hops, name)
    # a walk: edges that are not acute-only, then (optionally) one acute-only edge and edges
    # that are not chronic-only (the timescale rule of metagraph.queries._paths)
    if name == "kuzu":
        early = "(r, _ | WHERE r.transmits AND (r.timescale IS NULL OR r.timescale <> 'acute'))"
        late = "(r, _ | WHERE r.transmits AND (r.timescale IS NULL OR r.timescale <> 'chronic'))"
        # forwards the walks read: early+ | early* acute late*; walked back from the node
        # they read: early+ | late* acute early*
        parts = []
        # the walk's parts: [early walk] [acute edge [late walk]]. Kùzu's shortest walks
        # start at one hop, so each shape is its own query; each stage keeps the least
        # distance to its end nodes (WITH ... min), so a walk is searched from those
        # nodes only, not from every node of the graph.
        left, right = ("<-", "-") if reverse else ("-", "->")
        acute = " WHERE t.transmits AND t.timescale = 'acute'"
        for shape in ("e", "t", "et", "tl", "etl"):
            near = late if reverse and "t" in shape else early
            far = early if reverse else late
            stages, at, dist = [], "a {id: $node}", "0"
            for i, step in enumerate(shape):
                end = "b" if i == len(shape) - 1 else f"n{i}"
                if step == "t":
                    match, add = f"MATCH ({at}){left}[t]{right}({end}){acute}", "1"
                else:
                    walk = near if step == "e" else far
                    match, add = f"MATCH ({at}){left}[w* SHORTEST 1..{hops} {walk}]{right}({end})", "length(w)"
                total = add if dist == "0" else f"{dist} + {add}"
                if end == "b":
                    stages.append(f"{match}\nWITH b AS b, min({total}) AS hops WHERE b.id <> $node")
                else:
                    stages.append(f"{match}\nWITH {end} AS {end}, min({total}) AS d{i}")
                at, dist = end, f"d{i}"
            parts.append("\n".join(stages) + "\nRETURN b.id AS id, hops")
        return "\nUNION\n".join(parts)
    bound = f"*1..{hops}" if hops is not None else "*1.."
    pattern = f"(b:Node)-[{bound}]->(:Node {{id: $node}})" if reverse else f"(:Node {{id: $node}})-[{bound}]->(b:Node)"
    return (
        f"MATCH p = {pattern}\n"
        "WITH b, relationships(p) AS rs\n"
        "WHERE b.id <> $node AND all(r IN rs WHERE r.transmits)\n"
        "  AND reduce(s = 0, r IN rs | CASE WHEN s = 2 OR (s = 1 AND r.timescale = 'chronic') THEN 2\n"
        "                                   WHEN r.timescale = 'acute' THEN 1 ELSE s END) < 2\n"
        "RETURN b.id AS id, min(size(rs)) AS hops ORDER BY hops, id"
    )


_SPARQL_PREFIXES = (
    "PREFIX mg: <https://w3id.org/metagraph/vocab#>\n"
    "PREFIX node: <https://w3id.org/metagraph/node/>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


def _iri(node_id: str) -> str:
    from metagraph.interop.turtle import NODE

    return f"<{NODE}{_quote(node_id)}>"


def _quote(node_id: str) -> str:
    from urllib.parse import quote

    return quote(node_id, safe="")


def sparql_myokines_reaching(organ: str) -> str:
    """Return the SPARQL query for the myokines reaching an organ, over the Turtle export.

    Parameters
    ----------
    organ
        The organ's (or cell type's) id.

    Returns
    -------
    str
        A SPARQL query; rows ``name``, ``id`` (the node id), by name.

    Examples
    --------
    >>> import metagraph, rdflib
    >>> from metagraph.interop.turtle import to_turtle
    >>> kg = metagraph.load()
    >>> rdf = rdflib.Graph().parse(data=to_turtle(kg), format="turtle")
    >>> [str(row.name) for row in rdf.query(sparql_myokines_reaching("liver"))]
    ['FGF21', 'IL-15', 'IL-6', 'Irisin', 'Myonectin', 'Myostatin']
    """
    effects = " ".join(f"mg:{p.lower()}" for p in _effects())
    return (
        _SPARQL_PREFIXES + "SELECT DISTINCT ?name ?id WHERE {\n"
        f"  ?place mg:part_of* {_iri(organ)} .\n"
        "  { ?actor mg:targets ?place }\n"
        "  UNION\n"
        "  { ?edge a mg:Edge ; rdf:subject ?actor ; rdf:predicate ?p ; mg:location ?place ;\n"
        "          mg:negated false .\n"
        f"    VALUES ?p {{ {effects} }} }}\n"
        "  ?actor a mg:Myokine .\n"
        "  FILTER NOT EXISTS { ?category mg:is_a ?actor }\n"
        "  ?m mg:member_of? ?actor ; rdfs:label ?name ; mg:id ?id .\n"
        "  FILTER NOT EXISTS { ?member mg:member_of ?m }\n"
        "} ORDER BY LCASE(?name) ?id"
    )
