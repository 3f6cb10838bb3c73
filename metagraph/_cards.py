"""Compact notebook cards of a node, an edge and a reference (their ``_repr_html_``).

A notebook shows a model as a short card (name, kind, identifiers as links, synonyms,
evidence and citations) instead of its long pydantic repr. Every piece of data text is
escaped (:func:`html.escape`), and links only ever point at fixed resolvers
(identifiers.org, doi.org, PubMed) with the identifier percent-encoded into the path,
so no data can add markup, a script or a ``javascript:`` link.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from metagraph.models import Edge, Node, Reference

__all__ = ["curie_url", "edge_card", "node_card", "reference_card"]

_CARD = (
    "border:1px solid #dee2e6;border-radius:6px;padding:6px 10px;max-width:46em;"
    "font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"
)
_BADGE = "font-size:11px;padding:0 6px;border-radius:8px;background:#e9ecef;color:#495057;margin-left:6px"
_DIM = "color:#6c757d"
# How many synonyms, quotes or references a card lists before it says "and N more".
_MOST = 6


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def curie_url(curie: str) -> str:
    """The resolver address of a compact identifier: ``https://identifiers.org/PREFIX:ID``.

    The identifier is percent-encoded (only ``:`` is kept), so it cannot leave the path.

    Examples
    --------
    >>> curie_url("HGNC:9237")
    'https://identifiers.org/HGNC:9237'
    >>> curie_url('X:a"b<c')
    'https://identifiers.org/X:a%22b%3Cc'
    """
    return "https://identifiers.org/" + quote(curie, safe=":")


def _link(url: str, text: str) -> str:
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(text)}</a>'


def _more(items: list[str]) -> str:
    shown = ", ".join(items[:_MOST])
    return shown + (f" <span style='{_DIM}'>and {len(items) - _MOST} more</span>" if len(items) > _MOST else "")


def _row(label: str, body: str) -> str:
    return f"<div><span style='{_DIM}'>{_e(label)}:</span> {body}</div>"


def node_card(node: Node) -> str:
    """A compact HTML card of a node: name, kind, id, identifiers as links, synonyms, description.

    Examples
    --------
    >>> from metagraph import Node
    >>> card = node_card(Node(id="ampk", name="AMPK <kinase>", kind="signal", xrefs=["FPLX:AMPK"]))
    >>> "AMPK &lt;kinase&gt;" in card, 'href="https://identifiers.org/FPLX:AMPK"' in card, "<kinase>" in card
    (True, True, False)
    """
    head = (
        f"<div><b>{_e(node.name)}</b><span style='{_BADGE}'>{_e(node.kind.value)}</span>"
        f" <code style='{_DIM}'>{_e(node.id)}</code></div>"
    )
    rows = []
    labels = {"exact": "Identifiers", "close": "Close matches", "broad": "Broader", "narrow": "Narrower"}
    labels["related"] = "Related"
    for match, curies in node.matches.items():
        if curies:
            rows.append(_row(labels[match], _more([_link(curie_url(c), c) for c in curies])))
    if node.members:
        rows.append(_row("Members", _more([_link(curie_url(c), c) for c in node.members])))
    if node.synonyms:
        rows.append(_row("Also called", _more([_e(s) for s in node.synonyms])))
    if node.description:
        text = node.description.strip()
        short = text if len(text) <= 300 else text[:297].rstrip() + "…"
        rows.append(f"<div style='{_DIM}'>{_e(short)}</div>")
    return f"<div class='metagraph-card' style=\"{_CARD}\">{head}{''.join(rows)}</div>"


def edge_card(edge: Edge) -> str:
    """A compact HTML card of an edge: the statement, its qualifiers, evidence count, quotes and sources.

    Examples
    --------
    >>> from metagraph import Edge
    >>> e = Edge(source="ampk", target="pgc1a", predicate="activates", location="skeletal_muscle",
    ...          evidence=[{"reference": "seed_article", "quote": "AMPK <activates> PGC-1α"}])
    >>> card = edge_card(e)
    >>> "1 evidence item" in card, "&lt;activates&gt;" in card, "in skeletal_muscle" in card
    (True, True, True)
    """
    from metagraph._qualifiers import qualifier_phrases
    from metagraph.schema import spec

    s = spec(edge.predicate)
    verb = ("NOT " if edge.negated else "") + s.label
    head = (
        f"<div><code>{_e(edge.source)}</code> <b>{_e(verb)}</b> <code>{_e(edge.target)}</code>"
        f"<span style='{_BADGE}'>{_e(edge.predicate.value)}</span></div>"
    )
    quals = qualifier_phrases(edge)
    flags = [name for name in ("hedged", "contested", "inferred", "summary") if getattr(edge, name)]
    rows = []
    if quals or flags:
        rows.append(f"<div style='{_DIM}'>{_e('; '.join(quals + flags))}</div>")
    n = len(edge.evidence)
    rows.append(
        _row("Evidence", f"{n} evidence item{'s' if n != 1 else ''} from {_more([_e(r) for r in edge.references])}")
    )
    texts = []
    for item in edge.evidence[:3]:
        text = f"“{item.quote}”" if item.quote else (item.finding or "")
        if text:
            texts.append(f"<li>{_e(text)} <span style='{_DIM}'>({_e(item.reference)})</span></li>")
    if texts:
        rows.append(f"<ul style='margin:2px 0 0 1.2em;padding:0'>{''.join(texts)}</ul>")
    return f"<div class='metagraph-card' style=\"{_CARD}\">{head}{''.join(rows)}</div>"


def reference_card(ref: Reference) -> str:
    """A compact HTML card of a reference: short label, layer, the citation, DOI and PubMed links.

    Examples
    --------
    >>> from metagraph import Reference
    >>> card = reference_card(Reference(key="p", title="Muscle <b>talk</b>", authors=["Doe J"], year=2020,
    ...                                 doi="10.1234/x", pmid="123"))
    >>> 'href="https://doi.org/10.1234/x"' in card, "https://pubmed.ncbi.nlm.nih.gov/123/" in card
    (True, True)
    >>> "<b>talk</b>" in card
    False
    """
    head = (
        f"<div><b>{_e(ref.short)}</b><span style='{_BADGE}'>{_e(ref.layer)}</span>"
        f" <code style='{_DIM}'>{_e(ref.key)}</code></div>"
    )
    rows = [f"<div>{_e(ref.citation())}</div>"]
    links = []
    if ref.doi:
        links.append(_link("https://doi.org/" + quote(ref.doi, safe="/:;()._-"), f"doi:{ref.doi}"))
    if ref.pmid:
        links.append(_link(f"https://pubmed.ncbi.nlm.nih.gov/{quote(ref.pmid, safe='')}/", f"PMID:{ref.pmid}"))
    if ref.url and ref.url.startswith(("https://", "http://")):
        links.append(_link(ref.url, "web page"))
    if links:
        rows.append(f"<div>{' · '.join(links)}</div>")
    if ref.as_cited:
        rows.append(_row("As cited", _e(ref.as_cited)))
    if ref.discrepancies:
        rows.append(_row("Discrepancies", _more([_e(d) for d in ref.discrepancies])))
    return f"<div class='metagraph-card' style=\"{_CARD}\">{head}{''.join(rows)}</div>"
