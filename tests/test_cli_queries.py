"""The question commands, run as a user runs them: answers, JSON, and one-paragraph messages for mistakes."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from metagraph.cli import main

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
    """Run the command in this process, as the entry point does (test_cli_core starts real processes)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse: --help, and usage errors (exit 2)
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["metagraph", *args], code, out.getvalue(), err.getvalue())


def run_many(*commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[str]]:
    """Run several commands, results in order."""
    return [run(*args) for args in commands]


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
    out = run("trace", "HIIT", "insulin sensitivity", "--limit", "3", "--order", "shortest")
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
    # the liver row of the crosstalk table credits IL-6 and myonectin jointly: listed as members, the
    # row's claims kept apart as joint ones, credited only to the references that make them
    assert {"il6", "myonectin", "fgf21"} <= set(data["myokines"]) and data["organ"] == "liver"
    joint = [r for r in data["rows"] if r["claim"] == "joint"]
    assert joint and all(r["myokine"].startswith("IL-6 and Myonectin (jointly, per ") for r in joint)
    assert not any("Febbraio" in r["myokine"] for r in joint)  # cited against the row, not for it


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
        # exercise → condition → organ: no such chain in the bundled graph (exercise → signal →
        # myokine → organ now exists, through glycogen and its association with IL-6).
        ("match", "exercise", "condition", "organ"),
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


# -- context, order and joint claims ----------------------------------------------------
SHAPED_GRAPH = """\
nodes:
  - {id: sprint, name: Sprinting, kind: exercise}
  - {id: lactate, name: Lactate, kind: signal}
  - {id: lactate_shuttle, name: Lactate shuttle, kind: process}
  - {id: fatigue_x, name: Fatigue X, kind: condition}
  - {id: a_kine, name: Akine, kind: myokine}
  - {id: b_kine, name: Bkine, kind: myokine}
  - {id: row_kines, name: "Akine and Bkine (table row)", kind: myokine}
  - {id: gut, name: Gut, kind: organ}
  - {id: gut_motility, name: Gut motility, kind: process}
references:
  - {key: me, title: My notes, layer: article}
  - {key: lab, title: Lab paper, layer: literature}
edges:
  - {source: sprint, target: lactate_shuttle, predicate: increases,
     evidence: [{reference: me, quote: "sprint drives the shuttle"}]}
  - {source: lactate, target: lactate_shuttle, predicate: participates_in, evidence: [{reference: me, quote: "in it"}]}
  - {source: lactate_shuttle, target: fatigue_x, predicate: increases, timescale: chronic,
     evidence: [{reference: lab, type: experimental, finding: "more fatigue", species: mouse, system: in_vivo}]}
  - {source: sprint, target: fatigue_x, predicate: increases, summary: true,
     evidence: [{reference: me, quote: "sprint tires"}, {reference: me, quote: "a lot"}]}
  - {source: a_kine, target: row_kines, predicate: member_of, evidence: [{reference: me, quote: "Akine, Bkine"}]}
  - {source: b_kine, target: row_kines, predicate: member_of, evidence: [{reference: me, quote: "Akine, Bkine"}]}
  - {source: row_kines, target: gut_motility, predicate: increases, location: gut,
     evidence: [{reference: me, quote: "motility"}]}
"""


@pytest.fixture
def shaped_graph(tmp_path: Path) -> Path:
    path = tmp_path / "shaped.yaml"
    path.write_text(SHAPED_GRAPH, encoding="utf-8")
    return path


def test_context_order_and_joint_claims(shaped_graph: Path) -> None:
    data = ("--data", str(shaped_graph))
    default, shortest, species, via, myokines, acute = run_many(
        ("trace", "sprinting", "fatigue x", *data),
        ("trace", "sprinting", "lactate shuttle", *data, "--order", "shortest", "--timescale", "acute"),
        ("trace", "sprinting", "fatigue x", *data, "--species", "mouse"),
        ("trace", "sprinting", "fatigue x", *data, "--via", "lactate"),
        ("myokines", "gut", *data, "--sources", "article"),
        ("downstream", "sprinting", *data, "--timescale", "acute", "--json"),
    )
    # the step-by-step chain before the one-step summary, though the summary is shorter and better cited
    assert default.returncode == 0, default.stderr
    assert "2 chains from Sprinting to Fatigue X (mechanism first" in default.stdout
    assert default.stdout.splitlines()[3].endswith("Sprinting —increases→ Lactate shuttle —increases→ Fatigue X")
    assert shortest.returncode == 0 and "shortest first" in shortest.stdout
    assert_user_mistake(species, "in context: species mouse")
    assert_user_mistake(via, "Lactate has no incoming effect edges; did you mean Lactate shuttle?")
    assert "Akine and Bkine (jointly, per My notes)" in myokines.stdout and "joint" in myokines.stdout
    assert [(n["id"], n["hops"]) for n in json.loads(acute.stdout)] == [("fatigue_x", 1), ("lactate_shuttle", 1)]


def test_bad_context_values_say_did_you_mean() -> None:
    outs = run_many(
        ("trace", "HIIT", "insulin sensitivity", "--timescale", "chronicly"),
        ("trace", "HIIT", "insulin sensitivity", "--order", "shortst"),
        ("myokines", "liver", "--species", "mice"),
        ("match", "exercise", "signal", "--evidence", "experiment"),
        ("compare", "--sources", "articel"),
        ("net-effect", "HIIT", "insulin sensitivity", "--modality", "AMPK"),
    )
    assert_user_mistake(outs[0], "did you mean 'chronic'")
    assert_user_mistake(outs[1], "did you mean 'shortest'")
    assert_user_mistake(outs[2], "unknown species 'mice'")
    assert_user_mistake(outs[3], "did you mean 'experimental'")
    assert_user_mistake(outs[4], "did you mean 'article'")
    assert_user_mistake(outs[5], "not an exercise")
