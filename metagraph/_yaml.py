"""Read YAML and JSON data files keeping the line of every mapping key and list item.

The lines let an error in ``edges[12].evidence[0].quote`` point at the line of the
file where that value is written.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from metagraph.errors import Problem

__all__ = ["LineDict", "LineList", "line_of", "parse_document"]


class LineDict(dict[Any, Any]):
    """A dict that remembers the line of each key (``key_lines``) and its own ``line``."""

    line: int | None = None
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A list that remembers the line of each item (``item_lines``) and its own ``line``."""

    line: int | None = None
    item_lines: list[int]


@functools.cache
def _line_loader() -> Callable[[str], Any]:
    """The YAML loader class, built on first use so that start-up does not import PyYAML.

    Called with the text, it makes a loader; set its ``duplicates`` to a list before loading.
    """
    import yaml

    base: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
    try:  # libyaml's parser is several times faster; the constructors below stay in Python
        base = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        base = yaml.SafeLoader

    str_tag = "tag:yaml.org,2002:str"
    scalar = yaml.ScalarNode

    def value_of(loader: Any, node: Any) -> Any:
        # Most values are plain strings: skip the generic constructor's bookkeeping for them.
        if node.tag == str_tag and type(node) is scalar:
            return node.value
        return loader.construct_object(node, deep=True)

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = value_of(loader, key_node)
            try:
                hash(key)
            except TypeError:
                key = str(key)
            if key in out:
                loader.duplicates.append((key, key_node.start_mark.line + 1))
            out[key] = value_of(loader, value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def construct_sequence(loader: Any, node: Any) -> LineList:
        out = LineList(value_of(loader, child) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    implicit_first = frozenset(base.yaml_implicit_resolvers)

    def resolve(loader: Any, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        # A plain scalar whose first character starts no implicit type (number, bool, null,
        # date, merge key) is a string: the same answer as the full resolver, without its regexes.
        if kind is scalar and implicit[0] and value and value[0] not in implicit_first:
            return str_tag
        # Resolver.resolve is unannotated in types-PyYAML.
        resolved: str = base.resolve(loader, kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved

    # Built with type() because the base class is chosen at run time; the stubs cannot follow it.
    loader: type[Any] = type("LineLoader", (base,), {"resolve": resolve})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return loader


def parse_document(text: str, file: str, *, json_format: bool = False) -> tuple[Any, list[Problem]]:
    """Parse one file's text; return the data and the syntax problems found.

    Examples
    --------
    >>> data, problems = parse_document("nodes:\\n  - id: a\\n    id: b\\n", "x.yaml")
    >>> data["nodes"].item_lines, [str(p) for p in problems]
    ([2], ["x.yaml:3: nodes[0]: the key 'id' is written twice; keep one"])
    """
    if json_format:
        try:
            return json.loads(text), []
        except json.JSONDecodeError as exc:
            return None, [
                Problem(
                    file,
                    exc.lineno,
                    "",
                    f"JSON syntax error: {exc.msg} (column {exc.colno})",
                    "check the commas, brackets and quotes on this line and the one before",
                )
            ]
    import yaml

    loader = _line_loader()(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return None, [
            Problem(
                file,
                line,
                "",
                f"YAML syntax error: {what}",
                "check the indentation, the '-' of list items and the quoting near this line",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, "", f"YAML error: {exc}", "check that the file is valid YAML")]
    finally:
        loader.dispose()
    problems = [
        Problem(file, line, _where_of_line(data, line), f"the key {key!r} is written twice", "keep one")
        for key, line in loader.duplicates
    ]
    return data, problems


def _where_of_line(data: Any, line: int) -> str:
    """The path of the innermost list item that starts on or before ``line``."""
    path = ""
    node = data
    while True:
        if isinstance(node, LineDict):
            nxt = None
            for key, kline in node.key_lines.items():
                if kline <= line and isinstance(node[key], (LineDict, LineList)):
                    nxt = key
            if nxt is None:
                return path
            path = f"{path}.{nxt}" if path else str(nxt)
            node = node[nxt]
        elif isinstance(node, LineList):
            idx = None
            for i, iline in enumerate(node.item_lines):
                if iline <= line:
                    idx = i
            if idx is None:
                return path
            path = f"{path}[{idx}]"
            node = node[idx]
        else:
            return path


def line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """Return the line of the deepest part of ``loc`` that ``data`` knows the line of.

    Examples
    --------
    >>> data, _ = parse_document("edges:\\n  - source: a\\n    target: b\\n", "x.yaml")
    >>> line_of(data, ("edges", 0, "target"))
    3
    """
    line = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line
