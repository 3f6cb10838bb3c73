"""Reversal: what an exercise pushes back of what a condition disturbs, and which exercise to choose.

A condition (insulin resistance, chronic inflammation) moves the nodes downstream of
it: the sign of its net effect on each is what the condition does there. An exercise
modality *reverses* a disturbed node when its own net effect on that node has the
opposite sign, *aggravates* it when the signs agree, leaves it *untouched* when no
chain joins them, and is *ambiguous* when either side's chains disagree. Both sides
are computed with :func:`~metagraph.queries.trace.trace`, so they follow exactly the
chains ``trace`` follows (effects only: no association, no denied claim), in the same
order (mechanism first) and under the same context filters.

A combined protocol (a modality with ``has_component`` edges, e.g. combined training)
acts through its own edges and through those of the protocols it combines: that is
what combining them means, and it is how the graph can say the combination reverses
the most.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from metagraph.errors import MetagraphError
from metagraph.models import Edge, Node
from metagraph.queries._args import check_count
from metagraph.queries._paths import EdgeTriple, find_paths_to_many
from metagraph.queries.chains import Chain
from metagraph.queries.context import Context, restrict
from metagraph.queries.tables import html_table, markdown_table, require_pandas, text_table
from metagraph.queries.trace import Chains, trace
from metagraph.schema import Kind, Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["CLASSES", "Response", "Reversal", "reversal"]

#: How a modality stands to one disturbed node, in the order tables list them.
CLASSES = ("reversed", "aggravated", "ambiguous", "untouched")

# The steps a summary names as mechanisms: what happens between the modality and the node.
_STEP_KINDS = frozenset({Kind.SIGNAL, Kind.MYOKINE, Kind.GENE, Kind.PROCESS})
# Places and protocols are not quantities a condition can move.
_MOVABLE = frozenset(Kind) - {Kind.ORGAN, Kind.CELL, Kind.EXERCISE}
_CHAIN_LIMIT = 50  # as net_effect: enough chains to see both sides of an ambiguous effect


def _first(names: list[str], n: int) -> str:
    """The first ``n`` names, and how many more there are."""
    shown = ", ".join(names[:n])
    return shown + (f" and {len(names) - n} more" if len(names) > n else "")


def _verdict(chains: list[Chain]) -> str | None:
    signs = {c.sign for c in chains}
    if not signs:
        return None
    if len(signs) > 1:
        return "ambiguous"
    return "increases" if signs == {1} else "decreases"


@dataclass(frozen=True)
class Response:
    """One modality's side on one disturbed node.

    Attributes
    ----------
    modality
        The exercise modality.
    status
        ``"reversed"``, ``"aggravated"``, ``"ambiguous"`` or ``"untouched"``.
    verdict
        The modality's net effect on the node (``"increases"``, ``"decreases"``,
        ``"ambiguous"``), or ``None`` when no chain joins them.
    chains
        The modality's chains to the node, mechanism first (those through the
        protocols a combined modality combines included).
    via_component
        For each chain (same order), the component protocol it starts from, or ``None``.
    why
        One sentence saying how the status follows from the two sides.
    """

    modality: Node
    status: str
    verdict: str | None
    chains: list[Chain] = field(default_factory=list)
    via_component: list[Node | None] = field(default_factory=list)
    why: str = ""

    @property
    def best(self) -> Chain | None:
        """The first chain on the side that decides the status (the mechanism-first one)."""
        if not self.chains:
            return None
        if self.verdict in ("increases", "decreases"):
            want = 1 if self.verdict == "increases" else -1
            return next(c for c in self.chains if c.sign == want)
        return self.chains[0]


@dataclass(frozen=True)
class Row:
    """A node the condition disturbs, and what each modality does to it.

    Attributes
    ----------
    node
        The disturbed node.
    effect
        What the condition does to it: ``"increases"``, ``"decreases"`` or ``"ambiguous"``
        (the condition itself is listed with ``"present"``).
    chains
        The condition's chains to the node (empty for the condition itself).
    responses
        One :class:`Response` per modality, in the order asked.
    """

    node: Node
    effect: str
    chains: list[Chain]
    responses: list[Response]


def _edges_of(chains: Iterable[Chain]) -> list[Edge]:
    return [e for c in chains for e in c.edges]


class Reversal:
    """What each modality pushes back of what a condition disturbs.

    Attributes
    ----------
    condition : Node
        The condition asked about.
    modalities : list of Node
        The modalities compared, in the order asked.
    rows : list of Row
        The disturbed nodes (the condition first, then nearest first, then by name).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> r = sample_graph().reversal("insulin resistance", "HIIT")
    >>> [(row.node.name, row.responses[0].status) for row in r.rows][:1]
    [('Insulin resistance', 'ambiguous')]
    """

    def __init__(self, kg: MetaGraph, condition: Node, modalities: list[Node], rows: list[Row]) -> None:
        self._kg = kg
        self.condition = condition
        self.modalities = modalities
        self.rows = rows

    # -- summaries ---------------------------------------------------------------------
    def nodes(self, modality: str | Node, status: str) -> list[Node]:
        """The disturbed nodes that ``modality`` leaves in ``status`` (``"reversed"``...).

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> r = sample_graph().reversal("insulin resistance", ["HIIT", "RT"])
        >>> [n.name for n in r.nodes("RT", "reversed")], [n.name for n in r.nodes("HIIT", "ambiguous")]
        (['Insulin resistance'], ['Insulin resistance'])
        """
        if status not in CLASSES:
            raise MetagraphError(f"status must be one of {', '.join(CLASSES)}, not {status!r}")
        i = self._index(modality)
        return [row.node for row in self.rows if row.responses[i].status == status]

    def _index(self, modality: str | Node) -> int:
        mid = self._kg.resolve(modality)
        for i, m in enumerate(self.modalities):
            if m.id == mid:
                return i
        raise MetagraphError(f"{self._kg.node(mid).name} is not one of the modalities of this reversal")

    def summary(self) -> list[dict[str, Any]]:
        """One record per modality: counts by status, the mechanisms and the source's grading words.

        ``mechanisms`` are the steps (signals, myokines, genes and processes) and the
        ``mechanism`` qualifiers (insulin-independent...) of every chain that reverses a
        node, most used first; ``strengths`` are the magnitude words the source gives on
        the modality's own edges in those chains, with the node they grade
        ("high: Mitochondrial biogenesis").

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> s = sample_graph().reversal("insulin resistance", ["HIIT", "RT"]).summary()[1]
        >>> s["modality"], s["reversed"], s["strengths"][:2]
        ('Resistance training', 1, ['dramatic: Insulin sensitivity', 'significant: Glucose uptake'])
        """
        out = []
        for i, m in enumerate(self.modalities):
            counts = dict.fromkeys(CLASSES, 0)
            steps: dict[str, int] = {}
            strengths: dict[str, None] = {}
            for row in self.rows:
                response = row.responses[i]
                counts[response.status] += 1
                if response.status != "reversed":
                    continue
                want = 1 if response.verdict == "increases" else -1
                for chain in response.chains:
                    if chain.sign != want:
                        continue
                    for node in chain.nodes[1:-1]:
                        if node.kind in _STEP_KINDS:
                            steps[node.name] = steps.get(node.name, 0) + 1
                    for edge in chain.edges:
                        if edge.mechanism is not None:
                            steps[edge.mechanism.value] = steps.get(edge.mechanism.value, 0) + 1
                    first = chain.edges[0]
                    if first.magnitude is not None:
                        strengths[f"{first.magnitude.value}: {self._kg.node(first.target).name}"] = None
            ranked = sorted(steps, key=lambda k: -steps[k])  # stable: ties keep the order first met
            out.append(
                {
                    "modality": m.name,
                    **counts,
                    "disturbed": len(self.rows),
                    "mechanisms": ranked,
                    "strengths": list(strengths),
                }
            )
        return out

    def most_comprehensive(self) -> list[Node]:
        """The modalities that reverse the most disturbed nodes, through the most distinct mechanisms.

        Reach decides first (how many of the condition's effects a modality pushes
        back); among modalities that reverse as many, the one that does it through more
        distinct steps and qualifiers is the more comprehensive. Several when still
        tied; none if none reverses anything.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [m.name for m in sample_graph().reversal("insulin resistance", ["HIIT", "RT"]).most_comprehensive()]
        ['Resistance training']
        """
        scores = [(s["reversed"], len(s["mechanisms"])) for s in self.summary()]
        best = max(scores, default=(0, 0))
        if best[0] == 0:
            return []
        return [m for m, score in zip(self.modalities, scores, strict=True) if score == best]

    def chains(self, status: str = "reversed") -> list[Chain]:
        """The chains behind every node some modality leaves in ``status``: the condition's, then the modalities'.

        These are what a diagram of the reversal highlights (``kg.to_html(path, highlight=r.chains())``).

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [str(c) for c in sample_graph().reversal("insulin resistance", "RT").chains()]
        ['Resistance training —increases→ Insulin sensitivity —decreases→ Insulin resistance']
        """
        if status not in CLASSES:
            raise MetagraphError(f"status must be one of {', '.join(CLASSES)}, not {status!r}")
        out: list[Chain] = []
        for row in self.rows:
            picked = [r.best for r in row.responses if r.status == status and r.best is not None]
            if picked and row.chains:
                out.append(row.chains[0])
            out += picked
        return list(dict.fromkeys(out))

    # -- output --------------------------------------------------------------------------
    def _cells(self, row: Row) -> list[str]:
        cells = [row.node.name, row.effect]
        for counter in row.responses:
            text = counter.status
            if counter.status in ("reversed", "aggravated") and counter.best is not None:
                text += f" ({counter.verdict}; {counter.best.hops} step{'s' if counter.best.hops != 1 else ''})"
            cells.append(text)
        return cells

    @property
    def headers(self) -> list[str]:
        """Column titles: the node, the condition's effect, one column per modality."""
        return ["disturbed node", f"{self.condition.name} does", *(m.name for m in self.modalities)]

    @property
    def title(self) -> str:
        """A line saying what the table answers."""
        names = ", ".join(m.name for m in self.modalities)
        return f"What {names} push{'es' if len(self.modalities) == 1 else ''} back of {self.condition.name}"

    def __str__(self) -> str:
        lines = [self.title, text_table(self.headers, [self._cells(r) for r in self.rows]), ""]
        for s in self.summary():
            lines.append(
                f"{s['modality']}: reverses {s['reversed']} of {s['disturbed']}, aggravates {s['aggravated']}, "
                f"ambiguous {s['ambiguous']}, untouched {s['untouched']}"
                + (f"; through {_first(s['mechanisms'], 5)}" if s["mechanisms"] else "")
                + (f"; graded {', '.join(s['strengths'])}" if s["strengths"] else "")
            )
        best = self.most_comprehensive()
        if len(self.modalities) > 1:
            lines.append(
                "Most comprehensive: " + (", ".join(m.name for m in best) if best else "none (no reversal found)")
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<Reversal of {self.condition.id} by {', '.join(m.id for m in self.modalities)}: {len(self.rows)} nodes>"
        )

    def to_markdown(self) -> str:
        """The table and the per-modality summary in Markdown."""
        table = markdown_table(self.headers, [self._cells(r) for r in self.rows])
        summary = "\n".join(
            f"- **{s['modality']}**: reverses {s['reversed']} of {s['disturbed']}"
            + (f" (through {_first(s['mechanisms'], 5)})" if s["mechanisms"] else "")
            for s in self.summary()
        )
        return f"{self.title}\n\n{table}\n\n{summary}"

    def _repr_html_(self) -> str:
        table = html_table(self.headers, [self._cells(r) for r in self.rows], caption=self.title)
        items = "".join(
            f"<li><b>{html.escape(s['modality'])}</b>: reverses {s['reversed']} of {s['disturbed']}</li>"
            for s in self.summary()
        )
        return f'<div class="metagraph-reversal">{table}<ul>{items}</ul></div>'

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-ready: rows with both sides' verdicts and best chains, and the summary."""
        return {
            "condition": self.condition.id,
            "modalities": [m.id for m in self.modalities],
            "rows": [
                {
                    "node": row.node.id,
                    "name": row.node.name,
                    "condition_effect": row.effect,
                    "condition_chain": str(row.chains[0]) if row.chains else None,
                    "modalities": {
                        c.modality.id: {
                            "status": c.status,
                            "verdict": c.verdict,
                            "why": c.why,
                            "chain": str(c.best) if c.best is not None else None,
                            "chains": len(c.chains),
                        }
                        for c in row.responses
                    },
                }
                for row in self.rows
            ],
            "summary": self.summary(),
        }

    def to_frame(self) -> Any:
        """One row per disturbed node and modality, as a ``pandas.DataFrame`` (needs pandas)."""
        pd = require_pandas("Reversal.to_frame()")
        return pd.DataFrame(
            [
                {
                    "node": row.node.name,
                    "condition_effect": row.effect,
                    "modality": c.modality.name,
                    "status": c.status,
                    "verdict": c.verdict,
                    "chain": str(c.best) if c.best is not None else None,
                }
                for row in self.rows
                for c in row.responses
            ]
        )

    def explain(self) -> str:
        """Each disturbed node in words: what the condition does, and how each modality answers it, with chains."""
        out = [self.title + "."]
        for row in self.rows:
            head = (
                f"{row.node.name}: the condition itself."
                if not row.chains
                else f"{self.condition.name} {row.effect} {row.node.name} ({row.chains[0]})."
            )
            out.append("\n" + head)
            for c in row.responses:
                out.append(f"  {c.modality.name}: {c.status}. {c.why}")
                if c.best is not None and c.status in ("reversed", "aggravated", "ambiguous"):
                    out.append(f"    e.g. {c.best}")
        return "\n".join(out)


def _components(kg: MetaGraph, modality: str) -> list[str]:
    """The protocols a combined modality combines (``has_component``), transitively, in graph order."""
    out: list[str] = []
    todo = [modality]
    while todo:
        current = todo.pop(0)
        for _, part, attrs in kg.nx.out_edges(current, data=True):
            if attrs["predicate"] == Predicate.HAS_COMPONENT.value and part not in out and part != modality:
                out.append(part)
                todo.append(part)
    return out


class _Sides:
    """The chains from each source of a reversal to each node it asks about, found one source at a time.

    ``reversal`` asks :func:`~metagraph.queries.trace.trace` for the chains from the condition
    and from every modality (and the protocols it combines) to every disturbed node: hundreds
    of searches that repeat the same first steps. One search per source
    (:func:`~metagraph.queries._paths.find_paths_to_many`) finds the same chains, in the same
    order; when it would take too long (a source on a dense graph) or the options are more
    than context filters (``via``, ``order``...), the chains come from ``trace`` itself.
    """

    def __init__(self, kg: MetaGraph, targets: list[str], max_hops: int, context: dict[str, Any]) -> None:
        self._kg = kg
        self._targets = targets
        self._max_hops = max_hops
        self._context = context
        self._found: dict[str, dict[str, list[tuple[EdgeTriple, ...]]] | None] = {}
        self._graph: MetaGraph | None = None
        if set(context) <= set(Context.__annotations__):
            self._graph = restrict(kg, **context)

    def chains(self, source: str, target: str) -> list[Chain]:
        if source == target:
            return []
        if self._graph is None:
            return trace(self._kg, source, target, max_hops=self._max_hops, limit=_CHAIN_LIMIT, **self._context)
        if source not in self._found:
            # About what the per-target searches would take together; beyond it they are cheaper.
            budget = 200_000 + 2_000 * len(self._targets)
            self._found[source] = find_paths_to_many(
                self._graph.nx,
                source,
                self._targets,
                max_hops=self._max_hops,
                limit=_CHAIN_LIMIT,
                order="mechanism",
                budget=budget,
            )
        found = self._found[source]
        if found is None or target not in found:
            return trace(self._kg, source, target, max_hops=self._max_hops, limit=_CHAIN_LIMIT, **self._context)
        return Chains(Chain(self._graph, p) for p in found[target])


def _status(effect: str, verdict: str | None) -> tuple[str, str]:
    if verdict is None:
        return "untouched", "No chain of effects joins them."
    if effect == "ambiguous":
        return "ambiguous", "The condition's own chains disagree on the direction, so nothing can be reversed."
    if verdict == "ambiguous":
        return "ambiguous", "Its chains disagree: some raise the node, some lower it."
    condition_up = effect in ("increases", "present")
    modality_up = verdict == "increases"
    if condition_up != modality_up:
        return "reversed", f"It {verdict} what the condition {'raises' if condition_up else 'lowers'}."
    return "aggravated", f"It {verdict} the node in the same direction as the condition."


def reversal(
    kg: MetaGraph,
    condition: str | Node,
    modalities: str | Node | Iterable[str | Node],
    *,
    max_hops: int = 4,
    **context: Any,
) -> Reversal:
    """Ask what each modality pushes back of what ``condition`` disturbs.

    For every node downstream of the condition (within ``max_hops`` steps; places
    and protocols left out) the condition's net effect is compared with each
    modality's: *reversed* (opposite signs), *aggravated* (same sign), *ambiguous*
    (either side's chains disagree) or *untouched* (no chain). The condition itself
    is the first row: a modality that lowers it reverses it. Associations and
    denied claims are never followed, so a node only they link is never reversed.

    Parameters
    ----------
    kg
        The graph.
    condition
        Id, name or synonym of the condition (any node the graph has effects from).
    modalities
        One modality or several, compared side by side.
    max_hops
        Longest chain, in edges, on either side.
    **context
        Further options of :func:`~metagraph.queries.trace.trace` for both sides
        (context filters such as ``timescale``, where the graph supports them).

    Returns
    -------
    Reversal
        The disturbed nodes with each modality's status, chains and summary.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        No modality given, a modality that is not an exercise, or a bad ``max_hops``.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> r = kg.reversal("inflammation", ["HIIT", "RT"])
    >>> for row in r.rows:
    ...     print(row.node.name, row.effect, [c.status for c in row.responses])
    Inflammation present ['aggravated', 'untouched']
    Insulin resistance increases ['ambiguous', 'reversed']
    >>> print(r.rows[1].responses[0].why)
    Its chains disagree: some raise the node, some lower it.
    >>> print(str(kg.reversal("insulin resistance", ["HIIT", "RT"])).splitlines()[-1])
    Most comprehensive: Resistance training
    """
    check_count(max_hops, "max_hops")
    cond = kg.node(condition)
    if isinstance(modalities, str | Node):
        modalities = [modalities]
    mods = [kg.node(m) for m in modalities]
    if not mods:
        raise MetagraphError("reversal() needs at least one exercise modality to compare")
    for m in mods:
        if m.kind is not Kind.EXERCISE:
            raise MetagraphError(f"reversal() compares exercise modalities; {m.name} is a {m.kind.value}")
    disturbed = [n for n in kg.downstream(cond, max_hops=max_hops) if n.kind in _MOVABLE and n.id != cond.id]
    sources = {m.id: [m.id, *_components(kg, m.id)] for m in mods}
    sides = _Sides(kg, [n.id for n in [cond, *disturbed]], max_hops, context)
    rows: list[Row] = []
    for node in [cond, *disturbed]:
        chains = sides.chains(cond.id, node.id)
        effect = "present" if node.id == cond.id else _verdict(chains)
        if effect is None:  # reachable only along a route trace refuses (e.g. acute then chronic)
            continue
        responses = []
        for m in mods:
            found: list[Chain] = []
            via: list[Node | None] = []
            for start in sources[m.id]:
                for chain in sides.chains(start, node.id):
                    found.append(chain)
                    via.append(None if start == m.id else kg.node(start))
            status, why = _status(effect, _verdict(found))
            if any(v is not None for v in via):
                names = ", ".join(dict.fromkeys(v.name for v in via if v is not None))
                why += f" (through the protocols it combines: {names})"
            responses.append(Response(m, status, _verdict(found), found, via, why))
        rows.append(Row(node, effect, chains, responses))
    return Reversal(kg, cond, mods, rows)
