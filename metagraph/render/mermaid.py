"""Mermaid flowcharts of a view: text that renders on GitHub, in READMEs and in docs.

The body's compartments as subgraphs (the regions of the HTML page: exercise, muscle
fibre, circulation, each target organ, whole body), or with ``layout="kinds"`` the
nodes alone, left to right by kind. Same semantics as the other diagrams: activation
is a green arrow, inhibition a red ``--x`` link (Mermaid has no tee head), structural
relations a dotted arrow; one class (colour) and one shape per kind. Node ids are rewritten to safe identifiers
(``n_`` + the id) and every label is escaped with Mermaid's entity codes, so quotes,
brackets, ``#``, ``<`` and ``>`` in names show as written.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Unpack

from metagraph.errors import RenderError
from metagraph.render._compartments import Compartments, compartments
from metagraph.render._labels import edge_label
from metagraph.render._layout import layered_layout
from metagraph.render._legend import LegendItems, legend_items
from metagraph.render._style import DIM, KIND_STYLES, NEGATED, edge_look
from metagraph.render.view import View, ViewOptions, as_view

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["MAX_MERMAID_EDGES", "escape_mermaid", "mermaid_id", "to_mermaid"]

#: Mermaid's default ``maxEdges``: GitHub refuses to draw a flowchart with more.
MAX_MERMAID_EDGES = 500

# Characters that end or change a Mermaid label, written as Mermaid entity codes (#NN;).
_ENTITIES = {c: f"#{ord(c)};" for c in '#"&<>[](){}|`;\\'}


def escape_mermaid(text: str) -> str:
    """Escape text for a quoted Mermaid label.

    Examples
    --------
    >>> escape_mermaid('a "b" <c> [d] #1')
    'a #34;b#34; #60;c#62; #91;d#93; #35;1'
    """
    text = " ".join(str(text).split())
    return "".join(_ENTITIES.get(c, c) for c in text)


def mermaid_id(node_id: str) -> str:
    """Return a Mermaid-safe identifier for a node id (no keywords, no stray link letters).

    Examples
    --------
    >>> mermaid_id("end"), mermaid_id("o2-sensor")
    ('n_end', 'n_o2_sensor')
    """
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", node_id)


def _region_id(key: str) -> str:
    return "r_" + re.sub(r"[^A-Za-z0-9_]", "_", key)


def _places(regions: Compartments | None) -> list[tuple[str, Any]]:
    return [(p, r) for r in regions.regions for p in r.places] if regions else []


def _legend(
    lines: list[str],
    by_class: dict[str, list[str]],
    link_styles: dict[str, list[int]],
    items: LegendItems,
    drawn: int,
) -> int:
    """Append a legend subgraph: one node per kind, one sample link per edge semantics."""
    if items.empty:
        return drawn
    lines.append('  subgraph legend["Legend"]')
    lines.append("    direction TB")
    for k in items.kinds:
        style = KIND_STYLES[k.kind]
        lid = f"legend_k_{k.kind.value}"
        lines.append(f'    {lid}{style.mermaid_open}"{escape_mermaid(k.label)}"{style.mermaid_close}')
        by_class[f"legend_{k.kind.value}"].append(lid)
    for i, e in enumerate(items.edges):
        a, b = f"legend_e{i}a", f"legend_e{i}b"
        lines.append(f'    {a}[" "] {e.mermaid_link}|"{escape_mermaid(e.meaning)}"| {b}[" "]')
        css = f"stroke:{e.colour},stroke-width:2px"
        if e.dasharray and e.key != "structural":
            css += f",stroke-dasharray:{e.dasharray}"
        link_styles[css].append(drawn)
        by_class["legend_blank"] += [a, b]
        drawn += 1
    if items.negated:
        lines.append(f'    legend_not["{escape_mermaid(NEGATED)}"]')
        by_class["legend_blank"].append("legend_not")
    lines.append("  end")
    return drawn


def to_mermaid(graph: MetaGraph, view: View | None = None, **options: Unpack[ViewOptions]) -> str:
    """Return a Mermaid flowchart (left to right) of the graph or a part of it; it renders on GitHub.

    The body's compartments are subgraphs (an organ is its subgraph: the links that
    reach it end on its border), or with ``layout="kinds"`` there are none. Same arrow
    semantics as the other diagrams: activation is a green arrow, inhibition a red
    ``--x`` link (Mermaid has no tee head), structural relations a dotted arrow; one
    colour and one shape per kind, the legend's.

    Parameters
    ----------
    graph
        The graph.
    view
        What to draw: the part of the graph, the highlighted chains and the heading. See
        :class:`~metagraph.render.view.View`, which documents every field.
    **options
        The fields of :class:`~metagraph.render.view.View` as keywords instead of ``view``:
        ``focus``, ``hops``, ``kinds``, ``highlight``, ``title``.

    Returns
    -------
    str
        The flowchart, ending in a newline; with a ``title``, YAML front matter naming it comes first.

    Raises
    ------
    RenderError
        More than :data:`MAX_MERMAID_EDGES` edges (Mermaid would refuse to draw them;
        narrow the view with ``focus`` or ``kinds``, or use DOT); both ``view`` and
        options, an unknown option, a kind that does not exist, or a highlighted chain
        with nodes not in ``graph``.
    UnknownNodeError, AmbiguousNodeError
        A ``focus`` name that fits no node, or several.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> print(kg.to_mermaid(focus="irisin", hops=0), end="")
    flowchart LR
      subgraph r_circulation["Circulation"]
        n_irisin{"Irisin"}
      end
      classDef k_myokine fill:#d6336c,stroke:#9c1f4c,color:#ffffff
      class n_irisin k_myokine

    On a graph built by hand, with an inhibiting edge:

    >>> from metagraph import MetaGraph, Node, Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> small = MetaGraph([Node(id="il6", name="IL-6", kind="myokine"),
    ...                    Node(id="inflammation", name="Inflammation", kind="condition")],
    ...                   [Edge(source="il6", target="inflammation", predicate="decreases", evidence=ev)],
    ...                   validate=False)
    >>> print(to_mermaid(small, title="IL-6"), end="")
    ---
    title: "IL-6"
    ---
    flowchart LR
      subgraph r_circulation["Circulation"]
        n_il6{"IL-6"}
      end
      subgraph r_body["Whole body"]
        n_inflammation>"Inflammation"]
      end
      n_il6 --x|"decreases"| n_inflammation
      classDef k_myokine fill:#d6336c,stroke:#9c1f4c,color:#ffffff
      classDef k_condition fill:#c92a2a,stroke:#8f1d1d,color:#ffffff
      class n_il6 k_myokine
      class n_inflammation k_condition
      linkStyle 0 stroke:#c92a2a,stroke-width:2px,color:#c92a2a
    """
    view = as_view(view, options)
    part, marks = view.select(graph)
    triples = list(part.nx.edges(keys=True))
    if len(triples) > MAX_MERMAID_EDGES:
        raise RenderError(
            f"this view has {len(triples)} edges, more than Mermaid draws ({MAX_MERMAID_EDGES}); "
            "narrow it with focus=/kinds= (command line: --focus, --kinds) or write DOT instead"
        )
    layout = layered_layout(part, emphasis=[(u, v) for u, v, _ in marks.edges])
    order = [n for col in layout.columns for n in col]

    lines = []
    if view.title:
        lines += ["---", f"title: {json.dumps(' '.join(view.title.split()), ensure_ascii=False)}", "---"]
    lines.append("flowchart LR")
    by_class: dict[str, list[str]] = defaultdict(list)
    regions = compartments(graph, order) if view.layout in (None, "compartments") else None
    place_of = {p: r.key for r in regions.regions for p in r.places} if regions else {}
    # An organ drawn as its region is the subgraph's id: links to it end on the region's border.
    region_id = {p: _region_id(r.key) for p, r in _places(regions)}
    node_line: dict[str, str] = {}
    for n in order:
        if n in place_of:
            continue
        node = part.node(n)
        shape = KIND_STYLES[node.kind]
        node_line[n] = f'{mermaid_id(n)}{shape.mermaid_open}"{escape_mermaid(node.name)}"{shape.mermaid_close}'
        dimmed = marks.active and n not in marks.nodes
        by_class["dim" if dimmed else f"k_{node.kind.value}"].append(mermaid_id(n))
    if regions is None:
        lines += [f"  {line}" for line in node_line.values()]
    else:
        for r in regions.regions:
            lines.append(f'  subgraph {_region_id(r.key)}["{escape_mermaid(r.label)}"]')
            lines += [f"    {node_line[n]}" for n in r.members]
            lines.append("  end")

    def end(n: str) -> str:
        return region_id[n] if n in region_id else mermaid_id(n)

    rank = {n: i for i, n in enumerate(order)}
    triples.sort(key=lambda t: (rank[t[0]], rank[t[1]], t[2]))
    link_styles: dict[str, list[int]] = defaultdict(list)
    drawn = 0
    for u, v, k in triples:
        if place_of.get(u) is not None and place_of.get(u) == place_of.get(v):
            continue  # a part of an organ inside the organ's own region
        edge = part.edge_model(u, v, k)
        line = edge_look(edge)
        label = escape_mermaid(edge_label(part, edge))
        lines.append(f'  {end(u)} {line.mermaid_link}|"{label}"| {end(v)}')
        if marks.active and (u, v, k) not in marks.edges:
            css = f"stroke:{DIM['border']},color:{DIM['font']}"
        else:
            width = "4px" if marks.active else "2px"
            css = f"stroke:{line.colour},stroke-width:{width}"
            if edge.sign < 0:
                css += f",color:{line.colour}"
        if line.dasharray and line.key != "structural":  # Mermaid draws -.-> dashed already
            css += f",stroke-dasharray:{line.dasharray}"
        link_styles[css].append(drawn)
        drawn += 1
    if view.legend:
        drawn = _legend(lines, by_class, link_styles, legend_items(part, places=regions is None), drawn)

    for kind, style in KIND_STYLES.items():
        if by_class.get(f"k_{kind.value}") or by_class.get(f"legend_{kind.value}"):
            lines.append(f"  classDef k_{kind.value} fill:{style.fill},stroke:{style.border},color:{style.font}")
    if by_class.get("legend_blank"):
        lines.append("  classDef legend_blank fill:#ffffff,stroke:#ced4da,color:#495057")
    if by_class.get("dim"):
        lines.append(f"  classDef dim fill:{DIM['fill']},stroke:{DIM['border']},color:{DIM['font']}")
    for cls, members in by_class.items():
        legend_kind = cls.startswith("legend_") and cls != "legend_blank"
        lines.append(f"  class {','.join(members)} {'k_' + cls[7:] if legend_kind else cls}")
    for css, indices in link_styles.items():
        lines.append(f"  linkStyle {','.join(map(str, indices))} {css}")
    return "\n".join(lines) + "\n"
