"""Make the README's screenshots: the whole bundled graph and a highlighted trace.

Run from the repository root::

    python examples/make_screenshots.py    # writes examples/graph.png, trace.png and liver.png

It draws the pages with :meth:`metagraph.MetaGraph.to_html` and photographs them in
Debian's headless Chromium through Playwright (``pip install playwright``; the
system ``chromium`` is used, nothing is downloaded). Beside each PNG it writes a
small sidecar, ``<name>.view.json``: the node ids and edge ids
(``source|target|key``) the picture draws, which of them are highlighted, and
which nodes a larger page folds into "+N more" boxes at first.
``tests/test_render_html.py`` compares the sidecars with what the code draws
today, so a stale picture fails the tests: run this script again to refresh them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import metagraph
from metagraph._atomic import write_bytes_atomic, write_text_atomic
from metagraph.render.html import page_contents
from metagraph.render.view import View

HERE = Path(__file__).resolve().parent
SIDECAR_SUFFIX = ".view.json"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def views(kg: metagraph.MetaGraph) -> dict[str, View]:
    """The pictures, by file stem: what each one draws of ``kg``."""
    chains = kg.trace("HIIT", "insulin sensitivity", via="AMPK", limit=5)
    return {
        "graph": View(),
        "trace": View(
            focus=list(dict.fromkeys(n.id for c in chains for n in c.nodes)),
            hops=1,
            highlight=chains,
            title="HIIT → insulin sensitivity via AMPK: the chains the trace returns first, in context",
        ),
        "liver": View(focus="liver", title="Liver: the myokines that reach it and what they change there"),
    }


def sidecar(kg: metagraph.MetaGraph, stem: str, view: View) -> str:
    """The JSON text stored beside ``<stem>.png``: what the picture draws."""
    record = {"image": f"{stem}.png", **page_contents(kg, view)}
    return json.dumps(record, indent=1, ensure_ascii=False) + "\n"


def differences(stored: dict[str, list[str]], drawn: dict[str, list[str]]) -> list[str]:
    """What a stored sidecar says a picture draws but the code no longer does, and the reverse.

    Sets are compared, not lists (nor pixels): the order of ids does not matter.
    """
    found = []
    for field in ("nodes", "edges", "highlighted_nodes", "highlighted_edges", "regions", "folded"):
        was, now = set(stored.get(field, [])), set(drawn[field])
        if was - now:
            found.append(f"{field} no longer drawn: {sorted(was - now)}")
        if now - was:
            found.append(f"{field} not in the picture: {sorted(now - was)}")
    return found


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
                # the size the pages are measured readable at, photographed at twice the pixels
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=2)
                page.goto(html.as_uri())
                # ``ready``: drawn, and the view fitted to every node and label
                page.wait_for_function("() => window.metagraph && window.metagraph.ready === true")
                write_bytes_atomic(png, page.screenshot())
                page.close()
                print(f"wrote {png}")
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Draw the pages, photograph them and write their sidecars."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the PNG files (default: examples/)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)

    kg = metagraph.load()
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for stem, view in views(kg).items():
            pages.append((kg.to_html(Path(tmp) / f"{stem}.html", view), args.out / f"{stem}.png"))
        photograph(pages, width=args.width, height=args.height)
    # The sidecars last: one is only ever written for a picture that was taken.
    for stem, view in views(kg).items():
        path = write_text_atomic(args.out / f"{stem}{SIDECAR_SUFFIX}", sidecar(kg, stem, view))
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
