"""Package attributes imported on first use, so ``import metagraph`` stays fast.

A package lists its public names with the module that defines each one, and calls
:func:`lazy_exports` at its end::

    __getattr__, __dir__ = lazy_exports(__name__, {"trace": "metagraph.queries.trace", ...})

``metagraph.queries.trace`` is then the *function* ``trace``, imported when first asked
for, even though ``trace`` is also the name of the module that defines it: when Python
binds a freshly imported submodule to its package's attribute of the same name, the
package keeps the exported object instead (as ``from .trace import trace`` in the
package would have left it). The module itself is always ``sys.modules[...]`` or
``importlib.import_module("metagraph.queries.trace")``.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


class _LazyPackage(types.ModuleType):
    """A package whose exported names win over same-named submodules."""

    def __setattr__(self, name: str, value: Any) -> None:
        exports: Mapping[str, str] = self.__dict__.get("_EXPORTS", {})
        if isinstance(value, types.ModuleType) and exports.get(name) == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


def lazy_exports(package: str, exports: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose ``exports`` map name → defining module."""
    module = sys.modules[package]
    module.__dict__["_EXPORTS"] = dict(exports)
    module.__class__ = _LazyPackage

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name]), name)
        module.__dict__[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(module.__dict__) | set(exports))

    return __getattr__, __dir__
