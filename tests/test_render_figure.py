"""PNG and PDF figures for slides and papers: Graphviz's compartment diagram printed by headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import warnings
from pathlib import Path

import pytest

import metagraph
from metagraph import MetaGraph, RenderError
from metagraph.cli import main
from metagraph.examples import HOSTILE_NAME, hostile_graph
from metagraph.render.figure import FIGURE_SIZES, figure_caption, figure_page, to_figure
from metagraph.render.view import RenderWarning, View
from tests.browser import need

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def kg() -> metagraph.MetaGraph:
    return metagraph.load()


def _tools() -> None:
    need(shutil.which("dot") is not None, "Graphviz's dot is not installed")
    need(shutil.which("chromium") is not None, "chromium is not installed (apt-get install chromium)")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _pdf_page_mm(path: Path) -> tuple[float, float]:
    data = path.read_bytes()
    assert data[:5] == b"%PDF-"
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return (x1 - x0) / 72 * 25.4, (y1 - y0) / 72 * 25.4


def test_caption_names_the_sources_of_the_edges_drawn(kg: metagraph.MetaGraph) -> None:
    caption = figure_caption(kg, View(focus="liver"))
    part = kg.subgraph(focus="liver")
    cited = {r for e in part.edges() for r in e.references}
    assert caption.startswith(f"{len(part)} nodes, {part.nx.number_of_edges()} edges. Sources: ")
    for key in cited:
        assert kg.references[key].short in caption
    assert "→" in caption and "⊣" in caption  # the arrows' meaning, SBGN style


def test_figure_page_escapes_the_caption_and_sizes_the_page() -> None:
    page, width, height = figure_page('<svg width="720pt" height="72pt"></svg>', "<script>x</script>", size="page")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert width == 180.0 and 20 < height < 60  # a wide, flat figure: a short page
    _, w, h = figure_page('<svg width="720pt" height="72pt"></svg>', "c", size="slide")
    assert (w, h) == FIGURE_SIZES["slide"]
    with pytest.raises(RenderError, match="sizes are slide, column, page"):
        figure_page("<svg/>", "c", size="poster")


@pytest.mark.parametrize("size", ["slide", "column", "page"])
def test_png_fits_its_size(kg: metagraph.MetaGraph, tmp_path: Path, size: str) -> None:
    _tools()
    if size == "column":  # ten nodes in 85 mm: the figure says its text is too small there
        with pytest.warns(RenderWarning, match=r"at --size column the figure's smallest text is [\d.]+ px"):
            out = to_figure(kg, tmp_path / "liver.png", focus="liver", size=size)
    else:
        out = to_figure(kg, tmp_path / "liver.png", focus="liver", size=size)
    width, height = _png_size(out)
    want_mm = FIGURE_SIZES[size][0]
    assert abs(width / 3 - want_mm * 96 / 25.4) <= 3  # 3 device pixels per CSS pixel, ~290 dpi
    if size == "slide":
        assert abs(width / height - 16 / 9) < 0.01


def test_pdf_of_a_trace_is_one_page_of_the_slide_size(kg: metagraph.MetaGraph, tmp_path: Path) -> None:
    _tools()
    chains = kg.trace("HIIT", "insulin sensitivity", via="AMPK", limit=1)
    view = View(focus=[n.id for n in chains[0].nodes], hops=0, highlight=chains, title="HIIT → insulin sensitivity")
    out = to_figure(kg, tmp_path / "trace.pdf", view)
    width, height = _pdf_page_mm(out)
    assert abs(width - 338.7) < 1 and abs(height - 190.5) < 1
    assert out.read_bytes().count(b"/Type /Page") - out.read_bytes().count(b"/Type /Pages") == 1


def test_figure_refuses_other_suffixes_and_warns_when_large(
    kg: metagraph.MetaGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RenderError, match=r"\.png or \.pdf"):
        to_figure(kg, tmp_path / "x.jpg")
    import metagraph.render.figure as figure

    monkeypatch.setattr(figure, "SVG_WARN_NODES", 3)
    monkeypatch.setattr(figure, "dot_svg", lambda dot, timeout: b"<svg/>")
    monkeypatch.setattr(figure, "_chromium", lambda: (_ for _ in ()).throw(RenderError("stop here")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RenderError, match="stop here"):
            to_figure(kg, tmp_path / "x.png", focus="liver")
    assert any(issubclass(w.category, RenderWarning) for w in caught)


def test_missing_chromium_says_how_to_install(
    kg: metagraph.MetaGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need(shutil.which("dot") is not None, "Graphviz's dot is not installed")
    monkeypatch.delenv("METAGRAPH_CHROMIUM", raising=False)
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if "chrom" in name else real(name))
    with pytest.raises(RenderError, match="apt-get install chromium"):
        to_figure(kg, tmp_path / "x.png", focus="liver")
    assert not (tmp_path / "x.png").exists()


def test_hostile_names_stay_text_in_a_figure(tmp_path: Path) -> None:
    _tools()
    out = to_figure(hostile_graph(), tmp_path / "evil.pdf", title=HOSTILE_NAME, size="page")
    assert out.read_bytes()[:5] == b"%PDF-"


def test_cli_writes_png_and_pdf(kg: MetaGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tools()
    assert main(["render", str(tmp_path / "liver.png"), "--focus", "liver", "--size", "column"]) == 0
    assert f"png: {len(kg.subgraph(focus='liver', hops=1))} nodes" in capsys.readouterr().out
    assert abs(_png_size(tmp_path / "liver.png")[0] / 3 - 85 * 96 / 25.4) <= 3
    argv = ["render", str(tmp_path / "trace.pdf"), "--trace", "HIIT", "insulin sensitivity", "--via", "AMPK"]
    assert main([*argv, "--context", "none"]) == 0
    assert "5 chains highlighted" in capsys.readouterr().out
    assert _pdf_page_mm(tmp_path / "trace.pdf")[0] > 330
    assert main(["render", str(tmp_path / "x.mmd"), "--size", "slide"]) == 1
    assert ".png or .pdf" in capsys.readouterr().err
