"""Whole-graph rules: what one record cannot check about itself.

Every edge's nodes exist, its predicate joins kinds that the schema allows, its
qualifiers point at nodes of the right kind, its evidence cites defined references,
and ids are unique across all files.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from metagraph._yaml import line_of
from metagraph.errors import Problem
from metagraph.models import Edge, Node, Reference
from metagraph.schema import PREDICATES, Kind, allowed_predicates

__all__ = ["Origin", "check_graph", "kind_violations", "with_article"]


@dataclass(frozen=True)
class Origin:
    """Where a record was read from: file, line and path inside the document."""

    file: str | None = None
    line: int | None = None
    where: str = ""
    raw: Any = dataclasses.field(default=None, compare=False, repr=False)

    def problem(self, message: str, hint: str = "", *, loc: tuple[str | int, ...] = ()) -> Problem:
        """Make a :class:`~metagraph.errors.Problem` here, at the field ``loc`` of the record if given."""
        where = self.where
        for part in loc:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
        line = line_of(self.raw, loc) if loc and self.raw is not None else None
        return Problem(self.file, line if line is not None else self.line, where, message, hint)

    def __str__(self) -> str:
        place = self.file or "<data>"
        return f"{place}:{self.line}" if self.line is not None else place


_NOWHERE = Origin()


def with_article(word: str) -> str:
    """Return ``word`` with "a" or "an" before it.

    Examples
    --------
    >>> with_article("organ"), with_article("signal")
    ('an organ', 'a signal')
    """
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _did_you_mean(value: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    return "define it first or check the spelling"


_QUALIFIER_KINDS = (("location", frozenset({Kind.ORGAN, Kind.CELL})), ("modality", frozenset({Kind.EXERCISE})))


@functools.cache
def _joins() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Predicate → the kinds it may join, keyed by their strings.

    Enum members hash in Python code and strings in C: this check runs for every edge read.
    ``Predicate`` and ``Kind`` are ``StrEnum``s, so their members find these keys too.
    """
    return {
        str(p): (frozenset(str(k) for k in rule.sources), frozenset(str(k) for k in rule.targets))
        for p, rule in PREDICATES.items()
    }


def kind_violations(edge: Edge, kinds: Mapping[str, Kind]) -> list[tuple[tuple[str, ...], str, str]]:
    """Return how ``edge`` breaks the schema graph, given the kind of each node id.

    Each violation is ``(field, message, hint)``. Ids missing from ``kinds`` are
    skipped: reporting them is the caller's business.

    Examples
    --------
    >>> e = Edge(source="il6", target="liver", predicate="increases", evidence=[{"reference": "r", "quote": "q"}])
    >>> [m for _, m, _ in kind_violations(e, {"il6": Kind.MYOKINE, "liver": Kind.ORGAN})]
    ["'increases' cannot join a myokine ('il6') to an organ ('liver')"]
    """
    out: list[tuple[tuple[str, ...], str, str]] = []
    s, t = kinds.get(edge.source), kinds.get(edge.target)
    if s is not None and t is not None:
        sources, targets = _joins()[edge.predicate]
        if s not in sources or t not in targets:
            fits = [str(p) for p in allowed_predicates(s, t)]
            hint = ("use one of: " + ", ".join(fits)) if fits else "no predicate joins these kinds"
            out.append(
                (
                    ("predicate",),
                    f"{edge.predicate.value!r} cannot join {with_article(s.value)} "
                    f"({edge.source!r}) to {with_article(t.value)} ({edge.target!r})",
                    hint,
                )
            )
    for field, allowed in _QUALIFIER_KINDS:
        value = getattr(edge, field)
        if value is not None and value in kinds and kinds[value] not in allowed:
            names = " or ".join(sorted(k.value for k in allowed))
            out.append(
                (
                    (field,),
                    f"{field} {value!r} is {with_article(kinds[value].value)}",
                    f"a {field} must be a node of kind {names}",
                )
            )
    return out


def check_graph(
    nodes: Sequence[tuple[Node, Origin]],
    edges: Sequence[tuple[Edge, Origin]],
    references: Sequence[tuple[Reference, Origin]],
    *,
    declared_ids: set[str] | frozenset[str] = frozenset(),
    declared_refs: set[str] | frozenset[str] = frozenset(),
    check_references: bool = True,
) -> list[Problem]:
    """Check the rules that need the whole graph; return every problem found.

    Parameters
    ----------
    nodes, edges, references
        Records that passed their own validation, each with where it was read from.
    declared_ids, declared_refs
        Ids and keys of records that failed their own validation: an edge naming one
        of them is not reported again as pointing at an unknown node.
    check_references
        Report edges naming unknown nodes or references. The loader turns this off
        when a file could not be parsed, since its records are then unknown.

    Examples
    --------
    >>> n = Node(id="ampk", name="AMPK", kind="signal")
    >>> e = Edge(source="ampk", target="pgc1", predicate="activates",
    ...          evidence=[{"reference": "r", "quote": "q"}])
    >>> for p in check_graph([(n, Origin())], [(e, Origin("e.yaml", 4, "edges[0]"))], []):
    ...     print(p)
    e.yaml:4: edges[0].target: unknown node 'pgc1'; define it first or check the spelling
    e.yaml:4: edges[0].evidence[0].reference: unknown reference 'r'; define it in a references: list
    """
    problems: list[Problem] = []
    kinds: dict[str, Kind] = {}
    first: dict[str, Origin] = {}
    for node, origin in nodes:
        if node.id in first:
            problems.append(
                origin.problem(
                    f"node id {node.id!r} is already defined at {first[node.id]}",
                    "rename one of them, or merge the two records into one",
                    loc=("id",),
                )
            )
            continue
        first[node.id] = origin
        kinds[node.id] = node.kind

    ref_first: dict[str, Origin] = {}
    for ref, origin in references:
        if ref.key in ref_first:
            problems.append(
                origin.problem(
                    f"reference key {ref.key!r} is already defined at {ref_first[ref.key]}",
                    "rename one of them or keep a single record",
                    loc=("key",),
                )
            )
            continue
        ref_first[ref.key] = origin

    known_ids = sorted(kinds)
    known_refs = sorted(ref_first)
    edge_first: dict[tuple[str, str, str], Origin] = {}
    for edge, origin in edges:
        for field in ("source", "target", "location", "modality"):
            value = getattr(edge, field)
            if value is not None and value not in kinds and check_references and value not in declared_ids:
                problems.append(
                    origin.problem(f"unknown node {value!r}", _did_you_mean(value, known_ids), loc=(field,))
                )
        if edge.source == edge.target:
            problems.append(
                origin.problem(f"the edge goes from {edge.source!r} to itself", "an edge joins two different nodes")
            )
        for loc, message, hint in kind_violations(edge, kinds):
            problems.append(origin.problem(message, hint, loc=loc))
        for i, ev in enumerate(edge.evidence):
            if check_references and ev.reference not in ref_first and ev.reference not in declared_refs:
                problems.append(
                    origin.problem(
                        f"unknown reference {ev.reference!r}",
                        _did_you_mean(ev.reference, known_refs)
                        if known_refs and difflib.get_close_matches(ev.reference, known_refs, n=1, cutoff=0.6)
                        else "define it in a references: list",
                        loc=("evidence", i, "reference"),
                    )
                )
        ident = (edge.source, edge.target, edge.key)
        if ident in edge_first:
            problems.append(
                origin.problem(
                    f"the edge {edge.source} -{edge.key}-> {edge.target} is already defined at {edge_first[ident]}",
                    "merge the evidence of the two records into one edge (another file may repeat an edge only"
                    " to add evidence, with exactly the same qualifiers)",
                )
            )
        else:
            edge_first[ident] = origin
    return problems
