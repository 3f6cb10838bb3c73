"""Files to validated models to a :class:`~metagraph.graph.MetaGraph`, or one error with every problem.

A data file is a YAML (or JSON) mapping with any of the lists ``nodes``,
``edges`` and ``references``; a folder is read recursively in name order. A load
yields a whole valid graph or raises :class:`~metagraph.errors.DataError`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph import _cache as cache
from metagraph._gc import collector_paused
from metagraph._yaml import DEFAULT_LIMITS, Limits
from metagraph.errors import DataError, Problem

if TYPE_CHECKING:
    from metagraph._reading import Records, read_records
    from metagraph.graph import MetaGraph
    from metagraph.models import GraphDocument

__all__ = ["DATA_SUFFIXES", "Limits", "Records", "bundled_data_path", "load", "read_records", "validate_files"]

#: File name endings read as data files inside a folder.
DATA_SUFFIXES = (".yaml", ".yml", ".json")


def __getattr__(name: str) -> Any:
    # Reading and validating records needs pydantic (metagraph._reading); a graph from the
    # cache does not, so these are imported when first asked for.
    if name in ("Records", "read_records"):
        from metagraph import _reading

        return getattr(_reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    from metagraph._reading import collect

    files, problems = _data_files(sources)
    return collect(files, problems, [_read_bytes(f, limits) for f in files], limits).problems


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
    with collector_paused(settle=True):  # a large load: see metagraph._gc
        return _load(sources, limits or DEFAULT_LIMITS)


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
    from metagraph._reading import collect
    from metagraph.models import to_plain

    records = collect(files, problems, contents, limits)
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
        # The references stay plain too: the graph makes a model of one when it is asked for.
        references = {r["key"]: r for r in data["references"]}
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
    from metagraph.models import GraphDocument

    return GraphDocument(nodes=graph.nodes(), edges=graph.edges(), references=list(graph.references.values()))
