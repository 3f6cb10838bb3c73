"""The line-tracking YAML reader gives the same data as PyYAML's safe loader, plus lines."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from metagraph._yaml import LineDict, LineList, line_of, parse_document

# Scalars that exercise every implicit type of YAML 1.1: words that are booleans or null,
# numbers in several notations, dates, and strings that merely start like them.
tricky = st.sampled_from(
    [
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "true",
        "False",
        "null",
        "~",
        "",
        "0x1F",
        "0o17",
        "1_000",
        "1:30",
        "-1.5e3",
        ".inf",
        ".NaN",
        "2024-01-02",
        "2001-12-14t21:59:43.10-05:00",
        "<<",
        "=",
        "+12",
        "007",
        "offset",
        "nrf2",
        "tee",
        "yellow",
        "~x",
        "-",
        "- a",
        "#x",
    ]
)
scalars = st.one_of(tricky, st.text(max_size=12), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6) | tricky, inner, max_size=4)
    ),
    max_leaves=25,
)


@given(documents, st.booleans())
def test_same_data_as_the_safe_loader(doc: object, flow: bool) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True)
    data, problems = parse_document(text, "x.yaml")
    assert problems == []
    assert data == yaml.safe_load(text)


@given(st.sampled_from(["yes", "no", "on", "y", "N", "~", "null", "12", "1.5", "2024-01-02", "0x10", "1:30"]))
def test_plain_scalars_resolve_as_yaml_1_1_says(value: str) -> None:
    text = f"a: {value}\nb: [{value}]\n"
    data, _ = parse_document(text, "x.yaml")
    assert data == yaml.safe_load(text)


def test_lines_of_keys_and_items() -> None:
    data, _ = parse_document("nodes:\n  - id: a\n    name: A\n  - id: b\n", "x.yaml")
    assert isinstance(data, LineDict) and isinstance(data["nodes"], LineList)
    assert data["nodes"].item_lines == [2, 4]
    assert line_of(data, ("nodes", 0, "name")) == 3
    assert line_of(data, ("nodes", 5, "name")) == 1  # past the end: the deepest known place


def test_recursive_aliases_are_a_problem_not_a_hang() -> None:
    data, problems = parse_document("a: &x [1, *x]\n", "x.yaml")
    assert data is None
    assert [(p.line, "recursive" in p.message) for p in problems] == [(1, True)]


def test_merge_keys_still_work() -> None:
    text = "base: &b {kind: signal}\nnode:\n  <<: *b\n  id: x\n"
    data, _ = parse_document(text, "x.yaml")
    assert data["node"] == {"kind": "signal", "id": "x"}
