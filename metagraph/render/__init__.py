"""Pathway diagrams: an offline interactive HTML view and static Mermaid, DOT and SVG.

The :class:`~metagraph.MetaGraph` methods (``to_html``, ``show``, ``subgraph``,
``to_mermaid``, ``to_dot``, ``to_svg``) and the chain functions of
:mod:`metagraph.render.chains` are the way in. Importing this package does not import
pyvis; only making an HTML page does.
"""

from metagraph.render.chains import (
    chain_diagram,
    chain_html,
    chain_html_iframe,
    chain_to_dot,
    chain_to_html,
    chain_to_mermaid,
    chain_to_svg,
)

__all__ = [
    "chain_diagram",
    "chain_html",
    "chain_html_iframe",
    "chain_to_dot",
    "chain_to_html",
    "chain_to_mermaid",
    "chain_to_svg",
]
