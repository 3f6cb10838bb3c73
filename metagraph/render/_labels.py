"""The words a diagram shows: edge labels and the plain-text tooltips of nodes and edges.

Everything here is plain text. Each output format escapes it for itself (HTML,
Mermaid, DOT), so that a name such as ``<img src=x onerror=alert(1)>`` is shown as
written and never interpreted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metagraph._qualifiers import qualifier_phrases
from metagraph.models import Edge, Node
from metagraph.schema import spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["edge_label", "edge_tooltip", "node_name", "node_tooltip"]


def node_name(graph: MetaGraph, node_id: str) -> str:
    """Return the display name of a node, also one outside a view of ``graph``.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> node_name(MetaGraph([Node(id="ampk", name="AMPK", kind="signal")]), "ampk")
    'AMPK'
    """
    models = getattr(graph, "_node_models", {})
    node = models.get(node_id)
    return node.name if node is not None else node_id


def edge_label(graph: MetaGraph, edge: Edge) -> str:
    """Return a short label for an edge: the predicate, with its place and modality.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge
    >>> kg = MetaGraph([Node(id="liver", name="Liver", kind="organ")])
    >>> e = Edge(source="il6", target="x", predicate="increases", location="liver",
    ...          evidence=[{"reference": "r", "quote": "q"}])
    >>> edge_label(kg, e)
    'increases (in Liver)'
    """
    label = ("NOT " if edge.negated else "") + spec(edge.predicate).label  # a denied claim says so
    extra = []
    if edge.location:
        extra.append(f"in {node_name(graph, edge.location)}")
    if edge.modality:
        extra.append(f"with {node_name(graph, edge.modality)}")
    return f"{label} ({'; '.join(extra)})" if extra else label


def node_tooltip(node: Node) -> str:
    """Return the tooltip of a node: name and kind, description, synonyms and identifiers.

    Examples
    --------
    >>> from metagraph import Node
    >>> print(node_tooltip(Node(id="ampk", name="AMPK", kind="signal", synonyms=["AMP kinase"],
    ...                         xrefs=["FPLX:AMPK"], description="The energy sensor.")))
    AMPK (signal)
    The energy sensor.
    Also called: AMP kinase
    Identifiers: FPLX:AMPK
    """
    lines = [f"{node.name} ({node.kind.value})"]
    if node.description:
        lines.append(node.description.strip())
    if node.synonyms:
        lines.append("Also called: " + "; ".join(node.synonyms))
    if node.xrefs:
        lines.append("Identifiers: " + ", ".join(node.xrefs))
    if node.members:
        lines.append("Members: " + ", ".join(node.members))
    return "\n".join(lines)


def edge_tooltip(graph: MetaGraph, edge: Edge) -> str:
    """Return the tooltip of an edge: the statement, its qualifiers, quotes and citations.

    DOIs are given as text (``doi:10...``), not as links.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph([Node(id="a", name="AMPK", kind="signal"), Node(id="b", name="PGC-1α", kind="signal")],
    ...                [Edge(source="a", target="b", predicate="activates", magnitude="high",
    ...                      evidence=[{"reference": "p", "quote": "AMPK activates PGC-1α"}])],
    ...                [Reference(key="p", title="T", authors=["Doe J"], year=2020, doi="10.1234/x")])
    >>> print(edge_tooltip(kg, kg.edges()[0]))
    AMPK activates PGC-1α
    magnitude: high
    “AMPK activates PGC-1α” (Doe J 2020)
    Doe J 2020: Doe J. T. 2020. doi:10.1234/x
    """
    s = spec(edge.predicate)
    lines = [f"{node_name(graph, edge.source)} {s.label} {node_name(graph, edge.target)}"]
    quals = qualifier_phrases(edge, lambda ident: node_name(graph, ident))
    if edge.negated:
        quals.append("denied by the source (not followed in chains)")
    if edge.hedged:
        quals.append("stated tentatively")
    if edge.contested:
        quals.append("contested")
    if quals:
        lines.append("; ".join(quals))
    refs = graph.references
    for ev in edge.evidence:
        ref = refs.get(ev.reference)
        who = ref.short if ref is not None else ev.reference
        where = f", {ev.section.value}" if ev.section else ""
        how = "".join(
            f"; {x}"
            for x in (
                "tentative" if ev.hedged and not edge.hedged else None,
                "contradicts" if ev.stance.value == "contradicts" else None,
                ev.species.value if ev.species else None,
                "curator's inference" if ev.type.value == "curator_inference" else None,
            )
            if x
        )
        lines.append(f"{ev.text} ({who}{where}{how})")
    for key in edge.references:
        ref = refs.get(key)
        if ref is not None:
            lines.append(f"{ref.short}: {ref.citation()}")
    if edge.note:
        lines.append(f"Note: {edge.note}")
    return "\n".join(lines)
