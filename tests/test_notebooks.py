"""The example notebooks run top to bottom, offline and self-contained, and store their outputs.

Each notebook of ``examples/`` is copied into a scratch folder and executed there in a
fresh kernel whose network access is blocked (``examples/run_notebooks.py`` provides the
kernel), so a notebook that needs the network, or a file beside it or elsewhere in the
repository, fails. The outputs stored in the notebooks (what GitHub and the docs show)
are checked on their own: present wherever the code shows something, made by one clean
run, free of errors, warnings and paths of the machine that made them.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
#: A notebook with an interactive diagram or two is about 0.6 MB per diagram (the drawing
#: library is inside each); far more means a diagram of the whole graph crept in.
MAX_BYTES = 3_000_000

pytestmark = pytest.mark.notebooks


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("metagraph_run_notebooks", EXAMPLES / "run_notebooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


runner = _load_runner()


@pytest.fixture(scope="module")
def kernel() -> Iterator[Any]:
    """The offline kernel spec and environment the notebooks run with."""
    with runner.offline_kernel() as offline:
        yield offline


def make_notebook(*sources: str) -> Any:
    """A notebook with a title and one code cell per source."""
    nb = new_notebook(cells=[new_markdown_cell("# Scratch"), *(new_code_cell(s) for s in sources)])
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return nb


def output_kinds(cell: Any) -> list[str]:
    """What a code cell shows, as a list of stream names and MIME types (stderr left out)."""
    kinds = []
    for out in cell.outputs:
        if out.output_type == "stream":
            if out.name != "stderr":
                kinds.append(out.name)
        elif out.output_type in ("display_data", "execute_result"):
            kinds.append("+".join(sorted(out.data)))
        else:
            kinds.append(out.output_type)
    return kinds


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


# -- the notebooks run --------------------------------------------------------------------
def test_the_three_stories_are_there() -> None:
    assert {p.stem for p in NOTEBOOKS} >= {"01_tour", "02_what_if", "03_your_own_data"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_a_fresh_offline_kernel_and_matches_what_it_stores(
    path: Path, kernel: Any, tmp_path: Path
) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    nb = nbformat.read(copy, as_version=4)
    try:
        runner.execute(nb, cwd=tmp_path, kernel=kernel)
    except CellExecutionError as exc:
        pytest.fail(f"{path.name} fails in a fresh kernel, away from the repository and offline:\n{exc}")
    runner.strip_volatile(nb)

    assert sorted(tmp_path.iterdir()) == [copy], "the notebook leaves files behind; write them to a temp folder"
    stored = code_cells(nbformat.read(path, as_version=4))
    fresh = code_cells(nb)
    assert [c.source for c in stored] == [c.source for c in fresh]
    for number, (was, now) in enumerate(zip(stored, fresh, strict=True), start=1):
        assert output_kinds(was) == output_kinds(now), (
            f"{path.name}, code cell {number}: the stored outputs are not what the code shows today; "
            "run `python examples/run_notebooks.py`"
        )


# -- the stored outputs ---------------------------------------------------------------------
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_outputs_come_from_one_clean_run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    cells = code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), (
        "cells not run once each from top to bottom; run `python examples/run_notebooks.py`"
    )
    assert any(c.outputs for c in cells)
    for number, cell in enumerate(cells, start=1):
        for out in cell.outputs:
            assert out.output_type != "error", f"code cell {number} stores an error"
            assert not (out.output_type == "stream" and out.name == "stderr"), (
                f"code cell {number} stores a warning or error text: {out.text[:300]}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_notebook_is_small_titled_and_free_of_volatile_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < MAX_BYTES
    nb = nbformat.reads(text, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "the docs need a '# Title' first"
    assert "version" not in nb.metadata.get("language_info", {})
    assert not any("execution" in c.metadata for c in nb.cells)
    outputs = json.dumps([c.outputs for c in code_cells(nb)], ensure_ascii=False)
    for machine_path in {str(ROOT), str(Path(tempfile.gettempdir()).resolve()), tempfile.gettempdir()}:
        assert machine_path + "/" not in outputs, f"an output shows a path of this machine ({machine_path})"


# -- the guarantees of the kernel ---------------------------------------------------------
def test_a_notebook_that_needs_the_network_fails(kernel: Any, tmp_path: Path) -> None:
    nb = make_notebook(
        "import socket\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "client = socket.create_connection(server.getsockname(), timeout=5)\n"
        "print('loopback open')\n"
        "client.close(); server.close()",
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=5)\n"
        "except OSError as exc:\n"
        "    print(type(exc).__name__)",
        "import urllib.request\nurllib.request.urlopen('https://pypi.org/simple/', timeout=5)",
    )
    with pytest.raises(CellExecutionError, match="network access is blocked"):
        runner.execute(nb, cwd=tmp_path, kernel=kernel)
    loopback, direct = code_cells(nb)[:2]
    assert loopback.outputs[0].text == "loopback open\n"
    assert direct.outputs[0].text == "NetworkBlockedError\n"


def test_a_notebook_that_needs_a_file_beside_it_fails(kernel: Any, tmp_path: Path) -> None:
    nb = make_notebook("open('run_notebooks.py').read()")  # beside the notebooks in examples/
    with pytest.raises(CellExecutionError, match="FileNotFoundError"):
        runner.execute(nb, cwd=tmp_path, kernel=kernel)


# -- the command ----------------------------------------------------------------------------
def test_command_stores_outputs_then_finds_them_up_to_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scratch.ipynb"
    path.write_text(nbformat.writes(make_notebook("print('hello')", "6 * 7")), encoding="utf-8")

    assert runner.main([str(path)]) == 0
    first = path.read_text(encoding="utf-8")
    cells = code_cells(nbformat.reads(first, as_version=4))
    assert cells[0].outputs[0].text == "hello\n"
    assert cells[1].outputs[0].data["text/plain"] == "42"
    assert "version" not in nbformat.reads(first, as_version=4).metadata["language_info"]
    assert "updated" in capsys.readouterr().out

    assert runner.main([str(path), "--check"]) == 0
    assert runner.main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == first
    assert capsys.readouterr().out.count("up to date") == 2


def test_command_reports_a_failing_or_stale_notebook_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = tmp_path / "failing.ipynb"
    stale = tmp_path / "stale.ipynb"
    failing.write_text(nbformat.writes(make_notebook("1 / 0")), encoding="utf-8")
    stale.write_text(nbformat.writes(make_notebook("print('fresh')")), encoding="utf-8")
    before = failing.read_text(encoding="utf-8"), stale.read_text(encoding="utf-8")

    assert runner.main([str(failing), str(stale), "--check"]) == 1
    assert (failing.read_text(encoding="utf-8"), stale.read_text(encoding="utf-8")) == before
    captured = capsys.readouterr()
    assert "failing.ipynb: FAILED" in captured.err and "ZeroDivisionError" in captured.err
    assert "stale.ipynb: STALE" in captured.out


def test_command_refuses_what_is_not_a_notebook(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        runner.main([str(tmp_path / "missing.ipynb")])
    assert exit_info.value.code == 2


def test_strip_volatile_drops_timings_and_version_and_joins_streams() -> None:
    nb = make_notebook("print(1)")
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    cell = nb.cells[1]
    cell.metadata["execution"] = {"iopub.execute_input": "2024-01-01T00:00:00Z"}
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("stream", name="stderr", text="w\n"),
        nbformat.v4.new_output("stream", name="stdout", text="c\n"),
    ]
    runner.strip_volatile(nb)
    assert nb.metadata["language_info"] == {"name": "python"}
    assert "execution" not in cell.metadata
    assert [(o.name, o.text) for o in cell.outputs] == [("stdout", "a\nb\n"), ("stderr", "w\n"), ("stdout", "c\n")]
