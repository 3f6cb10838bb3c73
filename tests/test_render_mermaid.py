"""Mermaid flowcharts: structure, arrow semantics and escaping (rendering is in test_render_browser)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from metagraph import Edge, MetaGraph, Node, RenderError
from metagraph.examples import HOSTILE_NAME, chain_along, hostile_graph
from metagraph.render.mermaid import MAX_MERMAID_EDGES, escape_mermaid, mermaid_id, to_mermaid
from tests.strategies import graph_records

NODE_LINE = re.compile(
    r'^  (n_\w+)(\{\{|\[\(|\(\[|\(\(|\[\[|\[/|\[|\{|>)"([^"]*)"'
    r"(\}\}|\)\]|\]\)|\)\)|\]\]|/\]|\]|\})$"
)
EDGE_LINE = re.compile(r'^  (n_\w+) (-->|--x|-\.->|--o|-\.-)\|"([^"]*)"\| (n_\w+)$')


def parse(text: str) -> tuple[dict[str, str], list[tuple[str, str, str, str]], list[str]]:
    nodes, edges, rest = {}, [], []
    for line in text.splitlines():
        if m := NODE_LINE.match(line):
            nodes[m.group(1)] = m.group(3)
        elif m := EDGE_LINE.match(line):
            edges.append((m.group(1), m.group(2), m.group(3), m.group(4)))
        else:
            rest.append(line)
    return nodes, edges, rest


def test_flowchart_has_every_node_and_edge(pathway: MetaGraph) -> None:
    nodes, edges, rest = parse(pathway.to_mermaid(layout="kinds"))  # the old layout, kept as an option
    assert rest[0] == "flowchart LR"
    assert set(nodes) == {mermaid_id(n) for n in pathway.nx.nodes}
    assert len(edges) == 25
    assert all(line.startswith(("  classDef ", "  class ", "  linkStyle ")) for line in rest[1:])


def test_arrow_semantics_follow_the_sign(pathway: MetaGraph) -> None:
    text = pathway.to_mermaid(layout="kinds")
    _, edges, rest = parse(text)
    ops = {(s, t, label): op for s, op, label, t in edges}
    assert ops[("n_ampk", "n_pgc1a", "activates")] == "-->"
    assert ops[("n_il6", "n_inflammation", "decreases")] == "--x"
    assert ops[("n_white_adipose_tissue", "n_adipose_tissue", "is part of")] == "-.->"
    inhibitory = [i for i, (_, op, _, _) in enumerate(edges) if op == "--x"]
    red = next(line for line in rest if line.startswith("  linkStyle") and "#c92a2a" in line)
    assert red.split()[1] == ",".join(map(str, inhibitory))


def test_one_class_per_kind(pathway: MetaGraph) -> None:
    text = pathway.to_mermaid(layout="kinds")
    assert len(re.findall(r"^  classDef k_\w+ fill:#", text, flags=re.M)) == 9
    assert "  class n_il6,n_myonectin,n_irisin k_myokine" in text


def test_labels_and_ids_are_escaped() -> None:
    text = hostile_graph().to_mermaid(layout="kinds")
    assert hostile_graph().to_mermaid().count("#60;img") == text.count("#60;img")  # compartments escape the same
    nodes, edges, _ = parse(text)
    assert HOSTILE_NAME not in text and "<" not in text.replace("--x", "") and "#60;img" in text
    assert nodes["n_end"] == "end #34;node#34; #35;1#59; #60;b#62;bold#60;/b#62;"
    assert nodes["n_o2"] == "o2 -- x --#62; #40;paren#41; #123;brace#125; #124;pipe#124;"
    assert len(edges) == 2  # the keyword-like id "end" and the link-like "o2" still parse as nodes


def test_escape_and_ids() -> None:
    assert escape_mermaid("a\nb  c") == "a b c"
    assert escape_mermaid("#;") == "#35;#59;"
    assert mermaid_id("a-b.c") == "n_a_b_c"


def test_highlight_dims_the_rest(pathway: MetaGraph) -> None:
    c = chain_along(pathway, "hiit", "atp_depletion", "ampk")
    text = pathway.to_mermaid(highlight=c)
    assert "classDef dim " in text
    dim = next(line for line in text.splitlines() if line.startswith("  class ") and line.endswith(" dim"))
    assert "n_ampk" not in dim and "n_irisin" in dim
    assert re.search(r"linkStyle \d+,\d+ stroke:#2b8a3e,stroke-width:4px", text)


def test_focus_and_title(pathway: MetaGraph) -> None:
    text = pathway.to_mermaid(focus="irisin", hops=1, title='Irisin "hub"', layout="kinds")
    nodes, edges, _ = parse(text)
    assert set(nodes) == {"n_irisin", "n_fndc5", "n_skeletal_muscle", "n_adipose_tissue", "n_browning_of_white_fat"}
    assert text.startswith('---\ntitle: "Irisin \\"hub\\""\n---\nflowchart LR\n')
    assert len(edges) == 4


def test_edge_cases(pathway: MetaGraph) -> None:
    assert to_mermaid(MetaGraph()) == "flowchart LR\n"
    with pytest.raises(RenderError, match="not in this graph"):
        pathway.to_mermaid(highlight=chain_along(hostile_graph(), "evil", "end"))


def test_too_many_edges_is_a_clear_error() -> None:
    ev = [{"reference": "r", "quote": "q"}]
    nodes = [Node(id=f"s{i}", name=f"S{i}", kind="signal") for i in range(MAX_MERMAID_EDGES + 2)]
    edges = [
        Edge(source=f"s{i}", target=f"s{i + 1}", predicate="activates", evidence=ev)
        for i in range(MAX_MERMAID_EDGES + 1)
    ]
    with pytest.raises(RenderError, match="more than Mermaid draws"):
        to_mermaid(MetaGraph(nodes, edges, validate=False))


@settings(max_examples=30)  # drawing random graphs is slow; the rules are simple
@given(graph_records())
def test_any_graph_gives_parseable_lines(records: tuple) -> None:
    nodes, edges, refs = records
    kg = MetaGraph(nodes, edges, refs)
    parsed_nodes, parsed_edges, rest = parse(to_mermaid(kg, layout="kinds"))
    assert len(parsed_nodes) == len(nodes) and len(parsed_edges) == len(edges)
    # The compartments (the default): a node is a node or its region; every label is escaped.
    text = to_mermaid(kg)
    flat = "\n".join("  " + line.strip() for line in text.splitlines())
    region_nodes, region_edges, _ = parse(flat.replace("  r_", "  n_r_").replace("| r_", "| n_r_"))
    places = {n.id for n in nodes if n.kind.value in ("organ", "cell")}
    assert len(region_nodes) == len(nodes) - len(places)
    assert len(region_edges) <= len(edges)
    for label in [*region_nodes.values(), *(e[2] for e in region_edges)]:
        assert not set(label) & set('"<>[](){}|`\n')
    assert rest[0] == "flowchart LR"
    for label in [*parsed_nodes.values(), *(e[2] for e in parsed_edges)]:
        assert not set(label) & set('"<>[](){}|`\n')
