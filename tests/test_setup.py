"""The README's two commands work from a bare clone, and CI runs the second one exactly."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Quick start") : readme.index("## In a notebook")]
    return re.findall(r"```bash\n(.*?)\n```", quick, flags=re.S)


def test_each_readme_command_makes_and_uses_its_own_venv() -> None:
    install, test = readme_commands()
    for command in (install, test):
        steps = command.split(" && ")
        assert steps[0] == "python3 -m venv .venv"
        assert all(step.startswith(".venv/bin/") for step in steps[1:]), command
    assert install.endswith('.venv/bin/metagraph trace HIIT "insulin sensitivity" --explain')
    assert '.venv/bin/pip install ".[test]"' in test and test.endswith("-m pytest --run-all")
    assert ".venv/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_ci_runs_the_readme_test_command_exactly() -> None:
    _, test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
    assert re.search(r'\[ "\$status" -eq 5 \]', ci), "pytest's exit 5 (no tests) is not handled"


def test_the_test_extra_holds_what_the_suite_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    names = {re.split(r"[<>=\[ ]", req)[0].lower() for req in extras["test"] + extras["docs"]}
    for needed in ("pytest", "hypothesis", "ruff", "mypy", "playwright", "nbclient", "sphinx", "myst-nb"):
        assert needed in names, needed
    assert f"{project['name']}[docs,pandas,parquet,ids]" in extras["test"]
