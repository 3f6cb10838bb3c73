"""What a figure's legend lists: the kinds of node and the edge semantics it draws.

Every format's legend comes from :func:`legend_items`, so a legend never lists a look
the figure does not use, and lists every one it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from metagraph.render._style import EDGE_LOOKS, KIND_STYLES, EdgeStyle, KindStyle, edge_look
from metagraph.schema import Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["LegendItems", "legend_items"]


@dataclass(frozen=True)
class LegendItems:
    """The kinds and edge looks present in a view, in legend order, and whether any edge is negated."""

    kinds: tuple[KindStyle, ...]
    edges: tuple[EdgeStyle, ...]
    negated: bool

    @property
    def empty(self) -> bool:
        """Whether there is nothing to list."""
        return not (self.kinds or self.edges)


def legend_items(part: MetaGraph, *, places: bool = True) -> LegendItems:
    """Return what a legend of ``part`` lists (without organs and cells when ``places`` is false:
    a compartment layout draws them as regions, not nodes).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> items = legend_items(sample_graph().subgraph(focus="irisin", hops=1))
    >>> [k.kind.value for k in items.kinds], [e.key for e in items.edges], items.negated
    (['signal', 'myokine', 'organ', 'process'], ['increases', 'structural'], False)
    """
    kinds = {str(part.nx.nodes[n]["kind"]) for n in part.nx.nodes}
    looks: set[str] = set()
    negated = False
    for u, v, k in part.nx.edges(keys=True):
        edge = part.edge_model(u, v, k)
        looks.add(edge_look(edge).key)
        negated = negated or bool(edge.negated)
    return LegendItems(
        tuple(
            s
            for kind, s in KIND_STYLES.items()
            if kind.value in kinds and (places or kind not in (Kind.ORGAN, Kind.CELL))
        ),
        tuple(s for key, s in EDGE_LOOKS.items() if key in looks),
        negated,
    )
