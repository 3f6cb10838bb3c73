"""The JSON Schema of the data files, generated from :class:`~metagraph.GraphDocument`.

The committed copy lives beside the bundled data (``data/metagraph.schema.json``) so
that each YAML file can name it on its first line for editors; a test fails when it
drifts from the models. Regenerate it with ``python -m metagraph.jsonschema``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from metagraph._atomic import write_text_atomic
from metagraph.models import GraphDocument

__all__ = ["SCHEMA_FILENAME", "json_schema", "json_schema_text", "write_json_schema"]

#: File name of the schema inside the data folder.
SCHEMA_FILENAME = "metagraph.schema.json"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a data file.

    Examples
    --------
    >>> sorted(json_schema()["properties"])
    ['$schema', 'edges', 'nodes', 'references']
    """
    schema = GraphDocument.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILENAME
    return schema


def json_schema_text() -> str:
    """Return the schema as the text written to disk (stable key order, final newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_json_schema(path: str | os.PathLike[str]) -> Path:
    """Write the schema to ``path`` (atomically) and return the path.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> p = write_json_schema(pathlib.Path(tempfile.mkdtemp()) / "s.json")
    >>> json.loads(p.read_text())["title"]
    'metagraph data file'
    """
    return write_text_atomic(path, json_schema_text())


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    from metagraph.loader import bundled_data_path

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_data_path() / SCHEMA_FILENAME
    print(write_json_schema(target))
