"""How :class:`~metagraph.MetaGraph` offers operations that are written elsewhere.

Every query, diagram and format is a function of the graph, written once (signature,
numpydoc, doctest) in the module named for it, as networkx writes its algorithms. The
class lists them as :class:`operation` descriptors naming ``"module:function"``: the
module is imported on first use (so ``import metagraph`` stays fast and ``graph.py``
imports none of its clients), and ``kg.trace`` is then the function bound to ``kg``,
a real bound method whose docstring and signature are the function's own.
"""

from __future__ import annotations

import importlib
import types
from collections.abc import Callable
from typing import Any

__all__ = ["operation"]


class operation:
    """A method of a class whose code lives in another module: ``"package.module:function"``.

    On an instance it is the function bound to that instance; on the class, the function
    itself (so ``help(MetaGraph.trace)`` and the documentation show the one definition).

    Examples
    --------
    >>> class Box:
    ...     describe = operation("textwrap:shorten")
    >>> Box.describe.__module__
    'textwrap'
    >>> operation("textwrap:shorten").target
    'textwrap:shorten'
    """

    def __init__(self, target: str) -> None:
        module, _, name = target.partition(":")
        if not module or not name:
            raise ValueError(f"an operation names 'module:function', not {target!r}")
        self.target = target
        self._module = module
        self._name = name
        self._function: Callable[..., Any] | None = None

    def function(self) -> Callable[..., Any]:
        """Import (once) and return the function this operation stands for."""
        if self._function is None:
            self._function = getattr(importlib.import_module(self._module), self._name)
        return self._function

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        function = self.function()
        if instance is None:
            return function
        return types.MethodType(function, instance)

    def __repr__(self) -> str:
        return f"operation({self.target!r})"
