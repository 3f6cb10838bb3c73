"""The diagram methods of :class:`~metagraph.MetaGraph`.

Thin wrappers: the work is done in :mod:`metagraph.render.html` (interactive page),
:mod:`metagraph.render.mermaid`, :mod:`metagraph.render.dot` and
:mod:`metagraph.render.view` (which part of the graph). pyvis is only imported when
an HTML page is made.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from metagraph.graph import MetaGraph
    from metagraph.models import Node
    from metagraph.render.html import HtmlDiagram
    from metagraph.schema import Kind

    Names = str | Node | Iterable[str | Node] | None
    Kinds = str | Kind | Iterable[str | Kind] | None

#: ``_repr_html_`` draws the whole graph inline up to this many nodes, else a summary.
REPR_MAX_NODES = 400


class RenderMethods:
    """Diagram methods mixed into :class:`~metagraph.MetaGraph`."""

    def subgraph(
        self: MetaGraph, *, focus: Names = None, hops: int = 1, kinds: Kinds = None, nodes: Names = None
    ) -> MetaGraph:
        """Return a part of the graph as a read-only :class:`~metagraph.MetaGraph` view.

        Parameters
        ----------
        focus
            A node (id, name or synonym) or several: keep their neighbourhood.
        hops
            How far the neighbourhood reaches, along edges in both directions.
        kinds
            Keep only nodes of these kinds (the focus and ``nodes`` always stay).
        nodes
            Nodes to keep in any case; alone, exactly these nodes.

        Raises
        ------
        UnknownNodeError, AmbiguousNodeError
            A name that fits no node, or several.
        RenderError
            A kind that does not exist, or a negative ``hops``.

        Examples
        --------
        >>> import metagraph
        >>> kg = metagraph.load()
        >>> [n.id for n in kg.subgraph(focus="irisin", hops=0)]
        ['irisin']
        >>> {n.kind.value for n in kg.subgraph(kinds=["myokine"])}
        {'myokine'}
        """
        from metagraph.render.view import subgraph

        return subgraph(self, focus=focus, hops=hops, kinds=kinds, nodes=nodes)

    def to_html(
        self: MetaGraph,
        path: str | os.PathLike[str],
        *,
        focus: Names = None,
        hops: int = 1,
        kinds: Kinds = None,
        highlight: Any = None,
        title: str | None = None,
    ) -> Path:
        """Write an interactive pathway diagram to one self-contained, offline HTML file.

        Left to right by kind (exercise → signals → myokines → organs → processes →
        outcomes → conditions), a colour and shape per kind with a legend, green
        arrows for activation, red tees for inhibition, dashed lines for structural
        relations; tooltips with descriptions, identifiers, quotes and citations; a
        search box and a kind filter. The file loads nothing from the network.

        Parameters
        ----------
        path
            Where to write the page (UTF-8, whole or not at all).
        focus, hops, kinds
            Draw only a part; see :meth:`subgraph`.
        highlight
            Chains (from ``trace``/``match``) to draw in full colour over a dimmed context.
        title
            Heading of the page.

        Returns
        -------
        Path
            ``path``.

        Examples
        --------
        >>> import metagraph, tempfile, pathlib
        >>> kg = metagraph.load()
        >>> out = kg.to_html(pathlib.Path(tempfile.mkdtemp()) / "irisin.html", focus="irisin", hops=1)
        >>> "vis.Network" in out.read_text(encoding="utf-8")
        True
        """
        from metagraph.render.html import to_html

        return to_html(self, path, focus=focus, hops=hops, kinds=kinds, highlight=highlight, title=title)

    def show(
        self: MetaGraph,
        *,
        focus: Names = None,
        hops: int = 1,
        kinds: Kinds = None,
        highlight: Any = None,
        title: str | None = None,
        height: int = 640,
    ) -> HtmlDiagram:
        """Return the interactive diagram for display inline in a notebook (JupyterLab, VS Code).

        Takes the options of :meth:`to_html`; ``height`` is the height of the frame in
        pixels. The result's ``save(path)`` writes the page.

        Examples
        --------
        >>> import metagraph
        >>> view = metagraph.load().show(focus="AMPK", hops=1)
        >>> view._repr_html_().startswith("<iframe srcdoc=")
        True
        """
        from metagraph.render.html import html_diagram

        return html_diagram(self, focus=focus, hops=hops, kinds=kinds, highlight=highlight, title=title, height=height)

    def _repr_html_(self: MetaGraph) -> str:
        if len(self) <= REPR_MAX_NODES:
            from metagraph.render.html import html_document, iframe

            return iframe(html_document(self), height=640)
        counts = Counter(n.kind.value for n in self)
        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{c}</td></tr>" for k, c in sorted(counts.items()))
        return (
            f"<p>{html.escape(repr(self))}: too large to draw inline; use "
            "<code>kg.show(focus=..., hops=...)</code> or <code>kg.to_html(path)</code>.</p>"
            f"<table><tr><th>kind</th><th>nodes</th></tr>{rows}</table>"
        )

    def to_mermaid(
        self: MetaGraph,
        *,
        focus: Names = None,
        hops: int = 1,
        kinds: Kinds = None,
        highlight: Any = None,
        title: str | None = None,
    ) -> str:
        """Return a Mermaid flowchart of the graph or a part of it (renders on GitHub).

        Same options and arrow semantics as :meth:`to_html`; inhibition is a red
        ``--x`` link, structural relations dotted.

        Examples
        --------
        >>> import metagraph
        >>> print(metagraph.load().to_mermaid(focus="irisin", hops=0), end="")
        flowchart LR
          n_irisin{"Irisin"}
          classDef k_myokine fill:#d6336c,stroke:#9c1f4c,color:#ffffff
          class n_irisin k_myokine
        """
        from metagraph.render.mermaid import to_mermaid

        return to_mermaid(self, focus=focus, hops=hops, kinds=kinds, highlight=highlight, title=title)

    def to_dot(
        self: MetaGraph,
        *,
        focus: Names = None,
        hops: int = 1,
        kinds: Kinds = None,
        highlight: Any = None,
        title: str | None = None,
    ) -> str:
        """Return a Graphviz DOT digraph of the graph or a part of it.

        Left to right, one rank per kind; ``arrowhead=tee`` for inhibition,
        ``style=dashed`` for structural relations.

        Examples
        --------
        >>> import metagraph
        >>> metagraph.load().to_dot(focus="irisin").splitlines()[0]
        'digraph metagraph {'
        """
        from metagraph.render.dot import to_dot

        return to_dot(self, focus=focus, hops=hops, kinds=kinds, highlight=highlight, title=title)

    def to_svg(
        self: MetaGraph,
        path: str | os.PathLike[str],
        *,
        focus: Names = None,
        hops: int = 1,
        kinds: Kinds = None,
        highlight: Any = None,
        title: str | None = None,
    ) -> Path:
        """Draw the graph or a part of it with Graphviz and write an SVG file.

        Raises
        ------
        RenderError
            Graphviz's ``dot`` is not on PATH; the message says how to install it.

        Examples
        --------
        >>> import metagraph, shutil, tempfile, pathlib
        >>> if shutil.which("dot"):
        ...     out = metagraph.load().to_svg(pathlib.Path(tempfile.mkdtemp()) / "irisin.svg", focus="irisin")
        ...     print(out.read_text(encoding="utf-8").count("<svg"))
        ... else:
        ...     print(1)
        1
        """
        from metagraph.render.dot import to_svg

        return to_svg(self, path, focus=focus, hops=hops, kinds=kinds, highlight=highlight, title=title)
