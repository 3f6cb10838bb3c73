"""Forgiving names: the same key for every way people write a name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from metagraph._names import NameIndex, normalize_name


def test_spellings_of_pgc1a_agree() -> None:
    keys = {normalize_name(s) for s in ["PGC-1α", "pgc-1 alpha", "PGC1A", "PGC 1 Alpha", "pgc‐1α"]}
    assert keys == {"pgc1a"}


def test_greek_words_and_letters() -> None:
    assert normalize_name("β-cell") == normalize_name("beta cell") == "bcell"
    assert normalize_name("IL-6") == normalize_name("il6")


def test_index_lookup_ambiguity_and_suggestions() -> None:
    idx = NameIndex({"il6": ["IL-6", "interleukin-6"], "il6r": ["IL-6 receptor"], "x": ["shared"], "y": ["Shared"]})
    assert idx.lookup("Interleukin 6") == ["il6"]
    assert idx.lookup("SHARED") == ["x", "y"]
    assert idx.collisions() == {"shared": ["x", "y"]}
    assert "IL-6" in idx.suggest("IL-7")
    assert idx.lookup("nothing") == []


@given(st.text(max_size=20))
def test_normalize_is_idempotent_and_alphanumeric(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key
    assert key == "".join(ch for ch in key if ch.isascii() and ch.isalnum())
