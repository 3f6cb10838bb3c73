"""Which part of a graph: names to ids, a neighbourhood within some hops, some kinds.

The selection behind :meth:`metagraph.MetaGraph.subgraph` and every diagram's view,
written once here. It reads only the graph's structure.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from metagraph.errors import RenderError
from metagraph.schema import KIND_ORDER, Kind

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

    from metagraph.graph import MetaGraph
    from metagraph.models import Node

__all__ = ["Kinds", "Names", "as_names", "induced", "is_node", "parse_kinds", "select_ids"]

#: One node (id, name, synonym or :class:`~metagraph.Node`), several, or none.
Names: TypeAlias = "str | Node | Iterable[str | Node] | None"
#: One kind of node (by name or :class:`~metagraph.Kind`), several, or none (every kind).
Kinds: TypeAlias = "str | Kind | Iterable[str | Kind] | None"


def is_node(value: object) -> TypeIs[Node]:
    """True when ``value`` is a :class:`~metagraph.Node` model.

    No model exists before :mod:`metagraph.models` is imported, so this never imports it
    (nor pydantic): a command that names nodes by strings starts without them.

    Examples
    --------
    >>> from metagraph import Node
    >>> is_node(Node(id="a", name="A", kind="signal")), is_node("a")
    (True, False)
    """
    models = sys.modules.get("metagraph.models")
    return models is not None and isinstance(value, models.Node)


def as_names(value: str | Node | Iterable[str | Node] | None) -> list[str | Node]:
    """Turn one name or node, or several, into a list (``None`` → empty).

    Examples
    --------
    >>> as_names("AMPK"), as_names(["a", "b"]), as_names(None)
    (['AMPK'], ['a', 'b'], [])
    """
    if value is None:
        return []
    if isinstance(value, str) or is_node(value):
        return [value]
    return list(value)


def parse_kinds(kinds: str | Kind | Iterable[str | Kind] | None) -> frozenset[Kind] | None:
    """Check kind names; ``None`` (or nothing) means every kind.

    Raises
    ------
    RenderError
        A name that is not a kind; the message lists the kinds.

    Examples
    --------
    >>> sorted(parse_kinds(["myokine", "organ"]))
    [<Kind.MYOKINE: 'myokine'>, <Kind.ORGAN: 'organ'>]
    >>> parse_kinds(["tissue"])
    Traceback (most recent call last):
    metagraph.errors.RenderError: 'tissue' is not a kind of node; choose from exercise, gene, signal, ...
    """
    if kinds is None:
        return None
    items = [kinds] if isinstance(kinds, str) else list(kinds)
    if not items:
        return None
    out = set()
    for k in items:
        try:
            out.add(Kind(k))
        except ValueError:
            raise RenderError(
                f"{k!r} is not a kind of node; choose from " + ", ".join(str(x) for x in KIND_ORDER)
            ) from None
    return frozenset(out)


def _check_hops(hops: Any) -> int:
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        raise RenderError(f"hops must be a whole number of steps, 0 or more, not {hops!r}")
    return hops


def select_ids(
    graph: MetaGraph,
    *,
    focus: str | Node | Iterable[str | Node] | None = None,
    hops: int = 1,
    kinds: str | Kind | Iterable[str | Kind] | None = None,
    nodes: str | Node | Iterable[str | Node] | None = None,
) -> list[str]:
    """Return the ids of the nodes a view shows, in the graph's order.

    Without ``focus`` or ``nodes`` the view is the whole graph. ``nodes`` are kept
    as given; ``focus`` adds every node within ``hops`` steps of it, following edges
    in both directions. ``kinds`` then keeps only nodes of those kinds (the focus
    and the named nodes always stay).

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> kg = MetaGraph([Node(id="a", name="A", kind="signal"), Node(id="b", name="B", kind="signal"),
    ...                 Node(id="c", name="C", kind="process")],
    ...                [Edge(source="a", target="b", predicate="activates", evidence=ev),
    ...                 Edge(source="b", target="c", predicate="increases", evidence=ev)], validate=False)
    >>> select_ids(kg, focus="C", hops=1)
    ['b', 'c']
    >>> select_ids(kg, focus="C", hops=2, kinds=["process"])
    ['c']
    """
    hops = _check_hops(hops)
    wanted = parse_kinds(kinds)
    focus_ids = [graph.resolve(n) for n in as_names(focus)]
    named = [graph.resolve(n) for n in as_names(nodes)]
    g = graph.nx
    if not focus_ids and not named:
        chosen: set[str] = set(g.nodes)
    else:
        chosen = set(named) | set(focus_ids)
        frontier = set(focus_ids)
        for _ in range(hops):
            step: set[str] = set()
            for n in frontier:
                step.update(g.successors(n))
                step.update(g.predecessors(n))
            frontier = step - chosen
            if not frontier:
                break
            chosen |= frontier
    keep = set(focus_ids) | set(named)
    if wanted is not None:
        chosen = {n for n in chosen if n in keep or Kind(g.nodes[n]["kind"]) in wanted}
    return [n for n in g.nodes if n in chosen]


def induced(graph: MetaGraph, ids: Iterable[str]) -> MetaGraph:
    """A read-only view of ``graph`` on ``ids`` that keeps the graph's order of nodes and edges."""
    # networkx's own subgraph iterates a small part in the order of its filter *set*, which
    # changes with string hashing from one run to the next; a plain predicate makes it walk
    # the parent graph in order, so the same graph always gives the same diagram.
    return type(graph)._view(graph, nx.subgraph_view(graph.nx, filter_node=frozenset(ids).__contains__))
