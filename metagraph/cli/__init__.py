"""The ``metagraph`` command.

Each group of commands lives in its own module with a ``register(subparsers, common)``
function and an ``EXAMPLES`` list of ``(command, example)`` pairs shown by ``--help``.
Heavy libraries are imported inside the command handlers, never at start-up.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from metagraph.cli import audit, core, interop, queries, render
from metagraph.errors import MetagraphError

__all__ = ["build_parser", "main"]

_GROUPS = (core, queries, render, interop, audit)


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        metavar="PATH",
        action="append",
        default=[],
        help="load these data files or folders instead of the bundled graph (repeatable)",
    )
    common.add_argument(
        "--bundled", action="store_true", help="with --data: load the bundled graph too, under your files"
    )
    common.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return common


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``metagraph`` command.

    Examples
    --------
    >>> "trace" in build_parser().format_help()
    True
    """
    examples = [ex for group in _GROUPS for ex in group.EXAMPLES]
    width = max(len(cmd) for cmd, _ in examples)
    epilog = "commands, with an example each:\n" + "\n".join(
        f"  {cmd.ljust(width)}  {example}" for cmd, example in examples
    )
    epilog += "\n\nany node can be named by its id, name or a synonym (case, hyphens and Greek letters ignored)."
    parser = argparse.ArgumentParser(
        prog="metagraph",
        description="Ask a knowledge graph of how exercise reverses metabolic dysregulation.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from metagraph import __version__

    parser.add_argument("--version", action="version", version=f"metagraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_parser()
    for group in _GROUPS:
        group.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``metagraph`` command; return its exit status.

    Examples
    --------
    >>> main(["node", "AMPK", "--json"])  # doctest: +ELLIPSIS
    {...
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except MetagraphError as exc:
        print(f"metagraph {args.command}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head`
        return 0
    except KeyboardInterrupt:
        return 130
