"""How each kind of node and each sign of edge looks, in every diagram format.

One table per concept so that the interactive page, Mermaid and Graphviz agree: a
kind has one colour and one shape everywhere, and an edge's look follows the sign of
its predicate (:data:`metagraph.schema.PREDICATES`, :func:`edge_look`): activation is
a green arrow, inhibition a red tee (as in SBGN Activity Flow), regulation of unstated
direction a violet line ending in an open diamond, structural relations a grey dashed
line, associations a dotted line without a head; a negated edge is crossed and says NOT.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from metagraph.schema import ASSOCIATIONS, KIND_ORDER, Kind, Predicate

if TYPE_CHECKING:
    from metagraph.models import Edge

__all__ = [
    "DIM",
    "EDGE_LOOKS",
    "EDGE_STYLES",
    "KIND_STYLES",
    "NEGATED",
    "EdgeStyle",
    "KindStyle",
    "edge_look",
    "edge_style",
    "kind_style",
]


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
    key
        The semantics' name in :data:`EDGE_LOOKS` (increases, decreases, regulates,
        structural, association, positive_association, negative_association).
    dotted
        Whether the line is dotted (associations): finer than the structural dashes.
    """

    sign: int
    meaning: str
    colour: str
    dashed: bool
    vis_arrow: str
    mermaid_link: str
    dot_arrowhead: str
    key: str = ""
    dotted: bool = False

    @property
    def dot_style(self) -> str | None:
        """Graphviz line style: dotted, dashed or (None) solid."""
        return "dotted" if self.dotted else "dashed" if self.dashed else None

    @property
    def dasharray(self) -> str | None:
        """SVG/CSS ``stroke-dasharray`` of the line (Mermaid's linkStyle, the HTML legend)."""
        return "2 3" if self.dotted else "6 4" if self.dashed else None

    @property
    def vis_dashes(self) -> bool | list[int]:
        """vis-network ``dashes``: a dash pattern, or False for a solid line."""
        return [2, 4] if self.dotted else [7, 5] if self.dashed else False


_INCREASES = EdgeStyle(+1, "activates / increases", "#2b8a3e", False, "arrow", "-->", "normal", "increases")
_DECREASES = EdgeStyle(-1, "inhibits / decreases", "#c92a2a", False, "bar", "--x", "tee", "decreases")
_STRUCTURAL = EdgeStyle(
    0, "structural (secretes, encodes, part of, ...)", "#868e96", True, "arrow", "-.->", "vee", "structural"
)

#: Sign → its look (the causal looks; :func:`edge_look` tells regulation and associations apart).
EDGE_STYLES = MappingProxyType({+1: _INCREASES, -1: _DECREASES, 0: _STRUCTURAL})

#: Every edge semantics → its look, in the order of a legend. As in SBGN Activity Flow:
#: an arrow raises, a tee (bar) lowers, an open diamond modulates in an unstated
#: direction; associations are dotted and have no head (they state no cause).
EDGE_LOOKS = MappingProxyType(
    {
        s.key: s
        for s in (
            _INCREASES,
            _DECREASES,
            EdgeStyle(
                0,
                "regulates (an effect whose direction is not stated)",
                "#7048e8",
                False,
                "diamond",
                "--o",
                "odiamond",
                "regulates",
            ),
            _STRUCTURAL,
            EdgeStyle(
                +1,
                "positively associated (correlation, not a cause)",
                "#2b8a3e",
                False,
                "circle",
                "-.-",
                "none",
                "positive_association",
                dotted=True,
            ),
            EdgeStyle(
                -1,
                "negatively associated (correlation, not a cause)",
                "#c92a2a",
                False,
                "circle",
                "-.-",
                "none",
                "negative_association",
                dotted=True,
            ),
            EdgeStyle(
                0,
                "associated (no direction or cause stated)",
                "#495057",
                False,
                "circle",
                "-.-",
                "none",
                "association",
                dotted=True,
            ),
        )
    }
)

#: What the legend says of a negated (denied) edge, drawn crossed and labelled "NOT".
NEGATED = "NOT: a claim the source denies (shown crossed; never followed in a chain)"

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


def edge_look(edge: Edge) -> EdgeStyle:
    """Return the look of one edge, from its predicate: causal, regulation, structural or association.

    Examples
    --------
    >>> from metagraph import Edge
    >>> ev = [{"reference": "r", "quote": "q"}]
    >>> [edge_look(Edge(source="a", target="b", predicate=p, evidence=ev)).key
    ...  for p in ("inhibits", "regulates", "secretes", "negatively_associated_with")]
    ['decreases', 'regulates', 'structural', 'negative_association']
    """
    predicate = Predicate(edge.predicate)
    sign = (edge.sign > 0) - (edge.sign < 0)
    if predicate in ASSOCIATIONS:
        return EDGE_LOOKS[{1: "positive_association", -1: "negative_association", 0: "association"}[sign]]
    if predicate is Predicate.REGULATES:
        return EDGE_LOOKS["regulates"]
    return EDGE_STYLES[sign]
