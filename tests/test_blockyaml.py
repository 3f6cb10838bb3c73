"""The fast block-YAML writer of import-table: whatever it writes, YAML readers read back unchanged."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from metagraph._yaml import parse_document
from metagraph.interop._blockyaml import dump

# Strings a YAML 1.1 reader would take for something else, or that need quoting.
awkward = st.sampled_from(
    [
        *("yes", "No", "on", "~", "null", "n", "1.5", "2024-01-02", "0x1F", "a: b", "- x", "#c", "&a", "*b", "!t"),
        *("'q'", "a ", "", " a", "x\u2028y", "\x85", "\x7f", "é", "PGC-1α", "tab\there", "two\nlines", '"', "\\"),
        *("<<", "="),
    ]
)
scalars = st.one_of(awkward, st.text(), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5) | awkward, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=6) | awkward, values, max_size=4))
def test_readers_get_the_data_back(doc: dict[str, object]) -> None:
    text = dump(doc)
    assert yaml.safe_load(text) == doc
    if hasattr(yaml, "CSafeLoader"):
        assert yaml.load(text, Loader=yaml.CSafeLoader) == doc
    data, problems = parse_document(text, "x.yaml")
    assert problems == [] and data == doc


def test_plain_words_stay_plain_and_lists_sit_under_their_key() -> None:
    doc = {"edges": [{"source": "il6", "evidence": [{"quote": "IL-6 activates STAT3"}]}], "values": [1.0, 1e-05]}
    assert dump({**doc, "n": "y"}) == (
        'edges:\n- source: il6\n  evidence:\n  - quote: IL-6 activates STAT3\nvalues:\n- 1.0\n- 1.0e-05\n"n": "y"\n'
    )
