"""The interop commands: ``import-table`` (CSV/TSV edge list → data file) and ``export``."""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import Any

from metagraph.cli.output import load_graph, print_json

EXAMPLES = [
    (
        "import-table",
        "metagraph import-table my_edges.csv my_edges.yaml --bundled   "
        "(then: metagraph validate my_edges.yaml --bundled)",
    ),
    (
        "export",
        "metagraph export graphml graph.graphml   (json yaml graphml cytoscape csv kgx cypher kuzu turtle; "
        "cypher --dialect neo4j|falkordb|kuzu)",
    ),
]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``import-table`` and ``export`` commands."""
    from metagraph.interop.export import FORMATS
    from metagraph.interop.table import FIELD_COLUMNS

    p = sub.add_parser(
        "import-table",
        parents=[common],
        help="convert a CSV/TSV edge list into a data file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read a CSV/TSV edge list (one edge per row: source, target, and a predicate or a sign such as "
        "+1/-1 or activation/inhibition; optional PMID/DOI/reference, quote, source_kind/target_kind columns) and "
        "write it as a YAML data file, for `metagraph validate` and `--data`. Every bad row is reported with its "
        "line number and nothing is written. With --bundled (or --data), names the graph knows become its nodes, "
        "so the file merges into it.\n\nExample: metagraph import-table net.tsv net.yaml --bundled "
        "--mapping source=ENTITYA,target=ENTITYB,sign=EFFECT",
    )
    p.add_argument("input", help="the .csv or .tsv file")
    p.add_argument("output", help="the .yaml data file to write")
    p.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="FIELD=COLUMN[,FIELD=COLUMN...]",
        help="which column holds which field (repeatable); fields: " + ", ".join(FIELD_COLUMNS),
    )
    p.add_argument(
        "--default-kind",
        default="signal",
        metavar="KIND",
        help="kind of new nodes whose row gives none (default: signal)",
    )
    p.add_argument("--delimiter", help="column separator, when neither the file ending nor a guess finds it")
    p.add_argument(
        "--force", action="store_true", help="write OUTPUT even if it is the input or inside a --data folder"
    )
    p.add_argument(
        "--no-schema-comment",
        action="store_true",
        help="do not name the JSON Schema on the first line (it lets editors check the file)",
    )
    p.set_defaults(handler=_import_table)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write the graph in another format",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write the graph (the bundled one, or --data files) in a standard format. Files are written "
        "whole or not at all.\n\nformats:\n"
        + "\n".join(f"  {f.name:10} {f.description}" for f in FORMATS.values())
        + "\n\nExample: metagraph export kgx kgx_out/",
    )
    p.add_argument("format", choices=list(FORMATS), metavar="FORMAT", help="one of: " + ", ".join(FORMATS))
    p.add_argument("out", help="the file or folder to write")
    ids = p.add_mutually_exclusive_group()
    ids.add_argument(
        "--kgx-skip-unidentified",
        action="store_true",
        help="kgx: leave out the nodes without a Biolink-known identifier, and their edges (by default they "
        "are kept as metagraph:<id>, a prefix KGX validation reports)",
    )
    ids.add_argument(
        "--kgx-local-ids",
        action="store_true",
        help="kgx: keep nodes without a Biolink-known identifier as metagraph:<id> (the default)",
    )
    p.add_argument(
        "--dialect",
        choices=["neo4j", "falkordb", "kuzu"],
        help="cypher: the engine the script is for (default neo4j; falkordb; kuzu: DDL and batched CREATEs)",
    )
    p.add_argument(
        "--force", action="store_true", help="write OUT even if it is or lies inside a data file or folder read"
    )
    p.set_defaults(handler=_export)


def graph_inputs(args: argparse.Namespace) -> list[str]:
    """The files and folders the graph of a command is read from (``--data``, and the bundled data)."""
    from metagraph.loader import bundled_data_path

    data = [str(p) for p in getattr(args, "data", [])]
    return [*data, *([str(bundled_data_path())] if getattr(args, "bundled", False) or not data else [])]


def refuse_to_overwrite_inputs(output: str, inputs: list[str], *, force: bool) -> None:
    """Raise unless ``force`` when writing ``output`` would overwrite an input or land among the data read.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> src = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = src.write_text("a,b\\n")
    >>> refuse_to_overwrite_inputs(str(src), [str(src)], force=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: ... is also an input...
    """
    from metagraph._atomic import overlapping_input
    from metagraph.errors import MetagraphError

    if force:
        return
    clash = overlapping_input(output, list(inputs))
    if clash is None:
        return
    if Path(clash).is_dir():
        why = f"{output} lies inside {clash}, a folder of data read by this command"
    else:
        why = f"{output} is also an input ({clash})"
    raise MetagraphError(f"{why}; writing it would overwrite or change the input. Choose another path, or add --force")


def _parse_mapping(items: list[str]) -> dict[str, str]:
    from metagraph.errors import MetagraphError

    mapping: dict[str, str] = {}
    for item in items:
        for pair in filter(None, (p.strip() for p in item.split(","))):
            field, sep, column = pair.partition("=")
            if not sep or not field.strip() or not column.strip():
                raise MetagraphError(f"--mapping {pair!r} is not FIELD=COLUMN; e.g. --mapping source=ENTITYA")
            mapping[field.strip()] = column.strip()
    return mapping


def _import_table(args: argparse.Namespace) -> int:
    from metagraph._gc import collector_paused

    # One pause for the whole command, ended after its records are freed: between two paused
    # steps, or once it resumes with them alive, the collector walks every record of a large
    # table (1.8-2 s at 200k rows) to find no garbage.
    with collector_paused():
        return _import_table_records(args)


def _import_table_records(args: argparse.Namespace) -> int:
    from metagraph._atomic import write_error_message, write_text_atomic
    from metagraph.errors import MetagraphError
    from metagraph.interop.table import _data_file_text, _import_table
    from metagraph.jsonschema import SCHEMA_FILENAME
    from metagraph.loader import bundled_data_path

    refuse_to_overwrite_inputs(
        args.output, [args.input, *(graph_inputs(args) if args.data or args.bundled else [])], force=args.force
    )
    reference = load_graph(args) if args.data or args.bundled else None
    # The records, not a graph: the file and the summary need only them, and at 200k rows
    # building a graph (and making its models again to write them) would take most of the time.
    records = _import_table(
        args.input,
        mapping=_parse_mapping(args.mapping),
        default_kind=args.default_kind,
        reference=reference,
        delimiter=args.delimiter,
    )
    schema_file = bundled_data_path() / SCHEMA_FILENAME
    schema = schema_file.resolve().as_uri() if schema_file.is_file() and not args.no_schema_comment else None
    # the file holds what the reference graph lacks, so that it loads on top of it (--data FILE --bundled)
    try:
        out = write_text_atomic(args.output, _data_file_text(records, schema=schema, exclude=reference))
    except OSError as exc:
        raise MetagraphError(write_error_message(args.output, exc)) from None
    kinds = {n.id: n.kind.value for n in records.nodes}
    known = [n for n in kinds if reference is not None and n in reference.nx]
    new = [n for n in kinds if reference is None or n not in reference.nx]
    present = (
        [e for e in records.edges if reference.nx.has_edge(e.source, e.target, e.key)] if reference is not None else []
    )
    if args.json:
        print_json(
            {
                "output": str(out),
                "nodes": len(records.nodes),
                "edges": len(records.edges),
                "references": len(records.references),
                "new_nodes": new,
                "known_nodes": known,
                "edges_already_present": [f"{e.source} -{e.key}-> {e.target}" for e in present],
            }
        )
        return 0
    print(
        f"{args.input}: {len(records.edges)} edges between {len(records.nodes)} nodes "
        f"({len(new)} new, {len(known)} known), {len(records.references)} references -> {out}"
    )
    if new:
        print("new nodes: " + ", ".join(f"{n} ({kinds[n]})" for n in new))
    if present:
        rows = ", ".join(
            f"{e.source} -{e.key}-> {e.target} (row {e.evidence[0].provenance.rpartition(':')[2]})"
            for e in present
            if e.evidence[0].provenance
        )
        verb = "edges are" if len(present) != 1 else "edge is"
        print(
            f"{len(present)} {verb} already in the graph and not written (MetaGraph.merge pools their evidence): {rows}"
        )
    check = "metagraph validate " + str(out) + (" --bundled" if args.bundled else "")
    print(f"next: {check}   then use it with --data {out}" + (" --bundled" if args.bundled else ""))
    return 0


def _export(args: argparse.Namespace) -> int:
    refuse_to_overwrite_inputs(args.out, graph_inputs(args), force=args.force)
    kg = load_graph(args)
    from metagraph.errors import MetagraphError

    options = {"unidentified": "skip"} if args.kgx_skip_unidentified and args.format == "kgx" else {}
    if args.dialect is not None:
        if args.format != "cypher":
            raise MetagraphError(f"--dialect is an option of the cypher format, not {args.format}")
        options["dialect"] = args.dialect
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = kg.export(args.out, format=args.format, **options)
    for w in caught:
        print(f"metagraph export: note: {w.message}", file=sys.stderr)
    files = sorted(p.name for p in out.iterdir()) if out.is_dir() else [out.name]
    if args.json:
        print_json({"format": args.format, "path": str(out), "files": files})
    else:
        # a kuzu folder holds a file per table: name the first few
        shown = files if len(files) <= 12 else [*files[:6], f"... {len(files)} files in all"]
        print(f"wrote {args.format} to {out}" + (f" ({', '.join(shown)})" if out.is_dir() else ""))
        if args.format == "kuzu":
            print(
                f"load it into an empty Kùzu database: run {out / 'load.cypher'} from inside {out} "
                "(its file names are relative), or in Python: "
                f"metagraph.interop.kuzu_bulk.load_kuzu({str(out)!r}, kuzu.Connection(kuzu.Database('graph.kuzu')))"
            )
    return 0
