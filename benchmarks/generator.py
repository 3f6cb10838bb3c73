"""Typed synthetic graphs in metagraph's schema, layered like the bundled graph.

Nodes get kinds in proportions like the real graph's; most edges follow the real
graph's layers (exercise → signals → myokines → organs, processes, outcomes and
conditions) and a share are random cross edges between any two kinds the schema
allows. Every edge obeys :data:`metagraph.schema.PREDICATES`, carries one to three
evidence items and, for a myokine's effect, the organ where it happens.

The records are built with pydantic's ``model_construct`` (no per-record
validation): the generator makes them valid by construction, and the tests check
that a small generated graph passes full validation.

Examples
--------
>>> nodes, edges, refs = generate_records(300, 1200, seed=1)
>>> len(nodes), len(edges)
(300, 1200)
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from metagraph._atomic import write_text_atomic
from metagraph.errors import MetagraphError
from metagraph.models import Edge, Evidence, Node, Reference
from metagraph.schema import PREDICATES, Kind, Predicate, spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["KIND_SHARES", "LAYERS", "generate_graph", "generate_records", "write_data_files"]

#: Share of the nodes of each kind.
KIND_SHARES: dict[Kind, float] = {
    Kind.EXERCISE: 0.002,
    Kind.GENE: 0.04,
    Kind.SIGNAL: 0.30,
    Kind.MYOKINE: 0.08,
    Kind.ORGAN: 0.01,
    Kind.CELL: 0.02,
    Kind.PROCESS: 0.25,
    Kind.OUTCOME: 0.20,
    Kind.CONDITION: 0.098,
}

#: The layers: (share of the edges, source kinds, target kinds, predicates, located in an organ).
LAYERS: list[tuple[float, tuple[Kind, ...], tuple[Kind, ...], tuple[str, ...], bool]] = [
    (0.05, (Kind.EXERCISE,), (Kind.SIGNAL,), ("increases", "activates", "decreases", "inhibits"), False),
    (0.22, (Kind.SIGNAL,), (Kind.SIGNAL,), ("activates", "inhibits", "increases", "decreases"), False),
    (0.03, (Kind.GENE,), (Kind.SIGNAL, Kind.MYOKINE), ("encodes",), False),
    (0.10, (Kind.SIGNAL,), (Kind.MYOKINE,), ("increases", "activates", "cleaved_into"), False),
    (0.03, (Kind.ORGAN, Kind.CELL), (Kind.MYOKINE,), ("secretes",), False),
    (0.03, (Kind.MYOKINE,), (Kind.ORGAN, Kind.CELL), ("targets",), False),
    (0.15, (Kind.MYOKINE,), (Kind.PROCESS, Kind.OUTCOME), ("increases", "decreases"), True),
    (0.10, (Kind.SIGNAL,), (Kind.PROCESS,), ("increases", "activates", "participates_in"), False),
    (0.12, (Kind.PROCESS,), (Kind.OUTCOME,), ("increases", "decreases"), False),
    (0.05, (Kind.OUTCOME,), (Kind.CONDITION,), ("decreases", "increases"), False),
    (0.02, (Kind.CELL, Kind.OUTCOME), (Kind.ORGAN, Kind.OUTCOME), ("part_of",), False),
]
_CROSS_SHARE = 1.0 - sum(layer[0] for layer in LAYERS)


def _kind_counts(n_nodes: int) -> dict[Kind, int]:
    counts = {k: max(2, int(n_nodes * share)) for k, share in KIND_SHARES.items()}
    counts[Kind.SIGNAL] += n_nodes - sum(counts.values())
    return counts


def generate_records(
    n_nodes: int, n_edges: int, *, seed: int = 0, n_references: int = 50
) -> tuple[list[Node], list[Edge], list[Reference]]:
    """Return the nodes, edges and references of a synthetic graph.

    Parameters
    ----------
    n_nodes, n_edges
        Exact sizes (at least 100 nodes, at most 20 edges per node).
    seed
        Same seed, same graph.
    n_references
        How many references the evidence cites.

    Examples
    --------
    >>> nodes, edges, refs = generate_records(200, 800, seed=3)
    >>> sorted({e.predicate.value for e in edges}) == sorted({e.predicate.value for e in edges} & set(PREDICATES))
    True
    """
    if n_nodes < 100:
        raise MetagraphError(f"generate at least 100 nodes (not {n_nodes}), so that every kind has a few")
    if n_edges > 20 * n_nodes:
        raise MetagraphError(f"{n_edges} edges is too many for {n_nodes} nodes; keep at most 20 per node")
    rng = random.Random(seed)
    nodes: list[Node] = []
    by_kind: dict[Kind, list[str]] = {}
    for kind, count in _kind_counts(n_nodes).items():
        ids = [f"{kind.value}_{i}" for i in range(count)]
        by_kind[kind] = ids
        nodes += [
            Node.model_construct(
                id=i,
                name=f"{kind.value.capitalize()} {i.rsplit('_', 1)[1]}",
                kind=kind,
                synonyms=[],
                xrefs=[],
                members=[],
                description="",
            )
            for i in ids
        ]
    kind_of = {n.id: n.kind for n in nodes}
    places = by_kind[Kind.ORGAN] + by_kind[Kind.CELL]
    references = [
        Reference.model_construct(
            key=f"ref{i}",
            type="article",
            title=f"Synthetic paper {i}",
            authors=[f"Author{i} A"],
            year=2000 + i % 25,
            doi=f"10.9999/syn.{i}",
            journal=None,
            volume=None,
            issue=None,
            pages=None,
            pmid=None,
            url=None,
            as_cited=None,
            discrepancies=[],
            note=None,
        )
        for i in range(n_references)
    ]
    ref_keys = [r.key for r in references]
    all_ids = [n.id for n in nodes]
    cross = {
        (s, t): [p.value for p, r in PREDICATES.items() if s in r.sources and t in r.targets]
        for s in Kind
        for t in Kind
    }

    # Evidence records are frozen, so edges can share them: a pool keeps generation quick.
    evidence_pool = [
        [
            Evidence.model_construct(
                reference=rng.choice(ref_keys), quote=f"synthetic evidence {i}.{j}", section=None, provenance=None
            )
            for j in range(rng.choice((1, 1, 1, 2, 2, 3)))
        ]
        for i in range(1000)
    ]
    edges: list[Edge] = []
    seen: set[tuple[str, str, str]] = set()

    def add(source: str, target: str, predicate: str, location: str | None) -> bool:
        if source == target:
            return False
        key = predicate + (f"@{location}" if location else "")
        ident = (source, target, key)
        if ident in seen:
            return False
        seen.add(ident)
        edges.append(
            Edge.model_construct(
                source=source,
                target=target,
                predicate=Predicate(predicate),
                evidence=evidence_pool[int(rng.random() * len(evidence_pool))],
                location=location,
                modality=None,
                magnitude=None,
                timescale=None,
                mechanism=None,
                hedged=False,
                note=None,
            )
        )
        return True

    quotas = [(round(share * n_edges), layer) for share, *layer in LAYERS]
    for quota, (sources, targets, predicates, located) in quotas:
        made = 0
        while made < quota:
            s = rng.choice(by_kind[rng.choice(sources)])
            t = rng.choice(by_kind[rng.choice(targets)])
            p = rng.choice(predicates)
            if kind_of[t] not in spec(p).targets or kind_of[s] not in spec(p).sources:
                continue
            made += add(s, t, p, rng.choice(places) if located else None)
    while len(edges) < n_edges:
        s, t = rng.choice(all_ids), rng.choice(all_ids)
        allowed = cross[(kind_of[s], kind_of[t])]
        if allowed:
            add(s, t, rng.choice(allowed), None)
    return nodes, edges, references


def generate_graph(n_nodes: int, n_edges: int, *, seed: int = 0, validate: bool = False) -> MetaGraph:
    """Return a synthetic :class:`~metagraph.MetaGraph` (see :func:`generate_records`).

    Examples
    --------
    >>> generate_graph(150, 600, seed=2, validate=True)
    <MetaGraph: 150 nodes, 600 edges, 50 references>
    """
    from metagraph.graph import MetaGraph

    nodes, edges, references = generate_records(n_nodes, n_edges, seed=seed)
    return MetaGraph(nodes, edges, references, validate=validate)


def _dump(records: Sequence[Node | Edge | Reference]) -> list[dict]:
    return [r.model_dump(mode="json", exclude_defaults=True) for r in records]


def write_data_files(
    directory: str | Path,
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    references: Sequence[Reference],
    *,
    fmt: str = "yaml",
    edges_per_file: int = 10_000,
) -> list[Path]:
    """Write the records as data files the loader reads (``fmt`` "yaml" or "json"); return the paths.

    Nodes and references go to one file each, edges to files of ``edges_per_file``.
    Each file is written whole or not at all.

    Examples
    --------
    >>> import tempfile, metagraph
    >>> records = generate_records(120, 300, seed=4)
    >>> folder = tempfile.mkdtemp()
    >>> len(write_data_files(folder, *records, fmt="json"))
    3
    >>> metagraph.load(folder)
    <MetaGraph: 120 nodes, 300 edges, 50 references>
    """
    import yaml

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)

    def text(doc: dict) -> str:
        if fmt == "json":
            return json.dumps(doc, ensure_ascii=False, indent=1)
        return yaml.dump(
            doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=120
        )

    paths = [
        write_text_atomic(folder / f"nodes.{fmt}", text({"nodes": _dump(nodes)})),
        write_text_atomic(folder / f"references.{fmt}", text({"references": _dump(references)})),
    ]
    for start in range(0, len(edges), edges_per_file):
        chunk = edges[start : start + edges_per_file]
        paths.append(
            write_text_atomic(folder / f"edges_{start // edges_per_file:03d}.{fmt}", text({"edges": _dump(chunk)}))
        )
    return paths
