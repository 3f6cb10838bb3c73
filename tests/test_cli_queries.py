"""The question commands, run as a user runs them: answers, JSON, and one-paragraph messages for mistakes."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

USER_GRAPH = """\
nodes:
  - {id: sprint, name: Sprinting, kind: exercise}
  - {id: lactate, name: Lactate, kind: signal}
  - {id: fatigue_x, name: Fatigue X, kind: condition}
  - {id: gut, name: Gut, kind: organ}
  - {id: gutkine, name: Gutkine, kind: myokine}
references:
  - {key: me, title: My notes}
edges:
  - {source: sprint, target: lactate, predicate: increases, evidence: [{reference: me, quote: "sprint raises lactate"}]}
  - {source: lactate, target: fatigue_x, predicate: increases, evidence: [{reference: me, quote: "lactate tires"}]}
  - {source: gutkine, target: gut, predicate: targets, evidence: [{reference: me, quote: "acts on the gut"}]}
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "metagraph", *args], capture_output=True, text=True, timeout=120)


def run_many(*commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Run several commands at once (each in its own process), results in order."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda args: run(*args), commands))


def assert_user_mistake(out: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert out.stderr.startswith("metagraph ")
    for phrase in phrases:
        assert phrase in out.stderr


@pytest.fixture
def user_graph(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_GRAPH, encoding="utf-8")
    return path


def test_help_lists_every_query_command_with_an_example() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("trace", "net-effect", "myokines", "upstream", "downstream", "match", "compare"):
        assert f"metagraph {command} " in out.stdout


def test_trace_lists_chains_in_an_aligned_table() -> None:
    out = run("trace", "HIIT", "insulin sensitivity", "--limit", "3")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "3 chains from HIIT to Insulin sensitivity (shortest first, then best supported):"
    assert lines[1].split() == ["#", "effect", "hops", "evidence", "chain"]
    assert lines[3].startswith("1  increases  1 ") and lines[3].endswith("HIIT —increases→ Insulin sensitivity")
    assert len(lines) == 6


def test_trace_explain_via_avoid_and_json() -> None:
    out = run(
        "trace", "HIIT", "mitochondrial biogenesis", "--via", "AMPK", "--avoid", "ROS", "--explain", "--limit", "1"
    )
    assert out.returncode == 0, out.stderr
    assert "AMPK" in out.stdout and "References:" in out.stdout and "Evidence:" in out.stdout
    data = json.loads(run("trace", "HIIT", "insulin resistance", "--json", "--max-hops", "2").stdout)
    assert data and all(c["target"] == "insulin_resistance" and c["hops"] <= 2 for c in data)


def test_net_effect() -> None:
    out = run("net-effect", "HIIT", "insulin resistance")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("HIIT ") and "Insulin resistance" in out.stdout.splitlines()[0]
    data = json.loads(run("net-effect", "HIIT", "insulin sensitivity", "--json").stdout)
    assert data["verdict"] in ("increases", "ambiguous") and data["increases"]["chains"]


def test_myokines_of_the_liver() -> None:
    out = run("myokines", "liver")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "Myokines acting on Liver"
    assert "IL-6" in out.stdout and "Myonectin" in out.stdout
    data = json.loads(run("myokines", "liver", "--json").stdout)
    # the liver row of the crosstalk table credits IL-6 and myonectin jointly: their group node
    assert "liver_row_myokines" in set(data["myokines"]) and data["organ"] == "liver"


def test_upstream_and_downstream() -> None:
    out = run("upstream", "insulin sensitivity", "--kind", "exercise")
    assert out.returncode == 0, out.stderr
    assert "HIIT" in out.stdout and out.stdout.splitlines()[1].split() == ["hops", "name", "kind", "id"]
    data = json.loads(run("downstream", "AMPK", "--max-hops", "1", "--json").stdout)
    assert data and all(d["hops"] == 1 for d in data) and "pgc1a" in [d["id"] for d in data]


def test_match_and_compare() -> None:
    matched, compared, md, as_json = run_many(
        # the crosstalk table credits an organ to a GROUP of myokines: myokine -member_of-> group -targets-> organ
        ("match", "exercise", "signal", "signal", "myokine", "myokine", "organ", "--limit", "3"),
        ("compare",),
        ("compare", "HIIT", "resistance training", "--markdown"),
        ("compare", "HIIT", "RT", "--outcome", "glucose uptake", "--json"),
    )
    assert matched.returncode == 0, matched.stderr
    assert "following exercise → signal → signal → myokine → myokine → organ" in matched.stdout
    assert compared.returncode == 0, compared.stderr
    rows = [line.split("  ")[0] for line in compared.stdout.splitlines()[3:7]]
    assert rows == ["Mitochondrial biogenesis", "Insulin sensitivity", "Glucose uptake", "Body composition"]
    assert md.stdout.startswith("| outcome | HIIT | Resistance training |")
    assert [o["id"] for o in json.loads(as_json.stdout)["outcomes"]] == ["glucose_uptake"]


def test_user_data_with_data_option(user_graph: Path) -> None:
    traced, myokines, both = run_many(
        ("trace", "sprinting", "fatigue x", "--data", str(user_graph)),
        ("myokines", "gut", "--data", str(user_graph), "--json"),
        ("trace", "HIIT", "AMPK", "--data", str(user_graph), "--bundled", "--limit", "1"),
    )
    assert traced.returncode == 0, traced.stderr
    assert "Sprinting —increases→ Lactate —increases→ Fatigue X" in traced.stdout
    assert json.loads(myokines.stdout)["myokines"] == ["gutkine"]
    assert both.returncode == 0, both.stderr


# -- a user's mistakes -----------------------------------------------------------------
def test_unknown_name_names_the_closest_matches() -> None:
    assert_user_mistake(
        run("trace", "HIIT", "insulin sensitivty"),
        "no node is called 'insulin sensitivty'",
        "did you mean",
        "Insulin sensitivity",
    )
    assert_user_mistake(run("downstream", "AMKP"), "did you mean", "AMPK")


def test_no_chain_found() -> None:
    outs = run_many(
        ("trace", "insulin resistance", "HIIT"),
        ("trace", "HIIT", "insulin resistance", "--max-hops", "1", "--avoid", "insulin sensitivity"),
        ("net-effect", "liver", "HIIT"),
    )
    assert_user_mistake(outs[0], "no chain of effects leads from")
    assert_user_mistake(outs[1], "within 1 hop")
    assert_user_mistake(outs[2], "no chain of effects")


def test_unknown_kind_and_wrong_kind() -> None:
    outs = run_many(
        ("upstream", "AMPK", "--kind", "enzyme"),
        ("match", "exercise", "signl"),
        ("match", "exercise", "signal", "myokine", "organ"),
        ("myokines", "AMPK"),
        ("trace", "HIIT", "AMPK", "--predicate", "targets"),
    )
    assert_user_mistake(outs[0], "unknown kind 'enzyme'", "the kinds are")
    assert_user_mistake(outs[1], "did you mean 'signal'")
    assert_user_mistake(outs[2], "no chain follows")
    assert_user_mistake(outs[3], "not an organ or a cell type")
    assert_user_mistake(outs[4], "does not carry an effect")


def test_bad_data_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("nodes:\n  - id: a\n    name: A\n    kind: organn\n", encoding="utf-8")
    assert_user_mistake(run("trace", "a", "b", "--data", str(bad)), "problem", f"{bad}:4", "did you mean 'organ'")
    assert_user_mistake(run("myokines", "liver", "--data", str(tmp_path / "missing.yaml")), "no such file")


def test_bad_numbers_are_usage_errors() -> None:
    out = run("trace", "HIIT", "AMPK", "--max-hops", "0")
    assert out.returncode == 2 and "at least 1" in out.stderr and "Traceback" not in out.stderr
