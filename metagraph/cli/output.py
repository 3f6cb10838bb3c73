"""Shared helpers of the commands: loading the graph, aligned tables, JSON output, progress."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["at_least", "format_table", "load_graph", "print_json", "progress"]


def at_least(minimum: int) -> Callable[[str], int]:
    """Return an argparse ``type`` that reads a whole number no smaller than ``minimum``.

    Examples
    --------
    >>> at_least(1)("3")
    3
    >>> at_least(1)("0")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number of at least 1, got 0
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number of at least {minimum}, got {value}")
        return value

    return parse


@contextmanager
def progress(label: str, *, delay: float = 1.0) -> Iterator[None]:
    """Show an elapsed-time indicator on stderr if the work takes longer than ``delay`` seconds.

    Silent when stderr is not a terminal (piped, redirected, in tests).
    """
    if not sys.stderr.isatty():
        yield
        return
    done = threading.Event()
    start = time.perf_counter()

    def tick() -> None:
        if done.wait(delay):
            return
        frames = "|/-\\"
        i = 0
        while not done.wait(0.1):
            sys.stderr.write(f"\r{frames[i % 4]} {label} {time.perf_counter() - start:5.1f} s")
            sys.stderr.flush()
            i += 1
        sys.stderr.write("\r" + " " * (len(label) + 12) + "\r")
        sys.stderr.flush()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def load_graph(args: argparse.Namespace) -> MetaGraph:
    """Load the graph the options name: ``--data`` files (with ``--bundled``) or the bundled graph."""
    from metagraph.loader import load

    with progress("loading graph"):
        if args.data:
            return load(*args.data, bundled=bool(args.bundled))
        return load()


def format_table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    """Format rows as an aligned text table.

    Examples
    --------
    >>> print(format_table([["AMPK", "signal"]], ["name", "kind"]))
    name  kind
    ----  ------
    AMPK  signal
    """
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON (UTF-8 text kept as is)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
