"""Bring data in and take the graph out: table import, merge, identifier checks, exports.

:func:`read_table` reads a CSV/TSV edge list into a graph, reporting every bad row;
:func:`merge` unifies overlapping graphs and reports conflicts (a :class:`MergeResult`);
:func:`check_identifiers` checks CURIE syntax and known hazards (an
:class:`IdentifierReport`); :func:`export` writes the graph, whole or nothing, in one of
the :data:`FORMATS` (json, yaml, graphml, cytoscape, csv, kgx, cypher, cypher-kuzu, kuzu
(bulk files), turtle). The
graph offers ``merge``, ``check_identifiers`` and ``export`` as methods.

The names are imported on first use, so ``import metagraph`` loads none of the format code.
"""

from metagraph._lazy import lazy_exports

_EXPORTS = {
    "FORMATS": "metagraph.interop.export",
    "IdentifierReport": "metagraph.interop.identifiers",
    "MergeResult": "metagraph.interop.merge",
    "check_identifiers": "metagraph.interop.identifiers",
    "export": "metagraph.interop.export",
    "merge": "metagraph.interop.merge",
    "read_table": "metagraph.interop.table",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
