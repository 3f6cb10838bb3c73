"""Sphinx configuration of the metagraph documentation.

Build (strict, offline; the test suite runs exactly this)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The pages that describe the code (data model, CLI, API, curation tables, loader
messages) are written at build time by the local extension in ``_ext/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The checkout's own package, even when another copy is installed.
sys.path[:0] = [str(DOCS.parent), str(DOCS / "_ext")]

import metagraph  # noqa: E402 - needs the path above

project = "metagraph"
author = "metagraph developers"
copyright = "metagraph developers"
release = version = metagraph.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "myst_nb",
    "metagraph_sphinx",
]

root_doc = "index"
# Much of the text is generated from the code (descriptions, messages, help); keep its quotes
# as the code writes them instead of curling them.
smartquotes = False
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
templates_path: list[str] = []

# -- strictness ---------------------------------------------------------------------
# Every cross-reference to our own names must resolve; references to other libraries
# are shown unlinked by _ext/metagraph_sphinx/xref.py (no intersphinx: the build is offline).
nitpicky = True
suppress_warnings: list[str] = []

# -- API reference ------------------------------------------------------------------
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autosummary_generate = False  # the pages are written by metagraph_sphinx.api
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
add_module_names = False

# -- Markdown and notebooks -----------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "off"  # render the outputs stored in examples/*.ipynb; never execute
nb_ipywidgets_js: dict[str, dict[str, str]] = {}  # widget managers would come from a CDN
nb_merge_streams = True

# -- HTML -----------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"metagraph {release}"
html_static_path: list[str] = []
html_show_sourcelink = True
html_copy_source = True
# Top-level pages have no sub-pages: no left sidebar there ("*" does not match "api/...").
html_sidebars: dict[str, list[str]] = {"*": []}
html_theme_options = {
    # Nothing fetched from the network at build or view time: no icon links, no
    # analytics, no version switcher, no announcement banner.
    "icon_links": [],
    "navbar_end": ["theme-switcher"],
    "navbar_persistent": ["search-button"],
    "analytics": {},
    "use_edit_page_button": False,
    "show_version_warning_banner": False,
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    "secondary_sidebar_items": ["page-toc", "sourcelink"],
}
