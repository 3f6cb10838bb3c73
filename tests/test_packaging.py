"""`pip install .` ships the bundled data inside the package; it loads from outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (path,) = out.glob("exercise_metagraph-*.whl")
    return path


def test_wheel_holds_the_data_schema_and_marker(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    data = [n for n in names if n.startswith("metagraph/data/")]
    assert "metagraph/data/references.yaml" in data
    assert "metagraph/data/metagraph.schema.json" in data
    assert sum(n.endswith(".yaml") for n in data) == sum(1 for _ in (ROOT / "data").rglob("*.yaml"))
    assert "metagraph/py.typed" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "metagraph = metagraph.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_package_loads_its_own_data_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import metagraph; kg = metagraph.load(); "
        "print(metagraph.__file__); print(metagraph.bundled_data_path()); print(len(kg.edges()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    module_file, data_path, n_edges = out.stdout.split()
    assert module_file.startswith(str(target)) and data_path.startswith(str(target))
    assert int(n_edges) > 60
