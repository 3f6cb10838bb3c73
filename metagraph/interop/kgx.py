"""The graph as KGX TSV (``nodes.tsv``, ``edges.tsv``), to join Biolink-aligned knowledge graphs.

Kinds and predicates become Biolink categories and predicates through the tables in
:mod:`metagraph.interop.biolink`; a node's category follows from its kind and its
identifiers (a myokine with a ChEBI id is a ``biolink:SmallMolecule``). A node's KGX
``id`` is one of its identifiers whose prefix the Biolink prefix map knows
(``UniProt:`` written ``UniProtKB:``) and that no earlier node took: the first in the
namespaces Biolink prefers for its category (:data:`~metagraph.interop.biolink.ID_PREFIXES`),
else the first in the node's order, so the nodes line up with other graphs' records. A node without
one cannot join another graph. By default (``unidentified="local"``) such nodes
keep their edges under a local id, ``metagraph:<id>``, a prefix registered in
``context.jsonld`` written beside the files (a JSON-LD context: give it to KGX with
Biolink's, and ``kgx validate`` reports no error), and a :class:`UserWarning`
says how many did and how to leave them out instead (``unidentified="skip"``, on the
command line ``metagraph export kgx --kgx-skip-unidentified``), which drops them and
their edges, for a file KGX validation accepts whole. An approximate match never
becomes an id either way. An export that would leave every node, or every edge, out
raises :class:`~metagraph.errors.ExportError` rather than write empty files. Every
node keeps its metagraph id in ``xref`` beside its identifiers. Every edge has an ``id``
(``metagraph:<source>--<key>--<target>``) and its qualifiers; edges that share subject,
predicate and object (the same claim in two places) are listed in a warning, since
``kgx transform`` merges them unless run with ``--stream``. Edges carry
``publications`` (PMIDs and DOIs of the cited works),
``supporting_text`` (the quotes), the place as ``anatomical_context_qualifier`` (the
place's KGX id), ``original_predicate`` (``metagraph:<predicate>``), and the
provenance Biolink 4 requires: ``knowledge_level`` ``knowledge_assertion``,
``agent_type`` ``manual_agent`` (the edges are curated), ``primary_knowledge_source``
``infores:metagraph``. Multi-valued fields are joined with ``|``.

The evidence model goes with the edges and nodes:

* only exact matches (``xrefs``) become a node's ``id`` or go into ``xref``; close,
  broad, narrow and related matches go into ``metagraph:close_match``,
  ``metagraph:broad_match``, ``metagraph:narrow_match`` and ``metagraph:related_match``
  (SKOS close/broad/narrow/related match: related, never equated). Not into Biolink's
  ``close_match``/``broad_match``/``narrow_match``: the ``kgx`` tool reads those as lists
  while the Biolink Model declares them single-valued, so ``kgx validate`` rejects every
  value there;
* ``negated`` (Biolink's association slot) is ``True`` for a claim the source denies;
* ``has_evidence`` and ``has_evidence_of_type`` list the ECO terms of the evidence
  items' types (``has_evidence_of_type`` is Biolink 4's slot for ECO terms;
  ``has_evidence`` carries the same for tools that read ECO terms there);
* ``knowledge_level`` is ``knowledge_assertion`` when a reference states the claim or a
  primary paper's finding shows it, ``logical_entailment`` when every item is a curator's
  inference (a step that follows from what the graph holds, stated by no reference);
  ``agent_type`` is ``manual_agent`` (people curated every edge);
* ``species_context_qualifier`` is the NCBI Taxon of the experimental findings when they
  share one species;
* ``publications`` come only from the evidence items' references, ``supporting_text``
  only from their quotes (never a finding, which is the curator's words);
* ``metagraph:summary``, ``metagraph:contested`` and ``metagraph:hedged`` carry the
  edge properties Biolink has no slot for.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from metagraph._nx import successors
from metagraph.errors import ExportError
from metagraph.interop._plain import ECO, plain_edges
from metagraph.interop.biolink import ID_PREFIXES, MOLECULAR_KINDS, PREDICATE_MAP, PREFIXES, category_of
from metagraph.schema import Kind, Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Reference

__all__ = [
    "CONTEXT_FILE",
    "EDGE_COLUMNS",
    "KNOWLEDGE_SOURCE",
    "LOCAL_IRI",
    "LOCAL_PREFIX",
    "NODE_COLUMNS",
    "SKIP_FLAG",
    "TAXA",
    "kgx_chunks",
    "kgx_ids",
    "knowledge_level",
    "to_kgx_files",
]

_PlainEdge = tuple[str, str, str, dict[str, Any]]

#: Prefix of the KGX ids of nodes without a standard identifier, and of edge ids.
LOCAL_PREFIX = "metagraph"
#: The IRI the local prefix stands for, and the JSON-LD context file that registers it.
LOCAL_IRI = "https://w3id.org/metagraph/node/"
CONTEXT_FILE = "context.jsonld"
#: The Biolink ``infores`` id of this graph, as primary knowledge source.
KNOWLEDGE_SOURCE = "infores:metagraph"
NODE_COLUMNS = (
    "id",
    "category",
    "name",
    "description",
    "synonym",
    "xref",
    f"{LOCAL_PREFIX}:close_match",
    f"{LOCAL_PREFIX}:broad_match",
    f"{LOCAL_PREFIX}:narrow_match",
    f"{LOCAL_PREFIX}:related_match",
    "provided_by",
)
#: NCBI Taxon ids of the species of experimental findings (``other`` has none).
TAXA = {"human": "NCBITaxon:9606", "mouse": "NCBITaxon:10090", "rat": "NCBITaxon:10116"}
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "category",
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "anatomical_context_qualifier",
    "original_predicate",
    "publications",
    "supporting_text",
    "negated",
    "has_evidence",
    "has_evidence_of_type",
    "species_context_qualifier",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    f"{LOCAL_PREFIX}:summary",
    f"{LOCAL_PREFIX}:contested",
    f"{LOCAL_PREFIX}:hedged",
)


def _biolink_curie(curie: str) -> str | None:
    prefix, _, local = curie.partition(":")
    for ours, theirs in PREFIXES.items():
        if prefix.casefold() == ours.casefold():
            return f"{theirs}:{local}"
    return None


def _category(node: Mapping[str, Any]) -> str:
    # a node's plain attributes (metagraph.graph), not its model: a large graph has many
    return category_of(Kind(node["kind"]), node["xrefs"], members=node["members"])


def _candidates(node: Mapping[str, Any]) -> list[str]:
    # the node's Biolink-known identifiers, those of its category's preferred namespaces
    # first (in Biolink's order), then the rest in the node's order
    known = [c for c in (_biolink_curie(x) for x in node["xrefs"]) if c]
    preferred = ID_PREFIXES.get(_category(node), ())
    rank = {prefix.casefold(): i for i, prefix in enumerate(preferred)}
    return sorted(known, key=lambda c: rank.get(c.partition(":")[0].casefold(), len(preferred)))


def kgx_ids(graph: MetaGraph, *, local: bool = True) -> dict[str, str]:
    """Return each node's KGX id: its best unclaimed Biolink-known identifier, else ``metagraph:<id>``.

    The best identifier is the first in the namespaces Biolink prefers for the node's
    category, else the node's first. With ``local=False`` nodes without such an
    identifier are left out of the result.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="glut4", name="GLUT4", kind="signal", xrefs=["HGNC:11009", "UniProt:P14672"]),
    ...                 Node(id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK", "MESH:D055372", "GO:0031588"]),
    ...                 Node(id="pka", name="PKA", kind="signal", xrefs=["FPLX:PKA"])])
    >>> kgx_ids(kg)
    {'glut4': 'UniProtKB:P14672', 'ampk': 'GO:0031588', 'pka': 'metagraph:pka'}
    >>> kgx_ids(kg, local=False)
    {'glut4': 'UniProtKB:P14672', 'ampk': 'GO:0031588'}
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for ident, node in graph.nx.nodes(data=True):
        chosen = next((c for c in _candidates(node) if c not in taken), None)
        if chosen is None and not local:
            continue
        out[ident] = chosen or f"{LOCAL_PREFIX}:{ident}"
        taken.add(out[ident])
    return out


def _curies(curies: Sequence[str]) -> str:
    return "|".join(_biolink_curie(x) or x for x in curies)


def knowledge_level(edge: Edge) -> str:
    """Return the Biolink knowledge level of an edge.

    ``logical_entailment`` when every evidence item is a curator's inference (a step no
    reference states, that follows from what the graph holds), else
    ``knowledge_assertion`` (a reference states it, or a primary paper's finding shows it).

    Examples
    --------
    >>> from metagraph import Edge
    >>> knowledge_level(Edge(source="a", target="b", predicate="encodes",
    ...     evidence=[{"reference": "r", "type": "curator_inference", "finding": "A gene encodes its product."}]))
    'logical_entailment'
    """
    return "logical_entailment" if edge.inferred else "knowledge_assertion"


def _clean(text: str) -> str:
    # a KGX TSV cell holds no tab or newline and is not quoted; '|' separates list items
    return " ".join(text.replace("|", "/").split())


def _table(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    # KGX reads its TSV unquoted (QUOTE_NONE): cells are written as they are, cleaned by _clean
    lines = ["\t".join(columns)] + ["\t".join(row.get(k) or "" for k in columns) for row in rows]
    return "\n".join(lines) + "\n"


def _publications(graph: MetaGraph, keys: list[str]) -> list[str]:
    out = []
    for key in keys:
        ref = graph.references.get(key)
        if ref is None:
            continue
        if ref.pmid:
            out.append(f"PMID:{ref.pmid}")
        elif ref.doi:
            out.append(f"doi:{ref.doi}")
    return out


#: The command-line flag that leaves out the nodes without a Biolink-known identifier.
SKIP_FLAG = "--kgx-skip-unidentified"


def to_kgx_files(graph: MetaGraph, *, unidentified: Literal["skip", "local"] = "local") -> dict[str, str]:
    """Return ``{"nodes.tsv": ..., "edges.tsv": ...}``: the graph as KGX TSV text.

    Parameters
    ----------
    graph
        The graph.
    unidentified
        What to do with nodes that have no identifier in a namespace Biolink knows:
        keep them under a ``metagraph:`` id (``"local"``, the default; KGX validation
        reports that prefix), or ``"skip"`` them and their edges. Either way a
        :class:`UserWarning` says how many nodes it concerns.

    Returns
    -------
    dict of str to str
        The two files' text.

    Raises
    ------
    ExportError
        ``unidentified`` is neither value, or ``"skip"`` would leave every node or
        every edge out (the files would be empty).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK", "GO:0031588"]),
    ...                 Node(id="pgc1a", name="PGC-1α", kind="signal", xrefs=["HGNC:9237"])],
    ...                [Edge(source="ampk", target="pgc1a", predicate="activates",
    ...                      evidence=[{"reference": "r", "quote": "AMPK activates PGC-1α"}])],
    ...                [Reference(key="r", title="T", pmid="22777012")])
    >>> files = to_kgx_files(kg)
    >>> print(files["nodes.tsv"].splitlines()[2])  # doctest: +NORMALIZE_WHITESPACE
    HGNC:9237	biolink:Protein	PGC-1α		metagraph:pgc1a|HGNC:9237	infores:metagraph
    >>> row = dict(zip(*(line.split("\\t") for line in files["edges.tsv"].splitlines())))
    >>> row["predicate"], row["qualified_predicate"], row["object_direction_qualifier"], row["publications"]
    ('biolink:affects', 'biolink:causes', 'increased', 'PMID:22777012')
    """
    files = kgx_chunks(graph, unidentified=unidentified)
    return {name: text if isinstance(text, str) else "".join(text) for name, text in files.items()}


def kgx_chunks(graph: MetaGraph, *, unidentified: Literal["skip", "local"] = "local") -> dict[str, str | Iterator[str]]:
    """Return the files of :func:`to_kgx_files`, ``edges.tsv`` as pieces to write one by one.

    The checks and warnings come first; an edge's row is made only when its piece is written.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> files = kgx_chunks(MetaGraph([Node(id="ampk", name="AMPK", kind="signal", xrefs=["GO:0031588"])]))
    >>> sorted(files), "".join(files["edges.tsv"]).count("\\n")
    (['context.jsonld', 'edges.tsv', 'nodes.tsv'], 1)
    """
    if unidentified not in ("skip", "local"):
        raise ExportError(f"unidentified must be 'skip' or 'local', not {unidentified!r}")
    ids = kgx_ids(graph, local=unidentified == "local")
    left_out = [ident for ident in graph.nx if ident not in ids]
    nodes = []
    # the graph's plain attributes (metagraph.graph), not models: a large graph has many
    for ident, node in graph.nx.nodes(data=True):
        if ident not in ids:
            continue
        nodes.append(
            {
                "id": ids[ident],
                "category": _category(node),
                "name": _clean(node["name"]),
                "description": _clean(node["description"]),
                "synonym": "|".join(_clean(s) for s in node["synonyms"]),
                "xref": "|".join([f"{LOCAL_PREFIX}:{ident}", *(_biolink_curie(x) or x for x in node["xrefs"])]),
                # not Biolink's close_match/broad_match/narrow_match: kgx reads those as lists
                # while the Biolink Model declares them single-valued, so `kgx validate` fails on
                # any value there
                f"{LOCAL_PREFIX}:close_match": _curies(node["close_matches"]),
                f"{LOCAL_PREFIX}:broad_match": _curies(node["broad_matches"]),
                f"{LOCAL_PREFIX}:narrow_match": _curies(node["narrow_matches"]),
                f"{LOCAL_PREFIX}:related_match": _curies(node["related_matches"]),
                "provided_by": KNOWLEDGE_SOURCE,
            }
        )
    # the edges are counted and checked first, from the graph's own attributes, and their rows
    # made only while edges.tsv is written: at a million edges the rows would not fit in memory
    kept = [edge for edge in plain_edges(graph) if edge[0] in ids and edge[1] in ids]
    skipped_edges = graph.nx.number_of_edges() - len(kept)
    edges = kept
    if left_out and not nodes:
        raise ExportError(
            f"KGX: none of the {len(left_out)} nodes has an identifier Biolink knows, so leaving them out "
            "(unidentified='skip') would write empty files; export with unidentified='local' (the default; "
            f"on the command line, without {SKIP_FLAG}) to keep them as metagraph:<id>, or add xrefs"
        )
    if skipped_edges and not edges:
        raise ExportError(
            f"KGX: every one of the {skipped_edges} edges touches a node without an identifier Biolink knows, "
            "so leaving those nodes out (unidentified='skip') would write an empty edges.tsv; export with "
            f"unidentified='local' (the default; on the command line, without {SKIP_FLAG}) to keep them "
            "as metagraph:<id>, or add xrefs"
        )
    if left_out:
        warnings.warn(
            f"KGX: {len(left_out)} nodes without an identifier Biolink knows were left out, with their "
            f"{skipped_edges} edges: {_listed(left_out)}; add identifiers (xrefs) to them, or export "
            f"with unidentified='local' (the default; on the command line, without {SKIP_FLAG}) to keep "
            "them as metagraph:<id>",
            UserWarning,
            stacklevel=2,
        )
    local = [ident for ident in graph.nx if ids.get(ident, "").startswith(f"{LOCAL_PREFIX}:")]
    if local:
        warnings.warn(
            f"KGX: {len(local)} nodes without an identifier Biolink knows got local ids (metagraph:<id>, "
            f"a prefix registered in {CONTEXT_FILE} beside the files): {_listed(local)}; add identifiers "
            "(xrefs) to them, or "
            f"export with unidentified='skip' (on the command line, {SKIP_FLAG}) to leave them and their "
            "edges out",
            UserWarning,
            stacklevel=2,
        )
    _warn_merged(graph, ids)
    return {
        "nodes.tsv": _table(NODE_COLUMNS, nodes),
        "edges.tsv": _edge_lines(graph, ids, edges),
        CONTEXT_FILE: json.dumps({"@context": {LOCAL_PREFIX: LOCAL_IRI}}, indent=2) + "\n",
    }


def _edge_lines(graph: MetaGraph, ids: dict[str, str], edges: list[_PlainEdge]) -> Iterator[str]:
    yield "\t".join(EDGE_COLUMNS) + "\n"
    kinds: dict[str, str] = {ident: attrs["kind"] for ident, attrs in graph.nx.nodes(data=True)}
    # per reference, its publication id (computed once, not once per citing edge)
    publications = {key: _publication(ref) for key, ref in graph.references.items()}
    for start in range(0, len(edges), 10_000):
        yield "".join(
            [
                _edge_row(ids, u, v, k, attrs, kinds[v] in _MOLECULAR, publications)
                for u, v, k, attrs in edges[start : start + 10_000]
            ]
        )


_MOLECULAR = frozenset(kind.value for kind in MOLECULAR_KINDS)
_BIOLINK = {p.value: PREDICATE_MAP[p] for p in Predicate}


def _publication(ref: Reference) -> str:
    return f"PMID:{ref.pmid}" if ref.pmid else f"doi:{ref.doi}" if ref.doi else ""


def _edge_row(
    ids: dict[str, str],
    u: str,
    v: str,
    k: str,
    attrs: dict[str, Any],
    molecular: bool,
    publications: dict[str, str],
) -> str:
    """One line of ``edges.tsv``, from the graph's plain attributes (no model)."""
    evidence = attrs["evidence"]
    predicate = attrs["predicate"]
    bl = _BIOLINK[predicate]
    eco = "|".join(dict.fromkeys([ECO[ev["type"]] for ev in evidence]))
    species = list(dict.fromkeys([s for ev in evidence if (s := ev["species"]) is not None]))
    location = attrs["location"]
    cited = [publications.get(key) for key in dict.fromkeys([ev["reference"] for ev in evidence])]
    inferred = [ev["type"] for ev in evidence].count("curator_inference") == len(evidence)
    row = (
        _edge_id(u, k, v),
        ids[u],
        bl.predicate,
        ids[v],
        "biolink:Association",
        bl.qualified_predicate,
        bl.aspect if molecular else None,
        bl.direction,
        ids.get(location) if location else None,
        f"{LOCAL_PREFIX}:{predicate}",
        "|".join([c for c in cited if c]),
        "|".join(dict.fromkeys([_clean(q) for ev in evidence if (q := ev["quote"]) is not None])),
        str(attrs["negated"]),
        eco,
        eco,
        TAXA.get(species[0]) if len(species) == 1 else None,
        "logical_entailment" if inferred else "knowledge_assertion",
        "manual_agent",
        KNOWLEDGE_SOURCE,
        str(attrs["summary"]),
        str("contradicts" in [ev["stance"] for ev in evidence]),
        str(attrs["hedged"]),
    )
    return "\t".join([cell or "" for cell in row]) + "\n"


def _listed(ids: Sequence[str], most: int = 40) -> str:
    shown = ", ".join(ids[:most])
    return shown + (f" and {len(ids) - most} more" if len(ids) > most else "")


def _edge_id(u: str, k: str, v: str) -> str:
    return f"{LOCAL_PREFIX}:{u}--{k}--{v}".replace("@", "-at-").replace("[", "-").replace("]", "")


def _warn_merged(graph: MetaGraph, ids: dict[str, str]) -> None:
    """Warn about edges that share subject, predicate and object, which ``kgx transform`` merges into one."""
    # KGX ids are one per node, so such edges join the same two nodes: only the pairs joined
    # by several edges are looked at (a dict of every edge's triple would not be small)
    succ = successors(graph.nx)
    shared = []
    for u, targets in succ.items():
        if u not in ids:
            continue
        for v, keyed in targets.items():
            if len(keyed) < 2 or v not in ids:
                continue
            groups: dict[str, list[str]] = {}
            for k, attrs in keyed.items():
                groups.setdefault(_BIOLINK[attrs["predicate"]].predicate, []).append(_edge_id(u, k, v))
            shared += [same for same in groups.values() if len(same) > 1]
    if shared:
        warnings.warn(
            f"KGX: {sum(map(len, shared))} edges share their subject, predicate and object with another "
            "(they differ in qualifiers, such as anatomical_context_qualifier, and each has its own id); "
            "`kgx transform` keys edges by subject-predicate-object and merges these unless run with "
            f"--stream: {_listed([' = '.join(ids) for ids in shared], 10)}",
            UserWarning,
            stacklevel=3,
        )
