"""The `node` and `validate` commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metagraph", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_help_lists_every_command_with_an_example() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("node", "validate"):
        assert f"metagraph {command}" in out.stdout


def test_node_shows_identifiers_synonyms_and_edges() -> None:
    out = run("node", "pgc-1 alpha")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("PGC-1α  (signal, id pgc1a)")
    assert "HGNC:9237" in out.stdout and "PPARGC1A" in out.stdout
    assert "edges out" in out.stdout and "edges in" in out.stdout


def test_node_json() -> None:
    out = run("node", "AMPK", "--json")
    data = json.loads(out.stdout)
    assert data["id"] == "ampk" and data["out_edges"] and "members" in data


def test_node_list_by_kind() -> None:
    out = run("node", "--list", "--kind", "myokine")
    assert out.returncode == 0 and "irisin" in out.stdout
    # organs are not listed (a crosstalk-table group such as "liver_row_myokines" is a myokine node)
    assert not any(line.split()[0] == "liver" for line in out.stdout.splitlines() if line.strip())


def test_unknown_name_is_one_paragraph_with_suggestions() -> None:
    out = run("node", "PGC-1alfa")
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "did you mean" in out.stderr and "PGC" in out.stderr


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("nodes:\n  - id: a\n    name: A\n    kind: organn\n  - id: B\n    name: B\n    kind: signal\n")
    out = run("validate", str(bad))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"{bad}:4: nodes[0].kind" in out.stdout and f"{bad}:5: nodes[1].id" in out.stdout
    data = json.loads(run("validate", str(bad), "--json").stdout)
    assert data["valid"] is False and len(data["problems"]) == 2


def test_validate_bundled_graph_is_clean() -> None:
    out = run("validate")
    assert out.returncode == 0 and out.stdout.strip().endswith("valid")


def test_data_option_uses_user_files(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("nodes:\n  - id: mine\n    name: Mine\n    kind: signal\n")
    out = run("node", "mine", "--data", str(tmp_path))
    assert out.returncode == 0 and out.stdout.startswith("Mine  (signal, id mine)")
    assert run("node", "AMPK", "--data", str(tmp_path)).returncode == 1


def test_bad_data_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("nodes: [\n")
    out = run("node", "x", "--data", str(tmp_path))
    assert out.returncode == 1 and "Traceback" not in out.stderr and "YAML syntax error" in out.stderr
