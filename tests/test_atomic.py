"""Files are written whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from metagraph._atomic import (
    atomic_open,
    overlapping_input,
    write_bytes_atomic,
    write_error_message,
    write_folder_atomic,
    write_text_atomic,
)


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


def test_new_files_respect_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        private = write_text_atomic(tmp_path / "private.txt", "x")
        folder = write_folder_atomic(tmp_path / "f", {"a.txt": "A"})
    finally:
        os.umask(old)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    shared = tmp_path / "shared.txt"
    shared.write_text("old")
    shared.chmod(0o664)
    write_text_atomic(shared, "new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664 and shared.read_text() == "new"


def test_a_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_text_atomic(tmp_path / "out.txt", "old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space") as info:
        write_text_atomic(target, "new")
    assert "free some space" in write_error_message(target, info.value)
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_outputs_that_would_overwrite_inputs_are_found(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("a,b\n")
    (tmp_path / "link.csv").symlink_to(src)
    assert overlapping_input(tmp_path / "link.csv", [src]) == str(src)
    assert overlapping_input(tmp_path / "sub" / "x.yaml", [tmp_path]) == str(tmp_path)
    assert overlapping_input(tmp_path.parent / "x.yaml", [tmp_path]) is None
