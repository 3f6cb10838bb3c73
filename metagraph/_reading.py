"""Parsed documents to validated records: one model per record, every problem with its place and fix.

The half of loading that needs pydantic; :mod:`metagraph.loader` imports it only when
files are read (a graph from the cache never is), so that a command starts fast.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import math
import operator
import types
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from metagraph._validation import Origin, check_graph
from metagraph._yaml import (
    DEFAULT_LIMITS,
    Limits,
    LineList,
    json_has_long_number,
    json_key_count,
    line_of,
    parse_document,
    short_repr,
)
from metagraph.errors import Problem
from metagraph.models import Edge, Node, Reference

__all__ = ["Records", "collect", "read_records"]

_SECTIONS: dict[str, type[BaseModel]] = {"nodes": Node, "edges": Edge, "references": Reference}
_TOP_KEYS = ("$schema", *_SECTIONS)


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


def _read_file(path: Path, raw: bytes | Problem, limits: Limits = DEFAULT_LIMITS) -> Records:
    name = str(path)
    if isinstance(raw, Problem):
        return Records(unreadable=True, problems=[raw])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        return Records(unreadable=True, problems=[Problem(name, None, "", why, "save the file as UTF-8")])
    json_format = path.suffix.lower() == ".json"
    if json_format:
        valid = _valid_json_file(raw, name, limits)
        if valid is not None:
            return valid
    data, problems = parse_document(text, name, json_format=json_format, limits=limits)
    records = read_records(data, name) if data is not None else Records(unreadable=bool(problems))
    records.problems[:0] = problems
    return records


# -- a valid JSON file in one step ------------------------------------------------------------
# Most files are valid. A JSON file is then parsed by pydantic-core (no hook) and validated in
# one call, instead of a parse that watches every object for repeated keys after a scan of the
# whole text for its depth (together most of a first load of a small graph). What the usual
# path checks besides the schema is checked here too, or the file takes that path: its depth
# and the length of its numbers (a valid file nests no deeper, and holds no longer integer,
# than the models allow; the text is scanned for long numbers only when that is unbounded),
# and keys written twice (then the text has more keys than the records hold; no validator of
# these models adds or drops a key). Whatever fails or is in doubt is read again the usual
# way, which finds and words every problem: this path only ever gives the records that one would.


def _bounds(annotation: Any, constraints: tuple[Any, ...] = ()) -> tuple[float, float]:
    """How deep JSON valid for a field of this type can nest lists and objects, and how many digits
    an integer in it can have (``inf``: unbounded, or a type this does not know).

    ``constraints`` are the field's (``ge``, ``le``, ...): an integer between two bounds has no
    more digits than the wider bound.
    """
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _bounds(args[0], (*constraints, *args[1:]))
    if origin in (Union, types.UnionType):
        options = [_bounds(a, constraints) for a in args]
        return max(d for d, _ in options), max(w for _, w in options)
    if origin is list:
        deepest, widest = _bounds(args[0])
        return 1 + deepest, widest
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = [_bounds(f.annotation, tuple(f.metadata)) for f in annotation.model_fields.values()]
        return 1 + max((d for d, _ in fields), default=0), max((w for _, w in fields), default=0)
    if annotation is bool:
        return 0, 1  # 0 and 1 are taken for booleans
    if annotation is int:
        # getattr: an Interval has all four, None where unset
        lows = [b for c in constraints for b in (getattr(c, "ge", None), getattr(c, "gt", None)) if b is not None]
        highs = [b for c in constraints for b in (getattr(c, "le", None), getattr(c, "lt", None)) if b is not None]
        if not lows or not highs:
            return 0, math.inf
        return 0, max(len(str(abs(int(b)))) for b in (*lows, *highs))
    if isinstance(annotation, type) and issubclass(annotation, Enum):  # its values, numbers or not
        return 0, max((len(str(abs(m.value))) for m in annotation if isinstance(m.value, int)), default=0)
    if annotation in (str, type(None)):
        return 0, 0  # never a number in lax mode
    if origin is Literal and all(isinstance(a, str) for a in args):
        return 0, 0
    return math.inf, math.inf


class _JsonFile(BaseModel):
    """A data file as the one-step path reads it: the sections, and ``$schema`` as a string.

    The reading path ignores the value of ``$schema``; any other value, like any other key
    (``schema_`` included: no field is filled by its name), is left to that path.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_: str | None = Field(default=None, alias="$schema")
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)


@functools.cache
def _json_file_bounds() -> tuple[float, float]:
    """The deepest a file :class:`_JsonFile` accepts can nest (its own object is 1), and its widest integer."""
    return _bounds(_JsonFile)


_fields_set = operator.attrgetter("__pydantic_fields_set__")


def _valid_json_file(raw: bytes, file: str, limits: Limits) -> Records | None:
    """The records of a JSON data file that is valid in every way, else ``None`` (read it the usual way).

    ``raw`` is the file's bytes (with any byte-order mark), already known to be UTF-8.
    """
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    deepest, widest = _json_file_bounds()
    if deepest > limits.max_depth:
        return None
    if widest > limits.max_int_digits and json_has_long_number(raw, limits):
        return None  # only looked for when a valid file could hold a number that long
    try:
        # pydantic-core's parser: it refuses what the standard one does (and lone surrogates,
        # which the usual path then reads), gives the same values, and shares repeated strings.
        document = _JsonFile.model_validate(pydantic_core.from_json(raw))
    except ValueError:  # a syntax error, or a ValidationError
        return None
    nodes, edges, references = document.nodes, document.edges, document.references
    evidence = itertools.chain.from_iterable(e.evidence for e in edges)
    keys = sum(
        sum(map(len, map(_fields_set, records))) for records in ((document,), nodes, edges, references, evidence)
    )
    if keys != json_key_count(raw):  # a key written twice (or an object no record holds)
        return None
    out = Records()
    out.nodes = [(r, Origin(file, None, f"nodes[{i}]")) for i, r in enumerate(nodes)]
    out.edges = [(r, Origin(file, None, f"edges[{i}]")) for i, r in enumerate(edges)]
    out.references = [(r, Origin(file, None, f"references[{i}]")) for i, r in enumerate(references)]
    out.declared_ids.update(r.id for r in nodes)
    out.declared_refs.update(r.key for r in references)
    return out


_MERGED_FIELDS = ("evidence", "note")


def _merge_layers(edges: list[tuple[Edge, Origin]]) -> list[tuple[Edge, Origin]]:
    """Join the records of one edge that different files give, when they agree on everything but evidence.

    A layer (the literature beside the article) adds its evidence to an edge another file
    states by repeating the edge with the same qualifiers: the evidence is joined in file
    order and the notes are kept one after the other. Records that disagree on a qualifier,
    or that one file repeats, are left apart for the whole-graph check to report.
    """
    ends = [(edge.source, edge.target, edge.key) for edge, _ in edges]
    if len(set(ends)) == len(ends):  # the usual case: no edge is given twice
        return edges
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, end in enumerate(ends):
        groups.setdefault(end, []).append(i)
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


def collect(
    files: list[Path], problems: list[Problem], contents: list[bytes | Problem], limits: Limits = DEFAULT_LIMITS
) -> Records:
    """Read and validate every file (its bytes, or the problem met reading it), then check the whole graph."""
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
