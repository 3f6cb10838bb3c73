"""Files are written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from metagraph._atomic import atomic_open, write_bytes_atomic, write_folder_atomic, write_text_atomic


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = write_text_atomic(tmp_path / "out.txt", "old")

    def fail_halfway() -> None:
        with atomic_open(target) as fh:
            fh.write("half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_writes_text_bytes_and_creates_folders(tmp_path: Path) -> None:
    assert write_text_atomic(tmp_path / "a" / "b.txt", "αβ\n").read_text(encoding="utf-8") == "αβ\n"
    assert write_bytes_atomic(tmp_path / "c.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("name", ["", "/abs.txt", "../out.txt", "a/../../b.txt"])
def test_folder_file_names_must_stay_inside(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="relative path inside"):
        write_folder_atomic(tmp_path / "f", {name: "x"})
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(NotADirectoryError):
        write_folder_atomic(tmp_path / "f", {"a.txt": "A"})
