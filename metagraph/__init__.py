"""metagraph: how exercise reverses metabolic dysregulation, as a typed, cited, directed knowledge graph.

Examples
--------
>>> import metagraph
>>> kg = metagraph.load()
>>> kg.node("PGC-1alpha").name
'PGC-1α'
"""

from metagraph.errors import (
    AmbiguousNodeError,
    DataError,
    ExportError,
    MergeConflictError,
    MetagraphError,
    NoPathError,
    Problem,
    RenderError,
    UnknownNodeError,
)
from metagraph.graph import MetaGraph
from metagraph.interop.table import read_table
from metagraph.loader import bundled_data_path, load, validate_files
from metagraph.models import Edge, Evidence, GraphDocument, Node, Reference
from metagraph.schema import PREDICATES, Kind, Magnitude, Mechanism, Predicate, Section, Timescale

__version__ = "0.1.0"

__all__ = [
    "PREDICATES",
    "AmbiguousNodeError",
    "DataError",
    "Edge",
    "Evidence",
    "ExportError",
    "GraphDocument",
    "Kind",
    "Magnitude",
    "Mechanism",
    "MergeConflictError",
    "MetaGraph",
    "MetagraphError",
    "NoPathError",
    "Node",
    "Predicate",
    "Problem",
    "Reference",
    "RenderError",
    "Section",
    "Timescale",
    "UnknownNodeError",
    "__version__",
    "bundled_data_path",
    "load",
    "read_table",
    "validate_files",
]
