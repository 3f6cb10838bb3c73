"""Measurements on the graph: put a table of gene or protein changes on the nodes it names.

:func:`overlay` (``kg.overlay(table)``) reads a table of measurements, one a row: an
identifier, a log fold change, an adjusted p value (FDR) and, optionally, a time point
and a source (study). Each row is attached to the nodes its identifier names:

* a **gene symbol** (``PPARGC1A``) to the nodes with that name or synonym (case,
  hyphens and Greek letters ignored, as :meth:`MetaGraph.node <metagraph.MetaGraph.node>`
  reads names) and to the nodes whose ``xrefs`` or ``members`` hold that symbol's HGNC
  id or UniProt accession (the symbols of the bundled graph's HGNC ids are in
  ``data/overlay/hgnc_symbols.csv``), so ``PRKAA1`` lands on AMPK, whose members it is;
* an **HGNC id** (``HGNC:9237``) or a **UniProt accession** (``UniProt:Q9UBK2`` or
  ``Q9UBK2``) to the nodes whose ``xrefs`` or ``members`` hold it.

The result, an :class:`Overlay`, is a frozen record of what was attached and what was
not: rows whose identifier names no node are listed (a genome-wide table names mostly
genes the graph does not hold), while a table with a missing column or a non-numeric
value is refused whole with one :class:`~metagraph.DataError` listing every bad row
(``file:line``), so nothing is ever half-attached. The graph itself never changes.

:meth:`Overlay.supports` then asks, for each step of a :class:`~metagraph.Chain`,
whether the measurements back it: a step into a node is *supported* when a measurement
of that node changes in the direction the chain predicts (the sign of the log fold
change agrees with the chain's sign from its cause to that node) at an FDR below the
threshold. A transcript is not a protein's activity: an mRNA rise supports
"PGC-1α increases" better than "AMPK is activated", and measurements that reach a
complex only through its ``members`` are shown but not counted unless asked for.

:func:`metamex` loads the bundled, offline extract of MetaMEx (Pillon et al. 2020,
*Nat Commun* 11:470, PMID 31980607, doi:10.1038/s41467-019-13869-w): the meta-analysed change of human
skeletal-muscle transcripts 0-1, 2-3, 4-6, 24 and 48 h after one bout of exercise, for
the genes of the bundled graph (how it was made: ``data/overlay/SOURCE.md``).

Examples
--------
>>> import metagraph
>>> kg = metagraph.load()
>>> ov = kg.overlay("metamex")
>>> [(m.time, round(m.log_fc, 2)) for m in ov.measurements("PGC-1α") if m.time == "2-3 h"]
[('2-3 h', 2.44)]
>>> chain = kg.trace("HIIT", "mitochondrial biogenesis")[0]
>>> ov.supports(chain).records[-2]["verdict"]
'supported'
"""

from __future__ import annotations

import csv
import html
import importlib
import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph._names import NameIndex, normalize_name
from metagraph.errors import DataError, MetagraphError, Problem
from metagraph.queries.tables import TableResult, html_table, markdown_table, require_pandas, text_table

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.queries.chains import Chain

__all__ = ["COLUMNS", "ChainSupport", "Measurement", "Overlay", "UnmatchedRow", "metamex", "metamex_path", "overlay"]

#: Our field → the column names it is found under (compared without case, spaces, dots,
#: hyphens or underscores). The ``*_column`` options of :func:`overlay` override these.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "id": (
        "symbol",
        "gene",
        "gene_symbol",
        "gene_name",
        "hgnc_symbol",
        "hgnc_id",
        "uniprot",
        "uniprot_id",
        "protein",
        "identifier",
        "id",
    ),
    "log_fc": ("log_fc", "logfc", "log2fc", "log2_fold_change", "log2foldchange", "lfc", "log_fold_change"),
    "fdr": ("fdr", "adj_p_val", "adj_p_value", "padj", "p_adj", "q_value", "qvalue", "adjusted_p_value"),
    "time": ("time", "time_point", "timepoint"),
    "source": ("source", "study", "dataset"),
}

_REQUIRED = ("id", "log_fc", "fdr")
_OPTION = {
    "id": "id_column",
    "log_fc": "logfc_column",
    "fdr": "fdr_column",
    "time": "time_column",
    "source": "source_column",
}
_HGNC = re.compile(r"^HGNC:\d+$", re.IGNORECASE)
_UNIPROT = re.compile(
    r"^(?:UniProt(?:KB)?:)?([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})$",
    re.IGNORECASE,
)
_METAMEX_SOURCE = "MetaMEx acute exercise (Pillon et al. 2020)"


def _key(column: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", column.casefold())


def _overlay_folder() -> Path:
    from metagraph.loader import bundled_data_path

    return bundled_data_path() / "overlay"


@cache
def _hgnc_symbols() -> tuple[tuple[str, str, str], ...]:
    """(HGNC id, approved symbol, UniProt CURIE) of the bundled graph's human genes."""
    with (_overlay_folder() / "hgnc_symbols.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["hgnc_id"], r["symbol"], r["uniprot"]) for r in csv.DictReader(fh))


# -- the records ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Measurement:
    """One row of a table, attached to one node.

    Attributes
    ----------
    node
        The node's id.
    identifier
        The identifier as the table wrote it.
    matched_by
        How it was matched: ``"name"``, ``"HGNC symbol"``, ``"HGNC id"``, ``"UniProt id"``,
        or ``"member …"`` when only one of the node's ``members`` has it.
    log_fc, fdr
        The log fold change and the adjusted p value.
    time, source
        The time point and the study, when the table has them.
    row
        Where the row is: ``file:line`` (or ``<table>:row``).

    Examples
    --------
    >>> m = Measurement("pgc1a", "PPARGC1A", "name", 2.44, 1e-26, "2-3 h", "MetaMEx", "x.csv:2")
    >>> m.significant(0.05), m.direction
    (True, 1)
    """

    node: str
    identifier: str
    matched_by: str
    log_fc: float
    fdr: float
    time: str | None = None
    source: str | None = None
    row: str = ""

    @property
    def direction(self) -> int:
        """+1 for a rise, -1 for a fall, 0 for no change."""
        return (self.log_fc > 0) - (self.log_fc < 0)

    @property
    def via_member(self) -> bool:
        """True when the row reached the node only through one of its ``members`` (a subunit of a complex)."""
        return self.matched_by.startswith("member")

    def significant(self, threshold: float) -> bool:
        """True when the FDR is below ``threshold``."""
        return self.fdr < threshold


@dataclass(frozen=True)
class UnmatchedRow:
    """A row whose identifier names no node of the graph.

    Examples
    --------
    >>> str(UnmatchedRow("NR4A3", "x.csv:5"))
    'NR4A3 (x.csv:5)'
    """

    identifier: str
    row: str

    def __str__(self) -> str:
        return f"{self.identifier} ({self.row})"


def _fmt(value: float) -> str:
    return f"{value:.2g}" if value < 0.001 else f"{value:.3f}"


def _time_sort(time: str | None) -> tuple[float, str]:
    number = re.match(r"\d+(?:\.\d+)?", time or "")
    return (float(number.group(0)) if number else math.inf, time or "")


# -- the result ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Overlay:
    """Measurements attached to a graph's nodes; what :func:`overlay` returns.

    Attributes
    ----------
    title
        What the measurements are (the file or the bundled data set).
    measurements_ : tuple of Measurement
        Every attached measurement (a row naming two nodes appears once for each).
    unmatched : tuple of UnmatchedRow
        The rows whose identifier names no node.
    rows : int
        How many rows the table had.
    fdr_threshold : float
        Below this FDR a change counts as significant.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> ov = kg.overlay([{"gene": "PPARGC1A", "logFC": 2.4, "FDR": 0.001, "time": "3 h"},
    ...                  {"gene": "NOTAGENE", "logFC": 1.0, "FDR": 0.5}])
    >>> ov.nodes, [str(u) for u in ov.unmatched]
    (['pgc1a'], ['NOTAGENE (<table>:row 2)'])
    >>> print(ov)  # doctest: +NORMALIZE_WHITESPACE
    Measurements from a table on 1 node (1 of 2 rows matched; FDR < 0.05 counts as significant)
    node    identifier  matched by  time  logFC  FDR    significant  source
    ------  ----------  ----------  ----  -----  -----  -----------  ------
    PGC-1α  PPARGC1A    name        3 h   2.40   0.001  yes          table
    Unmatched rows (1): NOTAGENE (<table>:row 2)
    """

    title: str
    measurements_: tuple[Measurement, ...]
    unmatched: tuple[UnmatchedRow, ...]
    rows: int
    fdr_threshold: float = 0.05
    graph: MetaGraph | None = field(default=None, repr=False, compare=False)

    # -- reading ---------------------------------------------------------------------
    @property
    def nodes(self) -> list[str]:
        """The ids of the nodes with measurements, in the order they were first measured."""
        return list(dict.fromkeys(m.node for m in self.measurements_))

    def measurements(self, node: str | None = None) -> list[Measurement]:
        """Return the measurements of one node (an id, name or synonym), by time; all of them without ``node``.

        Examples
        --------
        >>> import metagraph
        >>> ov = metagraph.load().overlay("metamex")
        >>> [m.time for m in ov.measurements("FNDC5")]
        ['0-1 h', '2-3 h', '4-6 h', '24 h', '48 h']
        """
        if node is None:
            return list(self.measurements_)
        node_id = self.graph.resolve(node) if self.graph is not None else node
        return sorted((m for m in self.measurements_ if m.node == node_id), key=lambda m: _time_sort(m.time))

    def __len__(self) -> int:
        return len(self.measurements_)

    def _name(self, node_id: str) -> str:
        if self.graph is not None and node_id in self.graph.nx:
            return str(self.graph.nx.nodes[node_id]["name"])
        return node_id

    # -- the chain question ------------------------------------------------------------
    def supports(
        self, chain: Chain, *, fdr_threshold: float | None = None, count_members: bool = False
    ) -> ChainSupport:
        """Say, for each step of ``chain``, whether the measurements back the change it predicts.

        The chain predicts a rise of a node when the product of the edge signs from its
        cause to that node is +1, a fall when it is -1. A step is:

        * ``supported``: a measurement of its target at FDR < threshold changes that way;
        * ``contradicted``: significant measurements exist, all changing the other way;
        * ``mixed``: significant measurements go both ways (at different time points);
        * ``not significant``: the target is measured, but never below the threshold;
        * ``no data``: the target is not measured.

        Parameters
        ----------
        chain
            A :class:`~metagraph.Chain` of the graph the overlay was made on.
        fdr_threshold
            Below this FDR a change counts; default the overlay's own threshold.
        count_members
            Also count measurements that reach a complex only through one of its
            ``members`` (a subunit's transcript), which say little about the complex's activity.

        Examples
        --------
        >>> import metagraph
        >>> kg = metagraph.load()
        >>> chain = kg.trace("HIIT", "mitochondrial biogenesis")[0]
        >>> support = kg.overlay("metamex").supports(chain)
        >>> [(r["target_name"], r["verdict"]) for r in support][-2:]
        [('PGC-1α', 'supported'), ('Mitochondrial biogenesis', 'no data')]
        """
        threshold = self.fdr_threshold if fdr_threshold is None else fdr_threshold
        if not 0 < threshold <= 1:
            raise MetagraphError(f"fdr_threshold must be in (0, 1], not {threshold!r}")
        records = []
        sign = 1
        for i, (edge, node) in enumerate(zip(chain.edges, chain.nodes[1:], strict=True), start=1):
            if edge.sign < 0:
                sign = -sign
            data = [m for m in self.measurements(node.id) if count_members or not m.via_member]
            hits = [m for m in data if m.significant(threshold) and m.direction != 0]
            agree = [m for m in hits if m.direction == sign]
            against = [m for m in hits if m.direction == -sign]
            if agree and against:
                verdict, supported = "mixed", None
            elif agree:
                verdict, supported = "supported", True
            elif against:
                verdict, supported = "contradicted", False
            elif data:
                verdict, supported = "not significant", None
            else:
                members = [m for m in self.measurements(node.id) if m.via_member]
                verdict = "members only" if members else "no data"
                supported = None
            best = min(agree or against or data, key=lambda m: (m.fdr, -abs(m.log_fc)), default=None)
            records.append(
                {
                    "step": i,
                    "target": node.id,
                    "target_name": node.name,
                    "predicted": "up" if sign > 0 else "down",
                    "verdict": verdict,
                    "supported": supported,
                    "best": (
                        f"{best.log_fc:+.2f} at {best.time or '?'} (FDR {_fmt(best.fdr)})" if best is not None else ""
                    ),
                    "measurements": [
                        {"time": m.time, "log_fc": m.log_fc, "fdr": m.fdr, "source": m.source} for m in data
                    ],
                }
            )
        return ChainSupport(
            f"Does {self.title} back {chain.source.name} → {chain.target.name}? (FDR < {threshold:g})",
            ["step", "target_name", "predicted", "verdict", "best"],
            records,
            headers=["step", "node", "chain predicts", "verdict", "strongest measurement"],
        )

    # -- showing ---------------------------------------------------------------------
    def _headline(self) -> str:
        matched = self.rows - len(self.unmatched)
        n = len(self.nodes)
        return (
            f"Measurements from {self.title} on {n} node{'s' if n != 1 else ''} "
            f"({matched} of {self.rows} rows matched; FDR < {self.fdr_threshold:g} counts as significant)"
        )

    def _records(self) -> list[dict[str, Any]]:
        order = {node: i for i, node in enumerate(self.nodes)}
        ordered = sorted(self.measurements_, key=lambda m: (order[m.node], m.identifier, _time_sort(m.time)))
        return [
            {
                "node": m.node,
                "node_name": self._name(m.node),
                "identifier": m.identifier,
                "matched_by": m.matched_by,
                "time": m.time,
                "log_fc": m.log_fc,
                "fdr": m.fdr,
                "significant": m.significant(self.fdr_threshold),
                "source": m.source,
                "row": m.row,
            }
            for m in ordered
        ]

    _HEADERS = ("node", "identifier", "matched by", "time", "logFC", "FDR", "significant", "source")

    def _rows(self) -> list[list[Any]]:
        return [
            [
                r["node_name"],
                r["identifier"],
                r["matched_by"],
                r["time"],
                f"{r['log_fc']:.2f}",
                _fmt(r["fdr"]),
                "yes" if r["significant"] else "",
                r["source"],
            ]
            for r in self._records()
        ]

    def _unmatched_line(self, limit: int = 20) -> str:
        if not self.unmatched:
            return "Unmatched rows: none"
        shown = ", ".join(str(u) for u in self.unmatched[:limit])
        more = f", … {len(self.unmatched) - limit} more" if len(self.unmatched) > limit else ""
        return f"Unmatched rows ({len(self.unmatched)}): {shown}{more}"

    def __str__(self) -> str:
        body = text_table(self._HEADERS, self._rows()) if self.measurements_ else "(no row names a node)"
        return f"{self._headline()}\n{body}\n{self._unmatched_line()}"

    def to_markdown(self) -> str:
        """Return the headline, the measurements as a Markdown table and the unmatched rows."""
        body = markdown_table(self._HEADERS, self._rows()) if self.measurements_ else "(no row names a node)"
        return f"{self._headline()}\n\n{body}\n\n{self._unmatched_line()}"

    def _repr_html_(self) -> str:
        table = html_table(self._HEADERS, self._rows(), caption=self._headline())
        return f"{table}<p>{html.escape(self._unmatched_line())}</p>"

    def to_dict(self) -> dict[str, Any]:
        """Return the title, the threshold, the measurements and the unmatched rows (JSON-ready)."""
        return {
            "title": self.title,
            "fdr_threshold": self.fdr_threshold,
            "rows": self.rows,
            "measurements": self._records(),
            "unmatched": [{"identifier": u.identifier, "row": u.row} for u in self.unmatched],
        }

    def to_frame(self) -> Any:
        """Return one row per attached measurement as a ``pandas.DataFrame`` (needs pandas)."""
        pd = require_pandas("Overlay.to_frame()")
        columns = ["node", "node_name", "identifier", "matched_by", "time", "log_fc", "fdr", "significant"]
        return pd.DataFrame(self._records(), columns=[*columns, "source", "row"])


class ChainSupport(TableResult):
    """Per step of a chain, whether measurements back it; what :meth:`Overlay.supports` returns.

    Each record holds ``step``, ``target``, ``target_name``, ``predicted`` (``up``/``down``),
    ``verdict``, ``supported`` (True, False, or None when undecided) and the ``measurements``.

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> s = kg.overlay("metamex").supports(kg.trace("HIIT", "mitochondrial biogenesis")[0])
    >>> s.supported[-2:]
    [True, None]
    """

    @property
    def supported(self) -> list[bool | None]:
        """Per step: True (backed), False (contradicted) or None (no significant data, or mixed)."""
        return [r["supported"] for r in self.records]


# -- matching identifiers ----------------------------------------------------------------
class _Matcher:
    """Finds the nodes an identifier names."""

    def __init__(self, kg: MetaGraph) -> None:
        self._names = NameIndex({n.id: n.names[1:] for n in kg})
        self._ids: dict[str, list[tuple[str, bool]]] = {}
        for n in kg:
            for curie in n.xrefs:
                self._ids.setdefault(curie.casefold(), []).append((n.id, False))
            for curie in n.members:
                self._ids.setdefault(curie.casefold(), []).append((n.id, True))
        self._symbols: dict[str, list[str]] = {}
        for hgnc, symbol, uniprot in _hgnc_symbols():
            self._symbols.setdefault(normalize_name(symbol), []).extend([hgnc, uniprot])

    def _by_id(self, curie: str, how: str, label: str) -> list[tuple[str, str]]:
        return [(node, f"member {label}" if member else how) for node, member in self._ids.get(curie.casefold(), ())]

    def match(self, identifier: str) -> list[tuple[str, str]]:
        """(node id, how) for every node the identifier names, each node once."""
        found: list[tuple[str, str]] = []
        text = identifier.strip()
        if _HGNC.match(text):
            found += self._by_id(text.upper(), "HGNC id", text.upper())
        elif (acc := _UNIPROT.match(text)) is not None and not self._names.lookup(text):
            curie = f"UniProt:{acc.group(1).upper()}"
            found += self._by_id(curie, "UniProt id", curie)
        else:
            found += [(node, "name") for node in self._names.lookup(text)]
            for curie in self._symbols.get(normalize_name(text), ()):
                how = "HGNC symbol" if curie.upper().startswith("HGNC:") else "HGNC symbol (UniProt)"
                found += self._by_id(curie, how, f"{text} ({curie})")
        seen: dict[str, str] = {}
        for node, how in found:
            seen.setdefault(node, how)
        return list(seen.items())


# -- reading tables ----------------------------------------------------------------------
def _rows_from_csv(path: Path) -> tuple[list[str], list[tuple[str, list[str]]]]:
    text = path.read_text(encoding="utf-8-sig")
    sample = text[:4096]
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") or sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[str, list[str]]] = []
    for cells in reader:
        if header is None:
            if not cells or cells[0].startswith("#"):
                continue  # comment lines above the header
            header = [c.strip() for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        rows.append((f"{path}:{reader.line_num}", cells))
    if header is None:
        raise MetagraphError(f"{path}: the file holds no header row; the first line must name the columns")
    return header, rows


def _rows_from_frame(frame: Any, label: str) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    header = [str(c) for c in frame.columns]
    rows = [(f"{label}:row {i}", list(values)) for i, values in enumerate(frame.itertuples(index=False), start=1)]
    return header, rows


def _read_frame(path: Path, kind: str) -> Any:
    try:
        pd = importlib.import_module("pandas")
        importlib.import_module("pyarrow")
    except ImportError as exc:
        raise MetagraphError(
            f"reading a {kind} file ({path}) needs pandas and pyarrow, which are not installed; install them with "
            "`pip install 'exercise-metagraph[parquet]'` (or save the table as CSV)"
        ) from exc
    try:
        return pd.read_parquet(path) if kind == "Parquet" else pd.read_feather(path)
    except (OSError, ValueError) as exc:
        raise MetagraphError(f"{path}: cannot read it as a {kind} file: {exc}") from exc


def _table_rows(table: Any) -> tuple[str, str, str, list[str], list[tuple[str, list[Any]]]]:
    """(title, source label, origin, header, [(place, cells)]) of anything :func:`overlay` accepts."""
    if isinstance(table, str | os.PathLike):
        path = Path(table)
        if not path.is_file():
            raise MetagraphError(
                f"{path}: no such file; give a CSV/TSV, Parquet or Feather file, a pandas DataFrame or 'metamex'"
            )
        suffix = path.suffix.lower()
        if suffix in (".parquet", ".pq"):
            header, rows = _rows_from_frame(_read_frame(path, "Parquet"), str(path))
        elif suffix in (".feather", ".arrow"):
            header, rows = _rows_from_frame(_read_frame(path, "Feather"), str(path))
        else:
            header, rows = _rows_from_csv(path)
        return path.name, path.name, str(path), header, rows
    if hasattr(table, "columns") and hasattr(table, "itertuples"):
        header, rows = _rows_from_frame(table, "<DataFrame>")
        return "a DataFrame", "DataFrame", "<DataFrame>", header, rows
    if isinstance(table, Sequence) and all(isinstance(r, Mapping) for r in table):
        header = list(dict.fromkeys(str(k) for r in table for k in r))
        rows = [(f"<table>:row {i}", [r.get(h) for h in header]) for i, r in enumerate(table, start=1)]
        return "a table", "table", "<table>", header, rows
    raise MetagraphError(
        f"cannot read a table from a {type(table).__name__}; give a CSV/TSV, Parquet or Feather file path, "
        "a pandas DataFrame, a list of dicts, or 'metamex' for the bundled MetaMEx extract"
    )


def _find_columns(header: list[str], chosen: Mapping[str, str | None], place: str) -> dict[str, int]:
    keys = {_key(h): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    problems = []
    for what, names in COLUMNS.items():
        wanted = chosen.get(what)
        if wanted is not None:
            if _key(wanted) in keys:
                found[what] = keys[_key(wanted)]
            else:
                problems.append(f"no column {wanted!r} (given as {_OPTION[what]}=)")
            continue
        index = next((keys[_key(n)] for n in names if _key(n) in keys), None)
        if index is not None:
            found[what] = index
        elif what in _REQUIRED:
            problems.append(f"no {what} column (looked for {', '.join(names[:6])}…; name it with {_OPTION[what]}=)")
    if problems:
        raise DataError(
            [Problem(place, 1, "header", p, f"the columns are: {', '.join(header) or '(none)'}") for p in problems]
        )
    return found


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _split_place(place: str) -> tuple[str, int | None, str]:
    """(file, line, row label) of a place: ``x.csv:7`` → line 7; ``<table>:row 2`` → row label ``row 2``."""
    head, _, tail = place.rpartition(":")
    if tail.isdigit():
        return head, int(tail), ""
    return (head, None, tail) if head else (place, None, "")


# -- the operations ----------------------------------------------------------------------
def overlay(
    kg: MetaGraph,
    table: Any,
    *,
    id_column: str | None = None,
    logfc_column: str | None = None,
    fdr_column: str | None = None,
    time_column: str | None = None,
    source_column: str | None = None,
    source: str | None = None,
    fdr_threshold: float = 0.05,
) -> Overlay:
    """Attach a table of measurements (log fold change, FDR, time, study) to the nodes it names.

    Parameters
    ----------
    kg
        The graph.
    table
        A CSV or TSV file (read with the standard library), a Parquet or Feather file
        (needs pandas and pyarrow), a ``pandas.DataFrame``, a list of dicts, or
        ``"metamex"`` for the bundled MetaMEx extract (see :func:`metamex`). One row
        per measurement: several rows for one gene give its time course.
    id_column, logfc_column, fdr_column, time_column, source_column
        The columns holding each field, when their names are not among the usual ones
        (:data:`COLUMNS`; matched without case or punctuation, so ``adj.P.Val`` is an FDR).
        The identifier may be a gene symbol, an HGNC id or a UniProt accession.
    source
        The study to record on rows without a source column (default: the file name).
    fdr_threshold
        Below this FDR a change counts as significant.

    Returns
    -------
    Overlay
        The attached measurements and the rows that named no node.

    Raises
    ------
    DataError
        A required column is missing, or a log fold change or FDR is not a number (an
        FDR outside 0-1, an empty identifier): one error lists every such row, and
        nothing is attached.
    MetagraphError
        The table cannot be read (no such file; pandas or pyarrow missing for Parquet/Feather).

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> ov = kg.overlay([{"symbol": "PRKAA2", "logFC": 0.3, "adj.P.Val": 0.01}])
    >>> [(m.node, m.matched_by) for m in ov.measurements()]
    [('ampk', 'member PRKAA2 (HGNC:9377)')]
    >>> kg.overlay([{"symbol": "IL6", "logFC": "high", "FDR": 0.01}])
    Traceback (most recent call last):
    metagraph.errors.DataError: 1 problem in the data:
      <table>: row 1, logFC: 'high' is not a number; write the log fold change as a number (e.g. 1.5 or -0.8)
    """
    if not 0 < fdr_threshold <= 1:
        raise MetagraphError(f"fdr_threshold must be in (0, 1], not {fdr_threshold!r}")
    if isinstance(table, str) and table.casefold() == "metamex":
        return metamex(kg, fdr_threshold=fdr_threshold)
    title, label, origin, header, rows = _table_rows(table)
    columns = _find_columns(
        header,
        {"id": id_column, "log_fc": logfc_column, "fdr": fdr_column, "time": time_column, "source": source_column},
        origin,
    )
    problems: list[Problem] = []
    parsed: list[tuple[str, str, float, float, str | None, str | None]] = []
    for place, cells in rows:
        file, line, row_label = _split_place(place)

        def cell(what: str, cells: list[Any] = cells) -> Any:
            i = columns.get(what)
            return cells[i] if i is not None and i < len(cells) else None

        identifier = _text(cell("id"))
        log_fc, fdr = _number(cell("log_fc")), _number(cell("fdr"))
        bad = []
        if identifier is None:
            bad.append((header[columns["id"]], "the identifier is empty", "give a gene symbol, HGNC id or UniProt id"))
        if log_fc is None:
            bad.append(
                (
                    header[columns["log_fc"]],
                    f"{cell('log_fc')!r} is not a number",
                    "write the log fold change as a number (e.g. 1.5 or -0.8)",
                )
            )
        if fdr is None or not 0 <= fdr <= 1:
            what = "is not a number" if fdr is None else "is not between 0 and 1"
            bad.append((header[columns["fdr"]], f"{cell('fdr')!r} {what}", "write the adjusted p value (0 to 1)"))
        if bad:
            problems += [
                Problem(file, line, f"{row_label}, {col}" if row_label else col, msg, hint) for col, msg, hint in bad
            ]
            continue
        assert identifier is not None and log_fc is not None and fdr is not None
        parsed.append((place, identifier, log_fc, fdr, _text(cell("time")), _text(cell("source")) or source or label))
    if problems:
        raise DataError(problems)
    matcher = _Matcher(kg)
    measured: list[Measurement] = []
    unmatched: list[UnmatchedRow] = []
    for place, identifier, log_fc, fdr, time, study in parsed:
        hits = matcher.match(identifier)
        if not hits:
            unmatched.append(UnmatchedRow(identifier, place))
        measured += [Measurement(n, identifier, how, log_fc, fdr, time, study, place) for n, how in hits]
    return Overlay(title, tuple(measured), tuple(unmatched), len(rows), fdr_threshold, kg)


def metamex_path() -> Path:
    """Return the path of the bundled MetaMEx extract (a CSV file).

    Examples
    --------
    >>> metamex_path().name
    'metamex_acute_timeline.csv'
    """
    return _overlay_folder() / "metamex_acute_timeline.csv"


def metamex(kg: MetaGraph | None = None, *, fdr_threshold: float = 0.05) -> Overlay:
    """Return the bundled MetaMEx extract on a graph: human muscle transcripts after one bout of exercise.

    MetaMEx (Pillon et al. 2020, *Nat Commun* 11:470, doi:10.1038/s41467-019-13869-w)
    meta-analyses public human skeletal-muscle transcriptomes; its acute timeline gives
    each gene's log fold change against the pre-exercise biopsy at 0-1, 2-3, 4-6, 24 and
    48 h after a bout, with a Benjamini-Hochberg FDR. The extract holds those rows for
    the genes of the bundled graph; it is read offline from ``data/overlay/``.

    Parameters
    ----------
    kg
        The graph to attach it to (default: the bundled graph).
    fdr_threshold
        Below this FDR a change counts as significant.

    Examples
    --------
    >>> ov = metamex()
    >>> best = max(ov.measurements("PGC-1α"), key=lambda m: m.log_fc)
    >>> best.time, round(best.log_fc, 1), best.fdr < 1e-20
    ('2-3 h', 2.4, True)
    >>> max(abs(m.log_fc) for m in ov.measurements("FNDC5") if m.time in ("0-1 h", "2-3 h", "4-6 h")) < 0.1
    True
    """
    if kg is None:
        from metagraph.loader import load

        kg = load()
    result = overlay(kg, metamex_path(), source=_METAMEX_SOURCE, fdr_threshold=fdr_threshold)
    return Overlay(
        "MetaMEx acute exercise timeline (human skeletal muscle; Pillon et al. 2020)",
        result.measurements_,
        result.unmatched,
        result.rows,
        fdr_threshold,
        kg,
    )
