"""Speed of metagraph: one command, one table.

Run from the repository root::

    python -m benchmarks            # the full table (about two minutes)
    python -m benchmarks --quick    # fewer repeats, a shorter networkx comparison
    python -m benchmarks --large    # also the 100k-node / 1M-edge graph (several minutes, ~4 GB)

Rows: importing and loading the bundled graph; loading a 10k-node / 50k-edge
synthetic graph from data files; the queries on it; the same all-paths enumeration
with ``networkx.all_simple_edge_paths`` (and rustworkx when it is installed),
checking that every tool finds the same paths; and the cold wall time of the
``metagraph trace`` command beside ``python -c "import networkx"`` (new processes,
with compiled bytecode cached as after ``pip install``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python benchmarks/run.py` as well as `python -m benchmarks`
    sys.path.insert(0, str(ROOT))

from benchmarks.generator import generate_records, write_data_files  # noqa: E402


@dataclass
class Row:
    """One line of the table."""

    what: str
    graph: str
    seconds: float | None
    note: str = ""
    target: str = ""
    ok: bool | None = None


@dataclass
class Report:
    """The rows, printed as they come so that a long run shows progress."""

    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        shown = _ms(row.seconds)
        status = "" if row.ok is None else ("ok" if row.ok else "MISSED")
        print(f"  {row.what} [{row.graph}]: {shown} {row.note} {row.target} {status}".rstrip(), file=sys.stderr)
        return row

    def table(self) -> str:
        headers = ["benchmark", "graph", "time", "target", "", "notes"]
        cells = [
            [r.what, r.graph, _ms(r.seconds), r.target, "" if r.ok is None else ("ok" if r.ok else "MISSED"), r.note]
            for r in self.rows
        ]
        widths = [max(len(str(c[i])) for c in [headers, *cells]) for i in range(len(headers))]
        lines = [
            "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [headers, *cells]
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median wall time of ``repeat`` calls, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _user_env() -> dict[str, str]:
    # As after `pip install`: compiled bytecode is cached (some sandboxes turn that off,
    # which makes every run recompile metagraph's modules).
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], repeat: int) -> float:
    """Median wall time of a command run ``repeat`` times (after one untimed run that warms the caches)."""
    env = _user_env()
    subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the benchmarks ------------------------------------------------------------------------
def bench_bundled(report: Report, repeat: int) -> None:
    import metagraph

    code = "import metagraph"
    report.add(Row("import metagraph (cold, new process)", "-", wall([sys.executable, "-c", code], repeat)))
    try:
        metagraph.load()
    except metagraph.MetagraphError as exc:
        report.add(Row("load + validate bundled graph", "bundled", None, f"cannot load: {exc}"))
        return
    with tempfile.TemporaryDirectory(prefix="metagraph-bench-cache-") as cache:
        os.environ["METAGRAPH_CACHE_DIR"] = cache  # an empty cache: the first load parses and validates
        seconds, kg = timed(metagraph.load)
        report.add(
            Row(
                "load + validate bundled graph, first time (after import)",
                "bundled",
                seconds,
                repr(kg),
                "< 100 ms",
                seconds < 0.1,
            )
        )
        seconds, kg = timed(metagraph.load, repeat * 2)
        report.add(
            Row(
                "load bundled graph again (validated copy in the cache)",
                "bundled",
                seconds,
                repr(kg),
                "< 100 ms",
                seconds < 0.1,
            )
        )
        del os.environ["METAGRAPH_CACHE_DIR"]
    if "hiit" in kg and "insulin_sensitivity" in kg:
        seconds, chains = timed(lambda: kg.trace("HIIT", "insulin sensitivity"), repeat * 2)
        report.add(Row("trace HIIT → insulin sensitivity, top 10", "bundled", seconds, f"{len(chains)} chains"))


def pick_pairs(kg: Any, rng: random.Random, count: int, *, min_hops: int = 3) -> list[tuple[str, str, int]]:
    """Exercise → outcome pairs joined by a chain of at least ``min_hops`` (and at most 6) edges."""
    from metagraph.queries._paths import reach

    exercises = [n.id for n in kg.nodes("exercise")]
    pairs: list[tuple[str, str, int]] = []
    while len(pairs) < count:
        source = rng.choice(exercises)
        dist = reach(kg.nx, source, max_hops=6)
        outcomes = sorted(n for n, d in dist.items() if d >= min_hops and kg.nx.nodes[n]["kind"] == "outcome")
        if outcomes:
            target = rng.choice(outcomes)
            pairs.append((source, target, dist[target]))
    return pairs


def bench_queries(
    report: Report, kg: Any, label: str, rng: random.Random, repeat: int, *, pairs: int, targets: bool
) -> list[tuple[str, str, int]]:
    """trace, myokines_reaching, downstream, upstream, match on one synthetic graph."""
    chosen = pick_pairs(kg, rng, pairs)
    times = []
    found = []
    for source, target, _ in chosen:
        seconds, chains = timed(lambda s=source, t=target: kg.trace(s, t, max_hops=6, limit=10), repeat)
        times.append(seconds)
        found.append(len(chains))
    worst = max(times)
    report.add(
        Row(
            "trace top-10, max_hops=6",
            label,
            statistics.median(times),
            f"median of {len(chosen)} exercise→outcome pairs, worst {_ms(worst)}; {min(found)}-{max(found)} "
            "chains each",
            "< 1 s" if targets else "",
            worst < 1 if targets else None,
        )
    )
    source, target = chosen[0][0], chosen[0][1]
    first, result = timed(lambda: kg.downstream(source), 1)
    report.add(Row("downstream of an exercise (first call: builds the index)", label, first, f"{len(result)} nodes"))
    organs = [n.id for n in kg.nodes("organ")][:5]
    seconds, _ = timed(lambda: [kg.myokines_reaching(o) for o in organs], repeat)
    report.add(
        Row(
            "myokines_reaching (per organ)",
            label,
            seconds / len(organs),
            f"mean over {len(organs)} organs",
            "< 0.5 s" if targets else "",
            seconds / len(organs) < 0.5 if targets else None,
        )
    )
    seconds, result = timed(lambda: kg.downstream(source), repeat)
    report.add(
        Row(
            "downstream of an exercise",
            label,
            seconds,
            f"{len(result)} nodes",
            "< 0.5 s" if targets else "",
            seconds < 0.5 if targets else None,
        )
    )
    seconds, result = timed(lambda: kg.upstream(target), repeat)
    report.add(
        Row(
            "upstream of an outcome",
            label,
            seconds,
            f"{len(result)} nodes",
            "< 0.5 s" if targets else "",
            seconds < 0.5 if targets else None,
        )
    )
    seconds, result = timed(lambda: kg.match("exercise", "signal", "myokine", "organ", limit=20), repeat)
    report.add(Row("match exercise→signal→myokine→organ, top 20", label, seconds, f"{len(result)} chains"))
    # Synthetic conditions are sinks; the process that disturbs most within two steps stands in for one.
    stand_in = max(kg.nodes("process")[:200], key=lambda n: len(kg.downstream(n, max_hops=2)))
    modalities = [n.id for n in kg.nodes("exercise")[:3]]
    seconds, result = timed(lambda: kg.reversal(stand_in, modalities, max_hops=4), max(1, repeat // 3))
    report.add(
        Row(
            "reversal: one condition × 3 modalities, max_hops=4",
            label,
            seconds,
            f"{len(result.rows)} disturbed nodes",
            "< 1 s" if not targets else "",
            seconds < 1 if not targets else None,
        )
    )
    return chosen


def bench_enumeration(report: Report, kg: Any, label: str, pairs: list[tuple[str, str, int]], cutoff: int) -> None:
    """Every simple path within ``cutoff`` hops: ours, networkx's and rustworkx's, and whether they agree."""
    import networkx as nx

    from metagraph.queries._paths import find_edge_paths

    graph = kg.nx
    carrying = nx.subgraph_view(graph, filter_edge=lambda u, v, k: graph[u][v][k]["transmits"])
    ours_t, theirs_t, same, counts = 0.0, 0.0, True, []
    for source, target, _ in pairs:
        t_ours, ours = timed(lambda s=source, t=target: find_edge_paths(graph, s, t, max_hops=cutoff, limit=None))
        t_nx, theirs = timed(
            lambda s=source, t=target: [tuple(p) for p in nx.all_simple_edge_paths(carrying, s, t, cutoff=cutoff)]
        )
        ours_t += t_ours
        theirs_t += t_nx
        same = same and sorted(ours) == sorted(theirs)
        counts.append(len(ours))
    what = f"all simple paths ≤ {cutoff} hops, {len(pairs)} pairs ({sum(counts)} paths)"
    report.add(Row(f"{what}: metagraph", label, ours_t))
    speedup = theirs_t / ours_t if ours_t else float("inf")
    report.add(
        Row(
            f"{what}: networkx.all_simple_edge_paths",
            label,
            theirs_t,
            f"same paths: {'yes' if same else 'NO'}; metagraph {speedup:.0f}× faster",
            "≥ 30×",
            same and speedup >= 30,
        )
    )
    try:
        import rustworkx as rx
    except ImportError:
        report.add(Row(f"{what}: rustworkx", label, None, "rustworkx not installed (pip install rustworkx)"))
        return
    rgraph = rx.networkx_converter(nx.MultiDiGraph(carrying), keep_attributes=False)
    index = {n: i for i, n in enumerate(carrying.nodes)}
    rx_t, rx_same = 0.0, True
    for source, target, _ in pairs:
        t_rx, paths = timed(
            lambda s=source, t=target: rx.digraph_all_simple_paths(rgraph, index[s], index[t], cutoff=cutoff + 1)
        )
        rx_t += t_rx
        ours = find_edge_paths(graph, source, target, max_hops=cutoff, limit=None)
        # rustworkx lists node paths, once per combination of parallel edges, like networkx.all_simple_paths
        names = list(carrying.nodes)
        rx_same = rx_same and sorted(tuple(names[i] for i in p) for p in paths) == sorted(
            (p[0][0], *(v for _, v, _ in p)) for p in ours
        )
    ratio = rx_t / ours_t if ours_t else float("inf")
    versus = f"metagraph {ratio:.1f}× faster" if ratio >= 1 else f"metagraph {1 / ratio:.1f}× slower"
    report.add(Row(f"{what}: rustworkx", label, rx_t, f"same paths: {'yes' if rx_same else 'NO'}; {versus}"))


def bench_files(report: Report, records: tuple, repeat: int) -> None:
    import metagraph

    with tempfile.TemporaryDirectory(prefix="metagraph-bench-") as tmp:
        for fmt in ("yaml", "json"):
            folder = Path(tmp) / fmt
            seconds, _ = timed(lambda f=fmt, d=folder: write_data_files(d, *records, fmt=f))
            report.add(Row(f"write data files ({fmt})", "10k/50k", seconds))
            os.environ["METAGRAPH_CACHE_DIR"] = str(Path(tmp) / f"cache-{fmt}")
            seconds, kg = timed(lambda d=folder: metagraph.load(d))
            report.add(Row(f"load + validate from {fmt.upper()} files, first time", "10k/50k", seconds, repr(kg)))
            seconds, kg = timed(lambda d=folder: metagraph.load(d), max(1, repeat // 2))
            report.add(Row(f"load again from {fmt.upper()} files (cached)", "10k/50k", seconds, repr(kg)))
            del os.environ["METAGRAPH_CACHE_DIR"]


def bench_cli(report: Report, repeat: int) -> None:
    trace = [sys.executable, "-m", "metagraph", "trace", "HIIT", "insulin sensitivity"]
    probe = subprocess.run(trace, capture_output=True, text=True, check=False, cwd=ROOT)
    if probe.returncode != 0:
        report.add(Row('metagraph trace HIIT "insulin sensitivity" (cold)', "bundled", None, probe.stderr.strip()[:80]))
        return
    nx_time = wall([sys.executable, "-c", "import networkx"], repeat)
    cli_time = wall(trace, repeat)
    report.add(Row('python -c "import networkx" (cold)', "-", nx_time))
    ratio = cli_time / nx_time
    report.add(
        Row(
            'metagraph trace HIIT "insulin sensitivity" (cold)',
            "bundled",
            cli_time,
            f"{ratio:.2f}× importing networkx",
            "< 1.5×",
            ratio < 1.5,
        )
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table; return 0."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats and a shorter networkx comparison")
    parser.add_argument("--large", action="store_true", help="also run the 100k-node / 1M-edge graph")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic graphs (default 0)")
    parser.add_argument("--json", metavar="PATH", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else 7
    rng = random.Random(args.seed)
    report = Report()
    print("running the benchmarks (rows appear as they finish) ...", file=sys.stderr)

    from metagraph.graph import MetaGraph

    bench_bundled(report, repeat)
    bench_cli(report, repeat)

    seconds, records = timed(lambda: generate_records(10_000, 50_000, seed=args.seed))
    report.add(Row("generate synthetic records", "10k/50k", seconds))
    seconds, kg = timed(lambda: MetaGraph(*records, validate=True))
    report.add(Row("build MetaGraph from records (+ whole-graph checks)", "10k/50k", seconds))
    bench_files(report, records, repeat)
    chosen = bench_queries(report, kg, "10k/50k", rng, repeat, pairs=5, targets=False)
    with_four = [p for p in chosen if p[2] <= 4] or chosen
    bench_enumeration(
        report, kg, "10k/50k", with_four[:1] if args.quick else with_four[:3], cutoff=5 if args.quick else 6
    )
    del kg, records

    if args.large:
        seconds, records = timed(lambda: generate_records(100_000, 1_000_000, seed=args.seed))
        report.add(Row("generate synthetic records", "100k/1M", seconds))
        seconds, big = timed(lambda: MetaGraph(*records, validate=False))
        report.add(Row("build MetaGraph from records (no checks)", "100k/1M", seconds))
        del records
        bench_queries(report, big, "100k/1M", rng, 3 if args.quick else 5, pairs=5, targets=True)

    print()
    print(report.table())
    if args.json:
        from metagraph._atomic import write_text_atomic

        write_text_atomic(args.json, json.dumps([r.__dict__ for r in report.rows], indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
