"""Graphviz diagrams of a view: DOT text, and SVG through Graphviz's ``dot`` program.

Left to right (``rankdir=LR``) through the body's compartments, one Graphviz cluster
each (the regions of the HTML page, from :mod:`metagraph.render._compartments`):
the exercise, the muscle fibre, the circulation, each target organ, the whole body;
``layout="kinds"`` draws one rank per kind in the order of
:data:`metagraph.schema.KIND_ORDER` instead. Activation is a green arrow, inhibition a red
``tee`` (as in SBGN Activity Flow), structural relations grey and dashed. Every
string is quoted and escaped, so names with quotes, backslashes or ``<`` stay text.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import textwrap
import warnings
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from metagraph._atomic import write_bytes_atomic
from metagraph.errors import RenderError
from metagraph.render._compartments import compartments
from metagraph.render._labels import edge_label, edge_tooltip, node_tooltip
from metagraph.render._layout import layered_layout
from metagraph.render._legend import legend_items
from metagraph.render._style import DIM, KIND_STYLES, NEGATED, edge_look
from metagraph.render.view import RenderWarning, View, ViewOptions, as_view
from metagraph.schema import KIND_ORDER

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.schema import Kind

__all__ = ["INSTALL_GRAPHVIZ", "SIZES", "SVG_WARN_NODES", "dot_svg", "quote_dot", "to_dot", "to_svg"]

INSTALL_GRAPHVIZ = (
    "install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "conda: conda install -c conda-forge graphviz; Windows: winget install graphviz) "
    "and make sure `dot` is on PATH, or write DOT with to_dot() and render it elsewhere"
)

_FONT = "Helvetica,Arial,sans-serif"


def quote_dot(text: str) -> str:
    r"""Quote and escape a string for DOT.

    Examples
    --------
    >>> print(quote_dot('say "hi" \\ bye'))
    "say \"hi\" \\ bye"
    """
    body = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    return f'"{body}"'


def _attrs(**attrs: Any) -> str:
    parts = []
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, bool):
            v = "true" if v else "false"
        if isinstance(v, int | float):
            parts.append(f"{k}={v}")
        else:
            parts.append(f"{k}={quote_dot(str(v))}")
    return "[" + ", ".join(parts) + "]"


def to_dot(
    graph: MetaGraph,
    view: View | None = None,
    *,
    size: str | None = None,
    compact: bool = False,
    **options: Unpack[ViewOptions],
) -> str:
    """Return a Graphviz DOT digraph of the graph or a part of it.

    Left to right (``rankdir=LR``) through the body's compartments, one cluster each
    (an organ is its cluster: the arrows that reach it end on its border), or with
    ``layout="kinds"`` one rank per kind; green arrows for activation,
    ``arrowhead=tee`` for inhibition, ``style=dashed`` for structural relations.
    Edges have ids ``e0``, ``e1``, ... (an edge saying that a node is in the organ whose
    cluster it is drawn in is invisible); the invisible edges that keep the regions (or
    kinds) in order have ids ``order0``, ...

    Parameters
    ----------
    graph
        The graph.
    view
        What to draw: the part of the graph, the highlighted chains and the heading. See
        :class:`~metagraph.render.view.View`, which documents every field.
    size
        Fit the drawing to a 16:9 ``"slide"``, a journal ``"column"`` or a ``"page"``
        (see :func:`to_svg`).
    compact
        Wrap names and the legend's lines, and name edges by their look (the legend) only
        (their tooltips keep the words): about half as wide, so its text is about twice
        as large in a column or on a page.
    **options
        The fields of :class:`~metagraph.render.view.View` as keywords instead of ``view``:
        ``focus``, ``hops``, ``kinds``, ``highlight``, ``title``.

    Returns
    -------
    str
        The DOT source, ending in a newline; render it with :func:`dot_svg` or :func:`to_svg`.

    Raises
    ------
    RenderError
        Both ``view`` and options, an unknown option, a kind that does not exist,
        or a highlighted chain with nodes not in ``graph``.
    UnknownNodeError, AmbiguousNodeError
        A ``focus`` name that fits no node, or several.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> kg.to_dot(focus="irisin").splitlines()[0]
    'digraph metagraph {'

    On a graph built by hand, with an inhibiting edge:

    >>> from metagraph import MetaGraph, Node, Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> small = MetaGraph([Node(id="il6", name="IL-6", kind="myokine"),
    ...                    Node(id="inflammation", name="Inflammation", kind="condition")],
    ...                   [Edge(source="il6", target="inflammation", predicate="decreases", evidence=ev)],
    ...                   validate=False)
    >>> dot = to_dot(small)
    >>> 'arrowhead="tee"' in dot, 'rankdir="LR"' in dot
    (True, True)
    """
    view = as_view(view, options)
    part, marks = view.select(graph)
    layout = layered_layout(part, emphasis=[(u, v) for u, v, _ in marks.edges])
    order = [n for col in layout.columns for n in col]
    kind_rank = {k: i for i, k in enumerate(KIND_ORDER)}
    regions = compartments(graph, order) if view.layout in (None, "compartments") else None
    place_of = {p: r.key for r in regions.regions for p in r.places} if regions else {}
    narrow = compact

    lines = ["digraph metagraph {"]
    lines.append(
        "  graph "
        + _attrs(
            rankdir="LR",
            newrank=True,
            compound=True if regions else None,
            nodesep=0.25,
            ranksep=0.4 if narrow else 0.7,
            fontname=_FONT,
            fontsize=14,
            labelloc="t",
            label=view.title,
            size=_SIZES[size] if size else None,
            ratio="compress" if size else None,
        )
        + ";"
    )
    lines.append(
        "  node " + _attrs(fontname=_FONT, fontsize=11, style="filled", penwidth=1.2, margin="0.12,0.06") + ";"
    )
    lines.append("  edge " + _attrs(fontname=_FONT, fontsize=10.5, arrowsize=0.8) + ";")

    node_lines: dict[str, str] = {}
    groups: dict[Kind, list[str]] = {}
    for n in order:
        node = part.node(n)
        if n in place_of:  # an organ drawn as its region: an invisible anchor for the edges that reach it
            node_lines[n] = f"  {quote_dot(n)} " + _attrs(shape="point", style="invis", width=0.01, id=f"place_{n}")
            continue
        shape = KIND_STYLES[node.kind]
        groups.setdefault(node.kind, []).append(n)
        dimmed = marks.active and n not in marks.nodes
        emphasised = marks.active and n in marks.nodes
        node_lines[n] = f"  {quote_dot(n)} " + _attrs(
            label=_wrap(node.name) if narrow else node.name,
            shape=shape.dot_shape,
            style=shape.dot_style,
            fillcolor=DIM["fill"] if dimmed else shape.fill,
            color=DIM["border"] if dimmed else shape.border,
            fontcolor=DIM["font"] if dimmed else shape.font,
            penwidth=3 if emphasised else None,
            tooltip=node_tooltip(node),
            id=f"node_{n}",
        )
    if regions is None:
        lines += [line + ";" for line in node_lines.values()]
        for kind in KIND_ORDER:
            if kind in groups:
                members = "; ".join(quote_dot(n) for n in groups[kind])
                lines.append(f"  {{ rank=same; {members}; }}")
    else:
        for r in regions.regions:
            lines.append(f"  subgraph {quote_dot('cluster_' + r.key)} {{")
            lines.append(
                "    graph "
                + _attrs(
                    label=r.label,
                    style="rounded,filled",
                    fillcolor=_REGION_FILL.get(r.key, _REGION_FILL["organ"]),
                    color="#ced4da",
                    fontcolor="#495057",
                    labeljust="l",
                    id=f"region_{r.key}",
                )
                + ";"
            )
            lines += [f"  {node_lines[n]};" for n in (*r.places, *r.members)]
            lines.append("  }")

    rank = {n: i for i, n in enumerate(order)}
    triples = sorted(part.nx.edges(keys=True), key=lambda t: (rank[t[0]], rank[t[1]], t[2]))
    for i, (u, v, k) in enumerate(triples):
        edge = part.edge_model(u, v, k)
        line = edge_look(edge)
        dimmed = marks.active and (u, v, k) not in marks.edges
        emphasised = marks.active and (u, v, k) in marks.edges
        backwards = kind_rank[part.node(u).kind] > kind_rank[part.node(v).kind]
        colour = DIM["border"] if dimmed else line.colour
        inside = place_of.get(u) is not None and place_of.get(u) == place_of.get(v)
        if regions is not None and edge.sign == 0 and not inside:
            # "X is in the liver" is what X's place inside the liver's region already shows
            inside = (u in place_of and regions.of.get(v) == place_of[u]) or (
                v in place_of and regions.of.get(u) == place_of[v]
            )
        lines.append(
            f"  {quote_dot(u)} -> {quote_dot(v)} "
            + _attrs(
                label=None if narrow else edge_label(part, edge),
                color=colour,
                fontcolor=DIM["font"] if dimmed else line.colour,
                arrowhead=line.dot_arrowhead,
                style="invis" if inside else line.dot_style,
                penwidth=3 if emphasised else 1.4,
                constraint=False if backwards and regions is None else None,
                headlabel="✕" if edge.negated else None,  # a denied claim is crossed out
                labelfontcolor=colour if edge.negated else None,
                labelfontsize=16 if edge.negated else None,
                ltail=f"cluster_{place_of[u]}" if u in place_of and not inside else None,
                lhead=f"cluster_{place_of[v]}" if v in place_of and not inside else None,
                tooltip=edge_tooltip(part, edge),
                id=f"e{i}",
            )
            + ";"
        )
    if regions is None:
        present = [groups[k][0] for k in KIND_ORDER if k in groups]
    else:  # keep the regions in the body's order, left to right (a column: top to bottom)
        present = [(r.members or r.places)[0] for r in regions.regions]
    for i, (a, b) in enumerate(pairwise(present)):
        lines.append(f"  {quote_dot(a)} -> {quote_dot(b)} " + _attrs(style="invis", id=f"order{i}") + ";")
    if view.legend:
        lines += _legend(part, regions_drawn=regions is not None, narrow=narrow)

    lines.append("}")
    return "\n".join(lines) + "\n"


#: Paper sizes (inches, "!" scales up as well as down) a figure is fitted to.
_SIZES = {"slide": "13.33,7.5!", "column": "3.35,9!", "page": "7.09,9.5!"}

#: Background of each region in the compartment layout (organs share one).
_REGION_FILL = {
    "exercise": "#fff4e6",
    "muscle": "#fff0f6",
    "circulation": "#fff5f5",
    "organ": "#ebfbee",
    "body": "#f8f9fa",
}

# A sample of each line, in a font's glyphs: tables cannot draw a dashed line.
_GLYPHS = {
    "increases": "——▶",
    "decreases": "——┤",
    "regulates": "——◇",
    "structural": "- - ›",
    "positive_association": "·······",
    "negative_association": "·······",
    "association": "·······",
}


def _wrap(text: str, width: int = 14) -> str:
    """Break a name into lines of about ``width`` characters, between words only."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def _legend(part: MetaGraph, *, regions_drawn: bool, narrow: bool = False) -> list[str]:
    """A legend node (an HTML-like table) of the kinds and edge semantics ``part`` draws (wrapped when narrow)."""
    items = legend_items(part, places=not regions_drawn)
    if items.empty:
        return []

    def text(words: str) -> str:
        lines = textwrap.wrap(words, 26, break_long_words=False) if narrow else [words]
        return '<BR ALIGN="LEFT"/>'.join(html.escape(line) for line in lines)

    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    for k in items.kinds:
        rows.append(f'<TR><TD BGCOLOR="{k.fill}" WIDTH="28"> </TD><TD ALIGN="LEFT">{text(k.label)}</TD></TR>')
    for e in items.edges:
        glyph = html.escape(_GLYPHS[e.key])
        rows.append(f'<TR><TD><FONT COLOR="{e.colour}">{glyph}</FONT></TD><TD ALIGN="LEFT">{text(e.meaning)}</TD></TR>')
    if items.negated:
        rows.append(f'<TR><TD>✕</TD><TD ALIGN="LEFT">{text(NEGATED)}</TD></TR>')
    table = '<TABLE BORDER="1" COLOR="#ced4da" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">' + "".join(rows)
    return [
        f'  "mg_legend" [shape=plaintext, style="", fontsize=11, id="legend", label=<{table}</TABLE>>];',
        '  { rank=sink; "mg_legend"; }',
    ]


def dot_svg(dot: str, *, timeout: float = 120.0) -> bytes:
    """Render DOT text to SVG with Graphviz's ``dot`` program.

    Raises
    ------
    RenderError
        ``dot`` is not installed (the message says how to install it), fails or times out.

    Examples
    --------
    >>> import shutil
    >>> svg = dot_svg("digraph { a -> b }") if shutil.which("dot") else b"<svg"
    >>> b"<svg" in svg
    True
    """
    exe = shutil.which("dot")
    if exe is None:
        raise RenderError("Graphviz's `dot` program was not found, so no SVG can be drawn; " + INSTALL_GRAPHVIZ)
    try:
        done = subprocess.run(
            [exe, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz's `dot` took more than {timeout:.0f} s; draw a smaller view (focus=, kinds=)"
        ) from None
    except OSError as exc:
        raise RenderError(f"Graphviz's `dot` could not be run ({exc}); " + INSTALL_GRAPHVIZ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz's `dot` failed (exit {done.returncode}): {message}")
    return done.stdout


#: Beyond this many nodes Graphviz's layout takes minutes and the figure is unreadable.
SVG_WARN_NODES = 300

SIZES = tuple(_SIZES)


def to_svg(
    graph: MetaGraph,
    path: str | os.PathLike[str],
    view: View | None = None,
    *,
    size: str | None = None,
    **options: Unpack[ViewOptions],
) -> Path:
    """Draw the graph or a part of it with Graphviz and write it as an SVG file.

    The drawing is :func:`to_dot`'s, laid out by Graphviz's ``dot`` program.

    Parameters
    ----------
    graph
        The graph.
    path
        Where to write the SVG (written whole or not at all).
    size
        Fit the figure to a 16:9 ``"slide"``, a journal ``"column"`` (85 mm wide) or a
        ``"page"`` (180 mm wide); by default Graphviz's natural size. Fitted to a size,
        it is drawn as is or ``compact`` (see :func:`to_dot`), whichever has the larger
        text there.
    view
        What to draw: the part of the graph, the highlighted chains and the heading. See
        :class:`~metagraph.render.view.View`, which documents every field.
    **options
        The fields of :class:`~metagraph.render.view.View` as keywords instead of ``view``:
        ``focus``, ``hops``, ``kinds``, ``highlight``, ``title``.

    Returns
    -------
    Path
        ``path``.

    Warns
    -----
    RenderWarning
        The view has more than :data:`SVG_WARN_NODES` nodes (the interactive page suits it better).

    Raises
    ------
    RenderError
        Graphviz's ``dot`` is not on PATH (the message says how to install it), fails or
        times out; both ``view`` and options, an unknown option, a kind that does not exist,
        or a highlighted chain with nodes not in ``graph``.
    UnknownNodeError, AmbiguousNodeError
        A ``focus`` name that fits no node, or several.

    Examples
    --------
    >>> import metagraph, shutil, tempfile, pathlib
    >>> kg = metagraph.load()
    >>> if shutil.which("dot"):
    ...     out = kg.to_svg(pathlib.Path(tempfile.mkdtemp()) / "irisin.svg", focus="irisin")
    ...     print(out.read_text(encoding="utf-8").count("<svg"), "Irisin" in out.read_text(encoding="utf-8"))
    ... else:
    ...     print(1, True)
    1 True
    """
    view = as_view(view, options)
    if size is not None and size not in _SIZES:
        raise RenderError(f"unknown size {size!r}; the sizes are {', '.join(_SIZES)}")
    part, _ = view.select(graph)
    if len(part) > SVG_WARN_NODES:
        warnings.warn(
            f"this view has {len(part)} nodes: Graphviz may take minutes to lay it out and the figure will be "
            "hard to read; narrow it (focus=, kinds=) or draw the interactive page with to_html()",
            RenderWarning,
            stacklevel=2,
        )
    if size is None:
        return write_bytes_atomic(path, dot_svg(to_dot(graph, view)))
    from metagraph.render.figure import best_svg

    return write_bytes_atomic(path, best_svg(graph, view, size=size).encode("utf-8"))
