"""The interactive pathway page: one self-contained, offline HTML file built with pyvis.

pyvis 0.3.2 builds the vis-network data and renders a Jinja template, but its stock
template loads Bootstrap from a CDN in every ``cdn_resources`` mode, has no
autoescaping, and switches tooltips to raw HTML when a title contains "href". So we
keep pyvis's :class:`~pyvis.network.Network` and :meth:`~pyvis.network.Network.generate_html`
but give it our own template (autoescaped) and inline the vis-network script that
pyvis ships, so the page loads nothing from anywhere: a Content-Security-Policy
(``default-src 'none'``) makes sure of it. Node and edge text goes into the page as
JSON (Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'``) and is shown
on the canvas or as tooltip *text*, so no data is ever parsed as HTML.

pyvis is imported inside the functions, so ``import metagraph`` and the command
line do not pay for it.
"""

from __future__ import annotations

import html as html_lib
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from metagraph._atomic import write_text_atomic
from metagraph._select import as_names
from metagraph.errors import RenderError
from metagraph.render._labels import edge_label, edge_tooltip, node_tooltip
from metagraph.render._layout import layered_layout
from metagraph.render._legend import legend_items
from metagraph.render._region_layout import REGION_COLOURS, RegionLayout, region_layout, summary_id
from metagraph.render._routing import Box, GridRouter, clear_curve, node_box, route_edge
from metagraph.render._style import DIM, EDGE_LOOKS, KIND_STYLES, EdgeStyle, KindStyle, edge_look, edge_style
from metagraph.render.view import Highlight, View, ViewOptions, as_view
from metagraph.schema import KIND_ORDER, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Node

__all__ = [
    "LARGE_GRAPH",
    "REPR_MAX_NODES",
    "HtmlDiagram",
    "edge_id",
    "html_document",
    "iframe",
    "page_contents",
    "repr_html",
    "show",
    "to_html",
]

#: A notebook draws the whole graph inline (``_repr_html_``) up to this many nodes, else a summary.
REPR_MAX_NODES = 400

#: Above this many nodes the page drops edge labels and curved edges, and says so.
LARGE_GRAPH = 2000
#: Above this many edges, edge labels are left to the tooltips.
LABELLED_EDGES = 400
#: Up to this many nodes, the compartment page routes every edge clear of the nodes it does not touch.
GRID_ROUTED_NODES = 100
#: Up to this many nodes, a page over :data:`GRID_ROUTED_NODES` opens on an overview: each region's
#: best-connected nodes, the rest folded into a "+N more" box that draws every node when clicked.
OVERVIEW_NODES = 1000
#: Up to this many edges, every edge (not only the highlighted ones) is bent around the nodes in its way.
ROUTED_EDGES = 400

_FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
# vis-network shapes that draw the label inside the node; the others draw it below.
_LABEL_INSIDE = frozenset({"box", "ellipse", "database", "circle", "text"})
# Node geometry (pixels), shared by the page's node data and the edge routing's estimates.
_FONT_SIZE = 18  # measured: 11 px or more at fit-to-window for views up to 100 nodes
_NODE_SIZE = 20
_MARGIN = 8
_MIN_WIDTH = 90
_MAX_WIDTH = 150
# Average advance of a character, in font sizes: generous (Chromium's sans-serif measures about
# 0.5), so a word estimated to fit does fit.
_CHAR_EM = 0.55
# Roundness of the page's left-to-right edge curves, and the most a context edge is bent
# around the nodes in its way (routing.route_edge).
_ROUNDNESS = 0.45
_CONTEXT_BEND = 0.2
# The canvas of a 1400×900 page (less its header, toolbar and legend) and the least estimated
# scale at which an 18-pixel label is 11 pixels high on it (0.61), with a margin: edges routed
# round the figure widen it, and the page fits them too (measured 0.92 of the estimate).
_WINDOW = (1100.0, 720.0)
_READABLE_SCALE = 0.68
# The key of an overview edge that stands for several, and its colour when their signs differ.
_BUNDLE = "folded"
_BUNDLE_COLOUR = "#868e96"


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """The vis-network script that pyvis ships for ``cdn_resources='in_line'``."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted(
        lib.glob("vis-*/vis-network.min.js"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)]
    )
    if not found:
        raise RenderError(
            f"pyvis's bundled vis-network script is missing from {lib}; reinstall pyvis "
            "(pip install --force-reinstall pyvis)"
        )
    text = found[-1].read_text(encoding="utf-8")
    if "</script" in text.lower():  # would end our inline <script> early
        raise RenderError(f"{found[-1]} cannot be inlined (it contains '</script'); reinstall pyvis")
    return text


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("metagraph.render").joinpath("assets", name).read_text(encoding="utf-8")


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader

    return Environment(loader=PackageLoader("metagraph.render", "assets"), autoescape=True, keep_trailing_newline=True)


class _NodeIds(list[Any]):
    """pyvis keeps node ids in a list and looks them up for every node and edge added,
    which is quadratic; this list also keeps a set, so a 10k-node page takes seconds."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._seen.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._seen


# -- legend icons (constant markup: colours and shapes from the style table) --------
def _kind_icon(style: KindStyle) -> str:
    f, b = style.fill, style.border
    a = f'fill="{f}" stroke="{b}" stroke-width="1.5"'
    body = {
        "hexagon": f'<polygon points="5,2 15,2 19,9 15,16 5,16 1,9" {a}/>',
        "triangle": f'<polygon points="10,1 19,17 1,17" {a}/>',
        "ellipse": f'<ellipse cx="10" cy="9" rx="9" ry="6.5" {a}/>',
        "diamond": f'<polygon points="10,0.5 19,9 10,17.5 1,9" {a}/>',
        "database": (f'<path d="M2,4 v10 a8,3 0 0,0 16,0 v-10" {a}/><ellipse cx="10" cy="4" rx="8" ry="3" {a}/>'),
        "circle": f'<circle cx="10" cy="9" r="7.5" {a}/>',
        "dot": f'<circle cx="10" cy="9" r="7" {a}/>',
        "box": f'<rect x="1" y="3" width="18" height="12" rx="3" {a}/>',
        "star": f'<polygon points="10,0.5 12.4,6.3 18.6,6.6 13.8,10.5 15.4,16.6 10,13.2 4.6,16.6 '
        f'6.2,10.5 1.4,6.6 7.6,6.3" {a}/>',
        "triangleDown": f'<polygon points="1,1 19,1 10,17" {a}/>',
    }[style.vis_shape]
    return f'<svg width="20" height="18" viewBox="0 0 20 18" aria-hidden="true">{body}</svg>'


def _edge_looks(part: MetaGraph) -> list[EdgeStyle]:
    """The causal and structural looks always, and regulation and associations when drawn."""
    present = {look.key for look in legend_items(part).edges}
    return [
        look for key, look in EDGE_LOOKS.items() if key in present or key in ("increases", "decreases", "structural")
    ]


def _bundle_icon() -> str:
    c = _BUNDLE_COLOUR
    return (
        f'<svg width="32" height="16" viewBox="0 0 32 16" aria-hidden="true"><line x1="2" y1="8" x2="24" y2="8" '
        f'stroke="{c}" stroke-width="4"/><polygon points="24,3 31,8 24,13" fill="{c}"/></svg>'
    )


def _edge_icon(s: EdgeStyle) -> str:
    sign = s.sign
    dash = f' stroke-dasharray="{s.dasharray.replace(" ", ",")}"' if s.dasharray else ""
    line = f'<line x1="2" y1="8" x2="{26 if sign < 0 else 24}" y2="8" stroke="{s.colour}" stroke-width="2"{dash}/>'
    if s.dot_arrowhead == "none":
        head = ""
    elif s.dot_arrowhead == "odiamond":
        head = f'<polygon points="23,8 27,4 31,8 27,12" fill="#ffffff" stroke="{s.colour}" stroke-width="1.5"/>'
    elif sign < 0:
        head = f'<line x1="27" y1="2" x2="27" y2="14" stroke="{s.colour}" stroke-width="3"/>'
    else:
        head = f'<polygon points="24,3 31,8 24,13" fill="{s.colour}"/>'
    return f'<svg width="32" height="16" viewBox="0 0 32 16" aria-hidden="true">{line}{head}</svg>'


# -- the vis-network data ----------------------------------------------------------
def _max_width(name: str, font_size: float) -> float:
    """The widest a node's label may be: :data:`_MAX_WIDTH`, or more when one word is longer.

    vis-network wraps a label at spaces, but breaks a word that is wider than the limit in
    the middle ("aminotransferase / s"), so the limit grows to hold the longest word.
    """
    longest = max((len(word) for word in name.split()), default=0)
    return float(max(_MAX_WIDTH, math.ceil(longest * _CHAR_EM * font_size) + 2 * _MARGIN))


def _node_data(node: Node, x: float, y: float, *, dimmed: bool, emphasised: bool) -> dict[str, Any]:
    style = KIND_STYLES[node.kind]
    inside = style.vis_shape in _LABEL_INSIDE
    if dimmed:
        fill, border, font = DIM["fill"], DIM["border"], DIM["font"]
    else:
        fill, border = style.fill, style.border
        font = style.font if inside else "#212529"
    data: dict[str, Any] = {
        "shape": style.vis_shape,
        "color": {
            "background": fill,
            "border": border,
            "highlight": {"background": fill, "border": "#212529"},
            "hover": {"background": fill, "border": "#212529"},
        },
        "font": {"color": font, "size": _FONT_SIZE, "face": _FONT, "bold": {"color": font}, "multi": False},
        "borderWidth": 3 if emphasised else 1,
        "title": node_tooltip(node),
        "x": x,
        "y": y,
        "kind": node.kind.value,
        "names": list(dict.fromkeys([node.name, *node.synonyms, node.id])),
    }
    widest = _max_width(node.name, _FONT_SIZE + (2 if emphasised else 0))
    if inside:
        data["margin"] = _MARGIN
        data["widthConstraint"] = {"minimum": _MIN_WIDTH, "maximum": widest}
    else:
        data["size"] = _NODE_SIZE
        data["widthConstraint"] = {"maximum": widest}  # a long name wraps below its shape
    if emphasised:
        data["highlighted"] = True
        data["font"]["size"] += 2
        data["shadow"] = {"enabled": True, "size": 8, "x": 0, "y": 0, "color": "rgba(0,0,0,0.35)"}
    return data


def _edge_data(
    graph: MetaGraph,
    triple: tuple[str, str, str],
    *,
    dimmed: bool,
    emphasised: bool,
    labelled: bool,
    curved: bool,
    parallel: int,
    route: dict[str, Any] | None = None,
) -> dict[str, Any]:
    u, v, k = triple
    edge = graph.edge_model(u, v, k)
    style = edge_look(edge)
    colour = DIM["edge"] if dimmed else style.colour
    data: dict[str, Any] = {
        "id": edge_id(u, v, k),
        "arrows": {"to": {"enabled": style.dot_arrowhead != "none", "type": style.vis_arrow, "scaleFactor": 0.9}},
        "color": {"color": colour, "highlight": style.colour, "hover": style.colour, "inherit": False},
        "dashes": style.vis_dashes,
        "width": 4 if emphasised else (1.8 if edge.sign else 1.2),
        "title": edge_tooltip(graph, edge),
        "predicate": edge.predicate.value,
        "sign": edge.sign,
    }
    if labelled and not dimmed:  # labels on the dimmed context would crowd the highlighted chain
        data["label"] = edge_label(graph, edge)
        data["font"] = {
            "size": 16 if emphasised else 11,
            "face": _FONT,
            "color": style.colour if emphasised else "#495057",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "align": "horizontal",
        }
    if emphasised:
        data["highlighted"] = True
    if route is not None:  # an edge bent around the nodes in its way (see _routes)
        data["smooth"] = route
    elif curved and parallel:  # bend the 2nd, 3rd... edge between the same two nodes apart
        data["smooth"] = {
            "enabled": True,
            "type": "curvedCW" if parallel % 2 else "curvedCCW",
            "roundness": 0.15 * ((parallel + 1) // 2),
        }
    return data


def _node_box(node: Node, x: float, y: float, *, emphasised: bool, header: bool = False) -> Box:
    """Where :func:`_node_data`'s node will be drawn, label included (an estimate)."""
    b = _text_box(node, x, y, emphasised=emphasised, header=header)
    shape = "box" if header else KIND_STYLES[node.kind].vis_shape
    # vis-network draws an ellipse round its text box, and a database as a square.
    if shape == "ellipse":
        half = (b.right - b.left) * 0.6
        return Box(x - half, b.top - 2, x + half, b.bottom + 2)
    if shape == "database":
        half = max(b.right - b.left, b.bottom - b.top) / 2 + 4
        return Box(x - half, y - half, x + half, y + half)
    if shape in ("box", "circle", "text"):
        # measured in Chromium: the minimum width holds the text, and the margins come on top
        half = max((b.right - b.left) / 2 + 5, (_MIN_WIDTH + 2 * _MARGIN + 12) / 2)
        return Box(x - half, b.top - 2, x + half, b.bottom + 2)
    return b


def _text_box(node: Node, x: float, y: float, *, emphasised: bool, header: bool = False) -> Box:
    font_size = _FONT_SIZE + (2 if emphasised else 0)
    return node_box(
        x,
        y,
        node.name,
        label_inside=header or KIND_STYLES[node.kind].vis_shape in _LABEL_INSIDE,
        font_size=font_size,
        size=_NODE_SIZE,
        margin=_MARGIN,
        min_width=_MIN_WIDTH,
        max_width=_max_width(node.name, font_size),
    )


def _routes(
    view: MetaGraph,
    positions: dict[str, tuple[float, float]],
    marks: Highlight,
    boxes: dict[str, Box],
    *,
    every: bool,
    compact: bool = False,
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Curves for the edges that would otherwise run through other nodes.

    The highlighted edges always; with ``every``, also the others that are alone between
    their two nodes (parallel edges are already bent apart). Only for pages with curved
    edges: a large graph's straight edges are left as they are.
    """
    g = view.nx
    wanted = set(marks.edges)
    if every:
        wanted.update((u, v, k) for u, v, k in g.edges(keys=True) if g.number_of_edges(u, v) == 1)
    out = {}
    for u, v, k in sorted(wanted):
        if u == v or not g.has_edge(u, v, k):
            continue
        others = [b for n, b in boxes.items() if n != u and n != v]
        # Context edges may only bend a little: long arcs around half the figure read worse
        # than an edge that crosses a node; a highlighted edge bends as far as it needs.
        bend = 0.5 if (u, v, k) in marks.edges or compact else _CONTEXT_BEND
        route = route_edge(positions[u], positions[v], others, roundness=_ROUNDNESS, max_roundness=bend)
        if route is not None:
            out[(u, v, k)] = route
    return out


def _sizer(part: MetaGraph, marks: Highlight) -> Any:
    """Node id → the estimated (width, height, reach above the centre) of its drawn node, label included."""

    def size(n: str) -> tuple[float, float, float]:
        b = _node_box(part.node(n), 0.0, 0.0, emphasised=n in marks.nodes, header=False)
        return (b.right - b.left, b.bottom - b.top, -b.top)

    return size


def _boxes(
    part: MetaGraph, positions: dict[str, tuple[float, float]], marks: Highlight, regions: RegionLayout | None
) -> dict[str, Box]:
    headers = regions.headers if regions is not None else {}
    return {
        n: _node_box(part.node(n), *positions[n], emphasised=n in marks.nodes, header=n in headers)
        for n in part.nx.nodes
    }


def _as_header(data: dict[str, Any], *, dimmed: bool) -> None:
    """Restyle a node as its region's title tab: a white box at the region's top-left corner."""
    border = DIM["border"] if dimmed else "#495057"
    data["shape"] = "box"
    data["color"] = {
        "background": "#ffffff",
        "border": border,
        "highlight": {"background": "#ffffff", "border": "#212529"},
        "hover": {"background": "#ffffff", "border": "#212529"},
    }
    font = DIM["font"] if dimmed else "#212529"
    data["font"].update(color=font, bold={"color": font})
    data["margin"] = _MARGIN
    data["widthConstraint"]["minimum"] = _MIN_WIDTH  # the maximum holds the longest word, as before
    data.pop("size", None)
    data["header"] = True


def _clear_routes(
    triples: list[tuple[str, str, str]],
    skip: set[tuple[str, str, str]],
    positions: dict[str, tuple[float, float]],
    boxes: dict[str, Box],
    regions: RegionLayout,
) -> tuple[dict[tuple[str, str, str], dict[str, Any]], dict[tuple[str, str, str], list[tuple[float, float]]]]:
    """Route every drawn edge (``triples`` but ``skip``) clear of the nodes it does not touch.

    The page's default curve when it is clear, else the gentlest clear curve, else a
    path of straight legs around the nodes (:class:`~metagraph.render._routing.GridRouter`).
    """
    curves: dict[tuple[str, str, str], dict[str, Any]] = {}
    paths: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    router: GridRouter | None = None
    fine: GridRouter | None = None
    pairs: Counter[tuple[str, str]] = Counter()
    # A region's title (drawn on the canvas, not a node) is kept clear of edges too.
    titles = {
        f"title:{r.key}": Box(r.left + 8, r.top + 4, r.left + 24 + 0.62 * 18 * len(r.label), r.top + 40)
        for r in regions.regions
        if r.header is None
    }
    boxes = {**boxes, **titles}
    for u, v, k in sorted(triples):
        pairs[(u, v)] += 1
        if u == v or (u, v, k) in skip:
            continue
        others = [b for n, b in boxes.items() if n != u and n != v]
        # The 2nd, 3rd... parallel edge between two nodes takes a curve of its own.
        curve = clear_curve(positions[u], positions[v], others, roundness=_ROUNDNESS, bent=pairs[(u, v)] - 1)
        if curve is None:
            continue
        if isinstance(curve, dict):
            curves[(u, v, k)] = curve
            continue
        if router is None:
            span = max(b.right for b in boxes.values()) - min(b.left for b in boxes.values())
            router = GridRouter(boxes, positions, cell=max(8.0, span / 220))
        bends = router.path(u, v)
        if bends is None:  # walled in by packed neighbours: look again through the narrow gaps
            if fine is None:
                fine = GridRouter(boxes, positions, cell=router.cell / 2)
            bends = fine.path(u, v)
        if bends:
            paths[(u, v, k)] = bends
        elif bends == []:  # a straight line is clear
            curves[(u, v, k)] = {"enabled": False}
        else:  # no way round: a curve clear of the nodes (if not of the titles), or crossing least
            nodes_only = [b for n, b in boxes.items() if n != u and n != v and n not in titles]
            least = clear_curve(positions[u], positions[v], nodes_only, roundness=_ROUNDNESS, bent=1)
            if not isinstance(least, dict):
                least = route_edge(positions[u], positions[v], nodes_only, roundness=_ROUNDNESS)
            if least is not None:
                curves[(u, v, k)] = least
    return curves, paths


def _add_path(
    net: Any,
    triple: tuple[str, str, str],
    bends: list[tuple[float, float]],
    data: dict[str, Any],
    *,
    stage: str | None = None,
) -> None:
    """Draw an edge as straight legs through invisible bend points; the last leg has the arrow and the id.

    With ``stage`` (an overview's ``"first"``), the bend points and all but the last leg are
    drawn only in that stage, and the last leg starts at the edge's source in the other.
    """
    eid = data["id"]
    if stage is not None and "modes" in data:
        data["modes"]["first"]["from"] = f"{eid}|via{len(bends) - 1}"
    stops = [triple[0]]
    for i, (x, y) in enumerate(bends):
        vid = f"{eid}|via{i}"
        net.add_node(
            vid,
            label=" ",
            shape="dot",
            size=0.5,
            color={"background": "rgba(0,0,0,0)", "border": "rgba(0,0,0,0)"},
            x=x,
            y=y,
            via=True,
            ends=[triple[0], triple[1]],
            borderWidth=0,
            chosen=False,
            font={"size": 1},
            **({"stage": stage} if stage else {}),
        )
        stops.append(vid)
    stops.append(triple[1])
    for i in range(len(stops) - 1):
        leg = dict(data, smooth={"enabled": False}, ends=[triple[0], triple[1]])
        leg.pop("label", None)
        leg.pop("font", None)
        if i < len(stops) - 2:
            leg["id"] = f"{eid}|leg{i}"
            leg["arrows"] = {"to": {"enabled": False}}
            leg["leg"] = True
            leg.pop("modes", None)
            if stage:
                leg["stage"] = stage
        net.add_edge(stops[i], stops[i + 1], **leg)


def _inside_own_region(part: MetaGraph, triple: tuple[str, str, str], regions: RegionLayout) -> bool:
    """Whether an edge only says that a node is in (or part of) the region its other end titles."""
    u, v, k = triple
    if part.edge_model(u, v, k).sign != 0:
        return False
    head_u, head_v = regions.headers.get(u), regions.headers.get(v)
    return (head_v is not None and regions.region_of.get(u) == head_v) or (
        head_u is not None and regions.region_of.get(v) == head_u
    )


def _region_data(
    regions: RegionLayout | None, part: MetaGraph, overview: _Overview | None = None
) -> list[dict[str, Any]]:
    """The regions the page draws behind the nodes (boxes in canvas pixels), for pathway.js.

    An overview's regions have two boxes: ``at.first`` in the overview, ``at.full`` with every node.
    """
    if regions is None:
        return []
    counts = Counter(regions.region_of[n] for n in part.nx.nodes if n not in regions.headers)
    first = {r.key: [r.left, r.top, r.right, r.bottom] for r in overview.layout.regions} if overview else {}
    return [
        {
            "key": r.key,
            "label": r.label,
            "box": [r.left, r.top, r.right, r.bottom],
            "fill": r.fill,
            "border": r.border,
            "titled": r.header is None,
            "count": counts[r.key],
        }
        | ({"at": {"first": first.get(r.key), "full": [r.left, r.top, r.right, r.bottom]}} if overview else {})
        for r in regions.regions
    ]


def _options(large: bool) -> dict[str, Any]:
    smooth: dict[str, Any] | bool = (
        {"enabled": False}
        if large
        else {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal", "roundness": _ROUNDNESS}
    )
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "physics": {"enabled": False},
        "interaction": {
            "hover": not large,
            "tooltipDelay": 150,
            "multiselect": True,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
        },
        "nodes": {"physics": False},
        "edges": {
            "smooth": smooth,
            "arrowStrikethrough": False,
            "selectionWidth": 1.5,
            "hoverWidth": 1,
            "physics": False,
        },
    }


def _title(graph: MetaGraph, ids: list[str], view: View) -> str:
    """The page's heading: ``view.title``, else one made from what the view shows."""
    if view.title:
        return view.title
    focus, hops = view.focus, view.hops
    if focus is not None:
        names = [graph.node(n).name for n in as_names(focus)]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return f"{shown}: neighbourhood within {hops} step{'s' if hops != 1 else ''}"
    if view.kinds is not None and len(ids) < len(graph):
        return "metagraph: " + ", ".join(
            sorted({str(graph.nx.nodes[n]["kind"]) for n in ids}, key=lambda k: KIND_ORDER.index(Kind(k)))
        )
    return "metagraph: how exercise reverses metabolic dysregulation"


def html_document(graph: MetaGraph, view: View | None = None, **options: Unpack[ViewOptions]) -> str:
    """Return the interactive pathway page of the graph or a part of it as an HTML string.

    The page is :func:`to_html`'s; ``view`` and ``options`` are as there.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> page = html_document(MetaGraph([Node(id="ampk", name="AMPK", kind="signal")]), title="<AMPK>")
    >>> "<title>&lt;AMPK&gt;</title>" in page, "https://" in page.split("<script>")[0]
    (True, False)
    """
    return _page(graph, as_view(view, options))[0]


def edge_id(source: str, target: str, key: str) -> str:
    """The id an edge has in the page's data: ``"source|target|key"``.

    Examples
    --------
    >>> edge_id("irisin", "browning_of_white_fat", "increases")
    'irisin|browning_of_white_fat|increases'
    """
    return f"{source}|{target}|{key}"


def page_contents(graph: MetaGraph, view: View | None = None, **options: Unpack[ViewOptions]) -> dict[str, list[str]]:
    """What the page of ``view`` draws, as sorted id lists: a picture's checkable record.

    The same selection :func:`to_html` draws, without building the page: ``nodes`` (node
    ids), ``edges`` (:func:`edge_id` of each edge), ``highlighted_nodes`` and
    ``highlighted_edges`` (those drawn in full colour; empty when nothing is highlighted),
    ``regions`` (the compartments drawn as regions; empty in the ``kinds`` layout) and
    ``folded`` (the nodes a page over 100 nodes first shows only as "+N more" boxes).
    ``examples/make_screenshots.py`` stores it beside each screenshot so a test can tell
    when a stored picture no longer shows what the code would draw.

    Parameters
    ----------
    graph
        The graph.
    view
        What to draw, as for :func:`to_html`.
    **options
        The fields of :class:`~metagraph.render.view.View` as keywords instead of ``view``.

    Returns
    -------
    dict[str, list[str]]
        The six sorted lists named above.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> drawn = page_contents(kg, focus="irisin", hops=1)
    >>> "irisin" in drawn["nodes"], drawn["highlighted_edges"]
    (True, [])
    >>> all(e.count("|") >= 2 for e in drawn["edges"])
    True
    >>> whole = page_contents(kg)
    >>> 0 < len(whole["folded"]) < len(whole["nodes"])
    True
    """
    drawn = as_view(view, options)
    part, marks = drawn.select(graph)
    shown = [(u, v, k) for u, v, k in part.nx.edges(keys=True)]
    regions = []
    folded: list[str] = []
    if drawn.layout in (None, "compartments"):
        from metagraph.render._compartments import compartments
        from metagraph.render._region_layout import bare_regions

        found = compartments(graph, list(part.nx.nodes)).regions
        bare = bare_regions(graph, found)  # an organ with nothing in it is drawn as its node alone
        regions = [r.key for r in found if r.key not in bare]
        if GRID_ROUTED_NODES < len(part) <= OVERVIEW_NODES:
            overview = _overview(graph, part, marks, [(u, v) for u, v, _ in marks.edges])
            folded = sorted(overview.stand_in) if overview is not None else []
    return {
        "nodes": sorted(part.nx.nodes),
        "edges": sorted(edge_id(*t) for t in shown),
        "highlighted_nodes": sorted(marks.nodes & set(part.nx.nodes)),
        "highlighted_edges": sorted(edge_id(*t) for t in shown if t in marks.edges),
        "regions": sorted(regions),
        "folded": folded,
    }


def show(
    graph: MetaGraph, view: View | None = None, *, height: int = 640, **options: Unpack[ViewOptions]
) -> HtmlDiagram:
    """Return the interactive pathway page for display inline in a notebook (JupyterLab, VS Code).

    The page is :func:`to_html`'s, held in memory; its ``save(path)`` writes it.

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
    height
        Height of the inline frame, in pixels.

    Returns
    -------
    HtmlDiagram
        The page; a notebook shows it inline (``_repr_html_``), titled with the page's heading.

    Raises
    ------
    RenderError
        Both ``view`` and options, an unknown option, a kind that does not exist, or a
        highlighted chain with nodes not in ``graph``.
    UnknownNodeError, AmbiguousNodeError
        A ``focus`` name that fits no node, or several.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> diagram = kg.show(focus="AMPK", hops=1)
    >>> diagram  # doctest: +ELLIPSIS
    <HtmlDiagram: 'AMPK: neighbourhood within 1 step', ... characters>
    >>> diagram._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    page, heading = _page(graph, as_view(view, options))
    return HtmlDiagram(page, height=height, title=heading)


@dataclass(frozen=True)
class _Overview:
    """What the first view of a larger page draws: the best-connected nodes, the rest folded.

    ``layout`` places the nodes kept and one "+N more" node (``summary_id``) per region
    with nodes folded; ``stand_in`` maps each folded node to that node; ``bundles`` maps
    each pair of drawn ends to the edges (of the folded nodes) it stands for.
    """

    layout: RegionLayout
    folded: dict[str, frozenset[str]]
    stand_in: dict[str, str]
    bundles: dict[tuple[str, str], list[tuple[str, str, str]]]


def _summary_label(count: int) -> str:
    return f"+{count} more"


def _summary_box(count: int, x: float, y: float) -> Box:
    b = node_box(
        x,
        y,
        _summary_label(count),
        label_inside=True,
        font_size=_FONT_SIZE,
        size=_NODE_SIZE,
        margin=_MARGIN,
        min_width=_MIN_WIDTH,
        max_width=_MAX_WIDTH,
    )
    # drawn as a box: the minimum width and the margins, as in _node_box
    half = max((b.right - b.left) / 2 + 5, (_MIN_WIDTH + 2 * _MARGIN + 12) / 2)
    return Box(x - half, b.top - 2, x + half, b.bottom + 2)


def _fit_scale(boxes: Iterable[Box], regions: Iterable[Any]) -> float:
    """The scale at which the page would fit these boxes and regions in a 1400×900 window (an estimate)."""
    edges = [(b.left, b.top, b.right, b.bottom) for b in boxes]
    edges += [(r.left, r.top, r.right, r.bottom) for r in regions]
    if not edges:
        return 1.0
    width = max(e[2] for e in edges) - min(e[0] for e in edges)
    height = max(e[3] for e in edges) - min(e[1] for e in edges)
    return min(_WINDOW[0] / max(width, 1.0), _WINDOW[1] / max(height, 1.0), 1.0)


def _overview(graph: MetaGraph, part: MetaGraph, marks: Highlight, emphasis: list[tuple[str, str]]) -> _Overview | None:
    """Fold the least connected nodes of each region into one "+N more" node until the figure reads whole.

    Each region (but the exercise's) keeps the same share of its nodes, the best-connected
    first (neighbours through signed edges, then through any edge; a group after its
    members); highlighted nodes and the organs that title their regions are always kept.
    The share shrinks until, at fit-to-window, labels are :data:`_READABLE_SCALE` times
    their size or more and at most :data:`GRID_ROUTED_NODES` nodes are drawn. ``None``
    when there is nothing to fold.
    """
    from metagraph.render._compartments import EXERCISE, compartments
    from metagraph.render._region_layout import _header

    g = part.nx
    signed: dict[str, set[str]] = {n: set() for n in g.nodes}
    anyway: dict[str, set[str]] = {n: set() for n in g.nodes}
    groups = set()
    for u, v, k in g.edges(keys=True):
        edge = part.edge_model(u, v, k)
        anyway[u].add(v)
        anyway[v].add(u)
        if edge.sign != 0 and not edge.negated:
            signed[u].add(v)
            signed[v].add(u)
        if edge.predicate.value == "member_of":
            groups.add(v)
    rank = {n: (-len(signed[n]), -len(anyway[n]), n in groups, part.node(n).name.casefold(), n) for n in g.nodes}
    candidates: dict[str, list[str]] = {}
    for r in compartments(graph, list(g.nodes)).regions:
        if r.key == EXERCISE:
            continue
        head = _header(graph, r)
        mine = [n for n in [*r.places, *r.members] if n != head and n not in marks.nodes]
        candidates[r.key] = sorted(mine, key=rank.__getitem__)
    size = _sizer(part, marks)
    best: _Overview | None = None
    # From about the share that leaves 100 nodes, down in steps of an eighth.
    share = min(0.8, 1.1 * GRID_ROUTED_NODES / max(sum(map(len, candidates.values())), 1))
    shares = []
    while share > 0.02:
        shares.append(round(share, 3))
        share *= 0.88
    for share in [*shares, 0.0]:
        folded = {}
        for key, ranked in candidates.items():
            keep = max(min(len(ranked), 2), round(share * len(ranked)))
            if len(ranked) > keep + 1:  # a box "+1 more" would take the room of the node it folds
                folded[key] = frozenset(ranked[keep:])
        if not folded:
            continue
        summary_sizes = {}
        for key, gone in folded.items():
            b = _summary_box(len(gone), 0.0, 0.0)
            summary_sizes[key] = (gone, (b.right - b.left, b.bottom - b.top, -b.top))
        lay = region_layout(graph, part, size, emphasis=emphasis, folded=summary_sizes)
        stand_in = {n: summary_id(key) for key, gone in folded.items() for n in gone}
        bundles: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for u, v, k in sorted(g.edges(keys=True)):
            if u in stand_in or v in stand_in:
                ends = (stand_in.get(u, u), stand_in.get(v, v))
                if ends[0] != ends[1]:
                    bundles.setdefault(ends, []).append((u, v, k))
        best = _Overview(lay, folded, stand_in, bundles)
        boxes = _overview_boxes(part, marks, best)
        if len(lay.positions) <= GRID_ROUTED_NODES and _fit_scale(boxes.values(), lay.regions) >= _READABLE_SCALE:
            break
    return best


def _overview_boxes(part: MetaGraph, marks: Highlight, overview: _Overview) -> dict[str, Box]:
    """Where the overview's nodes are drawn, labels included (an estimate)."""
    lay = overview.layout
    boxes = {}
    for n, (x, y) in lay.positions.items():
        if n in part.nx:
            boxes[n] = _node_box(part.node(n), x, y, emphasised=n in marks.nodes, header=n in lay.headers)
    for key, gone in overview.folded.items():
        boxes[summary_id(key)] = _summary_box(len(gone), *lay.positions[summary_id(key)])
    return boxes


def _overview_routes(
    part: MetaGraph, marks: Highlight, overview: _Overview
) -> tuple[dict[tuple[str, str, str], dict[str, Any]], dict[tuple[str, str, str], list[tuple[float, float]]]]:
    """The overview's edges (those between kept nodes, and one per bundle) routed clear of its nodes."""
    lay = overview.layout
    kept = [t for t in part.nx.edges(keys=True) if t[0] not in overview.stand_in and t[1] not in overview.stand_in]
    skip = {t for t in kept if _inside_own_region(part, t, lay)}
    bundled = [(u, v, _BUNDLE) for u, v in overview.bundles]
    skip |= {(u, v, _BUNDLE) for (u, v), ts in overview.bundles.items() if _bundle_inside(part, ts, overview)}
    return _clear_routes(kept + bundled, skip, lay.positions, _overview_boxes(part, marks, overview), lay)


def _bundle_inside(part: MetaGraph, triples: list[tuple[str, str, str]], overview: _Overview) -> bool:
    """Whether every edge of a bundle only says that a folded node is in the region its other end titles."""
    return all(
        part.edge_model(*t).sign == 0 and (t[0] in overview.layout.headers or t[1] in overview.layout.headers)
        for t in triples
    )


def _smooth(route: dict[str, Any] | None) -> dict[str, Any]:
    """A curve given in full (every key), so that switching between two never keeps a key of the other."""
    out = {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal", "roundness": _ROUNDNESS}
    return out | (route or {})


def _add_summaries(net: Any, part: MetaGraph, overview: _Overview) -> None:
    """One "+N more" node per region with folded nodes: a dashed box that draws every node when clicked."""
    for key, gone in sorted(overview.folded.items()):
        x, y = overview.layout.positions[summary_id(key)]
        names = sorted((part.node(n).name for n in gone), key=str.casefold)
        fill, border = REGION_COLOURS.get(key, REGION_COLOURS["organ"])
        net.add_node(
            summary_id(key),
            label=_summary_label(len(gone)),
            shape="box",
            color={
                "background": "#ffffff",
                "border": border,
                "highlight": {"background": fill, "border": "#212529"},
                "hover": {"background": fill, "border": "#212529"},
            },
            x=x,
            y=y,
            region=key,
            summary=True,
            at={"first": [x, y], "full": None},
            shapeProperties={"borderDashes": [6, 4]},
            borderWidth=2,
            margin=_MARGIN,
            widthConstraint={"minimum": _MIN_WIDTH, "maximum": _MAX_WIDTH},
            font={"color": "#212529", "size": _FONT_SIZE, "face": _FONT, "multi": False},
            title=f"{len(gone)} more nodes here, left out to keep the overview readable: "
            + ", ".join(names)
            + ".\nClick to draw every node.",
        )


def _add_bundles(
    net: Any,
    part: MetaGraph,
    marks: Highlight,
    overview: _Overview,
    routes: dict[tuple[str, str, str], dict[str, Any]],
    paths: dict[tuple[str, str, str], list[tuple[float, float]]],
) -> None:
    """One edge per pair of ends in the overview standing for the edges of the folded nodes."""
    for (u, v), triples in sorted(overview.bundles.items()):
        models = [part.edge_model(*t) for t in triples]
        signs = {(m.sign > 0) - (m.sign < 0) for m in models}
        look = edge_look(models[0]) if len(signs) == 1 and len(models) == 1 else None
        colour = look.colour if look is not None else _BUNDLE_COLOUR
        if len(signs) == 1 and look is None:
            look = edge_style(signs.pop())
            colour = look.colour
        lines = [
            f"{part.node(m.source).name} {m.predicate.value.replace('_', ' ')} {part.node(m.target).name}"
            for m in models
        ]
        shown = lines[:12] + ([f"… and {len(lines) - 12} more"] if len(lines) > 12 else [])
        data: dict[str, Any] = {
            "id": edge_id(u, v, _BUNDLE),
            "arrows": {"to": {"enabled": True, "type": look.vis_arrow if look else "arrow", "scaleFactor": 0.9}},
            "color": {
                "color": DIM["edge"] if marks.active else colour,
                "highlight": colour,
                "hover": colour,
                "inherit": False,
            },
            "dashes": look.vis_dashes if look else False,
            "width": min(1.2 + 0.6 * len(models), 5.0),
            "title": f"{len(models)} edge{'s' if len(models) != 1 else ''} to or from folded nodes:\n"
            + "\n".join(shown),
            "bundle": len(models),
            "stage": "first",
        }
        triple = (u, v, _BUNDLE)
        if _bundle_inside(part, triples, overview):
            data["hidden"] = data["inside"] = True
        if triple in paths:
            _add_path(net, triple, paths[triple], data, stage="first")
        else:
            data["smooth"] = _smooth(routes.get(triple))
            net.add_edge(u, v, **data)


def _page(graph: MetaGraph, view: View) -> tuple[str, str]:
    """The page of ``view`` and its heading."""
    from pyvis.network import Network

    part, marks = view.select(graph)
    ids = list(part.nx.nodes)
    n_nodes, n_edges = part.nx.number_of_nodes(), part.nx.number_of_edges()
    large = n_nodes > LARGE_GRAPH
    labelled = not large and n_edges <= LABELLED_EDGES

    emphasis = [(u, v) for u, v, _ in marks.edges]
    regions: RegionLayout | None = None
    overview: _Overview | None = None
    if view.layout in (None, "compartments"):  # the page's default: the body's compartments
        regions = region_layout(graph, part, _sizer(part, marks), emphasis=emphasis)
        positions, node_order = regions.positions, regions.order
        if GRID_ROUTED_NODES < n_nodes <= OVERVIEW_NODES:
            overview = _overview(graph, part, marks, emphasis)  # None: nothing to fold
    else:
        layout = layered_layout(part, emphasis=emphasis)
        positions, node_order = layout.positions, [n for col in layout.columns for n in col]
    heading = _title(graph, ids, view)
    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    # Our template (autoescaped, no CDN) replaces pyvis's; see the module docstring.
    net.templateEnv = _environment()
    net.path = "pathway.html"
    net.node_ids = _NodeIds()
    folded_nodes = overview.stand_in if overview is not None else {}
    for node_id in node_order:
        node = part.node(node_id)
        x, y = positions[node_id]
        emphasised = node_id in marks.nodes
        if overview is not None and node_id in overview.layout.positions:
            x, y = overview.layout.positions[node_id]
        data = _node_data(node, x, y, dimmed=marks.active and not emphasised, emphasised=emphasised)
        if regions is not None:
            data["region"] = regions.region_of[node_id]
            if node_id in regions.headers:
                _as_header(data, dimmed=marks.active and not emphasised)
        if overview is not None:  # where the node is in the overview and when every node is drawn
            data["at"] = {"first": [x, y] if node_id not in folded_nodes else None, "full": list(positions[node_id])}
            if node_id in folded_nodes:
                data["folded"] = data["hidden"] = True
        net.add_node(node_id, label=node.name, shape=data.pop("shape"), color=data.pop("color"), **data)
    if overview is not None:
        _add_summaries(net, part, overview)
    boxes = _boxes(part, positions, marks, regions)
    paths: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    cleared = regions is not None and n_nodes <= GRID_ROUTED_NODES and n_edges <= ROUTED_EDGES
    if large:
        routes: dict[tuple[str, str, str], dict[str, Any]] = {}
    elif cleared and regions is not None:
        triples = list(part.nx.edges(keys=True))
        inside = {t for t in triples if _inside_own_region(part, t, regions)}
        routes, paths = _clear_routes(triples, inside, positions, boxes, regions)
    else:
        routes = _routes(part, positions, marks, boxes, every=n_edges <= ROUTED_EDGES)
    first_routes: dict[tuple[str, str, str], dict[str, Any]] = {}
    first_paths: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    if overview is not None:
        first_routes, first_paths = _overview_routes(part, marks, overview)
    seen_pairs: Counter[tuple[str, str]] = Counter()
    ordered = sorted(part.nx.edges(keys=True), key=lambda t: t in marks.edges)  # highlighted drawn last
    for triple in ordered:
        pair = (triple[0], triple[1])
        emphasised = triple in marks.edges
        data = _edge_data(
            part,
            triple,
            dimmed=marks.active and not emphasised,
            emphasised=emphasised,
            labelled=labelled,
            curved=not large,
            parallel=0 if cleared else seen_pairs[pair],  # cleared: parallel edges are routed apart already
            route=routes.get(triple),
        )
        if regions is not None and _inside_own_region(part, triple, regions):
            data["hidden"] = True  # "X is in the liver" is what the region already shows
            if overview is not None:
                data["inside"] = True  # and stays hidden when "Show all" shows the other edges
        elif regions is not None and "label" in data:
            # The compartment figure names its edges by their look (the legend) and in
            # tooltips: text on every edge would lie over the nodes of a dense region.
            del data["label"], data["font"]
        seen_pairs[pair] += 1
        if overview is not None:
            full_smooth = _smooth(data.pop("smooth", None))
            if triple[0] in folded_nodes or triple[1] in folded_nodes:
                # drawn only with every node; in the overview its "+N more" box carries it
                data.update(stage="full", hidden=True, smooth=full_smooth)
            elif triple in first_paths:
                data["modes"] = {
                    "first": {"smooth": {"enabled": False}},
                    "full": {"from": triple[0], "smooth": full_smooth},
                }
                _add_path(net, triple, first_paths[triple], data, stage="first")
                continue
            else:
                first_smooth = _smooth(first_routes.get(triple))
                data["smooth"] = first_smooth
                data["modes"] = {"first": {"smooth": first_smooth}, "full": {"smooth": full_smooth}}
            net.add_edge(triple[0], triple[1], **data)
        elif triple in paths:
            _add_path(net, triple, paths[triple], data)
        else:
            net.add_edge(triple[0], triple[1], **data)
    if overview is not None:
        _add_bundles(net, part, marks, overview, first_routes, first_paths)
    net.options = _options(large)  # a dict: pyvis's set_options would strip spaces from strings

    kind_counts = Counter(Kind(part.nx.nodes[n]["kind"]) for n in ids)
    notes = []
    if large:
        notes.append(
            f"This graph has {n_nodes:,} nodes and {n_edges:,} edges: for speed the layout is fixed, "
            "edges are straight and unlabelled, and hidden while you pan or zoom. Draw a part with "
            "focus=/kinds= (command line: --focus, --kinds) to see more detail."
        )
    elif overview is not None and regions is not None:
        labels = {r.key: r.label for r in regions.regions}
        where = ", ".join(
            f"{labels.get(k, k)} {len(g)}" for k, g in sorted(overview.folded.items(), key=lambda kv: -len(kv[1]))
        )
        notes.append(
            f"{n_nodes:,} nodes: too many to read whole at this size. This overview draws the "
            f"{n_nodes - len(folded_nodes):,} best-connected and folds {len(folded_nodes):,} into \u201c+N more\u201d "
            f"boxes ({where}). Click a box or \u201cShow all\u201d to draw every node; Find reaches folded nodes too."
        )
    elif regions is not None and not cleared:
        notes.append(
            f"{n_nodes:,} nodes: too many to read whole at this size, so edges are not routed around the "
            "nodes. Find a node by name, untick kinds or collapse regions in the legend, or draw a part "
            "(focus=/kinds=; command line: --focus, --kinds)."
        )
    if not large and not labelled:
        notes.append(
            f"{n_edges:,} edges: edge labels are left out to keep the figure readable; "
            "hover over an edge for its predicate, quotes and citations."
        )
    summary = f"{n_nodes:,} node{'s' if n_nodes != 1 else ''}, {n_edges:,} edge{'s' if n_edges != 1 else ''}"
    if marks.active:
        summary += (
            f"; highlighted: {len(marks.nodes & set(ids))} nodes, "
            f"{sum(1 for t in marks.edges if part.nx.has_edge(*t))} edges"
        )
    net.templateEnv.globals["mg"] = {
        "css": _asset("pathway.css"),
        "js": _asset("pathway.js"),
        "vis_js": _vis_js(),
        "summary": summary,
        "notes": notes,
        "highlighted": marks.active,
        "kinds": [
            {
                "kind": k.value,
                "label": KIND_STYLES[k].label,
                "count": kind_counts[k],
                "icon": _kind_icon(KIND_STYLES[k]),
            }
            for k in KIND_ORDER
            if kind_counts[k]
        ],
        "edge_kinds": [{"meaning": look.meaning, "icon": _edge_icon(look)} for look in _edge_looks(part)],
        "regions": _region_data(regions, part, overview),
        "overview": n_nodes if overview is not None else 0,
    }
    if overview is not None:
        net.templateEnv.globals["mg"]["edge_kinds"].append(
            {
                "meaning": "several edges of the nodes in a \u201c+N more\u201d box (grey: of both signs)",
                "icon": _bundle_icon(),
            }
        )
    return net.generate_html(name="pathway.html"), heading


def to_html(
    graph: MetaGraph, path: str | os.PathLike[str], view: View | None = None, **options: Unpack[ViewOptions]
) -> Path:
    """Write an interactive pathway diagram of the graph or a part of it to one offline HTML file.

    Left to right through the body's compartments: the exercise, the muscle fibre, the
    circulation, each target organ as a region (the organ's own node is the region's
    title tab, where the arrows that reach the organ end; a myokine is drawn once, its
    arrows fanning out to the organs), the whole body. A colour and shape per kind with a
    legend, green arrows for activation, red tees for inhibition, dashed lines for
    structural relations; up to 100 nodes, every edge is routed clear of the nodes it
    does not touch. A larger part (up to 1,000 nodes) opens on an overview that reads at
    fit-to-window: each region's best-connected nodes, the rest folded into a "+N more"
    box (its edges bundled into one arrow per pair of ends); the page names what it
    folded, and "Show all" (or a click on a box, or finding a folded node) draws every
    node. Tooltips with descriptions, identifiers, quotes and citations; a search box
    (forgiving typos), a kind filter and collapsible regions. ``layout="kinds"`` draws
    one column per kind instead. The file loads nothing from the network.

    Parameters
    ----------
    graph
        The graph.
    path
        Where to write the page (UTF-8, written whole or not at all).
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

    Raises
    ------
    RenderError
        Both ``view`` and options, an unknown option, a kind that does not exist, or a
        highlighted chain with nodes not in ``graph``.
    UnknownNodeError, AmbiguousNodeError
        A ``focus`` name that fits no node, or several.

    Examples
    --------
    >>> import metagraph, tempfile, pathlib
    >>> kg = metagraph.load()
    >>> out = kg.to_html(pathlib.Path(tempfile.mkdtemp()) / "irisin.html", focus="irisin", hops=1)
    >>> page = out.read_text(encoding="utf-8")
    >>> page.startswith("<!DOCTYPE html>"), "vis.Network" in page, "<title>Irisin: neighbourhood" in page
    (True, True, True)

    With the chains of a trace highlighted over their context:

    >>> from metagraph.render.view import View
    >>> chains = kg.trace("HIIT", "insulin sensitivity", limit=2)
    >>> view = View(highlight=chains, focus=[n for c in chains for n in c.nodes], title="HIIT")
    >>> kg.to_html(pathlib.Path(tempfile.mkdtemp()) / "trace.html", view).suffix
    '.html'
    """
    return write_text_atomic(path, _page(graph, as_view(view, options))[0])


def iframe(page: str, *, height: int = 640, title: str = "metagraph diagram") -> str:
    """Wrap a whole HTML page in an ``<iframe srcdoc=...>`` for notebooks.

    The page is escaped into the attribute, and the frame may run scripts but is
    otherwise sandboxed (no access to the notebook's page).

    Examples
    --------
    >>> iframe('<p class="x">a & b</p>', height=100)  # doctest: +ELLIPSIS
    '<iframe srcdoc="&lt;p class=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;" sandbox="allow-scripts" ...'
    """
    return (
        f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'title="{html_lib.escape(title, quote=True)}" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #dee2e6;"></iframe>'
    )


class HtmlDiagram:
    """An interactive pathway page held in memory; shows itself inline in a notebook.

    Attributes
    ----------
    html
        The whole page.

    Examples
    --------
    >>> d = HtmlDiagram("<!DOCTYPE html><p>hi</p>")
    >>> d._repr_html_()[:15]
    '<iframe srcdoc='
    """

    def __init__(self, html: str, *, height: int = 640, title: str = "metagraph diagram") -> None:
        self.html = html
        self.height = height
        self.title = title

    def _repr_html_(self) -> str:
        return iframe(self.html, height=self.height, title=self.title)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (UTF-8, whole or not at all) and return the path."""
        return write_text_atomic(path, self.html)

    def __repr__(self) -> str:
        return f"<HtmlDiagram: {self.title!r}, {len(self.html):,} characters>"


def repr_html(graph: MetaGraph) -> str:
    """The notebook display of a graph: the diagram inline when small, else a summary by kind.

    This is ``MetaGraph._repr_html_``; past :data:`REPR_MAX_NODES` nodes a drawing inside
    a notebook cell would be unreadable and slow, so the summary says how to draw a part.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> repr_html(MetaGraph([Node(id="ampk", name="AMPK", kind="signal")])).startswith("<iframe srcdoc=")
    True
    """
    if len(graph) <= REPR_MAX_NODES:
        return iframe(html_document(graph), height=640)
    import html as _html
    from collections import Counter

    counts = Counter(n.kind.value for n in graph)
    rows = "".join(f"<tr><td>{_html.escape(k)}</td><td>{c}</td></tr>" for k, c in sorted(counts.items()))
    return (
        f"<p>{_html.escape(repr(graph))}: too large to draw inline; use "
        "<code>kg.show(focus=..., hops=...)</code> or <code>kg.to_html(path)</code>.</p>"
        f"<table><tr><th>kind</th><th>nodes</th></tr>{rows}</table>"
    )
