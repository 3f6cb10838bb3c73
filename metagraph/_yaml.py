"""Read YAML and JSON data files keeping the line of every mapping key and list item.

The lines let an error in ``edges[12].evidence[0].quote`` point at the line of the
file where that value is written.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from metagraph.errors import Problem

__all__ = [
    "Limits",
    "LineDict",
    "LineList",
    "json_has_long_number",
    "json_key_count",
    "line_of",
    "parse_document",
    "short_repr",
]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one data file may cost to read, so that a hostile file is refused, not obeyed.

    Each bound that a file passes gives a :class:`~metagraph.errors.Problem` naming the
    file, the line and the limit, instead of minutes of work or a traceback.

    Attributes
    ----------
    max_file_bytes
        Largest data file read, in bytes (the bundled graph is about 0.2 MB in all).
    max_depth
        Deepest nesting of lists and mappings (a data file needs about 6).
    max_values
        Most values (scalars, lists and mappings) a YAML document may expand to with
        its aliases (``*name``) and merge keys (``<<``) followed: a few hundred bytes of
        nested aliases can otherwise stand for billions of values.
    max_int_digits
        Longest integer literal, in digits (no field needs more than a few).
    max_problems
        Most problems shown in an error message (:class:`~metagraph.errors.DataError`
        keeps them all in ``problems``); the message says how many were left out.

    Examples
    --------
    >>> Limits().max_depth
    64
    >>> Limits(max_depth=8).max_depth
    8
    """

    max_file_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_values: int = 1_000_000
    max_int_digits: int = 64
    max_problems: int = 100


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


class _LimitExceeded(Exception):
    """A file passed one of the :class:`Limits`; carries the problem's line, message and fix."""

    def __init__(self, line: int | None, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


def _limit_hint(field: str, value: int) -> str:
    return (
        f"simplify the file; if it is genuine, raise the limit: metagraph.load(..., "
        f"limits=metagraph.loader.Limits({field}={value * 4}))"
    )


def short_repr(value: Any, width: int = 60) -> str:
    """A repr of ``value`` cut to about ``width`` characters, whatever its size.

    Never builds the whole repr of a large or self-referencing value: lists and
    mappings show their first items and how many there are.

    Examples
    --------
    >>> short_repr("abc")
    "'abc'"
    >>> short_repr(["x"] * 10**9 if False else ["x"] * 1000)
    "['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', ... (1000 items)]"
    >>> short_repr(10**5000)
    '<an integer of 5001 digits>'
    """
    parts: list[str] = []
    room = [width]

    def put(text: str) -> bool:
        parts.append(text)
        room[0] -= len(text)
        return room[0] > 0

    def walk(item: Any, depth: int) -> bool:
        if isinstance(item, str):
            text = repr(item[: max(room[0], 4)])
            return put(text if len(item) <= max(room[0], 4) else text[:-1] + "...'")
        if isinstance(item, bool) or item is None or isinstance(item, float):
            return put(repr(item))
        if isinstance(item, int):
            if item.bit_length() > 200:  # str() of a huge int is slow, and refused past 4,300 digits
                digits = int(item.bit_length() * 0.30103) + 1
                return put(f"<an integer of {digits} digits>")
            return put(repr(item))
        if isinstance(item, (list, tuple, dict)):
            opening, closing = ("{", "}") if isinstance(item, dict) else ("[", "]") if isinstance(item, list) else "()"
            if depth >= 3:
                return put(f"{opening}...{closing}")
            put(opening)
            entries = item.items() if isinstance(item, dict) else item
            for i, entry in enumerate(entries):
                if i:
                    put(", ")
                if room[0] <= 0:
                    put(f"... ({len(item)} items)")
                    break
                if isinstance(item, dict):
                    walk(entry[0], depth + 1)
                    put(": ")
                    walk(entry[1], depth + 1)
                else:
                    walk(entry, depth + 1)
            return put(closing)
        return put(f"<{type(item).__name__}>")

    walk(value, 0)
    return "".join(parts)


class LineDict(dict[Any, Any]):
    """A dict that remembers the line of each key (``key_lines``) and its own ``line``."""

    line: int | None = None
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A list that remembers the line of each item (``item_lines``) and its own ``line``."""

    line: int | None = None
    item_lines: list[int]


#: Parse YAML with libyaml (PyYAML's C parser and composer) when PyYAML was built with it;
#: ``False`` forces the pure-Python parser (the tests read every document both ways).
USE_LIBYAML = True


@functools.cache
def _line_loader(libyaml: bool) -> Callable[[str], Any]:
    """The YAML loader class, built on first use so that start-up does not import PyYAML.

    With ``libyaml`` (and PyYAML built with it), libyaml parses and composes the node
    tree, several times faster than PyYAML's Python parser, and its nodes carry the same
    marks (the lines); the constructors below stay in Python either way, with every limit.
    Called with the text, it makes a loader; set its ``duplicates`` to a list before loading.
    """
    import yaml

    base: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = yaml.SafeLoader
    if libyaml and hasattr(yaml, "CSafeLoader"):
        base = yaml.CSafeLoader

    str_tag, map_tag, seq_tag = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
    scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def value_of(loader: Any, node: Any) -> Any:
        # Most values are plain strings, lists and mappings: skip the generic constructor's
        # bookkeeping for them. Its cache of built values is what makes an alias (*name) share
        # its anchor's value, so a document with aliases goes through it (``direct`` False).
        tag, kind = node.tag, type(node)
        if tag == str_tag and kind is scalar:
            return node.value
        if loader.direct:
            if tag == map_tag and kind is mapping:
                return construct_mapping(loader, node)
            if tag == seq_tag and kind is sequence:
                return construct_sequence(loader, node)
        return loader.construct_object(node, deep=True)

    def enter(loader: Any, node: Any) -> None:
        # Counted here rather than left to Python's recursion limit, so that depth is a clear problem.
        loader.depth += 1
        if loader.depth > loader.limits.max_depth:
            raise _LimitExceeded(
                node.start_mark.line + 1,
                f"lists and mappings are nested more than {loader.limits.max_depth} deep",
                _limit_hint("max_depth", loader.limits.max_depth),
            )

    def construct_mapping(loader: Any, node: Any) -> LineDict:
        enter(loader, node)
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = value_of(loader, key_node)
            try:
                hash(key)
            except TypeError:
                key = short_repr(key)
            if key in out:
                loader.duplicates.append((key, key_node.start_mark.line + 1))
            out[key] = value_of(loader, value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        loader.depth -= 1
        return out

    def construct_sequence(loader: Any, node: Any) -> LineList:
        enter(loader, node)
        out = LineList([value_of(loader, child) for child in node.value])
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        loader.depth -= 1
        return out

    def construct_int(loader: Any, node: Any) -> Any:
        digits = len(str(node.value).lstrip("+-").replace("_", ""))
        if digits > loader.limits.max_int_digits:
            raise _LimitExceeded(
                node.start_mark.line + 1,
                f"a number of {digits} digits is longer than the limit of {loader.limits.max_int_digits}",
                "write it as a quoted string if it is an identifier, or shorten it",
            )
        return loader.construct_yaml_int(node)

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
    loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    return loader


def _check_expansion(root: Any, limits: Limits) -> None:
    """Refuse a node tree whose aliases expand it past ``limits.max_values``, or that contains itself.

    The composed tree shares one node object per anchor, so each node is sized once
    (an alias bomb of a few hundred bytes is measured in a few hundred steps).
    """
    import yaml

    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        ident = id(node)
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = []
        if done:
            open_nodes.discard(ident)
            size = 1 + sum(sizes[id(c)] for c in children)
            if size > limits.max_values:
                raise _LimitExceeded(
                    node.start_mark.line + 1,
                    f"the aliases (*name) and merge keys (<<) here expand to more than {limits.max_values:,} values",
                    "write the values out instead of nesting aliases; " + _limit_hint("max_values", limits.max_values),
                )
            sizes[ident] = size
            continue
        if ident in sizes:
            continue
        if ident in open_nodes:  # reached again below itself: an alias inside its own anchor
            raise _LimitExceeded(
                node.start_mark.line + 1,
                "a recursive alias: the value contains itself",
                "an alias (*name) cannot be used inside the value its anchor (&name) marks",
            )
        open_nodes.add(ident)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)


_JSON_STRING = re.compile(rb'"(?:[^"\\\n]|\\.)*"')
_JSON_BRACKET = re.compile(rb"[\[\]{}]")
_JSON_EMPTY_PAIR = re.compile(rb"\[\]|\{\}")
_JSON_NOISE = bytes(b for b in range(256) if b not in b'"\\[]{}\n')  # every byte but these
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}:,]')


def _line_at(newlines: list[int], pos: int) -> int:
    return bisect.bisect_left(newlines, pos) + 1


def _json_depth(text: str, limits: Limits) -> None:
    """Refuse JSON nested deeper than ``limits.max_depth``, before the parser recurses into it."""
    depth = 0
    # Only quotes, backslashes, brackets and newlines matter: keeping just those bytes (no
    # byte of a multi-byte UTF-8 character is one) leaves a few percent of the text for
    # the regex that drops strings (brackets inside them do not nest); lines are kept.
    stripped = _JSON_STRING.sub(b'""', text.encode("utf-8", "surrogatepass").translate(None, _JSON_NOISE))
    # Each round drops the pairs of brackets with nothing between them: the innermost
    # level everywhere at once. Empty within the limit's rounds means shallow enough;
    # otherwise (too deep, or unbalanced for the parser to report) the walk below says where.
    shape = stripped.translate(None, b'"\\\n')
    for _ in range(limits.max_depth):
        if not shape:
            return
        before = len(shape)
        shape = _JSON_EMPTY_PAIR.sub(b"", shape)
        if before > 1 << 16 and len(shape) * 8 > before * 7:
            break  # a long chain of nesting: the walk stops at its first level too deep
    if not shape:
        return
    for match in _JSON_BRACKET.finditer(stripped):
        if match.group() in b"[{":
            depth += 1
            if depth > limits.max_depth:
                line = stripped.count(b"\n", 0, match.start()) + 1
                raise _LimitExceeded(
                    line,
                    f"lists and objects are nested more than {limits.max_depth} deep",
                    _limit_hint("max_depth", limits.max_depth),
                )
        else:
            depth -= 1


def _json_duplicates(text: str) -> list[tuple[str, int]]:
    """The keys written twice in one JSON object, with their lines (only run when there are some)."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    found: list[tuple[str, int]] = []
    stack: list[set[str] | None] = []
    pending: tuple[str, int] | None = None
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token == ":" and pending is not None and stack and stack[-1] is not None:
            key, pos = pending
            if key in stack[-1]:
                found.append((key, _line_at(newlines, pos)))
            stack[-1].add(key)
        pending = None
        if token == "{":
            stack.append(set())
        elif token == "[":
            stack.append(None)
        elif token in "]}" and stack:
            stack.pop()
        elif token.startswith('"'):
            try:
                pending = (json.loads(token), match.start())
            except ValueError:
                pending = None
    return found


_JSON_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_JSON_NOT_QUOTE_OR_COLON = bytes(b for b in range(256) if b not in b'":')
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def json_key_count(raw: bytes) -> int:
    """The number of keys (colons outside strings) in a JSON text the parser has accepted.

    Only meaningful for valid JSON, where every such colon follows one key. The loader
    compares it with the keys the validated records hold: more in the text means a key
    written twice in one object. Strings are found by their quotes once every escape
    (a backslash and the character after it) is gone, so an escaped quote never counts.

    Examples
    --------
    >>> json_key_count(b'{"a": "x:y", "b": [{"c": 1}, {"d": "\\\\\\": "}]}')
    4
    """
    if b"\\" in raw:
        raw = _JSON_ESCAPE.sub(b"", raw)
    # Quotes and colons only; "" (an empty string, or two quotes that end one string and
    # start the next) changes no colon's side, and is nearly all of what is left.
    marks = raw.translate(None, _JSON_NOT_QUOTE_OR_COLON).replace(b'""', b"")
    if b'"' not in marks:
        return marks.count(b":")
    return b"".join(marks.split(b'"')[::2]).count(b":")


def json_has_long_number(raw: bytes, limits: Limits) -> bool:
    """Whether a JSON text has a run of more digits than ``limits.max_int_digits`` (in a string or not).

    Examples
    --------
    >>> four = Limits(max_int_digits=4)
    >>> json_has_long_number(b'{"year": 2012}', four), json_has_long_number(b'{"id": "x12345"}', four)
    (False, True)
    """
    return b"0" * (limits.max_int_digits + 1) in raw.translate(_DIGITS_AS_ZERO)


def _parse_json(text: str, file: str, limits: Limits) -> tuple[Any, list[Problem]]:
    _json_depth(text, limits)
    twice = [False]

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            twice[0] = True
        return out

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_int_digits:
            raise _LimitExceeded(
                None,
                f"a number of {len(digits.lstrip('-'))} digits is longer than the limit of {limits.max_int_digits}",
                "write it as a string if it is an identifier, or shorten it",
            )
        return int(digits)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=integer)
    except _LimitExceeded as exc:
        long_number = re.search(rf"\d{{{limits.max_int_digits + 1}}}", text)
        if long_number is not None:
            exc.line = text.count("\n", 0, long_number.start()) + 1
        raise
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
    problems = []
    if twice[0]:
        problems = [
            Problem(file, line, "", f"the key {short_repr(key)} is written twice", "keep one")
            for key, line in _json_duplicates(text)
        ]
    return data, problems


def parse_document(
    text: str, file: str, *, json_format: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, list[Problem]]:
    """Parse one file's text; return the data and the syntax problems found.

    A file that passes one of the ``limits`` gives no data and one problem saying which.

    Examples
    --------
    >>> data, problems = parse_document("nodes:\\n  - id: a\\n    id: b\\n", "x.yaml")
    >>> data["nodes"].item_lines, [str(p) for p in problems]
    ([2], ["x.yaml:3: nodes[0]: the key 'id' is written twice; keep one"])
    >>> _, problems = parse_document("[[[[1]]]]", "x.json", json_format=True, limits=Limits(max_depth=3))
    >>> print(problems[0])  # doctest: +ELLIPSIS
    x.json:1: lists and objects are nested more than 3 deep; simplify the file; ...
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark means nothing in UTF-8, in JSON as in YAML
    try:
        if json_format:
            return _parse_json(text, file, limits)
        return _parse_yaml(text, file, limits)
    except _LimitExceeded as exc:
        return None, [Problem(file, exc.line, "", exc.message, exc.hint)]
    except RecursionError:  # pragma: no cover - the limits above stop nesting long before this
        return None, [Problem(file, None, "", "the file is nested too deep to read", "simplify the file")]


def _parse_yaml(text: str, file: str, limits: Limits) -> tuple[Any, list[Problem]]:
    import yaml

    loader = _line_loader(USE_LIBYAML)(text)
    loader.duplicates = []
    loader.limits = limits
    loader.depth = 0
    loader.direct = "*" not in text  # no alias: nothing is shared, each value is built once anyway
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        if "*" in text:  # without an alias nothing can expand: the size of the text bounds the values
            _check_expansion(node, limits)
        data = loader.construct_document(node)
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
        Problem(file, line, _where_of_line(data, line), f"the key {short_repr(key)} is written twice", "keep one")
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
