"""The ``render`` command: draw the graph, a part of it or a traced chain to a file.

The format comes from the file's suffix: ``.html`` (interactive, offline page),
``.mmd`` (Mermaid), ``.dot`` (Graphviz) or ``.svg`` (drawn by Graphviz's ``dot``).
pyvis is only imported for ``.html``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

from metagraph.cli.output import at_least, load_graph, print_json, progress

EXAMPLES = [
    (
        "render",
        'metagraph render trace.html --trace HIIT "insulin sensitivity"   (or irisin.mmd --focus irisin; .dot; .svg)',
    ),
]

#: File suffix → format.
FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".dot": "dot",
    ".gv": "dot",
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
}


_hops = at_least(0)
_limit = at_least(1)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``render`` command."""
    from metagraph.schema import KIND_ORDER

    p = sub.add_parser(
        "render",
        parents=[common],
        help="draw the graph or a part of it: HTML, Mermaid, DOT or SVG",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Draw the graph, the neighbourhood of a node, some kinds, or traced chains highlighted over\n"
            "their context. The suffix of OUT picks the format:\n"
            "  .html  interactive page (pan, zoom, tooltips with citations, search); works offline\n"
            "  .mmd   Mermaid flowchart (renders on GitHub)\n"
            "  .dot   Graphviz source\n"
            "  .svg   drawn with Graphviz's `dot` (must be installed)\n"
            "  .png   a figure for a slide or paper: compartments, legend, title, caption naming the\n"
            "  .pdf   sources (Graphviz and headless Chromium must be installed); --size slide|column|page\n\n"
            "examples:\n"
            "  metagraph render graph.html\n"
            "  metagraph render irisin.html --focus irisin --hops 2\n"
            '  metagraph render trace.html --trace HIIT "insulin sensitivity"\n'
            "  metagraph render myokines.mmd --kinds myokine organ\n"
            '  metagraph render pathway.svg --focus AMPK --title "AMPK signalling"\n'
            "  metagraph render liver.png --focus liver --size column\n"
            '  metagraph render trace.pdf --trace HIIT "insulin sensitivity" --via AMPK --context none'
        ),
    )
    p.add_argument("out", help="file to write: .html, .mmd, .dot, .svg, .png or .pdf")
    p.add_argument(
        "--focus", action="append", metavar="NAME", help="draw only the neighbourhood of this node (repeatable)"
    )
    p.add_argument(
        "--hops",
        type=_hops,
        default=None,
        metavar="N",
        help="how far the neighbourhood of --focus (or of traced chains) reaches (default 1; 0 with --reversal)",
    )
    p.add_argument(
        "--kinds",
        nargs="+",
        metavar="KIND",
        choices=[k.value for k in KIND_ORDER],
        help="draw only nodes of these kinds: " + ", ".join(k.value for k in KIND_ORDER),
    )
    p.add_argument(
        "--trace",
        nargs=2,
        metavar=("SOURCE", "TARGET"),
        help="trace the chains from SOURCE to TARGET and highlight them over their neighbourhood",
    )
    p.add_argument(
        "--reversal",
        nargs="+",
        metavar=("CONDITION", "MODALITY"),
        help="highlight what a condition disturbs and the chains by which these modalities reverse it",
    )
    p.add_argument(
        "--limit", type=_limit, default=5, metavar="N", help="with --trace: highlight the N best chains (default 5)"
    )
    p.add_argument(
        "--via", action="append", metavar="NAME", help="with --trace: chains must pass through this node (repeatable)"
    )
    p.add_argument(
        "--avoid", action="append", metavar="NAME", help="with --trace: chains may not touch this node (repeatable)"
    )
    p.add_argument(
        "--max-hops", type=_limit, default=None, metavar="N", help="with --trace: longest chain, in edges (default 6)"
    )
    p.add_argument(
        "--order",
        metavar="ORDER",
        help="with --trace: which chains come first (passed to kg.trace's order=, where this version has it)",
    )
    p.add_argument(
        "--context",
        choices=("none", "neighbours", "all"),
        default=None,
        help="with --trace/--reversal: around the highlighted chains draw nothing else (none), their "
        "neighbourhood of --hops steps (neighbours: the default for .html, and wherever --hops is given) or the "
        "whole graph dimmed (all); figures (.svg, .png, .pdf, .dot, .mmd) default to none",
    )
    p.add_argument(
        "--size",
        choices=("slide", "column", "page"),
        default=None,
        help="with .svg, .png or .pdf: fit the drawing to a 16:9 slide (the default for .png/.pdf), "
        "a journal column (85 mm) or a page (180 mm)",
    )
    p.add_argument("--title", help="heading of the diagram")
    p.add_argument(
        "--force", action="store_true", help="write OUT even if it is or lies inside a data file or folder read"
    )
    p.add_argument(
        "--layout",
        choices=("kinds", "compartments"),
        default=None,
        help="one column per kind, or the body's compartments (exercise, muscle fibre, circulation, each "
        "target organ as a region, whole body); default: compartments",
    )
    p.add_argument(
        "--no-legend",
        dest="legend",
        action="store_false",
        help="static formats: leave out the legend of node kinds and edge semantics",
    )
    p.set_defaults(handler=_render)


def format_for(path: str | Path) -> str:
    """Return the format a file name asks for.

    Raises
    ------
    RenderError
        An unknown suffix; the message names the supported ones.

    Examples
    --------
    >>> format_for("out.mmd")
    'mermaid'
    >>> format_for("figure.PDF")
    'pdf'
    >>> format_for("out.jpg")
    Traceback (most recent call last):
    metagraph.errors.RenderError: cannot tell the format of 'out.jpg' from its suffix '.jpg'; name the file .html ...
    """
    from metagraph.errors import RenderError

    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(
            f"cannot tell the format of {str(path)!r} from its suffix {suffix!r}; name the file .html "
            "(interactive page), .mmd (Mermaid), .dot (Graphviz), .svg (drawn by Graphviz), "
            ".png or .pdf (a figure with legend and caption, drawn by Graphviz and Chromium)"
        )
    return FORMATS[suffix]


def _trace_options(args: argparse.Namespace, trace: Any) -> dict[str, Any]:
    """The keyword options of ``kg.trace`` the command line gave (``order`` only when given)."""
    import inspect

    from metagraph.errors import RenderError

    options: dict[str, Any] = {}
    if args.via:
        options["via"] = list(args.via)
    if args.avoid:
        options["avoid"] = list(args.avoid)
    if args.max_hops is not None:
        options["max_hops"] = args.max_hops
    if args.order is not None:
        try:
            accepts = "order" in inspect.signature(trace).parameters
        except (TypeError, ValueError):  # a builtin or C callable: let trace itself decide
            accepts = True
        if not accepts:
            raise RenderError("--order needs a kg.trace with an order= option, which this version does not have")
        options["order"] = args.order
    return options


def _render(args: argparse.Namespace) -> int:
    from metagraph._atomic import write_error_message, write_text_atomic
    from metagraph.cli.interop import graph_inputs, refuse_to_overwrite_inputs
    from metagraph.errors import NoPathError, RenderError
    from metagraph.render.view import RenderWarning, View

    fmt = format_for(args.out)
    if args.context is not None and not (args.trace or args.reversal):
        raise RenderError("--context says what to draw around traced chains; use it with --trace or --reversal")
    if args.size is not None and fmt not in ("svg", "png", "pdf"):
        raise RenderError(f"--size fits a drawing to a page; {args.out!r} is {fmt}, not .svg, .png or .pdf")
    if not args.trace and (args.via or args.avoid or args.max_hops is not None or args.order is not None):
        raise RenderError("--via, --avoid, --max-hops and --order shape a --trace; add --trace SOURCE TARGET")
    if args.context is None and (args.trace or args.reversal) and fmt != "html" and args.hops is None:
        # A figure for a slide or a paper shows the mechanism alone (a dimmed neighbourhood of
        # dozens of nodes shrinks it to nothing); the page keeps it, to explore from.
        args.context = "none"
    if args.context == "none":
        args.hops = 0
    if args.hops is None:  # a reversal's chains already span the story; their neighbourhood would bury it
        args.hops = 0 if args.reversal else 1
    refuse_to_overwrite_inputs(args.out, graph_inputs(args), force=args.force)
    kg = load_graph(args)
    focus: list[str] | None = list(args.focus) if args.focus else None
    chains: list[Any] = []
    if args.trace:
        trace = getattr(kg, "trace", None)
        if trace is None:
            raise RenderError("--trace needs MetaGraph.trace, which this version of metagraph does not have")
        source, target = args.trace
        chains = list(trace(source, target, limit=args.limit, **_trace_options(args, trace)))
        if not chains:
            raise NoPathError(
                f"no chain of effects leads from {source!r} to {target!r}; "
                f"check with `metagraph trace {source!r} {target!r}`"
            )
        if focus is None:
            focus = list(dict.fromkeys(n.id for c in chains for n in c.nodes))
    if args.reversal:
        if args.trace:
            raise RenderError("choose --trace or --reversal, not both")
        if len(args.reversal) < 2:
            raise RenderError("--reversal takes a condition and at least one modality: --reversal CONDITION MODALITY")
        result = kg.reversal(args.reversal[0], args.reversal[1:])
        chains = result.chains()
        if not chains:
            raise RenderError(f"{result.title}: nothing is reversed; check with `metagraph reversal ...`")
        if focus is None:
            focus = list(dict.fromkeys(n.id for c in chains for n in c.nodes))
        if args.title is None:
            args.title = f"{result.condition.name}, and what {', '.join(m.name for m in result.modalities)} reverse"
    if chains and args.context == "all":
        focus = None  # the whole graph, dimmed behind the chains
    title = args.title
    if chains and title is None:
        n = len(chains)
        title = (
            f"{chains[0].nodes[0].name} → {chains[0].nodes[-1].name}: "
            f"{n} chain{'s' if n != 1 else ''} of effects"
            + (", in context" if args.hops and args.context != "none" else "")
        )
    drawn = View(
        focus=focus,
        hops=args.hops,
        kinds=args.kinds,
        highlight=chains or None,
        title=title,
        legend=args.legend and fmt != "html",  # the page has its own legend
        layout=args.layout,
    )
    view, _ = drawn.select(kg)  # exactly what the renderer draws
    n_nodes, n_edges = view.nx.number_of_nodes(), view.nx.number_of_edges()
    with progress(f"drawing {n_nodes} nodes"):
        try:
            if fmt == "html":
                path = kg.to_html(args.out, drawn)
            elif fmt == "svg":
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", RenderWarning)
                    path = kg.to_svg(args.out, drawn, size=args.size)
                for w in caught:  # say it on stderr, as the command's own note
                    print(f"metagraph render: warning: {w.message}", file=sys.stderr)
            elif fmt in ("png", "pdf"):
                from metagraph.render.figure import to_figure

                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", RenderWarning)
                    path = to_figure(kg, args.out, drawn, size=args.size or "slide")
                for w in caught:
                    print(f"metagraph render: warning: {w.message}", file=sys.stderr)
            elif fmt == "mermaid":
                path = write_text_atomic(args.out, kg.to_mermaid(drawn))
            else:
                path = write_text_atomic(args.out, kg.to_dot(drawn))
        except OSError as exc:
            raise RenderError(write_error_message(args.out, exc)) from None
    if args.json:
        print_json(
            {"path": str(path), "format": fmt, "nodes": n_nodes, "edges": n_edges, "highlighted_chains": len(chains)}
        )
    else:
        extra = f", {len(chains)} chain{'s' if len(chains) != 1 else ''} highlighted" if chains else ""
        print(f"wrote {path} ({fmt}: {n_nodes} nodes, {n_edges} edges{extra})")
    return 0
