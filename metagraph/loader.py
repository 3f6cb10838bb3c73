"""Files to validated models to a :class:`~metagraph.graph.MetaGraph`, or one error with every problem.

A data file is a YAML (or JSON) mapping with any of the lists ``nodes``,
``edges`` and ``references``; a folder is read recursively in name order. A load
yields a whole valid graph or raises :class:`~metagraph.errors.DataError`.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import gc
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from metagraph import _cache as cache
from metagraph._validation import Origin, check_graph
from metagraph._yaml import DEFAULT_LIMITS, Limits, LineList, line_of, parse_document, short_repr
from metagraph.errors import DataError, Problem
from metagraph.models import Edge, GraphDocument, Node, Reference, from_plain, to_plain

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["DATA_SUFFIXES", "Limits", "Records", "bundled_data_path", "load", "read_records", "validate_files"]

#: File name endings read as data files inside a folder.
DATA_SUFFIXES = (".yaml", ".yml", ".json")
_SECTIONS: dict[str, type[BaseModel]] = {"nodes": Node, "edges": Edge, "references": Reference}
_TOP_KEYS = ("$schema", *_SECTIONS)


def bundled_data_path() -> Path:
    """Return the folder of the bundled graph's data files.

    Inside an installed package the data lives in ``metagraph/data``; in a source
    checkout it is the repository's top-level ``data/`` folder.

    Examples
    --------
    >>> (bundled_data_path() / "references.yaml").is_file()
    True
    """
    packaged = Path(str(resources.files("metagraph"))) / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


@dataclass
class Records:
    """Everything read from some files: valid records with their origins, and the problems."""

    nodes: list[tuple[Node, Origin]] = field(default_factory=list)
    edges: list[tuple[Edge, Origin]] = field(default_factory=list)
    references: list[tuple[Reference, Origin]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    declared_ids: set[str] = field(default_factory=set)
    declared_refs: set[str] = field(default_factory=set)
    unreadable: bool = False

    def extend(self, other: Records) -> None:
        """Add the records and problems of ``other``."""
        self.nodes += other.nodes
        self.edges += other.edges
        self.references += other.references
        self.problems += other.problems
        self.declared_ids |= other.declared_ids
        self.declared_refs |= other.declared_refs
        self.unreadable |= other.unreadable


def _is_data_file(name: str) -> bool:
    return name.lower().endswith(DATA_SUFFIXES) and not name.endswith(".schema.json")


def _folder_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The data files under ``folder`` (hidden parts skipped, symlinked folders not entered).

    A folder that cannot be listed is a problem, not a folder without data files.
    """
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(
            Problem(
                str(exc.filename or folder),
                None,
                "",
                f"cannot read the folder: {exc.strerror}",
                "check its permissions (it must be readable and searchable: chmod u+rx)",
            )
        )

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            if not name.startswith(".") and _is_data_file(name) and path.is_file():
                found.append(path)
    return sorted(found), problems


def _data_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, trouble = _folder_files(path)
            problems += trouble
            if not found and not trouble:
                problems.append(
                    Problem(
                        str(path),
                        None,
                        "",
                        "the folder holds no .yaml, .yml or .json files",
                        "point at a folder of data files or at the files themselves",
                    )
                )
            files += found
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(
                Problem(str(path), None, "", "not a regular file (a device, pipe or socket)", "name a data file")
            )
        else:
            problems.append(Problem(str(path), None, "", "no such file or folder", "check the path"))
    return files, problems


#: Words curators write for a value the vocabularies name otherwise (evidence stance, species,
#: system and type), so that the hint names the right one even when the spelling is far off.
_ENUM_SYNONYMS = {
    "against": "contradicts",
    "contra": "contradicts",
    "refutes": "contradicts",
    "opposes": "contradicts",
    "disputes": "contradicts",
    "for": "supports",
    "pro": "supports",
    "agrees": "supports",
    "confirms": "supports",
    "homo_sapiens": "human",
    "humans": "human",
    "patients": "human",
    "mice": "mouse",
    "mus_musculus": "mouse",
    "rats": "rat",
    "rattus_norvegicus": "rat",
    "clinical": "clinical_trial",
    "trial": "clinical_trial",
    "rct": "clinical_trial",
    "animal": "in_vivo",
    "cell_culture": "in_vitro",
    "cells": "in_vitro",
    "tissue_explant": "ex_vivo",
    "statement": "author_statement",
    "quote": "author_statement",
    "inference": "curator_inference",
    "curator": "curator_inference",
    "experiment": "experimental",
    "primary": "experimental",
}


def _hint(err: ErrorDetails, model: type[BaseModel]) -> str:
    kind = err["type"]
    loc = err["loc"]
    if kind == "missing":
        return f"add the field {loc[-1]!r}" if loc else "add the missing field"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        fields = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        return (f"did you mean {close[0]!r}?" if close else "remove it") + " (fields: " + ", ".join(fields) + ")"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        given = err.get("input")
        if not isinstance(given, str) or len(given) > 200:
            return ""
        # a spelling slip ('experimantal'), a space or hyphen for '_' ('in vivo'), or a word
        # curators reach for that the vocabulary says otherwise ('against' for contradicts)
        spelled = "_".join(given.strip().casefold().replace("-", " ").split())
        wanted = _ENUM_SYNONYMS.get(spelled, spelled)
        if wanted in options and wanted != given:
            return f"did you mean {wanted!r}?"
        close = difflib.get_close_matches(given, options, n=1, cutoff=0.5)
        return f"did you mean {close[0]!r}?" if close else ""
    if kind == "string_pattern_mismatch":
        field_name = str(loc[-1]) if loc else ""
        if field_name in ("id", "source", "target", "location", "modality", "reference", "key"):
            return "ids and keys are lower-case letters and digits joined by '_', e.g. 'pgc1a'"
        if field_name in ("xrefs", "members") or (len(loc) > 1 and loc[-2] in ("xrefs", "members")):
            return "write identifiers as PREFIX:LOCAL_ID, e.g. 'HGNC:9237'"
        if field_name == "doi":
            return "write the DOI without 'https://doi.org/', e.g. '10.1038/nrendo.2012.49'"
        if field_name == "pmid":
            return "a PubMed id is digits only"
    if kind == "too_short" and loc and loc[-1] == "evidence":
        return "every edge needs at least one evidence item with a reference and a quote"
    return ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            break
        ann = info.annotation
        args = getattr(ann, "__args__", ())
        inner = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if inner is None and isinstance(ann, type) and issubclass(ann, BaseModel):
            inner = ann
        if inner is None:
            break
        current = inner
    return list(getattr(current, "model_fields", {}))


def _loc_text(section: str, index: int, loc: tuple[Any, ...]) -> str:
    text = f"{section}[{index}]"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _validate_all(model: type[BaseModel], items: list[Any]) -> list[Any] | None:
    """Validate a whole section in one call (no Python loop per record); ``None`` if any record fails.

    Then the records are validated one by one, to tell each problem with its record.
    """
    try:
        return _list_adapter(model).validate_python(items)
    except ValidationError:
        return None


def read_records(data: Any, file: str | None) -> Records:
    """Validate one parsed document record by record; report every problem.

    Parameters
    ----------
    data
        The parsed document (mapping with ``nodes``/``edges``/``references`` lists).
    file
        The file it came from, for the messages.

    Examples
    --------
    >>> recs = read_records({"nodes": [{"id": "x", "name": "X", "kind": "signl"}]}, "a.yaml")
    >>> print(recs.problems[0])
    a.yaml: nodes[0].kind: Input should be 'exercise', 'gene', 'signal', 'myokine', 'organ', 'cell', \
'process', 'outcome' or 'condition' (got 'signl'); did you mean 'signal'?
    """
    out = Records()
    if data is None:
        return out
    if not isinstance(data, dict):
        out.problems.append(
            Problem(
                file,
                line_of(data, ()),
                "",
                f"the file holds a {type(data).__name__}, not a mapping",
                "start the file with 'nodes:', 'edges:' or 'references:'",
            )
        )
        return out
    for key in data:
        if key not in _TOP_KEYS:
            name = key if isinstance(key, str) and len(key) <= 60 else short_repr(key)
            close = difflib.get_close_matches(name, _SECTIONS, n=1, cutoff=0.6)
            out.problems.append(
                Problem(
                    file,
                    line_of(data, (key,)),
                    name,
                    f"unknown section {short_repr(key)}",
                    f"did you mean {close[0]!r}?" if close else "the sections are nodes, edges and references",
                )
            )
    for section, model in _SECTIONS.items():
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            out.problems.append(
                Problem(
                    file,
                    line_of(data, (section,)),
                    section,
                    f"{section} must be a list, got {type(items).__name__}",
                    "write each record as a list item starting with '- '",
                )
            )
            continue
        valid = _validate_all(model, items)
        if valid is not None:  # the usual case: every record valid, checked in one call
            lines = items.item_lines if isinstance(items, LineList) else None
            where = line_of(data, (section,))
            found = getattr(out, section)
            for i, (item, record) in enumerate(zip(items, valid, strict=True)):
                found.append((record, Origin(file, where if lines is None else lines[i], f"{section}[{i}]", item)))
            if section != "edges":
                (out.declared_refs if section == "references" else out.declared_ids).update(
                    r.key if isinstance(r, Reference) else r.id for r in valid
                )
            continue
        for i, item in enumerate(items):
            origin = Origin(file, line_of(data, (section, i)), f"{section}[{i}]", item)
            if isinstance(item, dict):
                ident = item.get("key" if section == "references" else "id")
                if isinstance(ident, str):
                    (out.declared_refs if section == "references" else out.declared_ids).add(ident)
            try:
                record = model.model_validate(item)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    loc = tuple(err["loc"])
                    msg = err["msg"]
                    if err["type"] not in ("missing", "model_type", "list_type", "dict_type"):
                        msg += f" (got {short_repr(err.get('input'))})"
                    elif err["type"] != "missing":
                        msg += f" (got {type(err.get('input')).__name__})"
                    out.problems.append(
                        Problem(
                            file, line_of(data, (section, i, *loc)), _loc_text(section, i, loc), msg, _hint(err, model)
                        )
                    )
                continue
            getattr(out, section).append((record, origin))
    return out


def _read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes | Problem:
    """Read a data file: a regular file only (never wait on a pipe), at most ``limits.max_file_bytes``."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Problem(name, None, "", f"cannot read the file: {exc.strerror}", "check the path and permissions")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Problem(name, None, "", "not a regular file (a device, pipe or socket)", "name a data file")
        if info.st_size > limits.max_file_bytes:
            return _too_big(name, limits)
        chunks: list[bytes] = []
        size = 0
        while size <= limits.max_file_bytes:  # the file may grow while it is read
            chunk = os.read(fd, min(1 << 20, limits.max_file_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limits.max_file_bytes:
            return _too_big(name, limits)
        return b"".join(chunks)
    except OSError as exc:
        if exc.errno == errno.EAGAIN:  # pragma: no cover - only for a non-regular file, refused above
            return Problem(name, None, "", "not a regular file", "name a data file")
        return Problem(name, None, "", f"cannot read the file: {exc.strerror}", "check the path and permissions")
    finally:
        os.close(fd)


def _too_big(name: str, limits: Limits) -> Problem:
    return Problem(
        name,
        None,
        "",
        f"the file is larger than the limit of {limits.max_file_bytes:,} bytes",
        "split it into several files; if it is genuine, raise the limit: "
        f"metagraph.load(..., limits=metagraph.loader.Limits(max_file_bytes={limits.max_file_bytes * 4}))",
    )


def _read_file(path: Path, raw: bytes | Problem, limits: Limits = DEFAULT_LIMITS) -> Records:
    name = str(path)
    if isinstance(raw, Problem):
        return Records(unreadable=True, problems=[raw])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        return Records(unreadable=True, problems=[Problem(name, None, "", why, "save the file as UTF-8")])
    data, problems = parse_document(text, name, json_format=path.suffix.lower() == ".json", limits=limits)
    records = read_records(data, name) if data is not None else Records(unreadable=bool(problems))
    records.problems[:0] = problems
    return records


_MERGED_FIELDS = ("evidence", "note")


def _merge_layers(edges: list[tuple[Edge, Origin]]) -> list[tuple[Edge, Origin]]:
    """Join the records of one edge that different files give, when they agree on everything but evidence.

    A layer (the literature beside the article) adds its evidence to an edge another file
    states by repeating the edge with the same qualifiers: the evidence is joined in file
    order and the notes are kept one after the other. Records that disagree on a qualifier,
    or that one file repeats, are left apart for the whole-graph check to report.
    """
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, (edge, _) in enumerate(edges):
        groups.setdefault((edge.source, edge.target, edge.key), []).append(i)
    merged: dict[int, tuple[Edge, Origin]] = {}
    dropped: set[int] = set()
    for indices in groups.values():
        if len(indices) < 2:
            continue
        records = [edges[i] for i in indices]
        files = [origin.file for _, origin in records]
        first = records[0][0]
        same = all(
            getattr(e, f) == getattr(first, f)
            for e, _ in records[1:]
            for f in type(first).model_fields
            if f not in _MERGED_FIELDS
        )
        if not same or len(set(files)) != len(files):
            continue
        notes = [e.note for e, _ in records if e.note]
        evidence = [ev for e, _ in records for ev in e.evidence]
        combined = first.model_copy(update={"evidence": evidence, "note": "\n".join(notes) if notes else None})
        merged[indices[0]] = (combined, records[0][1])
        dropped.update(indices[1:])
    return [merged.get(i, record) for i, record in enumerate(edges) if i not in dropped]


def _collect(
    files: list[Path], problems: list[Problem], contents: list[bytes | Problem], limits: Limits = DEFAULT_LIMITS
) -> Records:
    records = Records(problems=list(problems))
    for path, raw in zip(files, contents, strict=True):
        records.extend(_read_file(path, raw, limits))
    records.edges = _merge_layers(records.edges)
    records.problems += check_graph(
        records.nodes,
        records.edges,
        records.references,
        declared_ids=records.declared_ids,
        declared_refs=records.declared_refs,
        check_references=not records.unreadable,
    )
    return records


def validate_files(
    *paths: str | os.PathLike[str], bundled: bool = False, limits: Limits | None = None
) -> list[Problem]:
    """Check data files without building a graph; return every problem (empty when valid).

    ``limits`` bounds what a file may cost to read (:class:`Limits`; the defaults when ``None``).

    Examples
    --------
    >>> validate_files()
    []
    """
    sources = [*([bundled_data_path()] if bundled or not paths else []), *paths]
    limits = limits or DEFAULT_LIMITS
    files, problems = _data_files(sources)
    return _collect(files, problems, [_read_bytes(f, limits) for f in files], limits).problems


def load(*paths: str | os.PathLike[str], bundled: bool | None = None, limits: Limits | None = None) -> MetaGraph:
    """Load a graph from data files, or the bundled graph.

    Parameters
    ----------
    *paths
        Files or folders of ``.yaml``/``.yml``/``.json`` data files. With none, the
        bundled graph is loaded.
    bundled
        Also load the bundled graph under ``paths``. Defaults to ``True`` when no
        path is given and ``False`` otherwise.
    limits
        Bounds on what one file may cost to read: size, nesting, alias expansion,
        number length, and how many problems the error message shows
        (:class:`Limits`; its defaults when ``None``).

    Returns
    -------
    MetaGraph
        The whole, valid graph.

    Raises
    ------
    DataError
        With every problem of every file (file, line, place, value and fix).

    Examples
    --------
    >>> import metagraph
    >>> kg = metagraph.load()
    >>> kg.node("PGC-1alpha").id
    'pgc1a'
    """
    if bundled is None:
        bundled = not paths
    sources: list[str | os.PathLike[str]] = [*([bundled_data_path()] if bundled else []), *paths]
    with _collector_paused():
        return _load(sources, limits or DEFAULT_LIMITS)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a graph is read and built.

    A load makes hundreds of thousands of dicts and lists, none in a reference cycle; each
    few hundred new ones start a collection that walks the growing heap, which made up
    half of a large load. They are all freed or kept as usual (reference counting frees
    them); the collector resumes afterwards, if it was running.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _load(sources: list[str | os.PathLike[str]], limits: Limits) -> MetaGraph:
    from metagraph.graph import MetaGraph, plain_records

    files, problems = _data_files(sources)
    contents = [_read_bytes(f, limits) for f in files]
    key = None
    if not problems and not any(isinstance(c, Problem) for c in contents):
        key = cache.cache_key(c for c in contents if isinstance(c, bytes))
        cached = _from_cache(cache.read_cached(key))
        if cached is not None:
            return cached
    records = _collect(files, problems, contents, limits)
    if records.problems:
        raise DataError(records.problems, shown=limits.max_problems)
    nodes, edges = plain_records([n for n, _ in records.nodes], [e for e, _ in records.edges])
    references = {r.key: r for r, _ in records.references}
    if key is not None:
        cache.write_cached(
            key,
            {
                "nodes": nodes,
                "edges": edges,
                "references": [to_plain(r) for r in references.values()],
            },
        )
    return MetaGraph._from_plain(nodes, edges, references)


def _from_cache(data: Any) -> MetaGraph | None:
    """The graph a cache entry holds: records in their networkx form, loaded as they are (no models made)."""
    from metagraph.graph import MetaGraph

    if not isinstance(data, dict):
        return None
    try:
        references = {r["key"]: from_plain(Reference, r) for r in data["references"]}
        return MetaGraph._from_plain(data["nodes"], data["edges"], references)
    except (KeyError, TypeError, ValueError):  # an entry written by an older layout: read the files
        return None


def document_of(graph: MetaGraph) -> GraphDocument:
    """Return the whole graph as one data document (the format the loader reads).

    Examples
    --------
    >>> import metagraph
    >>> doc = document_of(metagraph.load())
    >>> len(doc.nodes) > 50
    True
    """
    return GraphDocument(nodes=graph.nodes(), edges=graph.edges(), references=list(graph.references.values()))
