"""The documentation site: builds offline in strict mode and covers the whole public surface.

One strict build per session (every warning an error, nitpicky cross-references); the
tests then read the HTML it wrote. The examples of the Markdown pages are run as doctests.
"""

from __future__ import annotations

import doctest
import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import metagraph
from metagraph.cli import build_parser
from metagraph.schema import Kind, Predicate

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
BUILD_TIMEOUT = 600

pytestmark = pytest.mark.docs


def sphinx_build(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run the strict HTML build of ``source`` into ``out``."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html", str(source), str(out), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """The strict build of docs/ (run once for this module)."""
    return sphinx_build(DOCS, tmp_path_factory.mktemp("docs") / "html")


@pytest.fixture(scope="module")
def site(build: subprocess.CompletedProcess[str]) -> Path:
    """The folder of the built HTML; fails every test that needs it when the build failed."""
    if build.returncode != 0:
        pytest.fail(f"the strict docs build failed:\n{build.stdout}\n{build.stderr}")
    return Path(build.args[-2])


def page_text(path: Path) -> str:
    """The visible text of the main part of a built page, whitespace collapsed."""
    raw = path.read_text(encoding="utf-8")
    main = raw[raw.find("<main") : raw.find("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def code_values(path: Path) -> set[str]:
    """Every inline ``code`` value on a page."""
    raw = path.read_text(encoding="utf-8")
    found = re.findall(r'<code class="docutils literal notranslate">(.*?)</code>', raw, flags=re.S)
    return {html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in found}


# -- the build ------------------------------------------------------------------------
def test_docs_build_in_strict_mode_without_warnings(build: subprocess.CompletedProcess[str]) -> None:
    assert build.returncode == 0, f"{build.stdout}\n{build.stderr}"
    assert "WARNING" not in build.stderr and "ERROR" not in build.stderr, build.stderr


def test_build_writes_every_page_of_the_site(site: Path) -> None:
    for page in (
        "index",
        "getting-started",
        "data-model",
        "adding-knowledge",
        "query-guide",
        "gallery",
        "cli",
        "api/index",
        "notebooks",
        "curation",
        "genindex",
        "search",
    ):
        assert (site / f"{page}.html").is_file(), page


def test_a_page_naming_a_missing_function_fails_the_strict_build(tmp_path: Path) -> None:
    # The guarantee behind "cannot go stale": a reference to a metagraph name that does
    # not exist is an error, one that exists (even if not in the reference) is not.
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path[:0] = [{str(ROOT)!r}, {str(DOCS / '_ext')!r}]\n"
        "extensions = ['metagraph_sphinx.xref']\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    page = src / "index.rst"
    page.write_text("T\n=\n\n:py:func:`metagraph.load` and :py:class:`networkx.MultiDiGraph`.\n", encoding="utf-8")
    assert sphinx_build(src, tmp_path / "ok").returncode == 0
    page.write_text("T\n=\n\n:py:meth:`metagraph.MetaGraph.no_such_query`\n", encoding="utf-8")
    failed = sphinx_build(src, tmp_path / "bad")
    assert failed.returncode != 0
    assert "metagraph.MetaGraph.no_such_query" in failed.stderr


# -- generated reference pages ---------------------------------------------------------
@pytest.mark.parametrize("name", metagraph.__all__)
def test_every_public_name_has_a_page_in_the_api_reference(site: Path, name: str) -> None:
    page = site / "api" / "generated" / f"metagraph.{name}.html"
    assert page.is_file(), f"no API page for metagraph.{name}"
    assert f'id="metagraph.{name}"' in page.read_text(encoding="utf-8")
    assert f'href="generated/metagraph.{name}.html' in (site / "api" / "index.html").read_text(encoding="utf-8")


def test_every_method_of_metagraph_is_documented(site: Path) -> None:
    page = (site / "api" / "generated" / "metagraph.MetaGraph.html").read_text(encoding="utf-8")
    public = [m for m in dir(metagraph.MetaGraph) if not m.startswith("_")]
    assert "trace" in public
    missing = [m for m in public if f'id="metagraph.MetaGraph.{m}"' not in page]
    assert not missing, f"MetaGraph members without documentation: {missing}"


def test_every_cli_command_is_in_the_cli_reference(site: Path) -> None:
    page = (site / "cli.html").read_text(encoding="utf-8")
    subparsers = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    assert len(subparsers.choices) >= 2
    for name in subparsers.choices:
        assert f'id="metagraph-{name}"' in page, name
        assert f"usage: metagraph {name}" in html.unescape(page), name


def test_every_kind_and_predicate_is_on_the_data_model_page(site: Path) -> None:
    values = code_values(site / "data-model.html")
    missing = [v.value for v in (*Kind, *Predicate) if v.value not in values]
    assert not missing, missing


def test_data_model_page_shows_each_predicates_rules(site: Path) -> None:
    text = page_text(site / "data-model.html")
    from metagraph.schema import PREDICATES

    for predicate, rule in PREDICATES.items():
        assert re.search(rf"{predicate.value} “A {re.escape(rule.label)} B”", text), predicate
        assert rule.description in text, predicate


def test_the_loader_messages_shown_are_those_of_the_code(site: Path) -> None:
    text = page_text(site / "adding-knowledge.html")
    assert re.search(r"metagraph\.errors\.DataError : \d+ problems in the data:", text)
    for shown in (
        "my_data/broken.yaml:4: nodes[0].kind:",
        "did you mean 'signal'?",
        "did you mean 'fat_burning'?",
        "unknown reference 'smith2020'",
        "'decreases' cannot join a process",
        "$ metagraph validate my_data/broken.yaml",
    ):
        assert shown in text, shown


def test_getting_started_shows_the_readme_commands(site: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[readme.index("## Quick start") : readme.index("## In a notebook")]
    commands = re.findall(r"```bash\n(.*?)\n```", quick, flags=re.S)
    assert len(commands) == 2
    text = page_text(site / "getting-started.html")
    for command in commands:
        assert " ".join(command.split()) in text


def test_curation_page_lists_every_reference_with_its_citation_as_given(site: Path, kg: metagraph.MetaGraph) -> None:
    text = page_text(site / "curation.html")
    raw = (site / "curation.html").read_text(encoding="utf-8")
    for key, ref in kg.references.items():
        assert key in text
        if ref.as_cited:
            assert " ".join(ref.as_cited.split()) in text, key
        if ref.doi:
            assert f'href="https://doi.org/{ref.doi}"' in raw, key
        for discrepancy in ref.discrepancies:
            assert discrepancy in text, key


# -- examples, images and notebooks ---------------------------------------------------
def test_gallery_shows_every_image_of_examples(site: Path) -> None:
    page = (site / "gallery.html").read_text(encoding="utf-8")
    images = sorted(p.name for p in EXAMPLES.glob("*") if p.suffix in (".png", ".svg"))
    for name in images:
        assert re.search(rf'<img [^>]*src="_images/{re.escape(name)}"', page), name
        assert (site / "_images" / name).is_file()
    if not images:
        assert "No diagram image is stored" in page


def test_every_notebook_of_examples_is_rendered_and_listed(site: Path) -> None:
    stored = {p.stem for p in EXAMPLES.glob("*.ipynb")}
    listed = set(re.findall(r'href="notebooks/([^"#/]+)\.html"', (site / "notebooks.html").read_text(encoding="utf-8")))
    assert listed == stored
    for stem in stored:
        assert (site / "notebooks" / f"{stem}.html").is_file()


def _markdown_pages_with_examples() -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if "```pycon" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", _markdown_pages_with_examples(), ids=lambda p: p.name)
def test_examples_of_the_pages_give_the_output_they_show(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    report: list[str] = []
    for block in re.finditer(r"^```pycon\n(.*?)^```", text, flags=re.S | re.M):
        line = text.count("\n", 0, block.start()) + 1
        test = parser.get_doctest(block.group(1), globs, f"{page.name}:{line}", str(page), line)
        runner.run(test, out=report.append, clear_globs=False)
        globs.update(test.globs)  # a DocTest works on a copy; later blocks build on earlier ones
    assert runner.failures == 0, "".join(report)
    assert runner.tries > 0


# -- an offline, browsable site ---------------------------------------------------------
_RESOURCE_ATTRS = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "track": ("src",),
}
_REMOTE = re.compile(r"^\s*(https?:)?//", re.I)
_CSS_REMOTE = re.compile(r"""(@import\s+["']?|url\(\s*["']?)(https?:)?//""", re.I)


class _Resources(HTMLParser):
    """Collects what a page would load (not the links a reader may follow), srcdoc frames included."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.loads += [values[a] for a in _RESOURCE_ATTRS.get(tag, ()) if a in values]
        if "style" in values:
            self.styles.append(values["style"])
        if tag == "iframe" and "srcdoc" in values:
            inner = _Resources()
            inner.feed(values["srcdoc"])
            self.loads += inner.loads
            self.styles += inner.styles
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def test_no_page_loads_anything_from_the_network(site: Path) -> None:
    offenders = []
    for path in sorted(site.rglob("*.html")):
        found = _Resources()
        found.feed(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(site)}: {u}" for u in found.loads if _REMOTE.match(u)]
        offenders += [f"{path.relative_to(site)}: {s[:80]}" for s in found.styles if _CSS_REMOTE.search(s)]
    for path in sorted(site.rglob("*.css")):
        if _CSS_REMOTE.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(path.relative_to(site)))
    assert not offenders, offenders


def test_every_internal_link_is_relative_and_points_at_a_built_file(site: Path) -> None:
    broken = []
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] in ("_static", "_sources"):
            continue  # theme templates and page sources, not pages
        for target in re.findall(r'(?:href|src)="([^"]*)"', path.read_text(encoding="utf-8")):
            target = html.unescape(target)
            if _REMOTE.match(target) or target.startswith(("#", "mailto:", "data:", "javascript:")):
                continue
            if target.startswith(("/", "file:")):
                broken.append(f"{path.relative_to(site)}: absolute {target}")
                continue
            file = (path.parent / target.split("#")[0].split("?")[0]).resolve()
            if not file.exists():
                broken.append(f"{path.relative_to(site)}: {target}")
    assert not broken, broken[:20]


# -- the whole public API, and nothing internal ------------------------------------------
def _public_names() -> list[tuple[str, str, object]]:
    import importlib

    out = [("metagraph", name, getattr(metagraph, name)) for name in metagraph.__all__]
    for package in ("metagraph.queries", "metagraph.render", "metagraph.interop", "metagraph.overlay"):
        module = importlib.import_module(package)
        out += [(package, name, getattr(module, name)) for name in module.__all__]
    return out


def test_every_public_name_of_every_public_package_is_in_the_api_reference(site: Path) -> None:
    index = (site / "api" / "index.html").read_text(encoding="utf-8")
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (site / "api" / "generated").glob("*.html")}
    homes = {}
    for package, name, obj in _public_names():
        homes.setdefault(id(obj), f"{package}.{name}")  # one page per object, top-level names first
    missing = []
    for package, name, obj in _public_names():
        home = homes[id(obj)]
        if home not in pages or f'id="{home}"' not in pages[home] or f'href="generated/{home}.html' not in index:
            missing.append(f"{package}.{name}")
    assert not missing, missing
    assert "metagraph.queries.trace" in pages and "metagraph.interop.FORMATS" in pages


def test_metagraph_page_links_each_operation_to_its_one_definition(site: Path) -> None:
    from metagraph._operation import operation

    page = (site / "api" / "generated" / "metagraph.MetaGraph.html").read_text(encoding="utf-8")
    ops = {n: v for n, v in vars(metagraph.MetaGraph).items() if isinstance(v, operation) and not n.startswith("_")}
    assert {"trace", "compare", "to_html", "export", "merge"} <= set(ops)
    for name, op in ops.items():
        module, function = op.target.split(":")
        # a function of a subpackage's module has its page under the subpackage; the self-audit
        # and overlay modules (metagraph.audit, metagraph.overlay) are public themselves
        package = module if module in ("metagraph.audit", "metagraph.overlay") else module.rsplit(".", 1)[0]
        assert f'id="metagraph.MetaGraph.{name}"' in page, name
        assert f'href="{package}.{function}.html#{package}.{function}"' in page, name


def test_no_internal_module_appears_in_the_api_reference(site: Path) -> None:
    internal = re.compile(r"metagraph(?:\.[A-Za-z]\w*)*\._[a-z]\w*")
    found = []
    for path in [site / "api" / "index.html", *sorted((site / "api" / "generated").glob("*.html"))]:
        found += [f"{path.name}: {m}" for m in internal.findall(page_text(path))]
        found += [
            f"{path.name}: {m}"
            for m in re.findall(r'href="[^"]*metagraph(?:\.\w+)*\._[a-z][^"]*"', path.read_text(encoding="utf-8"))
        ]
    assert not found, found[:20]


def test_data_model_page_explains_the_evidence_model(site: Path) -> None:
    from metagraph.schema import EvidenceType, Species, Stance, StudySystem

    values = code_values(site / "data-model.html")
    text = page_text(site / "data-model.html")
    for vocab in (EvidenceType, Species, StudySystem, Stance):
        missing = [v.value for v in vocab if v.value not in values]
        assert not missing, (vocab.__name__, missing)
    for t in EvidenceType:
        assert t.eco in text and t.label in text
    for field in (
        "negated",
        "summary",
        "hedged",
        "stance",
        "species",
        "system",
        "finding",
        "quote",
        "close_matches",
        "broad_matches",
        "narrow_matches",
        "related_matches",
        "xrefs",
        "member_of",
        "has_component",
        "converts_to",
        "associated_with",
        "positively_associated_with",
        "negatively_associated_with",
    ):
        assert field in values, field
    for heading in (
        "Associations and causes",
        "Negation",
        "Groups and joint claims",
        "Summary edges",
        "Evidence types",
        "Match types of identifiers",
    ):
        assert heading in text, heading
    cli = page_text(site / "cli.html")
    assert "metagraph audit" in cli and "--sources" in cli and "--source" in cli
