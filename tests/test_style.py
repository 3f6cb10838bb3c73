"""The code base stays ruff-clean, ruff-formatted and mypy-clean (with the settings of pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(tool: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m tool args`` in the repository's root, with this interpreter (the test venv's)."""
    done = subprocess.run(
        [sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if f"No module named {tool}" in done.stderr:
        pytest.fail(f"{tool} is not installed: pip install '.[test]'")
    return done


def test_ruff_check_is_clean() -> None:
    out = _run("ruff", "check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_leaves_every_file_unchanged() -> None:
    out = _run("ruff", "format", "--check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if "mypy" not in config.get("tool", {}):
        pytest.fail("pyproject.toml has no [tool.mypy] section: mypy would check nothing")
    out = _run("mypy", timeout=600)  # no arguments: what to check, and how strictly, is pyproject's
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success" in out.stdout
