"""Diagrams of chains (from ``trace``/``match``): the chain highlighted over its context.

The chain classes delegate to these functions (``Chain.to_html(path)``,
``Chain._repr_html_()``, ...). A chain is any object with ``.nodes`` (a list of
:class:`~metagraph.Node`) and ``.edges`` (a list of :class:`~metagraph.Edge`); a list
of chains works too. The graph drawn around it is ``graph=``, else the graph the
chain keeps (``.graph``, or ``._kg`` as :class:`metagraph.queries.chains.Chain` does),
else just the chain.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph._atomic import write_text_atomic
from metagraph.errors import RenderError
from metagraph.models import Edge, Node
from metagraph.render.view import View, highlight_sets, is_chain

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.render.html import HtmlDiagram

__all__ = [
    "chain_diagram",
    "chain_html",
    "chain_html_iframe",
    "chain_to_dot",
    "chain_to_html",
    "chain_to_mermaid",
    "chain_to_svg",
]


def _chains(chain: Any) -> list[Any]:
    if is_chain(chain):
        return [chain]
    if hasattr(chain, "chains"):
        return list(chain.chains)
    if isinstance(chain, str | bytes) or not hasattr(chain, "__iter__"):
        raise RenderError(f"expected a chain (an object with .nodes and .edges), not {chain!r}")
    return list(chain)


def _graph_for(chain: Any, graph: MetaGraph | None) -> MetaGraph:
    from metagraph.graph import MetaGraph

    if graph is not None:
        return graph
    chains = _chains(chain)
    for c in chains:
        for attr in ("graph", "_kg"):  # the query results keep their graph as ``_kg``
            own = getattr(c, attr, None)
            if isinstance(own, MetaGraph):
                return own
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    for c in chains:
        for n in c.nodes:
            if not isinstance(n, Node):
                raise RenderError(
                    "this chain holds node ids, not Node objects: pass the graph it comes from (graph=kg)"
                )
            nodes.setdefault(n.id, n)
        for e in c.edges:
            if not isinstance(e, Edge):
                raise RenderError(f"a chain's edges must be Edge objects, not {e!r}")
            edges.setdefault((e.source, e.target, e.key), e)
    missing = sorted({x for e in edges.values() for x in (e.source, e.target)} - set(nodes))
    if missing:
        raise RenderError(
            "the chain's edges name nodes it does not hold ("
            + ", ".join(missing)
            + "); pass the graph it comes from (graph=kg)"
        )
    return MetaGraph(nodes.values(), edges.values(), validate=False)


def _title(chain: Any, graph: MetaGraph) -> str:
    chains = _chains(chain)
    if len(chains) != 1:
        return f"{len(chains)} chains"
    names = []
    for n in chains[0].nodes:
        nid = n.id if isinstance(n, Node) else str(n)
        names.append(n.name if isinstance(n, Node) else graph.node(nid).name)
    return " → ".join(names)


def _focus(chain: Any, graph: MetaGraph) -> list[str]:
    ids = highlight_sets(_chains(chain)).nodes
    missing = sorted(i for i in ids if i not in graph.nx)
    if missing:
        raise RenderError("the chain has nodes that are not in this graph: " + ", ".join(missing))
    return [n for n in graph.nx.nodes if n in ids]


def _view(chain: Any, graph: MetaGraph, context_hops: int, title: str | None) -> View:
    """The chain highlighted over ``context_hops`` steps of its neighbourhood in ``graph``."""
    return View(focus=_focus(chain, graph), hops=context_hops, highlight=_chains(chain), title=title)


def chain_html(chain: Any, *, graph: MetaGraph | None = None, context_hops: int = 1, title: str | None = None) -> str:
    """Return the interactive page of a chain, highlighted over its neighbourhood, as a string.

    Parameters are those of :func:`chain_to_html`.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Node, Edge
    >>> a, b = Node(id="ampk", name="AMPK", kind="signal"), Node(id="pgc1a", name="PGC-1α", kind="signal")
    >>> e = Edge(source="ampk", target="pgc1a", predicate="activates", evidence=[{"reference": "r", "quote": "q"}])
    >>> "<title>AMPK → PGC-1α</title>" in chain_html(SimpleNamespace(nodes=[a, b], edges=[e]))
    True
    """
    from metagraph.render.html import html_document

    g = _graph_for(chain, graph)
    return html_document(g, _view(chain, g, context_hops, title or _title(chain, g)))


def chain_to_html(
    chain: Any,
    path: str | os.PathLike[str],
    *,
    graph: MetaGraph | None = None,
    context_hops: int = 1,
    title: str | None = None,
) -> Path:
    """Write a chain, highlighted over its neighbourhood, as one offline interactive HTML file.

    Parameters
    ----------
    chain
        A chain (``.nodes``, ``.edges``) or several.
    path
        Where to write the page.
    graph
        The graph the chain comes from; defaults to ``chain.graph`` or the chain alone.
    context_hops
        How many steps of context around the chain's nodes to draw (dimmed); 0 draws the chain alone.
    title
        Heading; defaults to the chain's node names joined by arrows.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> chain_to_html(chain, pathlib.Path(tempfile.mkdtemp()) / "c.html").suffix
    '.html'
    """
    return write_text_atomic(path, chain_html(chain, graph=graph, context_hops=context_hops, title=title))


def chain_html_iframe(chain: Any, *, graph: MetaGraph | None = None, context_hops: int = 1, height: int = 480) -> str:
    """Return an ``<iframe srcdoc=...>`` showing the chain's page inline (for ``_repr_html_``).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> chain_html_iframe(chain).startswith("<iframe srcdoc=")
    True
    """
    from metagraph.render.html import iframe

    g = _graph_for(chain, graph)
    title = _title(chain, g)
    return iframe(chain_html(chain, graph=g, context_hops=context_hops, title=title), height=height, title=title)


def chain_diagram(
    chain: Any, *, graph: MetaGraph | None = None, context_hops: int = 1, height: int = 480
) -> HtmlDiagram:
    """Return the chain's page as an :class:`~metagraph.render.html.HtmlDiagram` (for a ``show()`` method).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> chain_diagram(chain).title
    'AMPK'
    """
    from metagraph.render.html import HtmlDiagram

    g = _graph_for(chain, graph)
    title = _title(chain, g)
    return HtmlDiagram(chain_html(chain, graph=g, context_hops=context_hops, title=title), height=height, title=title)


def chain_to_mermaid(chain: Any, *, graph: MetaGraph | None = None, context_hops: int = 0) -> str:
    """Return a Mermaid flowchart of a chain (with ``context_hops`` of dimmed context).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> chain_to_mermaid(chain).splitlines()[:3]
    ['flowchart LR', '  subgraph r_muscle["Skeletal muscle fibre"]', '    n_ampk(["AMPK"])']
    """
    from metagraph.render.mermaid import to_mermaid

    g = _graph_for(chain, graph)
    return to_mermaid(g, _view(chain, g, context_hops, None))


def chain_to_dot(chain: Any, *, graph: MetaGraph | None = None, context_hops: int = 0, title: str | None = None) -> str:
    """Return a Graphviz DOT digraph of a chain (with ``context_hops`` of dimmed context).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> chain_to_dot(chain).startswith("digraph metagraph {")
    True
    """
    from metagraph.render.dot import to_dot

    g = _graph_for(chain, graph)
    return to_dot(g, _view(chain, g, context_hops, title))


def chain_to_svg(
    chain: Any,
    path: str | os.PathLike[str],
    *,
    graph: MetaGraph | None = None,
    context_hops: int = 0,
    title: str | None = None,
) -> Path:
    """Draw a chain with Graphviz and write it as SVG (needs Graphviz's ``dot``).

    Raises
    ------
    RenderError
        ``dot`` is not installed.

    Examples
    --------
    >>> import shutil, tempfile, pathlib
    >>> from types import SimpleNamespace
    >>> from metagraph import Node
    >>> chain = SimpleNamespace(nodes=[Node(id="ampk", name="AMPK", kind="signal")], edges=[])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "c.svg"
    >>> _ = chain_to_svg(chain, out) if shutil.which("dot") else out.write_text("<svg>AMPK</svg>")
    >>> "AMPK" in out.read_text(encoding="utf-8")
    True
    """
    from metagraph._atomic import write_bytes_atomic
    from metagraph.render.dot import dot_svg

    dot = chain_to_dot(chain, graph=graph, context_hops=context_hops, title=title)
    return write_bytes_atomic(path, dot_svg(dot))
