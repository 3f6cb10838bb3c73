"""The ``reversal`` command: what each exercise pushes back of what a condition disturbs."""

from __future__ import annotations

import argparse
from typing import Any

from metagraph.cli.output import at_least, load_graph, print_json

__all__ = ["EXAMPLES", "register"]

EXAMPLES = [("reversal", 'metagraph reversal "insulin resistance" HIIT "resistance training"')]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``reversal`` command to the ``metagraph`` parser."""
    p = sub.add_parser(
        "reversal",
        parents=[common],
        help="what each exercise pushes back of what a condition disturbs",
        description="List the nodes a condition disturbs and, for each modality, whether it reverses, "
        "aggravates or leaves each alone, through which chain; then a summary per modality. "
        'Example: metagraph reversal "insulin resistance" HIIT "resistance training"',
    )
    p.add_argument("condition", help="the condition (id, name or synonym)")
    p.add_argument("modalities", nargs="+", metavar="MODALITY", help="one or more exercise modalities")
    p.add_argument(
        "--max-hops", type=at_least(1), default=4, metavar="N", help="longest chain on either side (default 4)"
    )
    p.add_argument("--explain", action="store_true", help="say in words how each modality answers each node")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.set_defaults(handler=_reversal)


def _reversal(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    result = kg.reversal(args.condition, args.modalities, max_hops=args.max_hops)
    if args.json:
        print_json(result.to_dict())
    elif args.markdown:
        print(result.to_markdown())
    elif args.explain:
        print(result.explain())
    else:
        print(result)
    return 0
