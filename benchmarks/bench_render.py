"""Benchmark: draw a 10,000-node synthetic graph as the interactive HTML page (compartment layout).

Run from the repository root::

    python benchmarks/bench_render.py                    # 10k nodes, 30k edges; budget 10 s
    python benchmarks/bench_render.py --browser          # also time opening the page in headless Chromium

Prints one line per measurement and exits 1 when making the page takes longer than
the budget. The graph comes from :mod:`benchmarks.generator` (same seed, same graph).
(``to_svg`` of such a graph is not timed: it warns, RenderWarning, before asking
Graphviz, which would take many minutes; ``tests/test_render_figures.py`` checks that.)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` and `metagraph` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generator import generate_graph
from metagraph.render._region_layout import region_layout
from metagraph.render.html import _sizer, to_html
from metagraph.render.view import Highlight

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _browser_load(path: Path) -> float:
    """Seconds from opening the page until vis-network has drawn it and fitted the view."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise SystemExit("--browser needs Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri(), timeout=300_000)
            # ``ready``: drawn, fitted to every node and label, and drawn again
            page.wait_for_function("() => window.metagraph && window.metagraph.ready === true", timeout=300_000)
            return time.perf_counter() - start
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 if the HTML page took longer than the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds allowed for the HTML page")
    parser.add_argument("--browser", action="store_true", help="also time opening the page in Chromium")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    kg = generate_graph(args.nodes, args.edges, seed=args.seed)
    print(f"generate {kg!r}: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    region_layout(kg, kg, _sizer(kg, Highlight()))
    print(f"compartment layout alone: {time.perf_counter() - start:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        path = to_html(kg, Path(tmp) / "big.html")
        took = time.perf_counter() - start
        size = path.stat().st_size / 1e6
        verdict = "ok" if took <= args.budget else "OVER BUDGET"
        print(
            f"to_html: {took:.2f} s for {args.nodes:,} nodes and {args.edges:,} edges "
            f"({size:.1f} MB page; budget {args.budget:.0f} s: {verdict})"
        )
        if args.browser:
            print(f"open in headless Chromium until drawn: {_browser_load(path):.2f} s")
    return 0 if took <= args.budget else 1


if __name__ == "__main__":
    raise SystemExit(main())
