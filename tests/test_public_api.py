"""The public API: ``metagraph.__all__`` and the ``__all__`` of queries, render and interop.

The subpackages export their functions and result classes lazily: importing them (or
``metagraph``) loads none of the query, diagram or format code, nor pyvis or pandas.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import types

import pytest

SUBPACKAGES = ("metagraph.queries", "metagraph.render", "metagraph.interop")
EXPECTED = {
    "metagraph.queries": {
        "trace",
        "net_effect",
        "downstream",
        "upstream",
        "myokines_reaching",
        "myokine_effects",
        "match",
        "lost_effects",
        "compare",
        "Chain",
        "NetEffect",
        "MyokineEffects",
        "LostEffects",
        "Comparison",
        "TableResult",
    },
    "metagraph.render": {
        "to_html",
        "show",
        "to_mermaid",
        "to_dot",
        "to_svg",
        "chain_diagram",
        "chain_html",
        "chain_html_iframe",
        "chain_to_dot",
        "chain_to_html",
        "chain_to_mermaid",
        "chain_to_svg",
        "HtmlDiagram",
    },
    "metagraph.interop": {
        "export",
        "merge",
        "check_identifiers",
        "read_table",
        "MergeResult",
        "IdentifierReport",
        "FORMATS",
    },
}


def _fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it prints."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return out.stdout


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_subpackages_export_their_public_names(package: str) -> None:
    module = importlib.import_module(package)
    assert EXPECTED[package] <= set(module.__all__)
    for name in module.__all__:
        value = getattr(module, name)
        assert not isinstance(value, types.ModuleType), f"{package}.{name} is a module"
        assert name in dir(module)
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018


def test_render_exports_the_view_once_it_exists() -> None:
    view = importlib.import_module("metagraph.render.view")
    if hasattr(view, "View"):
        import metagraph.render

        assert "View" in metagraph.render.__all__
        assert metagraph.render.View is view.View


@pytest.mark.parametrize(
    ("package", "name"),
    [
        ("metagraph.queries", "trace"),
        ("metagraph.queries", "compare"),
        ("metagraph.interop", "export"),
        ("metagraph.interop", "merge"),
    ],
)
def test_a_function_named_like_its_module_stays_the_function(package: str, name: str) -> None:
    # Using the method imports the module of the same name first; the package still gives the function.
    code = (
        f"import metagraph, importlib, {package} as p; kg = metagraph.load(); "
        f"importlib.import_module('{package}.{name}'); "
        f"from {package} import {name} as f; "
        f"print(callable(f) and f.__name__ == '{name}' and p.{name} is f and p.{name} is getattr(type(kg), '{name}'))"
    )
    assert _fresh(code).strip() == "True"


def test_top_level_lazy_names_are_the_subpackages_objects() -> None:
    import metagraph.interop
    import metagraph.queries

    for name in ("Chain", "Comparison", "LostEffects", "MyokineEffects", "NetEffect", "TableResult"):
        assert getattr(metagraph, name) is getattr(metagraph.queries, name)
    for name in ("IdentifierReport", "MergeResult", "read_table"):
        assert getattr(metagraph, name) is getattr(metagraph.interop, name)


def test_importing_the_packages_loads_no_query_diagram_or_format_code() -> None:
    code = (
        "import json, sys, metagraph, metagraph.queries, metagraph.render, metagraph.interop; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = json.loads(_fresh(code))
    heavy = [
        m
        for m in loaded
        if m.split(".")[0] in ("pyvis", "pandas") or (m.startswith(SUBPACKAGES) and m not in SUBPACKAGES)
    ]
    assert not heavy, heavy


def test_importing_the_package_loads_only_the_errors() -> None:
    # The command's entry point imports the package first: anything heavy there would slow every
    # command and leave a Ctrl-C during start-up to Python's traceback.
    code = "import sys, metagraph; print(sorted(m for m in sys.modules if m.startswith('metagraph')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['metagraph', 'metagraph.errors']"
