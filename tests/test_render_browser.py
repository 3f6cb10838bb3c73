"""The pages and diagrams in a real browser: headless Chromium driven by Playwright.

These tests fail (not skip) when ``CI`` is set and Chromium, Playwright, Mermaid's
dist file or npm is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from metagraph import MetaGraph
from metagraph.examples import HOSTILE_DESCRIPTION, HOSTILE_NAME, chain_along, hostile_graph
from metagraph.render.chains import chain_to_html
from tests.browser import (
    browser,
    canvas_ink,
    canvas_width,
    need,
    open_page,
    outside_canvas,
    readability,
    svg_readability,
    wait_drawn,
)

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, imported for pytest

# The graph's nodes and edges on the page: not the bend points (``via``) and extra legs of routed edges.
COUNT = """() => [metagraph.nodes.get({filter: n => !n.via}).length,
                 metagraph.edges.get({filter: e => !e.leg}).length]"""


def _assert_clean(page: Any, log: Any, path: Path) -> None:
    wait_drawn(page)
    page.wait_for_timeout(100)
    assert log.errors == [], log.errors
    assert [c for c in log.console if c.startswith(("error", "warning"))] == []
    assert log.requests == [path.resolve().as_uri()]  # nothing but the file itself
    assert log.dialogs == []


def test_whole_graph_page_draws_offline(browser: Any, pathway: MetaGraph, tmp_path: Path) -> None:
    path = pathway.to_html(tmp_path / "graph.html")
    page, log = open_page(browser, path)
    _assert_clean(page, log, path)
    assert page.evaluate(COUNT) == [23, 25]
    assert canvas_ink(page) > 2000  # a drawn figure, not a blank canvas
    regions = page.locator("input.mg-region").count()
    assert regions >= 4  # exercise, muscle, circulation, organs..., whole body
    assert page.locator(".mg-legend li").count() == 9 + regions + 3
    # A wide window: the legend is an open side panel next to the network.
    assert page.evaluate("() => document.getElementById('mg-legend').open") is True
    assert page.locator("input.mg-kind[value=myokine]").is_visible()
    assert 1400 - 300 < canvas_width(page) < 1400 - 200
    page.close()


LEGEND_OPEN = "() => document.getElementById('mg-legend').open"


def test_narrow_frame_gives_the_network_the_width(browser: Any, pathway: MetaGraph, tmp_path: Path) -> None:
    path = pathway.to_html(tmp_path / "graph.html")
    page, log = open_page(browser, path, width=760, height=520)  # a docs column, a notebook's frame
    _assert_clean(page, log, path)
    assert canvas_width(page) >= 0.95 * 760
    # The legend is a closed "Legend" button over the network, which opens over it on demand.
    assert page.evaluate(LEGEND_OPEN) is False
    assert page.locator("#mg-legend summary").is_visible()
    assert not page.locator("input.mg-kind[value=myokine]").is_visible()
    assert outside_canvas(page) == []
    page.click("#mg-legend summary")
    assert page.evaluate(LEGEND_OPEN) is True
    assert canvas_width(page) >= 0.95 * 760  # floating: opening it takes no width from the network
    page.uncheck("input.mg-kind[value=myokine]")
    assert page.evaluate("() => metagraph.nodes.get({filter: n => n.hidden && !n.via}).length") == 3
    # Growing into a wide window turns it back into the side panel, and narrowing folds it again.
    page.set_viewport_size({"width": 1400, "height": 900})
    page.wait_for_function("() => document.querySelector('#mynetwork canvas').clientWidth < 1200")
    assert page.evaluate(LEGEND_OPEN) is True
    page.click("#mg-legend summary")  # a reader may fold it in a wide window too: the network grows
    page.wait_for_function("() => document.querySelector('#mynetwork canvas').clientWidth > 1250")
    page.set_viewport_size({"width": 760, "height": 520})
    page.wait_for_function("() => document.querySelector('#mynetwork canvas').clientWidth <= 760")
    assert page.evaluate(LEGEND_OPEN) is False
    page.set_viewport_size({"width": 1400, "height": 900})
    page.wait_for_function("() => document.getElementById('mg-legend').open")
    assert log.errors == []
    page.close()


def _views(pathway: MetaGraph, tmp_path: Path) -> dict[str, Path]:
    c = chain_along(
        pathway, "hiit", "atp_depletion", "ampk", "glut4_translocation", "glucose_uptake", "insulin_sensitivity"
    )
    return {
        "chain alone": chain_to_html(c, tmp_path / "chain0.html", graph=pathway, context_hops=0),
        "chain in context": chain_to_html(c, tmp_path / "chain1.html", graph=pathway, context_hops=1),
        "whole graph": pathway.to_html(tmp_path / "graph.html"),
    }


@pytest.mark.parametrize("view", ["chain alone", "chain in context", "whole graph"])
@pytest.mark.parametrize("size", [(760, 480), (1400, 900)], ids=["narrow", "wide"])
def test_every_label_is_inside_the_canvas(
    browser: Any, pathway: MetaGraph, tmp_path: Path, view: str, size: tuple[int, int]
) -> None:
    path = _views(pathway, tmp_path)[view]
    page, log = open_page(browser, path, width=size[0], height=size[1])
    _assert_clean(page, log, path)
    assert outside_canvas(page) == []
    assert canvas_ink(page) > 1000
    if view == "chain alone":  # the chain fills the width rather than sitting small in the middle
        spread = page.evaluate("""() => {
            const p = metagraph.network.getPositions(['hiit', 'insulin_sensitivity']);
            return metagraph.network.canvasToDOM(p.insulin_sensitivity).x - metagraph.network.canvasToDOM(p.hiit).x;
        }""")
        assert spread > 0.7 * canvas_width(page)
    # Zoomed in by hand, then "Fit to window": the whole figure is back, labels and all.
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(5):
        page.mouse.wheel(0, -300)
    page.wait_for_timeout(100)
    assert outside_canvas(page) != []
    page.click("#mg-fit")
    page.wait_for_timeout(100)
    assert outside_canvas(page) == []
    page.close()


def test_an_empty_page_opens_cleanly(browser: Any, tmp_path: Path) -> None:
    path = MetaGraph().to_html(tmp_path / "empty.html")
    page, log = open_page(browser, path, width=760, height=480)
    _assert_clean(page, log, path)
    assert page.evaluate(COUNT) == [0, 0]
    page.close()


def test_highlighted_chain_is_in_the_network(browser: Any, pathway: MetaGraph, tmp_path: Path) -> None:
    c = chain_along(
        pathway, "hiit", "atp_depletion", "ampk", "glut4_translocation", "glucose_uptake", "insulin_sensitivity"
    )
    path = pathway.to_html(tmp_path / "trace.html", focus=[n.id for n in c.nodes], hops=1, highlight=c)
    page, log = open_page(browser, path)
    _assert_clean(page, log, path)
    lit = page.evaluate("""() => [
        metagraph.nodes.get({filter: n => n.highlighted}).map(n => n.id).sort(),
        metagraph.edges.get({filter: e => e.highlighted && !e.leg})
            .map(e => (e.ends || [e.from, e.to]).join('>'))]""")
    assert lit[0] == sorted(n.id for n in c.nodes)
    assert lit[1] == [f"{e.source}>{e.target}" for e in c.edges]
    expected = pathway.subgraph(focus=[n.id for n in c.nodes], hops=1)
    assert page.evaluate(COUNT) == [len(expected), expected.nx.number_of_edges()]
    assert canvas_ink(page) > 2000
    page.close()


def test_search_box_and_kind_filter_work(browser: Any, pathway: MetaGraph, tmp_path: Path) -> None:
    path = pathway.to_html(tmp_path / "graph.html")
    page, log = open_page(browser, path)
    _assert_clean(page, log, path)
    page.fill("#mg-search", "pgc 1α")
    page.press("#mg-search", "Enter")
    assert page.text_content("#mg-found") == "1 match"
    assert page.evaluate("() => metagraph.network.getSelectedNodes()") == ["pgc1a"]
    page.fill("#mg-search", "GLUT4")
    page.press("#mg-search", "Enter")
    assert page.text_content("#mg-found") == "1 match"  # the exact name wins over "GLUT4 translocation"
    page.uncheck("input.mg-kind[value=myokine]")
    hidden = page.evaluate("() => metagraph.nodes.get({filter: n => n.hidden && !n.via}).map(n => n.id).sort()")
    assert hidden == ["il6", "irisin", "myonectin"]
    page.check("input.mg-kind[value=myokine]")
    assert page.evaluate("() => metagraph.nodes.get({filter: n => n.hidden}).length") == 0
    assert log.errors == []
    page.close()


FIND = "() => metagraph.network.getSelectedNodes()"


def _find(page: Any, query: str) -> tuple[str | None, list[str]]:
    page.fill("#mg-search", query)
    page.press("#mg-search", "Enter")
    return page.text_content("#mg-found"), page.evaluate(FIND)


def test_find_forgives_typos_case_spacing_and_greek(browser: Any, pathway: MetaGraph, tmp_path: Path) -> None:
    path = pathway.to_html(tmp_path / "graph.html")
    page, log = open_page(browser, path)
    _assert_clean(page, log, path)
    # A typo: nothing contains "irisn", so the closest name (one edit away) is picked.
    assert _find(page, "irisn") == ("closest match: Irisin", ["irisin"])
    assert _find(page, "IRSIIN")[1] == ["irisin"]  # case, and two neighbours swapped
    # Greek letters written out, hyphens and spaces: exact matches, not guesses.
    for query in ["pgc1alpha", "PGC-1 alpha", "pgc 1α", "Pgc1Alpha"]:
        assert _find(page, query) == ("1 match", ["pgc1a"]), query
    assert _find(page, "pgc1alfa")[1] == ["pgc1a"]  # two edits, a long enough query
    # Nothing close: said so, and nothing is selected.
    assert _find(page, "zzzz") == ("no match: nothing is close to \u201czzzz\u201d", [])
    # A hidden kind is not found, even by its exact name.
    page.uncheck("input.mg-kind[value=myokine]")
    assert _find(page, "irisn")[1] == []
    assert log.errors == []
    assert log.requests == [path.resolve().as_uri()]  # the fuzzy search asked nothing of the network
    page.close()


def test_injected_markup_shows_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    path = hostile_graph().to_html(tmp_path / "evil.html", title=HOSTILE_NAME)
    page, log = open_page(browser, path)
    _assert_clean(page, log, path)
    # Nothing from the data became an element: no <img>, no <a>, no extra <script>, no <b>/<i>.
    assert page.evaluate("() => document.querySelectorAll('img, a, b, i, iframe').length") == 0
    assert page.evaluate("() => document.querySelectorAll('script').length") == 3
    assert page.text_content("h1") == HOSTILE_NAME and page.title() == HOSTILE_NAME
    # Hovering the node shows its tooltip as plain text, "href" and all.
    box = page.evaluate("""() => {
        const p = metagraph.network.canvasToDOM(metagraph.network.getPositions(['evil']).evil);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""")
    page.mouse.move(box[0] - 40, box[1] - 40)
    page.mouse.move(box[0], box[1], steps=5)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = page.locator("div.vis-tooltip")
    assert HOSTILE_DESCRIPTION in tip.inner_text()
    assert page.evaluate("() => document.querySelector('div.vis-tooltip').querySelectorAll(':not(br)').length") == 0
    page.wait_for_timeout(300)
    assert log.dialogs == [] and log.errors == []
    page.close()


# -- Mermaid: the real library renders our flowcharts --------------------------------
@pytest.fixture(scope="session")
def mermaid_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mermaid's dist file: $METAGRAPH_MERMAID_DIST, else installed with npm into a temporary folder."""
    given = os.environ.get("METAGRAPH_MERMAID_DIST")
    if given:
        need(Path(given).is_file(), f"METAGRAPH_MERMAID_DIST points to a missing file: {given}")
        return Path(given)
    npm = shutil.which("npm")
    need(npm is not None, "mermaid is not available: set METAGRAPH_MERMAID_DIST or install npm")
    folder = tmp_path_factory.mktemp("mermaid")
    done = subprocess.run(
        [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder), "mermaid@11"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    dist = folder / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    need(done.returncode == 0 and dist.is_file(), f"npm could not install mermaid: {done.stderr[-500:]}")
    return dist


RENDER = """async (src) => {
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
    await mermaid.parse(src);
    const {svg} = await mermaid.render('diagram', src);
    document.getElementById('out').innerHTML = svg;
    const s = document.querySelector('#out svg');
    const paths = Array.from(s.querySelectorAll('.edgePaths path'));
    return {
        nodes: s.querySelectorAll('g.node').length,
        edges: paths.length,
        crosses: paths.filter(p => (p.getAttribute('marker-end') || '').includes('crossEnd')).length,
        dotted: paths.filter(p => p.classList.contains('edge-pattern-dotted')).length,
        labels: Array.from(s.querySelectorAll('g.node')).map(n => n.textContent.trim()),
        clusters: Array.from(s.querySelectorAll('g.cluster')).map(c => c.textContent.trim()),
        injected: document.querySelectorAll('#out img, #out script, #out b').length,
    };
}"""


def _render_mermaid(browser: Any, dist: Path, text: str, tmp_path: Path) -> dict[str, Any]:
    html = tmp_path / "mermaid.html"
    html.write_text(
        f'<!DOCTYPE html><meta charset="utf-8"><script src="{dist.resolve().as_uri()}"></script><div id="out"></div>',
        encoding="utf-8",
    )
    page, log = open_page(browser, html)
    result = page.evaluate(RENDER, text)
    page.wait_for_timeout(100)
    assert log.errors == [] and log.dialogs == []
    assert all(url.startswith("file://") for url in log.requests), log.requests
    page.close()
    return result


def test_mermaid_flowchart_renders(browser: Any, mermaid_dist: Path, pathway: MetaGraph, tmp_path: Path) -> None:
    # The compartments (the default): one subgraph per region, an organ is its subgraph.
    result = _render_mermaid(browser, mermaid_dist, pathway.to_mermaid(title="Exercise pathway"), tmp_path)
    from metagraph.render._compartments import compartments

    regions = compartments(pathway).regions
    places = sum(len(r.places) for r in regions)
    assert result["nodes"] == 23 - places and sorted(result["clusters"]) == sorted(r.label for r in regions)
    assert "PGC-1α" in result["labels"] and 0 < result["edges"] <= 25
    # One column per kind, as before, on request.
    result = _render_mermaid(browser, mermaid_dist, pathway.to_mermaid(layout="kinds"), tmp_path)
    assert result["nodes"] == 23 and result["edges"] == 25
    signs = [e.sign for e in pathway.edges()]
    assert result["crosses"] == signs.count(-1)
    assert result["dotted"] == signs.count(0)
    assert "PGC-1α" in result["labels"] and "Pancreatic β-cell" in result["labels"]


def test_mermaid_escaping_holds(browser: Any, mermaid_dist: Path, tmp_path: Path) -> None:
    g = hostile_graph()
    result = _render_mermaid(browser, mermaid_dist, g.to_mermaid(highlight=chain_along(g, "evil", "end")), tmp_path)
    assert result["nodes"] == 3 and result["edges"] == 2 and result["injected"] == 0
    assert sorted(result["labels"]) == sorted(n.name for n in g)


# -- readable by construction: measured at fit-to-window in a 1400×900 page ----------
def _readability_views(tmp_path: Path) -> dict[str, tuple[Path, int]]:
    """The four views of issue 14 (and two more), and how many nodes each draws."""
    import metagraph
    from benchmarks.generator import generate_graph

    kg = metagraph.load()
    chains = kg.trace("HIIT", "insulin sensitivity", via="AMPK", limit=5)
    on_chains = list(dict.fromkeys(n.id for c in chains for n in c.nodes))
    big = generate_graph(120, 240, seed=3)  # the generator makes 100 nodes at least: keep every other one
    synthetic = big.subgraph(nodes=list(big.nx.nodes)[::2])
    views = {
        "whole graph": (kg, {}),
        "organ focus (liver)": (kg, {"focus": "liver"}),
        "traced chain (HIIT -> insulin sensitivity via AMPK)": (
            kg,
            {"focus": on_chains, "hops": 0, "highlight": chains},
        ),
        "60-node synthetic graph": (synthetic, {}),
        # and what `metagraph render trace.html --trace ... --via AMPK` draws by default: the chains in context
        "traced chain in context (1 hop)": (kg, {"focus": on_chains, "hops": 1, "highlight": chains}),
        "myokine focus (irisin)": (kg, {"focus": "irisin"}),
    }
    out = {}
    for i, (name, (graph, options)) in enumerate(views.items()):
        part, _ = graph.subgraph(**{k: v for k, v in options.items() if k != "highlight"}), None
        out[name] = (graph.to_html(tmp_path / f"view{i}.html", **options), len(part))
    return out


SHOWN = "() => metagraph.nodes.get({filter: n => !n.hidden && !n.via && !n.summary}).length"


def test_views_are_readable_at_fit_to_window(browser: Any, tmp_path: Path) -> None:
    figures = {}
    for name, (path, n_nodes) in _readability_views(tmp_path).items():
        page, log = open_page(browser, path, width=1400, height=900)
        _assert_clean(page, log, path)
        r = readability(page)
        figures[name] = r
        print(
            f"\n[readability 1400x900] {name}: {r['nodes']} shapes drawn for {n_nodes} nodes, "
            f"min label {r['min_label_px']:.1f} px, label/label overlaps {len(r['label_label'])}, "
            f"label/node overlaps {len(r['label_node'])}, edges under a node {len(r['under'])}"
        )
        # Every view, the whole graph included, reads at first sight.
        assert r["broken_words"] == [], (name, r["broken_words"])  # labels wrap between words only
        assert r["min_label_px"] >= 11, (name, r["min_label_px"])
        assert r["label_label"] == [], (name, r["label_label"])
        assert r["label_node"] == [], (name, r["label_node"])
        assert r["under"] == [], (name, r["under"])
        assert r["nodes"] <= 100
        if n_nodes > 100:  # an overview: it says what it folded and how to draw it, and stays navigable
            _check_overview(page, n_nodes)
        page.close()
    assert len(figures) == 6


def _check_overview(page: Any, n_nodes: int) -> None:
    note = page.text_content(".mg-note")
    assert "too many to read whole" in note and "+N more" in note and "Show all" in note
    assert "Skeletal muscle" in note  # names the regions it folded
    boxes = page.evaluate("() => metagraph.nodes.get({filter: n => n.summary && !n.hidden}).map(n => n.label)")
    assert boxes and all(b.startswith("+") and b.endswith(" more") for b in boxes)
    drawn = page.evaluate(SHOWN)
    assert drawn + sum(int(b[1:].split()[0]) for b in boxes) == n_nodes  # nothing is lost: drawn or counted
    # Every node on "Show all", and back.
    page.click("#mg-more")
    page.wait_for_function("() => document.getElementById('mg-more').textContent === 'Back to overview'")
    assert page.evaluate(SHOWN) == n_nodes
    assert page.evaluate("() => metagraph.nodes.get({filter: n => n.summary && !n.hidden}).length") == 0
    page.click("#mg-more")
    assert page.evaluate(SHOWN) == drawn
    assert readability(page)["under"] == []
    # Find reaches a folded node (Nrf2 is in a "+N more" box of the muscle): everything is drawn.
    assert page.evaluate("() => metagraph.nodes.get('nrf2').hidden") is True
    page.fill("#mg-search", "nrf 2")
    page.press("#mg-search", "Enter")
    assert page.evaluate("() => metagraph.network.getSelectedNodes()") == ["nrf2"]
    assert page.evaluate(SHOWN) == n_nodes
    # Back to the overview; a click on a "+N more" box draws everything too.
    page.click("#mg-more")
    page.evaluate("() => metagraph.network.selectNodes([])")
    box = page.evaluate("""() => {
        const id = metagraph.nodes.getIds({filter: n => n.summary && !n.hidden})[0];
        const p = metagraph.network.canvasToDOM(metagraph.network.getPositions([id])[id]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""")
    page.mouse.click(box[0], box[1])
    page.wait_for_function("() => document.getElementById('mg-more').textContent === 'Back to overview'")
    assert page.evaluate(SHOWN) == n_nodes
    # Filter by kind and collapse a compartment.
    page.uncheck("input.mg-kind[value=myokine]")
    after = page.evaluate(SHOWN)
    assert after < n_nodes
    page.uncheck("input.mg-region[value=body]")
    assert page.evaluate(SHOWN) < after


# -- the Graphviz liver figure, measured at its stated size -------------------------
def _liver_checks(name: str, r: dict[str, Any]) -> None:
    """IL-6 and myonectin (the liver row's group node) and FGF21 outside the liver's cluster, arrows into it."""
    liver = r["clusters"]["region_liver"]

    def inside(b: dict[str, float], margin: float = 3.0) -> bool:
        x, y = (b["left"] + b["right"]) / 2, (b["top"] + b["bottom"]) / 2
        return (
            liver["left"] - margin <= x <= liver["right"] + margin
            and liver["top"] - margin <= y <= liver["bottom"] + margin
        )

    def apart(b: dict[str, float]) -> bool:
        return (
            b["right"] < liver["left"]
            or b["left"] > liver["right"]
            or b["bottom"] < liver["top"]
            or b["top"] > liver["bottom"]
        )

    for node in ("liver_row_myokines", "fgf21"):
        assert apart(r["nodes"][f"node_{node}"]), (name, node)
        into = [e for e in r["edges"] if e["title"].startswith(f"{node}->") and e["head"] and inside(e["head"])]
        assert into, (name, node, [e["title"] for e in r["edges"] if e["title"].startswith(node)])
    assert inside(r["nodes"]["node_hepatic_glucose_production"], margin=0)


def _print_figure(name: str, r: dict[str, Any]) -> None:
    print(
        f"\n[figure] {name}: {r['width_px']:.0f}x{r['height_px']:.0f} px, min label {r['min_label_px']:.1f} px "
        f"({r['min_label_px'] * 0.75:.1f} pt; smallest: {', '.join(r['smallest'])}), label/label overlaps "
        f"{len(r['label_label'])}, label/node overlaps {len(r['label_node'])}"
    )


def test_graphviz_liver_figures_are_readable_at_their_size(browser: Any, tmp_path: Path) -> None:
    """`metagraph render liver.svg --focus liver`, and the PNG/PDF page at --size slide, page and column."""
    import warnings

    import metagraph
    from metagraph.render.figure import FIGURE_SIZES, READABLE_PX, _figure_html
    from metagraph.render.view import RenderWarning, View

    need(shutil.which("dot") is not None, "Graphviz's dot is not installed (apt-get install graphviz)")
    kg = metagraph.load()
    # The SVG at its natural size, as a browser shows the file.
    svg = kg.to_svg(tmp_path / "liver.svg", focus="liver", legend=True)
    page, log = open_page(browser, svg)
    r = svg_readability(page)
    _print_figure("liver.svg (natural size)", r)
    assert r["min_label_px"] >= READABLE_PX and r["label_label"] == [] and r["label_node"] == []
    _liver_checks("liver.svg", r)
    page.close()
    # The figure's page, at the size it is printed or photographed (96 CSS pixels per inch).
    readable = {}
    for size in ("slide", "page", "column"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RenderWarning)
            html, width, height = _figure_html(kg, View(focus="liver"), size=size)
        path = tmp_path / f"liver-{size}.html"
        path.write_text(html, encoding="utf-8")
        page, log = open_page(browser, path, width=round(width * 96 / 25.4), height=round(height * 96 / 25.4))
        r = svg_readability(page)
        _print_figure(f"liver.png --size {size} ({FIGURE_SIZES[size][0]:g} mm wide)", r)
        assert log.errors == [] and r["label_label"] == [] and r["label_node"] == [], (size, r)
        _liver_checks(size, r)
        said = [str(w.message) for w in caught if issubclass(w.category, RenderWarning)]
        if r["min_label_px"] >= READABLE_PX:
            assert said == [], (size, said)
        else:  # too much for the size: the figure says so, with the size a reader would see
            assert len(said) == 1 and f"{r['min_label_px']:.1f} px" in said[0], (size, r["min_label_px"], said)
            print(f"[figure] liver.png --size {size}: warned: {said[0]}")
        readable[size] = r["min_label_px"] >= READABLE_PX
        page.close()
    assert readable["slide"] and readable["page"], readable  # a column of 85 mm is too narrow for 10 nodes


def test_graphviz_trace_reads_on_a_slide(browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`metagraph render trace.svg --trace HIIT "insulin sensitivity" --via AMPK --size slide`, shown at its size."""
    from metagraph.cli import main
    from metagraph.render.figure import READABLE_PX

    need(shutil.which("dot") is not None, "Graphviz's dot is not installed (apt-get install graphviz)")
    out = tmp_path / "trace.svg"
    argv = ["render", str(out), "--trace", "HIIT", "insulin sensitivity", "--via", "AMPK", "--size", "slide"]
    assert main(argv) == 0
    assert "warning" not in capsys.readouterr().err
    page, log = open_page(browser, out)  # 13.33 inches wide: 1280 CSS pixels, a 16:9 slide
    assert log.errors == []
    r = svg_readability(page)
    _print_figure("trace.svg --via AMPK --size slide", r)
    assert 1270 <= r["width_px"] <= 1290 or 710 <= r["height_px"] <= 730  # fitted to the slide
    assert r["min_label_px"] >= READABLE_PX and r["label_label"] == [] and r["label_node"] == [], r
    titles = {e["title"] for e in r["edges"]}
    assert {"ampk->pgc1a", "pgc1a->mitochondrial_biogenesis"} <= titles  # the AMPK → PGC-1α → mitochondria chain
    assert page.evaluate("() => document.querySelectorAll('svg g#legend').length") == 1
    page.close()
