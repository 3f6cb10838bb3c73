"""The line-tracking YAML reader gives the same data as PyYAML's safe loader, plus lines."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from metagraph import _yaml
from metagraph._yaml import Limits, LineDict, LineList, line_of, parse_document


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test reads with libyaml's C parser (when PyYAML has it) and with the pure-Python one."""
    if request.param == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(_yaml, "USE_LIBYAML", request.param == "libyaml")
    return str(request.param)


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


def test_the_chosen_parser_is_used(parser: str) -> None:
    loader = _yaml._line_loader(_yaml.USE_LIBYAML)
    assert issubclass(loader, yaml.CSafeLoader) == (parser == "libyaml")


def test_every_limit_holds_with_either_parser() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    _, problems = parse_document(bomb, "x.yaml")
    assert [(p.line, "expand to more than" in p.message) for p in problems] == [(6, True)]
    _, problems = parse_document("".join("  " * i + "-\n" for i in range(80)), "x.yaml")
    assert "nested more than 64 deep" in problems[0].message and problems[0].line == 65
    _, problems = parse_document("a: 1\nb: " + "9" * 100 + "\n", "x.yaml", limits=Limits(max_int_digits=50))
    assert [(p.line, "100 digits" in p.message) for p in problems] == [(2, True)]
    data, problems = parse_document("\ufeffnodes:\n  - id: a\n    id: b\n", "x.yaml")
    assert data["nodes"].item_lines == [2] and [(p.line, p.where) for p in problems] == [(3, "nodes[0]")]
    _, problems = parse_document("a: [1,\n", "x.yaml")
    assert problems[0].message.startswith("YAML syntax error") and problems[0].line is not None
