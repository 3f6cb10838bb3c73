"""The graph's self-audit: what its answers rest on, and the structural problems that make them wrong.

:func:`audit` reads every edge and evidence item once and returns an :class:`AuditReport`:

* what the edges rest on: edges by evidence type (ECO), and the hedged, contested,
  joint (from a group node), inferred (curator inference only), negated and summary
  edges;
* what a reader cannot check: evidence items without a quote (and whether they carry a
  finding), references without PMID or DOI that experimental items cite, approximate
  identifiers (close, broad, narrow and related matches) and nodes without any identifier;
* **problems**, which make :attr:`AuditReport.ok` false (and ``metagraph audit`` exit 1):
  a quote not found verbatim in its own reference's text; a quote filed under one
  reference but found in another reference's text and not its own (a paper cited with
  the article's sentence); an experimental item without species or system, or whose
  reference has neither PMID nor DOI; a curator inference carrying a quote.

Quotes are checked against the texts given in ``sources``: whitespace is collapsed and
typographic quotation marks, apostrophes, dashes and ellipses are written plainly, in
the quote and the text alike, so a line break or a curly quote never hides a match,
while a changed word always shows. Each text is normalised once and searched with
``in``, so the check takes time linear in the texts' length per quote.
"""

from __future__ import annotations

import difflib
import html
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph.errors import MetagraphError
from metagraph.schema import EvidenceType, Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge

__all__ = ["AuditIssue", "AuditReport", "audit", "normalise_text", "read_sources"]

#: Typographic characters written plainly before quotes are compared (quote and text alike).
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00ad": None,  # a soft hyphen is invisible in the text a curator reads
        "\u200b": None,
    }
)

#: Suffixes of the files ``--sources DIR`` reads, named ``<reference key><suffix>``.
SOURCE_SUFFIXES = (".txt", ".md")
#: The most windows compared when looking for the passage closest to a quote not found.
_MAX_WINDOWS = 40


def normalise_text(text: str) -> str:
    """Return ``text`` with typographic quotes, dashes and ellipses plain and whitespace collapsed.

    Quotes and source texts go through this same function before one is looked for in the
    other.

    Examples
    --------
    >>> normalise_text("the “myokine”\\n  secretome — in  muscle’s cells")
    'the "myokine" secretome - in muscle\\'s cells'
    """
    return " ".join(text.translate(_PLAIN).split())


@dataclass(frozen=True)
class AuditIssue:
    """One structural problem the audit found.

    Parameters
    ----------
    kind
        ``quote_not_found``, ``misattributed_quote``, ``experimental_incomplete``,
        ``experimental_unidentified_reference`` or ``inference_with_quote``.
    where
        The evidence item: ``source -key-> target, evidence[i]``.
    reference
        The key of the reference the item is filed under.
    message
        What is wrong and how to fix it.
    closest
        For a quote not found: the passage of the reference's text closest to it.
    found_in
        For a misattributed quote: the references whose text holds it verbatim.

    Examples
    --------
    >>> str(AuditIssue("inference_with_quote", "a -activates-> b, evidence[0]", "r", "drop the quote"))
    'inference_with_quote: a -activates-> b, evidence[0] (r): drop the quote'
    """

    kind: str
    where: str
    reference: str
    message: str
    closest: str | None = None
    found_in: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = f"{self.kind}: {self.where} ({self.reference}): {self.message}"
        if self.closest:
            text += f"; closest passage: “{self.closest}”"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return the issue as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "where": self.where,
            "reference": self.reference,
            "message": self.message,
            "closest": self.closest,
            "found_in": list(self.found_in),
        }


#: The edge properties the report counts, in the order it shows them.
EDGE_FLAGS = ("hedged", "contested", "joint", "inferred", "negated", "summary")


@dataclass(frozen=True)
class AuditReport:
    """What a graph's answers rest on, and its structural problems: the result of :func:`audit`.

    Attributes
    ----------
    edges, references
        How many edges and references the graph has.
    by_type
        Evidence type → ``(edges with at least one such item, items)``.
    flagged
        Edge property (``hedged``, ``contested``, ``joint``, ``inferred``, ``negated``,
        ``summary``) → the edges that have it (``source -key-> target``).
    unquoted
        Evidence items without a quote: ``(where, reference, type, has_finding)``.
    unidentified_references
        Keys of the references without PMID or DOI that experimental items cite.
    approximate
        Approximate identifiers: ``(node id, match type, identifier)``.
    unidentified_nodes
        Ids of the nodes without any identifier (exact or approximate).
    texts
        Keys of the references whose text was given, so whose quotes were checked.
    quotes_checked, quotes_found
        Quotes filed under those references, and how many were found in their own text.
    issues
        The structural problems (:class:`AuditIssue`).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> report = sample_graph().audit()
    >>> report.ok, report.by_type["author_statement"][0] == report.edges
    (True, True)
    >>> print(str(report).splitlines()[0])
    Audit: 32 edges, 2 references; quotes not checked (no source texts given)
    """

    edges: int
    references: int
    by_type: Mapping[str, tuple[int, int]]
    flagged: Mapping[str, tuple[str, ...]]
    unquoted: tuple[tuple[str, str, str, bool], ...] = ()
    unidentified_references: tuple[str, ...] = ()
    approximate: tuple[tuple[str, str, str], ...] = ()
    unidentified_nodes: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    quotes_checked: int = 0
    quotes_found: int = 0
    issues: tuple[AuditIssue, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when the audit found no structural problem."""
        return not self.issues

    # -- the report as sections of tables, shared by every output -----------------------
    def _headline(self) -> str:
        head = f"Audit: {self.edges} edges, {self.references} references; "
        if self.texts:
            head += (
                f"{self.quotes_found} of {self.quotes_checked} quotes found in their reference's text"
                f" ({', '.join(self.texts)})"
            )
        else:
            head += "quotes not checked (no source texts given)"
        return head

    def _verdict(self) -> str:
        if self.ok:
            return "OK: no structural problem."
        n = len(self.issues)
        return f"NOT OK: {n} structural problem{'s' if n != 1 else ''}."

    def _sections(self) -> list[tuple[str, list[str], list[list[Any]]]]:
        sections: list[tuple[str, list[str], list[list[Any]]]] = [
            (
                "Edges by evidence type",
                ["evidence type", "ECO", "edges", "items"],
                [[t, EvidenceType(t).eco, e, i] for t, (e, i) in self.by_type.items()],
            ),
            (
                "Edges to read with care",
                ["property", "edges"],
                [[flag, len(self.flagged.get(flag, ()))] for flag in EDGE_FLAGS],
            ),
        ]
        for flag in EDGE_FLAGS:
            edges = self.flagged.get(flag, ())
            if edges:
                sections.append((f"{flag.capitalize()} edges", ["edge"], [[e] for e in edges]))
        if self.unquoted:
            sections.append(
                (
                    "Evidence items without a quote",
                    ["item", "reference", "type", "finding"],
                    [[w, r, t, "yes" if f else "no"] for w, r, t, f in self.unquoted],
                )
            )
        if self.unidentified_references:
            sections.append(
                (
                    "References without PMID or DOI cited by experimental items",
                    ["reference"],
                    [[r] for r in self.unidentified_references],
                )
            )
        if self.approximate:
            sections.append(
                ("Approximate identifiers", ["node", "match", "identifier"], [list(a) for a in self.approximate])
            )
        if self.unidentified_nodes:
            sections.append(("Nodes without any identifier", ["node"], [[n] for n in self.unidentified_nodes]))
        if self.issues:
            sections.append(
                (
                    "Structural problems",
                    ["problem", "item", "reference", "what is wrong", "closest passage"],
                    [[i.kind, i.where, i.reference, i.message, i.closest] for i in self.issues],
                )
            )
        return sections

    def __str__(self) -> str:
        from metagraph.queries.tables import text_table

        parts = [self._headline()]
        for title, headers, rows in self._sections():
            if title == "Structural problems":
                # one problem a line: its message and closest passage are too long for a column
                parts.append(f"\n{title}\n" + "\n".join(f"  {issue}" for issue in self.issues))
            else:
                parts.append(f"\n{title}\n" + text_table(headers, rows))
        parts.append("\n" + self._verdict())
        return "\n".join(parts)

    def __repr__(self) -> str:
        return f"<AuditReport: {self.edges} edges, {len(self.issues)} problems>"

    def to_markdown(self) -> str:
        """Return the report in Markdown: a heading and a table per section.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> sample_graph().audit().to_markdown().splitlines()[2]
        '## Edges by evidence type'
        """
        from metagraph.queries.tables import markdown_table

        parts = [self._headline()]
        for title, headers, rows in self._sections():
            parts.append(f"## {title}\n\n" + markdown_table(headers, rows))
        parts.append(f"**{self._verdict()}**")
        return "\n\n".join(parts)

    def _repr_html_(self) -> str:
        from metagraph.queries.tables import html_table

        parts = [f"<p>{html.escape(self._headline())}</p>"]
        parts += [html_table(headers, rows, caption=title) for title, headers, rows in self._sections()]
        parts.append(f"<p><strong>{html.escape(self._verdict())}</strong></p>")
        return "".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as a JSON-ready dict.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> d = sample_graph().audit().to_dict()
        >>> d["ok"], sorted(d["flagged"]) == sorted(EDGE_FLAGS)
        (True, True)
        """
        return {
            "ok": self.ok,
            "edges": self.edges,
            "references": self.references,
            "by_type": {t: {"eco": EvidenceType(t).eco, "edges": e, "items": i} for t, (e, i) in self.by_type.items()},
            "flagged": {flag: list(self.flagged.get(flag, ())) for flag in EDGE_FLAGS},
            "unquoted": [{"where": w, "reference": r, "type": t, "has_finding": f} for w, r, t, f in self.unquoted],
            "unidentified_references": list(self.unidentified_references),
            "approximate": [{"node": n, "match": m, "identifier": c} for n, m, c in self.approximate],
            "unidentified_nodes": list(self.unidentified_nodes),
            "texts": list(self.texts),
            "quotes_checked": self.quotes_checked,
            "quotes_found": self.quotes_found,
            "issues": [i.to_dict() for i in self.issues],
        }

    def to_frame(self) -> Any:
        """Return every finding as a row of a ``pandas.DataFrame`` (needs pandas).

        Columns: ``section``, ``item``, ``detail`` and ``problem`` (True for the
        structural problems).
        """
        from metagraph.queries.tables import require_pandas

        pd = require_pandas("AuditReport.to_frame()")
        rows: list[dict[str, Any]] = []
        for flag in EDGE_FLAGS:
            rows += [{"section": flag, "item": e, "detail": "", "problem": False} for e in self.flagged.get(flag, ())]
        rows += [
            {"section": "unquoted", "item": w, "detail": f"{r} {t}" + (" (finding)" if f else ""), "problem": False}
            for w, r, t, f in self.unquoted
        ]
        rows += [
            {"section": "unidentified_reference", "item": r, "detail": "", "problem": False}
            for r in self.unidentified_references
        ]
        rows += [
            {"section": "approximate", "item": n, "detail": f"{m} {c}", "problem": False}
            for n, m, c in self.approximate
        ]
        rows += [
            {"section": "unidentified_node", "item": n, "detail": "", "problem": False} for n in self.unidentified_nodes
        ]
        rows += [{"section": i.kind, "item": i.where, "detail": i.message, "problem": True} for i in self.issues]
        return pd.DataFrame(rows, columns=["section", "item", "detail", "problem"])


# -- the source texts -----------------------------------------------------------------
SourceSpec = str | os.PathLike[str] | Mapping[str, "str | os.PathLike[str]"]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise MetagraphError(f"cannot read the source text {path}: {exc.strerror or exc}") from None


def read_sources(sources: SourceSpec | None) -> dict[str, str]:
    """Return reference key → text, from a folder or a mapping.

    Parameters
    ----------
    sources
        A folder whose files ``<reference key>.txt`` or ``.md`` hold the references'
        texts; or a mapping of reference key to a file path (:class:`os.PathLike`) or
        to the text itself (:class:`str`); or ``None`` (no texts).

    Raises
    ------
    MetagraphError
        The folder or a file does not exist or cannot be read.

    Examples
    --------
    >>> read_sources({"seed_article": "Exercise releases myokines."})
    {'seed_article': 'Exercise releases myokines.'}
    """
    if sources is None:
        return {}
    if isinstance(sources, Mapping):
        return {key: value if isinstance(value, str) else _read(Path(value)) for key, value in sources.items()}
    folder = Path(sources)
    if not folder.is_dir():
        raise MetagraphError(
            f"--sources {folder}: no such folder; give a folder of texts named <reference key>.txt or .md"
        )
    out: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in SOURCE_SUFFIXES and path.stem not in out:
            out[path.stem] = _read(path)
    return out


def _closest(quote: str, text: str) -> str | None:
    """The passage of ``text`` (both normalised) most like ``quote``, or None.

    Candidate places are where the quote's word pairs (or, failing those, its longest
    words) occur; at most ``_MAX_WINDOWS`` windows of the quote's length are compared, so
    the cost is linear in the text, never quadratic.
    """
    words = quote.split()
    if not words or not text:
        return None
    anchors = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)] or words
    anchors += sorted({w for w in words if len(w) > 2}, key=len, reverse=True)
    starts: list[int] = []
    for anchor in dict.fromkeys(anchors):
        at = text.find(anchor)
        if at >= 0:
            # place the window so the anchor sits where it sits in the quote
            starts.append(max(0, at - max(0, quote.find(anchor))))
        if len(starts) >= _MAX_WINDOWS:
            break
    if not starts:
        return None
    best, best_ratio = "", 0.0
    width = min(len(quote), 600)
    for start in dict.fromkeys(starts):
        window = text[start : start + width + 20]
        ratio = difflib.SequenceMatcher(None, quote[:600], window, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best.strip() if best_ratio >= 0.3 else None


# -- the audit --------------------------------------------------------------------------
def _label(edge: Edge) -> str:
    return f"{edge.source} -{edge.key}-> {edge.target}"


def _groups(edges: Iterable[Edge]) -> set[str]:
    return {e.target for e in edges if e.predicate is Predicate.MEMBER_OF}


def audit(graph: MetaGraph, *, sources: SourceSpec | None = None) -> AuditReport:
    """Audit the graph: what its edges rest on, what cannot be checked, and its structural problems.

    Parameters
    ----------
    graph
        The graph.
    sources
        The references' own texts, to check every quote against: a folder of files named
        ``<reference key>.txt`` or ``.md``, or a mapping of reference key to a file path
        or to the text itself (see :func:`read_sources`). Without texts, quotes are not
        checked.

    Returns
    -------
    AuditReport
        The report; ``report.ok`` is False when it found a structural problem.

    Raises
    ------
    MetagraphError
        A text is given for a key that is no reference of the graph, or cannot be read.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node, Edge, Reference
    >>> kg = MetaGraph(
    ...     [Node(id="ampk", name="AMPK", kind="signal", xrefs=["FPLX:AMPK"]),
    ...      Node(id="pgc1a", name="PGC-1α", kind="signal", close_matches=["HGNC:9237"])],
    ...     [Edge(source="ampk", target="pgc1a", predicate="activates", evidence=[
    ...         {"reference": "article", "quote": "AMPK activates PGC-1α", "hedged": True},
    ...         {"reference": "paper", "quote": "AMPK   activates PGC‑1α"}])],
    ...     [Reference(key="article", title="A"), Reference(key="paper", title="P", pmid="1")])
    >>> report = kg.audit(sources={"article": "Here, AMPK activates\\nPGC-1α.", "paper": "AMPK phosphorylates PGC-1α."})
    >>> report.ok
    False
    >>> print(report.issues[0])  # doctest: +NORMALIZE_WHITESPACE
    misattributed_quote: ampk -activates-> pgc1a, evidence[1] (paper): the quote is not in paper's text but is
    verbatim in article's: file it under article, or quote paper's own words;
    closest passage: “AMPK phosphorylates PGC-1α.”
    >>> report.approximate
    (('pgc1a', 'close', 'HGNC:9237'),)
    """
    texts = read_sources(sources)
    unknown = sorted(k for k in texts if k not in graph.references)
    if unknown and isinstance(sources, Mapping):
        known = list(graph.references)
        hints = []
        for key in unknown:
            close = difflib.get_close_matches(key, known, n=1)
            hints.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise MetagraphError(
            f"source texts given for keys that are no reference of the graph: {', '.join(hints)}; "
            "name each text by the key of the reference it is the text of"
        )
    # a folder may hold texts of works the graph does not cite: they still count as other texts
    plain = {key: normalise_text(text) for key, text in texts.items()}

    edges = graph.edges()
    groups = _groups(edges)
    by_type: dict[str, list[int]] = {t.value: [0, 0] for t in EvidenceType}
    flagged: dict[str, list[str]] = {flag: [] for flag in EDGE_FLAGS}
    unquoted: list[tuple[str, str, str, bool]] = []
    unidentified_refs: dict[str, None] = {}
    issues: list[AuditIssue] = []
    checked = found = 0

    for edge in edges:
        label = _label(edge)
        for t in dict.fromkeys(ev.type.value for ev in edge.evidence):
            by_type[t][0] += 1
        marks = {
            "hedged": edge.hedged,
            "contested": edge.contested,
            "joint": edge.source in groups and edge.predicate is not Predicate.MEMBER_OF,
            "inferred": edge.inferred,
            "negated": edge.negated,
            "summary": edge.summary,
        }
        for flag, on in marks.items():
            if on:
                flagged[flag].append(label)
        for i, ev in enumerate(edge.evidence):
            where = f"{label}, evidence[{i}]"
            by_type[ev.type.value][1] += 1
            ref = graph.references.get(ev.reference)
            if ev.quote is None:
                unquoted.append((where, ev.reference, ev.type.value, ev.finding is not None))
            if ev.type is EvidenceType.CURATOR_INFERENCE and ev.quote is not None:
                issues.append(
                    AuditIssue(
                        "inference_with_quote",
                        where,
                        ev.reference,
                        "a curator_inference item carries no quote: make it an author statement of the"
                        " reference whose words these are, or keep only the reasoning in 'finding'",
                    )
                )
            if ev.type is EvidenceType.EXPERIMENTAL:
                if ev.species is None or ev.system is None:
                    missing = " and ".join(f for f in ("species", "system") if getattr(ev, f) is None)
                    issues.append(
                        AuditIssue(
                            "experimental_incomplete",
                            where,
                            ev.reference,
                            f"an experimental item needs its {missing}",
                        )
                    )
                if ref is None or (ref.pmid is None and ref.doi is None):
                    unidentified_refs[ev.reference] = None
                    issues.append(
                        AuditIssue(
                            "experimental_unidentified_reference",
                            where,
                            ev.reference,
                            "an experimental finding must be traceable: give its reference a PMID or a DOI",
                        )
                    )
            if ev.quote is not None and plain:
                checked_here, issue = _check_quote(ev.quote, ev.reference, where, plain)
                if checked_here:
                    checked += 1
                    found += issue is None
                if issue is not None:
                    issues.append(issue)

    approximate = tuple(
        (node.id, match, curie)
        for node in graph.nodes()
        for match, curies in node.matches.items()
        if match != "exact"
        for curie in curies
    )
    unidentified_nodes = tuple(n.id for n in graph.nodes() if not any(n.matches.values()))
    return AuditReport(
        edges=len(edges),
        references=len(graph.references),
        by_type={t: (e, i) for t, (e, i) in by_type.items()},
        flagged={flag: tuple(labels) for flag, labels in flagged.items()},
        unquoted=tuple(unquoted),
        unidentified_references=tuple(unidentified_refs),
        approximate=approximate,
        unidentified_nodes=unidentified_nodes,
        texts=tuple(k for k in texts if k in graph.references),
        quotes_checked=checked,
        quotes_found=found,
        issues=tuple(issues),
    )


def _check_quote(quote: str, reference: str, where: str, plain: Mapping[str, str]) -> tuple[bool, AuditIssue | None]:
    """Check one quote: ``(whether its own text was given, the issue or None)``."""
    q = normalise_text(quote)
    own = plain.get(reference)
    if own is not None and q in own:
        return True, None
    elsewhere = tuple(k for k, text in plain.items() if k != reference and q in text)
    if elsewhere:
        others = ", ".join(f"{k}'s" for k in elsewhere)
        owner = elsewhere[0]
        if own is None:
            message = (
                f"{reference}'s text was not given, and the quote is verbatim in {others}: a work cited with"
                f" another's sentence; file it under {owner}, or give {reference}'s text (--source) if it says"
                " this too"
            )
        else:
            message = (
                f"the quote is not in {reference}'s text but is verbatim in {others}: file it under {owner},"
                f" or quote {reference}'s own words"
            )
        closest = _closest(q, own) if own is not None else None
        return own is not None, AuditIssue("misattributed_quote", where, reference, message, closest, elsewhere)
    if own is None:
        return False, None
    return True, AuditIssue(
        "quote_not_found",
        where,
        reference,
        f"the quote is not verbatim in {reference}'s text: copy the words exactly as the text has them",
        _closest(q, own),
    )
