"""metagraph: how exercise reverses metabolic dysregulation, as a typed, cited, directed knowledge graph.

Examples
--------
>>> import metagraph
>>> kg = metagraph.load()
>>> kg.node("PGC-1alpha").name
'PGC-1α'
"""

from typing import TYPE_CHECKING

from metagraph.errors import (
    AmbiguousNodeError,
    ArgumentTypeError,
    DataError,
    ExportError,
    MergeConflictError,
    MetagraphError,
    NoPathError,
    Problem,
    RenderError,
    UnknownNodeError,
)

if TYPE_CHECKING:  # the names as type checkers and editors see them; at run time they load on first use
    from metagraph.graph import MetaGraph
    from metagraph.loader import bundled_data_path, load, validate_files
    from metagraph.models import Edge, Evidence, GraphDocument, Node, Reference
    from metagraph.schema import (
        ASSOCIATIONS,
        PREDICATES,
        EvidenceType,
        Kind,
        Magnitude,
        Mechanism,
        Predicate,
        Section,
        Species,
        Stance,
        StudySystem,
        Timescale,
    )

__version__ = "0.1.0"

# Everything but the errors is imported on first use: `import metagraph` (and so the command) stays fast,
# and a Ctrl-C while the command starts is caught by its own handler rather than printed as a traceback.
_LAZY = {
    "ASSOCIATIONS": "metagraph.schema",
    "Edge": "metagraph.models",
    "Evidence": "metagraph.models",
    "EvidenceType": "metagraph.schema",
    "GraphDocument": "metagraph.models",
    "Kind": "metagraph.schema",
    "Magnitude": "metagraph.schema",
    "Mechanism": "metagraph.schema",
    "MetaGraph": "metagraph.graph",
    "Node": "metagraph.models",
    "PREDICATES": "metagraph.schema",
    "Predicate": "metagraph.schema",
    "Reference": "metagraph.models",
    "Section": "metagraph.schema",
    "Species": "metagraph.schema",
    "Stance": "metagraph.schema",
    "StudySystem": "metagraph.schema",
    "Timescale": "metagraph.schema",
    "bundled_data_path": "metagraph.loader",
    "load": "metagraph.loader",
    "validate_files": "metagraph.loader",
    "AuditReport": "metagraph.audit",
    "Chain": "metagraph.queries.chains",
    "Comparison": "metagraph.queries.compare",
    "IdentifierReport": "metagraph.interop.identifiers",
    "LostEffects": "metagraph.queries.whatif",
    "MergeResult": "metagraph.interop.merge",
    "MyokineEffects": "metagraph.queries.reach",
    "NetEffect": "metagraph.queries.trace",
    "TableResult": "metagraph.queries.tables",
    "read_table": "metagraph.interop.table",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'metagraph' has no attribute {name!r}")


__all__ = [
    "ASSOCIATIONS",
    "PREDICATES",
    "AmbiguousNodeError",
    "ArgumentTypeError",
    "AuditReport",
    "Chain",
    "Comparison",
    "DataError",
    "Edge",
    "Evidence",
    "EvidenceType",
    "ExportError",
    "GraphDocument",
    "IdentifierReport",
    "Kind",
    "LostEffects",
    "Magnitude",
    "Mechanism",
    "MergeConflictError",
    "MergeResult",
    "MetaGraph",
    "MetagraphError",
    "MyokineEffects",
    "NetEffect",
    "NoPathError",
    "Node",
    "Predicate",
    "Problem",
    "Reference",
    "RenderError",
    "Section",
    "Species",
    "Stance",
    "StudySystem",
    "TableResult",
    "Timescale",
    "UnknownNodeError",
    "__version__",
    "bundled_data_path",
    "load",
    "read_table",
    "validate_files",
]
