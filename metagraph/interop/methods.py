"""The import, merge and export methods of :class:`~metagraph.MetaGraph`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.interop.identifiers import IdentifierReport
    from metagraph.interop.merge import MergeResult


class InteropMethods:
    """Interop methods mixed into :class:`~metagraph.MetaGraph`."""

    @overload
    def merge(self, other: MetaGraph, *, on_conflict: Literal["raise"] = "raise") -> MetaGraph: ...

    @overload
    def merge(self, other: MetaGraph, *, on_conflict: Literal["report"]) -> MergeResult: ...

    def merge(self, other: MetaGraph, *, on_conflict: Literal["raise", "report"] = "raise") -> MetaGraph | MergeResult:
        """Return a new graph with ``other`` merged into this one (neither changes).

        Nodes with the same id, or else sharing an identifier (CURIE), become one node
        (synonyms and identifiers pooled, this graph's name and kind kept); edges with
        the same source, target and key pool their evidence. See
        :mod:`metagraph.interop.merge` for every rule.

        Parameters
        ----------
        other
            The graph to merge in (e.g. from :func:`metagraph.read_table` with
            ``reference=`` this graph, or :func:`metagraph.load`).
        on_conflict
            ``"raise"``: raise :class:`~metagraph.MergeConflictError` listing every
            conflict (a node with two kinds, edges with opposite signs between the same
            nodes, ...). ``"report"``: return a :class:`~metagraph.interop.merge.MergeResult`
            ``(graph, conflicts, renamed)`` whose graph keeps this graph's side of each
            conflict.

        Examples
        --------
        >>> import metagraph
        >>> from metagraph import MetaGraph, Node, Edge, Reference
        >>> kg = metagraph.load()
        >>> extra = MetaGraph([Node(id="interleukin_6", name="Interleukin 6", kind="myokine", xrefs=["HGNC:6018"]),
        ...                    Node(id="stat3", name="STAT3", kind="signal", xrefs=["HGNC:11364"])],
        ...                   [Edge(source="interleukin_6", target="stat3", predicate="activates",
        ...                         evidence=[{"reference": "lab_notes", "quote": "IL-6 activates STAT3"}])],
        ...                   [Reference(key="lab_notes", type="other", title="Lab notes")])
        >>> merged = kg.merge(extra)
        >>> [e.target for e in merged.edges(source="IL-6", predicate="activates")]
        ['stat3']
        >>> len(merged) == len(kg) + 1
        True
        """
        from metagraph.interop.merge import merge

        return merge(self, other, on_conflict=on_conflict)  # type: ignore[arg-type]

    def check_identifiers(self, *, use_bioregistry: bool | None = None) -> IdentifierReport:
        """Check every identifier (CURIE) of the graph; return the report.

        Prefixes and local-id syntax are checked against the Bioregistry (when the
        ``bioregistry`` package is installed, else a built-in table); withdrawn and
        look-alike records the project knows, complexes grounded to one subunit, and
        nodes without any identifier are reported. See
        :mod:`metagraph.interop.identifiers`.

        Examples
        --------
        >>> import metagraph
        >>> report = metagraph.load().check_identifiers()
        >>> report.ok
        True
        """
        from metagraph.interop.identifiers import check_identifiers

        return check_identifiers(self, use_bioregistry=use_bioregistry)  # type: ignore[arg-type]

    def export(self, path: str | os.PathLike[str], *, format: str | None = None, **options: Any) -> Path:
        """Write the graph to ``path`` in ``format``; return the path written.

        Parameters
        ----------
        path
            A file, or a folder for the ``csv``, ``kgx`` and ``cypher`` formats.
        format
            ``json`` (lossless: ``metagraph.load`` reads it back), ``yaml``, ``graphml``,
            ``cytoscape``, ``csv``, ``kgx``, ``cypher`` or ``turtle``; ``None`` to take it
            from the file ending (.json, .yaml, .graphml, .cyjs, .cypher, .ttl).
        **options
            Options of the format (see :func:`metagraph.interop.export.export_graph`).

        Raises
        ------
        ExportError
            Unknown format or option, or a path of the wrong sort (file vs folder).

        Examples
        --------
        >>> import pathlib, tempfile, metagraph
        >>> kg = metagraph.load()
        >>> out = kg.export(pathlib.Path(tempfile.mkdtemp()) / "graph.json")
        >>> len(metagraph.load(out)) == len(kg)
        True
        """
        from metagraph.interop.export import export_graph

        return export_graph(self, path, format=format, **options)  # type: ignore[arg-type]
