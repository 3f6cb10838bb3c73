"""Shared browser fixtures: Debian's headless Chromium driven by Playwright.

Import the fixtures into a test module (``from tests.browser import browser, ...``).
Playwright's own browser download does not work here, so we launch the system
``chromium``. When the ``CI`` environment variable is set, a missing browser or
Playwright fails the tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def need(condition: bool, reason: str) -> None:
    """Skip when ``condition`` is false, or fail when running in CI."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required when CI is set)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (one per test session)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the playwright package is not installed (pip install playwright)")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    need(executable is not None, "chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class PageLog:
    """What a page did: errors, console messages, requests and dialogs."""

    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(browser: Any, path: Path, *, width: int = 1400, height: int = 900) -> tuple[Any, PageLog]:
    """Open a local HTML file in a new page, recording what it does; return the page and its log."""
    page = browser.new_page(viewport={"width": width, "height": height})
    log = PageLog()
    page.on("pageerror", lambda exc: log.errors.append(str(exc)))
    page.on("console", lambda msg: log.console.append(f"{msg.type}: {msg.text}"))
    page.on("request", lambda req: log.requests.append(req.url))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, log


def canvas_ink(page: Any) -> int:
    """Count the non-white, non-transparent pixels of the page's vis-network canvas."""
    return page.evaluate("""() => {
        const c = document.querySelector('#mynetwork canvas');
        if (!c) return -1;
        const ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) ink++;
        }
        return ink;
    }""")


def wait_drawn(page: Any) -> None:
    """Wait until the pathway page has drawn its network and fitted the view to it."""
    page.wait_for_function("() => window.metagraph && window.metagraph.ready === true", timeout=10000)


def canvas_width(page: Any) -> int:
    """Width of the vis-network canvas in CSS pixels."""
    return page.evaluate("() => document.querySelector('#mynetwork canvas').clientWidth")


def outside_canvas(page: Any, *, margin: float = 0.0) -> list[dict[str, Any]]:
    """The visible nodes whose box, label included, is not wholly inside the canvas (CSS pixels)."""
    return page.evaluate(
        """(margin) => {
        const net = metagraph.network, c = document.querySelector('#mynetwork canvas');
        const w = c.clientWidth, h = c.clientHeight, out = [];
        metagraph.nodes.getIds({filter: n => !n.hidden}).forEach(id => {
            const b = net.getBoundingBox(id);
            const tl = net.canvasToDOM({x: b.left, y: b.top}), br = net.canvasToDOM({x: b.right, y: b.bottom});
            if (tl.x < margin || tl.y < margin || br.x > w - margin || br.y > h - margin) {
                out.push({id: id, left: tl.x, top: tl.y, right: br.x, bottom: br.y, width: w, height: h});
            }
        });
        return out;
    }""",
        margin,
    )


READABILITY = r"""() => {
    const net = metagraph.network, body = net.body, scale = net.getScale();
    const shown = metagraph.nodes.getIds({filter: n => !n.hidden && !n.via});
    const vias = Object.create(null);
    metagraph.nodes.getIds({filter: n => !n.hidden && n.via}).forEach(id => { vias[id] = true; });
    const isShown = Object.create(null);
    shown.forEach(id => { isShown[id] = true; });
    const nodeBox = {}, labels = [];
    shown.forEach(id => {
        nodeBox[id] = net.getBoundingBox(id);
        const lab = body.nodes[id].labelModule;
        if (lab && lab.size && lab.size.width > 0) {
            labels.push({owner: [id], box: {left: lab.size.left, top: lab.size.top,
                right: lab.size.left + lab.size.width, bottom: lab.size.top + lab.size.height},
                px: lab.fontOptions.size * scale, what: 'node ' + id});
        }
    });
    const edges = [];
    metagraph.edges.get({filter: e => !e.hidden}).forEach(e => {
        const drawn = body.edges[e.id];
        if (!drawn || !(isShown[e.from] || vias[e.from]) || !(isShown[e.to] || vias[e.to])) return;
        const ends = e.ends || [e.from, e.to];
        edges.push({id: e.id, from: ends[0], to: ends[1], drawn: drawn});
        const lab = drawn.labelModule;
        if (e.label && lab && lab.size && lab.size.width > 0) {
            labels.push({owner: [e.from, e.to], box: {left: lab.size.left, top: lab.size.top,
                right: lab.size.left + lab.size.width, bottom: lab.size.top + lab.size.height},
                px: lab.fontOptions.size * scale, what: 'edge ' + e.id});
        }
    });
    const T = 1;  // boxes must overlap by more than a pixel (canvas units) to count
    const hit = (a, b) => a.left < b.right - T && b.left < a.right - T && a.top < b.bottom - T && b.top < a.bottom - T;
    const labelLabel = [], labelNode = [];
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
            if (hit(labels[i].box, labels[j].box)) labelLabel.push(labels[i].what + ' / ' + labels[j].what);
        }
        shown.forEach(id => {
            if (labels[i].owner.includes(id)) return;
            if (hit(labels[i].box, nodeBox[id])) labelNode.push(labels[i].what + ' / node ' + id);
        });
    }
    const under = [];
    edges.forEach(e => {
        if (!e.drawn.edgeType || typeof e.drawn.edgeType.getPoint !== 'function') return;
        const pts = [];
        for (let t = 0.02; t < 0.985; t += 0.01) pts.push(e.drawn.edgeType.getPoint(t));
        for (const id of shown) {
            if (id === e.from || id === e.to) continue;
            const b = nodeBox[id], m = 2;
            if (pts.some(p => p.x > b.left + m && p.x < b.right - m && p.y > b.top + m && p.y < b.bottom - m)) {
                under.push(e.id + ' under ' + id);
                break;
            }
        }
    });
    // A label wrapped inside a word ("aminotransferase / s"): a line holds a piece of no word of the label.
    const broken = [];
    shown.forEach(id => {
        const lab = body.nodes[id].labelModule, text = body.nodes[id].options.label;
        if (!lab || !lab.lines || typeof text !== 'string') return;
        const words = new Set(text.split(/\s+/));
        const lines = lab.lines.map(l => l.blocks.map(b => b.text).join(''));
        if (lines.some(l => l.split(/\s+/).some(w => w && !words.has(w)))) broken.push(id + ': ' + lines.join(' / '));
    });
    const px = labels.map(l => l.px);
    return {nodes: shown.length, edges: edges.length, scale: scale,
            min_label_px: px.length ? Math.min(...px) : null,
            label_label: labelLabel, label_node: labelNode, under: under, broken_words: broken};
}"""


def readability(page: Any) -> dict[str, Any]:
    """What a reader sees at the current zoom, measured from vis-network's own boxes (CSS pixels).

    ``min_label_px``: the smallest label's font height on screen; ``label_label`` and
    ``label_node``: the labels (of nodes and of edges) that overlap another label or a
    node other than their own; ``under``: the edges whose drawn curve runs beneath a node
    they do not touch; ``broken_words``: the node labels wrapped inside a word.
    """
    result: dict[str, Any] = page.evaluate(READABILITY)
    return result


SVG_READABILITY = r"""() => {
    const svg = document.querySelector('svg');
    const box = el => {
        const r = el.getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    };
    const groups = [...svg.querySelectorAll('g.node, g.edge, g#legend')];
    const labels = [];
    groups.forEach((g, i) => {
        // a node's text is its own; an edge's text may touch the edge's two ends (its head mark does)
        const title = g.querySelector('title');
        const ends = g.classList.contains('edge') && title ? title.textContent.split('->').map(n => 'node_' + n) : [];
        g.querySelectorAll('text').forEach(t => {
            if (!t.textContent.trim()) return;
            const size = parseFloat(t.getAttribute('font-size') || '14');
            labels.push({group: i, owners: [g.id, ...ends], text: t.textContent.trim(),
                         px: size * t.getScreenCTM().a, box: box(t)});
        });
    });
    const shapes = [...svg.querySelectorAll('g.node')].filter(g => g.id.startsWith('node_')).map((g, i) => {
        const s = g.querySelector('polygon, ellipse, path');
        return {id: g.id, box: s ? box(s) : box(g)};
    });
    const T = 0.5;
    const hit = (a, b) => a.left < b.right - T && b.left < a.right - T && a.top < b.bottom - T && b.top < a.bottom - T;
    const labelLabel = [], labelNode = [];
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
            if (labels[i].group !== labels[j].group && hit(labels[i].box, labels[j].box)) {
                labelLabel.push(labels[i].text + ' / ' + labels[j].text);
            }
        }
        shapes.forEach(s => {
            if (!labels[i].owners.includes(s.id) && hit(labels[i].box, s.box)) {
                labelNode.push(labels[i].text + ' / ' + s.id);
            }
        });
    }
    const clusters = {};
    svg.querySelectorAll('g.cluster').forEach(g => {
        const s = g.querySelector('polygon, path');
        clusters[g.id] = box(s || g);
    });
    const nodes = {};
    shapes.forEach(s => { nodes[s.id] = s.box; });
    const edges = [...svg.querySelectorAll('g.edge')].map(g => {
        const title = g.querySelector('title').textContent;
        const heads = g.querySelectorAll('polygon, polyline');
        const head = heads.length ? box(heads[heads.length - 1]) : null;
        return {title: title, head: head};
    });
    const px = labels.map(l => l.px);
    const rect = svg.getBoundingClientRect();
    return {width_px: rect.width, height_px: rect.height, labels: labels.length,
            min_label_px: px.length ? Math.min(...px) : null,
            smallest: labels.slice().sort((a, b) => a.px - b.px).slice(0, 3).map(l => l.text + ' ' + l.px.toFixed(1)),
            label_label: labelLabel, label_node: labelNode, clusters: clusters, nodes: nodes, edges: edges};
}"""


def svg_readability(page: Any) -> dict[str, Any]:
    """What a reader sees of the page's (first) Graphviz SVG at its size on the page, in CSS pixels.

    ``min_label_px``: the smallest text's font height (node and edge labels, the legend);
    ``label_label``: texts of different nodes, edges or the legend that overlap;
    ``label_node``: texts that overlap the shape of another node; ``clusters`` and
    ``nodes``: the boxes of each cluster (``region_<key>``) and node (``node_<id>``);
    ``edges``: each edge's Graphviz title (``a->b``) and arrowhead box.
    """
    result: dict[str, Any] = page.evaluate(SVG_READABILITY)
    return result
