"""Benchmark: export a synthetic graph to Cypher, neo4j-admin CSV and KGX, and load it into Kùzu.

Run from the repository root::

    python benchmarks/bench_export.py            # 10k nodes, 100k edges
    python benchmarks/bench_export.py --quick    # 3k nodes, 30k edges
    python benchmarks/bench_export.py --large    # 100k nodes, 1M edges (issue 15's targets:
                                                 # each export < 30 s and < 1.5 GB, Kùzu < 2 min)

Each export is timed (wall clock) and its memory measured as the growth of the process's
resident memory over the export (sampled every 10 ms; the graph itself is not counted).
Every row names a peer and the ratio to it: the JSON export of the same graph (the
lossless baseline), or on the large graph the Cypher script's figures before issue 15
(202 s, 4.7 GB). Targets apply to the large graph only. Exits 1 when a target is missed.

Kùzu: the ``kuzu`` export (Parquet tables and ``load.cypher``) is loaded into a fresh
database (``load_kuzu``: its ``COPY FROM`` statements; the row's time and memory include
Kùzu's own, in this process); then, for a few sources, the Kùzu reach query of
:mod:`metagraph.interop.dbqueries` is asked and its node set compared with
``kg.downstream`` (a row that counts the sources that agree). The quick run also loads the
Kùzu Cypher script, statement by statement (too slow to try at a million edges).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `metagraph` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generator import generate_graph

#: Issue 15's targets on the 1M-edge graph.
SECONDS_TARGET = 30.0
BYTES_TARGET = 1.5e9
KUZU_SECONDS_TARGET = 120.0

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * _PAGE


def measure(fn: Callable[[], Any]) -> tuple[float, int]:
    """Return (seconds, peak growth of resident memory in bytes) of ``fn()``."""
    gc.collect()
    base = _rss()
    peak = [base]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], _rss())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    start = time.perf_counter()
    try:
        fn()
    finally:
        seconds = time.perf_counter() - start
        done.set()
        thread.join()
    peak[0] = max(peak[0], _rss())
    return seconds, peak[0] - base


def _load_kuzu(script: Path, folder: Path) -> None:
    import kuzu

    conn = kuzu.Connection(kuzu.Database(str(folder / "kuzu_db")))
    statement: list[str] = []
    with open(script, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("//"):
                continue
            statement.append(line)
            # a statement ends with ";" at a line's end (the synthetic graph's strings hold no such line)
            if line.endswith(";\n"):
                conn.execute("".join(statement))
                statement = []


def export_rows(*, quick: bool, large: bool) -> list[dict[str, Any]]:
    """Measure the exports; one dict per measurement.

    Keys: ``what``, ``graph``, ``seconds_or_bytes``, ``unit`` (``s`` or ``bytes``), ``peer``
    (what it is compared with), ``peer_value``, ``ratio``, ``target`` (``None`` when the
    graph is not the large one), ``ok``.
    """
    nodes, edges = (100_000, 1_000_000) if large else (3_000, 30_000) if quick else (10_000, 100_000)
    label = f"synthetic {nodes // 1000}k nodes / {edges // 1000}k edges"
    kg = generate_graph(nodes, edges, seed=0)
    gc.collect()
    gc.freeze()  # the graph's objects: a collection need not walk them again
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the KGX local-id note names every synthetic node
        folder = Path(tmp)
        if large:
            # the figures issue 15 measured before this work (cypher script, one statement a line)
            peer_s, peer_b, peer = 202.0, 4.7e9, "cypher script before issue 15"
        else:
            peer_s, peer_b = measure(lambda: kg.export(folder / "graph.json"))
            peer = "json export of the same graph"
            (folder / "graph.json").unlink()
        jobs: list[tuple[str, Callable[[], Any]]] = [
            ("cypher script (neo4j)", lambda: kg.export(folder / "graph.cypher")),
            ("cypher script (falkordb)", lambda: kg.export(folder / "falkordb.cypher", dialect="falkordb")),
            ("cypher script (kuzu)", lambda: kg.export(folder / "kuzu.cypher", dialect="kuzu")),
            ("neo4j-admin CSV", lambda: _admin(kg, folder / "admin")),
            ("kgx", lambda: kg.export(folder / "kgx", format="kgx")),
            ("kuzu bulk files", lambda: kg.export(folder / "kuzu", format="kuzu")),
        ]
        for what, job in jobs:
            seconds, grown = measure(job)
            for value, unit, peer_value, target in (
                (seconds, "s", peer_s, SECONDS_TARGET),
                (float(grown), "bytes", float(peer_b), BYTES_TARGET),
            ):
                rows.append(_row(what, label, value, unit, peer, peer_value, target if large else None))
        loaded: list[Any] = []
        seconds, grown = measure(lambda: loaded.append(_bulk_load_kuzu(folder / "kuzu", folder / "kuzu_bulk_db")))
        target_s = KUZU_SECONDS_TARGET if large else None
        rows.append(_row("load kuzu bulk files", label, seconds, "s", peer, peer_s, target_s))
        rows.append(_row("load kuzu bulk files", label, float(grown), "bytes", peer, float(peer_b), None))
        rows.append(_reach_row(kg, loaded[0], label))
        loaded.clear()
        if quick:
            # the script's UNWIND batches load slowly in Kùzu (about a second per 200 edges here);
            # at a million edges that is hours, so only the quick graph is loaded
            seconds, grown = measure(lambda: _load_kuzu(folder / "kuzu.cypher", folder))
            rows.append(_row("load kuzu script", label, seconds, "s", peer, peer_s, None))
    gc.unfreeze()
    return rows


def _bulk_load_kuzu(files: Path, database: Path) -> Any:
    import kuzu

    from metagraph.interop.kuzu_bulk import load_kuzu

    # a bounded buffer pool (Kùzu's default is most of the machine's memory, which is shared)
    connection = kuzu.Connection(kuzu.Database(str(database), buffer_pool_size=2 * 1024**3))
    load_kuzu(files, connection)
    return connection


#: How many sources the reach check asks about.
REACH_SOURCES = 4


def _reach_row(kg: Any, connection: Any, graph: str) -> dict[str, Any]:
    """Whether Kùzu's reach query finds ``kg.downstream``'s node set, for a few sources (fixed by a seed)."""
    import random

    from metagraph.interop.dbqueries import reach_query

    query = reach_query("kuzu")
    # sources of every depth: a myokine, a process, an outcome, then any node with edges out
    ids = sorted(kg.nx.nodes)
    random.Random(5).shuffle(ids)
    sources: list[str] = []
    for prefix in ("myokine_", "process_", "outcome_", ""):
        sources.append(next(n for n in ids if n.startswith(prefix) and kg.nx.out_degree(n) and n not in sources))
        if len(sources) == REACH_SOURCES:
            break
    agree = 0
    for source in sources:
        got = {row[0] for row in connection.execute(query, {"node": source}).get_all()}
        agree += got == {n.id for n in kg.downstream(source)}
    return {
        "what": "kuzu reach = downstream",
        "graph": graph,
        "seconds_or_bytes": agree,
        "unit": "sources",
        "peer": "kg.downstream",
        "peer_value": len(sources),
        "ratio": round(agree / len(sources), 2),
        "target": float(len(sources)),
        "ok": agree == len(sources),
    }


def _admin(kg: Any, folder: Path) -> None:
    from metagraph.interop.cypher import neo4j_import_chunks
    from metagraph.interop.export import _write_folder

    _write_folder(folder, neo4j_import_chunks(kg))


def _row(
    what: str, graph: str, value: float, unit: str, peer: str, peer_value: float, target: float | None
) -> dict[str, Any]:
    return {
        "what": what,
        "graph": graph,
        "seconds_or_bytes": round(value, 2) if unit == "s" else int(value),
        "unit": unit,
        "peer": peer,
        "peer_value": round(peer_value, 2) if unit == "s" else int(peer_value),
        "ratio": round(value / peer_value, 2) if peer_value > 0 else None,
        "target": target,
        "ok": target is None or value <= target,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a table; return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="3k nodes, 30k edges")
    size.add_argument("--large", action="store_true", help="100k nodes, 1M edges (needs ~8 GB of memory)")
    args = parser.parse_args(argv)
    rows = export_rows(quick=args.quick, large=args.large)
    for r in rows:
        if r["unit"] == "sources":  # the reach check: how many sources gave kg.downstream's nodes
            value, peer = f"{r['seconds_or_bytes']} of {r['peer_value']}", "all"
            print(
                f"{r['what']:24} {r['graph']:38} {value:>10}  (sources whose node sets agree; want {peer})  "
                f"{'ok' if r['ok'] else 'MISSED'}"
            )
            continue
        value = f"{r['seconds_or_bytes']:.2f} s" if r["unit"] == "s" else f"{r['seconds_or_bytes'] / 1e6:.0f} MB"
        peer = f"{r['peer_value']:.2f} s" if r["unit"] == "s" else f"{r['peer_value'] / 1e6:.0f} MB"
        target = "" if r["target"] is None else f"  target {r['target']:g}{' s' if r['unit'] == 's' else ' B'}"
        flag = "ok" if r["ok"] else "MISSED"
        print(f"{r['what']:24} {r['graph']:38} {value:>10}  ({r['peer']}: {peer}, x{r['ratio']}){target}  {flag}")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
