"""Hostile data files: each is refused with one clear problem by a limit, never obeyed or a traceback.

The files are the small ones an attacker-minded tester found: alias bombs, deep nesting,
huge numbers, duplicate keys, byte-order marks, unreadable folders and pipes. The fuzz
test at the end mixes them with random documents; loading must give a graph or a
:class:`~metagraph.MetagraphError`, nothing else. The limits used are small so that a
bomb that slipped past them would be seen as a wrong answer, not as a slow test.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import metagraph
from metagraph import DataError, MetagraphError
from metagraph.loader import Limits

NODE = "nodes:\n  - {id: ampk, name: AMPK, kind: signal}\n"


def alias_bomb(levels: int, width: int = 9, field: str = "synonyms") -> str:
    """About 400 bytes that stand for ``width ** levels`` strings in one field."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    lines.append(f"nodes:\n  - {{id: x, name: X, kind: signal, {field}: *a{levels - 1}}}")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int) -> str:
    lines = ["m0: &m0 {k0: 1, k1: 2, k2: 3}"]
    for i in range(1, levels):
        lines.append(f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 9)}]}}")
    return "\n".join(lines) + "\n"


def one_problem(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(DataError) as info:
        metagraph.load(path, limits=limits)
    assert str(path) in str(info.value)
    return str(info.value)


@pytest.mark.parametrize("field", ["synonyms", "kind", "xrefs"])
def test_an_alias_bomb_is_refused_by_the_expansion_limit(tmp_path: Path, field: str) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(9, field=field))  # 9 ** 9 = 387 million strings in under 1 KB
    assert path.stat().st_size < 1024
    message = one_problem(path)
    assert "expand to more than 1,000,000 values" in message and "max_values" in message


def test_a_merge_key_bomb_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "merge.yaml"
    path.write_text(merge_bomb(9))
    assert "expand to more than" in one_problem(path)


def test_a_small_expansion_under_the_limit_is_summarised_briefly(tmp_path: Path) -> None:
    # 9 ** 5 = 59,049 values pass the limit; the error about them must stay one short line.
    path = tmp_path / "wide.yaml"
    path.write_text(alias_bomb(5, field="kind"))
    message = one_problem(path)
    assert "nodes[0].kind" in message and all(len(line) < 400 for line in message.splitlines())


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("lists.yaml", "[" * 199 + "]" * 199, 1),
        ("block.yaml", "".join("  " * i + "-\n" for i in range(199)), 65),
        ("arrays.json", "[" * 1000 + "]" * 1000, 1),
        ("objects.json", '{"a":\n' * 1000 + "1" + "}" * 1000, 65),
    ],
)
def test_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path: Path, name: str, text: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(text)
    message = one_problem(path)
    assert "nested more than 64 deep" in message and f"{path}:{line}:" in message


@pytest.mark.parametrize(("name", "text"), [("n.yaml", "a: {}\n"), ("n.json", '{"a": {}}')])
def test_huge_integers_are_a_problem(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text.replace("{}", "9" * 5000))
    assert "5000 digits" in one_problem(path)


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(NODE + "#" * 2000 + "\n")
    assert "larger than the limit of 1,000 bytes" in one_problem(path, Limits(max_file_bytes=1000))


def test_duplicate_json_keys_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"nodes": [\n  {"id": "a", "name": "A",\n   "id": "b", "kind": "signal"}\n]}')
    assert f"{path}:3: the key 'id' is written twice; keep one" in one_problem(path)


def test_a_byte_order_mark_is_accepted_in_json_as_in_yaml(tmp_path: Path) -> None:
    doc = {"nodes": [{"id": "ampk", "name": "AMPK", "kind": "signal"}]}
    (tmp_path / "a.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    (tmp_path / "b.yaml").write_bytes(b"\xef\xbb\xbf" + NODE.replace("ampk", "pgc1a").encode())
    assert sorted(n.id for n in metagraph.load(tmp_path).nodes()) == ["ampk", "pgc1a"]


def test_many_problems_are_counted_and_cut(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text("nodes: [" + ", ".join(["1"] * 5000) + "]\n")
    message = one_problem(path, Limits(max_problems=10))
    assert message.splitlines()[0] == "5,000 problems in the data (the first 10 shown; 4,990 more not shown):"
    assert len(message.splitlines()) == 11


def test_an_unreadable_folder_is_reported_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.yaml").write_text(NODE)
    real_scandir = os.scandir

    def refuse(path: str | os.PathLike[str]) -> object:  # what listing a folder without permission does
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    message = one_problem(folder)
    assert f"{folder}: cannot read the folder: Permission denied" in message and "holds no" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_given_as_a_data_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert "not a regular file" in one_problem(fifo)


# -- fuzzing --------------------------------------------------------------------------
SMALL = Limits(max_file_bytes=20_000, max_depth=12, max_values=2_000, max_int_digits=30, max_problems=5)

scalars = st.one_of(
    st.sampled_from(["ampk", "signal", "organ", "x", "", "~", "yes", "1e400", "0x1F", "2024-01-02"]),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
fields = st.fixed_dictionaries(
    {"id": st.sampled_from(["ampk", "pgc1a", "X"]), "name": st.sampled_from(["AMPK", "PGC"]), "kind": scalars},
    optional={"synonyms": values, "xrefs": values, "junk": values},
)
documents = st.fixed_dictionaries(
    {"nodes": st.lists(fields, max_size=3)}, optional={"edges": values, "references": values, "extra": values}
)
hostile_texts = st.sampled_from(
    [
        alias_bomb(5),  # 59,049 values: past the small limit of 2,000
        alias_bomb(9, field="kind"),
        merge_bomb(6),
        "[" * 40 + "]" * 40,
        "- " * 40 + "x",
        "a: " + "7" * 40,
        "a: &x [1, *x]",
        "nodes: [" + ", ".join(["1"] * 500) + "]",
        "\ufeff" + NODE,
        "nodes: [\n",
        "\x00\x01\x1b[31m",
    ]
)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        documents.map(lambda d: ("yaml", d)),
        documents.map(lambda d: ("json", d)),
        hostile_texts.map(lambda t: ("text", t)),
    ),
    st.sampled_from([".yaml", ".json"]),
)
def test_loading_anything_gives_a_graph_or_a_metagraph_error(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, object], suffix: str
) -> None:
    import yaml

    kind, doc = case
    if kind == "yaml":
        text = yaml.safe_dump(doc, allow_unicode=True)
    elif kind == "json":
        text = json.dumps(doc)
    else:
        assert isinstance(doc, str)
        text = doc
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        graph = metagraph.load(path, limits=SMALL)
    except MetagraphError as exc:
        assert len(str(exc).splitlines()) <= SMALL.max_problems + 1
        assert all(len(line) < 2_000 for line in str(exc).splitlines())
    else:
        assert all(isinstance(n.id, str) for n in graph.nodes())


@pytest.mark.parametrize("text", [alias_bomb(5), merge_bomb(6), "[" * 40 + "]" * 40, "a: " + "7" * 40])
def test_the_fuzzed_bombs_are_refused_by_a_limit_not_by_luck(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(text)
    assert "limits=metagraph.loader.Limits(" in one_problem(path, SMALL) or "digits" in one_problem(path, SMALL)
