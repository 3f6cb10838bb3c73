"""Commands about the graph itself: ``node`` and ``validate``."""

from __future__ import annotations

import argparse
from typing import Any

from metagraph.cli.output import at_least, format_table, load_graph, print_json

EXAMPLES = [
    ("node", 'metagraph node "PGC-1alpha"        (or: metagraph node --list --kind myokine)'),
    ("validate", "metagraph validate my_data/       (add --bundled to check it on top of the bundled graph)"),
]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``node`` and ``validate`` commands."""
    from metagraph.schema import KIND_ORDER

    p = sub.add_parser(
        "node",
        parents=[common],
        help="everything the graph knows about one node",
        description="Show a node's kind, identifiers, synonyms, description and its edges in "
        "and out with citations. Example: metagraph node AMPK",
    )
    p.add_argument("name", nargs="?", help="id, name or synonym of the node")
    p.add_argument("--list", action="store_true", help="list the nodes instead")
    p.add_argument(
        "--kind",
        choices=[k.value for k in KIND_ORDER],
        metavar="KIND",
        help="with --list: only nodes of this kind: " + ", ".join(k.value for k in KIND_ORDER),
    )
    p.set_defaults(handler=_node)

    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check data files and print every problem",
        description="Load data files, print every problem with its file and line, and exit 1 "
        "if there is any. Example: metagraph validate my_data/",
    )
    p.add_argument("paths", nargs="*", help="files or folders (default: the bundled graph)")
    p.add_argument(
        "--identifiers",
        action="store_true",
        help="also check every identifier (CURIE) against the Bioregistry and known look-alikes",
    )
    p.add_argument(
        "--max-problems",
        type=at_least(1),
        default=100,
        metavar="N",
        help="print at most N problems, and how many more there are (default 100)",
    )
    p.set_defaults(handler=_validate)


def _citations(kg: Any, edge: Any) -> str:
    return "; ".join(kg.references[k].short if k in kg.references else k for k in edge.references)


def _node(args: argparse.Namespace) -> int:
    from metagraph.errors import MetagraphError

    kg = load_graph(args)
    if args.list or not args.name:
        if not args.list:
            raise MetagraphError("name a node (e.g. `metagraph node AMPK`) or use --list")
        nodes = kg.nodes(kind=args.kind) if args.kind else kg.nodes()
        if args.json:
            print_json([n.model_dump(mode="json") for n in nodes])
        else:
            print(format_table([[n.id, n.name, n.kind.value] for n in nodes], ["id", "name", "kind"]))
        return 0
    node = kg.node(args.name)
    out_edges, in_edges = kg.edges(source=node.id), kg.edges(target=node.id)
    if args.json:
        print_json(
            {
                **node.model_dump(mode="json"),
                "out_edges": [e.model_dump(mode="json") for e in out_edges],
                "in_edges": [e.model_dump(mode="json") for e in in_edges],
            }
        )
        return 0
    lines = [f"{node.name}  ({node.kind.value}, id {node.id})"]
    if node.description:
        lines.append(f"  {node.description}")
    lines.append(f"  identifiers: {', '.join(node.xrefs) or '(none)'}")
    for match, curies in node.matches.items():
        if match != "exact" and curies:
            lines.append(f"  {match} matches: {', '.join(curies)}")
    if node.members:
        lines.append(f"  members:     {', '.join(node.members)}")
    lines.append(f"  synonyms:    {', '.join(node.synonyms) or '(none)'}")
    for title, edges, other in (("out", out_edges, "target"), ("in", in_edges, "source")):
        lines.append(f"\nedges {title} ({len(edges)}):")
        rows = []
        for e in edges:
            peer = kg.node(getattr(e, other)).name
            where = f" in {kg.node(e.location).name}" if e.location else ""
            label = ("NOT " if e.negated else "") + e.predicate.value + where
            if e.contested:
                against = sum(ev.stance.value == "contradicts" for ev in e.evidence)
                label += f" [contested: {len(e.evidence) - against} for, {against} against]"
            elif e.hedged:
                label += " (tentative)"
            rows.append([label, peer, _citations(kg, e)])
        if rows:
            lines.append(format_table(rows, ["predicate", other, "cited"]))
    print("\n".join(lines))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from metagraph.errors import describe_problems
    from metagraph.loader import bundled_data_path, validate_files

    paths = [*args.paths, *args.data]
    problems = validate_files(*paths, bundled=args.bundled)
    label = ", ".join(map(str, paths)) if paths else str(bundled_data_path())
    ident_code = 0
    if args.identifiers and not problems:
        from metagraph.interop.identifiers import report_identifiers

        graph = load_graph(argparse.Namespace(data=paths, bundled=args.bundled or not paths))
        ident_code = report_identifiers(graph, as_json=args.json)
    if args.json and not args.identifiers:
        print_json(
            {
                "valid": not problems,
                "problem_count": len(problems),
                "problems": [
                    {"file": p.file, "line": p.line, "where": p.where, "message": p.message, "hint": p.hint}
                    for p in problems[: args.max_problems]
                ],
            }
        )
    elif problems:
        print(describe_problems(problems, f"in {label}", shown=args.max_problems))
    elif not args.json:
        print(f"{label}: valid")
    return 1 if problems or ident_code else 0
