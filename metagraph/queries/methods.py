"""The query methods of :class:`~metagraph.MetaGraph`.

Each method hands over to the module that does the work; those modules are
imported when a query first runs, so ``import metagraph`` stays quick.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Node
    from metagraph.queries.chains import Chain
    from metagraph.queries.compare import Comparison
    from metagraph.queries.reach import MyokineEffects
    from metagraph.queries.trace import NetEffect
    from metagraph.queries.whatif import LostEffects
    from metagraph.schema import Kind

__all__ = ["QueryMethods"]


class QueryMethods:
    """Query methods mixed into :class:`~metagraph.MetaGraph`.

    Every node argument takes an id, a name or a synonym.
    """

    def trace(
        self: MetaGraph,
        source: str | Node,
        target: str | Node,
        *,
        max_hops: int = 6,
        limit: int | None = 10,
        via: str | Node | Iterable[str | Node] = (),
        avoid: str | Node | Iterable[str | Node] = (),
        predicates: str | Iterable[str] | None = None,
    ) -> list[Chain]:
        """Return the cause-to-effect chains from ``source`` to ``target``.

        Chains follow the edges that carry an effect (``transmits`` in
        :data:`metagraph.schema.PREDICATES`), shortest first, then best supported
        (most evidence items), then by edge ids. See :func:`metagraph.queries.trace.trace`.

        Parameters
        ----------
        source, target
            The cause and the effect.
        max_hops
            Longest chain, in edges.
        limit
            How many chains (``None``: all within ``max_hops``).
        via, avoid
            Nodes every chain must pass through / must not touch.
        predicates
            Use only these predicates.

        Returns
        -------
        list of Chain
            Empty when nothing joins them.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> kg = sample_graph()
        >>> chain = kg.trace("HIIT", "insulin resistance")[0]
        >>> print(chain)
        HIIT —increases→ Insulin sensitivity —decreases→ Insulin resistance
        >>> chain.effect
        'decreases'
        >>> print(kg.trace("HIIT", "mitochondrial biogenesis", via="AMPK", limit=1)[0])
        HIIT —increases→ ROS —activates→ AMPK —activates→ PGC-1α —increases→ Mitochondrial biogenesis
        """
        from metagraph.queries.trace import trace

        return trace(self, source, target, max_hops=max_hops, limit=limit, via=via, avoid=avoid, predicates=predicates)

    def net_effect(self: MetaGraph, source: str | Node, target: str | Node, **trace_options: Any) -> NetEffect:
        """Answer "does ``source`` raise or lower ``target``?": increases, decreases or ambiguous.

        Takes the options of :meth:`trace` (``limit`` defaults to 50). Raises
        :class:`~metagraph.NoPathError` when no chain joins them.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> result = sample_graph().net_effect("HIIT", "insulin resistance")
        >>> result.verdict
        'ambiguous'
        >>> print(str(result).splitlines()[0])
        HIIT has an ambiguous effect on Insulin resistance (1 chain raises it, 5 lower it)
        """
        from metagraph.queries.trace import net_effect

        return net_effect(self, source, target, **trace_options)

    def downstream(
        self: MetaGraph, node: str | Node, *, max_hops: int | None = None, kind: str | Kind | None = None
    ) -> list[Node]:
        """Return everything ``node`` can affect along chains of effects, nearest first, then by name.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [n.name for n in sample_graph().downstream("PGC-1α", kind="process")]
        ['Mitochondrial biogenesis', 'Browning of white fat']
        """
        from metagraph.queries.reach import downstream

        return downstream(self, node, max_hops=max_hops, kind=kind)

    def upstream(
        self: MetaGraph, node: str | Node, *, max_hops: int | None = None, kind: str | Kind | None = None
    ) -> list[Node]:
        """Return everything that can affect ``node`` along chains of effects, nearest first, then by name.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [n.name for n in sample_graph().upstream("insulin sensitivity", kind="exercise")]
        ['HIIT', 'Resistance training']
        """
        from metagraph.queries.reach import upstream

        return upstream(self, node, max_hops=max_hops, kind=kind)

    def myokines_reaching(self: MetaGraph, organ: str | Node) -> list[Node]:
        """Return the myokines that act on ``organ`` or on a part of it (``targets`` edges or located effects).

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [n.name for n in sample_graph().myokines_reaching("liver")]
        ['IL-6']
        """
        from metagraph.queries.reach import myokines_reaching

        return myokines_reaching(self, organ)

    def myokine_effects(self: MetaGraph, organ: str | Node) -> MyokineEffects:
        """Return a table of what each myokine does in ``organ`` (or its parts), with citations.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> table = sample_graph().myokine_effects("adipose tissue")
        >>> [(r["myokine"], r["effect"], r["target"]) for r in table][:2]
        [('IL-6', 'increases', 'Glucose uptake'), ('Irisin', 'increases', 'Browning of white fat')]
        """
        from metagraph.queries.reach import myokine_effects

        return myokine_effects(self, organ)

    def match(
        self: MetaGraph, *kinds: str | Kind, limit: int | None = 20, predicates: str | Iterable[str] | None = None
    ) -> list[Chain]:
        """Return the chains whose nodes follow ``kinds`` in turn (a metapath query), best supported first.

        Any edge may join two consecutive nodes (the schema guarantees its predicate
        fits their kinds); ``predicates`` restricts them. See :mod:`metagraph.queries.metapath`.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> for chain in sample_graph().match("signal", "myokine", "organ"):
        ...     print(chain)
        FNDC5 —is cleaved into→ Irisin —targets→ Adipose tissue
        """
        from metagraph.queries.metapath import match

        return match(self, *kinds, limit=limit, predicates=predicates)

    def without(self: MetaGraph, *nodes: str | Node | Iterable[str | Node]) -> MetaGraph:
        """Return a read-only view of the graph with ``nodes`` removed; the graph itself does not change.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> kg = sample_graph()
        >>> len(kg.trace("HIIT", "PGC-1α")), len(kg.without("AMPK").trace("HIIT", "PGC-1α")), len(kg)
        (2, 0, 23)
        """
        from metagraph.queries.whatif import without

        return without(self, *nodes)

    def lost_effects(self: MetaGraph, modality: str | Node, *blocked: str | Node) -> LostEffects:
        """Return the processes, outcomes and conditions ``modality`` no longer reaches with ``blocked`` removed.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> [n.name for n in sample_graph().lost_effects("HIIT", "ROS", "ATP depletion").nodes]
        ['Inflammation', 'Browning of white fat']
        """
        from metagraph.queries.whatif import lost_effects

        return lost_effects(self, modality, *blocked)

    def compare(
        self: MetaGraph,
        modalities: str | Node | Iterable[str | Node],
        outcomes: str | Node | Iterable[str | Node] | None = None,
    ) -> Comparison:
        """Compare modalities outcome by outcome: effect, magnitude, mechanism, place and citations.

        Built from the graph: direct modality → outcome edges and, for an outcome
        with parts, the edges to its parts. See :mod:`metagraph.queries.compare`.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> table = sample_graph().compare(["HIIT", "resistance training"])
        >>> table.magnitude("insulin sensitivity", "resistance training")
        'dramatic'
        """
        from metagraph.queries.compare import compare

        return compare(self, modalities, outcomes)
