"""Memory and loading of metagraph beside a bare networkx graph of the same records.

Run from the repository root::

    python -m benchmarks.bench_load            # the bundled graph and a 10k-node / 50k-edge graph
    python -m benchmarks.bench_load --quick    # fewer repeats
    python -m benchmarks.bench_load --large    # also the 100k-node / 1M-edge graph (minutes, ~5 GB)

Each row sets a measurement of metagraph beside the same measurement of a peer, in the
same run, on the same JSON data files (written by :mod:`benchmarks.generator`):

* **memory**: bytes a loaded :class:`~metagraph.MetaGraph` keeps, measured with
  ``tracemalloc`` (live Python allocations, not RSS) in a fresh subprocess, beside a bare
  ``networkx.MultiDiGraph`` holding the same records as plain dicts: every field of each
  record (as ``model_dump(mode="json")`` gives it), node id and edge ends as the graph's
  keys. Target ≤ 1.5×.
* **cached load** (the files unchanged since a first load): ``metagraph.load`` beside
  ``json.loads`` of the data files and building a ``networkx.MultiDiGraph`` of their
  records (``add_node``/``add_edge``). Target ≤ 1.5×.
* **first load** (empty cache: parse, validate, check the whole graph, write the cache)
  beside the same peer. Target ≤ 3×.

Times are medians of wall-clock repeats, peer and metagraph taking turns. metagraph
pauses Python's cyclic garbage collector while it loads (see ``metagraph.loader``); the
peer runs as written, and a second row for the cached load pauses it for the peer too.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python benchmarks/bench_load.py` as well as `python -m benchmarks.bench_load`
    sys.path.insert(0, str(ROOT))

__all__ = ["load_rows", "main"]

MEMORY_TARGET = 1.5
CACHED_TARGET = 1.5
FIRST_TARGET = 3.0
PEER = "json.loads + nx.MultiDiGraph"


def peer_graph(folder: Path) -> Any:
    """``json.loads`` every data file of ``folder`` and build a ``networkx.MultiDiGraph`` of its records."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_bytes())
        for node in data.get("nodes", ()):
            attrs = dict(node)
            graph.add_node(attrs.pop("id"), **attrs)
        for edge in data.get("edges", ()):
            attrs = dict(edge)
            graph.add_edge(attrs.pop("source"), attrs.pop("target"), **attrs)
    return graph


# Run in a fresh interpreter, so that one measurement's leftovers never count in another's.
_MEMORY_SCRIPT = """
import gc, json, os, sys, tracemalloc
sys.path.insert(0, {root!r})
import networkx as nx
import metagraph
mode, folder = sys.argv[1], sys.argv[2]
if mode == "peer":
    kg = metagraph.load(folder)  # the records, written out again in full as plain JSON
    text = json.dumps({{
        "nodes": [n.model_dump(mode="json") for n in kg.nodes()],
        "edges": [[e.key, e.model_dump(mode="json")] for e in kg.edges()],
    }})
    del kg
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    data = json.loads(text)
    held = nx.MultiDiGraph()
    for attrs in data["nodes"]:
        held.add_node(attrs.pop("id"), **attrs)
    for key, attrs in data["edges"]:
        held.add_edge(attrs.pop("source"), attrs.pop("target"), key=key, **attrs)
    del data, attrs
else:
    cache = os.environ["METAGRAPH_CACHE_DIR"]
    os.environ["METAGRAPH_CACHE_DIR"] = "off"
    metagraph.load(folder)  # imports and one-time set-up are not the graph
    os.environ["METAGRAPH_CACHE_DIR"] = cache
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = metagraph.load(folder)
gc.collect()
print(tracemalloc.get_traced_memory()[0] - before)
"""


def held_bytes(mode: str, folder: Path, cache: Path) -> int:
    """Bytes held after building the peer graph (``mode`` "peer") or loading (``first``/``cached``)."""
    env = {**os.environ, "METAGRAPH_CACHE_DIR": str(cache)}
    script = _MEMORY_SCRIPT.format(root=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", script, mode, str(folder)], capture_output=True, text=True, check=True, env=env
    )
    return int(done.stdout.split()[-1])


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    del result
    return seconds


def _paused(fn: Callable[[], Any]) -> Callable[[], Any]:
    def run() -> Any:
        gc.disable()
        try:
            return fn()
        finally:
            gc.enable()

    return run


def _row(
    what: str, graph: str, value: float, unit: str, peer: str, peer_value: float, target: float | None
) -> dict[str, Any]:
    """One row; ``target`` is the largest ratio allowed, ``None`` for a comparison shown without one."""
    ratio = value / peer_value if peer_value else float("inf")
    return {
        "what": what,
        "graph": graph,
        "seconds_or_bytes": float(value),
        "unit": unit,
        "peer": peer,
        "peer_value": float(peer_value),
        "ratio": ratio,
        "target": target,
        "ok": None if target is None else ratio <= target,
    }


def graph_rows(folder: Path, label: str, repeat: int, work: Path) -> list[dict[str, Any]]:
    """The rows of one graph whose JSON data files are in ``folder``."""
    import metagraph

    rows: list[dict[str, Any]] = []
    saved = os.environ.get("METAGRAPH_CACHE_DIR")
    caches = iter(range(10**6))
    try:
        peer_t, first_t, cached_t, paused_peer_t = [], [], [], []
        for _ in range(repeat):
            gc.collect()
            peer_t.append(_timed(lambda: peer_graph(folder)))
            os.environ["METAGRAPH_CACHE_DIR"] = str(work / f"cache-{label.replace('/', '-')}-{next(caches)}")
            gc.collect()
            first_t.append(_timed(lambda: metagraph.load(folder)))
            gc.collect()
            cached_t.append(_timed(lambda: metagraph.load(folder)))
            gc.collect()
            paused_peer_t.append(_timed(_paused(lambda: peer_graph(folder))))
        peer, paused_peer = statistics.median(peer_t), statistics.median(paused_peer_t)
        rows.append(_row("cached load", label, statistics.median(cached_t), "s", PEER, peer, CACHED_TARGET))
        rows.append(
            _row(
                "cached load",
                label,
                statistics.median(cached_t),
                "s",
                PEER + " (collector paused too)",
                paused_peer,
                None,  # the targets are against the plain peer; this one is shown beside it
            )
        )
        rows.append(_row("first load (validating)", label, statistics.median(first_t), "s", PEER, peer, FIRST_TARGET))
        rows.append(
            _row(
                "first load (validating)",
                label,
                statistics.median(first_t),
                "s",
                PEER + " (collector paused too)",
                paused_peer,
                None,
            )
        )
    finally:
        if saved is None:
            os.environ.pop("METAGRAPH_CACHE_DIR", None)
        else:
            os.environ["METAGRAPH_CACHE_DIR"] = saved
    peer_bytes = held_bytes("peer", folder, work / "cache-memory-peer")
    memory_cache = work / f"cache-memory-{label.replace('/', '-')}"
    first_bytes = held_bytes("first", folder, memory_cache)
    cached_bytes = held_bytes("cached", folder, memory_cache)
    peer_name = "nx.MultiDiGraph of the records as plain dicts"
    rows.append(_row("memory held (tracemalloc), first load", label, first_bytes, "B", peer_name, peer_bytes, 1.5))
    rows.append(_row("memory held (tracemalloc), cached load", label, cached_bytes, "B", peer_name, peer_bytes, 1.5))
    return rows


def load_rows(*, quick: bool, large: bool) -> list[dict[str, object]]:
    """Measure memory and loading on the bundled graph, 10k/50k and (``large``) 100k/1M; return the rows.

    Each row: ``what``, ``graph``, ``seconds_or_bytes``, ``unit`` ("s" or "B"), ``peer``,
    ``peer_value``, ``ratio`` (metagraph / peer), ``target`` (the largest ratio allowed), ``ok``.
    """
    import metagraph
    from benchmarks.generator import generate_records, write_data_files

    rows: list[dict[str, object]] = []
    repeat = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="metagraph-bench-load-") as tmp:
        work = Path(tmp)
        kg = metagraph.load()
        folder = work / "bundled"
        write_data_files(folder, kg.nodes(), kg.edges(), list(kg.references.values()), fmt="json")
        del kg
        rows += graph_rows(folder, "bundled", repeat * 3, work)
        sizes = [("10k/50k", 10_000, 50_000, repeat)]
        if large:
            sizes.append(("100k/1M", 100_000, 1_000_000, 1))
        for label, n_nodes, n_edges, times in sizes:
            folder = work / label.replace("/", "-")
            records = generate_records(n_nodes, n_edges, seed=0)
            write_data_files(folder, *records, fmt="json", edges_per_file=50_000)
            del records
            rows += graph_rows(folder, label, times, work)
    return rows


def _shown(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 1e6:.1f} MB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[dict[str, object]]) -> str:
    """The rows as a plain-text table."""
    headers = ["benchmark", "graph", "metagraph", "peer", "peer value", "ratio", "target", ""]
    cells = [
        [
            str(r["what"]),
            str(r["graph"]),
            _shown(float(r["seconds_or_bytes"]), str(r["unit"])),  # type: ignore[arg-type]
            str(r["peer"]),
            _shown(float(r["peer_value"]), str(r["unit"])),  # type: ignore[arg-type]
            f"{float(r['ratio']):.2f}×",  # type: ignore[arg-type]
            "" if r["target"] is None else f"≤ {float(r['target']):g}×",  # type: ignore[arg-type]
            "" if r["ok"] is None else "ok" if r["ok"] else "MISSED",
        ]
        for r in rows
    ]
    widths = [max(len(c[i]) for c in [headers, *cells]) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [headers, *cells]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table of :func:`load_rows`; return 0."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--large", action="store_true", help="also the 100k-node / 1M-edge graph")
    parser.add_argument("--json", metavar="PATH", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    rows = load_rows(quick=args.quick, large=args.large)
    print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
