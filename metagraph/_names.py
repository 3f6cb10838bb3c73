"""Forgiving name lookup: case, spaces, hyphens and Greek letters do not matter."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["NameIndex", "normalize_name"]

_GREEK = {"α": "a", "β": "b", "γ": "g", "δ": "d", "κ": "k", "ε": "e", "µ": "m", "μ": "m"}
_GREEK_WORDS = re.compile(r"alpha|beta|gamma|delta|kappa")
_WORD_TO_LETTER = {"alpha": "a", "beta": "b", "gamma": "g", "delta": "d", "kappa": "k"}
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_name(name: str) -> str:
    """Reduce a name to the key it is looked up by.

    Case, spaces, hyphens and other punctuation are dropped, and Greek letters,
    written as symbols or as words, become their Latin letter.

    Examples
    --------
    >>> normalize_name("PGC-1α") == normalize_name("pgc-1 alpha") == normalize_name("PGC1A")
    True
    >>> normalize_name("β-cell")
    'bcell'
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    text = _NOT_ALNUM.sub("", text)
    while True:  # "alphalpha" would otherwise leave a new "alpha" behind
        shorter = _GREEK_WORDS.sub(lambda m: _WORD_TO_LETTER[m.group(0)], text)
        if shorter == text:
            return text
        text = shorter


class NameIndex:
    """Maps every spelling of every node to its id.

    Parameters
    ----------
    names
        For each node id, the names it can be looked up by (id, name, synonyms).

    Examples
    --------
    >>> idx = NameIndex({"pgc1a": ["PGC-1α", "PPARGC1A"], "ampk": ["AMPK"]})
    >>> idx.lookup("pgc 1 alpha")
    ['pgc1a']
    >>> idx.suggest("AMKP")
    ['AMPK']
    """

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        self._ids: dict[str, list[str]] = {}
        self._display: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        for node_id, spellings in names.items():
            self._exact[node_id] = node_id
            for s in (*spellings, node_id):
                key = normalize_name(s)
                if not key:
                    continue
                ids = self._ids.setdefault(key, [])
                if node_id not in ids:
                    ids.append(node_id)
                self._display.setdefault(key, s)

    def lookup(self, name: str) -> list[str]:
        """Return the ids a name can mean: none, one, or several when it is ambiguous."""
        if name in self._exact:
            return [name]
        return list(self._ids.get(normalize_name(name), ()))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Return up to ``n`` known spellings close to ``name``, best first."""
        key = normalize_name(name)
        if not key:
            return []
        close = difflib.get_close_matches(key, self._ids.keys(), n=n, cutoff=0.6)
        if len(close) < n:
            close += [k for k in sorted(self._ids, key=len) if key in k and k not in close][: n - len(close)]
        return [self._display[k] for k in close]

    def collisions(self) -> dict[str, list[str]]:
        """Spellings shared by more than one node: ``{spelling: [ids]}``."""
        return {self._display[k]: ids for k, ids in self._ids.items() if len(ids) > 1}
