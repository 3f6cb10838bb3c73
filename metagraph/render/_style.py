"""How each kind of node and each sign of edge looks, in every diagram format.

One table per concept so that the interactive page, Mermaid and Graphviz agree: a
kind has one colour and one shape everywhere, and an edge's look follows the sign of
its predicate (:data:`metagraph.schema.PREDICATES`): activation is a green arrow,
inhibition a red tee (as in SBGN Activity Flow), structural relations a grey dashed
line.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from metagraph.schema import KIND_ORDER, Kind

__all__ = ["DIM", "EDGE_STYLES", "KIND_STYLES", "EdgeStyle", "KindStyle", "edge_style", "kind_style"]


@dataclass(frozen=True)
class KindStyle:
    """The look of one kind of node.

    Attributes
    ----------
    kind
        The kind.
    label
        Plural name for the legend.
    fill, border, font
        Colours (hex).
    vis_shape
        vis-network shape.
    mermaid_open, mermaid_close
        Mermaid's brackets around the label for a matching shape.
    dot_shape, dot_style
        Graphviz shape and style.
    """

    kind: Kind
    label: str
    fill: str
    border: str
    font: str
    vis_shape: str
    mermaid_open: str
    mermaid_close: str
    dot_shape: str
    dot_style: str = "filled"

    @property
    def layer(self) -> int:
        """Position of the kind in the left-to-right order of a pathway figure."""
        return KIND_ORDER.index(self.kind)


def _k(
    kind: str,
    label: str,
    fill: str,
    border: str,
    font: str,
    vis: str,
    mer: tuple[str, str],
    dot: str,
    dot_style: str = "filled",
) -> KindStyle:
    return KindStyle(Kind(kind), label, fill, border, font, vis, mer[0], mer[1], dot, dot_style)


#: Kind → its look. Colours are distinct for colour-blind readers too (hue and lightness differ).
KIND_STYLES = MappingProxyType(
    {
        s.kind: s
        for s in (
            _k("exercise", "exercise", "#e8590c", "#a63c06", "#ffffff", "hexagon", ("{{", "}}"), "hexagon"),
            _k("gene", "genes", "#ae3ec9", "#7b2a8e", "#ffffff", "triangle", ("[", "]"), "note"),
            _k("signal", "signals", "#1c7ed6", "#135a9a", "#ffffff", "ellipse", ("([", "])"), "ellipse"),
            _k("myokine", "myokines", "#d6336c", "#9c1f4c", "#ffffff", "diamond", ("{", "}"), "diamond"),
            _k("organ", "organs and tissues", "#2b8a3e", "#1b5e29", "#ffffff", "database", ("[(", ")]"), "cylinder"),
            _k("cell", "cells", "#66a80f", "#467409", "#ffffff", "dot", ("((", "))"), "circle"),
            _k("process", "processes", "#f59f00", "#b07200", "#212529", "box", ("[[", "]]"), "box", "filled,rounded"),
            _k("outcome", "outcomes", "#0ca678", "#07775a", "#ffffff", "star", ("[/", "/]"), "octagon"),
            _k("condition", "conditions", "#c92a2a", "#8f1d1d", "#ffffff", "triangleDown", (">", "]"), "invhouse"),
        )
    }
)


@dataclass(frozen=True)
class EdgeStyle:
    """The look of an edge of one sign.

    Attributes
    ----------
    sign
        +1, -1 or 0.
    meaning
        What the legend says.
    colour
        Line colour (hex).
    dashed
        Whether the line is dashed.
    vis_arrow
        vis-network arrowhead type at the target ("arrow" or "bar").
    mermaid_link
        Mermaid link operator.
    dot_arrowhead
        Graphviz arrowhead.
    """

    sign: int
    meaning: str
    colour: str
    dashed: bool
    vis_arrow: str
    mermaid_link: str
    dot_arrowhead: str


#: Sign → its look.
EDGE_STYLES = MappingProxyType(
    {
        +1: EdgeStyle(+1, "activates / increases", "#2b8a3e", False, "arrow", "-->", "normal"),
        -1: EdgeStyle(-1, "inhibits / decreases", "#c92a2a", False, "bar", "--x", "tee"),
        0: EdgeStyle(0, "structural (secretes, encodes, part of, ...)", "#868e96", True, "arrow", "-.->", "vee"),
    }
)

#: Colours of what a highlight pushes into the background.
DIM = MappingProxyType({"fill": "#f1f3f5", "border": "#dee2e6", "font": "#adb5bd", "edge": "#e9ecef"})


def kind_style(kind: str | Kind) -> KindStyle:
    """Return the look of a kind.

    Examples
    --------
    >>> kind_style("myokine").vis_shape
    'diamond'
    """
    return KIND_STYLES[Kind(kind)]


def edge_style(sign: int) -> EdgeStyle:
    """Return the look of an edge of this sign.

    Examples
    --------
    >>> edge_style(-1).dot_arrowhead
    'tee'
    """
    return EDGE_STYLES[(sign > 0) - (sign < 0)]
