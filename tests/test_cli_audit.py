"""The `audit` command, run as a user (and CI) runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED_DIR

SAMPLE = Path(__file__).parent / "data" / "audit"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "metagraph", *args], capture_output=True, text=True, timeout=120)


def seed_file() -> Path:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip("the source document (../shared/seed/) is not beside this checkout")
    return files[0]


def test_bundled_graph_passes_the_audit_against_the_source_article() -> None:
    # CI's audit of the bundled graph: every quote filed under the article is its verbatim
    # text, and no other reference is cited with the article's sentence.
    out = run("audit", "--source", f"seed_article={seed_file()}")
    assert "Traceback" not in out.stderr
    assert out.returncode == 0, out.stdout[-4000:]
    assert "OK: no structural problem." in out.stdout


def test_bundled_graph_audit_json() -> None:
    out = run("audit", "--json", "--source", f"seed_article={seed_file()}")
    data = json.loads(out.stdout)
    assert data["texts"] == ["seed_article"] and data["quotes_checked"] > 0
    assert data["ok"] is (out.returncode == 0)
    assert set(data["by_type"]) == {
        "author_statement",
        "traceable_author_statement",
        "curator_inference",
        "experimental",
    }


def test_a_misattributed_quote_fails_the_audit() -> None:
    out = run("audit", str(SAMPLE / "misattributed.yaml"), "--sources", str(SAMPLE))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "misattributed_quote: ampk -activates-> pgc1a, evidence[1] (paper)" in out.stdout
    assert "closest passage: “AMPK phosphorylates" in out.stdout
    assert out.stdout.rstrip().endswith("NOT OK: 1 structural problem.")


def test_source_option_errors_are_messages() -> None:
    data = str(SAMPLE / "misattributed.yaml")
    out = run("audit", data, "--source", f"reveiw={SAMPLE / 'review.txt'}")
    assert out.returncode == 1 and "did you mean 'review'?" in out.stderr and "Traceback" not in out.stderr
    out = run("audit", data, "--source", "review")
    assert out.returncode == 1 and "KEY=FILE" in out.stderr
    out = run("audit", data, "--source", f"review={SAMPLE / 'nope.txt'}")
    assert out.returncode == 1 and "no such file" in out.stderr


def test_without_texts_the_audit_only_counts() -> None:
    out = run("audit", str(SAMPLE / "misattributed.yaml"))
    assert out.returncode == 0 and "quotes not checked" in out.stdout and "pgc1a  close  HGNC:9237" in out.stdout
