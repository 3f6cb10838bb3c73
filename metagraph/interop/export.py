"""Write the graph in any export format, whole or not at all.

A format builds its output in memory, or (the Cypher scripts, which at a million
edges would not fit twice) piece by piece into a temporary file renamed over the
target. A folder format writes a new folder as a temporary folder beside it that is
renamed into place; into an existing folder it writes each of its files atomically,
leaving other files there alone.
"""

from __future__ import annotations

import gc
import inspect
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from metagraph._atomic import _umask, atomic_open, write_error_message, write_folder_atomic, write_text_atomic
from metagraph.errors import ExportError

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = ["FORMATS", "ExportFormat", "export"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format.

    Attributes
    ----------
    name
        What ``format=`` and ``metagraph export`` call it.
    build
        ``(graph, **options) -> text`` for a file, ``-> {file name: text}`` for a folder.
    folder
        Whether the output is a folder of files.
    suffixes
        File name endings that select the format when ``format`` is not given.
    description
        One line for ``--help``.
    """

    name: str
    build: Callable[..., Any]
    folder: bool
    suffixes: tuple[str, ...]
    description: str


def _json(graph: MetaGraph) -> str:
    from metagraph.interop.jsondoc import to_json

    return to_json(graph)


def _yaml(graph: MetaGraph, *, schema: str | None = None) -> str:
    from metagraph.interop.jsondoc import to_yaml

    return to_yaml(graph, schema=schema)


def _graphml(graph: MetaGraph) -> str:
    from metagraph.interop.graphml import to_graphml

    return to_graphml(graph)


def _cytoscape(graph: MetaGraph) -> str:
    from metagraph.interop.cytoscape import to_cytoscape_json

    return to_cytoscape_json(graph)


def _csv(graph: MetaGraph) -> dict[str, str]:
    from metagraph.interop.csvfiles import to_csv_files

    return to_csv_files(graph)


def _kgx(graph: MetaGraph, *, unidentified: str = "local") -> dict[str, str | Iterable[str]]:
    from metagraph.interop.kgx import kgx_chunks

    return dict(kgx_chunks(graph, unidentified=unidentified))  # type: ignore[arg-type]


def _cypher(graph: MetaGraph, *, dialect: str = "neo4j") -> dict[str, str | Iterable[str]]:
    from metagraph.interop.cypher import neo4j_import_chunks

    return {"graph.cypher": _cypher_script(graph, dialect=dialect), **neo4j_import_chunks(graph)}


def _cypher_script(graph: MetaGraph, *, dialect: str = "neo4j") -> Iterable[str]:
    from metagraph.interop.cypher import _check_dialect, cypher_chunks

    # the script is written piece by piece: at a million edges it would not fit in memory twice
    return cypher_chunks(graph, dialect=_check_dialect(dialect))


def _cypher_kuzu(graph: MetaGraph) -> Iterable[str]:
    return _cypher_script(graph, dialect="kuzu")


def _kuzu(graph: MetaGraph) -> dict[str, str | Iterable[bytes]]:
    from metagraph.interop.kuzu_bulk import kuzu_bulk_files

    return kuzu_bulk_files(graph)


def _turtle(graph: MetaGraph) -> str:
    from metagraph.interop.turtle import to_turtle

    return to_turtle(graph)


#: Format name → its writer. ``cypher`` writes a folder (script and neo4j-admin files),
#: or the script alone when the path ends in ``.cypher``/``.cql``.
FORMATS: Mapping[str, ExportFormat] = MappingProxyType(
    {
        f.name: f
        for f in (
            ExportFormat(
                "json",
                _json,
                False,
                (".json",),
                "the data format itself as JSON: `metagraph.load` reads it back unchanged",
            ),
            ExportFormat("yaml", _yaml, False, (".yaml", ".yml"), "the data format as YAML, for editing and `--data`"),
            ExportFormat("graphml", _graphml, False, (".graphml",), "GraphML for networkx, igraph, Gephi, yEd"),
            ExportFormat(
                "cytoscape", _cytoscape, False, (".cyjs",), "Cytoscape.js / Cytoscape desktop JSON with styles"
            ),
            ExportFormat("csv", _csv, True, (), "a folder: nodes.csv, edges.csv, references.csv"),
            ExportFormat("kgx", _kgx, True, (), "a folder: KGX TSV nodes.tsv, edges.tsv (Biolink Model)"),
            ExportFormat(
                "cypher",
                _cypher,
                True,
                (".cypher", ".cql"),
                "a folder: graph.cypher and neo4j-admin import CSVs (a .cypher path: the script alone); "
                "--dialect neo4j (default), falkordb or kuzu",
            ),
            ExportFormat(
                "cypher-kuzu", _cypher_kuzu, False, (), "the same as cypher with dialect kuzu, a script alone"
            ),
            ExportFormat(
                "kuzu",
                _kuzu,
                True,
                (),
                "a folder for Kùzu's bulk loader: load.cypher (tables and COPY FROM) and Parquet files",
            ),
            ExportFormat("turtle", _turtle, False, (".ttl",), "RDF Turtle for rdflib, Oxigraph, SPARQL stores"),
        )
    }
)


def _format_for(path: Path, format: str | None) -> ExportFormat:
    if format is not None:
        spec = FORMATS.get(format.casefold())
        if spec is None:
            raise ExportError(f"unknown export format {format!r}; use one of: {', '.join(FORMATS)}")
        return spec
    suffix = path.suffix.casefold()
    for spec in FORMATS.values():
        if suffix in spec.suffixes:
            return spec
    raise ExportError(
        f"cannot tell the format from {path.name!r}; pass format= one of: {', '.join(FORMATS)} "
        "(file endings: " + ", ".join(s for f in FORMATS.values() for s in f.suffixes) + ")"
    )


def export(graph: MetaGraph, path: str | os.PathLike[str], *, format: str | None = None, **options: Any) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (from the file ending when ``None``); return the path.

    Parameters
    ----------
    graph
        The graph.
    path
        A file, or a folder for ``csv``, ``kgx``, ``cypher`` and ``kuzu``.
    format
        One of :data:`FORMATS`: ``json`` (lossless: :func:`metagraph.load` reads it
        back), ``yaml``, ``graphml``, ``cytoscape``, ``csv``, ``kgx``, ``cypher``,
        ``cypher-kuzu`` (kept for ``cypher`` with ``dialect="kuzu"``, a script alone),
        ``kuzu`` (Parquet files and ``load.cypher`` for Kùzu's bulk loader: fast at any
        size; :mod:`metagraph.interop.kuzu_bulk`) or ``turtle``; ``None`` to take it
        from the file ending (.json, .yaml/.yml, .graphml, .cyjs, .cypher/.cql, .ttl).
    **options
        Options of the format's writer: ``schema=`` (yaml: the JSON Schema named on
        the first line), ``unidentified=`` (kgx: ``"local"``, the default, or ``"skip"``),
        ``dialect=`` (cypher: ``"neo4j"``, the default, ``"falkordb"`` or ``"kuzu"``).

    Returns
    -------
    Path
        The file or folder written.

    Raises
    ------
    ExportError
        Unknown format or option, a folder format given a file's path, data the
        format cannot hold, or a path that cannot be written (no permission, a file
        where a folder should be, a full disk); a file already there is then left
        as it was.

    Examples
    --------
    >>> import pathlib, tempfile, metagraph
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="ampk", name="AMPK", kind="signal")])
    >>> p = export(kg, pathlib.Path(tempfile.mkdtemp()) / "g.json")
    >>> metagraph.load(p).node("AMPK").id
    'ampk'
    >>> kg = metagraph.load()
    >>> out = kg.export(pathlib.Path(tempfile.mkdtemp()) / "graph.json")
    >>> len(metagraph.load(out)) == len(kg)
    True
    """
    target = Path(path)
    spec = _format_for(target, format)
    if spec.name == "cypher" and "dialect" in options:
        from metagraph.interop.cypher import _check_dialect

        options["dialect"] = _check_dialect(options["dialect"])
    if spec.name == "cypher" and target.suffix.casefold() in spec.suffixes:
        spec = ExportFormat("cypher", _cypher_script, False, spec.suffixes, spec.description)
    accepted = [p for p in inspect.signature(spec.build).parameters if p != "graph"]
    unknown = [o for o in options if o not in accepted]
    if unknown:
        raise ExportError(
            f"the {spec.name} format has no option {', '.join(map(repr, unknown))}"
            + (f"; its options: {', '.join(accepted)}" if accepted else "; it takes none")
        )
    # a large export makes millions of short-lived objects, none of them cyclic; the
    # collector's passes over the graph's own objects would double its time
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_and_write(graph, target, spec, options)
    finally:
        if collecting:
            gc.enable()


def _build_and_write(graph: MetaGraph, target: Path, spec: ExportFormat, options: dict[str, Any]) -> Path:
    output = spec.build(graph, **options)
    if spec.folder:
        if target.exists() and not target.is_dir():
            raise ExportError(f"{target} is a file; this format writes a folder of files, so give a folder path")
    elif target.is_dir():
        raise ExportError(f"{target} is a folder; the {spec.name} format writes one file, so give a file path")
    try:
        return _write_folder(target, output) if spec.folder else _write_file(target, output)
    except OSError as exc:
        raise ExportError(write_error_message(target, exc)) from None


def _write_file(path: Path, text: str | Iterable[str] | Iterable[bytes]) -> Path:
    if isinstance(text, str):
        return write_text_atomic(path, text)
    pieces = iter(text)
    first = next(pieces, "")
    # a file given as pieces of bytes (the Parquet tables of the kuzu format) is written as they are
    binary = isinstance(first, bytes)
    with atomic_open(
        path, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""
    ) as fh:
        fh.write(first)
        fh.writelines(pieces)
    return path


def _write_folder(folder: Path, files: Mapping[str, str | Iterable[str] | Iterable[bytes]]) -> Path:
    if all(isinstance(text, str) for text in files.values()):
        return write_folder_atomic(folder, files)  # type: ignore[arg-type]
    if folder.is_dir():
        for name, text in files.items():
            _write_file(folder / name, text)
        return folder
    # a new folder: written whole beside it, then renamed into place (as write_folder_atomic does)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        for name, text in files.items():
            _write_file(tmp / name, text)
        os.chmod(tmp, 0o777 & ~_umask())
        os.rename(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder
