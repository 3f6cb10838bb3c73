"""Make the README's screenshots: the whole bundled graph and a highlighted trace.

Run from the repository root::

    python examples/make_screenshots.py            # writes examples/graph.png and examples/trace.png

It draws the pages with :meth:`metagraph.MetaGraph.to_html` and photographs them in
Debian's headless Chromium through Playwright (``pip install playwright``; the
system ``chromium`` is used, nothing is downloaded).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import metagraph
from metagraph._atomic import write_bytes_atomic

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def photograph(pages: list[tuple[Path, Path]], *, width: int, height: int) -> None:
    """Screenshot each HTML page into its PNG file."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("chromium is not installed (Debian/Ubuntu: apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for html, png in pages:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(html.as_uri())
                # ``ready``: drawn, and the view fitted to every node and label
                page.wait_for_function("() => window.metagraph && window.metagraph.ready === true")
                write_bytes_atomic(png, page.screenshot())
                page.close()
                print(f"wrote {png}")
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Draw the two pages and photograph them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNG files (default: examples/)")
    parser.add_argument("--width", type=int, default=2000)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args(argv)

    kg = metagraph.load()
    chains = kg.trace("HIIT", "insulin sensitivity", limit=3)
    with tempfile.TemporaryDirectory() as tmp:
        whole = kg.to_html(Path(tmp) / "graph.html")
        focus = list(dict.fromkeys(n.id for c in chains for n in c.nodes))
        trace = kg.to_html(
            Path(tmp) / "trace.html",
            focus=focus,
            hops=1,
            highlight=chains,
            title="HIIT → insulin sensitivity: the three best-supported chains, in context",
        )
        photograph(
            [(whole, args.out / "graph.png"), (trace, args.out / "trace.png")], width=args.width, height=args.height
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
