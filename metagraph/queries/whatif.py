"""What-if questions: the graph with some nodes blocked, and what a modality loses then."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Unpack

from metagraph._select import as_names
from metagraph.errors import MetagraphError
from metagraph.models import Node
from metagraph.queries._paths import find_edge_paths, reach
from metagraph.queries.chains import Chain
from metagraph.queries.context import Context, restrict
from metagraph.queries.tables import TableResult
from metagraph.schema import Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["EFFECT_KINDS", "LostEffects", "lost_effects"]

#: The kinds a modality's effects are counted in by :func:`lost_effects`.
EFFECT_KINDS = frozenset({Kind.PROCESS, Kind.OUTCOME, Kind.CONDITION})


class LostEffects(TableResult):
    """The processes, outcomes and conditions a modality reaches only through blocked nodes.

    Attributes
    ----------
    modality : Node
        The cause asked about.
    blocked : list of Node
        The nodes removed.
    nodes : list of Node
        What is lost, nearest first.
    """

    def __init__(self, modality: Node, blocked: list[Node], nodes: list[Node], chains: list[Chain]) -> None:
        records = [
            {
                "lost": n.name,
                "kind": n.kind.value,
                "effect": c.effect,
                "hops": c.hops,
                "shortest chain": str(c),
                "id": n.id,
            }
            for n, c in zip(nodes, chains, strict=True)
        ]
        names = ", ".join(b.name for b in blocked)
        super().__init__(
            f"What {modality.name} no longer reaches without {names}",
            ["lost", "kind", "effect", "hops", "shortest chain"],
            records,
            empty=f"nothing: {modality.name} reaches every process, outcome and condition by other routes",
        )
        self.modality = modality
        self.blocked = blocked
        self.nodes = nodes

    def __contains__(self, item: object) -> bool:
        return any(item in (n, n.id, n.name) for n in self.nodes)


def lost_effects(
    kg: MetaGraph, modality: str | Node, /, *blocked: str | Node | Iterable[str | Node], **context: Unpack[Context]
) -> LostEffects:
    """List the processes, outcomes and conditions ``modality`` no longer reaches when ``blocked`` are removed.

    "Reaches" means along chains of effects (:func:`~metagraph.queries.reach.downstream`).
    Each lost node comes with its shortest chain in the whole graph, which
    necessarily passes through a blocked node.

    Parameters
    ----------
    kg
        The graph.
    modality
        Id, name or synonym of the modality (any node may stand for it).
    *blocked
        The nodes to remove: names, or lists of names.
    **context
        The context filters (``timescale``, ``modality``, ``species``, ``evidence``,
        ``sources``) of :mod:`metagraph.queries.context`.

    Returns
    -------
    LostEffects
        A :class:`~metagraph.queries.tables.TableResult`, one row per lost node (name,
        kind, effect, hops, shortest chain); ``nodes`` lists them nearest first, and
        ``name in result`` asks whether a node is lost.

    Raises
    ------
    UnknownNodeError, AmbiguousNodeError
        A name that fits no node, or several.
    MetagraphError
        Nothing to block, or ``modality`` is among the blocked nodes.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> lost = lost_effects(sample_graph(), "HIIT", "AMPK")
    >>> [n.name for n in lost.nodes]
    ['Browning of white fat']
    >>> "Insulin sensitivity" in lost
    False
    >>> [n.name for n in sample_graph().lost_effects("HIIT", "ROS", "ATP depletion").nodes]
    ['Inflammation', 'Browning of white fat']
    """
    kg = restrict(kg, **context)
    source = kg.resolve(modality)
    blocked_ids = [kg.resolve(n) for item in blocked for n in as_names(item)]
    if not blocked_ids:
        raise MetagraphError("name at least one node to block, e.g. lost_effects('HIIT', 'AMPK')")
    if source in blocked_ids:
        raise MetagraphError(f"{source!r} is the modality itself; block the signals it acts through instead")
    before = reach(kg.nx, source)
    after = reach(kg.without(*blocked_ids).nx, source)
    kinds = {k.value for k in EFFECT_KINDS}
    node_attrs = kg.nx.nodes
    lost = [n for n in before if n not in after and node_attrs[n]["kind"] in kinds]
    lost.sort(key=lambda n: (before[n], node_attrs[n]["name"].casefold(), n))
    chains = [Chain(kg, find_edge_paths(kg.nx, source, n, max_hops=before[n], limit=1)[0]) for n in lost]
    return LostEffects(kg.node(source), [kg.node(b) for b in blocked_ids], [kg.node(n) for n in lost], chains)
