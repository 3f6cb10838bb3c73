"""Bending highlighted edges around the nodes in their way: vis-network's curve geometry and the choice of curve."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metagraph.render._routing import (
    CANDIDATES,
    Box,
    bezier_points,
    curved_via,
    node_box,
    overlap,
    route_edge,
    samples_for,
)


def _cost(controls: list[tuple[float, float]], boxes: list[Box]) -> int:
    return overlap(bezier_points(controls, samples_for(controls[0], controls[-1])), boxes)


def _curve(start: tuple[float, float], end: tuple[float, float], smooth: dict) -> list[tuple[float, float]]:
    via = curved_via(start, end, smooth["roundness"], clockwise=smooth["type"] == "curvedCW")
    return [start, via, end]


def _default(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    dx = end[0] - start[0]  # vis-network's horizontal cubicBezier, roundness 0.45
    return [start, (start[0] + 0.45 * dx, start[1]), (end[0] - 0.45 * dx, end[1]), end]


def test_curved_via_follows_vis_network() -> None:
    # vis-network 9 (BezierEdgeStatic._getViaCoordinates), worked by hand for a 100-pixel edge, roundness 0.2:
    # the control point sits 0.6 * 100 from the start, at 0.6π (clockwise) or 0.4π (counter-clockwise).
    cw = curved_via((0, 0), (100, 0), 0.2, clockwise=True)
    ccw = curved_via((0, 0), (100, 0), 0.2, clockwise=False)
    assert cw == pytest.approx((60 * math.sin(0.6 * math.pi), 60 * math.cos(0.6 * math.pi)))
    assert ccw == pytest.approx((60 * math.sin(0.4 * math.pi), 60 * math.cos(0.4 * math.pi)))
    assert cw[1] < 0 < ccw[1]  # clockwise bends up the screen, counter-clockwise down
    # Right to left, clockwise bends the other way.
    assert curved_via((100, 0), (0, 0), 0.2, clockwise=True)[1] > 0


def test_bezier_points_lie_on_the_curve_between_its_ends() -> None:
    points = bezier_points([(0, 0), (100, 100), (200, 0)], samples=3)
    expected = [(50, 37.5), (100, 50), (150, 37.5)]
    assert len(points) == len(expected)
    for point, want in zip(points, expected, strict=True):
        assert tuple(point) == pytest.approx(want)
    line = bezier_points([(0, 0), (10, 0), (20, 0), (30, 0)], samples=5)
    assert all(0 < x < 30 and y == 0 for x, y in line)


def test_node_box_grows_with_the_label() -> None:
    short = node_box(0, 0, "AMPK", label_inside=True, font_size=16)
    long = node_box(0, 0, "Browning of white adipose tissue", label_inside=True, font_size=16)
    assert short.right - short.left == 90  # vis-network's minimum width on the page
    assert long.right - long.left == 150 and long.bottom - long.top > short.bottom - short.top  # wrapped
    star = node_box(0, 0, "Insulin sensitivity", label_inside=False, font_size=16)
    assert star.top == -20 and star.bottom > 40 and star.right - star.left > 100  # label below, wider than the star


def test_an_edge_through_a_node_bends_around_it() -> None:
    start, end = (0.0, 0.0), (630.0, 0.0)
    in_the_way = [
        node_box(210, 0, "PGC-1α", label_inside=True, font_size=16),
        node_box(420, 0, "Mitochondrion", label_inside=False, font_size=16),
    ]
    smooth = route_edge(start, end, in_the_way)
    assert smooth is not None and smooth["enabled"] is True
    assert (smooth["type"], smooth["roundness"]) in CANDIDATES
    assert _cost(_default(start, end), in_the_way) > 0
    assert _cost(_curve(start, end, smooth), in_the_way) == 0
    # The gentlest curve that clears them: the next gentler one in the same direction would not.
    gentler = [r for t, r in CANDIDATES if t == smooth["type"] and r < smooth["roundness"]]
    for r in gentler:
        assert _cost(_curve(start, end, {"type": smooth["type"], "roundness": r}), in_the_way) > 0


def test_bends_away_from_a_node_on_the_other_side() -> None:
    start, end = (0.0, 0.0), (630.0, 0.0)
    boxes = [
        node_box(315, 0, "IL-6", label_inside=True, font_size=16),
        node_box(315, -50, "Irisin", label_inside=True, font_size=16),
    ]  # just above the edge
    smooth = route_edge(start, end, boxes)
    assert smooth is not None and smooth["type"] == "curvedCCW"  # down, away from Irisin
    assert _cost(_curve(start, end, smooth), boxes) == 0


def test_an_edge_with_nothing_in_its_way_stays_as_it_is() -> None:
    assert route_edge((0, 0), (400, 0), []) is None
    assert route_edge((0, 0), (400, 0), [node_box(200, 150, "GLUT4", label_inside=True, font_size=16)]) is None
    # Nodes beside an S-shaped default curve, clear of it.
    assert route_edge((0, 0), (420, 180), [node_box(210, -100, "AMPK", label_inside=True, font_size=16)]) is None


def test_no_bend_when_no_curve_does_better() -> None:
    wall = [Box(100, -1000, 200, 1000)]  # across the whole way: every curve crosses it
    assert route_edge((0, 0), (300, 0), wall) is None
    # An edge that only grazes a node is not bent right through its neighbour instead.
    start, end = (0.0, 0.0), (600.0, 0.0)
    below, above = Box(270, 4, 330, 300), Box(270, -300, 330, -8)
    assert 0 < _cost(_default(start, end), [below, above]) < 4 * 5
    assert route_edge(start, end, [below, above]) is None


def test_overlap_weighs_crossing_over_grazing() -> None:
    box = Box(0, 0, 100, 20)
    through = [(x, 10.0) for x in range(-50, 151, 5)]
    graze = [(x, -3.0) for x in range(-50, 151, 5)]
    assert overlap(through, [box]) == 4 * 21 + 2 and overlap(graze, [box]) == 23  # x = -5 and 105: the margin
    assert overlap([(x, -30.0) for x in range(0, 100, 5)], [box]) == 0
    assert overlap([], [box]) == 0


def test_samples_are_dense_enough_for_a_node_not_to_slip_between_them() -> None:
    start, end = (0.0, 0.0), (3000.0, 0.0)
    dot = [Box(1495, -5, 1505, 5)]  # 10 pixels wide, on a 3000-pixel edge
    assert overlap(bezier_points([start, end], samples_for(start, end)), dot) > 0
    assert route_edge(start, end, dot) is not None


points = st.tuples(st.floats(-2000, 2000), st.floats(-800, 800))
boxes = st.builds(
    lambda x, y, label, inside: node_box(x, y, label, label_inside=inside, font_size=16),
    st.floats(-2000, 2000),
    st.floats(-800, 800),
    st.text("abcdefgh ", min_size=1, max_size=30),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(start=points, end=points, obstacles=st.lists(boxes, max_size=8))
def test_a_bend_always_runs_over_nodes_less_than_the_default(
    start: tuple[float, float], end: tuple[float, float], obstacles: list[Box]
) -> None:
    smooth = route_edge(start, end, obstacles)
    before = _cost(_default(start, end), obstacles)
    if smooth is None:
        # Left alone: either nothing was in the way, or no candidate curve does better.
        assert before == 0 or all(
            2 * _cost(_curve(start, end, {"type": t, "roundness": r}), obstacles) > before for t, r in CANDIDATES
        )
    else:
        assert (smooth["type"], smooth["roundness"]) in CANDIDATES
        assert 2 * _cost(_curve(start, end, smooth), obstacles) <= before
