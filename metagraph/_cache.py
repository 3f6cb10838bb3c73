"""A cache of validated graphs, so that loading unchanged files skips parsing YAML.

Parsing YAML in Python is most of the time a load takes; a graph whose files have not
changed since it was last validated is read back from a JSON copy instead (pydantic
parses and checks it in compiled code). The key covers the bytes of every data file,
in order, and the source of every module of the package (so a changed rule, wherever
it is written, is never served from a cache made under the old one). Only graphs that
passed every check are cached. The cache is an optimisation: any failure to read or
write it is ignored.

The folder is ``$METAGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/metagraph``, else
``~/.cache/metagraph``; set ``METAGRAPH_CACHE_DIR=off`` to turn the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from metagraph.models import GraphDocument

__all__ = ["cache_dir", "cache_key", "read_cached", "write_cached"]

_KEEP = 16  # graphs kept; older ones are removed when a new one is written


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


def read_cached(key: str) -> GraphDocument | None:
    """Return the cached graph for ``key``, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return GraphDocument.model_validate_json((folder / f"graph-{key}.json").read_bytes())
    except (OSError, ValueError):
        return None


def write_cached(key: str, document: GraphDocument) -> None:
    """Store a validated graph under ``key`` (best effort) and prune old entries."""
    folder = cache_dir()
    if folder is None:
        return
    from metagraph._atomic import write_bytes_atomic

    try:
        write_bytes_atomic(folder / f"graph-{key}.json", document.model_dump_json(by_alias=True).encode())
        entries = sorted(folder.glob("graph-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink()
    except OSError:
        return
