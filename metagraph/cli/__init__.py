"""The ``metagraph`` command.

Each group of commands lives in its own module with a ``register(subparsers, common)``
function and an ``EXAMPLES`` list of ``(command, example)`` pairs shown by ``--help``.
Heavy libraries are imported inside the command handlers, never at start-up.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, TextIO

__all__ = ["build_parser", "main"]


def _groups() -> tuple[ModuleType, ...]:
    # Imported here, not at the top, so that a Ctrl-C while they load is caught by main().
    # The modules themselves are light: what a command needs is imported by its handler.
    from metagraph.cli import audit, core, interop, queries, render, reversal

    return (core, queries, reversal, render, interop, audit)


def _command_of(argv: Sequence[str]) -> str | None:
    """The command word of ``argv`` (its first argument not starting with ``-``), if any."""
    return next((a for a in argv if not a.startswith("-")), None)


# Terminal control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides that
# reorder what a terminal shows: a node name holding ESC or BEL must be shown, not obeyed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(text: str) -> str:
    r"""Write control characters as ``\uXXXX`` (readable, and still valid inside JSON strings).

    Examples
    --------
    >>> _escape("AMPK\x1b[31m\x07 ok")
    'AMPK\\u001b[31m\\u0007 ok'
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Escaping:
    """A text stream that escapes terminal control characters before they reach the real one."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(_escape(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


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


def build_parser(*, command: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser of the ``metagraph`` command.

    Parameters
    ----------
    command
        Set up only the group of commands holding this one (its options and help are
        the same); the other groups' options are never built, which keeps start-up
        short. ``None``, or a word that is no command: all of them.

    Examples
    --------
    >>> "trace" in build_parser().format_help()
    True
    >>> sorted(build_parser(command="trace")._subparsers._group_actions[0].choices)[:3]
    ['compare', 'downstream', 'match']
    """
    groups = _groups()
    examples = [ex for group in groups for ex in group.EXAMPLES]
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
    mine = [g for g in groups if any(cmd == command for cmd, _ in g.EXAMPLES)]
    for group in mine or groups:
        group.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``metagraph`` command; return its exit status.

    Every error a user can cause is one message on stderr and a non-zero status, never
    a traceback: a :class:`~metagraph.errors.MetagraphError`, a file that cannot be
    written, Ctrl-C. Terminal control characters in what is printed are escaped.

    Examples
    --------
    >>> main(["node", "AMPK", "--json"])  # doctest: +ELLIPSIS
    {...
    0
    """
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(stdout), _Escaping(stderr)
    command = "metagraph"
    try:
        from metagraph.errors import MetagraphError

        words = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(command=_command_of(words))
        args = parser.parse_args(words)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
        command = f"metagraph {args.command}"
        try:
            return int(args.handler(args) or 0)
        except MetagraphError as exc:
            print(f"{command}: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            where = f"{exc.filename}: " if exc.filename is not None else ""
            print(f"{command}: {where}{exc.strerror or exc}", file=sys.stderr)
            return 1
    except BrokenPipeError:  # output piped into `head`
        return 0
    except KeyboardInterrupt:
        print(f"\n{command}: interrupted", file=sys.stderr)
        return 130
    finally:
        sys.stdout, sys.stderr = stdout, stderr
