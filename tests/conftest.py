"""Shared fixtures: the bundled graph (loaded once) and the source document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import metagraph

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")

# Keep the test run's graph cache out of the user's home, and shared by the subprocesses it starts.
os.environ["METAGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="metagraph-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"


@pytest.fixture(scope="session")
def kg() -> metagraph.MetaGraph:
    """The bundled graph."""
    return metagraph.load()


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
