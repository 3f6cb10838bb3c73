"""The question commands: ``trace``, ``net-effect``, ``myokines``, ``upstream``, ``downstream``, ``match``, ``compare``.

Each handler loads the graph, asks it through the public query methods and prints
aligned text, or JSON with ``--json``. A user's mistake raises a
:class:`~metagraph.MetagraphError`, which :func:`metagraph.cli.main` turns into a
one-paragraph message and exit status 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from metagraph.cli.output import at_least, format_table, load_graph, print_json

EXAMPLES = [
    ("trace", 'metagraph trace HIIT "insulin sensitivity" --explain   (also --via, --avoid, --max-hops)'),
    ("net-effect", 'metagraph net-effect HIIT "insulin resistance"'),
    ("myokines", "metagraph myokines liver"),
    ("upstream", 'metagraph upstream "insulin sensitivity" --kind exercise'),
    ("downstream", "metagraph downstream AMPK --max-hops 2"),
    ("match", "metagraph match exercise signal signal myokine organ"),
    ("compare", 'metagraph compare HIIT "resistance training"   (default: the graded modalities)'),
]


_positive = at_least(1)


def _add_context_options(p: argparse.ArgumentParser) -> None:
    """The context filters every question command takes (metagraph.queries.context)."""
    g = p.add_argument_group("context", "ask the question of the part of the graph that holds in a context")
    g.add_argument("--timescale", metavar="T", help="acute or chronic: drop the edges that hold only in the other")
    g.add_argument("--modality", metavar="EXERCISE", help="drop the edges the source ties to another modality")
    g.add_argument(
        "--species", metavar="S", help="human, mouse, rat or other: only edges with an experimental finding in it"
    )
    g.add_argument(
        "--evidence",
        action="append",
        default=None,
        metavar="TYPE",
        help="only evidence of this type (repeatable): experimental, author_statement, "
        "traceable_author_statement, curator_inference",
    )
    g.add_argument(
        "--sources",
        action="append",
        default=None,
        metavar="KEY",
        help="only evidence from this reference key or layer (article, literature) (repeatable)",
    )


def _context(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "timescale": args.timescale,
        "modality": args.modality,
        "species": args.species,
        "evidence": args.evidence,
        "sources": args.sources,
    }


def _add_chain_options(p: argparse.ArgumentParser, *, limit: int) -> None:
    p.add_argument("source", help="the cause: id, name or synonym")
    p.add_argument("target", help="the effect: id, name or synonym")
    p.add_argument("--max-hops", type=_positive, default=6, metavar="N", help="longest chain in edges (default 6)")
    p.add_argument(
        "--limit", type=_positive, default=limit, metavar="N", help=f"how many chains at most (default {limit})"
    )
    p.add_argument(
        "--via", action="append", default=[], metavar="NODE", help="every chain passes through this node (repeatable)"
    )
    p.add_argument(
        "--avoid",
        action="append",
        default=[],
        metavar="NODE",
        help="no chain touches this node (repeatable), e.g. to ask what happens if it is blocked",
    )
    p.add_argument(
        "--predicate",
        action="append",
        default=None,
        metavar="P",
        dest="predicates",
        help="use only this predicate (repeatable), e.g. --predicate activates",
    )
    p.add_argument(
        "--order",
        default="mechanism",
        metavar="ORDER",
        help="mechanism (default: chains without summary edges, then fewer hedged or contested steps, then "
        "shorter, then better supported), shortest, or evidence (best-supported weakest link first)",
    )
    _add_context_options(p)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the question commands."""
    p = sub.add_parser(
        "trace",
        parents=[common],
        help="the cause-to-effect chains from one node to another",
        description="List the chains of effects from SOURCE to TARGET, mechanism first (see --order), "
        "each with its net effect. Example: metagraph trace HIIT "
        '"insulin sensitivity" --explain',
    )
    _add_chain_options(p, limit=10)
    p.add_argument(
        "--explain", action="store_true", help="explain each chain in plain English with its quotes and references"
    )
    p.set_defaults(handler=_trace)

    p = sub.add_parser(
        "net-effect",
        parents=[common],
        help="does SOURCE raise or lower TARGET?",
        description="Say whether SOURCE increases or decreases TARGET over all the chains "
        "between them, or that they disagree, with the weakest link of each side. "
        'Example: metagraph net-effect HIIT "insulin resistance"',
    )
    _add_chain_options(p, limit=50)
    p.set_defaults(handler=_net_effect)

    p = sub.add_parser(
        "myokines",
        parents=[common],
        help="the myokines that act on an organ, and how",
        description="List the myokines that act on ORGAN or on a part of it, with each effect, "
        "its sign, place and citations. Example: metagraph myokines liver",
    )
    p.add_argument("organ", help="an organ or cell type: id, name or synonym")
    _add_context_options(p)
    p.set_defaults(handler=_myokines)

    for name, verb in (("upstream", "can affect"), ("downstream", "is affected by")):
        p = sub.add_parser(
            name,
            parents=[common],
            help=f"everything that {verb} a node along chains of effects",
            description=f"List every node that {verb} NODE along chains of effects, nearest "
            f"first. Example: metagraph {name} AMPK --kind process",
        )
        p.add_argument("node", help="id, name or synonym")
        p.add_argument("--kind", help="only nodes of this kind (exercise, signal, myokine, organ, process, ...)")
        p.add_argument("--max-hops", type=_positive, default=None, metavar="N", help="only this close (edges)")
        _add_context_options(p)
        p.set_defaults(handler=_reach, reverse=name == "upstream")

    p = sub.add_parser(
        "match",
        parents=[common],
        help="chains whose nodes follow a sequence of kinds",
        description="List the chains whose nodes have the given kinds in turn (a metapath), "
        "best supported first. Example: metagraph match exercise signal signal myokine organ",
    )
    p.add_argument("kinds", nargs="+", metavar="KIND", help="two or more kinds")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="how many chains at most (default 20)")
    _add_context_options(p)
    p.set_defaults(handler=_match)

    p = sub.add_parser(
        "compare",
        parents=[common],
        help="compare exercise modalities outcome by outcome",
        description="Compare modalities outcome by outcome: effect, magnitude, mechanism, place "
        "and citations, from the graph's edges. Without modalities, the exercise nodes whose "
        "effects the source grades are compared. Example: metagraph compare HIIT "
        '"resistance training"',
    )
    p.add_argument("modalities", nargs="*", metavar="MODALITY", help="exercise modalities (the columns)")
    p.add_argument(
        "--outcome",
        action="append",
        default=None,
        metavar="NODE",
        dest="outcomes",
        help="compare on this outcome (repeatable; default: the outcomes the source grades)",
    )
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    _add_context_options(p)
    p.set_defaults(handler=_compare)


def _chain_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "max_hops": args.max_hops,
        "limit": args.limit,
        "via": args.via,
        "avoid": args.avoid,
        "predicates": args.predicates,
        "order": args.order,
        **_context(args),
    }


def _trace(args: argparse.Namespace) -> int:
    from metagraph.errors import NoPathError
    from metagraph.queries.trace import parse_order

    kg = load_graph(args)
    options = _chain_options(args)
    chains = kg.trace(args.source, args.target, **options)
    if not chains:
        raise NoPathError(chains.why)
    if args.json:
        print_json([c.to_dict() for c in chains])
        return 0
    from metagraph.queries.chains import node_name

    # Names from the graph's attributes: the table is printed without making a model.
    source, target = node_name(kg, chains[0].triples[0][0]), node_name(kg, chains[0].triples[-1][1])
    if args.explain:
        blocks = [f"{i}. {c}\n\n{c.explain()}" for i, c in enumerate(chains, start=1)]
        print(f"{len(chains)} chain{'s' if len(chains) != 1 else ''} from {source} to {target}:\n")
        print("\n\n".join(blocks))
        return 0
    rows = [[i, c.effect, c.hops, c.evidence_count, str(c)] for i, c in enumerate(chains, start=1)]
    print(
        f"{len(chains)} chain{'s' if len(chains) != 1 else ''} from {source} to {target} "
        f"({_ORDER_WORDS[parse_order(args.order)]}):"
    )
    print(format_table(rows, ["#", "effect", "hops", "evidence", "chain"]))
    return 0


_ORDER_WORDS = {
    "mechanism": "mechanism first: no summary step, then fewest hedged or contested steps, then shortest",
    "shortest": "shortest first, then best supported",
    "evidence": "best-supported weakest link first",
}


def _net_effect(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    result = kg.net_effect(args.source, args.target, **_chain_options(args))
    if args.json:
        print_json(result.to_dict())
    else:
        print(result)
    return 0


def _myokines(args: argparse.Namespace) -> int:
    kg = load_graph(args)
    table = kg.myokine_effects(args.organ, **_context(args))
    if args.json:
        print_json({**table.to_dict(), "organ": table.organ.id, "myokines": [m.id for m in table.myokines]})
    else:
        print(table)
    return 0


def _reach(args: argparse.Namespace) -> int:
    from metagraph.queries.reach import reach_distances

    kg = load_graph(args)
    found = reach_distances(
        kg, args.node, reverse=args.reverse, max_hops=args.max_hops, kind=args.kind, **_context(args)
    )
    node = kg.node(args.node)
    if args.json:
        print_json([{"id": n.id, "name": n.name, "kind": n.kind.value, "hops": d} for n, d in found])
        return 0
    where = "upstream of" if args.reverse else "downstream of"
    what = f"{args.kind} nodes" if args.kind else "nodes"
    if not found:
        print(f"no {what} {where} {node.name}" + (f" within {args.max_hops} hops" if args.max_hops else ""))
        return 0
    print(f"{len(found)} {what} {where} {node.name} (nearest first):")
    print(format_table([[d, n.name, n.kind.value, n.id] for n, d in found], ["hops", "name", "kind", "id"]))
    return 0


def _match(args: argparse.Namespace) -> int:
    from metagraph.errors import NoPathError
    from metagraph.queries.metapath import no_match_message

    kg = load_graph(args)
    chains = kg.match(*args.kinds, limit=args.limit, **_context(args))
    if not chains:
        raise NoPathError(no_match_message(kg, args.kinds))
    if args.json:
        print_json([c.to_dict() for c in chains])
        return 0
    print(
        f"{len(chains)} chain{'s' if len(chains) != 1 else ''} following {' → '.join(args.kinds)} "
        "(best supported first):"
    )
    print(
        format_table([[i, c.evidence_count, str(c)] for i, c in enumerate(chains, start=1)], ["#", "evidence", "chain"])
    )
    return 0


def _compare(args: argparse.Namespace) -> int:
    from metagraph.queries.compare import graded_modalities

    kg = load_graph(args)
    modalities = args.modalities or graded_modalities(kg)
    table = kg.compare(modalities, args.outcomes, **_context(args))
    if args.json:
        print_json(table.to_dict())
    elif args.markdown:
        print(table.to_markdown())
    else:
        print(table)
    return 0
