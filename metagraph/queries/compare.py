"""Comparing exercise modalities outcome by outcome, from the graph's own edges.

A cell of the comparison is what the graph says one modality does to one outcome:
its direct effect edges to the outcome and, for an outcome made of parts
(``body composition`` ← ``visceral fat``, ``lean muscle mass`` by ``part_of``), its
effect edges to the parts. Each cell keeps the edges' predicate, magnitude,
mechanism, place and citations.

Which outcomes make the rows when none are named: those that every modality acts
on (directly or through a part) and whose effect the source clearly grades for at
least one modality (a ``magnitude``, "high", "moderate"..., on one of the edges).
That is what a comparison table in a source is made of; it leaves out effects that
only one modality has, and effects stated without any grading. A grade is clear
when one of its edge's quotes grades no other outcome: when the very same quote
backs graded edges to two outcomes (a table cell that also names a second thing,
"Moderate impact; contributes to mitochondrial health"), the quote does not say
which outcome its grade is about, so it makes neither a row. Rows come in the order
their first edge appears in the graph (the first modality's edges first).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from metagraph._validation import with_article
from metagraph.errors import ArgumentTypeError, MetagraphError
from metagraph.models import Edge, Node
from metagraph.queries._args import resolve_all
from metagraph.queries.chains import groups_of, in_sentence, joint_name, node_name, reference_label, step_label
from metagraph.queries.context import Context, restrict
from metagraph.queries.reach import EFFECT_PREDICATES
from metagraph.queries.tables import html_table, markdown_table, require_pandas, text_table
from metagraph.queries.whatif import EFFECT_KINDS
from metagraph.schema import Kind, Predicate, spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["Cell", "Comparison", "compare", "graded_modalities"]

_EMPTY = "—"


@dataclass(frozen=True)
class Cell:
    """One edge of a comparison cell: a modality's effect on an outcome or on a part of it.

    Attributes
    ----------
    edge
        The effect edge.
    part
        The part of the outcome the edge points at (``None`` when it points at the outcome).
    group
        For a joint claim: the group (a node with ``member_of`` edges) whose edge it is;
        the column's node is one of its members. ``None`` for the column's own claim.
    """

    edge: Edge
    part: Node | None = None
    group: Node | None = None

    @property
    def joint(self) -> bool:
        """True when the edge is a group's claim (the modality is one of the group's members)."""
        return self.group is not None

    @property
    def graded(self) -> bool:
        """True when the source grades the effect (the edge has a magnitude)."""
        return self.edge.magnitude is not None


def _wholes(kg: MetaGraph, node: str) -> list[str]:
    """The node's wholes along ``part_of`` edges, nearest first, transitively."""
    out: list[str] = []
    todo = [node]
    succ = kg.nx.succ
    while todo:
        current = todo.pop(0)
        for whole, keyed in succ[current].items():
            if (
                whole not in out
                and whole != node
                and any(a["predicate"] == Predicate.PART_OF.value for a in keyed.values())
            ):
                out.append(whole)
                todo.append(whole)
    return out


class Comparison:
    """Modalities side by side, outcome by outcome, as the graph states them.

    Attributes
    ----------
    modalities : list of Node
        The columns.
    outcomes : list of Node
        The rows.
    cells : dict
        ``cells[outcome_id][modality_id]`` → list of :class:`Cell` (empty when the
        graph says nothing).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> table = sample_graph().compare(["HIIT", "RT"])
    >>> [o.name for o in table.outcomes]
    ['Mitochondrial biogenesis', 'Insulin sensitivity', 'Glucose uptake', 'Body composition']
    >>> table.magnitude("body composition", "RT")
    'superior'
    """

    def __init__(
        self, kg: MetaGraph, modalities: list[Node], outcomes: list[Node], cells: dict[str, dict[str, list[Cell]]]
    ) -> None:
        self._kg = kg
        self.modalities = modalities
        self.outcomes = outcomes
        self.cells = cells
        refs: list[str] = []
        for o in outcomes:
            for m in modalities:
                for c in cells[o.id][m.id]:
                    refs += [k for k in c.edge.references if k not in refs]
        self._numbers = {k: i for i, k in enumerate(refs, start=1)}

    # -- look-ups ------------------------------------------------------------------
    def _cell(self, outcome: str | Node, modality: str | Node) -> list[Cell]:
        o, m = self._kg.resolve(outcome), self._kg.resolve(modality)
        if o not in self.cells:
            raise MetagraphError(
                f"{o!r} is not a row of this comparison; the rows are: " + ", ".join(x.id for x in self.outcomes)
            )
        if m not in self.cells[o]:
            raise MetagraphError(
                f"{m!r} is not a column of this comparison; the columns are: "
                + ", ".join(x.id for x in self.modalities)
            )
        return self.cells[o][m]

    def magnitude(self, outcome: str | Node, modality: str | Node) -> str | None:
        """Return how strong the source says ``modality``'s effect on ``outcome`` is ("high", ...), if it says.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> table = sample_graph().compare(["HIIT", "RT"])
        >>> table.magnitude("mitochondrial biogenesis", "HIIT"), table.magnitude("glucose uptake", "HIIT")
        ('high', None)
        """
        for c in self._cell(outcome, modality):
            if c.edge.magnitude is not None:
                return c.edge.magnitude.value
        return None

    def mechanism(self, outcome: str | Node, modality: str | Node) -> str | None:
        """Return the mechanism ("insulin-dependent" / "insulin-independent") the source gives, if any."""
        for c in self._cell(outcome, modality):
            if c.edge.mechanism is not None:
                return c.edge.mechanism.value
        return None

    # -- text ----------------------------------------------------------------------
    def _describe(self, cell: Cell, *, cite: bool = True) -> str:
        e = cell.edge
        # a denied claim reads as a denial ("does not increase"), never as the effect it denies
        text = step_label(self._kg, e) if e.negated else spec(e.predicate).label
        if cell.part is not None:
            text += f" {in_sentence(cell.part.name)}"
        if e.magnitude is not None:
            text = f"{e.magnitude.value}: {text}"
        extras = [
            x
            for x in (
                e.mechanism.value if e.mechanism else None,
                f"in {node_name(self._kg, e.location)}" if e.location else None,
                e.timescale.value if e.timescale else None,
            )
            if x
        ]
        if extras:
            text += f" ({', '.join(extras)})"
        if cell.group is not None:
            # a claim made for the group, never shown as the member's own
            text = f"{joint_name(self._kg, cell.group.id)}: {text}"
        if cite:
            text += " " + "".join(f"[{self._numbers[k]}]" for k in e.references)
        return text

    def _text(self, outcome: Node, modality: Node, *, cite: bool = True) -> str:
        cells = self.cells[outcome.id][modality.id]
        return "; ".join(self._describe(c, cite=cite) for c in cells) if cells else _EMPTY

    def _grid(self) -> tuple[list[str], list[list[str]]]:
        headers = ["outcome", *(m.name for m in self.modalities)]
        rows = [[o.name, *(self._text(o, m) for m in self.modalities)] for o in self.outcomes]
        return headers, rows

    def _reference_lines(self) -> list[str]:
        refs = self._kg.references
        return [f"[{n}] {refs[k].citation() if k in refs else k}" for k, n in self._numbers.items()]

    def __str__(self) -> str:
        title = "Comparison of " + " and ".join(m.name for m in self.modalities)
        headers, rows = self._grid()
        lines = [title, text_table(headers, rows)] if rows else [title, "(no outcome to compare)"]
        if self._numbers:
            lines += ["", "References:", *(f"  {r}" for r in self._reference_lines())]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Comparison: {', '.join(m.id for m in self.modalities)} on {len(self.outcomes)} outcomes>"

    def to_markdown(self) -> str:
        """Return the comparison as a Markdown table followed by its numbered references.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> print(sample_graph().compare(["HIIT", "RT"]).to_markdown().splitlines()[2])
        | Mitochondrial biogenesis | high: increases [1] | moderate: increases [1] |
        """
        headers, rows = self._grid()
        text = markdown_table(headers, rows)
        if self._numbers:
            text += "\n\n" + "\n".join(f"{r}  " for r in self._reference_lines())
        return text

    def _repr_html_(self) -> str:
        headers, rows = self._grid()
        refs = "".join(f"<li>{html.escape(r)}</li>" for r in self._reference_lines())
        title = "Comparison of " + " and ".join(m.name for m in self.modalities)
        return (
            f'<div class="metagraph-comparison">{html_table(headers, rows, caption=title)}'
            f'<ul style="list-style:none;padding-left:0">{refs}</ul></div>'
        )

    # -- data ----------------------------------------------------------------------
    def records(self) -> list[dict[str, Any]]:
        """Return one record per edge: outcome, modality, effect, part, magnitude, mechanism, place, citations."""
        refs = self._kg.references
        out = []
        for o in self.outcomes:
            for m in self.modalities:
                for c in self.cells[o.id][m.id]:
                    e = c.edge
                    out.append(
                        {
                            "outcome": o.id,
                            "outcome_name": o.name,
                            "modality": m.id,
                            "modality_name": m.name,
                            "predicate": e.predicate.value,
                            "sign": e.sign,
                            "target": e.target,
                            "part": c.part.id if c.part else None,
                            "joint_group": c.group.id if c.group else None,
                            "magnitude": e.magnitude.value if e.magnitude else None,
                            "mechanism": e.mechanism.value if e.mechanism else None,
                            "location": e.location,
                            "references": e.references,
                            "citations": [reference_label(refs, k) for k in e.references],
                            "hedged": e.hedged,
                            "contested": e.contested,
                            "quotes": [ev.text for ev in e.evidence],
                        }
                    )
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the modalities, the outcomes and every cell's edges (JSON-ready)."""
        records = self.records()
        return {
            "modalities": [{"id": m.id, "name": m.name} for m in self.modalities],
            "outcomes": [
                {
                    "id": o.id,
                    "name": o.name,
                    "cells": {
                        m.id: {
                            "text": self._text(o, m, cite=False),
                            "edges": [r for r in records if r["outcome"] == o.id and r["modality"] == m.id],
                        }
                        for m in self.modalities
                    },
                }
                for o in self.outcomes
            ],
            "references": {
                k: (self._kg.references[k].citation() if k in self._kg.references else k) for k in self._numbers
            },
        }

    def to_frame(self) -> Any:
        """Return one row per edge (tidy: outcome, modality, effect, ...) as a ``pandas.DataFrame``."""
        pd = require_pandas("Comparison.to_frame()")
        rows = [
            {
                **r,
                "references": "; ".join(r["references"]),
                "citations": "; ".join(r["citations"]),
                "quotes": " | ".join(r["quotes"]),
            }
            for r in self.records()
        ]
        return pd.DataFrame(rows)


def compare(
    kg: MetaGraph,
    modalities: str | Node | Iterable[str | Node],
    outcomes: str | Node | Iterable[str | Node] | None = None,
    **context: Unpack[Context],
) -> Comparison:
    """Compare modalities outcome by outcome: effect, magnitude, mechanism, place and citations.

    Built from the graph: direct modality → outcome edges and, for an outcome with
    parts, the edges to its parts (see the module notes).

    Parameters
    ----------
    kg
        The graph.
    modalities
        Ids, names or synonyms of the modalities (the columns).
    outcomes
        The rows; by default the outcomes every modality acts on and the source
        grades (see the module notes).
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Returns
    -------
    Comparison
        The table: print it, or read one cell with ``magnitude(outcome, modality)``
        and the others of :class:`Comparison`.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        No modality, or one named twice.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> print(compare(sample_graph(), ["HIIT", "RT"], outcomes=["body composition"]))
    Comparison of HIIT and Resistance training
    outcome           HIIT                                   Resistance training
    ----------------  -------------------------------------  ----------------------------------------
    Body composition  effective: decreases visceral fat [1]  superior: increases lean muscle mass [1]
    <BLANKLINE>
    References:
      [1] Targeted exercise protocols and the reversal of metabolic dysregulation.
    >>> sample_graph().compare(["HIIT", "resistance training"]).magnitude("insulin sensitivity", "resistance training")
    'dramatic'
    """
    kg = restrict(kg, **context)
    columns = [kg.node(m) for m in resolve_all(kg, modalities)]
    if not columns:
        raise MetagraphError("name at least one modality to compare, e.g. compare(['HIIT', 'resistance training'])")
    if len({m.id for m in columns}) != len(columns):
        raise MetagraphError("a modality is named twice; name each once")
    if len({m.kind for m in columns}) > 1:  # an exercise beside a signal compares nothing like with like
        first = columns[0]
        odd = next(m for m in columns if m.kind is not first.kind)
        raise ArgumentTypeError(
            f"compare() sets nodes of one kind side by side: {first.name} is {with_article(first.kind.value)}, "
            f"{odd.name} is {with_article(odd.kind.value)}"
        )
    kinds = {k.value for k in EFFECT_KINDS}
    effects = {p.value for p in EFFECT_PREDICATES}
    found: dict[str, dict[str, list[Cell]]] = {}
    order: list[str] = []
    node_attrs = kg.nx.nodes
    for m in columns:
        # the modality's own claims, then those of the groups it is a member of (marked joint)
        claimants = [(m.id, None), *((g, kg.node(g)) for g in groups_of(kg, m.id))]
        triples = [(c, g, t, k, a) for c, g in claimants for _, t, k, a in kg.nx.out_edges(c, keys=True, data=True)]
        for claimant, group, target, key, attrs in triples:
            if attrs["predicate"] not in effects:
                continue
            edge = kg.edge_model(claimant, target, key)
            rows = [(target, None)] + [(whole, target) for whole in _wholes(kg, target)]
            for row, part in rows:
                if node_attrs[row]["kind"] not in kinds:
                    continue
                if row not in found:
                    found[row] = {c.id: [] for c in columns}
                    order.append(row)
                found[row][m.id].append(Cell(edge, kg.node(part) if part else None, group))
    if outcomes is None:
        clear = _clear_grades([c.edge for row in found.values() for cells in row.values() for c in cells])
        rows_ids = [
            o
            for o in order
            if all(found[o][m.id] for m in columns) and any(c.edge in clear for m in columns for c in found[o][m.id])
        ]
    else:
        rows_ids = resolve_all(kg, outcomes)
    cells = {o: found.get(o, {m.id: [] for m in columns}) for o in rows_ids}
    return Comparison(kg, columns, [kg.node(o) for o in rows_ids], cells)


def _clear_grades(edges: list[Edge]) -> list[Edge]:
    """The graded edges with a quote that backs no graded edge to another target."""
    graded = [e for e in edges if e.magnitude is not None]
    targets: dict[str, set[str]] = {}
    for e in graded:
        for ev in e.evidence:
            targets.setdefault(ev.text, set()).add(e.target)
    return [e for e in graded if any(len(targets[ev.text]) == 1 for ev in e.evidence)]


def graded_modalities(kg: MetaGraph) -> list[str]:
    """Return the ids of the exercise nodes with at least one graded effect (an effect edge with a magnitude).

    These are the modalities the source compares; the ``compare`` command uses them
    when none is named.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> graded_modalities(sample_graph())
    ['hiit', 'resistance_training']
    """
    effects = {p.value for p in EFFECT_PREDICATES}
    out = []
    for node in kg.nodes(kind=Kind.EXERCISE):
        for _, _, attrs in kg.nx.out_edges(node.id, data=True):
            if attrs["predicate"] in effects and attrs["magnitude"] is not None:
                out.append(node.id)
                break
    if not out:
        raise MetagraphError(
            "no exercise in the graph has a graded effect to compare; name the modalities, "
            'e.g. `metagraph compare HIIT "resistance training"`'
        )
    return out
