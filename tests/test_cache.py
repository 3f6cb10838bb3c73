"""The cache of validated graphs: same graph back, never stale, never in the way."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import metagraph
from metagraph import _cache as cache
from metagraph.errors import DataError

GOOD = """\
nodes:
  - {id: ampk, name: AMPK, kind: signal}
  - {id: pgc1a, name: PGC-1α, kind: signal}
edges:
  - {source: ampk, target: pgc1a, predicate: activates, evidence: [{reference: r, quote: q}]}
references:
  - {key: r, title: T}
"""


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("METAGRAPH_CACHE_DIR", str(folder))
    return folder


def test_second_load_comes_from_the_cache_and_is_equal(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    first = metagraph.load(path)
    assert len(list(cache_folder.glob("graph-*.json"))) == 1
    second = metagraph.load(path)
    assert second.nodes() == first.nodes() and second.edges() == first.edges()
    assert dict(second.references) == dict(first.references)


def test_an_edited_file_is_never_served_stale(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    path.write_text(GOOD.replace("name: AMPK", "name: AMP kinase"), encoding="utf-8")
    assert metagraph.load(path).node("ampk").name == "AMP kinase"
    path.write_text(GOOD.replace("kind: signal}", "kind: organ}", 1), encoding="utf-8")
    with pytest.raises(DataError):
        metagraph.load(path)


def test_invalid_graphs_are_not_cached(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD.replace("target: pgc1a", "target: nope"), encoding="utf-8")
    with pytest.raises(DataError):
        metagraph.load(path)
    assert not cache_folder.exists() or not list(cache_folder.glob("graph-*.json"))


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    (entry,) = cache_folder.glob("graph-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert len(metagraph.load(path)) == 2


def test_an_unwritable_cache_folder_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("METAGRAPH_CACHE_DIR", str(blocker / "sub"))
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert len(metagraph.load(path)) == 2


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METAGRAPH_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert len(metagraph.load(path)) == 2
    assert list(tmp_path.iterdir()) == [path]


def test_old_entries_are_pruned(tmp_path: Path, cache_folder: Path) -> None:
    for i in range(cache._KEEP + 3):
        path = tmp_path / f"g{i}.yaml"
        path.write_text(GOOD.replace("name: AMPK", f"name: AMPK {i}"), encoding="utf-8")
        metagraph.load(path)
    assert len(list(cache_folder.glob("graph-*.json"))) == cache._KEEP


def _entry(cache_folder: Path) -> Path:
    (entry,) = cache_folder.glob("graph-*.json")
    return entry


def test_a_tampered_entry_is_caught_and_the_true_graph_comes_back(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    entry = _entry(cache_folder)
    forged = entry.read_text(encoding="utf-8").replace('"activates"', '"inhibits"')
    assert forged != entry.read_text(encoding="utf-8")
    entry.write_text(forged, encoding="utf-8")  # a still-valid graph making a false claim
    (edge,) = metagraph.load(path).edges()
    assert edge.predicate.value == "activates"
    assert '"activates"' in entry.read_text(encoding="utf-8")  # and the entry was replaced
    (edge,) = metagraph.load(path).edges()
    assert edge.predicate.value == "activates"


def test_an_entry_without_its_digest_is_not_believed(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    entry = _entry(cache_folder)
    (payload, digest) = json.loads(entry.read_bytes())  # an entry is [payload, "digest"]
    assert len(digest) == 64
    entry.write_text(json.dumps(payload).replace('"AMPK"', '"Fake"'), encoding="utf-8")  # the payload alone
    assert metagraph.load(path).node("ampk").name == "AMPK"


def test_an_entry_with_another_entrys_digest_is_not_believed(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    entry = _entry(cache_folder)
    payload, _ = json.loads(entry.read_bytes())
    payload_bytes = json.dumps(payload).replace('"AMPK"', '"Fake"').encode()
    forged = cache._payload_digest("0" * 32, payload_bytes)  # right payload, wrong key
    entry.write_bytes(b"[" + payload_bytes + b',"' + forged.encode() + b'"]')
    assert metagraph.load(path).node("ampk").name == "AMPK"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_at_the_cache_path_is_not_waited_on(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    entry = _entry(cache_folder)
    entry.unlink()
    os.mkfifo(entry)  # reading it would block for ever
    assert len(metagraph.load(path)) == 2
    assert entry.is_file() and not entry.is_symlink()  # replaced by a regular entry


def test_a_symlink_at_the_cache_path_is_not_followed(tmp_path: Path, cache_folder: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    entry = _entry(cache_folder)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to("/dev/zero" if Path("/dev/zero").exists() else elsewhere)
    assert len(metagraph.load(path)) == 2
    assert not entry.is_symlink()


def test_leftover_temporary_files_are_pruned(tmp_path: Path, cache_folder: Path) -> None:
    cache_folder.mkdir()
    stale, fresh = cache_folder / ".graph-x.json.abc.tmp", cache_folder / ".graph-y.json.def.tmp"
    stale.write_text("half")
    fresh.write_text("in progress")
    old = time.time() - 24 * 3600
    os.utime(stale, (old, old))
    path = tmp_path / "g.yaml"
    path.write_text(GOOD, encoding="utf-8")
    metagraph.load(path)
    assert not stale.exists() and fresh.exists()
