"""``metagraph/graph.py`` imports none of its clients, directly or through any other import.

Every module of ``metagraph/`` is parsed with :mod:`ast`; every import counts, those inside
functions and ``if TYPE_CHECKING:`` blocks included, so a cycle cannot hide in a lazy import.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "metagraph"
CLIENTS = ("metagraph.queries", "metagraph.render", "metagraph.interop", "metagraph.cli")


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The metagraph modules ``name`` imports anywhere in its source (with their parent packages)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        for target in targets:
            parts = target.split(".")
            # importing a.b.c imports a and a.b too
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in known)
    found.discard(name)
    return found


def reachable(start: str) -> dict[str, list[str]]:
    """Every metagraph module ``start`` imports, transitively, with one import chain to each."""
    files = module_files()
    known = set(files)
    graph = {name: imports_of(name, path, known) for name, path in files.items()}
    chains = {start: [start]}
    todo = [start]
    while todo:
        current = todo.pop()
        for nxt in sorted(graph[current]):
            if nxt not in chains:
                chains[nxt] = [*chains[current], nxt]
                todo.append(nxt)
    return chains


def test_the_import_scan_sees_lazy_and_type_checking_imports() -> None:
    files = module_files()
    known = set(files)
    # chains.py imports MetaGraph under TYPE_CHECKING and the package's own modules at the top
    chains = imports_of("metagraph.render.chains", files["metagraph.render.chains"], known)
    assert {"metagraph.graph", "metagraph.render.view", "metagraph.render.html"} <= chains
    # the command imports the queries inside its functions
    assert "metagraph.queries.trace" in reachable("metagraph.cli")


def test_graph_imports_none_of_its_clients() -> None:
    chains = reachable("metagraph.graph")
    assert "metagraph.models" in chains
    bad = {name: chain for name, chain in chains.items() if name.startswith(CLIENTS)}
    assert not bad, "\n".join(" -> ".join(chain) for chain in bad.values())
