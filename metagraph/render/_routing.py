"""Bending edges around the nodes they would otherwise run through.

The layered layout pulls a highlighted chain into one row, so an edge that skips
columns (AMPK → mitochondrial biogenesis) can run straight through dimmed nodes that
happen to sit at the same height, as if the chain passed through them; the same
happens to any edge that skips a column. For such an edge :func:`route_edge` picks
the gentlest vis-network curve (``curvedCW`` or ``curvedCCW``) that clears every
other node, reproducing vis-network's own curve geometry (``BezierEdgeStatic`` and
``CubicBezierEdge`` in vis-network 9) so that what is checked here is what the browser
draws. Node extents are estimates from the label length (:func:`node_box`), generous
rather than tight. The interactive page (:mod:`metagraph.render.html`) lets a
highlighted edge bend as far as it needs and the other edges only a little.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CANDIDATES",
    "CLEARANCE",
    "Box",
    "GridRouter",
    "bezier_points",
    "clear_curve",
    "curved_via",
    "node_box",
    "overlap",
    "route_edge",
    "samples_for",
]

Point = tuple[float, float]

#: Curves tried, gentlest first: (vis-network smooth type, roundness).
CANDIDATES: tuple[tuple[str, float], ...] = tuple(
    (kind, r) for r in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5) for kind in ("curvedCW", "curvedCCW")
)
# Samples along a curve by default (bezier_points), and the spacing route_edge checks at, in pixels.
_SAMPLES = 48
_STEP = 6.0
#: Room kept between a bent edge and a node it passes, in canvas pixels.
CLEARANCE = 6.0
# Average advance of a character of the page's sans-serif font, in font sizes (a little generous).
_CHAR_WIDTH = 0.6


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in canvas pixels (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def contains(self, point: Point, margin: float = 0.0) -> bool:
        """Whether ``point`` lies inside the box grown by ``margin`` on every side.

        Examples
        --------
        >>> Box(0, 0, 10, 10).contains((12, 5)), Box(0, 0, 10, 10).contains((12, 5), margin=3)
        (False, True)
        """
        x, y = point
        return (self.left - margin <= x <= self.right + margin) and (self.top - margin <= y <= self.bottom + margin)


def node_box(
    x: float,
    y: float,
    label: str,
    *,
    label_inside: bool,
    font_size: float,
    size: float = 20.0,
    margin: float = 8.0,
    min_width: float = 90.0,
    max_width: float = 150.0,
) -> Box:
    """Estimate the extent of a vis-network node, label included.

    Parameters
    ----------
    x, y
        Centre of the node.
    label
        Its label.
    label_inside
        Whether the shape holds its label (box, ellipse, database) or draws it below (dot, star, ...).
    font_size
        Label font size in pixels.
    size
        Radius of a shape with the label below.
    margin, min_width, max_width
        Inner margin and width limits of a shape holding its label (longer labels wrap).

    Examples
    --------
    >>> b = node_box(0, 0, "AMPK", label_inside=True, font_size=16)  # the 90-pixel minimum width
    >>> b.left, b.right
    (-45.0, 45.0)
    >>> node_box(0, 0, "Insulin sensitivity", label_inside=False, font_size=16).bottom
    70.4
    """
    text = len(label) * _CHAR_WIDTH * font_size
    line = font_size * 1.2
    if label_inside:
        room = max_width - 2 * margin
        lines = max(1, math.ceil(text / room))
        half_w = min(max(text + 2 * margin, min_width), max_width) / 2
        half_h = (lines * line + 2 * margin) / 2
        return Box(x - half_w, y - half_h, x + half_w, y + half_h)
    lines = max(1, math.ceil(text / (0.8 * max_width)))  # a long outside label wraps (at word ends) near max_width
    half_w = max(size, min(text, max_width) / 2)
    # vis-network hangs an outside label half a font size plus 4 pixels below the shape
    return Box(x - half_w, y - size, x + half_w, y + size + 0.5 * font_size + 4 + lines * line)


def curved_via(start: Point, end: Point, roundness: float, *, clockwise: bool) -> Point:
    """The control point vis-network gives a ``curvedCW``/``curvedCCW`` edge (a quadratic Bézier).

    Examples
    --------
    >>> [round(c, 6) for c in curved_via((0, 0), (100, 0), 0.0, clockwise=True)]
    [50.0, 0.0]
    >>> curved_via((0, 0), (100, 0), 0.2, clockwise=True)[1] < 0  # bends up on the screen
    True
    """
    dx, dy = end[0] - start[0], start[1] - end[1]
    length = math.hypot(dx, dy)
    turn = (0.5 * roundness if clockwise else -0.5 * roundness) + 0.5
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    reach = (0.5 * roundness + 0.5) * length
    return (start[0] + reach * math.sin(angle) + 0.0, start[1] + reach * math.cos(angle) + 0.0)


def bezier_points(controls: Sequence[Point], samples: int = _SAMPLES) -> list[Point]:
    """Points along a Bézier curve, ends excluded (the ends sit inside their own nodes).

    Examples
    --------
    >>> bezier_points([(0, 0), (50, 50), (100, 0)], samples=1)
    [(50.0, 25.0)]
    """
    n = len(controls) - 1
    # Power-basis coefficients, highest first, so each point is a short Horner evaluation.
    ax, ay = [], []
    for j in range(n, -1, -1):
        c = math.comb(n, j)
        ax.append(c * sum((-1) ** (j - i) * math.comb(j, i) * controls[i][0] for i in range(j + 1)))
        ay.append(c * sum((-1) ** (j - i) * math.comb(j, i) * controls[i][1] for i in range(j + 1)))
    out = []
    step = 1 / (samples + 1)
    for i in range(1, samples + 1):
        t = i * step
        x = y = 0.0
        for cx, cy in zip(ax, ay, strict=True):
            x = x * t + cx
            y = y * t + cy
        out.append((x, y))
    return out


def _cubic_controls(start: Point, end: Point, roundness: float) -> list[Point]:
    # vis-network's cubicBezier with forceDirection "horizontal"
    dx = end[0] - start[0]
    return [start, (start[0] + roundness * dx, start[1]), (end[0] - roundness * dx, end[1]), end]


def overlap(points: Sequence[Point], boxes: Sequence[Box], *, stop: float = math.inf) -> int:
    """How much of a path runs over boxes: each point inside a box counts 4, each point
    only within :data:`CLEARANCE` of one counts 1 (so grazing a corner costs less than
    crossing a node's middle). Counting stops once the sum reaches ``stop``.

    Examples
    --------
    >>> box = Box(0, 0, 10, 10)
    >>> overlap([(5, 5), (5, 12), (5, 30)], [box])
    5
    """
    if not points:
        return 0
    m = CLEARANCE
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    left, right, top, bottom = min(xs) - m, max(xs) + m, min(ys) - m, max(ys) + m
    cost = 0
    for b in boxes:
        if b.right < left or b.left > right or b.bottom < top or b.top > bottom:
            continue
        l0, r0, t0, b0 = b.left, b.right, b.top, b.bottom
        l1, r1, t1, b1 = l0 - m, r0 + m, t0 - m, b0 + m
        for x, y in points:
            if l1 <= x <= r1 and t1 <= y <= b1:
                cost += 4 if (l0 <= x <= r0 and t0 <= y <= b0) else 1
        if cost >= stop:
            break
    return cost


def samples_for(start: Point, end: Point) -> int:
    """How many points to check along an edge: one every few pixels, so that no node slips between two.

    Examples
    --------
    >>> samples_for((0, 0), (600, 0))
    130
    """
    return max(16, math.ceil(1.3 * math.hypot(end[0] - start[0], end[1] - start[1]) / _STEP))


def route_edge(
    start: Point,
    end: Point,
    obstacles: Sequence[Box],
    *,
    roundness: float = 0.45,
    smooth: bool = True,
    max_roundness: float = 0.5,
) -> dict[str, Any] | None:
    """Return a vis-network ``smooth`` option that keeps an edge clear of ``obstacles``.

    Parameters
    ----------
    start, end
        Centres of the edge's source and target.
    obstacles
        Boxes of the other nodes (not the edge's own two).
    roundness
        Roundness of the page's default ``cubicBezier`` curve.
    smooth
        Whether the page draws edges as that curve (else straight lines).
    max_roundness
        Bend no further than this (a gentle bend for context edges, any for a highlighted chain).

    Returns
    -------
    dict or None
        ``None`` when the default curve already clears every box; else the gentlest
        curve that does, or failing that the one that runs over them least
        (:func:`overlap`), if that is at most half as much as the default curve.

    Examples
    --------
    >>> through = [node_box(100, 0, "PGC-1α", label_inside=True, font_size=16)]
    >>> route_edge((0, 0), (300, 0), through)
    {'enabled': True, 'type': 'curvedCW', 'roundness': 0.4}
    >>> route_edge((0, 0), (300, 0), [node_box(150, 200, "far away", label_inside=True, font_size=16)]) is None
    True
    """
    near = _near(start, end, obstacles)
    if not near:
        return None
    n = samples_for(start, end)
    default = _cubic_controls(start, end, roundness) if smooth else [start, end]
    worst = overlap(bezier_points(default, n), near)
    if worst == 0:
        return None
    # A bend must be worth its curve: at most half the default's overlap, the least of all.
    best: tuple[int, int] = (worst // 2 + 1, -1)
    for rank, (kind, r) in enumerate(CANDIDATES):
        if r > max_roundness:
            break
        via = curved_via(start, end, r, clockwise=kind == "curvedCW")
        cost = overlap(bezier_points([start, via, end], n), near, stop=best[0])
        if cost == 0:
            return {"enabled": True, "type": kind, "roundness": r}
        if cost < best[0]:
            best = (cost, rank)
    if best[1] >= 0:
        kind, r = CANDIDATES[best[1]]
        return {"enabled": True, "type": kind, "roundness": r}
    return None


def _near(start: Point, end: Point, obstacles: Sequence[Box]) -> list[Box]:
    """The boxes any candidate curve could reach: those within half the edge's length of its chord's box."""
    reach = 0.5 * math.hypot(end[0] - start[0], end[1] - start[1]) + CLEARANCE
    left, right = min(start[0], end[0]) - reach, max(start[0], end[0]) + reach
    top, bottom = min(start[1], end[1]) - reach, max(start[1], end[1]) + reach
    return [b for b in obstacles if b.right >= left and b.left <= right and b.bottom >= top and b.top <= bottom]


def clear_curve(
    start: Point, end: Point, obstacles: Sequence[Box], *, roundness: float = 0.45, bent: int = 0
) -> dict[str, Any] | bool | None:
    """The gentlest page curve from ``start`` to ``end`` that runs over no obstacle.

    Returns ``None`` when the page's default curve is already clear, a vis-network
    ``smooth`` option for the gentlest curve of :data:`CANDIDATES` that is, and
    ``False`` when none is (the edge needs a path around the nodes: :class:`GridRouter`).
    ``bent`` (the n-th parallel edge between two nodes, from 1) leaves out the default
    curve and the gentler curves, so parallel edges are drawn apart.

    Examples
    --------
    >>> clear_curve((0, 0), (300, 0), [node_box(150, 300, "far away", label_inside=True, font_size=16)]) is None
    True
    >>> clear_curve((0, 0), (300, 0), [Box(100, -1000, 200, 1000)])
    False
    """
    near = _near(start, end, obstacles)
    n = samples_for(start, end)
    if not bent and overlap(bezier_points(_cubic_controls(start, end, roundness), n), near, stop=1) == 0:
        return None
    # ``bent``: the 2nd, 3rd... of parallel edges skip the curves the earlier ones may have taken
    for kind, r in CANDIDATES[2 * (bent - 1) if bent else 0 :]:
        via = curved_via(start, end, r, clockwise=kind == "curvedCW")
        if overlap(bezier_points([start, via, end], n), near, stop=1) == 0:
            return {"enabled": True, "type": kind, "roundness": r}
    return False


class GridRouter:
    """Paths around the nodes of a figure, for edges no single curve can route.

    The figure is cut into square cells; a cell is blocked by every node box (grown by
    :data:`CLEARANCE`) it touches. :meth:`path` finds the shortest 8-way path of free
    cells (A*; an edge's own two nodes do not block it) and pulls it taut into a few
    straight legs that clear every other box, returning the bend points.

    Examples
    --------
    >>> wall = {"w": Box(100, -100, 140, 100)}
    >>> router = GridRouter(wall, {"a": (0.0, 0.0), "b": (240.0, 0.0)}, cell=10)
    >>> bends = router.path("a", "b")
    >>> len(bends) >= 1 and all(not wall["w"].contains(p, CLEARANCE) for p in bends)
    True
    """

    def __init__(self, boxes: dict[str, Box], centres: dict[str, Point], *, cell: float = 12.0) -> None:
        self.boxes = boxes
        self.centres = centres
        self.cell = cell
        lefts = [b.left for b in boxes.values()] + [p[0] for p in centres.values()]
        tops = [b.top for b in boxes.values()] + [p[1] for p in centres.values()]
        rights = [b.right for b in boxes.values()] + [p[0] for p in centres.values()]
        bottoms = [b.bottom for b in boxes.values()] + [p[1] for p in centres.values()]
        margin = 4 * cell
        self.x0, self.y0 = min(lefts) - margin, min(tops) - margin
        self.nx = int((max(rights) + margin - self.x0) / cell) + 1
        self.ny = int((max(bottoms) + margin - self.y0) / cell) + 1
        self.blockers: dict[tuple[int, int], set[str]] = {}
        grow = 2.0 + cell / 2  # tight: the gaps between packed columns stay open as channels
        for name, b in boxes.items():
            i0, j0 = self._cell((b.left - grow, b.top - grow))
            i1, j1 = self._cell((b.right + grow, b.bottom + grow))
            for i in range(max(i0, 0), min(i1, self.nx - 1) + 1):
                for j in range(max(j0, 0), min(j1, self.ny - 1) + 1):
                    self.blockers.setdefault((i, j), set()).add(name)

    def _cell(self, p: Point) -> tuple[int, int]:
        return int((p[0] - self.x0) / self.cell), int((p[1] - self.y0) / self.cell)

    def _centre(self, c: tuple[int, int]) -> Point:
        return (self.x0 + (c[0] + 0.5) * self.cell, self.y0 + (c[1] + 0.5) * self.cell)

    def _free_leg(self, a: Point, b: Point, own: set[str]) -> bool:
        steps = max(2, int(math.hypot(b[0] - a[0], b[1] - a[1]) / 4))
        for s in range(steps + 1):
            t = s / steps
            p = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            for name in self.blockers.get(self._cell(p), ()):
                if name not in own and self.boxes[name].contains(p, CLEARANCE):
                    return False
        return True

    def path(self, source: str, target: str) -> list[Point] | None:
        """The bend points of a clear path from ``source`` to ``target``, or ``None`` when there is none."""
        import heapq

        own = {source, target}
        start, goal = self._cell(self.centres[source]), self._cell(self.centres[target])

        blockers, nx, ny = self.blockers, self.nx, self.ny

        def free(c: tuple[int, int]) -> bool:
            if not (0 <= c[0] < nx and 0 <= c[1] < ny):
                return False
            b = blockers.get(c)
            return b is None or b <= own

        gx, gy = goal

        def h(c: tuple[int, int]) -> float:
            # weighted (x1.5): a little longer than the shortest path, found with far fewer
            # steps; the path is pulled taut afterwards anyway
            dx, dy = abs(c[0] - gx), abs(c[1] - gy)
            return 1.5 * (max(dx, dy) + 0.414 * min(dx, dy))

        steps = [(1, 0, 1.0), (-1, 0, 1.0), (0, 1, 1.0), (0, -1, 1.0)]
        steps += [(1, 1, 1.414), (1, -1, 1.414), (-1, 1, 1.414), (-1, -1, 1.414)]
        best = {start: 0.0}
        came: dict[tuple[int, int], tuple[int, int]] = {}
        heap = [(h(start), 0.0, start)]
        found = False
        while heap:
            _, g, c = heapq.heappop(heap)
            if c == goal:
                found = True
                break
            if g > best.get(c, math.inf):
                continue
            for dx, dy, w in steps:
                n = (c[0] + dx, c[1] + dy)
                if not free(n):
                    continue
                ng = g + w
                if ng < best.get(n, math.inf):
                    best[n] = ng
                    came[n] = c
                    heapq.heappush(heap, (ng + h(n), ng, n))
        if not found:
            return None
        cells = [goal]
        while cells[-1] != start:
            cells.append(came[cells[-1]])
        points = [self.centres[source], *[self._centre(c) for c in reversed(cells[1:-1])], self.centres[target]]
        # Pull the path taut: from each kept point, jump to the farthest point a straight leg reaches.
        kept = [points[0]]
        i = 0
        while i < len(points) - 1:
            j = len(points) - 1
            while j > i + 1 and not self._free_leg(points[i], points[j], own):
                j -= 1
            kept.append(points[j])
            i = j
        return [(round(x, 1) + 0.0, round(y, 1) + 0.0) for x, y in kept[1:-1]]
