"""Speed of metagraph: one command, one table.

Run from the repository root::

    python -m benchmarks            # the full table (a few minutes)
    python -m benchmarks --quick    # fewer repeats, a shorter networkx comparison, a 20k-row import-table
    python -m benchmarks --large    # also the 100k-node / 1M-edge graph (several minutes, ~4 GB)

Each row shows metagraph's figure and, where there is one, a peer's figure measured in
the same run (networkx, rustworkx, igraph, scipy, libyaml: each used if installed,
"not installed" otherwise; ``pip install -e ".[bench]"`` installs them), their ratio,
the target and ok/MISS. Rows: importing and loading the bundled graph; the cold wall
time of the ``metagraph trace`` command beside ``python -c "import networkx"`` (new
processes, alternated, compiled bytecode cached as after ``pip install``); reading
the YAML files of a 10k-node / 50k-edge synthetic graph beside libyaml's C loader
alone; loading them; the queries on that graph, downstream/upstream beside the peers'
breadth-first searches on the same edges; the all-paths enumeration beside
``networkx.all_simple_edge_paths`` and rustworkx (checking that all find the same
paths); ``metagraph import-table`` of a CSV edge list; and the memory and loading
rows of ``benchmarks/bench_load.py`` when it is there.
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
    """One line of the table: metagraph's figure, a peer's figure from the same run, their ratio and the target.

    The fields are those of the rows ``benchmarks.bench_load.load_rows`` returns (as dicts),
    so ``Row(**row)`` takes them as they are.
    """

    what: str
    graph: str
    seconds_or_bytes: float | None
    unit: str = "s"
    peer: str = ""
    peer_value: float | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""


def versus(
    what: str,
    graph: str,
    ours: float,
    peer: str,
    theirs: float | None,
    *,
    limit: float | None = None,
    note: str = "",
    unit: str = "s",
) -> Row:
    """A row comparing ``ours`` with a peer's figure; ok when ``ours / theirs`` is at most ``limit``."""
    ratio = ours / theirs if theirs else None
    ok = None if limit is None or ratio is None else ratio <= limit
    target = "" if limit is None else f"≤ {_ratio(limit)}"
    return Row(what, graph, ours, unit, peer, theirs, ratio, target, ok, note)


def missing(what: str, graph: str, ours: float | None, peer: str, package: str, *, limit: float | None = None) -> Row:
    """A row whose peer is not installed: metagraph's figure alone, and how to get the peer."""
    target = "" if limit is None else f"≤ {_ratio(limit)}"
    return Row(what, graph, ours, "s", f"{peer}: not installed", None, None, target, None, f"pip install {package}")


def _ratio(value: float | None) -> str:
    if value is None:
        return ""
    if value >= 0.1:
        return f"{value:.2f}×"
    return f"1/{1 / value:.0f}×" if value else "0×"


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "B":
        return f"{value / 1e6:.1f} MB" if value >= 1e6 else f"{value / 1e3:.1f} kB"
    if unit == "B/edge":
        return f"{value:.0f} B/edge"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _status(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISS")


@dataclass
class Report:
    """The rows, printed as they come so that a long run shows progress."""

    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        peer = f" | {row.peer} {_value(row.peer_value, row.unit)}" if row.peer else ""
        print(
            f"  {row.what} [{row.graph}]: {_value(row.seconds_or_bytes, row.unit)}{peer} {_ratio(row.ratio)} "
            f"{row.target} {_status(row.ok)} {row.note}".rstrip(),
            file=sys.stderr,
        )
        return row

    def table(self) -> str:
        headers = ["benchmark", "graph", "metagraph", "peer (same run)", "peer", "ratio", "target", "", "notes"]
        cells = [
            [
                r.what,
                r.graph,
                _value(r.seconds_or_bytes, r.unit),
                r.peer,
                _value(r.peer_value, r.unit) if r.peer_value is not None else "",
                _ratio(r.ratio),
                r.target,
                _status(r.ok),
                r.note,
            ]
            for r in self.rows
        ]
        widths = [max(len(str(c[i])) for c in [headers, *cells]) for i in range(len(headers))]
        lines = [
            "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [headers, *cells]
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        missed = [r.what for r in self.rows if r.ok is False]
        lines.append("")
        lines.append(f"{sum(r.ok is True for r in self.rows)} targets met, {len(missed)} missed")
        return "\n".join(lines)


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
def plain(what: str, graph: str, seconds: float | None, note: str = "", *, limit: float | None = None) -> Row:
    """A row without a peer; with ``limit``, ok when ``seconds`` is at most that many seconds."""
    ok = None if limit is None or seconds is None else seconds <= limit
    return Row(what, graph, seconds, target="" if limit is None else f"≤ {_value(limit, 's')}", ok=ok, note=note)


def bench_bundled(report: Report, repeat: int) -> None:
    import metagraph

    code = "import metagraph"
    report.add(plain("import metagraph (cold, new process)", "-", wall([sys.executable, "-c", code], repeat)))
    try:
        metagraph.load()
    except metagraph.MetagraphError as exc:
        report.add(plain("load + validate bundled graph", "bundled", None, f"cannot load: {exc}"))
        return
    # "After import": the code that validates files (pydantic and the models) is imported
    # when files are first read, not with the package; import it here, outside the timing.
    import metagraph._reading

    with tempfile.TemporaryDirectory(prefix="metagraph-bench-cache-") as cache:
        os.environ["METAGRAPH_CACHE_DIR"] = cache  # an empty cache: the first load parses and validates
        seconds, kg = timed(metagraph.load)
        report.add(plain("load + validate bundled graph, first time (after import)", "bundled", seconds, limit=0.1))
        seconds, kg = timed(metagraph.load, repeat * 2)
        report.add(plain("load bundled graph again (validated copy in the cache)", "bundled", seconds, limit=0.1))
        del os.environ["METAGRAPH_CACHE_DIR"]
    if "hiit" in kg and "insulin_sensitivity" in kg:
        seconds, chains = timed(lambda: kg.trace("HIIT", "insulin sensitivity"), repeat * 2)
        report.add(plain("trace HIIT → insulin sensitivity, top 10", "bundled", seconds, f"{len(chains)} chains"))


def bench_cli(report: Report, repeat: int) -> None:
    what = 'metagraph trace HIIT "insulin sensitivity" (cold, new process)'
    trace = [sys.executable, "-m", "metagraph", "trace", "HIIT", "insulin sensitivity"]
    probe = subprocess.run(trace, capture_output=True, text=True, check=False, cwd=ROOT)
    if probe.returncode != 0:
        report.add(plain(what, "bundled", None, probe.stderr.strip()[:80]))
        return
    # Alternated, so that a busy machine slows both alike; the median of each.
    env = _user_env()
    runs: dict[str, list[float]] = {"nx": [], "cli": []}
    commands = {"nx": [sys.executable, "-c", "import networkx"], "cli": trace}
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
    for _ in range(max(repeat, 5)):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
            runs[name].append(time.perf_counter() - start)
    nx_time, cli_time = statistics.median(runs["nx"]), statistics.median(runs["cli"])
    report.add(versus(what, "bundled", cli_time, 'python -c "import networkx"', nx_time, limit=1.5))


def bench_yaml(report: Report, folder: Path, repeat: int) -> None:
    """metagraph's YAML reader (lines, limits, duplicate keys) beside libyaml's C loader alone, on the same files."""
    import yaml

    from metagraph._yaml import parse_document

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))]
    what = f"read YAML data files ({len(texts)} files, {sum(map(len, texts)) / 1e6:.1f} MB)"
    if not hasattr(yaml, "CSafeLoader"):
        ours, _ = timed(lambda: [parse_document(t, "x.yaml") for t in texts], repeat)
        report.add(missing(what, "10k/50k", ours, "yaml.CSafeLoader", "PyYAML built with libyaml", limit=1.3))
        return
    ours_t, theirs_t = [], []
    for _ in range(repeat):  # alternated, as above
        ours_t.append(timed(lambda: [parse_document(t, "x.yaml") for t in texts])[0])
        theirs_t.append(timed(lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts])[0])
    report.add(
        versus(
            what,
            "10k/50k",
            statistics.median(ours_t),
            "yaml.load(CSafeLoader)",
            statistics.median(theirs_t),
            limit=1.3,
            note="metagraph also keeps every line and checks the limits",
        )
    )


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


def _carrying_arrays(kg: Any) -> tuple[list[str], list[int], list[int]]:
    """The graph's node ids and its transmitting edges as two integer lists (what each peer is built from)."""
    ids = list(kg.nx.nodes)
    position = {n: i for i, n in enumerate(ids)}
    edges = {(position[u], position[v]) for u, v, a in kg.nx.edges(data=True) if a["transmits"]}
    return ids, [u for u, _ in edges], [v for _, v in edges]


def bench_reach(report: Report, kg: Any, label: str, source: str, target: str, repeat: int, *, large: bool) -> None:
    """downstream/upstream: the first call (builds the index) and repeats, beside the peers' breadth-first searches."""
    import importlib.util

    first, result = timed(lambda: kg.downstream(source), 1)
    report.add(
        plain(
            "downstream, first call (builds the index)",
            label,
            first,
            f"{len(result)} nodes",
            limit=2.0 if large else None,
        )
    )
    ids, sources, targets = _carrying_arrays(kg)
    count = len(ids)
    walks = [("downstream", source, False, kg.downstream), ("upstream", target, True, kg.upstream)]
    peers = [
        ("scipy csgraph.breadth_first_order", "scipy", "scipy", 3.0),
        ("rustworkx.bfs_successors", "rustworkx", "rustworkx", None),
        ("igraph Graph.bfs", "python-igraph", "igraph", None),
    ]
    runs = max(repeat, 3) * 5  # each call takes milliseconds: more runs, a steadier median
    for name, start, reverse, method in walks:
        found = method(start)
        what = f"{name} (repeat call), {len(found)} nodes reached"
        a, b = (targets, sources) if reverse else (sources, targets)
        for peer, package, module, limit in peers:
            if importlib.util.find_spec(module) is None:
                ours, _ = timed(lambda m=method, s=start: m(s), runs)
                report.add(missing(what, label, ours, peer, package, limit=limit))
                continue
            search, reached = _peer_bfs(module, count, a, b, ids.index(start))
            ours_t, theirs_t = [], []
            for _ in range(runs):  # alternated, so that a busy machine slows both alike
                ours_t.append(timed(lambda m=method, s=start: m(s))[0])
                theirs_t.append(timed(search)[0])
            same = "same nodes" if reached == len(found) else f"NOT the same: {reached} nodes"
            ours, theirs = statistics.median(ours_t), statistics.median(theirs_t)
            report.add(versus(what, label, ours, peer, theirs, limit=limit, note=same))


def _peer_bfs(
    module: str, count: int, sources: list[int], targets: list[int], start: int
) -> tuple[Callable[[], Any], int]:
    """One peer's breadth-first search from ``start`` (its graph built here, untimed), and the nodes it reaches."""
    search: Callable[[], Any]
    if module == "scipy":
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import breadth_first_order

        matrix = csr_matrix((np.ones(len(sources), dtype=np.int8), (sources, targets)), shape=(count, count))

        def search() -> Any:
            return breadth_first_order(matrix, start, directed=True, return_predecessors=False)

        return search, len(search()) - 1
    if module == "rustworkx":
        import rustworkx as rx

        digraph = rx.PyDiGraph()
        digraph.add_nodes_from(range(count))
        digraph.add_edges_from_no_data(list(zip(sources, targets, strict=True)))

        def search() -> Any:
            return rx.bfs_successors(digraph, start)

        return search, len({v for _, succ in search() for v in succ} - {start})
    import igraph

    graph = igraph.Graph(n=count, edges=list(zip(sources, targets, strict=True)), directed=True)

    def search() -> Any:
        return graph.bfs(start, mode="out")

    return search, len(search()[0]) - 1


def bench_queries(
    report: Report, kg: Any, label: str, rng: random.Random, repeat: int, *, pairs: int, targets: bool
) -> list[tuple[str, str, int]]:
    """trace, reach, myokines_reaching, match and reversal on one synthetic graph."""
    chosen = pick_pairs(kg, rng, pairs)
    times = []
    found = []
    for source, target, _ in chosen:
        seconds, chains = timed(lambda s=source, t=target: kg.trace(s, t, max_hops=6, limit=10), repeat)
        times.append(seconds)
        found.append(len(chains))
    worst = max(times)
    report.add(
        plain(
            "trace top-10, max_hops=6",
            label,
            statistics.median(times),
            f"median of {len(chosen)} exercise→outcome pairs, worst {_value(worst, 's')}; "
            f"{min(found)}-{max(found)} chains each",
            limit=1.0 if targets else None,
        )
    )
    bench_reach(report, kg, label, chosen[0][0], chosen[0][1], repeat, large=targets)
    organs = [n.id for n in kg.nodes("organ")][:5]
    seconds, _ = timed(lambda: [kg.myokines_reaching(o) for o in organs], repeat)
    report.add(
        plain(
            "myokines_reaching (per organ)",
            label,
            seconds / len(organs),
            f"mean over {len(organs)} organs",
            limit=0.5 if targets else None,
        )
    )
    seconds, result = timed(lambda: kg.match("exercise", "signal", "myokine", "organ", limit=20), repeat)
    report.add(plain("match exercise→signal→myokine→organ, top 20", label, seconds, f"{len(result)} chains"))
    # Synthetic conditions are sinks; the process that disturbs most within two steps stands in for one.
    stand_in = max(kg.nodes("process")[:200], key=lambda n: len(kg.downstream(n, max_hops=2)))
    modalities = [n.id for n in kg.nodes("exercise")[:3]]
    seconds, result = timed(lambda: kg.reversal(stand_in, modalities, max_hops=4), max(1, repeat // 3))
    report.add(
        plain(
            "reversal: one condition × 3 modalities, max_hops=4",
            label,
            seconds,
            f"{len(result.rows)} disturbed nodes",
            limit=None if targets else 1.0,
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
    note = f"same paths: {'yes' if same else 'NO'}"
    report.add(versus(what, label, ours_t, "networkx.all_simple_edge_paths", theirs_t, limit=1 / 30, note=note))
    try:
        import rustworkx as rx
    except ImportError:
        report.add(missing(what, label, ours_t, "rustworkx.digraph_all_simple_paths", "rustworkx"))
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
    note = f"same paths: {'yes' if rx_same else 'NO'}"
    report.add(versus(what, label, ours_t, "rustworkx.digraph_all_simple_paths", rx_t, note=note))


def bench_files(report: Report, records: tuple, repeat: int, *, quick: bool) -> None:
    import metagraph

    with tempfile.TemporaryDirectory(prefix="metagraph-bench-") as tmp:
        for fmt in ("yaml", "json"):
            folder = Path(tmp) / fmt
            seconds, _ = timed(lambda f=fmt, d=folder: write_data_files(d, *records, fmt=f))
            report.add(plain(f"write data files ({fmt})", "10k/50k", seconds))
            if fmt == "yaml":
                bench_yaml(report, folder, 1 if quick else 3)
            os.environ["METAGRAPH_CACHE_DIR"] = str(Path(tmp) / f"cache-{fmt}")
            seconds, kg = timed(lambda d=folder: metagraph.load(d))
            report.add(plain(f"load + validate from {fmt.upper()} files, first time", "10k/50k", seconds, repr(kg)))
            seconds, kg = timed(lambda d=folder: metagraph.load(d), 1 if quick else max(1, repeat // 2))
            report.add(plain(f"load again from {fmt.upper()} files (cached)", "10k/50k", seconds, repr(kg)))
            del os.environ["METAGRAPH_CACHE_DIR"]


def write_edge_table(path: Path, rows: int, *, seed: int = 0) -> None:
    """A CSV edge list like a signed-interaction export: names, a sign word, a PubMed id and a quote per row."""
    rng = random.Random(seed)
    names = [f"Protein {i}" for i in range(max(100, rows // 10))]
    signs = ["activation", "inhibition", "up", "down"]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("source,target,effect,pmid,quote\n")
        for i in range(rows):
            source, target = rng.sample(names, 2)
            pmid = rng.randrange(1, 40_000_000)
            out.write(f'{source},{target},{rng.choice(signs)},{pmid},"{source} regulates {target} (row {i})"\n')


def bench_import_table(report: Report, rows: int) -> None:
    """``metagraph import-table`` of a CSV edge list, as a user runs it (a new process, to a YAML file)."""
    with tempfile.TemporaryDirectory(prefix="metagraph-bench-table-") as tmp:
        table, out = Path(tmp) / "edges.csv", Path(tmp) / "edges.yaml"
        write_edge_table(table, rows)
        command = [sys.executable, "-m", "metagraph", "import-table", str(table), str(out)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=_user_env())
        seconds = time.perf_counter() - start
        label = f"{rows // 1000}k rows"
        if done.returncode != 0:
            report.add(plain("metagraph import-table CSV → YAML", label, None, done.stderr.strip()[:80]))
            return
        report.add(
            plain(
                "metagraph import-table CSV → YAML (new process)",
                label,
                seconds,
                f"{out.stat().st_size / 1e6:.0f} MB written",
                limit=20.0 if rows >= 200_000 else None,
            )
        )


def load_rows(report: Report, *, quick: bool, large: bool) -> None:
    """The memory and loading rows of ``benchmarks/bench_load.py``, when that module is there."""
    import importlib
    import importlib.util

    if importlib.util.find_spec("benchmarks.bench_load") is None:
        return
    module = importlib.import_module("benchmarks.bench_load")
    for row in module.load_rows(quick=quick, large=large):
        target = row.get("target")
        if isinstance(target, (int, float)):  # the largest ratio allowed
            row = {**row, "target": f"≤ {_ratio(float(target))}"}
        elif target is None:  # a comparison shown without a target
            row = {**row, "target": ""}
        report.add(Row(**row))


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
    report.add(plain("generate synthetic records", "10k/50k", seconds))
    seconds, kg = timed(lambda: MetaGraph(*records, validate=True))
    report.add(plain("build MetaGraph from records (+ whole-graph checks)", "10k/50k", seconds))
    bench_files(report, records, repeat, quick=args.quick)
    chosen = bench_queries(report, kg, "10k/50k", rng, repeat, pairs=5, targets=False)
    with_four = [p for p in chosen if p[2] <= 4] or chosen
    bench_enumeration(
        report, kg, "10k/50k", with_four[:1] if args.quick else with_four[:3], cutoff=5 if args.quick else 6
    )
    del kg, records
    bench_import_table(report, 20_000 if args.quick else 200_000)
    load_rows(report, quick=args.quick, large=args.large)

    if args.large:
        seconds, records = timed(lambda: generate_records(100_000, 1_000_000, seed=args.seed))
        report.add(plain("generate synthetic records", "100k/1M", seconds))
        seconds, big = timed(lambda: MetaGraph(*records, validate=False))
        report.add(plain("build MetaGraph from records (no checks)", "100k/1M", seconds))
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
