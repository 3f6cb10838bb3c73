"""The CLI reference, generated from the command's own parser (:func:`metagraph.cli.build_parser`).

Directive ``metagraph-cli``: the top-level help, then one section per command with its
one-line help and the complete ``--help`` text, exactly as the command prints it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from metagraph.cli import build_parser
from metagraph_sphinx.markup import cell, code, fenced, parse

#: Width the help text is wrapped to, so the page does not depend on the building terminal.
HELP_WIDTH = 96


@contextmanager
def _help_width(width: int) -> Iterator[None]:
    # argparse wraps help text to the terminal width, which it reads from COLUMNS.
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """Each subcommand as ``(name, one-line help, parser)``, in the order the parser lists them."""
    out = []
    for action in parser._actions:  # argparse exposes subcommands only through its actions
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._get_subactions()}
            out += [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return out


class CliDirective(SphinxDirective):
    """The whole CLI reference."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        parser = build_parser()
        with _help_width(HELP_WIDTH):
            # Everything goes under a heading: MyST would move text before the first heading
            # of generated content to after the generated sections.
            parts = [f"## {code(parser.prog)}\n", fenced(f"$ {parser.prog} --help\n{parser.format_help()}")]
            for name, help_text, sub in commands(parser):
                parts.append(f"## {code(f'{parser.prog} {name}')}\n")
                if help_text:
                    parts.append(cell(help_text[:1].upper() + help_text[1:]) + ".\n")
                parts.append(fenced(f"$ {parser.prog} {name} --help\n{sub.format_help()}"))
        return parse(self, "\n".join(parts))


def setup(app: Sphinx) -> None:
    """Register the CLI directive."""
    app.add_directive("metagraph-cli", CliDirective)
