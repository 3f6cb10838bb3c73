"""The committed JSON Schema is the one the models generate, and every data file names it."""

from __future__ import annotations

import json

from metagraph.jsonschema import SCHEMA_FILENAME, json_schema, json_schema_text
from metagraph.loader import bundled_data_path


def test_committed_schema_has_not_drifted() -> None:
    committed = (bundled_data_path() / SCHEMA_FILENAME).read_text(encoding="utf-8")
    assert committed == json_schema_text(), "regenerate it: python -m metagraph.jsonschema"


def test_every_field_has_a_description() -> None:
    schema = json_schema()
    for name, model in schema["$defs"].items():
        for field, prop in model.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no description"


def test_every_yaml_file_names_the_schema_on_its_first_line() -> None:
    root = bundled_data_path()
    files = sorted(root.rglob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        rel = "../" * (len(path.relative_to(root).parts) - 1) or "./"
        assert first == f"# yaml-language-server: $schema={rel}{SCHEMA_FILENAME}", path


def test_schema_is_valid_json_with_the_kind_enum() -> None:
    schema = json.loads(json_schema_text())
    assert "myokine" in schema["$defs"]["Kind"]["enum"]
