"""The exception hierarchy: every error a user can cause is a :class:`MetagraphError`.

Errors about data carry :class:`Problem` records so that a loader, an importer or the
``metagraph validate`` command can report every problem of every file at once, each
with the file, the line where it is known, the offending value and the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "AmbiguousNodeError",
    "ArgumentTypeError",
    "DataError",
    "ExportError",
    "MergeConflictError",
    "MetagraphError",
    "NoPathError",
    "Problem",
    "RenderError",
    "UnknownNodeError",
    "describe_problems",
]


class MetagraphError(Exception):
    """Root of every error metagraph raises for a user's mistake.

    Examples
    --------
    >>> import metagraph
    >>> issubclass(metagraph.UnknownNodeError, metagraph.MetagraphError)
    True
    """


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file.

    Parameters
    ----------
    file
        Path of the file, as the user gave it (``None`` for in-memory data).
    line
        1-based line number where it can be known, else ``None``.
    where
        Location inside the document, e.g. ``edges[3].predicate``.
    message
        What is wrong, naming the offending value.
    hint
        How to fix it (may be empty).

    Examples
    --------
    >>> str(Problem("a.yaml", 3, "edges[0].target", "unknown node 'ampk2'", "did you mean 'ampk'?"))
    "a.yaml:3: edges[0].target: unknown node 'ampk2'; did you mean 'ampk'?"
    """

    file: str | None
    line: int | None
    where: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        place = self.file or "<data>"
        if self.line is not None:
            place += f":{self.line}"
        text = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class DataError(MetagraphError):
    """Data that cannot become a valid graph; holds every :class:`Problem` found.

    Examples
    --------
    >>> err = DataError([Problem("x.yaml", 1, "", "not a mapping", "write 'nodes:' ...")])
    >>> err.problems[0].file
    'x.yaml'
    >>> print(err)
    1 problem in the data:
      x.yaml:1: not a mapping; write 'nodes:' ...
    >>> print(DataError([Problem("x.yaml", i, "", "bad") for i in range(1, 5001)], shown=2))
    5,000 problems in the data (the first 2 shown; 4,998 more not shown):
      x.yaml:1: bad
      x.yaml:2: bad
    """

    def __init__(self, problems: Iterable[Problem], *, shown: int = 100) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(describe_problems(self.problems, "in the data", shown=shown))


def describe_problems(problems: Sequence[Problem], where: str, *, shown: int = 100) -> str:
    """Return the count of ``problems`` and the first ``shown`` of them, one a line, saying what was cut.

    Examples
    --------
    >>> print(describe_problems([Problem("a.yaml", 1, "", "bad")], "in a.yaml"))
    1 problem in a.yaml:
      a.yaml:1: bad
    """
    n = len(problems)
    head = f"{n:,} problem{'s' if n != 1 else ''} {where}"
    if n > shown:
        head += f" (the first {shown:,} shown; {n - shown:,} more not shown)"
    return "\n".join([head + ":", *(f"  {p}" for p in problems[:shown])])


class UnknownNodeError(MetagraphError, LookupError):
    """A node name, id or synonym that the graph does not know.

    Attributes
    ----------
    name
        What the user asked for.
    suggestions
        The closest known names, best first.
    """

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        msg = f"no node is called {name!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        else:
            msg += "; list the nodes with `metagraph node --list` or MetaGraph.nodes()"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would otherwise quote the message like a key
        return str(self.args[0])


class AmbiguousNodeError(MetagraphError, LookupError):
    """A name that fits more than one node; ``candidates`` lists their ids."""

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = list(candidates)
        super().__init__(
            f"{name!r} could mean any of "
            + ", ".join(repr(c) for c in self.candidates)
            + "; use one of these ids instead"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class ArgumentTypeError(MetagraphError, TypeError):
    """An argument of the wrong type: a number where a node name goes, a node of the wrong kind.

    Examples
    --------
    >>> import metagraph
    >>> metagraph.load().trace("HIIT", 42)
    Traceback (most recent call last):
    metagraph.errors.ArgumentTypeError: a node is named by a string (its id, name or a synonym) or a Node, not int 42
    """


class NoPathError(MetagraphError):
    """No chain of effects joins the nodes asked about."""


class RenderError(MetagraphError):
    """A diagram could not be made (e.g. Graphviz's ``dot`` is not installed)."""


class ExportError(MetagraphError):
    """A graph could not be written in the format asked for."""


class MergeConflictError(MetagraphError):
    """Two graphs disagree (a node with two kinds, an edge with opposite signs)."""

    def __init__(self, conflicts: Sequence[str]) -> None:
        self.conflicts = list(conflicts)
        n = len(self.conflicts)
        super().__init__(
            f"{n} conflict{'s' if n != 1 else ''} between the graphs:\n" + "\n".join(f"  {c}" for c in self.conflicts)
        )
