"""A fast writer of block-style YAML for plain data (dicts, lists, strings, numbers, booleans, None).

PyYAML's ``safe_dump`` represents and serialises every value in Python, at several
microseconds per scalar: a 200,000-edge data file takes minutes. This writer makes
the same kind of document (block mappings and lists, keys in their order, list items
at their key's indentation) in one pass: a string is written plain when it plainly
is a string to a YAML 1.1 reader (a conservative test), else double-quoted with JSON's
escapes (a subset of YAML's), so every YAML reader gets the data back unchanged.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring
from typing import Any

__all__ = ["dump"]

# Plain when it starts with a letter and holds only letters, digits, spaces and a few
# marks that mean nothing to YAML there (no ':', '#', quotes, brackets, '&', '*', '!').
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,/()+\-]*(?<! )\Z")
# Words a YAML 1.1 reader takes for booleans or null, in any case.
_SPECIAL = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null"})
# Characters JSON leaves raw that YAML reads as line breaks or refuses as non-printable.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _string(value: str) -> str:
    if _PLAIN.match(value) and (len(value) > 5 or value.lower() not in _SPECIAL):
        return value
    # What json.dumps(value, ensure_ascii=False) gives, without its per-call set-up of an encoder.
    quoted = encode_basestring(value)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # YAML 1.1 floats need a dot: 1e-05 would read back as a string
        return text.replace("e", ".0e") if "." not in text and "e" in text else text
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


class _Writer:
    """One document being written: its lines, and each string already written (ids and words recur)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.written: dict[str, str] = {}

    def string(self, value: str) -> str:
        text = self.written.get(value)
        if text is None:
            text = self.written[value] = _string(value)
        return text

    def key(self, value: Any) -> str:
        return self.string(value) if type(value) is str else _scalar(value)

    def mapping(self, data: dict[Any, Any], indent: str) -> None:
        out, written = self.out, self.written
        for key, value in data.items():
            if type(value) is str:  # the common case first
                out.append(f"{indent}{self.key(key)}: {written.get(value) or self.string(value)}")
            elif isinstance(value, dict) and value:
                out.append(f"{indent}{self.key(key)}:")
                self.mapping(value, indent + "  ")
            elif isinstance(value, list) and value:
                out.append(f"{indent}{self.key(key)}:")
                self.sequence(value, indent)
            else:
                out.append(f"{indent}{self.key(key)}: {_scalar(value)}")

    def sequence(self, items: list[Any], indent: str) -> None:
        out, written = self.out, self.written
        inner = indent + "  "
        for item in items:
            if type(item) is str:
                out.append(f"{indent}- {written.get(item) or self.string(item)}")
            elif isinstance(item, (dict, list)) and item:
                start = len(out)
                if isinstance(item, dict):
                    self.mapping(item, inner)
                else:
                    self.sequence(item, inner)
                out[start] = f"{indent}- {out[start][len(inner) :]}"
            else:
                out.append(f"{indent}- {_scalar(item)}")


def dump(data: dict[str, Any]) -> str:
    """Return ``data`` (a mapping of plain values) as a block-style YAML document.

    Examples
    --------
    >>> print(dump({"nodes": [{"id": "ampk", "name": "AMPK", "synonyms": ["yes", "a: b"]}], "count": 2}), end="")
    nodes:
    - id: ampk
      name: AMPK
      synonyms:
      - "yes"
      - "a: b"
    count: 2
    """
    writer = _Writer()
    writer.mapping(data, "")
    out = writer.out
    return "\n".join(out) + "\n" if out else "{}\n"
