"""One look per kind and per sign, shared by every diagram format."""

from __future__ import annotations

from metagraph.render._style import EDGE_STYLES, KIND_STYLES, edge_style, kind_style
from metagraph.schema import KIND_ORDER, PREDICATES, Kind


def test_every_kind_has_its_own_colour_and_shape_in_each_format() -> None:
    assert list(KIND_STYLES) == list(KIND_ORDER)
    for attr in ("fill", "vis_shape", "dot_shape"):
        assert len({getattr(s, attr) for s in KIND_STYLES.values()}) == len(Kind), attr
    assert len({(s.mermaid_open, s.mermaid_close) for s in KIND_STYLES.values()}) == len(Kind)
    assert [s.layer for s in KIND_STYLES.values()] == list(range(len(Kind)))


def test_every_predicate_sign_has_a_look() -> None:
    assert {p.sign for p in PREDICATES.values()} == set(EDGE_STYLES)
    assert edge_style(-1).vis_arrow == "bar" and edge_style(-1).dot_arrowhead == "tee"
    assert edge_style(-1).mermaid_link == "--x"
    assert edge_style(0).dashed and not edge_style(1).dashed and not edge_style(-1).dashed
    assert edge_style(5) is edge_style(1) and edge_style(-3) is edge_style(-1)
    assert len({s.colour for s in EDGE_STYLES.values()}) == 3


def test_kind_style_accepts_names() -> None:
    assert kind_style("organ") is KIND_STYLES[Kind.ORGAN]
