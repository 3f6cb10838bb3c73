"""A :class:`Chain`: a cause-to-effect path through the graph, readable and cited."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metagraph._nx import successors
from metagraph.errors import MetagraphError
from metagraph.queries._paths import EdgeTriple
from metagraph.queries.tables import html_table, require_pandas
from metagraph.schema import Predicate, Stance, spec

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Edge, Evidence, Node, Reference

__all__ = [
    "Chain",
    "evidence_note",
    "group_members",
    "groups_of",
    "in_sentence",
    "joint_name",
    "node_name",
    "reference_label",
    "stance_counts",
    "step_label",
]


def node_name(kg: MetaGraph, node_id: str) -> str:
    """Return a node's display name, or its id when the graph does not show it.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> node_name(sample_graph(), "pgc1a"), node_name(sample_graph().without("liver"), "liver")
    ('PGC-1α', 'liver')
    """
    # From the attributes: a name is all a printed chain needs of a node, no model.
    attrs = kg.nx.nodes.get(node_id)
    if attrs is not None:
        return str(attrs.get("name", node_id))
    try:
        return str(kg.nx.nodes[kg.resolve(node_id)]["name"])
    except (MetagraphError, KeyError):
        return node_id


def in_sentence(name: str) -> str:
    """Return a name as it reads inside a sentence: "Visceral fat" → "visceral fat", "GLUT4" unchanged.

    Examples
    --------
    >>> in_sentence("Insulin sensitivity"), in_sentence("PGC-1α"), in_sentence("IL-6")
    ('insulin sensitivity', 'PGC-1α', 'IL-6')
    """
    return name[0].lower() + name[1:] if len(name) > 1 and name[1:] == name[1:].lower() else name


def reference_label(references: Mapping[str, Reference], key: str) -> str:
    """Return a short label for a cited reference: authors and year, or a shortened title.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> refs = sample_graph().references
    >>> reference_label(refs, "shen2024"), reference_label(refs, "seed_article")
    ('Shen J et al. 2024', 'Targeted exercise protocols…')
    """
    ref = references.get(key)
    if ref is None:
        return key
    if ref.authors:
        return ref.short
    # A title the curators supplied is in square brackets: the label keeps them balanced.
    title = ref.title
    supplied = title.startswith("[") and title.endswith("]")
    words = (title[1:-1] if supplied else title).split()
    label = " ".join(words[:3]) + ("…" if len(words) > 3 else "")
    return f"[{label}]" if supplied else label


def group_members(kg: MetaGraph, node_id: str) -> list[str]:
    """Return the members of a group node (the sources of its incoming ``member_of`` edges); [] for a non-group.

    A node is a group, whose effects are joint claims, exactly when it has members.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> group_members(sample_graph(), "ampk")
    []
    """
    member = Predicate.MEMBER_OF.value
    return [u for u, keyed in kg.nx.pred[node_id].items() if any(a["predicate"] == member for a in keyed.values())]


def groups_of(kg: MetaGraph, node_id: str) -> list[str]:
    """Return the groups a node is a member of (targets of its ``member_of`` edges)."""
    member = Predicate.MEMBER_OF.value
    return [v for v, keyed in kg.nx.succ[node_id].items() if any(a["predicate"] == member for a in keyed.values())]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def joint_name(kg: MetaGraph, group: str, references: list[str] | None = None) -> str:
    """Return how a joint claim's subject reads: "Irisin, FGF21 and IL-6 (jointly, per <source>)".

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> joint_name(sample_graph(), "ampk")  # not a group: its own name
    'AMPK'
    """
    members = group_members(kg, group)
    if not members:
        return node_name(kg, group)
    text = _and([node_name(kg, m) for m in members]) + " (jointly"
    if references:
        text += ", per " + "; ".join(reference_label(kg.references, k) for k in references)
    return text + ")"


def stance_counts(edge: Edge) -> tuple[int, int]:
    """Return (items for, items against) the edge's claim."""
    against = sum(1 for ev in edge.evidence if ev.stance is Stance.CONTRADICTS)
    return len(edge.evidence) - against, against


def evidence_note(ev: Evidence) -> str:
    """Return what a reader should know about one evidence item: hedging, type, species, system, stance.

    Examples
    --------
    >>> from metagraph.models import Evidence
    >>> evidence_note(Evidence(reference="r", type="experimental", finding="f", species="mouse", system="in_vivo",
    ...                        hedged=True, stance="contradicts"))
    'against; hedged; experimental, mouse, in vivo'
    >>> evidence_note(Evidence(reference="r", quote="q"))
    'author statement'
    """
    parts = []
    if ev.stance is Stance.CONTRADICTS:
        parts.append("against")
    if ev.hedged:
        parts.append("hedged")
    kind = [ev.type.value.replace("_", " ")]
    kind += [x.value.replace("_", " ") for x in (ev.species, ev.system) if x is not None]
    parts.append(", ".join(kind))
    return "; ".join(parts)


def _tentative(label: str) -> str:
    # "increases" -> "may increase", "is part of" -> "may be part of"
    head, _, rest = label.partition(" ")
    head = "be" if head == "is" else head[:-1] if head.endswith("s") else head
    return " ".join(x for x in ("may", head, rest) if x)


def step_label(kg: MetaGraph, edge: Edge) -> str:
    """Return the words between two names for one edge: predicate label, place, hedging.

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> step_label(kg, kg.edges("il6", "hepatic_glucose_production")[0])
    'may decrease (in Liver)'
    >>> from metagraph.models import Edge
    >>> step_label(kg, Edge(source="il6", target="inflammation", predicate="increases", negated=True,
    ...                     evidence=[{"reference": "r", "quote": "q"}, {"reference": "r", "quote": "p",
    ...                                "stance": "contradicts"}]))
    'does not increase [contested: 1 for, 1 against]'
    """
    stances = [ev.stance.value for ev in edge.evidence]
    return _step_words(kg, edge.predicate, edge.negated, edge.hedged, stances, edge.location)


def _step_words(
    kg: MetaGraph, predicate: str, negated: bool, hedged: bool, stances: Sequence[str], location: str | None
) -> str:
    """:func:`step_label` from an edge's fields, so that a chain prints from the graph's attributes alone."""
    label = spec(predicate).label
    if negated:
        head, _, rest = label.partition(" ")
        label = f"is not {rest}" if head == "is" else f"does not {_tentative(label).removeprefix('may ')}"
    elif hedged:
        label = _tentative(label)
    against = sum(1 for stance in stances if stance == Stance.CONTRADICTS.value)
    if against:
        label += f" [contested: {len(stances) - against} for, {against} against]"
    if location:
        label += f" (in {node_name(kg, location)})"
    return label


class Chain:
    """A chain of edges from a cause to an effect: ``HIIT —increases→ ROS —activates→ AMPK``.

    Chains come from :meth:`MetaGraph.trace <metagraph.MetaGraph.trace>` and
    :meth:`MetaGraph.match <metagraph.MetaGraph.match>`. Two chains are equal when
    they use the same edges.

    Attributes
    ----------
    nodes : list of Node
        The nodes, from cause to effect.
    edges : list of Edge
        The edges between them (``len(nodes) - 1`` of them).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> chain = sample_graph().trace("HIIT", "mitochondrial biogenesis")[1]
    >>> print(chain)
    HIIT —increases→ ROS —activates→ AMPK ...
    >>> chain.sign, chain.effect, chain.hops
    (1, 'increases', 4)
    """

    def __init__(self, kg: MetaGraph, triples: Sequence[EdgeTriple]) -> None:
        if not triples:
            raise MetagraphError("a chain needs at least one edge")
        self._kg = kg
        self.triples: tuple[EdgeTriple, ...] = tuple(triples)

    # The models are made from the graph's records on first use: a query may find thousands
    # of chains (reversal, for every disturbed node) of which a reader looks at a few.
    @cached_property
    def edges(self) -> list[Edge]:
        """The edges, from cause to effect."""
        kg = self._kg
        return [kg.edge_model(u, v, k) for u, v, k in self.triples]

    @cached_property
    def nodes(self) -> list[Node]:
        """The nodes, from cause to effect (one more than the edges)."""
        kg = self._kg
        return [kg.node(self.triples[0][0]), *(kg.node(v) for _, v, _ in self.triples)]

    # -- what it says ---------------------------------------------------------------
    @property
    def source(self) -> Node:
        """The first node (the cause)."""
        return self.nodes[0]

    @property
    def target(self) -> Node:
        """The last node (the effect)."""
        return self.nodes[-1]

    @property
    def hops(self) -> int:
        """The number of edges."""
        return len(self.triples)

    @property
    def sign(self) -> int:
        """+1 when the chain raises its target, -1 when it lowers it.

        The product of the edge signs; a structural edge that carries the effect on
        (an organ secreting a myokine, a precursor cleaved into it) counts as +1.
        """
        # From the edges' attributes (the sign their predicate gives), so that no model is made.
        succ = successors(self._kg.nx)
        sign = 1
        for u, v, k in self.triples:
            if succ[u][v][k]["sign"] < 0:
                sign = -sign
        return sign

    @property
    def effect(self) -> str:
        """``"increases"`` or ``"decreases"``: what the cause does to the effect along this chain."""
        return "increases" if self.sign > 0 else "decreases"

    @property
    def evidence_count(self) -> int:
        """How many evidence items support the chain, over all its edges."""
        succ = successors(self._kg.nx)
        return sum(len(succ[u][v][k]["evidence"]) for u, v, k in self.triples)

    @property
    def references(self) -> list[str]:
        """The reference keys cited by the chain's edges, in order of first citation."""
        return list(dict.fromkeys(k for e in self.edges for k in e.references))

    @property
    def weakest_link(self) -> Edge:
        """The edge with the fewest evidence items (the first such edge on ties)."""
        return min(self.edges, key=lambda e: len(e.evidence))

    # -- equality ------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chain) and other.triples == self.triples

    def __hash__(self) -> int:
        return hash(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    # -- text ----------------------------------------------------------------------
    def __str__(self) -> str:
        # From the graph's attributes: printing a list of chains makes no model.
        kg = self._kg
        succ = successors(kg.nx)
        parts = [node_name(kg, self.triples[0][0])]
        for u, v, k in self.triples:
            a = succ[u][v][k]
            stances = [ev["stance"] for ev in a["evidence"]]
            words = _step_words(kg, a["predicate"], a["negated"], a["hedged"], stances, a["location"])
            parts.append(f"—{words}→ {node_name(kg, v)}")
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"<Chain {self.sign:+d}: {self}>"

    def _numbering(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.references, start=1)}

    def _refs(self) -> Mapping[str, Reference]:
        return self._kg.references

    def explain(self) -> str:
        """Return a short plain-English account of the chain, with its quotes and numbered citations.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> text = sample_graph().trace("HIIT", "insulin resistance")[0].explain()
        >>> print(text.splitlines()[0])
        HIIT increases insulin sensitivity [1], which decreases insulin resistance [1][2].
        >>> "References" in text and "doi:" in text
        True
        """
        numbers = self._numbering()
        refs = self._refs()

        def cites(edge: Edge) -> str:
            return "".join(f"[{numbers[k]}]" for k in edge.references)

        clauses = []
        for i, (edge, node) in enumerate(zip(self.edges, self.nodes[1:], strict=True)):
            lead = self.nodes[0].name if i == 0 else "which"
            clause = f"{lead} {step_label(self._kg, edge)} {in_sentence(node.name)} {cites(edge)}"
            if edge.predicate is Predicate.MEMBER_OF:
                # the group's effects are claimed for the members together, not for this one alone
                members = [node_name(self._kg, m) for m in group_members(self._kg, node.id)]
                clause += f" (a joint claim: the source credits {_and(members)} together)"
            clauses.append(clause)
        more, less = ("more", "more") if self.sign > 0 else ("more", "less")
        lines = [
            ", ".join(clauses) + ".",
            f"Overall, {more} {in_sentence(self.source.name)} means {less} {in_sentence(self.target.name)} "
            f"({self.hops} step{'s' if self.hops != 1 else ''}, "
            f"{self.evidence_count} evidence item{'s' if self.evidence_count != 1 else ''}).",
            "",
            "Evidence:",
        ]
        for edge, a, b in zip(self.edges, self.nodes[:-1], self.nodes[1:], strict=True):
            flags = [
                x for x in ("summary" if edge.summary else "", edge.timescale.value if edge.timescale else "") if x
            ]
            if edge.contested:
                yes, no = stance_counts(edge)
                flags.append(f"contested: {yes} for, {no} against")
            head = f"  {a.name} → {b.name}" + (f" ({'; '.join(flags)})" if flags else "") + ":"
            lines.append(head)
            for ev in edge.evidence:
                lines.append(f"    {ev.text} [{numbers[ev.reference]}] ({evidence_note(ev)})")
        lines += ["", "References:"]
        for key, n in numbers.items():
            ref = refs.get(key)
            lines.append(f"  [{n}] {ref.citation() if ref is not None else key}")
        return "\n".join(lines)

    # -- data ----------------------------------------------------------------------
    def steps(self) -> list[dict[str, Any]]:
        """Return one record per edge: source, predicate, target, sign, place, quotes, references.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> sample_graph().trace("IL-6", "glucose uptake")[0].steps()[0]["location"]
        'adipose_tissue'
        """
        out = []
        for i, (edge, a, b) in enumerate(zip(self.edges, self.nodes[:-1], self.nodes[1:], strict=True), start=1):
            out.append(
                {
                    "step": i,
                    "source": a.id,
                    "source_name": a.name,
                    "predicate": edge.predicate.value,
                    "label": step_label(self._kg, edge),
                    "target": b.id,
                    "target_name": b.name,
                    "sign": edge.sign,
                    "location": edge.location,
                    "hedged": edge.hedged,
                    "contested": edge.contested,
                    "summary": edge.summary,
                    "timescale": edge.timescale.value if edge.timescale else None,
                    "evidence_types": sorted({ev.type.value for ev in edge.evidence}),
                    "species": [sp.value for sp in edge.species],
                    "quotes": [ev.text for ev in edge.evidence],
                    "references": edge.references,
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the chain as JSON-ready data.

        Examples
        --------
        >>> from metagraph.examples import sample_graph
        >>> d = sample_graph().trace("HIIT", "insulin resistance")[0].to_dict()
        >>> d["effect"], d["nodes"][0]["id"], d["hops"]
        ('decreases', 'hiit', 2)
        """
        refs = self._refs()
        return {
            "text": str(self),
            "source": self.source.id,
            "target": self.target.id,
            "hops": self.hops,
            "sign": self.sign,
            "effect": self.effect,
            "evidence_count": self.evidence_count,
            "nodes": [{"id": n.id, "name": n.name, "kind": n.kind.value} for n in self.nodes],
            "edges": [
                {**e.model_dump(mode="json", exclude_none=True), "key": e.key, "sign": e.sign} for e in self.edges
            ],
            "references": [
                {
                    "key": k,
                    "citation": refs[k].citation() if k in refs else k,
                    "doi": refs[k].doi if k in refs else None,
                }
                for k in self.references
            ],
        }

    def to_frame(self) -> Any:
        """Return one row per step as a ``pandas.DataFrame`` (needs pandas)."""
        pd = require_pandas("Chain.to_frame()")
        rows = [
            {
                **s,
                "quotes": " | ".join(s["quotes"]),
                "references": "; ".join(s["references"]),
                "evidence_types": "; ".join(s["evidence_types"]),
                "species": "; ".join(s["species"]),
            }
            for s in self.steps()
        ]
        return pd.DataFrame(rows).set_index("step")

    def to_html(self, path: str | os.PathLike[str], *, context_hops: int = 1, title: str | None = None) -> Path:
        """Write the chain as an offline interactive diagram, highlighted over its neighbourhood.

        Examples
        --------
        >>> import metagraph, tempfile, pathlib
        >>> chain = metagraph.load().trace("HIIT", "insulin sensitivity")[0]
        >>> chain.to_html(pathlib.Path(tempfile.mkdtemp()) / "chain.html").suffix
        '.html'
        """
        from metagraph.render.chains import chain_to_html

        return chain_to_html(self, path, graph=self._kg, context_hops=context_hops, title=title)

    def show(self, *, context_hops: int = 1, height: int = 480) -> Any:
        """Return the chain's diagram for inline display in a notebook (an ``<iframe srcdoc>``)."""
        from metagraph.render.chains import chain_diagram

        return chain_diagram(self, graph=self._kg, context_hops=context_hops, height=height)

    def to_mermaid(self, *, context_hops: int = 0) -> str:
        """Return the chain as a Mermaid flowchart (activation ``-->``, inhibition ``--x``).

        Examples
        --------
        >>> import metagraph
        >>> print(metagraph.load().trace("HIIT", "insulin sensitivity")[0].to_mermaid().splitlines()[0])
        flowchart LR
        """
        from metagraph.render.chains import chain_to_mermaid

        return chain_to_mermaid(self, graph=self._kg, context_hops=context_hops)

    def to_dot(self, *, context_hops: int = 0) -> str:
        """Return the chain as a Graphviz DOT digraph (inhibition drawn with ``arrowhead=tee``)."""
        from metagraph.render.chains import chain_to_dot

        return chain_to_dot(self, graph=self._kg, context_hops=context_hops)

    def _repr_html_(self) -> str:
        numbers = self._numbering()
        refs = self._refs()
        line = [f"<b>{html.escape(self.nodes[0].name)}</b>"]
        for edge, node in zip(self.edges, self.nodes[1:], strict=True):
            line.append(f" —{html.escape(step_label(self._kg, edge))}→ <b>{html.escape(node.name)}</b>")
        rows = []
        for s, edge in zip(self.steps(), self.edges, strict=True):
            quotes = " / ".join(f"{ev.text} ({evidence_note(ev)})" for ev in edge.evidence)
            rows.append(
                [
                    s["step"],
                    s["source_name"],
                    s["label"],
                    s["target_name"],
                    quotes,
                    " ".join(f"[{numbers[k]}]" for k in edge.references),
                ]
            )
        cited = "".join(
            f"<li>[{n}] {html.escape(refs[k].citation() if k in refs else k)}</li>" for k, n in numbers.items()
        )
        return (
            f'<div class="metagraph-chain"><p>{"".join(line)} '
            f"<i>({html.escape(self.effect)}, {self.hops} steps)</i></p>"
            + html_table(["#", "from", "relation", "to", "evidence", "cited"], rows)
            + f'<ul style="list-style:none;padding-left:0">{cited}</ul></div>'
        )
