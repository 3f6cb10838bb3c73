"""The compartment layout of the interactive page: regions side by side, nodes inside.

The page draws the body's compartments (:func:`~metagraph.render._compartments.compartments`)
left to right: exercise, the muscle fibre, the circulation, a band of organ regions
stacked one above the other, and the whole body. Each region is a rounded box; inside
it, nodes sit in columns (a chain inside a region still runs left to right). An organ
is not a node edges pass through: it is its region, and its own node becomes the
region's title tab at the top-left corner, where the arrows that reach the organ end.
A region with nothing in it but its own node (the brain, when only a myokine's arrow
reaches it) is not drawn as a region: its node stands alone in the organ band.
Regions never overlap: side by side or stacked, each has its own rectangle.

The layout is made readable by construction: nodes get their estimated size
(label included) plus a gap, columns are never closer than the widest node allows,
and the number of rows per column is chosen so that the whole figure fits a
1400×900 window at the largest scale. Everything is deterministic.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metagraph.render._compartments import BODY, CIRCULATION, EXERCISE, MUSCLE, Compartment, compartments
from metagraph.render._layout import _sub_ranks
from metagraph.schema import KIND_ORDER, Kind

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["REGION_COLOURS", "DrawnRegion", "RegionLayout", "bare_regions", "region_layout", "summary_id"]

#: Fill and border of each region (every organ shares one look).
REGION_COLOURS = {
    EXERCISE: ("#fff4e6", "#ffc078"),
    MUSCLE: ("#fff0f6", "#f783ac"),
    CIRCULATION: ("#fff5f5", "#ff8787"),
    "organ": ("#ebfbee", "#69db7c"),
    BODY: ("#f1f3f5", "#adb5bd"),
}

# Geometry, in canvas pixels.
_COL = 172.0  # centre to centre of two columns inside a region (the widest node is 150)
# The widest node of the usual label limit (an ellipse round a 150-pixel label, as estimated):
# a column holding a wider one (a long word widens its label) is made wider by the excess.
_WIDEST = 180.0
_V_GAP = 14.0  # between two nodes of a column, label to label
_PAD = 12.0  # inside a region, around its nodes
_TITLE = 40.0  # a region's title band
_GAP_X = 36.0  # between two regions side by side
_GAP_Y = 36.0  # between two organ regions stacked (as wide as between regions side by side)
# The window the figure is made to fit: a 1400×900 page less its header, toolbar and legend.
_TARGET = (1100.0, 740.0)
_EMPHASIS = 12


@dataclass(frozen=True)
class DrawnRegion:
    """A region as drawn: its box, its title and the node that is its title tab (if any)."""

    key: str
    label: str
    left: float
    top: float
    right: float
    bottom: float
    fill: str
    border: str
    header: str | None


@dataclass(frozen=True)
class RegionLayout:
    """Node positions, the regions drawn behind them, and which region each node is in."""

    positions: dict[str, tuple[float, float]]
    order: list[str]
    regions: list[DrawnRegion]
    region_of: dict[str, str]
    headers: dict[str, str]


def summary_id(key: str) -> str:
    """The id of the node that stands for the collapsed region ``key`` (no node id has a space).

    Examples
    --------
    >>> summary_id("muscle")
    'region muscle'
    """
    return f"region {key}"


_HEAD_NAMES = {MUSCLE: ("skeletal_muscle", "skeletal muscle"), CIRCULATION: ("blood", "blood")}


def _header(graph: MetaGraph, region: Compartment) -> str | None:
    """The place that titles ``region``: the organ itself, skeletal muscle, or blood."""
    if region.key in region.places:
        return region.key
    wanted = _HEAD_NAMES.get(region.key)
    if wanted is None:
        return None
    for p in region.places:
        if p == wanted[0] or str(graph.nx.nodes[p].get("name", "")).lower() == wanted[1]:
            return p
    return None


def bare_regions(graph: MetaGraph, regions: Iterable[Compartment]) -> set[str]:
    """The regions holding nothing but the node that would title them: drawn as that node alone.

    Examples
    --------
    >>> from metagraph.examples import pathway_graph
    >>> kg = pathway_graph()
    >>> sorted(bare_regions(kg, compartments(kg, ["irisin", "adipose_tissue"]).regions))
    ['adipose_tissue']
    >>> sorted(bare_regions(kg, compartments(kg, ["browning_of_white_fat", "adipose_tissue"]).regions))
    []
    """
    out = set()
    for r in regions:
        head = _header(graph, r)
        if head is not None and not r.members and all(p == head for p in r.places):
            out.add(r.key)
    return out


@dataclass
class _Box:
    key: str
    header: str | None
    columns: list[list[str]]
    label: str = ""
    bare: bool = False  # not drawn as a region: its one node stands alone


def region_layout(
    graph: MetaGraph,
    part: MetaGraph,
    size: Callable[[str], tuple[float, float, float]],
    *,
    emphasis: Iterable[tuple[str, str]] = (),
    target: tuple[float, float] = _TARGET,
    folded: dict[str, tuple[frozenset[str], tuple[float, float, float]]] | None = None,
) -> RegionLayout:
    """Lay ``part`` out as the body's compartments.

    Parameters
    ----------
    graph
        The whole graph (where each node is comes from all of it).
    part
        The part drawn.
    size
        Node id → estimated ``(width, height, above)`` of the drawn node, label included;
        ``above`` is how far it reaches above its centre (a label below a shape hangs lower).
    emphasis
        ``(source, target)`` pairs of a highlighted chain, pulled into line first.
    target
        The window (canvas pixels at scale 1) the figure should fit best.
    folded
        Region key → the nodes of that region left out, and the size of the one node
        (:func:`summary_id`) drawn in the region in their place ("+12 more"). The nodes
        left out get no position; an edge to one of them counts as an edge to that node.
        A region whose title node is left out is drawn as that one node alone.

    Examples
    --------
    >>> from metagraph.examples import pathway_graph
    >>> kg = pathway_graph()
    >>> lay = region_layout(kg, kg, lambda n: (120.0, 40.0, 20.0))
    >>> [r.key for r in lay.regions][:3], lay.headers["adipose_tissue"]
    (['exercise', 'muscle', 'circulation'], 'adipose_tissue')
    >>> lay.positions["hiit"][0] < lay.positions["irisin"][0] < lay.positions["insulin_sensitivity"][0]
    True
    >>> small = region_layout(
    ...     kg, kg, lambda n: (120.0, 40.0, 20.0), folded={"muscle": (frozenset({"ampk"}), (100.0, 40.0, 20.0))}
    ... )
    >>> "ampk" in small.positions, small.region_of[summary_id("muscle")]
    (False, 'muscle')
    """
    nx = part.nx
    comp = compartments(graph, list(nx.nodes))
    folded = folded or {}
    bare = bare_regions(graph, comp.regions)
    headers: dict[str, str] = {}
    inside: dict[str, list[str]] = {}
    stand_in: dict[str, str] = {}  # a node left out → the "+N more" node of its region
    for r in comp.regions:
        head = _header(graph, r)
        if r.key in folded:
            gone = folded[r.key][0]
            stand_in.update((n, summary_id(r.key)) for n in [*r.places, *r.members] if n in gone)
            if head in gone or r.key in bare:  # the whole region: one node
                stand_in.update((n, summary_id(r.key)) for n in [*r.places, *r.members])
                bare.add(r.key)
                inside[r.key] = [summary_id(r.key)]
                continue
            if head is not None:
                headers[head] = r.key
            inside[r.key] = [n for n in [*r.places, *r.members] if n != head and n not in gone]
            inside[r.key].append(summary_id(r.key))
            continue
        if r.key in bare:
            inside[r.key] = list(r.places)  # the node alone, drawn as itself (not a title tab)
            continue
        if head is not None:
            headers[head] = r.key
        inside[r.key] = [p for p in r.places if p != head] + list(r.members)
    region_of = {n: k for k, ns in inside.items() for n in ns} | headers
    kind_rank = {k: i for i, k in enumerate(KIND_ORDER)}
    sort_key = {
        n: (kind_rank[Kind(nx.nodes[n]["kind"])], str(nx.nodes[n].get("name", n)).casefold(), n)
        for n in nx.nodes
        if n not in stand_in
    }
    # the "+N more" node comes last in its region
    sort_key.update((summary_id(k), (len(kind_rank), "", k)) for k in folded)
    ends = [(stand_in.get(u, u), stand_in.get(v, v)) for u, v in nx.edges()]
    pairs = [(u, v) for u, v in ends if u != v]

    sizes = {n: size(n) for n in nx.nodes if n not in stand_in}
    sizes.update((summary_id(k), s) for k, (_, s) in folded.items())
    organ_keys = {r.key for r in comp.regions if r.key not in (EXERCISE, MUSCLE, CIRCULATION, BODY)}
    strong = {(stand_in.get(u, u), stand_in.get(v, v)) for u, v in emphasis}
    # A chain inside a region runs left to right over up to ``depth`` columns; a tall
    # column wraps after ``rows`` nodes. Both are chosen to fit the window at the
    # largest scale, up to 1 (ties go to the deeper, taller layout: more of the story in line).
    best: tuple[float, int, int, list[_Box]] | None = None
    # A page of thousands of nodes tries fewer layouts: it is for searching, not for reading whole.
    big = len(sizes) > 1000
    for depth in (4, 1) if big else (4, 3, 2, 1):
        boxes = _columns(graph, comp.regions, inside, pairs, sort_key, depth, bare)
        _order(boxes, pairs, strong)
        organs = [b for b in boxes if b.key in organ_keys]
        tallest = max((len(c) for b in boxes for c in b.columns), default=1)
        for rows in sorted(_row_candidates(tallest, few=big), reverse=True):
            w, h = _measure(boxes, organs, sizes, rows)
            # The page never enlarges a figure past its natural size, so any layout that fits
            # at scale 1 is as readable as another: the first (deepest, least wrapped) wins.
            scale = min(target[0] / max(w, 1.0), target[1] / max(h, 1.0), 1.0)
            if best is None or scale > best[0] * 1.02:
                best = (scale, depth, rows, boxes)
    assert best is not None
    _, _, rows, boxes = best
    organs = [b for b in boxes if b.key in organ_keys]
    positions, drawn = _place(graph, boxes, organs, sizes, rows)
    positions, drawn = _stretch(positions, drawn, target)
    order = [n for b in boxes for n in ([b.header] if b.header else []) + [m for c in b.columns for m in c]]
    return RegionLayout(positions, order, drawn, region_of, headers)


def _columns(
    graph: MetaGraph,
    regions: tuple[Compartment, ...],
    inside: dict[str, list[str]],
    pairs: list[tuple[str, str]],
    sort_key: dict[str, tuple[int, str, str]],
    depth: int,
    bare: set[str],
) -> list[_Box]:
    """Each region's nodes in columns: longest-path rank over the edges inside the region."""
    boxes = []
    for r in regions:
        members = sorted(inside[r.key], key=sort_key.__getitem__)
        cols: list[list[str]] = []
        if members:
            mine = set(members)
            ranks = _sub_ranks(members, [(u, v) for u, v in pairs if u in mine and v in mine], depth)
            cols = [[n for n in members if ranks[n] == d] for d in range(max(ranks.values()) + 1)]
        if r.key in bare:
            boxes.append(_Box(r.key, None, cols, r.label, bare=True))
        else:
            boxes.append(_Box(r.key, _header(graph, r), cols, r.label))
    return boxes


def _order(boxes: list[_Box], pairs: list[tuple[str, str]], strong: set[tuple[str, str]]) -> None:
    """Order each column by the barycentre of its neighbours (a few sweeps, both ways)."""
    columns = [c for b in boxes for c in b.columns]
    column_of = {n: i for i, c in enumerate(columns) for n in c}
    for b in boxes:
        if b.header:
            column_of[b.header] = column_of.get((b.columns[0] or [""])[0], 0) if b.columns else 0
    neighbours: dict[str, list[str]] = defaultdict(list)
    for u, v in pairs:
        if u in column_of and v in column_of and column_of[u] != column_of[v]:
            w = _EMPHASIS if (u, v) in strong else 1
            neighbours[u].extend([v] * w)
            neighbours[v].extend([u] * w)
    index = {n: float(i) for c in columns for i, n in enumerate(c)}
    for b in boxes:
        if b.header:
            index.setdefault(b.header, 0.0)
    for sweep in range(4):
        seq = range(len(columns)) if sweep % 2 == 0 else range(len(columns) - 1, -1, -1)
        for c in seq:
            col = columns[c]
            keyed = []
            for n in col:
                near = [index[m] for m in neighbours[n] if m in index]
                keyed.append((sum(near) / len(near) if near else index[n], index[n], n))
            keyed.sort()
            col[:] = [n for _, _, n in keyed]
            for i, n in enumerate(col):
                index[n] = float(i)


def _row_candidates(tallest: int, *, few: bool = False) -> list[int]:
    """Rows per column to try: every count up to 40, then a few steps up to the tallest column."""
    if tallest <= 40 and not few:
        return list(range(1, tallest + 1))
    if few:
        return sorted({math.ceil(tallest / k) for k in range(1, 24)})
    return sorted({*range(4, 41), *(math.ceil(tallest / k) for k in range(1, 60))})


def _wrap(col: list[str], rows: int) -> list[list[str]]:
    return [col[i : i + rows] for i in range(0, len(col), rows)] or [[]]


def _inner(
    box: _Box, sizes: dict[str, tuple[float, float, float]], rows: int
) -> tuple[list[list[str]], float, float, list[float]]:
    """The wrapped columns of a region, its size (title and padding included) and each column's width."""
    cols = [sub for c in box.columns for sub in _wrap(c, rows)] if box.columns else []
    cols = [c for c in cols if c]
    height = max((sum(sizes[n][1] for n in c) + _V_GAP * (len(c) - 1) for c in cols), default=0.0)
    if box.bare:  # a node alone: no title, no padding
        n = cols[0][0]
        return cols, sizes[n][0], sizes[n][1], [sizes[n][0]]
    widths = [_COL + max(0.0, max(sizes[n][0] for n in c) - _WIDEST) for c in cols]
    width = sum(widths)
    title_w = sizes[box.header][0] + 2 * _PAD if box.header else 160.0
    return cols, max(width + 2 * _PAD - (_COL - 150.0), title_w), height + _TITLE + 2 * _PAD, widths


def _organ_stacks(organs: list[_Box], dims: dict[str, tuple[float, float]], limit: float) -> list[list[_Box]]:
    """Organ regions stacked into as few side-by-side stacks as keep each under ``limit`` high."""
    stacks: list[list[_Box]] = []
    height = 0.0
    for b in organs:
        h = dims[b.key][1]
        if stacks and height + _GAP_Y + h <= limit:
            stacks[-1].append(b)
            height += _GAP_Y + h
        else:
            stacks.append([b])
            height = h
    return stacks


def _measure(
    boxes: list[_Box], organs: list[_Box], sizes: dict[str, tuple[float, float, float]], rows: int
) -> tuple[float, float]:
    dims = {b.key: _inner(b, sizes, rows)[1:3] for b in boxes}
    others = [dims[b.key] for b in boxes if b not in organs]
    limit = max([h for _, h in others] + [max((dims[b.key][1] for b in organs), default=0.0)])
    stacks = _organ_stacks(organs, dims, limit)
    width = sum(w for w, _ in others) + sum(max(dims[b.key][0] for b in s) for s in stacks)
    width += _GAP_X * max(len(others) + len(stacks) - 1, 0)
    height = max(
        [h for _, h in others] + [sum(dims[b.key][1] for b in s) + _GAP_Y * (len(s) - 1) for s in stacks] + [0.0]
    )
    return width, height


def _place(
    graph: MetaGraph, boxes: list[_Box], organs: list[_Box], sizes: dict[str, tuple[float, float, float]], rows: int
) -> tuple[dict[str, tuple[float, float]], list[DrawnRegion]]:
    wrapped = {b.key: _inner(b, sizes, rows) for b in boxes}
    dims = {k: (w, h) for k, (_, w, h, _) in wrapped.items()}
    others = [dims[b.key][1] for b in boxes if b not in organs]
    limit = max([*others, max((dims[b.key][1] for b in organs), default=0.0)])
    stacks = _organ_stacks(organs, dims, limit)
    positions: dict[str, tuple[float, float]] = {}
    drawn: list[DrawnRegion] = []

    def put(b: _Box, left: float, top: float, width: float, height: float) -> None:
        cols, _, _, widths = wrapped[b.key]
        if b.bare:  # the node alone, centred in its slot
            n = cols[0][0]
            positions[n] = (round(left + width / 2, 1) + 0.0, round(top + sizes[n][2], 1) + 0.0)
            return
        fill, border = REGION_COLOURS.get(b.key, REGION_COLOURS["organ"])
        if b.header:
            w = sizes[b.header][0]
            positions[b.header] = (round(left + _PAD + w / 2, 1), round(top + _TITLE / 2 + 2, 1))
        body_h = height - _TITLE - 2 * _PAD
        for i, col in enumerate(cols):
            x = left + _PAD + sum(widths[:i]) + (widths[i] - (_COL - 150.0)) / 2
            col_h = sum(sizes[n][1] for n in col) + _V_GAP * (len(col) - 1)
            y = top + _TITLE + _PAD + (body_h - col_h) / 2
            for n in col:
                h, above = sizes[n][1], sizes[n][2]
                positions[n] = (round(x, 1) + 0.0, round(y + above, 1) + 0.0)
                y += h + _V_GAP
        label = str(graph.nx.nodes[b.header].get("name", b.key)) if b.header else b.label or b.key
        drawn.append(
            DrawnRegion(
                b.key,
                label,
                round(left, 1),
                round(top, 1),
                round(left + width, 1),
                round(top + height, 1),
                fill,
                border,
                b.header,
            )
        )

    x = 0.0
    placed_organs = False
    for b in boxes:
        if b in organs:
            if placed_organs:
                continue
            placed_organs = True
            for s in stacks:
                sw = max(dims[o.key][0] for o in s)
                total = sum(dims[o.key][1] for o in s) + _GAP_Y * (len(s) - 1)
                y = -total / 2
                for o in s:
                    put(o, x, y, sw, dims[o.key][1])
                    y += dims[o.key][1] + _GAP_Y
                x += sw + _GAP_X
            continue
        w, h = dims[b.key]
        put(b, x, -h / 2, w, h)
        x += w + _GAP_X
    return positions, drawn


def _stretch(
    positions: dict[str, tuple[float, float]], drawn: list[DrawnRegion], target: tuple[float, float]
) -> tuple[dict[str, tuple[float, float]], list[DrawnRegion]]:
    """Spread a figure narrower than the window across it (a short chain reads left to right, full width)."""
    if not drawn:
        return positions, drawn
    width = max(r.right for r in drawn) - min(r.left for r in drawn)
    height = max(r.bottom for r in drawn) - min(r.top for r in drawn)
    # The widest the figure may become and still fit the window at scale 1, at most 2.2 times itself.
    room = target[0] * max(1.0, height / target[1])
    factor = min(room / max(width, 1.0), 2.2)
    if factor <= 1.05:
        return positions, drawn
    out = {n: (round(x * factor, 1) + 0.0, y) for n, (x, y) in positions.items()}
    regions = []
    for r in drawn:
        centre = (r.left + r.right) / 2
        half = (r.right - r.left) / 2
        # a region moves with its nodes and widens with the gaps between its columns
        inner = [out[n][0] for n, (x, _) in positions.items() if r.left <= x <= r.right]
        left = min([centre * factor - half, *(v - 90 for v in inner)])
        right = max([centre * factor + half, *(v + 90 for v in inner)])
        regions.append(dataclasses.replace(r, left=round(left, 1), right=round(right, 1)))
    return out, regions
