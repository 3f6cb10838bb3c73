"""The ``metagraph render`` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from metagraph.cli import main
from metagraph.cli.render import format_for
from metagraph.errors import RenderError
from metagraph.examples import pathway_graph


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample pathway as a data file for --data."""
    kg = pathway_graph()
    doc = {
        "nodes": [n.model_dump(mode="json", exclude_defaults=True) for n in kg],
        "edges": [e.model_dump(mode="json", exclude_defaults=True) for e in kg.edges()],
        "references": [r.model_dump(mode="json", exclude_defaults=True) for r in kg.references.values()],
    }
    path = tmp_path_factory.mktemp("data") / "pathway.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_whole_graph_to_html(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    code, text, _ = run(capsys, "render", str(out), "--data", str(data))
    assert code == 0 and text == f"wrote {out} (html: 23 nodes, 25 edges)\n"
    assert "vis.Network" in out.read_text(encoding="utf-8")


def test_focus_kinds_title_and_json(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    out = tmp_path / "irisin.mmd"
    code, text, _ = run(
        capsys,
        "render",
        str(out),
        "--data",
        str(data),
        "--focus",
        "irisin",
        "--hops",
        "1",
        "--kinds",
        "myokine",
        "organ",
        "--title",
        "Irisin",
        "--json",
    )
    assert code == 0
    assert json.loads(text) == {"path": str(out), "format": "mermaid", "nodes": 3, "edges": 2, "highlighted_chains": 0}
    mmd = out.read_text(encoding="utf-8")
    assert mmd.startswith('---\ntitle: "Irisin"\n---\nflowchart LR\n')
    assert 'subgraph r_muscle["Skeletal muscle fibre"]' in mmd  # the compartments, by default: muscle is a region


def test_trace_highlights_the_chains(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.dot"
    code, text, _ = run(
        capsys, "render", str(out), "--data", str(data), "--trace", "HIIT", "insulin sensitivity", "--hops", "0"
    )
    assert code == 0 and "2 chains highlighted" in text
    dot = out.read_text(encoding="utf-8")
    assert dot.count("penwidth=3") == 6 + 6  # the chains' 6 nodes and 6 edges
    assert 'label="HIIT → Insulin sensitivity: 2 chains of effects"' in dot
    assert '"il6"' not in dot


def test_trace_with_no_chain_fails_clearly(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "render", str(tmp_path / "x.html"), "--data", str(data), "--trace", "insulin resistance", "HIIT"
    )
    assert code == 1 and "no chain of effects leads from 'insulin resistance' to 'HIIT'" in err
    assert not (tmp_path / "x.html").exists()


def test_svg_needs_graphviz(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "p.svg"
    if shutil.which("dot"):
        code, _, _ = run(capsys, "render", str(out), "--data", str(data), "--focus", "AMPK")
        assert code == 0 and out.read_text(encoding="utf-8").count('class="node"') == 4 + 1  # and the legend
    monkeypatch.setattr(shutil, "which", lambda name: None)
    code, _, err = run(capsys, "render", str(tmp_path / "q.svg"), "--data", str(data))
    assert code == 1 and "install Graphviz" in err


def test_unknown_suffix_names_the_supported_ones(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "render", str(tmp_path / "out.jpg"))
    assert code == 1 and ".html" in err and ".mmd" in err and ".dot" in err and ".svg" in err and ".png" in err
    assert format_for("A.HTML") == "html" and format_for("x.gv") == "dot"
    with pytest.raises(RenderError):
        format_for("noext")


def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["render", "x.html", "--hops", "-1"],
        ["render", "x.html", "--kinds", "tissue"],
        ["render", "x.html", "--trace", "HIIT"],
    ):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
    assert "render" in capsys.readouterr().err


def test_unknown_focus_is_reported(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "render", str(tmp_path / "x.html"), "--data", str(data), "--focus", "AMPKK")
    assert code == 1 and "no node is called 'AMPKK'" in err


def test_bundled_graph_trace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "trace.html"
    code, text, _ = run(capsys, "render", str(out), "--trace", "HIIT", "insulin sensitivity", "--limit", "2")
    assert code == 0 and "2 chains highlighted" in text and out.stat().st_size > 100_000


def test_cli_renders_text_formats_without_pyvis(data: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from metagraph.cli import main; "
        f"main(['render', {str(tmp_path / 'a.mmd')!r}, '--data', {str(data)!r}]); "
        "print('pyvis' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")


def _dot_nodes(dot: str) -> set[str]:
    import re

    return set(re.findall(r'id="(?:node|place)_([^"]+)"', dot))  # an organ drawn as its region is a place


def test_trace_context_none_neighbours_all(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    from metagraph.examples import pathway_graph

    kg = pathway_graph()
    chains = kg.trace("HIIT", "insulin sensitivity", limit=5)
    chain_nodes = {n.id for c in chains for n in c.nodes}
    drawn = {}
    for context in ("none", "neighbours", "all"):
        out = tmp_path / f"{context}.dot"
        argv = ["render", str(out), "--data", str(data), "--trace", "HIIT", "insulin sensitivity"]
        code, _, _ = run(capsys, *argv, "--context", context)
        assert code == 0
        drawn[context] = _dot_nodes(out.read_text(encoding="utf-8"))
    assert drawn["none"] == chain_nodes
    assert chain_nodes < drawn["neighbours"] < drawn["all"]
    assert drawn["all"] == {n.id for n in kg}
    # A figure shows the mechanism alone unless asked for more; --hops asks for the neighbourhood.
    figure = ["render", str(tmp_path / "fig.dot"), "--data", str(data), "--trace", "HIIT", "insulin sensitivity"]
    assert run(capsys, *figure)[0] == 0
    assert _dot_nodes((tmp_path / "fig.dot").read_text(encoding="utf-8")) == chain_nodes
    assert run(capsys, *figure, "--hops", "1")[0] == 0
    assert _dot_nodes((tmp_path / "fig.dot").read_text(encoding="utf-8")) == drawn["neighbours"]


def test_trace_via_avoid_max_hops_reach_the_query(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    from metagraph.examples import pathway_graph

    kg = pathway_graph()
    base = ["render", "--data", str(data), "--trace", "HIIT", "insulin sensitivity", "--context", "none"]
    for extra, kwargs in (
        (["--via", "AMPK"], {"via": ["AMPK"]}),
        (["--avoid", "AMPK"], {"avoid": ["AMPK"]}),
        (["--max-hops", "2"], {"max_hops": 2}),
    ):
        expected = kg.trace("HIIT", "insulin sensitivity", limit=5, **kwargs)  # type: ignore[arg-type]
        out = tmp_path / "t.dot"
        code, text, err = run(capsys, base[0], str(out), *base[1:], *extra)
        if not expected:
            assert code == 1 and "no chain of effects" in err
            continue
        assert code == 0 and f"{len(expected)} chain" in text
        assert _dot_nodes(out.read_text(encoding="utf-8")) == {n.id for c in expected for n in c.nodes}


def test_trace_options_need_trace_and_order_needs_support(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    import inspect

    from metagraph.examples import pathway_graph

    code, _, err = run(capsys, "render", str(tmp_path / "x.dot"), "--data", str(data), "--via", "AMPK")
    assert code == 1 and "add --trace" in err
    code, _, err = run(capsys, "render", str(tmp_path / "x.dot"), "--data", str(data), "--context", "all")
    assert code == 1 and "--context" in err
    code, _, err = run(capsys, "render", str(tmp_path / "x.dot"), "--data", str(data), "--size", "slide")
    assert code == 1 and ".svg" in err
    if "order" not in inspect.signature(pathway_graph().trace).parameters:
        argv = ["render", str(tmp_path / "x.dot"), "--data", str(data), "--trace", "HIIT", "AMPK", "--order", "x"]
        code, _, err = run(capsys, *argv)
        assert code == 1 and "--order" in err


def test_static_figures_get_legend_layout_size(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "c.mmd"
    code, _, _ = run(capsys, "render", str(out), "--data", str(data), "--layout", "compartments")
    text = out.read_text(encoding="utf-8")
    assert code == 0 and 'subgraph legend["Legend"]' in text and 'subgraph r_circulation["Circulation"]' in text
    code, _, _ = run(capsys, "render", str(tmp_path / "n.dot"), "--data", str(data), "--no-legend")
    assert code == 0 and "mg_legend" not in (tmp_path / "n.dot").read_text(encoding="utf-8")
    import metagraph.render.dot as dot_module

    monkeypatch.setattr(dot_module, "SVG_WARN_NODES", 3)
    monkeypatch.setattr(dot_module, "dot_svg", lambda dot: b"<svg/>")
    code, _, err = run(capsys, "render", str(tmp_path / "w.svg"), "--data", str(data), "--size", "slide")
    assert code == 0 and "warning:" in err and "to_html" in err
