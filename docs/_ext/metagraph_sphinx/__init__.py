"""Sphinx extension that writes the metagraph pages from the code, so they cannot go stale.

Every directive here reads the library at build time (the schema, the models, the
command's parser, the bundled graph, the loader's messages) instead of repeating
it in prose; a page that names something the code no longer has fails the strict
build.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from metagraph_sphinx import api, cli, data, examples, schema, xref


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the build hooks."""
    for module in (schema, cli, api, data, examples, xref):
        module.setup(app)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
