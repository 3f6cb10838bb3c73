"""The data-model page, generated from :mod:`metagraph.schema` and :mod:`metagraph.models`.

Directives
----------
``metagraph-kinds``       every node kind with its description.
``metagraph-predicates``  every predicate with its sign, allowed kinds and whether it transmits.
``metagraph-qualifiers``  every closed vocabulary of a record field (magnitude, mechanism, ...).
``metagraph-models``      every record type of a data file with its fields, walked from GraphDocument.
``metagraph-evidence-types`` every evidence type with its ECO term (ECO:0000303, ...).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import metagraph
from metagraph.models import GraphDocument
from metagraph.schema import KIND_ORDER, PREDICATES, EvidenceType, Kind, Predicate
from metagraph_sphinx.markup import cell, code, first_paragraph, md_table, parse

_SIGNS = {1: "+1 (raises)", -1: "−1 (lowers)", 0: "0 (structural)"}
# The two vocabularies with tables of their own; every other enum of a field is a qualifier.
_OWN_TABLES = (Kind, Predicate, EvidenceType)


def public_name(obj: object) -> str:
    """``metagraph.X`` when ``obj`` is exported by the package, else its defining module path."""
    for name in metagraph.__all__:
        if getattr(metagraph, name) is obj:
            return f"metagraph.{name}"
    return f"{obj.__module__}.{getattr(obj, '__qualname__', obj)}"


def kinds_text(kinds: frozenset[Kind]) -> str:
    """A set of kinds in pathway order, or 'any kind' / 'any but ...' when shorter."""
    if kinds == frozenset(Kind):
        return "any kind"
    missing = [k for k in KIND_ORDER if k not in kinds]
    if len(missing) < len(kinds) and len(missing) <= 3:
        return "any but " + ", ".join(code(k.value) for k in missing)
    return ", ".join(code(k.value) for k in KIND_ORDER if k in kinds)


def type_text(annotation: Any, *, rst: bool = False) -> str:
    """A field's type in words, with links to metagraph's own types (MyST, or reST with ``rst``)."""

    def literal(text: str) -> str:
        return f"``{text}``" if rst else code(text)

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_text(args[0], rst=rst)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        text = " or ".join(type_text(a, rst=rst) for a in inner)
        return text + " or null" if len(inner) < len(args) else text
    if origin is list:
        return "list of " + type_text(args[0], rst=rst)
    if origin is typing.Literal:
        return "one of " + ", ".join(literal(repr(a)) for a in args)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum | BaseModel):
        return f":py:class:`~{public_name(annotation)}`" if rst else f"{{py:class}}`~{public_name(annotation)}`"
    return literal(getattr(annotation, "__name__", str(annotation)))


def _enums_in(annotation: Any) -> Iterator[type[enum.Enum]]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _enums_in(arg)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def record_models(root: type[BaseModel] = GraphDocument) -> list[type[BaseModel]]:
    """The root model and every model reachable through its fields, in first-seen order."""
    seen: list[type[BaseModel]] = [root]
    for model in seen:
        for info in model.model_fields.values():
            seen += [m for m in _models_in(info.annotation) if m not in seen]
    return seen


def qualifier_fields() -> dict[type[enum.Enum], list[str]]:
    """Each closed vocabulary used by a record field (other than kinds and predicates) → the fields."""
    found: dict[type[enum.Enum], list[str]] = {}
    for model in record_models():
        for name, info in model.model_fields.items():
            for vocab in _enums_in(info.annotation):
                if vocab not in _OWN_TABLES:
                    found.setdefault(vocab, []).append(f"{{py:attr}}`{public_name(model)}.{name}`")
    return found


def field_name(name: str, info: Any) -> str:
    """The key a data file uses for the field (its alias when it has one)."""
    return info.alias or name


def default_text(info: Any) -> str:
    """'required', or the default value as a data file would spell it."""
    if info.is_required():
        return "**required**"
    value = info.default_factory() if info.default_factory is not None else info.default
    if isinstance(value, enum.Enum):
        value = value.value
    return code("null" if value is None else repr(value).lower() if isinstance(value, bool) else repr(value))


class KindsDirective(SphinxDirective):
    """Table of node kinds, in the order of a pathway figure."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        rows = [[code(k.value), cell(k.description)] for k in KIND_ORDER]
        missing = set(Kind) - set(KIND_ORDER)
        rows += [[code(k.value), cell(k.description)] for k in Kind if k in missing]
        return parse(self, md_table(["kind", "what belongs to it"], rows))


class PredicatesDirective(SphinxDirective):
    """Table of predicates: sign, allowed source and target kinds, transmits, meaning."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        rows = []
        for predicate in Predicate:
            rule = PREDICATES[predicate]
            rows.append(
                [
                    code(predicate.value),
                    cell(f"“A {rule.label} B”"),
                    _SIGNS[rule.sign],
                    kinds_text(rule.sources),
                    kinds_text(rule.targets),
                    "yes" if rule.transmits else "no",
                    cell(rule.description),
                ]
            )
        headers = ["predicate", "reads", "sign", "source kinds", "target kinds", "transmits", "meaning"]
        return parse(self, md_table(headers, rows))


class QualifiersDirective(SphinxDirective):
    """One table per closed vocabulary of a record field, with the fields that use it."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        parts = []
        for vocab, fields in qualifier_fields().items():
            parts.append(
                f"**{{py:class}}`~{public_name(vocab)}`**: {cell(first_paragraph(vocab.__doc__))} "
                f"Used by {', '.join(fields)}.\n"
            )
            parts.append("Values: " + ", ".join(code(v.value) for v in vocab) + ".\n")
        return parse(self, "\n".join(parts))


class EvidenceTypesDirective(SphinxDirective):
    """The evidence types: each with its ECO term, the term's label and when to use it."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        rows = [[code(t.value), code(t.eco), cell(t.label), cell(t.description)] for t in EvidenceType]
        return parse(self, md_table(["type", "ECO term", "ECO label", "when"], rows))


class ModelsDirective(SphinxDirective):
    """Every record of a data file with its fields, types, defaults and descriptions."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        level = "#" * (int(self.options.get("level", 3)))
        parts = []
        for model in record_models():
            name = public_name(model)
            parts.append(f"{level} {model.__name__}\n")
            parts.append(f"{cell(first_paragraph(model.__doc__))} (API: {{py:class}}`{name}`)\n")
            rows = [
                [
                    code(field_name(n, info)),
                    type_text(info.annotation),
                    default_text(info),
                    cell(info.description or ""),
                ]
                for n, info in model.model_fields.items()
            ]
            parts.append(md_table(["field", "type", "default", "description"], rows))
        return parse(self, "\n".join(parts))

    option_spec = {"level": int}  # noqa: RUF012 - docutils reads this class attribute


def setup(app: Sphinx) -> None:
    """Register the data-model directives."""
    app.add_directive("metagraph-kinds", KindsDirective)
    app.add_directive("metagraph-predicates", PredicatesDirective)
    app.add_directive("metagraph-qualifiers", QualifiersDirective)
    app.add_directive("metagraph-models", ModelsDirective)
    app.add_directive("metagraph-evidence-types", EvidenceTypesDirective)
