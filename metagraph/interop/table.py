"""Read a CSV or TSV edge list (a signed interaction export, a spreadsheet) into a graph.

One row is one edge: a source, a target, and a predicate or a sign/effect word, with
optional reference (PMID, DOI or free text), quote, node kinds and identifiers. The
columns are found by their usual names (see :data:`FIELD_COLUMNS`); ``mapping``
names them for other layouts. Row numbers are the file's line numbers (the header
is line 1). Every problem of every row is collected first and raised together in
one :class:`~metagraph.DataError`, so a file is imported whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from pydantic import ValidationError

from metagraph._gc import collector_paused
from metagraph._names import normalize_name
from metagraph._validation import Origin, check_graph, with_article
from metagraph.errors import AmbiguousNodeError, DataError, MetagraphError, Problem, UnknownNodeError
from metagraph.models import CURIE_PATTERN, Edge, Node, Reference
from metagraph.schema import PREDICATES, Kind, Predicate, allowed_predicates

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["EFFECT_WORDS", "FIELD_COLUMNS", "KIND_WORDS", "read_table", "slugify"]

#: Our field → the column names it is found under (compared without case, spaces,
#: hyphens or underscores). ``mapping`` overrides these.
FIELD_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "source": ("source", "source_name", "subject", "from", "regulator", "entity_a", "interactor_a", "node1"),
        "target": ("target", "target_name", "object", "to", "regulated", "entity_b", "interactor_b", "node2"),
        "predicate": ("predicate", "relation", "relationship", "edge_type", "interaction"),
        "sign": ("sign", "effect", "direction", "effect_sign", "regulation", "mode"),
        "reference": ("reference", "references", "ref", "citation", "citations"),
        "pmid": ("pmid", "pmids", "pubmed", "pubmed_id"),
        "doi": ("doi", "dois"),
        "quote": ("quote", "sentence", "evidence_text", "excerpt", "statement"),
        "source_kind": ("source_kind", "source_type", "type_a", "subject_category"),
        "target_kind": ("target_kind", "target_type", "type_b", "object_category"),
        "source_xref": ("source_xref", "source_curie", "id_a"),
        "target_xref": ("target_xref", "target_curie", "id_b"),
        "source_db": ("source_db", "source_database", "database_a"),
        "target_db": ("target_db", "target_database", "database_b"),
        "location": ("location",),
        "modality": ("modality",),
    }
)

#: A sign or effect word → the predicates it can mean, preferred first. The first one
#: the schema allows between the two nodes' kinds is used (an activation of an
#: outcome becomes ``increases``).
EFFECT_WORDS: Mapping[str, tuple[Predicate, ...]] = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "+1",
                "1",
                "+",
                "positive",
                "up",
                "increase",
                "increases",
                "increased",
                "upregulates",
                "up regulates",
                "upregulation",
                "up regulates quantity",
                "up regulates quantity by expression",
                "up regulates quantity by stabilization",
                "induces",
                "promotes",
            ),
            (Predicate.INCREASES, Predicate.ACTIVATES),
        ),
        **dict.fromkeys(
            ("activation", "activates", "activate", "activated", "up regulates activity", "stimulates", "stimulation"),
            (Predicate.ACTIVATES, Predicate.INCREASES),
        ),
        **dict.fromkeys(
            (
                "-1",
                "-",
                "negative",
                "down",
                "decrease",
                "decreases",
                "decreased",
                "downregulates",
                "down regulates",
                "downregulation",
                "down regulates quantity",
                "down regulates quantity by repression",
                "down regulates quantity by destabilization",
                "reduces",
                "lowers",
            ),
            (Predicate.DECREASES, Predicate.INHIBITS),
        ),
        **dict.fromkeys(
            ("inhibition", "inhibits", "inhibit", "inhibited", "down regulates activity", "represses", "blocks"),
            (Predicate.INHIBITS, Predicate.DECREASES),
        ),
    }
)

#: Kind words of other resources → metagraph's kind (compared without case or spaces).
KIND_WORDS: Mapping[str, Kind] = MappingProxyType(
    {
        **{k.value: k for k in Kind},
        **dict.fromkeys(
            (
                "protein",
                "chemical",
                "smallmolecule",
                "complex",
                "proteinfamily",
                "mirna",
                "metabolite",
                "fusionprotein",
                "molecule",
                "kinase",
                "transcriptionfactor",
                "stimulus",
            ),
            Kind.SIGNAL,
        ),
        **dict.fromkeys(("cytokine", "hormone", "secretedprotein"), Kind.MYOKINE),
        **dict.fromkeys(("tissue", "anatomy", "anatomicalentity"), Kind.ORGAN),
        **dict.fromkeys(("celltype", "cellularcomponent", "organelle"), Kind.CELL),
        **dict.fromkeys(("biologicalprocess", "pathway", "bp"), Kind.PROCESS),
        **dict.fromkeys(("phenotype", "phenotypicfeature", "trait", "measurement"), Kind.OUTCOME),
        **dict.fromkeys(("disease", "disorder"), Kind.CONDITION),
        **dict.fromkeys(("intervention", "activity", "training"), Kind.EXERCISE),
    }
)

_DB_PREFIXES = {
    "uniprot": "UniProt",
    "uniprotkb": "UniProt",
    "chebi": "CHEBI",
    "hgnc": "HGNC",
    "mesh": "MESH",
    "go": "GO",
    "fplx": "FPLX",
    "famplex": "FPLX",
    "signor": "SIGNOR",
    "pubchem": "pubchem.compound",
    "ensembl": "ensembl",
    "ncbigene": "NCBIGene",
    "entrez": "NCBIGene",
}
_SUFFIX_DELIMITERS = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
_PMID = re.compile(r"^(?:pmid|pubmed)?\s*:?\s*(\d{1,9})$", re.IGNORECASE)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
# What a Reference accepts as a DOI (models.py): a suffix after the slash.
_WHOLE_DOI = re.compile(r"10\.\d{4,9}/\S+")
_CURIE = re.compile(CURIE_PATTERN)
_WORDS = re.compile(r"[\s/,;:()\[\]{}+_]+")


def slugify(name: str) -> str:
    """Make a node id or reference key from a name, the way the bundled ids are written.

    Words become lower-case ASCII joined by ``_``; hyphens inside a word and other
    punctuation are dropped and Greek letters become their Latin letter.

    Examples
    --------
    >>> slugify("PGC-1α"), slugify("IL-6"), slugify("white adipose tissue"), slugify("10.1038/nrendo.2012.49")
    ('pgc1a', 'il6', 'white_adipose_tissue', '10_1038_nrendo_2012_49')
    """
    words = (normalize_name(w) for w in _WORDS.split(name.replace(".", " ")))
    return "_".join(w for w in words if w)


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text.strip().casefold())


def _norm_word(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


@dataclass
class _NodeDraft:
    id: str
    name: str
    kind: Kind | None
    kind_row: int | None  # the row that gave the kind; None when no row gave it (default, or implied)
    row: int
    xrefs: list[str] = field(default_factory=list)
    model: Node | None = None  # a node taken whole from the reference graph


@dataclass
class _EdgeDraft:
    source: str
    target: str
    predicate: Predicate
    location: str | None
    modality: str | None
    row: int
    # Plain items ({reference, quote, provenance}), validated with the edge in one batch (see _build).
    evidence: list[dict[str, str]] = field(default_factory=list)


class _Importer:
    """The state of one import: the nodes, edges and references met so far, and the problems."""

    def __init__(self, path: Path, default_kind: Kind, reference: MetaGraph | None) -> None:
        self.file = str(path)
        self.label = path.name
        self.default_kind = default_kind
        self.reference = reference
        self.problems: list[Problem] = []
        self.nodes: dict[str, _NodeDraft] = {}  # normalised name → draft
        self.normalized: dict[str, str] = {}  # name as written → normalised (names recur row after row)
        self.ids: dict[str, _NodeDraft] = {}
        self.failed: set[str] = set()  # ids of the nodes that failed validation (and are reported)
        self.edges: dict[tuple[str, str, str], _EdgeDraft] = {}
        # Reference records as plain dicts (those of the reference graph as they are), validated in one batch.
        self.refs: dict[str, Reference | dict[str, str]] = {}
        self.unkept: list[tuple[int, dict[str, str] | Reference]] = []  # (row, record) made again differently
        self.ref_rows: dict[str, int] = {}
        self.by_pmid: dict[str, Reference] = {}
        self.by_doi: dict[str, Reference] = {}
        self.by_xref: dict[str, list[str]] = {}
        if reference is not None:
            for ref in reference.references.values():
                if ref.pmid:
                    self.by_pmid.setdefault(ref.pmid, ref)
                if ref.doi:
                    self.by_doi.setdefault(ref.doi.casefold(), ref)
            for node in reference.nodes():
                for x in node.xrefs:
                    self.by_xref.setdefault(x.casefold(), []).append(node.id)

    def problem(self, row: int, column: str | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, row, f"column {column!r}" if column else "", message, hint))

    # -- nodes -----------------------------------------------------------------------
    def kind_of(self, row: int, column: str, value: str) -> Kind | None:
        kind = KIND_WORDS.get(_norm_header(value))
        if kind is None:
            self.problem(
                row,
                column,
                f"unknown kind {value!r}",
                "use one of: " + ", ".join(k.value for k in Kind) + " (or leave it empty for the default)",
            )
        return kind

    def xref_of(self, row: int, column: str, value: str, db: str) -> str | None:
        value = value.strip()
        if db and ":" not in value:
            value = f"{_DB_PREFIXES.get(db.strip().casefold(), db.strip())}:{value}"
        if not _CURIE.match(value):
            self.problem(
                row,
                column,
                f"{value!r} is not an identifier of the form PREFIX:ID",
                "write it as e.g. 'UniProt:P05231', or give the database in its own column",
            )
            return None
        return value

    def node_for(
        self,
        row: int,
        column: str,
        name: str,
        kind: Kind | None,
        xref: str | None,
        *,
        exact: bool = False,
        implied: Kind | None = None,
    ) -> str | None:
        """The id of the node a name means, creating it when new; None after a problem.

        ``kind`` is what the row says (``exact`` when written as a metagraph kind rather
        than another resource's word for it); ``implied`` is the kind a new node gets when
        nothing says otherwise (a location is an organ).
        """
        key = self.normalized.get(name)
        if key is None:
            key = self.normalized[name] = normalize_name(name)
        if not key:
            self.problem(row, column, f"the name {name!r} has no letters or digits", "write the node's name")
            return None
        draft = self.nodes.get(key)
        if draft is None:
            draft = self._new_node(row, column, name, kind, xref, implied)
            if draft is None:
                return None
            self.nodes[key] = draft
        if kind is None:
            return draft.id
        if draft.model is not None:
            if exact and kind != draft.model.kind:
                self.problem(
                    row,
                    column,
                    f"{name!r} is {with_article(draft.model.kind.value)} in the reference graph "
                    f"({draft.id!r}) but {with_article(kind.value)} here",
                    "drop the kind or make it agree",
                )
        elif draft.kind is None or draft.kind_row is None:  # no kind yet, or only one implied by a column
            draft.kind, draft.kind_row = kind, row
        elif draft.kind != kind:
            self.problem(
                row,
                column,
                f"{name!r} is {with_article(kind.value)} here but "
                f"{with_article(draft.kind.value)} on row {draft.kind_row}",
                "give each node one kind",
            )
        if xref and draft.model is None and xref not in draft.xrefs:
            draft.xrefs.append(xref)
        return draft.id

    def _new_node(
        self, row: int, column: str, name: str, kind: Kind | None, xref: str | None, implied: Kind | None
    ) -> _NodeDraft | None:
        known = self._resolve(row, column, name, xref)
        if known is False:
            return None
        if isinstance(known, Node):
            draft = self.ids.get(known.id)
            if draft is None:
                draft = _NodeDraft(known.id, known.name, known.kind, row, row, model=known)
                self.ids[known.id] = draft
            return draft
        base = slugify(name)
        node_id, n = base, 2
        while node_id in self.ids or (self.reference is not None and node_id in self.reference.nx):
            node_id, n = f"{base}_{n}", n + 1
        draft = _NodeDraft(node_id, name.strip(), kind or implied, row if kind else None, row, [xref] if xref else [])
        self.ids[node_id] = draft
        return draft

    def _resolve(self, row: int, column: str, name: str, xref: str | None) -> Node | bool | None:
        """The reference graph's node this name (or identifier) means; False after a problem."""
        if self.reference is None:
            return None
        try:
            return self.reference.node(name)
        except AmbiguousNodeError as exc:
            self.problem(
                row,
                column,
                f"{name!r} could mean any of {', '.join(exc.candidates)} in the reference graph",
                "write the id of the node you mean",
            )
            return False
        except UnknownNodeError:
            pass
        ids = list(dict.fromkeys(self.by_xref.get(xref.casefold(), []))) if xref else []
        return self.reference.node(ids[0]) if len(ids) == 1 else None

    # -- references --------------------------------------------------------------------
    def references_of(self, row: int, cells: Mapping[str, tuple[str, str]]) -> list[str]:
        keys: list[str] = []
        items: list[tuple[str, str, str]] = []  # (column, kind, value)
        if "pmid" in cells:
            col, text = cells["pmid"]
            items += [(col, "pmid", v) for v in re.split(r"[;,|\s]+", text) if v]
        if "doi" in cells:
            col, text = cells["doi"]
            items += [(col, "doi", v) for v in re.split(r"\s*\|\s*|[;,]\s+|\s+", text) if v]
        if "reference" in cells:
            col, text = cells["reference"]
            items += [(col, "any", v) for v in re.split(r"\s*[;|]\s*", text) if v.strip()]
        for col, how, value in items:
            key = self._reference(row, col, how, value.strip())
            if key and key not in keys:
                keys.append(key)
        return keys

    def _reference(self, row: int, column: str, how: str, value: str) -> str | None:
        pmid = _PMID.match(value) if how in ("pmid", "any") else None
        doi = _DOI.match(value) if how in ("doi", "any") and not pmid else None
        if doi and not _WHOLE_DOI.fullmatch(doi.group(1).rstrip(".")):
            # "10.1234/." is a prefix with no suffix once its trailing full stop goes: no DOI at all.
            self.problem(
                row,
                column,
                f"{value!r} is not a whole DOI (nothing after the '/')",
                "a DOI is '10.', a registrant code, '/' and a suffix (10.1038/nrendo.2012.49)",
            )
            return None
        if pmid:
            number = pmid.group(1)
            ref = self.by_pmid.get(number) or {
                "key": f"pmid_{number}",
                "type": "article",
                "title": f"PubMed {number}",
                "pmid": number,
                "note": f"cited by {self.label}; title not looked up",
            }
        elif doi:
            text = doi.group(1).rstrip(".")
            ref = self.by_doi.get(text.casefold()) or {
                "key": f"doi_{slugify(text)}",
                "type": "article",
                "title": f"doi:{text}",
                "doi": text,
                "note": f"cited by {self.label}; title not looked up",
            }
        elif how == "any" and slugify(value):
            ref = {
                "key": f"ref_{slugify(value)[:60].rstrip('_')}",
                "type": "other",
                "title": value,
                "note": f"cited by {self.label}",
            }
        else:
            what = "PubMed id" if how == "pmid" else "DOI" if how == "doi" else "reference"
            self.problem(
                row,
                column,
                f"{value!r} is not a {what}",
                "a PubMed id is digits (12345678), a DOI starts with '10.' (10.1038/nrendo.2012.49)",
            )
            return None
        return self._keep(row, ref)

    def _keep(self, row: int, ref: Reference | dict[str, str]) -> str:
        """Keep the first reference made under a key; a different one made later is validated all the same."""
        key = ref.key if isinstance(ref, Reference) else ref["key"]
        kept = self.refs.setdefault(key, ref)
        if kept is not ref and kept != ref:
            self.unkept.append((row, ref))
        self.ref_rows.setdefault(key, row)
        return key

    def file_reference(self, row: int) -> str:
        key = slugify(self.label) or "imported_table"
        while key in self.refs and _field(self.refs[key], "type") != "dataset":
            key += "_file"
        if key not in self.refs:
            note = "the imported table itself (its rows cite no reference)"
            self._keep(row, {"key": key, "type": "dataset", "title": self.label, "note": note})
        self.ref_rows.setdefault(key, row)
        return key


def _field(ref: Reference | dict[str, str], name: str) -> str:
    return str(getattr(ref, name) if isinstance(ref, Reference) else ref[name])


def _check_delimiter(delimiter: str) -> None:
    if len(delimiter) != 1 or delimiter in '\r\n"' or delimiter.isalnum():
        raise MetagraphError(
            f"the delimiter must be one character other than a letter, a digit, a quote or a line break, "
            f"got {delimiter!r}; e.g. delimiter=',' or delimiter='\\t' (--delimiter ',' or --delimiter $'\\t')"
        )


def _sniff(text: str, path: Path, delimiter: str | None) -> str:
    if delimiter is not None:
        _check_delimiter(delimiter)
        return delimiter
    expected = _SUFFIX_DELIMITERS.get(path.suffix.lower())
    if expected and expected in text.partition("\n")[0]:
        return expected
    try:  # no suffix, or a ".csv" separated by ';' as spreadsheets write it in many locales
        return csv.Sniffer().sniff(text[:8192], delimiters=",\t;|").delimiter
    except csv.Error as exc:
        raise DataError(
            [
                Problem(
                    str(path),
                    1,
                    "",
                    "cannot tell which character separates the columns",
                    "name the file .csv or .tsv, or pass delimiter=','",
                )
            ]
        ) from exc


def _columns(header: list[str], mapping: Mapping[str, str] | None, file: str) -> dict[str, int]:
    """Our field → the index of its column; raise with every missing or unknown column."""
    problems: list[Problem] = []
    mapping = dict(mapping or {})
    for name in mapping:
        if name not in FIELD_COLUMNS:
            problems.append(
                Problem(file, None, "mapping", f"unknown field {name!r}", "the fields are " + ", ".join(FIELD_COLUMNS))
            )
    by_norm: dict[str, int] = {}
    for i, h in enumerate(header):
        by_norm.setdefault(_norm_header(h), i)
    found: dict[str, int] = {}
    for name, aliases in FIELD_COLUMNS.items():
        if name in mapping:
            col = mapping[name]
            index = header.index(col) if col in header else by_norm.get(_norm_header(col))
            if index is None:
                problems.append(
                    Problem(
                        file,
                        1,
                        "header",
                        f"no column {col!r} (mapped to {name!r})",
                        "the columns are " + ", ".join(repr(h) for h in header),
                    )
                )
            else:
                found[name] = index
            continue
        for alias in aliases:
            index = by_norm.get(_norm_header(alias))
            if index is not None and index not in found.values():
                found[name] = index
                break
    for name in ("source", "target"):
        if name not in found and name not in mapping:
            problems.append(
                Problem(
                    file,
                    1,
                    "header",
                    f"no column for the {name}",
                    f"name a column {name!r}, or pass mapping={{'{name}': 'YourColumn'}}",
                )
            )
    if "predicate" not in found and "sign" not in found and not ({"predicate", "sign"} & set(mapping)):
        problems.append(
            Problem(
                file,
                1,
                "header",
                "no column for the predicate or the sign",
                "add a 'predicate' column (activates, inhibits, ...) or a 'sign' column (+1/-1, "
                "activation/inhibition), or map one with mapping={'sign': 'YourColumn'}",
            )
        )
    if problems:
        raise DataError(problems)
    return found


def _effect(value: str) -> tuple[Predicate, ...]:
    """The predicates a sign or effect cell can mean (empty when none)."""
    raw = value.strip().casefold()
    if raw in EFFECT_WORDS:
        return EFFECT_WORDS[raw]
    try:
        number = float(raw)
    except ValueError:
        number = None
    if number is not None:
        return EFFECT_WORDS["+1"] if number > 0 else EFFECT_WORDS["-1"] if number < 0 else ()
    word = _norm_word(raw)
    if word in EFFECT_WORDS:
        return EFFECT_WORDS[word]
    try:
        return (Predicate(word.replace(" ", "_")),)
    except ValueError:
        return ()


def _choose_predicate(
    imp: _Importer, row: int, cells: Mapping[str, tuple[str, str]], kinds: tuple[Kind, Kind]
) -> Predicate | None:
    allowed = allowed_predicates(*kinds)
    explicit = None
    if "predicate" in cells:
        col, value = cells["predicate"]
        try:  # a predicate's own name is taken as written; an effect word picks what the kinds allow
            explicit = Predicate(_norm_word(value).replace(" ", "_"))
        except ValueError:
            words = _effect(value)
            if not words:
                imp.problem(
                    row, col, f"unknown predicate {value!r}", "use one of: " + ", ".join(p.value for p in Predicate)
                )
                return None
            explicit = next((p for p in words if p in allowed), words[0])
    candidates: tuple[Predicate, ...] = ()
    if "sign" in cells:
        col, value = cells["sign"]
        candidates = _effect(value)
        if not candidates:
            imp.problem(
                row,
                col,
                f"unknown sign or effect {value!r}",
                "use +1/-1, up/down, activation/inhibition, increases/decreases or a predicate name",
            )
            return None
    if explicit is not None:
        if candidates and PREDICATES[explicit].sign != PREDICATES[candidates[0]].sign:
            col, value = cells["sign"]
            imp.problem(
                row,
                col,
                f"the sign {value!r} contradicts the predicate {explicit.value!r}",
                "fix one of the two columns",
            )
            return None
        chosen = explicit
    elif candidates:
        chosen = next((p for p in candidates if p in allowed), candidates[0])
    else:
        col = (cells.get("predicate") or cells.get("sign") or ("", ""))[0]
        imp.problem(row, col or None, "no predicate or sign", "fill in the predicate or the sign of the edge")
        return None
    if chosen not in allowed:
        fits = ", ".join(p.value for p in allowed) or "none"
        imp.problem(
            row,
            (cells.get("predicate") or cells.get("sign") or ("", ""))[0] or None,
            f"{chosen.value!r} cannot join {with_article(kinds[0].value)} to {with_article(kinds[1].value)}",
            f"predicates allowed between these kinds: {fits}; or fix the kinds",
        )
        return None
    return chosen


@dataclass
class _Row:
    row: int
    cells: dict[str, tuple[str, str]]
    source: str
    target: str
    location: str | None
    modality: str | None
    raw: str


def _read_row(
    imp: _Importer, row: int, values: list[str], columns: Mapping[str, int], header: list[str], raw: str
) -> _Row | None:
    """First pass over a row: its cells and its nodes (whose kinds later rows may still give)."""
    if len(values) > len(header):
        imp.problem(
            row,
            None,
            f"the row has {len(values)} cells but the header has {len(header)} columns",
            "check the separators and quotes of this row",
        )
        return None
    cells = {
        name: (header[i], values[i].strip()) for name, i in columns.items() if i < len(values) and values[i].strip()
    }
    ok = True
    for name in ("source", "target"):
        if name not in cells:
            imp.problem(row, header[columns[name]], f"the {name} is empty", f"fill in the {name} node's name")
            ok = False
    if not ok:
        return None
    ends: list[str | None] = []
    for end in ("source", "target"):
        kind, exact = None, False
        if f"{end}_kind" in cells:
            column, value = cells[f"{end}_kind"]
            kind = imp.kind_of(row, column, value)
            exact = _norm_header(value) in {k.value for k in Kind}
            if kind is None:
                ends.append(None)
                continue
        xref = None
        if f"{end}_xref" in cells:
            db = cells.get(f"{end}_db", ("", ""))[1]
            xref = imp.xref_of(row, cells[f"{end}_xref"][0], cells[f"{end}_xref"][1], db)
        ends.append(imp.node_for(row, cells[end][0], cells[end][1], kind, xref, exact=exact))
    qualifiers: dict[str, str | None] = {}
    for name, kind in (("location", Kind.ORGAN), ("modality", Kind.EXERCISE)):
        qualifiers[name] = None
        if name in cells:
            qualifiers[name] = imp.node_for(row, *cells[name], None, None, implied=kind)
            ok = ok and qualifiers[name] is not None
    source, target = ends
    if source is None or target is None or not ok:
        return None
    return _Row(row, cells, source, target, qualifiers["location"], qualifiers["modality"], raw)


def _add_edge(imp: _Importer, r: _Row) -> None:
    """Second pass over a row, once every node's kind is known: its predicate, references and edge."""
    kinds = (imp.ids[r.source].kind or imp.default_kind, imp.ids[r.target].kind or imp.default_kind)
    predicate = _choose_predicate(imp, r.row, r.cells, kinds)
    refs = imp.references_of(r.row, r.cells)
    if predicate is None:
        return
    if not refs:
        if any(k in r.cells for k in ("pmid", "doi", "reference")):
            return  # every reference of the row was bad, and is reported
        refs = [imp.file_reference(r.row)]
    quote = r.cells["quote"][1] if "quote" in r.cells else r.raw
    provenance = f"{imp.label}:{r.row}"
    evidence = [{"reference": k, "quote": quote, "provenance": provenance} for k in refs]
    # Only the key is wanted here (as Edge.key makes it); the edge is validated once, when the graph is built.
    key = predicate.value + (f"@{r.location}" if r.location else "") + (f"[{r.modality}]" if r.modality else "")
    draft = imp.edges.get((r.source, r.target, key))
    if draft is None:
        imp.edges[(r.source, r.target, key)] = _EdgeDraft(
            r.source, r.target, predicate, r.location, r.modality, r.row, evidence
        )
    else:
        draft.evidence += [e for e in evidence if e not in draft.evidence]


@dataclass
class _Imported:
    """The validated records of an imported table, in the order the graph built from them lists them."""

    nodes: list[Node]
    edges: list[Edge]
    references: list[Reference]

    def graph(self) -> MetaGraph:
        from metagraph.graph import MetaGraph

        return MetaGraph(self.nodes, self.edges, self.references, validate=False)


def _build(imp: _Importer) -> _Imported:
    """Validate the drafts (each kind of record in one pass of pydantic) and check the whole graph."""
    from pydantic import TypeAdapter

    # References first: a bad one raises at once (made from a row's cell, it is the row that is wrong).
    refs = [(r, Origin(imp.file, imp.ref_rows[r.key])) for r in _references(imp)]
    nodes: list[tuple[Node, Origin]] = []
    fresh = [d for d in imp.ids.values() if d.model is None]
    plain: list[dict[str, object]] = [
        {"id": d.id, "name": d.name, "kind": d.kind or imp.default_kind, "xrefs": d.xrefs} for d in fresh
    ]
    try:  # one call for all: validating record by record costs pydantic's set-up every time
        made = iter(TypeAdapter(list[Node]).validate_python(plain))
    except ValidationError:
        made = iter(_nodes_one_by_one(imp, fresh, plain))
    for draft in imp.ids.values():
        if draft.model is not None:
            nodes.append((draft.model, Origin(imp.file, draft.row)))
        elif draft.id not in imp.failed:
            nodes.append((next(made), Origin(imp.file, draft.row)))
    plain_edges: list[dict[str, object]] = [
        {
            "source": e.source,
            "target": e.target,
            "predicate": e.predicate,
            "evidence": e.evidence,
            "location": e.location,
            "modality": e.modality,
        }
        for e in imp.edges.values()
    ]
    try:
        models = TypeAdapter(list[Edge]).validate_python(plain_edges)
    except ValidationError:  # the first bad edge raises its own error, as validating it alone does
        models = [Edge.model_validate(e) for e in plain_edges]
    edges = [(m, Origin(imp.file, e.row)) for m, e in zip(models, imp.edges.values(), strict=True)]
    imp.problems += check_graph(nodes, edges, refs)
    if imp.problems:
        imp.problems.sort(key=lambda p: p.line or 0)
        raise DataError(imp.problems)
    return _Imported([n for n, _ in nodes], _graph_order(nodes, edges), [r for r, _ in refs])


def _references(imp: _Importer) -> list[Reference]:
    """The reference records, validated: a bad one raises its own error, as making it alone does."""
    from pydantic import TypeAdapter

    made = [*imp.refs.values(), *(r for _, r in imp.unkept)]
    try:
        return TypeAdapter(list[Reference]).validate_python(made)[: len(imp.refs)]
    except ValidationError:
        in_order = sorted([*((imp.ref_rows[k], r) for k, r in imp.refs.items()), *imp.unkept], key=lambda x: x[0])
        for _, ref in in_order:
            Reference.model_validate(ref)
        raise


def _nodes_one_by_one(imp: _Importer, drafts: list[_NodeDraft], plain: list[dict[str, object]]) -> list[Node]:
    """Validate node by node, reporting each bad node as a problem of the row that made it."""
    made: list[Node] = []
    for draft, data in zip(drafts, plain, strict=True):
        try:
            made.append(Node.model_validate(data))
        except ValidationError as exc:
            imp.failed.add(draft.id)
            for err in exc.errors(include_url=False):
                imp.problem(draft.row, None, f"node {draft.name!r}: {err['msg']}")
    return made


def _graph_order(nodes: list[tuple[Node, Origin]], edges: list[tuple[Edge, Origin]]) -> list[Edge]:
    """The edges in the order a graph of these records lists them: by source, then target, as first met."""
    by_source: dict[str, dict[str, list[Edge]]] = {n.id: {} for n, _ in nodes}
    for edge, _ in edges:
        by_source[edge.source].setdefault(edge.target, []).append(edge)
    return [e for targets in by_source.values() for parallel in targets.values() for e in parallel]


def read_table(
    path: str | os.PathLike[str],
    *,
    mapping: Mapping[str, str] | None = None,
    default_kind: str | Kind = "signal",
    reference: MetaGraph | None = None,
    delimiter: str | None = None,
) -> MetaGraph:
    """Read a CSV/TSV edge list into a new graph, or raise one error listing every bad row.

    Parameters
    ----------
    path
        A ``.csv`` or ``.tsv`` file (another suffix: the delimiter is guessed). The first
        row is the header; empty rows are skipped.
    mapping
        Our field → the file's column, for columns not named as in :data:`FIELD_COLUMNS`
        (fields: source, target, predicate, sign, reference, pmid, doi, quote,
        source_kind, target_kind, source_xref, target_xref, source_db, target_db,
        location, modality).
    default_kind
        Kind of a new node whose row gives no kind.
    reference
        A graph to resolve the names against (e.g. ``metagraph.load()``): a name or
        identifier it knows becomes its node (id, kind and all), so that the result
        merges into it cleanly; PubMed ids and DOIs it cites reuse its references.
    delimiter
        The column separator, when neither the suffix nor a guess finds it.

    Returns
    -------
    MetaGraph
        The imported nodes, edges and references. Each edge's evidence has
        ``provenance`` ``"FILE:ROW"``; a row without reference cites one reference for
        the whole file (type ``"dataset"``); a row without quote is quoted whole.

    Raises
    ------
    DataError
        With every problem of every row (``Problem.line`` is the row's line number):
        missing fields, unknown signs, predicates or kinds, a predicate the schema does
        not allow between the nodes' kinds, a node given two kinds...

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "net.csv"
    >>> _ = p.write_text("source,target,effect,pmid\\nIL-6,STAT3,activation,12345\\nSTAT3,SOCS3,up,\\n")
    >>> g = read_table(p)
    >>> [(e.source, e.predicate.value, e.target) for e in g.edges()]
    [('il6', 'activates', 'stat3'), ('stat3', 'increases', 'socs3')]
    >>> g.edges(source="il6")[0].evidence[0].provenance, sorted(g.references)
    ('net.csv:2', ['net_csv', 'pmid_12345'])
    """
    with collector_paused():
        return _import_table(
            path, mapping=mapping, default_kind=default_kind, reference=reference, delimiter=delimiter
        ).graph()


def _import_table(
    path: str | os.PathLike[str],
    *,
    mapping: Mapping[str, str] | None = None,
    default_kind: str | Kind = "signal",
    reference: MetaGraph | None = None,
    delimiter: str | None = None,
) -> _Imported:
    """:func:`read_table`'s records, validated and checked, without the graph (``metagraph import-table``)."""
    with collector_paused():
        return _read_table(Path(path), mapping, default_kind, reference, delimiter)


def _read_table(
    src: Path,
    mapping: Mapping[str, str] | None,
    default_kind: str | Kind,
    reference: MetaGraph | None,
    delimiter: str | None,
) -> _Imported:
    from metagraph.loader import _read_bytes

    if delimiter is not None:
        _check_delimiter(delimiter)
    raw = _read_bytes(src)  # a regular file only, of bounded size: never waits on a pipe
    if isinstance(raw, Problem):
        raise DataError([raw])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            [
                Problem(
                    str(src),
                    None,
                    "",
                    f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                    "save the file as UTF-8 (CSV UTF-8 in Excel)",
                )
            ]
        ) from exc
    try:
        kind = Kind(default_kind)
    except ValueError:
        raise MetagraphError(
            f"unknown default kind {default_kind!r}; use one of: " + ", ".join(k.value for k in Kind)
        ) from None
    if not text.strip():
        raise DataError(
            [
                Problem(
                    str(src),
                    None,
                    "",
                    "the file is empty",
                    "write a header row (source, target, sign, ...) and one row per edge",
                )
            ]
        )
    sep = _sniff(text, src, delimiter)
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(
            [
                Problem(
                    str(src),
                    None,
                    "",
                    "the file is empty",
                    "write a header row (source, target, sign, ...) and one row per edge",
                )
            ]
        ) from None
    columns = _columns(header, mapping, str(src))
    imp = _Importer(src, kind, reference)
    rows: list[_Row] = []
    last = reader.line_num
    try:
        for values in reader:
            first, last = last + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            row = _read_row(imp, first, values, columns, header, "\n".join(lines[first - 1 : last]).strip())
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        imp.problem(reader.line_num, None, f"unreadable row: {exc}", "check the quotes of this row")
    for row in rows:
        _add_edge(imp, row)
    # The text and the rows are done with: let them go before the records are made (a lower peak).
    del rows, lines, text, raw, reader
    if not imp.edges and not imp.problems:
        raise DataError([Problem(str(src), None, "", "the file has a header but no rows", "add one row per edge")])
    return _build(imp)


def _data_file_text(records: _Imported, *, schema: str | None = None, exclude: MetaGraph | None = None) -> str:
    """The imported records as a YAML data file, what ``exclude`` already holds left out.

    The same document as :func:`metagraph.interop.jsondoc.to_yaml` of the graph the
    records make (fields at their default left out), written by
    :mod:`metagraph.interop._blockyaml`: an imported table can have hundreds of thousands
    of rows, and PyYAML's writer takes minutes for them. The records are dumped as they
    are: building the graph only to read them back out of it would double the work.
    """
    with collector_paused():
        return _data_file_body(records, schema=schema, exclude=exclude)


def _data_file_body(records: _Imported, *, schema: str | None, exclude: MetaGraph | None) -> str:
    from metagraph.interop._blockyaml import dump
    from metagraph.interop.jsondoc import _records_not_in

    nodes, edges, refs = records.nodes, records.edges, records.references
    if exclude is not None:
        nodes, edges, refs = _records_not_in(exclude, nodes, edges, refs)
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    # One list at a time (a document's top-level keys are written one after the other), so
    # that only one list of plain dicts is held at once.
    texts = [
        dump({name: [r.model_dump(mode="json", exclude_defaults=True) for r in items]})
        for name, items in (("nodes", nodes), ("edges", edges), ("references", refs))
        if items
    ]
    return head + "".join(texts)
