"""Resolve cross-references to metagraph's own names strictly, and to other libraries leniently.

The build runs in nitpicky mode. Sphinx calls :func:`resolve_missing` for every
Python reference it cannot resolve by itself:

* ``metagraph.models.Node`` (how type hints name a re-exported class) is linked to
  its public page, ``metagraph.Node``;
* a name that exists in metagraph but is not part of the public reference (an
  internal module or helper named in a docstring) is shown as code, unlinked;
* a name of another library (``networkx.MultiDiGraph``, ``pathlib.Path``) or a
  builtin is shown as code: offline, without intersphinx, there is nothing to link to;
* anything else, in particular a metagraph name that no longer exists, stays
  unresolved, and the strict build fails on the warning.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import pkgutil
import sys
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

import metagraph

_MISSING = object()
#: Short module aliases that appear in string annotations.
_ALIASES = {"nx": "networkx", "pd": "pandas", "np": "numpy", "ig": "igraph"}


def lookup(dotted: str) -> Any:
    """The object a dotted name means (module, then attributes), or ``_MISSING``."""
    parts = dotted.split(".")
    if "__main__" in parts:  # importing it would run the command
        return _MISSING
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        except Exception:  # a module that fails to import is "not found" here
            return _MISSING
        for attr in parts[cut:]:
            obj = getattr(obj, attr, _MISSING)
            if obj is _MISSING:
                return _MISSING
        return obj
    return _MISSING


def public_target(dotted: str) -> str | None:
    """``metagraph.X[.rest]`` for a name reachable through a public name ``X``, else ``None``."""
    parts = dotted.split(".")
    for cut in range(len(parts), 1, -1):
        obj = lookup(".".join(parts[:cut]))
        if obj is _MISSING or isinstance(obj, str | int | float):
            continue
        for name in metagraph.__all__:
            if getattr(metagraph, name) is obj:
                return ".".join(["metagraph", name, *parts[cut:]])
    return None


@cache
def package_modules() -> tuple[str, ...]:
    """Every module of the metagraph package, imported (``__main__`` modules excepted)."""
    names = ["metagraph"]
    for info in pkgutil.walk_packages(metagraph.__path__, "metagraph."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
            names.append(info.name)
    return tuple(names)


@cache
def declared_names() -> frozenset[str]:
    """Every name bound at the top of a package module, including in ``if TYPE_CHECKING:`` blocks.

    String annotations name such imports and aliases (``Kinds``), which do not exist at run time.
    """
    names: set[str] = set()
    for modname in package_modules():
        path = getattr(sys.modules[modname], "__file__", None)
        if not path:
            continue
        body = list(ast.parse(Path(path).read_text(encoding="utf-8")).body)
        while body:
            stmt = body.pop()
            if isinstance(stmt, ast.If):
                body += stmt.body + stmt.orelse
            elif isinstance(stmt, ast.Import | ast.ImportFrom):
                names.update((a.asname or a.name).split(".")[0] for a in stmt.names)
            elif isinstance(stmt, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                names.add(stmt.name)
            elif isinstance(stmt, ast.Assign | ast.AnnAssign):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
    return frozenset(names)


def _candidates(node: pending_xref) -> list[str]:
    target = node["reftarget"].lstrip(".~")
    module, cls = node.get("py:module"), node.get("py:class")
    out = [target]
    if module and cls:
        out.append(f"{module}.{cls}.{target}")
    if module:
        out.append(f"{module}.{target}")
    if not target.startswith("metagraph."):
        # A name as a docstring or a string annotation (``TYPE_CHECKING`` import) writes it,
        # outside the module that defines it: look for it in every module of the package.
        head = target.split(".", 1)[0]
        out += [f"{m}.{target}" for m in package_modules() if hasattr(sys.modules[m], head)]
    return out


def _is_external(target: str) -> bool:
    head = target.split(".", 1)[0]
    if head == "metagraph":
        return False
    if hasattr(builtins, head):
        return True
    if "." not in target:  # a bare name is one of ours (``trace``), not a module that happens to share it
        return False
    module = _ALIASES.get(head, head)
    return lookup(module + target[len(head) :]) is not _MISSING or lookup(module) is not _MISSING


def resolve_missing(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Handler of Sphinx's ``missing-reference`` event (see the module docstring)."""
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    found = [c for c in dict.fromkeys(_candidates(node)) if c.startswith("metagraph") and lookup(c) is not _MISSING]
    for candidate in found:
        public = public_target(candidate)
        if public and public != candidate:
            resolved = domain.resolve_xref(env, node["refdoc"], app.builder, "obj", public, node, contnode)
            if resolved is not None:
                return resolved
    if found or node["reftarget"].lstrip(".~") in declared_names():
        return contnode
    target = node["reftarget"].lstrip(".~")
    if _is_external(target):
        return contnode
    return None


def setup(app: Sphinx) -> None:
    """Connect the resolver."""
    app.connect("missing-reference", resolve_missing)
