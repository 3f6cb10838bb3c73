"""The ``audit`` command: the graph's self-audit (:func:`metagraph.audit.audit`)."""

from __future__ import annotations

import argparse
from typing import Any

from metagraph.cli.output import print_json

EXAMPLES = [
    ("audit", "metagraph audit --source seed_article=article.txt   (exit 1 on a structural problem)"),
]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``audit`` command."""
    p = sub.add_parser(
        "audit",
        parents=[common],
        help="what the answers rest on, and structural problems (quotes checked against source texts)",
        description="Report edges by evidence type; hedged, contested, joint, inferred, negated and summary "
        "edges; items without a quote; references and nodes without identifiers. Check every quote against "
        "its reference's own text (--sources/--source) and exit 1 on a structural problem: a quote not found "
        "verbatim, a quote found in another reference's text instead, an incomplete or untraceable "
        "experimental item, a curator inference with a quote. "
        "Example: metagraph audit --source seed_article=article.txt",
    )
    p.add_argument("paths", nargs="*", metavar="DATA", help="data files or folders (default: the bundled graph)")
    p.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the references' texts, one file per reference named <reference key>.txt or .md",
    )
    p.add_argument(
        "--source",
        metavar="KEY=FILE",
        action="append",
        default=[],
        help="the text of one reference (repeatable); added to --sources, and wins over its file",
    )
    p.set_defaults(handler=_audit)


def _parse_sources(args: argparse.Namespace) -> dict[str, str] | None:
    from pathlib import Path

    from metagraph.audit import read_sources
    from metagraph.errors import MetagraphError

    if not args.sources and not args.source:
        return None
    texts = read_sources(args.sources) if args.sources else {}
    for item in args.source:
        key, sep, file = item.partition("=")
        if not sep or not key.strip() or not file.strip():
            raise MetagraphError(f"--source {item!r}: write it as KEY=FILE, e.g. --source seed_article=article.txt")
        path = Path(file.strip())
        if not path.is_file():
            raise MetagraphError(f"--source {item!r}: no such file {path}")
        texts.update(read_sources({key.strip(): path}))
    return texts


def _check_keys(graph: Any, args: argparse.Namespace) -> None:
    import difflib

    from metagraph.errors import MetagraphError

    known = list(graph.references)
    for item in args.source:
        key = item.partition("=")[0].strip()
        if key not in graph.references:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "the keys are: " + ", ".join(known)
            raise MetagraphError(f"--source {item!r}: {key!r} is no reference of the graph; {hint}")


def _audit(args: argparse.Namespace) -> int:
    from metagraph.cli.output import load_graph, progress

    texts = _parse_sources(args)
    graph = load_graph(argparse.Namespace(data=[*args.paths, *args.data], bundled=args.bundled))
    _check_keys(graph, args)
    with progress("auditing"):
        report = graph.audit(sources=texts)
    if args.json:
        print_json(report.to_dict())
    else:
        print(report)
    return 0 if report.ok else 1
