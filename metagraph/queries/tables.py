"""Showing results: aligned text for a terminal, HTML for a notebook, Markdown, pandas.

:class:`TableResult` is the result of the queries that answer with a table
(``myokine_effects``, ``lost_effects``); the other results reuse its helpers.
Every piece of data text that goes into HTML passes through :func:`html.escape`.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any

from metagraph.errors import MetagraphError

__all__ = ["TableResult", "html_table", "markdown_table", "require_pandas", "text_table"]


def require_pandas(what: str) -> ModuleType:
    """Import pandas, or raise a :class:`~metagraph.MetagraphError` saying how to install it.

    Examples
    --------
    >>> require_pandas("to_frame()").__name__
    'pandas'
    """
    try:
        pandas: ModuleType = importlib.import_module("pandas")
    except ImportError as exc:
        raise MetagraphError(
            f"{what} needs pandas, which is not installed; install it with "
            "`pip install exercise-metagraph[pandas]` (or `pip install pandas`)"
        ) from exc
    return pandas


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Format rows as an aligned plain-text table (columns separated by two spaces).

    Examples
    --------
    >>> print(text_table(["name", "kind"], [["AMPK", "signal"], ["IL-6", "myokine"]]))
    name  kind
    ----  -------
    AMPK  signal
    IL-6  myokine
    """
    cells = [[str(h) for h in headers]] + [[_cell(c).replace("\n", " ") for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Format rows as a GitHub-flavoured Markdown table (``|`` in the data escaped).

    Examples
    --------
    >>> print(markdown_table(["a", "b"], [["x|y", None]]))
    | a | b |
    | --- | --- |
    | x\\|y |  |
    """

    def esc(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def html_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], *, caption: str = "", css_class: str = "metagraph-table"
) -> str:
    """Format rows as an HTML table; every header and cell is escaped.

    Examples
    --------
    >>> html_table(["a"], [["<b>"]])  # doctest: +ELLIPSIS
    '<table class="metagraph-table"><thead><tr><th>a</th></tr></thead><tbody><tr><td>&lt;b&gt;</td>...'
    """
    parts = [f'<table class="{html.escape(css_class)}">']
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in headers) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{html.escape(_cell(c))}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


class TableResult:
    """A query result that is a table: one record (a dict) per row.

    Parameters
    ----------
    title
        A line saying what the table answers.
    columns
        Record keys shown, in order.
    records
        The rows, as dicts holding at least the ``columns`` (they may hold more, for
        :meth:`to_dict` and :meth:`to_frame`: ids, reference keys...).
    headers
        Column titles (default: the keys).
    empty
        What :meth:`__str__` says when there are no rows.

    Examples
    --------
    >>> t = TableResult("Two signals", ["name", "kind"], [{"name": "AMPK", "kind": "signal"}])
    >>> print(t)
    Two signals
    name  kind
    ----  ------
    AMPK  signal
    >>> t.to_markdown().splitlines()[4]
    '| AMPK | signal |'
    """

    def __init__(
        self,
        title: str,
        columns: Sequence[str],
        records: Sequence[dict[str, Any]],
        *,
        headers: Sequence[str] | None = None,
        empty: str = "(nothing)",
    ) -> None:
        self.title = title
        self.columns = list(columns)
        self.records = [dict(r) for r in records]
        self.headers = list(headers) if headers is not None else list(columns)
        self.empty = empty

    @property
    def rows(self) -> list[list[Any]]:
        """The shown cells, row by row."""
        return [[_display(r.get(c)) for c in self.columns] for r in self.records]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.records)

    def __str__(self) -> str:
        if not self.records:
            return f"{self.title}\n{self.empty}" if self.title else self.empty
        table = text_table(self.headers, self.rows)
        return f"{self.title}\n{table}" if self.title else table

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self)} rows: {self.title}>"

    def _repr_html_(self) -> str:
        if not self.records:
            return f"<p>{html.escape(self.title)}: {html.escape(self.empty)}</p>"
        return html_table(self.headers, self.rows, caption=self.title)

    def to_markdown(self) -> str:
        """Return the table in Markdown (title as a paragraph above it)."""
        body = markdown_table(self.headers, self.rows) if self.records else self.empty
        return f"{self.title}\n\n{body}" if self.title else body

    def to_dict(self) -> dict[str, Any]:
        """Return the title, the columns and the records (JSON-ready)."""
        return {"title": self.title, "columns": self.columns, "rows": [dict(r) for r in self.records]}

    def to_frame(self) -> Any:
        """Return the records as a ``pandas.DataFrame`` (needs pandas)."""
        pd = require_pandas(f"{type(self).__name__}.to_frame()")
        return pd.DataFrame(
            self.records, columns=list(dict.fromkeys(k for r in self.records for k in r)) or self.columns
        )


def _display(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value
