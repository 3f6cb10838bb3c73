"""The interactive HTML page: structure, stability, offline-ness and escaping (no browser needed)."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from metagraph import Edge, MetaGraph, Node, RenderError, UnknownNodeError
from metagraph.examples import HOSTILE_DESCRIPTION, HOSTILE_NAME, chain_along, hostile_graph
from metagraph.render import html as page_module
from metagraph.render._style import DIM, KIND_STYLES
from metagraph.render.html import LARGE_GRAPH, HtmlDiagram, html_document, iframe, page_contents, show, to_html
from metagraph.schema import Kind


class _Resources(HTMLParser):
    """Collect every place an HTML page could load something from."""

    URL_ATTRS = frozenset(
        {
            "src",
            "href",
            "srcset",
            "data",
            "poster",
            "action",
            "formaction",
            "background",
            "xlink:href",
            "manifest",
            "ping",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in self.URL_ATTRS and value is not None:
                self.urls.append((tag, name, value))
            if name == "style" and value:
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def remote_references(page: str) -> list[str]:
    """Every reference in ``page`` that would make the browser fetch something."""
    parser = _Resources()
    parser.feed(page)
    found = [f"<{tag} {name}={value}>" for tag, name, value in parser.urls]
    found += [f"<{tag}>" for tag in parser.tags if tag in {"link", "iframe", "img", "object", "embed", "base"}]
    for css in parser.styles:
        found += [f"@import in CSS: {m}" for m in re.findall(r"@import[^;]*", css)]
        found += [
            f"url() in CSS: {m}" for m in re.findall(r"url\(\s*['\"]?([^'\")]*)", css) if not m.startswith("data:")
        ]
    return found


def datasets(page: str) -> tuple[list[dict], list[dict]]:
    """The node and edge lists embedded in the page."""
    decoder = json.JSONDecoder()
    out = []
    for name in ("nodes", "edges"):
        start = page.index(f"var {name} = new vis.DataSet(") + len(f"var {name} = new vis.DataSet(")
        out.append(decoder.raw_decode(page, start)[0])
    # An edge routed around nodes is drawn as legs through invisible bend points: the graph's
    # nodes are the others, and each edge is its last leg (the one with its id and arrow).
    nodes = [n for n in out[0] if not n.get("via")]
    edges = [dict(e, **{"from": e["ends"][0], "to": e["ends"][1]}) if "ends" in e else e for e in out[1]]
    return nodes, [e for e in edges if not e.get("leg")]


@pytest.fixture(scope="module")
def page(pathway: MetaGraph) -> str:
    return html_document(pathway)


def test_page_embeds_every_node_and_edge(pathway: MetaGraph, page: str) -> None:
    nodes, edges = datasets(page)
    assert sorted(n["id"] for n in nodes) == sorted(pathway.nx.nodes)
    assert len(edges) == pathway.nx.number_of_edges() == 25
    assert {(e["from"], e["to"]) for e in edges} == set(pathway.nx.edges())
    assert len({e["id"] for e in edges}) == len(edges)  # parallel edges stay distinct


def test_page_is_offline(page: str) -> None:
    assert remote_references(page) == []
    assert "default-src 'none'" in page  # the Content-Security-Policy blocks any fetch
    assert "bootstrap" not in page.lower() and "cdn" not in page.lower()
    parser = _Resources()
    parser.feed(page)
    assert parser.tags.count("script") == 3  # vis-network inlined, the data, our search and filter
    assert "vis.Network" in page


def test_resource_check_finds_what_pyvis_would_load() -> None:
    from pyvis.network import Network

    stock = Network(cdn_resources="in_line").generate_html()
    assert any("bootstrap" in r for r in remote_references(stock))


def test_same_graph_gives_byte_identical_page(pathway: MetaGraph, page: str, tmp_path: Path) -> None:
    again = MetaGraph(list(pathway), pathway.edges(), pathway.references.values())
    a = to_html(again, tmp_path / "a.html")
    b = to_html(pathway, tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes() == page.encode("utf-8")


def test_layout_is_fixed_left_to_right_with_physics_off(pathway: MetaGraph) -> None:
    page = html_document(pathway, layout="kinds")
    nodes, _ = datasets(page)
    x = {n["id"]: n["x"] for n in nodes}
    assert x["hiit"] < x["ampk"] < x["irisin"] < x["skeletal_muscle"] < x["glucose_uptake"]
    assert x["glucose_uptake"] < x["insulin_sensitivity"] < x["insulin_resistance"]
    options = json.loads(re.search(r"var options = (\{.*\});", page).group(1))
    assert options["physics"]["enabled"] is False
    assert options["layout"]["improvedLayout"] is False


def test_legend_lists_kinds_and_edge_meanings(pathway: MetaGraph, page: str) -> None:
    legend = page[page.index('<details class="mg-legend" id="mg-legend" open>') : page.index("</details>")]
    assert "<summary>Legend</summary>" in legend  # folds away in narrow frames (see test_render_browser)
    for label in ("exercise", "signals", "myokines", "organs and tissues", "processes", "outcomes", "conditions"):
        assert f"<span>{label}</span>" in legend
    assert legend.count('class="mg-kind"') == 9
    assert "activates / increases" in legend and "inhibits / decreases" in legend and "structural" in legend
    assert 'id="mg-search"' in page


def test_kinds_have_distinct_shapes_and_colours(page: str) -> None:
    nodes, _ = datasets(page)
    looks = {n["kind"]: (n["shape"], n["color"]["background"]) for n in nodes}
    assert len(looks) == 9
    assert len({s for s, _ in looks.values()}) == 9 and len({c for _, c in looks.values()}) == 9


def test_edge_signs_look_different(pathway: MetaGraph) -> None:
    _, edges = datasets(html_document(pathway, layout="kinds"))
    by_sign = {e["sign"]: e for e in edges}
    assert by_sign[1]["arrows"]["to"]["type"] == "arrow" and not by_sign[1]["dashes"]
    assert by_sign[-1]["arrows"]["to"]["type"] == "bar" and not by_sign[-1]["dashes"]
    structural = next(e for e in edges if e["sign"] == 0 and e["predicate"] != "regulates")
    assert structural["dashes"] == [7, 5]
    assert len({by_sign[s]["color"]["color"] for s in (1, -1)} | {structural["color"]["color"]}) == 3
    assert {e["label"] for e in edges} >= {"activates", "decreases", "secretes"}


def test_tooltips_carry_description_identifiers_quotes_and_doi(pathway: MetaGraph, page: str) -> None:
    nodes, edges = datasets(page)
    ampk = next(n for n in nodes if n["id"] == "ampk")
    assert "AMPK: a test node." in ampk["title"] and "TEST:" in ampk["title"] and "AMPK (syn)" in ampk["title"]
    e = next(e for e in edges if e["from"] == "ampk" and e["to"] == "pgc1a")
    assert "“ampk activates pgc1a”" in e["title"]
    assert "doi:10.1038/nrendo.2012.49" in e["title"] and "https://" not in e["title"]


def test_focus_hops_and_kinds_narrow_the_page(pathway: MetaGraph) -> None:
    nodes, edges = datasets(html_document(pathway, focus="AMPK", hops=1))
    assert {n["id"] for n in nodes} == {"ampk", "atp_depletion", "pgc1a", "glut4_translocation"}
    assert len(edges) == 3
    nodes, _ = datasets(html_document(pathway, kinds=["myokine", "organ"]))
    assert {n["kind"] for n in nodes} == {"myokine", "organ"}
    page = html_document(pathway, focus="il6", hops=0, title="only IL-6")
    assert datasets(page)[0][0]["id"] == "il6" and '<h1 title="only IL-6">only IL-6</h1>' in page


def test_highlight_stands_out_and_dims_the_rest(pathway: MetaGraph) -> None:
    c = chain_along(pathway, "hiit", "atp_depletion", "ampk", "pgc1a", "mitochondrial_biogenesis")
    nodes, edges = datasets(html_document(pathway, highlight=c))
    lit = {n["id"] for n in nodes if n.get("highlighted")}
    assert lit == {"hiit", "atp_depletion", "ampk", "pgc1a", "mitochondrial_biogenesis"}
    lit_edges = [e for e in edges if e.get("highlighted")]
    assert len(lit_edges) == 4 and all(e["width"] > 2 for e in lit_edges)
    assert edges[-4:] == lit_edges  # drawn last, on top
    colour = {n["id"]: n["color"]["background"] for n in nodes}
    assert colour["irisin"] == colour["insulin_resistance"] == DIM["fill"]
    assert colour["ampk"] == KIND_STYLES[Kind.SIGNAL].fill
    assert {e["color"]["color"] for e in edges if not e.get("highlighted")} == {DIM["edge"]}


def _row(in_the_way: str) -> tuple[MetaGraph, SimpleNamespace]:
    """AMPK → ... → glucose uptake in one row, plus a direct AMPK → glucose uptake edge across it."""
    ev = [{"reference": "r", "quote": "q"}]
    nodes = [
        Node(id="ampk", name="AMPK", kind="signal"),
        Node(id="il6", name=in_the_way, kind="myokine"),
        Node(id="fox", name="FOX", kind="organ"),
        Node(id="up", name="Glucose uptake", kind="process"),
    ]
    edges = [
        Edge(source="ampk", target="il6", predicate="increases", evidence=ev),
        Edge(source="il6", target="fox", predicate="targets", evidence=ev),
        Edge(source="fox", target="up", predicate="increases", evidence=ev),
        Edge(source="ampk", target="up", predicate="increases", evidence=ev),
    ]
    return MetaGraph(nodes, edges, validate=False), SimpleNamespace(nodes=[nodes[0], nodes[3]], edges=[edges[3]])


def _smooth(page: str) -> dict[tuple[str, str], dict | None]:
    return {(e["from"], e["to"]): e.get("smooth") for e in datasets(page)[1]}


def test_edges_bend_around_the_nodes_in_their_way() -> None:
    row, skip = _row("IL-6")
    page_nodes, _ = datasets(html_document(row, layout="kinds"))
    assert len({n["y"] for n in page_nodes}) == 1  # one row: a straight edge would cross IL-6 and FOX
    for page in (html_document(row, layout="kinds"), html_document(row, highlight=skip, layout="kinds")):
        smooth = _smooth(page)
        assert smooth[("ampk", "up")]["type"] in {"curvedCW", "curvedCCW"}
        assert [v for k, v in smooth.items() if k != ("ampk", "up")] == [None, None, None]  # the default curve
    # Neighbours in a row have nothing in their way.
    row_short = MetaGraph(list(row), [e for e in row.edges() if (e.source, e.target) != ("ampk", "up")], validate=False)
    assert all(v is None for v in _smooth(html_document(row_short, layout="kinds")).values())


def test_only_a_highlighted_edge_bends_far() -> None:
    row, skip = _row("IL-6, a myokine with a name long enough to wrap over many lines of its box")
    context = _smooth(html_document(row, layout="kinds"))[("ampk", "up")]
    # In context the edge still leaves IL-6 and FOX, but only with the gentle bend a context edge may take.
    assert context is not None and context["type"] in {"curvedCW", "curvedCCW"} and 0 < context["roundness"] <= 0.2
    lit = _smooth(html_document(row, highlight=skip, layout="kinds"))[("ampk", "up")]
    assert lit["type"] in {"curvedCW", "curvedCCW"} and lit["roundness"] > 0.2


def test_large_pages_route_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import metagraph.render.html as html_module

    kg, skip = _row("IL-6")
    monkeypatch.setattr(html_module, "ROUTED_EDGES", 0)
    smooth = _smooth(html_document(kg, highlight=skip))
    assert smooth[("ampk", "up")] is not None and all(v is None for k, v in smooth.items() if k != ("ampk", "up"))
    monkeypatch.setattr(html_module, "LARGE_GRAPH", 2)  # straight edges: nothing is bent
    assert all(v is None for v in _smooth(html_document(kg, highlight=skip)).values())


def test_highlighted_nodes_are_drawn_even_outside_the_focus(pathway: MetaGraph) -> None:
    c = chain_along(pathway, "il6", "inflammation", "insulin_resistance")
    nodes, _ = datasets(html_document(pathway, focus="HIIT", hops=0, highlight=[c]))
    assert {n["id"] for n in nodes} == {"hiit", "il6", "inflammation", "insulin_resistance"}


def test_bad_arguments_raise_metagraph_errors(pathway: MetaGraph, tmp_path: Path) -> None:
    with pytest.raises(UnknownNodeError, match="AMPKK"):
        html_document(pathway, focus="AMPKK")
    with pytest.raises(RenderError, match="not a kind"):
        html_document(pathway, kinds=["tissue"])
    with pytest.raises(RenderError, match="hops"):
        html_document(pathway, focus="AMPK", hops=-1)
    with pytest.raises(RenderError, match="highlight takes chains"):
        html_document(pathway, highlight="hiit")
    with pytest.raises(RenderError, match="not in this graph"):
        html_document(pathway, highlight=chain_along(hostile_graph(), "evil", "end"))
    assert not list(tmp_path.iterdir())


def test_hostile_text_is_never_markup_in_the_page() -> None:
    page = html_document(hostile_graph(), title='<b>title</b> & "more"')
    assert HOSTILE_NAME not in page and "<script>alert" not in page and "</script><script>" not in page
    escaped = "&lt;b&gt;title&lt;/b&gt; &amp; &#34;more&#34;"
    assert f'<h1 title="{escaped}">{escaped}</h1>' in page  # the full heading, also as its tooltip
    nodes, edges = datasets(page)  # the data survive exactly, as JSON text
    evil = next(n for n in nodes if n["id"] == "evil")
    assert evil["label"] == HOSTILE_NAME and HOSTILE_DESCRIPTION in evil["title"]
    assert "</script><script>alert(4)</script>" in edges[0]["title"]
    assert remote_references(page) == []


def test_large_graph_drops_edge_labels_and_says_so() -> None:
    n = LARGE_GRAPH + 1
    ev = [{"reference": "r", "quote": "q"}]
    nodes = [Node(id=f"s{i}", name=f"S{i}", kind="signal") for i in range(n)]
    edges = [Edge(source=f"s{i}", target=f"s{i + 1}", predicate="activates", evidence=ev) for i in range(n - 1)]
    page = html_document(MetaGraph(nodes, edges, validate=False))
    nodes_data, edges_data = datasets(page)
    assert len(nodes_data) == n and len(edges_data) == n - 1
    assert not any("label" in e for e in edges_data)
    assert f"This graph has {n:,} nodes" in page and 'class="mg-note"' in page
    assert json.loads(re.search(r"var options = (\{.*\});", page).group(1))["edges"]["smooth"]["enabled"] is False


def test_an_empty_graph_is_an_empty_page() -> None:
    nodes, edges = datasets(html_document(MetaGraph()))
    assert nodes == [] and edges == []


def test_iframe_escapes_the_whole_page(page: str) -> None:
    frame = iframe(page, height=300, title='a "b"')
    src = re.fullmatch(
        r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" title="a &quot;b&quot;" .*</iframe>', frame, flags=re.S
    )
    assert src is not None and html.unescape(src.group(1)) == page


def test_show_and_repr_html_display_inline(pathway: MetaGraph, tmp_path: Path) -> None:
    view = pathway.show(focus="AMPK", hops=1, height=500)
    assert isinstance(view, HtmlDiagram) and "500px" in view._repr_html_()
    assert view.title == "AMPK: neighbourhood within 1 step"
    assert view.save(tmp_path / "v.html").read_text(encoding="utf-8") == view.html
    whole = pathway._repr_html_()
    assert whole.startswith("<iframe srcdoc=") and html.unescape(whole).count("vis.DataSet") == 2
    assert show(pathway).html == html_document(pathway)


def test_repr_html_of_a_huge_graph_is_a_summary(monkeypatch: pytest.MonkeyPatch, pathway: MetaGraph) -> None:
    import metagraph.render.html as methods

    monkeypatch.setattr(methods, "REPR_MAX_NODES", 5)
    out = pathway._repr_html_()
    assert "<iframe" not in out and "too large to draw inline" in out and "<td>process</td><td>4</td>" in out


def test_importing_metagraph_and_cli_does_not_import_pyvis() -> None:
    code = (
        "import sys, metagraph, metagraph.cli; metagraph.cli.build_parser(); "
        "print(any(m.split('.')[0] in ('pyvis', 'jinja2') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_page_contents_lists_what_the_page_draws(pathway: MetaGraph) -> None:
    chains = pathway.trace("HIIT", "insulin sensitivity", limit=1)
    drawn = page_contents(pathway, focus="irisin", hops=1, highlight=chains)
    page = html_document(pathway, focus="irisin", hops=1, highlight=chains)
    data = re.search(r"var nodes = new vis.DataSet\((\[.*?\])\);", page)
    edges = re.search(r"var edges = new vis.DataSet\((\[.*?\])\);", page)
    assert data is not None and edges is not None
    assert drawn["nodes"] == sorted(n["id"] for n in json.loads(data.group(1)))
    assert drawn["edges"] == sorted(e["id"] for e in json.loads(edges.group(1)))
    assert set(drawn["highlighted_nodes"]) == {n.id for n in chains[0].nodes}
    assert len(drawn["highlighted_edges"]) == len(chains[0].edges)
    assert set(drawn["highlighted_edges"]) <= set(drawn["edges"])


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _screenshots() -> object:
    """``examples/make_screenshots.py`` as a module (its views and sidecars; no browser is started)."""
    spec = importlib.util.spec_from_file_location("make_screenshots", EXAMPLES / "make_screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stored_screenshots_show_what_the_code_draws() -> None:
    import metagraph

    shots: Any = _screenshots()
    kg = metagraph.load()
    views = shots.views(kg)
    stored = {p.name.removesuffix(shots.SIDECAR_SUFFIX) for p in EXAMPLES.glob("*" + shots.SIDECAR_SUFFIX)}
    fix = "run `python examples/make_screenshots.py` and look at the PNGs"
    assert stored == set(views), f"the stored sidecars and the views differ: {fix}"
    for stem, view in views.items():
        assert (EXAMPLES / f"{stem}.png").is_file(), f"examples/{stem}.png is missing: {fix}"
        record = json.loads((EXAMPLES / f"{stem}{shots.SIDECAR_SUFFIX}").read_text(encoding="utf-8"))
        assert record["image"] == f"{stem}.png"
        assert shots.differences(record, page_contents(kg, view)) == [], f"examples/{stem}.png is stale: {fix}"


def test_a_stale_sidecar_is_told_apart() -> None:
    """The check compares sets: reordered lists are the same picture, a lost or extra edge is not."""
    import metagraph

    shots: Any = _screenshots()
    kg = metagraph.load()
    view = shots.views(kg)["trace"]
    now = page_contents(kg, view)
    record = json.loads(shots.sidecar(kg, "trace", view))
    assert shots.differences(record, now) == []
    assert shots.differences({k: v[::-1] for k, v in record.items() if k != "image"}, now) == []
    dropped = {**record, "edges": record["edges"][1:]}
    assert shots.differences(dropped, now) == [f"edges not in the picture: {[record['edges'][0]]}"]
    extra = {**record, "nodes": [*record["nodes"], "no_such_node"]}
    assert shots.differences(extra, now) == ["nodes no longer drawn: ['no_such_node']"]


# -- the compartment layout (the page's default) ------------------------------------
def _regions(page: str) -> list[dict]:
    start = page.index("regions: ") + len("regions: ")
    return json.JSONDecoder().raw_decode(page, start)[0]


def test_compartments_are_the_default_and_organs_are_regions(pathway: MetaGraph) -> None:
    page = html_document(pathway)
    nodes, edges = datasets(page)
    regions = _regions(page)
    keys = [r["key"] for r in regions]
    assert keys[:3] == ["exercise", "muscle", "circulation"] and keys[-1] == "body"
    assert "adipose_tissue" in keys
    by_id = {n["id"]: n for n in nodes}
    # An organ is its region's title tab, inside its region's box, at the top-left corner.
    adipose = next(r for r in regions if r["key"] == "adipose_tissue")
    tab = by_id["adipose_tissue"]
    assert tab["header"] is True and tab["shape"] == "box"
    left, top, right, _ = adipose["box"]
    assert left < tab["x"] < right and top < tab["y"] < top + 40
    # A myokine reaching several organs is drawn once, in the circulation, its arrows fanning out.
    assert [n["id"] for n in nodes].count("irisin") == 1 and by_id["irisin"]["region"] == "circulation"
    assert len({e["to"] for e in edges if e["from"] == "irisin"}) >= 2
    # Regions left to right in the body's order, nodes inside their region's box.
    for r in regions:
        for n in nodes:
            if n.get("region") == r["key"]:
                assert r["box"][0] <= n["x"] <= r["box"][2] and r["box"][1] <= n["y"] <= r["box"][3], n["id"]
    assert html_document(pathway) == page  # byte-stable
    assert datasets(html_document(pathway, layout="kinds"))[0][0].get("region") is None


def test_region_labels_are_escaped(tmp_path: Path) -> None:
    ev = [{"reference": "r", "quote": "q"}]
    kg = MetaGraph(
        [
            Node(id="o", name=HOSTILE_NAME, kind="organ"),
            Node(id="m", name="Irisin", kind="myokine"),
            Node(id="p", name="</script><script>alert(1)</script>", kind="process"),
        ],
        [
            Edge(source="m", target="o", predicate="targets", evidence=ev),
            Edge(source="m", target="p", predicate="increases", location="o", evidence=ev),
        ],
        validate=False,
    )
    page = html_document(kg)
    assert "<script>alert(1)" not in page and "</script><script>" not in page
    assert [r["label"] for r in _regions(page) if r["key"] == "o"] == [HOSTILE_NAME]
    parser = _Resources()
    parser.feed(page)
    assert parser.urls == []


def test_a_larger_page_opens_on_an_overview_that_loses_nothing(kg: MetaGraph) -> None:
    """Over 100 nodes: each region's best-connected nodes, the others folded into "+N more" boxes."""
    page = html_document(kg)
    nodes, edges = datasets(page)
    graph_ids = {n.id for n in kg}
    boxes = [n for n in nodes if n.get("summary")]
    real = [n for n in nodes if not n.get("summary")]
    assert {n["id"] for n in real} == graph_ids  # every node is on the page, for "Show all" and Find
    folded = [n for n in real if n.get("folded")]
    assert all(n["hidden"] for n in folded)
    drawn = [n for n in real if not n.get("hidden")]
    assert len(drawn) + len(boxes) <= page_module.GRID_ROUTED_NODES
    assert sum(int(b["label"].split()[0][1:]) for b in boxes) == len(folded)  # "+N more" counts them all
    # The hubs stay: the exercises, and AMPK, PGC-1α, IL-6, irisin.
    assert {"hiit", "exercise", "ampk", "pgc1a", "il6", "irisin"} <= {n["id"] for n in drawn}
    # Each folded node's region has a box, and the box names it in its tooltip.
    names = {n["id"]: n["label"] for n in real}
    by_region = {b["region"]: b for b in boxes}
    for n in folded:
        assert names[n["id"]] in by_region[n["region"]]["title"]
    # The graph's edges are all there; those of folded nodes wait for "Show all", bundled meanwhile.
    ids = {e["id"] for e in edges if not e.get("bundle")}
    assert ids == {page_module.edge_id(u, v, k) for u, v, k in kg.nx.edges(keys=True)}
    touching = [e for e in edges if e.get("stage") == "full"]
    assert touching and all(e["hidden"] for e in touching)
    # Each edge of a folded node is in one bundle between the drawn ends it stands for (but
    # an edge between two nodes of one box, which the box holds).
    stand_in = {n["id"]: page_module.summary_id(n["region"]) for n in folded}
    ends = [(stand_in.get(e["from"], e["from"]), stand_in.get(e["to"], e["to"])) for e in touching]
    bundles = {(e["from"], e["to"]): e["bundle"] for e in edges if e.get("bundle")}
    assert sum(bundles.values()) == sum(1 for a, b in ends if a != b)
    assert set(bundles) == {(a, b) for a, b in ends if a != b}
    assert "too many to read whole" in page and "Show all 134 nodes" in page
    assert html_document(kg) == page  # byte-stable


def test_a_page_up_to_100_nodes_has_no_overview(pathway: MetaGraph) -> None:
    page = html_document(pathway)
    nodes, edges = datasets(page)
    assert not any(n.get("summary") or n.get("folded") for n in nodes)
    assert not any(e.get("bundle") or e.get("stage") for e in edges)
    assert 'id="mg-more"' not in page
