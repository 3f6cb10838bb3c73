"""Check every identifier (CURIE) of a graph: prefix, local-id syntax, and records known to mislead.

What is checked, per node (``xrefs`` and ``members``):

* **prefix**: known to the Bioregistry (``pip install bioregistry``, works offline;
  the ``ids`` extra). Without it, a built-in table of the prefixes the bundled data
  uses (:data:`BUILTIN_PREFIXES`) stands in, and the report says so.
* **local id**: matches the prefix's pattern (``HGNC:`` digits, ``GO:`` seven digits...).
* **prefix spelling**: the Bioregistry matches prefixes without case, so ``uniprot:``
  and ``UniProt:`` are the same namespace. The project writes them one way, its house
  style: the spelling in :data:`BUILTIN_PREFIXES` (``HGNC``, ``UniProt``, ``MESH``,
  ``GO``, ``CHEBI``, ...: the OBO/Bioregistry display forms the bundled data uses),
  else the Bioregistry's preferred prefix. Another spelling is a *warning* whose fix
  is the house spelling; a prefix with no house spelling is accepted as written.
* **known hazards** (``known_hazards.yaml`` beside this module): withdrawn records
  (HGNC:4357, the old "GLUT4" symbol) and look-alikes (MESH:D058245 is Cognitive
  Reserve, not HIIT) are *errors*; a node named like a complex (AMPK) whose identity
  is one subunit (PRKAA2, HGNC:9377) is an *error*, a subunit beside the complex's own
  identifier a *warning* (it belongs under ``members``).
* **coverage**: nodes without any identifier, and identifiers shared by several
  nodes, are listed as *notes* (``info``): facts to know, not faults.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import yaml

from metagraph._names import normalize_name

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph

__all__ = [
    "BUILTIN_PREFIXES",
    "IdentifierIssue",
    "IdentifierReport",
    "check_identifiers",
    "known_hazards",
    "report_identifiers",
]

Level = Literal["error", "warning", "info"]

#: Bioregistry prefix → (house spelling, local-id pattern). The spellings are the
#: project's; the patterns are the Bioregistry's, for use when it is not installed.
BUILTIN_PREFIXES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "hgnc": ("HGNC", r"^\d{1,5}$"),
        "uniprot": ("UniProt", r"^([OPQ]\d[A-Z0-9]{3}\d|[A-NR-Z]\d([A-Z][A-Z0-9]{2}\d){1,2})$"),
        "mesh": ("MESH", r"^(C|D|Q)\d+$"),
        "go": ("GO", r"^\d{7}$"),
        "chebi": ("CHEBI", r"^\d+$"),
        "uberon": ("UBERON", r"^\d+$"),
        "cl": ("CL", r"^\d{7}$"),
        "efo": ("EFO", r"^\d{7}$"),
        "hp": ("HP", r"^\d{7}$"),
        "mondo": ("MONDO", r"^\d{7}$"),
        "doid": ("DOID", r"^\d+$"),
        "fplx": ("FPLX", r"^[a-zA-Z0-9][A-Za-z0-9_]+$"),
        "ec": (
            "EC",
            r"^\d{1,2}(((\.\d{1,3}){1,3})|(\.\d+){2}\.[nB]\d{1,3}|\.-\.-\.-|\.\d{1,3}\.-\.-"
            r"|\.\d{1,3}\.\d{1,3}\.-)?$",
        ),
    }
)

_LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class IdentifierIssue:
    """One finding about one identifier (or about a node's lack of one).

    Attributes
    ----------
    level
        ``"error"`` (wrong), ``"warning"`` (should be fixed) or ``"info"`` (worth knowing).
    node
        Id of the node.
    curie
        The identifier concerned (``None`` for a node without any).
    code
        ``unknown_prefix``, ``bad_local_id``, ``prefix_style``, ``deprecated_prefix``,
        ``withdrawn``, ``look_alike``, ``complex_subunit``, ``no_identifier`` or ``shared``.
    message, hint
        What is wrong and how to fix it.
    """

    level: Level
    node: str
    curie: str | None
    code: str
    message: str
    hint: str = ""


@dataclass(frozen=True)
class IdentifierReport:
    """The result of :func:`check_identifiers`.

    Attributes
    ----------
    issues
        Every finding, errors first.
    nodes, curies
        How many nodes and identifiers were checked.
    registry
        What the prefixes were checked against (the Bioregistry and its version, or
        the built-in table when it is not installed).
    """

    issues: list[IdentifierIssue] = field(default_factory=list)
    nodes: int = 0
    curies: int = 0
    registry: str = ""

    @property
    def ok(self) -> bool:
        """True when no issue is an error."""
        return not any(i.level == "error" for i in self.issues)

    def count(self, level: Level) -> int:
        """Number of issues of one level."""
        return sum(i.level == level for i in self.issues)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (for JSON)."""
        return {
            "ok": self.ok,
            "nodes": self.nodes,
            "curies": self.curies,
            "registry": self.registry,
            "counts": {lvl: self.count(lvl) for lvl in _LEVELS},
            "issues": [asdict(i) for i in self.issues],
        }

    def __str__(self) -> str:
        head = f"{self.curies} identifiers of {self.nodes} nodes checked against {self.registry}"
        counts = ", ".join(
            f"{self.count(lvl)} {name}" for lvl, name in zip(_LEVELS, ("errors", "warnings", "notes"), strict=True)
        )
        if not self.issues:
            return f"{head}: no issues"
        rows = [["level", "node", "identifier", "issue"]]
        rows += [
            [i.level, i.node, i.curie or "-", f"{i.message}; {i.hint}" if i.hint else i.message] for i in self.issues
        ]
        widths = [max(len(r[c]) for r in rows) for c in range(3)]
        lines = ["  ".join([*(r[c].ljust(widths[c]) for c in range(3)), r[3]]) for r in rows]
        lines.insert(1, "  ".join([*("-" * w for w in widths), "-----"]))
        return "\n".join([f"{head}:", *lines, counts])


@lru_cache(maxsize=1)
def known_hazards() -> dict[str, Any]:
    """Return the table of withdrawn records, look-alikes and complexes shipped with the package.

    Examples
    --------
    >>> known_hazards()["withdrawn"][0]["curie"], known_hazards()["withdrawn"][0]["replaced_by"]
    ('HGNC:4357', 'HGNC:11009')
    """
    text = resources.files("metagraph.interop").joinpath("known_hazards.yaml").read_text(encoding="utf-8")
    hazards: dict[str, Any] = yaml.safe_load(text)
    return hazards


class _Registry:
    """Prefix knowledge: the Bioregistry when importable, else :data:`BUILTIN_PREFIXES`."""

    def __init__(self, use_bioregistry: bool | None) -> None:
        self.br: Any = None
        if use_bioregistry is not False:
            try:
                import bioregistry
            except ImportError:
                if use_bioregistry:
                    from metagraph.errors import MetagraphError

                    raise MetagraphError(
                        "the bioregistry package is not installed; pip install 'exercise-metagraph[ids]'"
                    ) from None
            else:
                self.br = bioregistry
        if self.br is not None:
            from importlib.metadata import PackageNotFoundError, version

            try:
                self.label = f"the Bioregistry (bioregistry {version('bioregistry')})"
            except PackageNotFoundError:
                self.label = "the Bioregistry"
        else:
            self.label = (
                f"a built-in table of {len(BUILTIN_PREFIXES)} prefixes (the bioregistry package is not "
                "installed: pip install 'exercise-metagraph[ids]' to check every prefix)"
            )
        self._by_fold = {house.casefold(): key for key, (house, _) in BUILTIN_PREFIXES.items()}
        self._cache: dict[str, tuple[str | None, str | None, str | None, bool]] = {}

    def lookup(self, prefix: str) -> tuple[str | None, str | None, str | None, bool]:
        """(canonical prefix, house spelling, pattern, deprecated) of a prefix; canonical None when unknown."""
        if prefix not in self._cache:
            self._cache[prefix] = self._lookup(prefix)
        return self._cache[prefix]

    def _lookup(self, prefix: str) -> tuple[str | None, str | None, str | None, bool]:
        if self.br is not None:
            norm = self.br.normalize_prefix(prefix)
            if norm is None:
                return None, None, None, False
            house = BUILTIN_PREFIXES[norm][0] if norm in BUILTIN_PREFIXES else self.br.get_preferred_prefix(norm)
            return norm, house, self.br.get_pattern(norm), bool(self.br.is_deprecated(norm))
        norm = self._by_fold.get(prefix.casefold())
        if norm is None:
            return None, None, None, False
        house, pattern = BUILTIN_PREFIXES[norm]
        return norm, house, pattern, False

    def example(self, norm: str) -> str | None:
        if self.br is not None:
            example: str | None = self.br.get_example(norm)
            return example
        return None


def _hazard_index() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    table = known_hazards()
    withdrawn = {h["curie"].casefold(): h for h in table.get("withdrawn", [])}
    look_alikes = {h["curie"].casefold(): h for h in table.get("look_alikes", [])}
    return withdrawn, look_alikes, list(table.get("complexes", []))


def _check_syntax(reg: _Registry, node: str, curie: str, issues: list[IdentifierIssue]) -> None:
    prefix, _, local = curie.partition(":")
    norm, house, pattern, deprecated = reg.lookup(prefix)
    if norm is None:
        if reg.br is not None:
            issues.append(
                IdentifierIssue(
                    "error",
                    node,
                    curie,
                    "unknown_prefix",
                    f"the prefix {prefix!r} is not in the Bioregistry",
                    "check the spelling (e.g. HGNC, UniProt, MESH, GO, CHEBI, UBERON)",
                )
            )
        else:
            issues.append(
                IdentifierIssue(
                    "warning",
                    node,
                    curie,
                    "unknown_prefix",
                    f"the prefix {prefix!r} is not in the built-in table",
                    "install bioregistry to check it",
                )
            )
        return
    if deprecated:
        issues.append(
            IdentifierIssue(
                "warning",
                node,
                curie,
                "deprecated_prefix",
                f"the Bioregistry marks the prefix {prefix!r} as deprecated",
                "use the namespace that replaced it",
            )
        )
    if pattern and not re.match(pattern, local):
        example = reg.example(norm)
        hint = f"{house or prefix} ids match {pattern}" + (f", e.g. {house or prefix}:{example}" if example else "")
        issues.append(
            IdentifierIssue(
                "error", node, curie, "bad_local_id", f"{local!r} is not a valid {house or prefix} id", hint
            )
        )
    if house and prefix != house:
        issues.append(
            IdentifierIssue(
                "warning",
                node,
                curie,
                "prefix_style",
                f"the prefix is written {prefix!r}",
                f"write {house}:{local} (the spelling this project uses)",
            )
        )


def check_identifiers(graph: MetaGraph, *, use_bioregistry: bool | None = None) -> IdentifierReport:
    """Check every identifier (CURIE) of ``graph``; return the report.

    Prefixes and local-id syntax are checked against the Bioregistry (when the
    ``bioregistry`` package is installed, else a built-in table); withdrawn and
    look-alike records the project knows, complexes grounded to one subunit, and
    nodes without any identifier are reported. The module docstring gives the rules.

    Parameters
    ----------
    graph
        The graph to check.
    use_bioregistry
        ``None`` (default): the Bioregistry when installed, else the built-in table;
        ``True``: require it; ``False``: use the built-in table.

    Returns
    -------
    IdentifierReport
        Every issue, errors first; ``report.ok`` is true when none is an error.

    Raises
    ------
    MetagraphError
        ``use_bioregistry=True`` and the ``bioregistry`` package is not installed.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> kg = MetaGraph([Node(id="glut4", name="GLUT4", kind="signal", xrefs=["HGNC:4357", "UniProt:P14672"]),
    ...                 Node(id="atp_depletion", name="ATP depletion", kind="signal")])
    >>> report = check_identifiers(kg, use_bioregistry=False)
    >>> report.ok, [(i.level, i.code, i.curie) for i in report.issues]
    (False, [('error', 'withdrawn', 'HGNC:4357'), ('info', 'no_identifier', None)])
    >>> import metagraph
    >>> metagraph.load().check_identifiers().ok
    True
    """
    reg = _Registry(use_bioregistry)
    withdrawn, look_alikes, complexes = _hazard_index()
    issues: list[IdentifierIssue] = []
    owners: dict[str, list[str]] = {}
    n_curies = 0
    for node in graph.nodes():
        names = {normalize_name(n) for n in (node.name, *node.synonyms)}
        for curie in (*node.xrefs, *node.members):
            n_curies += 1
            _check_syntax(reg, node.id, curie, issues)
            hit = withdrawn.get(curie.casefold())
            if hit:
                issues.append(
                    IdentifierIssue(
                        "error",
                        node.id,
                        curie,
                        "withdrawn",
                        f"withdrawn record {hit['label']!r}: {hit['note']}",
                        f"use {hit['replaced_by']}",
                    )
                )
            hit = look_alikes.get(curie.casefold())
            if hit and normalize_name(hit["label"]) not in names:
                issues.append(
                    IdentifierIssue(
                        "error",
                        node.id,
                        curie,
                        "look_alike",
                        f"this is {hit['label']!r}, not {node.name!r}: {hit['note']}",
                        f"use {hit['use_instead']}",
                    )
                )
        for curie in node.xrefs:
            owners.setdefault(curie.casefold(), []).append(node.id)
        for cx in complexes:
            if not names & {normalize_name(n) for n in cx["names"]}:
                continue
            subunits = {k.casefold(): (k, v) for k, v in cx["subunits"].items()}
            used = [x for x in node.xrefs if x.casefold() in subunits]
            if not used:
                continue
            has_identity = any(x.casefold() in {i.casefold() for i in cx["identity"]} for x in node.xrefs)
            for x in used:
                what = subunits[x.casefold()][1]
                if has_identity:
                    issues.append(
                        IdentifierIssue(
                            "warning",
                            node.id,
                            x,
                            "complex_subunit",
                            f"{x} is one subunit of {cx['name']} ({what}), not the complex",
                            "move it from xrefs to members",
                        )
                    )
                else:
                    issues.append(
                        IdentifierIssue(
                            "error",
                            node.id,
                            x,
                            "complex_subunit",
                            f"{cx['name']} is a complex; {x} is one subunit ({what}): {cx['note']}",
                            f"use {' or '.join(cx['identity'])} as its identifier and list subunits under members",
                        )
                    )
        if not node.xrefs:
            issues.append(
                IdentifierIssue(
                    "info",
                    node.id,
                    None,
                    "no_identifier",
                    "the node has no identifier",
                    "add one in xrefs if a standard record exists",
                )
            )
    for curie_key, ids in owners.items():
        if len(ids) > 1:
            curie = next(x for x in graph.node(ids[0]).xrefs if x.casefold() == curie_key)
            issues.append(
                IdentifierIssue(
                    "info",
                    ids[0],
                    curie,
                    "shared",
                    f"also an identifier of {', '.join(ids[1:])}",
                    "fine for a precursor and its product; a merge cannot tell them apart by this identifier",
                )
            )
    issues.sort(key=lambda i: _LEVELS.index(i.level))
    return IdentifierReport(issues, len(graph), n_curies, reg.label)


def report_identifiers(graph: MetaGraph, *, as_json: bool = False) -> int:
    """Print the identifier report of ``graph``; return 1 if it has an error, else 0.

    Examples
    --------
    >>> from metagraph import MetaGraph, Node
    >>> report_identifiers(MetaGraph([Node(id="hiit", name="HIIT", kind="exercise",
    ...                                    xrefs=["MESH:D000072696"])]))  # doctest: +ELLIPSIS
    1 identifiers of 1 nodes checked against ...: no issues
    0
    """
    report = check_identifiers(graph)
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report)
    return 0 if report.ok else 1
