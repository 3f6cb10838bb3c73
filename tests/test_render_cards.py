"""Notebook cards: Node, Edge and Reference show as compact, escaped HTML (``_repr_html_``)."""

from __future__ import annotations

from html.parser import HTMLParser

import metagraph
from metagraph import Edge, Node, Reference

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)> \"q\" & 's'"


class _Tags(HTMLParser):
    """The tags and link targets of a card."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(card: str) -> _Tags:
    p = _Tags()
    p.feed(card)
    p.close()
    return p


SAFE_TAGS = {"div", "b", "span", "code", "a", "ul", "li"}


def test_bundled_node_card_names_kind_ids_and_synonyms() -> None:
    kg = metagraph.load()
    pgc = kg.node("PGC-1α")
    card = _parse(pgc._repr_html_())
    text = "".join(card.text)
    assert "PGC-1α" in text and "signal" in text and "pgc1a" in text
    assert all(s in text for s in pgc.synonyms[:6])
    assert card.hrefs and all(h.startswith("https://identifiers.org/") for h in card.hrefs)
    assert {h.removeprefix("https://identifiers.org/") for h in card.hrefs} == {
        c for curies in pgc.matches.values() for c in curies
    } | set(pgc.members)
    assert set(card.tags) <= SAFE_TAGS
    assert len(pgc._repr_html_()) < 4000  # compact, not the whole model


def test_bundled_edge_and_reference_cards() -> None:
    kg = metagraph.load()
    edge = next(e for e in kg.edges() if len(e.evidence) > 1)
    text = "".join(_parse(edge._repr_html_()).text)
    assert f"{len(edge.evidence)} evidence items" in text
    assert all(r in text for r in edge.references[:6])
    assert edge.source in text and edge.target in text
    ref = next(r for r in kg.references.values() if r.doi and r.pmid)
    card = _parse(ref._repr_html_())
    assert f"https://doi.org/{ref.doi}" in card.hrefs and f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/" in card.hrefs
    assert ref.short in "".join(card.text)


def test_cards_escape_everything() -> None:
    node = Node(id="evil", name=EVIL, kind="signal", synonyms=[EVIL], description=EVIL, xrefs=['X:"><script>alert(3)'])
    edge = Edge(
        source="evil", target="evil", predicate="activates", note=EVIL, evidence=[{"reference": "r", "quote": EVIL}]
    )
    ref = Reference(key="r", title=EVIL, authors=[EVIL], url="javascript:alert(4)", as_cited=EVIL)
    for card in (node._repr_html_(), edge._repr_html_(), ref._repr_html_()):
        parsed = _parse(card)
        assert set(parsed.tags) <= SAFE_TAGS, card
        assert "<script" not in card and "<img" not in card
        assert all(h.startswith("https://") for h in parsed.hrefs)
    node_card = _parse(node._repr_html_())
    assert node_card.hrefs == ["https://identifiers.org/X:%22%3E%3Cscript%3Ealert%283%29"]
    assert EVIL in "".join(node_card.text)  # shown as text, whole
    assert _parse(ref._repr_html_()).hrefs == []  # a javascript: address is not a link


def test_models_do_not_load_render_code_until_shown() -> None:
    import subprocess
    import sys

    code = (
        "import sys, metagraph; from metagraph import Node; n = Node(id='a', name='A', kind='signal'); "
        "assert 'metagraph._cards' not in sys.modules; n._repr_html_(); "
        "assert 'metagraph._cards' in sys.modules; print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
