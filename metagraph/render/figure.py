"""Figures for papers and slides: PNG and PDF of the compartment diagram, with title, legend and caption.

The drawing is :func:`~metagraph.render.dot.to_dot`'s, in the body's compartments
with its legend, laid out by Graphviz; it is set in a small HTML page with a caption
naming the sources of the edges drawn, and that page is photographed (PNG) or printed
(PDF) by headless Chromium from the command line: ``chromium --screenshot`` and
``--print-to-pdf``. No Python package is needed beyond metagraph's own; Chromium and
Graphviz must be installed (the error says how). Chromium was chosen over cairosvg
because it draws the SVG exactly as a browser does (fonts, Unicode, HTML-like legend
tables) and prints real vector PDF, with no new dependency.
"""

from __future__ import annotations

import dataclasses
import html
import math
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from metagraph._atomic import write_bytes_atomic
from metagraph.errors import RenderError
from metagraph.render.dot import SVG_WARN_NODES, dot_svg, to_dot
from metagraph.render.view import RenderWarning, View, ViewOptions, as_view

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "FIGURE_SIZES",
    "INSTALL_CHROMIUM",
    "READABLE_PX",
    "best_svg",
    "figure_caption",
    "figure_page",
    "smallest_text_px",
    "to_figure",
]

#: The least height (CSS pixels, 8.25 pt) of a figure's text at its size: :func:`to_figure` warns below it.
READABLE_PX = 11

#: Width and height (millimetres; ``None``: as tall as the figure needs) of each size.
FIGURE_SIZES: dict[str, tuple[float, float | None]] = {
    "slide": (338.7, 190.5),  # 16:9, 13.33 × 7.5 inches
    "column": (85.0, None),  # one journal column
    "page": (180.0, None),  # a full page width
}

INSTALL_CHROMIUM = (
    "install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) "
    "or set METAGRAPH_CHROMIUM to a Chrome or Chromium executable; or draw an .svg instead"
)

_PX_PER_MM = 96 / 25.4
_PT_PER_MM = 72 / 25.4
_CAPTION_PT = 8.5  # 11.3 CSS pixels, as large as the smallest label a figure may have
_MARGIN_MM = 4.0
# Pixels per CSS pixel in a PNG: 3 gives about 290 dpi, enough for print.
_PNG_SCALE = 3


def _chromium() -> str:
    exe = os.environ.get("METAGRAPH_CHROMIUM") or next(
        (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None
    )
    if exe is None:
        raise RenderError("a PNG or PDF figure is drawn by headless Chromium, which was not found; " + INSTALL_CHROMIUM)
    return exe


def figure_caption(graph: MetaGraph, view: View | None = None) -> str:
    """The caption of a figure: what it draws and the sources of the edges drawn (short citations).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> print(figure_caption(sample_graph(), View(focus="liver")))
    2 nodes, 1 edge. Sources: Targeted exercise protocols and the reversal of metabolic dysregulation. \
Drawn with metagraph; arrows →: increases, ⊣: decreases (SBGN), dashed: structural.
    """
    part, _ = as_view(view).select(graph)
    keys: list[str] = []
    for u, v, k in part.nx.edges(keys=True):
        keys.extend(part.edge_model(u, v, k).references)
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    refs = graph.references
    shorts = [refs[k].short if k in refs else k for k in sorted(counts, key=lambda k: (-counts[k], k))]
    n, m = part.nx.number_of_nodes(), part.nx.number_of_edges()
    text = f"{n} node{'s' if n != 1 else ''}, {m} edge{'s' if m != 1 else ''}."
    if shorts:
        text += " Sources: " + "; ".join(shorts) + "."
    return text + " Drawn with metagraph; arrows →: increases, ⊣: decreases (SBGN), dashed: structural."


def _svg_size_mm(svg: str) -> tuple[float, float]:
    found = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"', svg)
    if not found:
        return (100.0, 60.0)
    return float(found.group(1)) / _PT_PER_MM, float(found.group(2)) / _PT_PER_MM


def _placement(svg: str, caption: str, size: str) -> tuple[float, float, float, float]:
    """Where a figure's SVG goes on its page (mm): page width, drawing width and height, page height."""
    if size not in FIGURE_SIZES:
        raise RenderError(f"unknown size {size!r}; the sizes are {', '.join(FIGURE_SIZES)}")
    width, fixed = FIGURE_SIZES[size]
    inner = width - 2 * _MARGIN_MM
    # caption lines: about 0.5 em per character at the caption's size
    per_line = max(20, int(inner / (_CAPTION_PT * 0.5 / _PT_PER_MM)))
    caption_mm = math.ceil(len(caption) / per_line) * _CAPTION_PT * 1.35 / _PT_PER_MM + 3
    svg_w, svg_h = _svg_size_mm(svg)
    drawn_h = inner * svg_h / max(svg_w, 1.0)
    if fixed is not None:
        room = fixed - 2 * _MARGIN_MM - caption_mm
        drawn_h = min(drawn_h, room)
        height = fixed
    else:
        height = drawn_h + caption_mm + 2 * _MARGIN_MM
    return width, inner, drawn_h, math.ceil(height * 10) / 10


def best_svg(graph: MetaGraph, view: View, *, size: str, caption: str = "", timeout: float = 120.0) -> str:
    """The Graphviz SVG of ``view`` fitted to ``size``: as is or compact, whichever has the larger text there.

    Compact (:func:`~metagraph.render.dot.to_dot`) wraps names and leaves edges to the
    legend: narrower and taller, so it wins in a column or on a page, and for a long
    chain on a slide. ``caption`` is the one set below the figure (it takes room).

    Examples
    --------
    >>> import metagraph, shutil
    >>> kg = metagraph.load()
    >>> if shutil.which("dot"):
    ...     svg = best_svg(kg, View(focus="liver", legend=True), size="page")
    ...     print(smallest_text_px(svg, size="page") >= READABLE_PX)
    ... else:
    ...     print(True)
    True
    """
    drawn = []
    for compact in (False, True):
        svg = dot_svg(to_dot(graph, view, size=size, compact=compact), timeout=timeout).decode("utf-8")
        drawn.append((smallest_text_px(svg, caption, size=size), compact, svg))
    return max(drawn)[2]


def smallest_text_px(svg: str, caption: str = "", *, size: str = "slide") -> float:
    """The height (CSS pixels, 96 per inch) of the smallest text of a Graphviz SVG set on a figure of ``size``.

    A reader needs 11 pixels (8.25 pt) or more; :func:`to_figure` warns when a figure's
    text is smaller.

    Examples
    --------
    >>> svg = ('<svg width="200pt" height="100pt" viewBox="0.00 0.00 200.00 100.00">'
    ...        '<text font-size="11.00">a</text></svg>')
    >>> round(smallest_text_px(svg, size="page"), 1)  # 200 pt shown 172 mm wide
    35.8
    """
    _, inner, drawn_h, _ = _placement(svg, caption, size)
    box = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', svg)
    fonts = [float(f) for f in re.findall(r'font-size="([\d.]+)"', svg)]
    if box is None or not fonts:
        return math.inf
    scale = re.search(r'<g id="graph0"[^>]*transform="scale\(([\d.]+)', svg)
    units = min(inner * _PX_PER_MM / float(box.group(1)), drawn_h * _PX_PER_MM / float(box.group(2)))
    return min(fonts) * (float(scale.group(1)) if scale else 1.0) * units


def figure_page(svg: str, caption: str, *, size: str = "slide") -> tuple[str, float, float]:
    """The HTML page a figure is photographed or printed from, and its width and height in millimetres.

    The SVG (Graphviz's, trusted: it escapes every label) is set at the size's width,
    or shrunk to fit a slide's height, with the caption (escaped) below it.

    Examples
    --------
    >>> page, w, h = figure_page('<svg width="144pt" height="72pt"></svg>', "A <caption>", size="column")
    >>> w, round(h) > 40, "A &lt;caption&gt;" in page
    (85.0, True, True)
    """
    width, inner, drawn_h, height = _placement(svg, caption, size)
    body = re.sub(r"^.*?(<svg\b)", r"\1", svg, flags=re.S)  # drop the XML prolog and DOCTYPE
    page = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<style>@page {{ size: {width}mm {height}mm; margin: 0 }}"
        f"html, body {{ margin: 0; background: #fff; width: {width}mm; height: {height}mm; overflow: hidden }}"
        "body { display: flex; align-items: center; }"  # a slide's figure sits in its middle
        f"figure {{ margin: {_MARGIN_MM}mm; }}"
        f"figure > svg {{ display: block; width: {inner}mm; height: {drawn_h:.1f}mm; }}"
        f"figcaption {{ font: {_CAPTION_PT}pt/1.35 Helvetica, Arial, sans-serif; color: #343a40; margin-top: 2mm }}"
        "</style></head><body><figure>"
        f"{body}<figcaption>{html.escape(caption)}</figcaption></figure></body></html>\n"
    )
    return page, width, height


def _figure_html(graph: MetaGraph, view: View, *, size: str, timeout: float = 120.0) -> tuple[str, float, float]:
    """The page :func:`to_figure` photographs or prints, and its width and height in millimetres."""
    if view.title is None:
        from metagraph.render.html import _title

        part, _ = view.select(graph)
        view = dataclasses.replace(view, title=_title(graph, list(part.nx.nodes), view))
    view = dataclasses.replace(view, legend=True, layout=view.layout or "compartments")
    caption = figure_caption(graph, view)
    svg = best_svg(graph, view, size=size, caption=caption, timeout=timeout)
    smallest = smallest_text_px(svg, caption, size=size)
    if smallest < READABLE_PX:
        warnings.warn(
            f"at --size {size} the figure's smallest text is {smallest:.1f} px ({smallest * 0.75:.1f} pt), under "
            f"the {READABLE_PX} px ({READABLE_PX * 0.75:g} pt) a reader needs: draw it at a larger size "
            "(--size page or slide) or draw less (focus=, kinds=)",
            RenderWarning,
            stacklevel=3,
        )
    return figure_page(svg, caption, size=size)


def to_figure(
    graph: MetaGraph,
    path: str | os.PathLike[str],
    view: View | None = None,
    *,
    size: str = "slide",
    timeout: float = 120.0,
    **options: Unpack[ViewOptions],
) -> Path:
    """Write a figure of the graph or a part of it as PNG or PDF (by the suffix of ``path``).

    The figure is the compartment diagram (unless the view asks for ``layout="kinds"``)
    with its legend and a title, and a caption naming the sources of the edges drawn,
    fitted to a 16:9 ``"slide"``, a journal ``"column"`` (85 mm) or a ``"page"`` (180 mm).

    Parameters
    ----------
    graph
        The graph.
    path
        Where to write: ``.png`` (about 290 dpi) or ``.pdf`` (vector).
    view
        What to draw; see :class:`~metagraph.render.view.View`.
    size
        ``"slide"``, ``"column"`` or ``"page"``.
    timeout
        Seconds Graphviz and Chromium may each take.
    **options
        The fields of :class:`~metagraph.render.view.View` as keywords instead of ``view``.

    Returns
    -------
    Path
        ``path``.

    Warns
    -----
    RenderWarning
        The view has more than :data:`~metagraph.render.dot.SVG_WARN_NODES` nodes, or
        its text would be smaller than :data:`READABLE_PX` at ``size`` (the message says
        how small, and to draw it larger or draw less).

    Raises
    ------
    RenderError
        Another suffix, an unknown size, Graphviz or Chromium missing (the message says
        how to install them), failing or timing out.

    Examples
    --------
    >>> import metagraph, shutil, tempfile, pathlib
    >>> kg = metagraph.load()
    >>> if shutil.which("dot") and shutil.which("chromium"):
    ...     out = to_figure(kg, pathlib.Path(tempfile.mkdtemp()) / "liver.png", focus="liver", size="page")
    ...     print(out.read_bytes()[:4])
    ... else:
    ...     print(b"\\x89PNG")
    b'\\x89PNG'
    """
    target = Path(path)
    kind = target.suffix.lower()
    if kind not in (".png", ".pdf"):
        raise RenderError(f"a figure is written as .png or .pdf, not {target.name!r}")
    if size not in FIGURE_SIZES:
        raise RenderError(f"unknown size {size!r}; the sizes are {', '.join(FIGURE_SIZES)}")
    view = as_view(view, options)
    part, _ = view.select(graph)
    if len(part) > SVG_WARN_NODES:
        warnings.warn(
            f"this view has {len(part)} nodes: Graphviz may take minutes to lay it out and the figure will be "
            "hard to read; narrow it (focus=, kinds=) or draw the interactive page with to_html()",
            RenderWarning,
            stacklevel=2,
        )
    page, width, height = _figure_html(graph, view, size=size, timeout=timeout)
    exe = _chromium()
    with tempfile.TemporaryDirectory(prefix="metagraph-figure-") as tmp:
        source = Path(tmp) / "figure.html"
        source.write_text(page, encoding="utf-8")
        out = Path(tmp) / f"figure{kind}"
        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
        args += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
        args.append(f"--user-data-dir={Path(tmp) / 'profile'}")
        if kind == ".png":
            w, h = math.ceil(width * _PX_PER_MM), math.ceil(height * _PX_PER_MM)
            args += [f"--window-size={w},{h}", f"--force-device-scale-factor={_PNG_SCALE}", f"--screenshot={out}"]
        else:
            args += ["--no-pdf-header-footer", f"--print-to-pdf={out}"]
        args.append(source.as_uri())
        try:
            done = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"Chromium took more than {timeout:.0f} s to draw the figure") from None
        except OSError as exc:
            raise RenderError(f"Chromium could not be run ({exc}); " + INSTALL_CHROMIUM) from None
        if not out.is_file() or out.stat().st_size == 0:
            message = done.stderr.decode("utf-8", "replace").strip()[-500:]
            raise RenderError(f"Chromium did not write the figure (exit {done.returncode}): {message}")
        return write_bytes_atomic(target, out.read_bytes())
