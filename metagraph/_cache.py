"""A cache of validated graphs, so that loading unchanged files skips parsing YAML.

Parsing and validating the files is most of the time a load takes; a graph whose files
have not changed since it was last validated is read back from a JSON copy instead: its
records in the plain form the networkx graph holds them in, so that loading it is parsing
JSON (in compiled code) and filling the graph, with no model made or validated. The key
covers the bytes of every data file, in order, and the source of every module of the
package (so a changed rule, wherever it is written, is never served from a cache made
under the old one). Only graphs that passed every check are cached. The cache is an
optimisation: any failure to read or write it is ignored.

A cached graph is believed only if it passes an integrity check: each entry
``graph-<key>.json`` is the JSON array ``[payload, "digest"]``, the digest being the
SHA-256 of the key and of the payload's bytes (which it follows, apart from them: one
file, written whole and renamed into place, so no reader ever sees a payload beside
another's digest). An entry that was edited, truncated or swapped for another key's
fails the check, and the graph is read and validated from its files again and the
entry replaced. Entries are read only when they are regular files in the cache folder
itself (never through a symbolic link, never a pipe or a device), up to a bounded
size. Temporary files left by a writer that was killed are removed after a while.

The folder is ``$METAGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/metagraph``, else
``~/.cache/metagraph``; set ``METAGRAPH_CACHE_DIR=off`` to turn the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cache_key", "read_cached", "write_cached"]

_KEEP = 16  # graphs kept; older ones are removed when a new one is written
_MAX_BYTES = 1 << 30  # a cached graph larger than this is not read (1M edges take about 600 MB)
_STALE_TMP_SECONDS = 15 * 60  # a writer's temporary file older than this was left by a killed process

#: Payloads from this size on are parsed by pydantic-core, which shares repeated strings.
_SHARED_STRINGS_FROM = 4 << 20


def cache_dir() -> Path | None:
    """Return the cache folder, or ``None`` when the cache is turned off.

    Examples
    --------
    >>> import os
    >>> os.environ["METAGRAPH_CACHE_DIR"] = "off"
    >>> cache_dir() is None
    True
    >>> del os.environ["METAGRAPH_CACHE_DIR"]
    """
    configured = os.environ.get("METAGRAPH_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "metagraph"


@functools.cache
def _code_digest() -> bytes:
    """A digest of every source file of the package: any change to the code invalidates the cache.

    Hashing all of them (about 0.4 MB) costs well under a millisecond per file; a hand-kept
    list of "rule modules" would silently serve stale graphs when a new rule module appears.
    """
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.rglob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(path.relative_to(here).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def cache_key(contents: Iterable[bytes]) -> str:
    """Return the key of a graph made of files with these contents, in this order.

    Examples
    --------
    >>> cache_key([b"a", b"b"]) != cache_key([b"b", b"a"])
    True
    """
    digest = hashlib.sha256(_code_digest())
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def _payload_digest(key: str, payload: bytes | memoryview) -> str:
    digest = hashlib.sha256(key.encode() + b"\0")
    digest.update(payload)
    return digest.hexdigest()


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link, pipe or device) of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


#: An entry ends with ``,"<64 hex digits>"]`` after its payload.
_TRAILER = 2 + 64 + 2


def read_cached(key: str) -> Any:
    """Return the data cached under ``key`` if it passes its integrity check, else ``None``.

    Examples
    --------
    >>> read_cached("0" * 32) is None
    True
    """
    folder = cache_dir()
    if folder is None:
        return None
    entry = _read_regular(folder / f"graph-{key}.json", _MAX_BYTES)
    if entry is None or len(entry) < 1 + _TRAILER:
        return None
    end = len(entry) - _TRAILER
    if entry[:1] != b"[" or entry[end : end + 2] != b',"' or entry[-2:] != b'"]':
        return None
    digest = _payload_digest(key, memoryview(entry)[1:end])  # a view: a 600 MB payload is not copied
    if not hmac.compare_digest(entry[end + 2 : -2], digest.encode()):
        return None
    try:
        if len(entry) < _SHARED_STRINGS_FROM:
            # A small graph (the bundled one) reads as fast with the standard library,
            # and a command does not pay for importing pydantic-core.
            return json.loads(entry)[0]
        import pydantic_core

        # Strings up to 64 characters are shared, not made anew: an id, a predicate or a
        # reference key repeated on thousands of edges is held once (less memory, faster).
        return pydantic_core.from_json(entry, cache_strings="all")[0]
    except ValueError:  # json.JSONDecodeError is one
        return None


def _prune(folder: Path) -> None:
    """Keep the newest ``_KEEP`` graphs; remove temporary files of killed writers (and digests of an older layout)."""
    now = time.time()
    for tmp in folder.glob(".graph-*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.lstat().st_mtime > _STALE_TMP_SECONDS:
                tmp.unlink()
    entries: list[tuple[float, Path]] = []
    for entry in folder.glob("graph-*.json"):
        with contextlib.suppress(OSError):
            entries.append((entry.lstat().st_mtime, entry))
    entries.sort(reverse=True)
    for _, old in entries[_KEEP:]:
        with contextlib.suppress(OSError):
            old.with_suffix(".sha256").unlink()
        with contextlib.suppress(OSError):
            old.unlink()


def write_cached(key: str, data: Any) -> None:
    """Store JSON-like ``data`` (a validated graph) under ``key`` with its digest (best effort); prune old entries.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["METAGRAPH_CACHE_DIR"] = folder = tempfile.mkdtemp()
    >>> write_cached("k" * 32, {"nodes": [["ampk", {"name": "AMPK"}]]})
    >>> read_cached("k" * 32)
    {'nodes': [['ampk', {'name': 'AMPK'}]]}
    >>> del os.environ["METAGRAPH_CACHE_DIR"]
    """
    folder = cache_dir()
    if folder is None:
        return
    import pydantic_core

    payload = pydantic_core.to_json(data)
    try:
        # One file written whole: writers of one key write the same bytes, so any interleaving agrees.
        _write(folder / f"graph-{key}.json", b"[", payload, b',"', _payload_digest(key, payload).encode(), b'"]')
        _prune(folder)
    except OSError:
        return


def _write(path: Path, *chunks: bytes) -> None:
    """Write a file whole (a temporary file renamed over it), without waiting for the disk.

    Unlike exports, an entry needs no ``fsync`` (which cost more than the rest of a small
    load): one torn by a crash fails its digest and is rebuilt from the files.
    """
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
