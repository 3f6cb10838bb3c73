"""The KGX export checked by the real ``kgx`` tool, offline.

``kgx`` pins versions that clash with the project's, so it lives in its own environment,
named by ``METAGRAPH_KGX_PYTHON`` (``.ci/run`` makes it). Without it these tests skip,
except under ``CI``, where they fail.

The ``kgx`` command downloads the Biolink Model and its JSON-LD context when it starts,
and it has no option to register a prefix. :data:`KGX_OFFLINE` runs the same command with
both read from the ``biolink-model`` package installed beside ``kgx``, and with the
prefixes of the ``context.jsonld`` that the export writes beside its files added to
Biolink's context, as a user of KGX's Python API would pass them.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import metagraph
from metagraph import MetaGraph

pytestmark = pytest.mark.slow

KGX_OFFLINE = """
import json, pathlib, sys

import biolink_model
import bmt
import bmt.toolkit

SHIPPED = pathlib.Path(list(biolink_model.__path__)[0])


class LocalToolkit(bmt.toolkit.Toolkit):
    def __init__(self, schema=None, predicate_map=None, **options):
        if schema is None or str(schema).startswith("http"):
            schema = str(SHIPPED / "schema" / "biolink_model.yaml")
        if predicate_map is None or str(predicate_map).startswith("http"):
            predicate_map = {"predicate mappings": []}
        super().__init__(schema, predicate_map, **options)


bmt.Toolkit = bmt.toolkit.Toolkit = LocalToolkit
import kgx.config

context = json.loads((SHIPPED / "prefixmaps" / "biolink_model_prefix_map.json").read_text())
for arg in sys.argv[1:]:
    beside = pathlib.Path(arg).parent / "context.jsonld"
    if beside.is_file():
        context.update(json.loads(beside.read_text())["@context"])
kgx.config.jsonld_context_map["biolink"] = context
from kgx.cli import cli

sys.exit(cli())
"""


@pytest.fixture(scope="module")
def kgx_python() -> str:
    python = os.environ.get("METAGRAPH_KGX_PYTHON", "")
    if python and Path(python).is_file():
        return python
    why = f"METAGRAPH_KGX_PYTHON does not name a Python with kgx installed ({python or 'unset'}); .ci/run makes one"
    if os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


def _kgx(python: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    runner = folder / "kgx_offline.py"
    runner.write_text(KGX_OFFLINE, encoding="utf-8")
    return subprocess.run([python, str(runner), *args], capture_output=True, text=True, timeout=900, cwd=folder)


def _errors(report: str) -> dict[str, int]:
    data = json.loads(report) if report.strip() else {}
    return {code: sum(len(v) for v in msgs.values()) for code, msgs in data.get("ERROR", {}).items()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kgx") / "kgx"
    with pytest.warns(UserWarning, match="^KGX: ") as caught:
        metagraph.load().export(out, format="kgx")
    assert {str(w.message).split(" ")[2] for w in caught} == {"nodes", "edges"}  # local ids; merges
    return out


def test_kgx_validate_passes_offline(kgx_python: str, exported: Path) -> None:
    done = _kgx(kgx_python, exported, "validate", "-i", "tsv", "-o", "report.json", "nodes.tsv", "edges.tsv")
    report = (exported / "report.json").read_text(encoding="utf-8") if (exported / "report.json").exists() else ""
    assert done.returncode == 0 and _errors(report) == {}, (report[:3000], done.stderr[-2000:])
    assert "errors encountered" not in done.stderr


def test_kgx_transform_stream_keeps_every_node_edge_and_location(
    kgx_python: str, exported: Path, kg: MetaGraph
) -> None:
    done = _kgx(
        kgx_python, exported, "transform", "--stream", "-i", "tsv", "-f", "jsonl", "-o", "out", "nodes.tsv", "edges.tsv"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    nodes = [json.loads(line) for line in (exported / "out_nodes.jsonl").read_text(encoding="utf-8").splitlines()]
    edges = [json.loads(line) for line in (exported / "out_edges.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(nodes) == len(kg) and len(edges) == kg.nx.number_of_edges()
    written = {
        line.split("\t")[0]: line for line in (exported / "edges.tsv").read_text(encoding="utf-8").splitlines()[1:]
    }
    assert {e["id"] for e in edges} == set(written)
    # every located edge keeps its place, those that differ only in location among them
    located = [e for e in kg.edges() if e.location]
    assert located and sum(1 for e in edges if e.get("anatomical_context_qualifier")) == len(located)
