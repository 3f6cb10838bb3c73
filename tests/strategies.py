"""Hand-written hypothesis strategies: random valid graphs that obey the schema's rules."""

from __future__ import annotations

from hypothesis import strategies as st

from metagraph.models import Edge, Evidence, Node, Reference
from metagraph.schema import (
    PREDICATES,
    EvidenceType,
    Kind,
    Magnitude,
    Mechanism,
    Section,
    Species,
    Stance,
    StudySystem,
    Timescale,
)

__all__ = ["graph_records", "node_ids", "texts"]

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
node_ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,4}){0,2}", fullmatch=True)
# Printable text including characters that need escaping in HTML, YAML, CSV and Cypher. No
# noncharacters (Cn: U+FFFE...), which XML cannot hold: GraphML refuses them, tested apart.
texts = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"))
        | st.sampled_from(list("<>&\"'`\\:#-, αβ")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@st.composite
def graph_records(
    draw: st.DrawFn,
    *,
    max_nodes: int = 12,
    max_edges: int = 30,
) -> tuple[list[Node], list[Edge], list[Reference]]:
    """Draw nodes, edges and references that together form a valid graph."""
    ids = draw(st.lists(node_ids, min_size=2, max_size=max_nodes, unique=True))
    kinds = [draw(st.sampled_from(list(Kind))) for _ in ids]
    nodes = [
        Node(
            id=i,
            name=draw(texts),
            kind=k,
            synonyms=draw(st.lists(texts, max_size=2, unique=True)),
            xrefs=draw(st.lists(st.from_regex(r"[A-Z]{2,5}:[0-9]{1,7}", fullmatch=True), max_size=2, unique=True)),
            description=draw(st.one_of(st.just(""), texts)),
        )
        for i, k in zip(ids, kinds, strict=True)
    ]
    ref_keys = draw(st.lists(node_ids, min_size=1, max_size=3, unique=True))
    refs = [
        Reference(
            key=k,
            title=draw(texts),
            authors=draw(st.lists(texts, max_size=2)),
            year=draw(st.one_of(st.none(), st.integers(1900, 2030))),
            doi=draw(st.one_of(st.none(), st.from_regex(r"10\.[0-9]{4}/[a-z0-9.]{1,8}", fullmatch=True))),
        )
        for k in ref_keys
    ]
    by_kind = {k: [n.id for n in nodes if n.kind == k] for k in Kind}
    places = by_kind[Kind.ORGAN] + by_kind[Kind.CELL]
    edges: dict[tuple[str, str, str], Edge] = {}
    for _ in range(draw(st.integers(0, max_edges))):
        s, t = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        if s.id == t.id:
            continue
        allowed = [p for p, r in PREDICATES.items() if s.kind in r.sources and t.kind in r.targets]
        if not allowed:
            continue
        evidence = [draw(evidence_items(ref_keys, texts)) for _ in range(draw(st.integers(1, 2)))]
        edge = Edge(
            source=s.id,
            target=t.id,
            predicate=draw(st.sampled_from(allowed)),
            evidence=evidence,
            location=draw(st.one_of(st.none(), st.sampled_from(places))) if places else None,
            modality=draw(st.one_of(st.none(), st.sampled_from(by_kind[Kind.EXERCISE])))
            if by_kind[Kind.EXERCISE]
            else None,
            magnitude=draw(st.one_of(st.none(), st.sampled_from(list(Magnitude)))),
            timescale=draw(st.one_of(st.none(), st.sampled_from(list(Timescale)))),
            mechanism=draw(st.one_of(st.none(), st.sampled_from(list(Mechanism)))),
            negated=draw(st.booleans()),
            summary=draw(st.booleans()),
        )
        edges.setdefault((edge.source, edge.target, edge.key), edge)
    return nodes, list(edges.values()), refs


@st.composite
def evidence_items(draw: st.DrawFn, ref_keys: list[str], texts: st.SearchStrategy[str]) -> Evidence:
    """Any valid evidence item: each type with the fields it requires, the optional ones drawn too."""
    kind = draw(st.sampled_from(list(EvidenceType)))
    common = {
        "reference": draw(st.sampled_from(ref_keys)),
        "type": kind,
        "hedged": draw(st.booleans()),
        "stance": draw(st.sampled_from(list(Stance))),
        "section": draw(st.one_of(st.none(), st.sampled_from(list(Section)))),
    }
    if kind is EvidenceType.CURATOR_INFERENCE:
        return Evidence(**common, finding=draw(texts))
    if kind is EvidenceType.EXPERIMENTAL:
        return Evidence(
            **common,
            finding=draw(texts),
            quote=draw(st.one_of(st.none(), texts)),
            species=draw(st.sampled_from(list(Species))),
            system=draw(st.sampled_from(list(StudySystem))),
        )
    return Evidence(**common, quote=draw(texts), finding=draw(st.one_of(st.none(), texts)))
