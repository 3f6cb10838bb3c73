"""Pathway diagrams: an offline interactive HTML view and static Mermaid, DOT and SVG.

Each diagram is a function of the graph, written once in its module and offered as a
method of :class:`~metagraph.MetaGraph` (``kg.to_html(...)`` is ``to_html(kg, ...)``):
:func:`to_html` and :func:`show` make the interactive page (an :class:`HtmlDiagram` in a
notebook); :func:`to_mermaid`, :func:`to_dot` and :func:`to_svg` the static diagrams, and
:func:`to_figure` a PNG or PDF figure for a slide or paper. The
``chain_*`` functions draw the chains that ``trace`` and ``match`` return, highlighted
over their context.

The names are imported on first use: importing this package imports neither pyvis nor
any diagram code; only making a diagram does.
"""

from metagraph._lazy import lazy_exports

_EXPORTS = {
    "HtmlDiagram": "metagraph.render.html",
    "RenderWarning": "metagraph.render.view",
    "View": "metagraph.render.view",
    "ViewOptions": "metagraph.render.view",
    "chain_diagram": "metagraph.render.chains",
    "chain_html": "metagraph.render.chains",
    "chain_html_iframe": "metagraph.render.chains",
    "chain_to_dot": "metagraph.render.chains",
    "chain_to_html": "metagraph.render.chains",
    "chain_to_mermaid": "metagraph.render.chains",
    "chain_to_svg": "metagraph.render.chains",
    "show": "metagraph.render.html",
    "to_dot": "metagraph.render.dot",
    "to_figure": "metagraph.render.figure",
    "to_html": "metagraph.render.html",
    "to_mermaid": "metagraph.render.mermaid",
    "to_svg": "metagraph.render.dot",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
