"""Write files whole or not at all: write beside the target, then rename over it.

A new file gets the permissions the process's umask allows (like ``open``); a file
replaced keeps its permissions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import IO, Any

__all__ = [
    "atomic_open",
    "overlapping_input",
    "write_bytes_atomic",
    "write_error_message",
    "write_folder_atomic",
    "write_text_atomic",
]

_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux), else briefly set."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii", errors="replace") as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:  # pragma: no cover - systems without /proc
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


def _mode_for(target: Path, default: int) -> int:
    """Keep the permissions of the file being replaced; a new one gets ``default`` less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return default & ~_umask()


def write_error_message(path: str | os.PathLike[str], exc: OSError) -> str:
    """Return one sentence saying why ``path`` could not be written and what to do.

    Examples
    --------
    >>> import errno
    >>> write_error_message("out/g.json", OSError(errno.ENOSPC, "No space left on device"))
    'cannot write out/g.json: No space left on device; free some space or write elsewhere (nothing was changed)'
    """
    why = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = "choose a folder you can write to, or change its permissions"
    elif exc.errno in (errno.ENOTDIR, errno.EEXIST):
        fix = "a part of the path is a file, not a folder; choose another path"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space or write elsewhere"
    elif exc.errno == errno.EISDIR:
        fix = "the path is a folder; give a file path"
    else:
        fix = "check the path"
    return f"cannot write {os.fspath(path)}: {why}; {fix} (nothing was changed)"


def overlapping_input(output: str | os.PathLike[str], inputs: list[str | os.PathLike[str]]) -> str | None:
    """Return the input that writing ``output`` would overwrite or join (the same file, or inside an input folder).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> base = pathlib.Path(tempfile.mkdtemp())
    >>> overlapping_input(base / "x.csv", [base / "x.csv"]) == str(base / "x.csv")
    True
    >>> overlapping_input(base / "out.yaml", [base / "x.csv"]) is None
    True
    >>> (base / "data").mkdir()
    >>> overlapping_input(base / "data" / "new.yaml", [base / "data"]) == str(base / "data")
    True
    """
    out = Path(output).resolve()
    for raw in inputs:
        given = Path(raw)
        src = given.resolve()
        if out == src or (given.is_dir() and src in out.parents):
            return str(raw)
        with contextlib.suppress(OSError):
            if out.exists() and given.exists() and os.path.samefile(out, given):
                return str(raw)
    return None


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
    file_mode = _mode_for(target, 0o666)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        fh: IO[Any] = os.fdopen(fd, mode) if binary else os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode)
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
        os.chmod(tmp, 0o777 & ~_umask())
        # os.rename, not os.replace: if the folder appeared meanwhile, fail rather than merge into it
        os.rename(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise
    return target
