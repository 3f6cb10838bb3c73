"""Shared fixtures (the bundled graph, loaded once; the source document) and the two runs.

``python -m pytest`` is the fast everyday run: tests marked ``slow``, ``browser``, ``docs``,
``packaging`` or ``notebooks`` are deselected. ``python -m pytest --run-all`` runs
everything (CI does). Naming a marker with ``-m`` or a test file on the command line
selects those tests as usual.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import metagraph

# Property tests: the full run tries hypothesis's 100 examples per test (or the test's own
# number); the everyday run 25, where a test does not set its own.
settings.register_profile("full", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", settings.get_profile("full"), max_examples=10)
settings.load_profile("fast")

# Keep the test run's graph cache out of the user's home, and shared by the subprocesses it starts.
os.environ["METAGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="metagraph-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"


#: Markers of the tests only the full run (``--run-all``) selects.
FULL_RUN_MARKERS = ("slow", "browser", "docs", "packaging", "notebooks")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-all",
        action="store_true",
        default=False,
        help=f"run the whole suite, including the tests marked {', '.join(FULL_RUN_MARKERS)} (CI does)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--run-all"):
        settings.load_profile("full")


def _named_files(config: pytest.Config) -> set[Path]:
    """The test files named on the command line (``pytest tests/test_docs.py``, ``...::test_x``)."""
    named = set()
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path.is_file():
            named.add(path)
    return named


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)  # a test that opens Chromium is a browser test
    if config.getoption("--run-all") or config.getoption("markexpr"):
        return
    named = _named_files(config)
    keep, skip = [], []
    for item in items:
        full_only = any(item.get_closest_marker(m) for m in FULL_RUN_MARKERS)
        (skip if full_only and item.path.resolve() not in named else keep).append(item)
    if skip:
        config.hook.pytest_deselected(items=skip)
        items[:] = keep


def pytest_report_header(config: pytest.Config) -> str:
    if config.getoption("--run-all"):
        return "metagraph: the full run (--run-all)"
    return f"metagraph: the fast run; tests marked {', '.join(FULL_RUN_MARKERS)} are deselected (--run-all runs them)"


@pytest.fixture(scope="session")
def kg() -> metagraph.MetaGraph:
    """The bundled graph."""
    return metagraph.load()


@pytest.fixture(scope="session")
def article() -> metagraph.MetaGraph:
    """The article layer of the bundled graph alone (its nodes, edges and references; no literature files)."""
    data = metagraph.bundled_data_path()
    return metagraph.load(data / "nodes", data / "edges", data / "references.yaml")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The source document, whitespace collapsed; skips where ../shared/seed is absent."""
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip("the source document (../shared/seed/) is not beside this checkout")
    return " ".join(files[0].read_text(encoding="utf-8").split())


# -- hand-built sample graphs (metagraph.examples), for the render tests ---------------
# Named for what they are, so that ``kg`` always means the bundled graph above.
@pytest.fixture(scope="module")
def pathway() -> metagraph.MetaGraph:
    """The hand-built 23-node exercise pathway (:func:`metagraph.examples.pathway_graph`)."""
    from metagraph.examples import pathway_graph

    return pathway_graph()


@pytest.fixture(scope="module")
def hostile() -> metagraph.MetaGraph:
    """The hand-built graph full of markup (:func:`metagraph.examples.hostile_graph`)."""
    from metagraph.examples import hostile_graph

    return hostile_graph()
