"""The `node` and `validate` commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import metagraph.cli


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


# -- hostile input and hostile output paths: one message, a non-zero status, no traceback --------
def fails_cleanly(out: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert out.returncode != 0 and "Traceback" not in out.stderr, out.stderr
    for needle in needles:
        assert needle in out.stderr, out.stderr


def test_node_list_with_an_unknown_kind(tmp_path: Path) -> None:
    fails_cleanly(run("node", "--list", "--kind", "nonsense"), "invalid choice: 'nonsense'", "myokine")


def test_import_table_never_overwrites_its_input(tmp_path: Path) -> None:
    table = tmp_path / "x.csv"
    table.write_text("source,target,effect\nIL-6,STAT3,activation\n")
    fails_cleanly(run("import-table", str(table), str(table)), "is also an input", "--force")
    assert table.read_text().startswith("source,target")
    fails_cleanly(run("import-table", str(table), "out.yaml", "--delimiter", "ab", cwd=tmp_path), "one character")


def test_export_and_render_never_write_into_the_data_read(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("nodes:\n  - {id: mine, name: Mine, kind: signal}\n")
    for args in (("export", "yaml", str(tmp_path / "out.yaml")), ("render", str(tmp_path / "g.mmd"))):
        fails_cleanly(run(*args, "--data", str(tmp_path)), "lies inside", "--force")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.yaml"]
    assert run("export", "yaml", str(tmp_path / "out.yaml"), "--data", str(tmp_path), "--force").returncode == 0


def test_writing_under_a_file_is_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("keep")
    fails_cleanly(run("export", "json", str(blocker / "g.json")), "cannot write", "not a folder")
    fails_cleanly(run("render", str(blocker / "g.mmd")), "cannot write")
    table = tmp_path / "x.csv"
    table.write_text("source,target,effect\nIL-6,STAT3,activation\n")
    fails_cleanly(run("import-table", str(table), str(blocker / "o.yaml")), "cannot write")
    assert blocker.read_text() == "keep"


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text('nodes:\n  - {id: bad, name: "Evil\\e[31mRED\\a", kind: signal}\n')
    out = run("node", "--list", "--data", str(tmp_path))
    assert out.returncode == 0 and "\x1b" not in out.stdout and "\x07" not in out.stdout
    assert "Evil\\u001b[31mRED\\u0007" in out.stdout
    data = json.loads(run("node", "--list", "--json", "--data", str(tmp_path)).stdout)
    assert data[0]["name"] == "Evil\x1b[31mRED\x07"  # still the true name for programs
    out = run("node", "Evil", "--data", str(tmp_path))
    assert out.returncode == 1 and "\x1b" not in out.stderr


def test_validate_caps_what_it_prints(tmp_path: Path) -> None:
    bad = tmp_path / "many.yaml"
    bad.write_text("nodes: [" + ", ".join(["1"] * 300) + "]\n")
    out = run("validate", str(bad), "--max-problems", "5")
    assert out.returncode == 1
    assert out.stdout.splitlines()[0].startswith("300 problems in ") and "295 more not shown" in out.stdout
    assert len(out.stdout.splitlines()) == 6
    data = json.loads(run("validate", str(bad), "--json").stdout)
    assert data["problem_count"] == 300 and len(data["problems"]) == 100


@pytest.mark.parametrize("where", ["build_parser", "handler"])
def test_ctrl_c_is_a_message_not_a_traceback(
    where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ctrl-C while the commands are being imported (build_parser) or while one runs.
    import metagraph.cli
    from metagraph.cli import core

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    if where == "build_parser":
        monkeypatch.setattr(metagraph.cli, "build_parser", interrupt)
    else:
        monkeypatch.setattr(core, "_node", interrupt)
    assert metagraph.cli.main(["node", "--list"]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_one_commands_parser_builds_only_its_group() -> None:
    # Start-up: `metagraph trace` never imports the import-table and export modules (pydantic and more).
    code = (
        "import sys, metagraph.cli; p = metagraph.cli.build_parser(command='trace'); "
        "print(sorted(m for m in ('metagraph.interop.table', 'metagraph.interop.export') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_trace_from_the_cache_prints_without_importing_pydantic() -> None:
    # Start-up: a graph read from the cache is plain data, and a printed chain reads the graph's
    # attributes; the models (and pydantic) are imported only by a command that needs them.
    code = (
        "import sys, contextlib, io, metagraph.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    code = metagraph.cli.main(['trace', 'HIIT', 'insulin sensitivity'])\n"
        "found = {m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core'}\n"
        "print(code, 'AMPK' in out.getvalue(), sorted(found))"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # fills the cache
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0 True []"


def test_an_unknown_command_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        metagraph.cli.main(["tarce", "HIIT"])
    err = capsys.readouterr().err
    assert "invalid choice: 'tarce'" in err and "import-table" in err and "audit" in err
