"""Cause-to-effect questions: the chains from one node to another, and their net effect."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict, Unpack

from metagraph.errors import MetagraphError, NoPathError
from metagraph.queries._args import check_count, closest, parse_predicates, resolve_all
from metagraph.queries._paths import ORDERS, chain_order, find_edge_paths
from metagraph.queries.chains import Chain, step_label
from metagraph.queries.context import Context, describe_context, restrict
from metagraph.queries.tables import require_pandas
from metagraph.schema import Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Node

__all__ = ["Chains", "NetEffect", "net_effect", "no_path_message", "parse_order", "trace"]

Names: TypeAlias = "str | Node | Iterable[str | Node]"

#: Structural links along which a ``via`` node that no chain passes may point to one that does
#: (GLUT4 participates in GLUT4 translocation; a precursor is cleaved into its product).
_LINKS = frozenset(
    p.value
    for p in (
        Predicate.PARTICIPATES_IN,
        Predicate.MEMBER_OF,
        Predicate.PART_OF,
        Predicate.IS_A,
        Predicate.CLEAVED_INTO,
        Predicate.ENCODES,
        Predicate.HAS_COMPONENT,
        Predicate.CONVERTS_TO,
        Predicate.LOCATED_IN,
    )
)


def parse_order(order: str) -> str:
    """Return a chain order (one of ``"mechanism"``, ``"shortest"``, ``"evidence"``), or raise a helpful error.

    Examples
    --------
    >>> parse_order("Mechanism")
    'mechanism'
    >>> parse_order("shortst")
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: unknown order 'shortst'; did you mean 'shortest'? the orders are: mechanism, \
shortest, evidence
    """
    text = str(order).strip().lower()
    if text in ORDERS:
        return text
    raise MetagraphError(f"unknown order {order!r}; {closest(text, list(ORDERS))}the orders are: {', '.join(ORDERS)}")


class Chains(list[Chain]):
    """The chains :func:`trace` found: a list of :class:`Chain`, which says why when it is empty.

    Attributes
    ----------
    why : str
        When empty, why no chain was found and what to try (:func:`no_path_message`);
        otherwise "".

    Examples
    --------
    >>> from metagraph.examples import pathway_graph
    >>> found = pathway_graph().trace("HIIT", "glucose uptake", via="GLUT4")
    >>> found == [], found.why.split(". ")[1]
    (True, 'GLUT4 has no incoming effect edges; did you mean GLUT4 translocation?')
    """

    def __init__(self, chains: Iterable[Chain] = (), *, why: Any = None) -> None:
        super().__init__(chains)
        self._why = why

    @property
    def why(self) -> str:
        if self or self._why is None:
            return ""
        if callable(self._why):
            self._why = self._why()
        return str(self._why)

    def __repr__(self) -> str:
        return super().__repr__() if self else f"Chains([]): {self.why}"


def trace(
    kg: MetaGraph,
    source: str | Node,
    target: str | Node,
    *,
    max_hops: int = 6,
    limit: int | None = 10,
    via: Names = (),
    avoid: Names = (),
    predicates: str | Iterable[str] | None = None,
    order: str = "mechanism",
    **context: Unpack[Context],
) -> Chains:
    """Return the cause-to-effect chains from ``source`` to ``target``, mechanism first.

    A chain is a simple path along edges that carry an effect (predicates whose
    ``transmits`` is true in :data:`metagraph.schema.PREDICATES`; never an association,
    never a negated claim), in which no effect that holds only after training
    (``timescale: chronic``) follows one that holds only for a bout (``acute``).
    Parallel edges (the same two nodes joined twice, e.g. in two organs) make
    distinct chains.

    The order (``order=``) is one of:

    ``"mechanism"`` (the default)
        Chains with no ``summary`` edge (a one-step summary of a mechanism the graph
        also holds step by step) first; then those with fewer weak steps (hedged:
        every supporting item tentative; or contested: an item contradicts); then
        shorter; then with more supporting evidence items.
    ``"shortest"``
        Shorter first, then more supporting evidence items.
    ``"evidence"``
        The best-supported weakest link first (the most supporting items on the
        chain's least-supported edge), then more supporting items in all, then shorter.

    Every order ends with the chains' edge ids, so it never depends on how the data
    files are written.

    Parameters
    ----------
    kg
        The graph.
    source, target
        Id, name or synonym of the cause and of the effect.
    max_hops
        Longest chain, in edges.
    limit
        How many chains to return; ``None`` for every chain within ``max_hops``.
    via
        Nodes every chain must pass through.
    avoid
        Nodes no chain may touch.
    predicates
        Use only these (transmitting) predicates.
    order
        ``"mechanism"``, ``"shortest"`` or ``"evidence"`` (see above).
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Returns
    -------
    Chains
        A list of :class:`Chain`; empty when no chain joins the two within
        ``max_hops``, and then its ``why`` says why (a ``via`` node no chain passes
        comes with the linked nodes that do lie on a chain).

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        Bad options (``source`` is ``target``, or is avoided; an unknown predicate...).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> for chain in trace(kg, "HIIT", "insulin resistance", limit=3, order="shortest"):
    ...     print(chain.sign, chain)
    -1 HIIT —increases→ Insulin sensitivity —decreases→ Insulin resistance
    -1 HIIT —increases→ Glucose uptake —increases→ Insulin sensitivity —decreases→ Insulin resistance
    -1 HIIT —increases→ Mitochondrial biogenesis —increases→ Insulin sensitivity —decreases→ Insulin resistance

    Mechanism first, a hedged step counts against a chain:

    >>> print(trace(kg, "HIIT", "insulin resistance", avoid="insulin sensitivity")[0])
    HIIT —increases→ ROS —may increase→ Inflammation —increases→ Insulin resistance

    As a method of the graph, with a single node for ``via``:

    >>> chain = kg.trace("HIIT", "insulin resistance")[0]
    >>> chain.effect
    'decreases'
    >>> print(kg.trace("HIIT", "mitochondrial biogenesis", via="AMPK", limit=1)[0])
    HIIT —increases→ ROS —activates→ AMPK —activates→ PGC-1α —increases→ Mitochondrial biogenesis
    >>> for chain in trace(kg, "HIIT", "insulin resistance", avoid=["ROS"], via=["AMPK"], limit=None):
    ...     print(chain)
    HIIT —increases→ ATP depletion —activates→ AMPK —activates→ PGC-1α —increases→ Mitochondrial biogenesis \
—increases→ Insulin sensitivity —decreases→ Insulin resistance
    """
    check_count(max_hops, "max_hops")
    check_count(limit, "limit", allow_none=True)
    order = parse_order(order)
    full = kg
    kg = restrict(kg, **context)
    s, t = kg.resolve(source), kg.resolve(target)
    if s == t:
        raise MetagraphError(f"the source and the target are the same node ({s!r}); name two different nodes")
    via_ids, avoid_ids = resolve_all(kg, via), resolve_all(kg, avoid)
    for end in (s, t):
        if end in avoid_ids:
            raise MetagraphError(f"{end!r} is both an end of the chain and a node to avoid; drop it from avoid")
    clash = set(via_ids) & set(avoid_ids)
    if clash:
        raise MetagraphError(f"{sorted(clash)} are both in via and in avoid; a chain cannot pass and avoid them")
    allowed = parse_predicates(predicates, transmitting=True)
    paths = find_edge_paths(
        kg.nx, s, t, max_hops=max_hops, limit=limit, via=via_ids, avoid=avoid_ids, predicates=allowed, order=order
    )
    return Chains(
        (Chain(kg, p) for p in paths),
        why=lambda: no_path_message(full, s, t, max_hops=max_hops, via=via_ids, avoid=avoid_ids, **context),
    )


def _via_hint(kg: MetaGraph, s: str, t: str, via: list[str], avoid: list[str], max_hops: int) -> str:
    """Say which ``via`` node no chain passes and suggest the linked nodes that do lie on a chain."""
    graph = kg.nx
    down = {n.id for n in kg.downstream(s)}
    notes = []
    for v in via:
        incoming = any(a["transmits"] for keyed in graph.pred[v].values() for a in keyed.values())
        if incoming and v in down and t in {n.id for n in kg.downstream(v)}:
            continue
        name = kg.node(v).name
        why = (
            f"{name} has no incoming effect edges" if not incoming else f"no chain from {kg.node(s).name} passes {name}"
        )
        linked = [w for w in (*graph.succ[v], *graph.pred[v]) if w not in (s, t, *via, *avoid)]
        linked = [
            w
            for w in dict.fromkeys(linked)
            if any(
                a["predicate"] in _LINKS
                for a in (*graph.succ[v].get(w, {}).values(), *graph.pred[v].get(w, {}).values())
            )
        ]
        others = [x for x in via if x != v]
        fits = [
            kg.node(w).name
            for w in linked
            if find_edge_paths(graph, s, t, max_hops=max_hops, limit=1, via=[w, *others], avoid=avoid)
        ]
        if fits:
            why += "; did you mean " + " or ".join(fits) + "?"
        notes.append(why)
    return ". ".join(notes)


def _context_gap(
    full: MetaGraph, kg: MetaGraph, s: str, t: str, via: list[str], avoid: list[str], max_hops: int
) -> str:
    """Say which steps of the best chain outside the context hold in it, and which do not.

    A question asked in a context (``species="human"``...) that finds no chain is
    usually answered in part: most steps hold there and one or two do not. Naming
    them tells the user where the evidence stops.
    """
    paths = find_edge_paths(full.nx, s, t, max_hops=max_hops, limit=1, via=via, avoid=avoid, order="mechanism")
    if not paths:
        return ""
    chain = Chain(full, paths[0])
    held: list[str] = []
    missing: list[str] = []
    for (u, v, k), edge in zip(chain.triples, chain.edges, strict=True):
        step = f"{full.node(u).name} —{step_label(full, edge)}→ {full.node(v).name}"
        (held if kg.nx.has_edge(u, v, k) else missing).append(step)
    text = f" Without the context, the best chain is {chain}."
    if held:
        these = "these hold" if len(held) > 1 else "this holds"
        text += f" Of its {chain.hops} steps, {these} in the context: {'; '.join(held)}."
    text += f" {'These do' if len(missing) > 1 else 'This does'} not: {'; '.join(missing)}."
    return text


def no_path_message(
    kg: MetaGraph,
    source: str | Node,
    target: str | Node,
    *,
    max_hops: int = 6,
    via: Names = (),
    avoid: Names = (),
    **context: Unpack[Context],
) -> str:
    """Say why no chain was found and what to try next (for :class:`~metagraph.NoPathError`).

    A ``via`` node that no chain passes (it has no incoming effect edges, or lies on
    no chain from the source to the target) is named, with the nodes it is
    structurally linked to (``participates_in``, ``member_of``, ``part_of``, ``is_a``,
    ``cleaved_into``...) that do lie on such a chain.

    Examples
    --------
    >>> from metagraph.examples import pathway_graph, sample_graph
    >>> print(no_path_message(sample_graph(), "inflammation", "glucose uptake"))
    no chain of effects leads from Inflammation to Glucose uptake within 6 hops. Glucose uptake is not \
downstream of Inflammation at all.
    >>> print(no_path_message(sample_graph(), "HIIT", "insulin resistance", max_hops=1))
    no chain of effects leads from HIIT to Insulin resistance within 1 hop. A longer chain exists: raise \
max_hops (--max-hops).
    >>> print(no_path_message(pathway_graph(), "HIIT", "glucose uptake", via="GLUT4"))
    no chain of effects leads from HIIT to Glucose uptake through GLUT4 within 6 hops. GLUT4 has no incoming \
effect edges; did you mean GLUT4 translocation?
    """
    where = describe_context(kg, context)
    full, kg = kg, restrict(kg, **context)
    s, t = kg.node(source), kg.node(target)
    via_ids, avoid_ids = resolve_all(kg, via), resolve_all(kg, avoid)
    conditions = []
    if via_ids:
        conditions.append("through " + ", ".join(kg.node(n).name for n in via_ids))
    if avoid_ids:
        conditions.append("avoiding " + ", ".join(kg.node(n).name for n in avoid_ids))
    cond = (" " + " and ".join(conditions)) if conditions else ""
    hops = f"{max_hops} hop{'s' if max_hops != 1 else ''}"
    ctx = f" (in context: {where})" if where else ""
    msg = f"no chain of effects leads from {s.name} to {t.name}{cond} within {hops}{ctx}."
    downstream = kg.downstream(s)
    scope = "in this context" if where else "in the graph"
    gap = _context_gap(full, kg, s.id, t.id, via_ids, avoid_ids, max_hops) if where else ""
    if not downstream:
        return msg + f" {s.name} acts on nothing {scope}." + gap
    if not kg.upstream(t):
        quoted = f'"{s.name}"' if " " in s.name else s.name
        return (
            msg + f" Nothing {scope} acts on {t.name}; see what {s.name} affects with "
            f"`metagraph downstream {quoted}`." + gap
        )
    if gap:
        return msg + gap
    hint = _via_hint(kg, s.id, t.id, via_ids, avoid_ids, max_hops) if via_ids else ""
    if hint:
        return msg + f" {hint}" + ("" if hint.endswith("?") else ".")
    if t in downstream and not conditions:
        return msg + " A longer chain exists: raise max_hops (--max-hops)."
    if t in downstream:
        return msg + " A chain exists without these conditions: relax via/avoid, or raise max_hops (--max-hops)."
    return msg + f" {t.name} is not downstream of {s.name} at all."


class _Side(TypedDict, total=False):
    chains: int
    support: int
    weakest_link: Edge | None
    chain: Chain


def _side(chains: list[Chain]) -> _Side:
    if not chains:
        return {"chains": 0, "support": 0, "weakest_link": None}
    best = max(chains, key=lambda c: len(c.weakest_link.evidence))
    return {
        "chains": len(chains),
        "support": len(best.weakest_link.evidence),
        "weakest_link": best.weakest_link,
        "chain": best,
    }


class NetEffect:
    """Whether a cause raises or lowers an effect, over all the chains found between them.

    Attributes
    ----------
    source, target : Node
        The cause and the effect.
    verdict : str
        ``"increases"`` (every chain raises the target), ``"decreases"`` (every
        chain lowers it) or ``"ambiguous"`` (the chains disagree).
    increasing, decreasing : list of Chain
        The chains on each side.

    Notes
    -----
    A chain is only as well supported as its least-supported edge (its weakest
    link), and a side is as well supported as its best chain: :meth:`support` is the
    number of evidence items of that weakest link.
    """

    def __init__(self, kg: MetaGraph, source: Node, target: Node, chains: list[Chain]) -> None:
        self._kg = kg
        self.source = source
        self.target = target
        self.chains = chains
        self.increasing = [c for c in chains if c.sign > 0]
        self.decreasing = [c for c in chains if c.sign < 0]
        if self.increasing and self.decreasing:
            self.verdict = "ambiguous"
        else:
            self.verdict = "increases" if self.increasing else "decreases"

    def support(self, side: str) -> int:
        """Evidence items of the weakest link of the best-supported chain on ``side`` (0 if none).

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> sample_graph().net_effect("HIIT", "insulin resistance").support("decreases")
        1
        """
        return _side(self._chains_of(side))["support"]

    def weakest_link(self, side: str) -> Edge | None:
        """The weakest link of the best-supported chain on ``side`` (``None`` if the side is empty)."""
        return _side(self._chains_of(side))["weakest_link"]

    def _chains_of(self, side: str) -> list[Chain]:
        if side == "increases":
            return self.increasing
        if side == "decreases":
            return self.decreasing
        raise MetagraphError(f"side must be 'increases' or 'decreases', not {side!r}")

    def _weak_text(self, side: str) -> str:
        info = _side(self._chains_of(side))
        edge = info["weakest_link"]
        if edge is None:
            return ""
        a, b = self._kg.node(edge.source).name, self._kg.node(edge.target).name
        n = info["support"]
        return f"weakest link {a} —{step_label(self._kg, edge)}→ {b} ({n} evidence item{'s' if n != 1 else ''})"

    def __str__(self) -> str:
        verb = {"increases": "increases", "decreases": "decreases", "ambiguous": "has an ambiguous effect on"}
        up, down = len(self.increasing), len(self.decreasing)
        lines = [
            f"{self.source.name} {verb[self.verdict]} {self.target.name} "
            f"({up} chain{'s raise' if up != 1 else ' raises'} it, "
            f"{down} {'lower' if down != 1 else 'lowers'} it)"
        ]
        for side, chains in (("increases", self.increasing), ("decreases", self.decreasing)):
            if not chains:
                continue
            lines.append(f"\n{side} — {self._weak_text(side)}:")
            lines += [f"  {i}. {c}" for i, c in enumerate(chains, start=1)]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<NetEffect {self.source.id} → {self.target.id}: {self.verdict}>"

    def to_dict(self) -> dict[str, Any]:
        """Return the verdict and both sides with their chains and weakest links (JSON-ready)."""
        out: dict[str, Any] = {"source": self.source.id, "target": self.target.id, "verdict": self.verdict}
        for side, chains in (("increases", self.increasing), ("decreases", self.decreasing)):
            edge = self.weakest_link(side)
            out[side] = {
                "support": self.support(side),
                "weakest_link": None
                if edge is None
                else {**edge.model_dump(mode="json", exclude_none=True), "key": edge.key},
                "chains": [c.to_dict() for c in chains],
            }
        return out

    def to_frame(self) -> Any:
        """Return one row per chain (side, hops, evidence, text) as a ``pandas.DataFrame`` (needs pandas)."""
        pd = require_pandas("NetEffect.to_frame()")
        return pd.DataFrame(
            [
                {
                    "effect": c.effect,
                    "hops": c.hops,
                    "evidence_count": c.evidence_count,
                    "weakest_link_evidence": len(c.weakest_link.evidence),
                    "chain": str(c),
                }
                for c in self.chains
            ]
        )

    def _repr_html_(self) -> str:
        esc = html.escape
        parts = [
            f'<div class="metagraph-net-effect"><p><b>{esc(self.source.name)}</b> → '
            f"<b>{esc(self.target.name)}</b>: <b>{esc(self.verdict)}</b></p>"
        ]
        for side, chains in (("increases", self.increasing), ("decreases", self.decreasing)):
            if chains:
                parts.append(f"<p>{esc(side)} ({len(chains)}; {esc(self._weak_text(side))})</p><ol>")
                parts += [f"<li>{esc(str(c))}</li>" for c in chains]
                parts.append("</ol>")
        parts.append("</div>")
        return "".join(parts)


def net_effect(kg: MetaGraph, source: str | Node, target: str | Node, **trace_options: Any) -> NetEffect:
    """Answer "does ``source`` raise or lower ``target``?" over the chains :func:`trace` finds.

    Which chains count does not depend on ``order``: they are the ``limit`` shortest
    (then best supported), as ``order="shortest"`` finds them; ``order`` (default
    ``"mechanism"``) only sorts each side for display.

    Parameters
    ----------
    kg
        The graph.
    source, target
        Id, name or synonym of the cause and of the effect.
    **trace_options
        Options of :func:`trace` (``max_hops``, ``limit``, ``via``, ``avoid``,
        ``predicates``, ``order`` and the context filters ``timescale``, ``modality``,
        ``species``, ``evidence``, ``sources``); ``limit`` defaults to 50 here so that
        both sides of an ambiguous effect are found.

    Returns
    -------
    NetEffect
        The verdict (``"increases"``, ``"decreases"`` or ``"ambiguous"``) and the
        chains on each side, with the weakest link of each side.

    Raises
    ------
    NoPathError
        No chain joins them.
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        Bad options, as for :func:`trace`.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> net_effect(kg, "HIIT", "insulin sensitivity").verdict
    'increases'
    >>> result = net_effect(kg, "HIIT", "insulin resistance")
    >>> result.verdict, len(result.increasing), len(result.decreasing)
    ('ambiguous', 1, 5)
    >>> print(str(kg.net_effect("HIIT", "insulin resistance")).splitlines()[0])
    HIIT has an ambiguous effect on Insulin resistance (1 chain raises it, 5 lower it)
    """
    trace_options.setdefault("limit", 50)
    order = parse_order(trace_options.pop("order", "mechanism"))
    chains = trace(kg, source, target, order="shortest", **trace_options)
    if not chains:
        raise NoPathError(chains.why)
    chains.sort(key=lambda c: chain_order(c._kg.nx, c.triples, order))
    return NetEffect(kg, kg.node(source), kg.node(target), list(chains))
