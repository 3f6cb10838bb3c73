"""Write files whole or not at all: write beside the target, then rename over it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import IO, Any

__all__ = ["atomic_open", "write_bytes_atomic", "write_folder_atomic", "write_text_atomic"]


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    If the block raises, the temporary file is removed and ``path`` is untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_open(p) as fh:
    ...     _ = fh.write("whole")
    >>> p.read_text()
    'whole'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        fh: IO[Any] = os.fdopen(fd, mode) if binary else os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` whole or not at all; return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_text_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.txt", "hi")
    >>> p.read_text()
    'hi'
    """
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all; return the path."""
    with atomic_open(path, "wb", encoding=None) as fh:
        fh.write(data)
    return Path(path)


def write_folder_atomic(folder: str | os.PathLike[str], files: Mapping[str, str], *, encoding: str = "utf-8") -> Path:
    """Write ``files`` (relative file name → text) into ``folder``, whole or not at all; return the folder.

    A new folder is built as a temporary folder beside it and renamed into place once
    every file is written, so a reader never sees a folder with some of its files; if a
    write fails, the temporary folder is removed. Into an existing folder each file is
    written atomically and other files there are left alone: a folder that already
    exists cannot be swapped whole without deleting what else it holds.

    Raises
    ------
    NotADirectoryError
        ``folder`` is an existing file.
    ValueError
        A file name is empty, absolute or climbs out of ``folder`` (``..``).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> base = pathlib.Path(tempfile.mkdtemp())
    >>> out = write_folder_atomic(base / "new", {"a.txt": "A", "sub/b.txt": "B"})
    >>> sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    ['a.txt', 'sub/b.txt']
    >>> _ = (out / "mine.txt").write_text("kept")
    >>> (write_folder_atomic(out, {"a.txt": "A2"}) / "a.txt").read_text(), (out / "mine.txt").read_text()
    ('A2', 'kept')
    >>> sorted(p.name for p in base.iterdir())  # no temporary folder left behind
    ['new']
    """
    target = Path(folder)
    for name in files:
        path = PurePosixPath(name)
        if not path.parts or path.is_absolute() or Path(name).is_absolute() or ".." in path.parts:
            raise ValueError(f"file name {name!r} must be a relative path inside the folder")
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} is a file, not a folder")
    if target.is_dir():
        for name, text in files.items():
            write_text_atomic(target / name, text, encoding=encoding)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        for name, text in files.items():
            write_text_atomic(tmp / name, text, encoding=encoding)
        os.chmod(tmp, 0o755)
        # os.rename, not os.replace: if the folder appeared meanwhile, fail rather than merge into it
        os.rename(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    return target
