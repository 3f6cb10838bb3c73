"""Pages made from running the code and from the files in ``examples/``.

Directives
----------
``metagraph-load-error``  writes its content (a broken data file) to a scratch folder, runs
                          :func:`metagraph.load` and ``metagraph validate`` on it and shows the
                          file and what both print today. Fails the build if the file loads.
``metagraph-gallery``     every image in ``examples/`` (``*.png``, ``*.svg``).
``metagraph-diagram``     runs its content (Python that sets ``view``, a part of the bundled graph
                          ``kg``, and optionally ``highlight``, chains) and shows the code, the
                          SVG that :meth:`~metagraph.MetaGraph.to_svg` draws (Graphviz) and the
                          Mermaid source of :meth:`~metagraph.MetaGraph.to_mermaid`.
``metagraph-notebooks``   a table of contents of the notebooks of ``examples/``.

Notebooks are copied from ``examples/`` to ``notebooks/`` (git-ignored) when the build
starts, so that they are rendered from their stored outputs and never committed twice.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import metagraph
from metagraph._atomic import write_bytes_atomic, write_text_atomic
from metagraph.cli import main as cli_main
from metagraph_sphinx.data import bundled
from metagraph_sphinx.markup import fenced, parse

#: Folder (relative to the documentation sources) the notebooks are copied into.
NOTEBOOK_DIR = "notebooks"
#: Folder (relative to the documentation sources, git-ignored) of the diagrams drawn by the build.
DIAGRAM_DIR = "_generated"
IMAGE_SUFFIXES = (".png", ".svg")


def examples_dir(app: Sphinx) -> Path:
    """The repository's ``examples/`` folder."""
    return Path(app.srcdir).parent / "examples"


def sync_notebooks(app: Sphinx) -> None:
    """Mirror ``examples/*.ipynb`` into ``notebooks/`` (only files that changed are rewritten)."""
    target = Path(app.srcdir) / NOTEBOOK_DIR
    sources = {p.name: p for p in sorted(examples_dir(app).glob("*.ipynb"))}
    if target.is_dir():
        for stale in target.glob("*.ipynb"):
            if stale.name not in sources:
                stale.unlink()
    for name, source in sources.items():
        data = source.read_bytes()
        copy = target / name
        if not copy.is_file() or copy.read_bytes() != data:
            target.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(copy, data)


class LoadErrorDirective(SphinxDirective):
    """Show a broken data file and the loader's real messages about it."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"file": directives.unchanged_required}

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        name = self.options.get("file", "my_data/broken.yaml")
        text = "\n".join(self.content) + "\n"
        with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
            write_text_atomic(Path(scratch) / name, text)
            try:
                metagraph.load(name)
            except metagraph.DataError as exc:
                error = f"{type(exc).__module__}.{type(exc).__name__}: {exc}"
            else:
                raise self.error(f"{name} loads without error; the example must show the loader's messages")
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = cli_main(["validate", name])
        parts = [
            f"The file `{name}`:\n",
            fenced(text, "yaml"),
            "Loading it in Python raises one error that lists every problem:\n",
            fenced(f'>>> metagraph.load("{name}")\nTraceback (most recent call last):\n  ...\n{error}', "pycon"),
            f"The command prints the same problems and exits with status {status} (so a CI job fails):\n",
            fenced(f"$ metagraph validate {name}\n{out.getvalue()}{err.getvalue()}", "console"),
        ]
        return parse(self, "\n".join(parts))


class GalleryDirective(SphinxDirective):
    """Every image stored in ``examples/``."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        images = (
            sorted(p for p in examples_dir(self.env.app).iterdir() if p.suffix in IMAGE_SUFFIXES)
            if examples_dir(self.env.app).is_dir()
            else []
        )
        if not images:
            return parse(self, "No diagram image is stored in `examples/` yet.\n")
        here = Path(self.env.doc2path(self.env.docname)).parent
        parts = []
        for image in images:
            self.env.note_dependency(str(image))
            rel = Path(*([".."] * len(here.relative_to(self.env.app.srcdir).parts)), "..", "examples", image.name)
            parts.append(
                f":::{{figure}} {rel.as_posix()}\n:alt: {image.stem}\n:width: 100%\n\n`examples/{image.name}`\n:::\n"
            )
        return parse(self, "\n".join(parts))


class DiagramDirective(SphinxDirective):
    """Draw a part of the bundled graph while the pages are built, from the code shown beside it."""

    has_content = True
    required_arguments = 1  # file name stem of the drawing
    option_spec: ClassVar[dict[str, Any]] = {"caption": directives.unchanged}

    def run(self) -> list[Any]:
        self.env.note_reread()
        code = "\n".join(self.content)
        scope: dict[str, Any] = {"metagraph": metagraph, "kg": bundled()}
        try:
            exec(compile(code, f"<{self.name} {self.arguments[0]}>", "exec"), scope)  # our own pages' code
        except Exception as exc:
            raise self.error(f"the diagram code failed: {type(exc).__name__}: {exc}") from exc
        view, highlight = scope.get("view"), scope.get("highlight")
        if not isinstance(view, metagraph.MetaGraph):
            raise self.error("the diagram code must set `view` to a MetaGraph (e.g. kg.subgraph(...))")
        stem = directives.path(self.arguments[0])
        svg = Path(self.env.app.srcdir) / DIAGRAM_DIR / f"{stem}.svg"
        shown = f'{code}\nview.to_svg("{stem}.svg", highlight=highlight)\nprint(view.to_mermaid(highlight=highlight))'
        parts = [fenced(shown, "python")]
        caption = self.options.get("caption", stem)
        try:
            view.to_svg(svg, highlight=highlight)
        except metagraph.RenderError as exc:
            parts.append(f"(No SVG: {exc})\n")
        else:
            rel = Path(*([".."] * (len(Path(self.env.docname).parts) - 1)), DIAGRAM_DIR, svg.name)
            parts.append(f":::{{figure}} {rel.as_posix()}\n:alt: {caption}\n:width: 100%\n\n{caption}\n:::\n")
        parts.append("The Mermaid source (GitHub and many Markdown editors draw it):\n")
        parts.append(fenced(view.to_mermaid(highlight=highlight), "text"))
        return parse(self, "\n".join(parts))


class NotebooksDirective(SphinxDirective):
    """A table of contents of the copied notebooks, or a note that there are none yet."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        folder = Path(self.env.app.srcdir) / NOTEBOOK_DIR
        names = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
        if not names:
            return parse(self, "No notebook is stored in `examples/` yet.\n")
        entries = "\n".join(f"{NOTEBOOK_DIR}/{n}" for n in names)
        return parse(self, f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n")


def setup(app: Sphinx) -> None:
    """Register the directives and the notebook copy."""
    app.add_directive("metagraph-load-error", LoadErrorDirective)
    app.add_directive("metagraph-gallery", GalleryDirective)
    app.add_directive("metagraph-diagram", DiagramDirective)
    app.add_directive("metagraph-notebooks", NotebooksDirective)
    app.connect("builder-inited", sync_notebooks)
