"""The API reference, generated from the public names and the numpydoc docstrings.

The public API is ``metagraph.__all__`` and the ``__all__`` of the public subpackages
(:data:`SUBPACKAGES`). At the start of each build one page per public object is written
to ``api/generated/`` (git-ignored; stale pages are removed); an object public under two
names (``metagraph.Chain`` is ``metagraph.queries.Chain``) has one page, under its
top-level name. The ``metagraph-api`` directive lists them by package and category with
the first line of each docstring. The :class:`metagraph.MetaGraph` page documents the
class's own methods, then lists the operations it offers (``trace = operation(...)``),
each linking to the one function that defines it.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

import metagraph
from metagraph._atomic import write_text_atomic
from metagraph._operation import operation
from metagraph_sphinx.markup import first_paragraph, parse
from metagraph_sphinx.schema import default_text, field_name, type_text

#: Folder of the generated pages, relative to the documentation source folder.
STUB_DIR = "api/generated"
CATEGORIES = ("Classes", "Functions", "Vocabularies", "Constants", "Errors")


def category(obj: object) -> str:
    """Which part of the API reference a public object belongs to."""
    if isinstance(obj, type):
        if issubclass(obj, BaseException):
            return "Errors"
        if issubclass(obj, enum.Enum):
            return "Vocabularies"
        return "Classes"
    if callable(obj):
        return "Functions"
    return "Constants"


#: The documented subpackages, with the title of their section; their ``__all__`` is public too.
SUBPACKAGES = {
    "metagraph.queries": "Questions: metagraph.queries",
    "metagraph.render": "Diagrams: metagraph.render",
    "metagraph.interop": "Data in and out: metagraph.interop",
    "metagraph.audit": "The self-audit: metagraph.audit",
    "metagraph.overlay": "Measurements on the graph: metagraph.overlay",
}


def public_names() -> list[tuple[str, str, object]]:
    """Every public name as ``(package, name, object)``: ``metagraph.__all__``, then the subpackages'."""
    out = [("metagraph", name, getattr(metagraph, name)) for name in metagraph.__all__]
    for package in SUBPACKAGES:
        module = importlib.import_module(package)
        out += [(package, name, getattr(module, name)) for name in module.__all__]
    return out


def public_objects() -> list[tuple[str, object]]:
    """Each public object once, with its full name: the one page it has (top-level names first)."""
    seen: dict[int, str] = {}
    out = []
    for package, name, obj in public_names():
        if id(obj) not in seen:
            seen[id(obj)] = f"{package}.{name}"
            out.append((f"{package}.{name}", obj))
    return out


def page_of(obj: object) -> str:
    """The full name of the page that documents ``obj`` ('' if it is not public)."""
    return next((full for full, value in public_objects() if value is obj), "")


def data_doc(name: str, obj: object) -> str:
    """The ``#:`` comment above a module-level constant where it is defined, or ''."""
    for modname, module in sorted(sys.modules.items()):
        if not modname.startswith("metagraph") or getattr(module, name, None) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except Exception:  # a module without source (e.g. compiled) simply has no comment
            continue
        lines = docs.get(("", name))
        if lines:
            return "\n".join(lines).strip()
    return ""


def summary(name: str, obj: object) -> str:
    """One line for the overview table."""
    if category(obj) == "Constants":
        return first_paragraph(data_doc(name, obj)) or f"``{obj!r}``"
    return first_paragraph(inspect.getdoc(obj))


def own_members(cls: type) -> list[str]:
    """Public, documented methods and properties defined in ``cls`` itself (not inherited)."""
    out = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        func = value.__func__ if isinstance(value, classmethod | staticmethod) else value
        is_member = isinstance(func, property | functools.cached_property) or inspect.isfunction(func)
        if is_member and inspect.getdoc(func):
            out.append(name)
    return out


def _title(text: str) -> str:
    escaped = text.replace("_", r"\_")
    return f"{escaped}\n{'=' * len(escaped)}\n"


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def _member_directive(cls: type, name: str) -> str:
    raw = inspect.getattr_static(cls, name)
    kind = "autoproperty" if isinstance(raw, property | functools.cached_property) else "automethod"
    return f".. {kind}:: {cls.__name__}.{name}\n"


def _field_entries(model: type[BaseModel]) -> str:
    parts = []
    for name, info in model.model_fields.items():
        text = (info.description or "").strip()
        parts.append(
            f".. py:attribute:: {name}\n   :no-index-entry:\n\n"
            f"   {text}\n\n   Type: {type_text(info.annotation, rst=True)}. Key in a data file: "
            f"``{field_name(name, info)}``; default: {default_text(info).replace('**', '')}.\n"
        )
    return "\n".join(parts)


def _enum_entries(vocab: type[enum.Enum]) -> str:
    parts = []
    for member in vocab:
        text = getattr(member, "description", "")
        parts.append(f".. py:attribute:: {member.name}\n   :value: {member.value!r}\n\n   {text}\n")
    return "\n".join(parts)


#: Sections of the MetaGraph page for the operations, by the package of their function.
OPERATION_GROUPS = {
    "metagraph.queries": "Questions",
    "metagraph.render": "Diagrams",
    "metagraph.interop": "Formats and identifiers",
    "metagraph.audit": "The self-audit",
    "metagraph.overlay": "Measurements on the graph",
}


def operations(cls: type) -> dict[str, operation]:
    """The public operations a class lists (``trace = operation("...")``), in their order."""
    return {n: v for n, v in vars(cls).items() if isinstance(v, operation) and not n.startswith("_")}


def _bound_signature(function: Any) -> str:
    """The signature of ``function`` without its first parameter (the graph), annotations left out."""
    sig = inspect.signature(function)
    params = [p.replace(annotation=inspect.Parameter.empty) for p in list(sig.parameters.values())[1:]]
    return str(sig.replace(parameters=params, return_annotation=inspect.Signature.empty))


def _metagraph_page(cls: type) -> str:
    """The MetaGraph page: the class and its own methods, then the operations it offers, by group."""
    out = [_title(f"metagraph.{cls.__name__}"), ".. currentmodule:: metagraph\n", f".. autoclass:: {cls.__name__}\n"]
    names = own_members(cls)
    out.append(".. rubric:: The graph and its parts\n")
    out.append(".. autosummary::\n\n" + "\n".join(f"   ~{cls.__name__}.{n}" for n in names) + "\n")
    out += [_member_directive(cls, n) for n in names]
    groups: dict[str, list[tuple[str, Any]]] = {g: [] for g in OPERATION_GROUPS.values()}
    for name, op in operations(cls).items():
        function = op.function()
        target = page_of(function)
        if not target:
            raise ValueError(f"MetaGraph.{name} is {op.target}, which no public __all__ exports")
        package = next(p for p in OPERATION_GROUPS if target.startswith(p + "."))
        groups[OPERATION_GROUPS[package]].append((name, function))
    for label, items in groups.items():
        if not items:
            continue
        out.append(f".. rubric:: {label}\n")
        for name, function in items:
            target = page_of(function)
            out.append(
                f".. py:method:: {cls.__name__}.{name}{_bound_signature(function)}\n\n"
                f"   {first_paragraph(inspect.getdoc(function))}\n\n"
                f"   ``kg.{name}(...)`` is ``{target.rsplit('.', 1)[1]}(kg, ...)``: see :py:obj:`{target}`.\n"
            )
    return "\n".join(out)


def page(full: str, obj: object) -> str:
    """The reST source of the page of one public object, ``full`` its full name (``metagraph.queries.trace``)."""
    if obj is metagraph.MetaGraph:
        return _metagraph_page(obj)
    package, name = full.rsplit(".", 1)
    out = [_title(full), f".. currentmodule:: {package}\n"]
    if isinstance(obj, type):
        members = own_members(obj)
        head = f".. autoclass:: {name}\n" + (f"   :members: {', '.join(members)}\n" if members else "")
        if issubclass(obj, BaseModel):
            head += "\n   .. rubric:: Fields\n\n" + _indent(_field_entries(obj), 3) + "\n"
        elif issubclass(obj, enum.Enum):
            head += "\n   .. rubric:: Values\n\n" + _indent(_enum_entries(obj), 3) + "\n"
        out.append(head)
    elif callable(obj):
        out.append(f".. autofunction:: {name}\n")
    else:
        doc = data_doc(name, obj)
        value = f"   :value: {obj!r}\n" if isinstance(obj, str | int | float) else ""
        out.append(f".. py:data:: {name}\n{value}\n" + (_indent(doc, 3) + "\n" if doc else ""))
    return "\n".join(out)


def model_signature(
    app: Sphinx, what: str, name: str, obj: object, options: Any, signature: str | None, return_annotation: str | None
) -> tuple[str, str | None] | None:
    """Show a pydantic model's signature as its fields with their defaults.

    The ``__init__`` pydantic synthesises spells out every ``Annotated`` constraint, which
    buries the field names; the field types are on the page below the signature.
    """
    if what != "class" or not (isinstance(obj, type) and issubclass(obj, BaseModel)):
        return None
    params = []
    for field, info in obj.model_fields.items():
        if info.is_required():
            params.append(field)
        else:
            value = info.default_factory() if info.default_factory is not None else info.default
            params.append(f"{field}={value.value if isinstance(value, enum.Enum) else value!r}")
    return f"(*, {', '.join(params)})", return_annotation


def write_pages(app: Sphinx) -> None:
    """Write one page per public name; remove pages of names no longer public."""
    folder = Path(app.srcdir) / STUB_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{full}.rst": page(full, obj) for full, obj in public_objects()}
    for path in folder.glob("*.rst"):
        if path.name not in wanted:
            path.unlink()
    for filename, text in wanted.items():
        path = folder / filename
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_text_atomic(path, text)


class ApiDirective(SphinxDirective):
    """Overview tables of the public API by category, and the (hidden) table of contents."""

    def run(self) -> list[Any]:
        self.env.note_reread()
        pages = dict(public_objects())
        parts = []
        for package in ("metagraph", *SUBPACKAGES):
            heading = SUBPACKAGES.get(package, "The metagraph package")
            parts.append(f"{heading}\n{'-' * len(heading)}\n")
            parts.append(f"{first_paragraph(inspect.getdoc(importlib.import_module(package)))}\n")
            groups: dict[str, list[tuple[str, object]]] = {c: [] for c in CATEGORIES}
            for pkg, name, obj in public_names():
                if pkg == package:
                    groups[category(obj)].append((name, obj))
            for title, items in groups.items():
                if not items:
                    continue
                parts.append(f"{title}\n{'~' * len(title)}\n")
                rows = []
                for name, obj in items:
                    full = f"{package}.{name}"
                    home = full if full in pages else page_of(obj)
                    also = "" if home == full else f" (also ``{home}``)"
                    link = f":py:obj:`{name} <{home}>`"
                    rows.append(f"   * - {link}\n     - {summary(name, obj) or ' '}{also}")
                parts.append(".. list-table::\n   :widths: 30 70\n\n" + "\n".join(rows) + "\n")
        entries = "\n".join(f"   {STUB_DIR.split('/', 1)[1]}/{full}" for full in pages)
        parts.append(f".. toctree::\n   :hidden:\n\n{entries}\n")
        return parse(self, "\n".join(parts))


def setup(app: Sphinx) -> None:
    """Register the API directive and the page writer."""
    app.add_directive("metagraph-api", ApiDirective)
    app.connect("builder-inited", write_pages)
    app.connect("autodoc-process-signature", model_signature)
