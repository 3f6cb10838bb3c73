"""The curation pages, generated from the bundled graph (:func:`metagraph.load`).

Directives
----------
``metagraph-coverage``    how many nodes of each kind and edges of each predicate the graph holds.
``metagraph-references``  every reference: key, the citation as the source gives it, the real
                          record with DOI/PMID, the discrepancies and how it was verified.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import metagraph
from metagraph.schema import KIND_ORDER, Predicate
from metagraph_sphinx.markup import cell, code, md_list_table, md_table, parse


@cache
def bundled() -> metagraph.MetaGraph:
    """The bundled graph, loaded once per build."""
    return metagraph.load()


def record_text(ref: metagraph.Reference) -> str:
    """The real record as Markdown: the citation with DOI and PubMed links."""
    text = cell(ref.citation().replace(f"doi:{ref.doi}", "").strip()) if ref.doi else cell(ref.citation())
    links = []
    if ref.doi:
        links.append(f"[doi:{cell(ref.doi)}](https://doi.org/{ref.doi})")
    if ref.pmid:
        links.append(f"[PMID {ref.pmid}](https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/)")
    return " ".join([text, *links])


class CoverageDirective(SphinxDirective):
    """Counts of nodes by kind and edges by predicate."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        kg = bundled()
        kinds = Counter(n.kind for n in kg.nodes())
        predicates = Counter(e.predicate for e in kg.edges())
        cited = Counter(key for e in kg.edges() for key in e.references)
        text = (
            f"The bundled graph holds **{len(kg)} nodes**, **{len(kg.edges())} edges** and "
            f"**{len(kg.references)} references**.\n\n"
        )
        text += md_table(["kind", "nodes"], [[code(k.value), str(kinds[k])] for k in KIND_ORDER])
        text += "\n" + md_table(["predicate", "edges"], [[code(p.value), str(predicates[p])] for p in Predicate])
        text += "\n" + md_table(
            ["reference", "edges citing it"], [[code(key), str(cited[key])] for key in kg.references]
        )
        return parse(self, text)


class ReferencesDirective(SphinxDirective):
    """The references of the bundled graph, with the source's citation beside the real record."""

    def run(self) -> list[Any]:
        self.env.note_reread()  # generated from the code: rebuild every time
        rows = []
        for key, ref in bundled().references.items():
            record = record_text(ref) + (f"\n\n*Verification:* {cell(ref.note)}" if ref.note else "")
            rows.append(
                [
                    code(key),
                    cell(ref.as_cited) if ref.as_cited else "(as recorded)",
                    record,
                    "\n".join(f"- {cell(d)}" for d in ref.discrepancies) if ref.discrepancies else "none",
                ]
            )
        headers = ["key", "as cited by the source", "the record", "discrepancies"]
        return parse(self, md_list_table(headers, rows, widths=[12, 30, 38, 20]))


def setup(app: Sphinx) -> None:
    """Register the curation directives."""
    app.add_directive("metagraph-coverage", CoverageDirective)
    app.add_directive("metagraph-references", ReferencesDirective)
