"""Overlay: measurements attach to the nodes they name, or the table is refused whole."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import metagraph
from metagraph import DataError, Edge, MetaGraph, MetagraphError, Node, Reference
from metagraph.overlay import ChainSupport, Overlay, metamex, metamex_path, overlay
from metagraph.queries.chains import Chain


def toy_graph() -> MetaGraph:
    """run → GENEA ⊣ GENEB → outcome; GENEB known only by its HGNC id, COMPLEX by a member's UniProt id."""
    nodes = [
        Node(id="run", name="Running", kind="exercise"),
        Node(id="genea", name="Gene A", kind="signal", synonyms=["GENEA"]),
        Node(id="geneb", name="Gene B", kind="signal", xrefs=["HGNC:99991"]),
        Node(id="cplx", name="Complex", kind="signal", members=["UniProt:P99999"]),
        Node(id="fitness", name="Fitness", kind="outcome"),
    ]
    ev = [{"reference": "r", "quote": "q"}]
    edges = [
        Edge(source="run", target="genea", predicate="activates", evidence=ev),
        Edge(source="genea", target="geneb", predicate="inhibits", evidence=ev),
        Edge(source="geneb", target="cplx", predicate="activates", evidence=ev),
        Edge(source="cplx", target="fitness", predicate="increases", evidence=ev),
    ]
    return MetaGraph(nodes, edges, [Reference(key="r", title="A test source")])


def toy_chain(kg: MetaGraph) -> Chain:
    [chain] = [c for c in kg.trace("run", "fitness") if c.hops == 4]
    return chain


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- the bundled MetaMEx extract ---------------------------------------------------------
def test_the_bundled_extract_loads_offline_and_matches_nodes(kg: MetaGraph) -> None:
    ov = kg.overlay("metamex")
    assert isinstance(ov, Overlay)
    assert metamex_path().is_file()
    assert {"pgc1a", "fndc5", "ampk", "glut4", "nrf2", "myostatin"} <= set(ov.nodes)
    assert not ov.unmatched  # the extract holds only genes of the graph
    assert ov.rows == len({m.row for m in ov.measurements()})
    # PGC-1α's transcript rises ~2.4 log2 units 2-3 h after a bout, FNDC5 barely moves
    pgc = {m.time: m for m in ov.measurements("PPARGC1A")}
    assert list(pgc) == ["0-1 h", "2-3 h", "4-6 h", "24 h", "48 h"]
    assert pgc["2-3 h"].log_fc == pytest.approx(2.44, abs=0.01) and pgc["2-3 h"].fdr < 1e-20
    assert max(pgc.values(), key=lambda m: m.log_fc).time == "2-3 h"
    fndc5 = ov.measurements("FNDC5")
    assert all(abs(m.log_fc) < 0.5 and not m.significant(0.05) for m in fndc5)
    # AMPK is reached through its subunits' symbols, and says so
    assert {m.identifier for m in ov.measurements("AMPK")} == {f"PRKA{s}" for s in ("A1", "A2", "B1", "B2")} | {
        "PRKAG1",
        "PRKAG2",
        "PRKAG3",
    }
    assert all(m.via_member for m in ov.measurements("AMPK"))
    assert metamex(kg).to_dict() == ov.to_dict()


def test_the_overlay_shows_itself_in_every_form(kg: MetaGraph) -> None:
    ov = kg.overlay("metamex")
    text = str(ov)
    assert "PGC-1α" in text and "PPARGC1A" in text and "2.44" in text and "Unmatched rows: none" in text
    assert "| PGC-1α | PPARGC1A |" in ov.to_markdown()
    assert "<table" in ov._repr_html_() and "PGC-1α" in ov._repr_html_()
    data = json.loads(json.dumps(ov.to_dict()))
    assert data["measurements"][0].keys() >= {"node", "identifier", "log_fc", "fdr", "time", "source", "row"}
    frame = ov.to_frame()
    assert len(frame) == len(ov) and set(frame["node"]) == set(ov.nodes)
    with pytest.raises(AttributeError):
        ov.title = "changed"  # type: ignore[misc]


def test_supports_on_the_bundled_trace(kg: MetaGraph) -> None:
    ov = kg.overlay("metamex")
    chains = kg.trace("HIIT", "mitochondrial biogenesis")
    through_pgc = [c for c in chains if "pgc1a" in [n.id for n in c.nodes]]
    assert through_pgc
    for chain in chains:
        support = ov.supports(chain)
        assert isinstance(support, ChainSupport) and len(support) == chain.hops
        for record, node in zip(support, chain.nodes[1:], strict=True):
            assert record["target"] == node.id
            if node.id == "pgc1a":
                assert record["verdict"] == "supported" and record["supported"] is True
                assert "+2.44 at 2-3 h" in record["best"]
            elif node.id == "ampk":  # only subunit transcripts: shown, not counted
                assert record["verdict"] == "members only" and record["supported"] is None
            elif node.id not in ov.nodes:
                assert record["verdict"] == "no data"
    assert "supported" in str(ov.supports(through_pgc[0]))


# -- a user's own table ------------------------------------------------------------------
def test_a_users_csv_attaches_by_symbol_hgnc_and_uniprot_and_lists_unknown_genes(tmp_path: Path) -> None:
    kg = toy_graph()
    path = write(
        tmp_path / "mine.csv",
        "# my study\n"
        "gene,logFC,adj.P.Val,time,study\n"
        "GENEA,1.5,0.001,1 h,S1\n"
        "GENEA,0.2,0.6,24 h,S1\n"
        "HGNC:99991,-0.9,0.01,1 h,S1\n"
        "P99999,0.4,0.02,1 h,S1\n"
        "NOTAGENE,3.0,0.0001,1 h,S1\n",
    )
    ov = kg.overlay(path)
    assert ov.nodes == ["genea", "geneb", "cplx"]
    assert [(m.time, m.log_fc) for m in ov.measurements("Gene A")] == [("1 h", 1.5), ("24 h", 0.2)]
    assert [m.matched_by for m in ov.measurements("geneb")] == ["HGNC id"]
    assert ov.measurements("cplx")[0].matched_by == "member UniProt:P99999"
    assert [(u.identifier, u.row) for u in ov.unmatched] == [("NOTAGENE", f"{path}:7")]
    assert ov.rows == 5 and ov.measurements("genea")[0].source == "S1"
    assert "NOTAGENE" in str(ov)


def test_a_tsv_with_named_columns_and_a_dataframe(tmp_path: Path) -> None:
    kg = toy_graph()
    path = write(tmp_path / "mine.tsv", "probe\tchange\tq\nGENEA\t-2\t0.01\n")
    ov = kg.overlay(path, id_column="probe", logfc_column="change", fdr_column="q", source="my lab")
    assert [(m.node, m.log_fc, m.source) for m in ov.measurements()] == [("genea", -2.0, "my lab")]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"symbol": ["GENEA", "X"], "log2FoldChange": [1.0, 2.0], "padj": [0.01, 0.5]})
    ov = kg.overlay(frame)
    assert ov.nodes == ["genea"] and [u.identifier for u in ov.unmatched] == ["X"]


def test_parquet_and_feather_files(tmp_path: Path) -> None:
    import pandas as pd  # the test extra installs pandas and pyarrow: a missing one fails here
    import pyarrow  # noqa: F401

    frame = pd.DataFrame({"symbol": ["GENEA"], "logFC": [1.0], "FDR": [0.01]})
    frame.to_parquet(tmp_path / "t.parquet")
    frame.to_feather(tmp_path / "t.feather")
    for name in ("t.parquet", "t.feather"):
        assert toy_graph().overlay(tmp_path / name).nodes == ["genea"]


def test_parquet_without_pyarrow_names_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of it now fails
    path = write(tmp_path / "t.parquet", "not really")
    with pytest.raises(MetagraphError, match=r"pyarrow.*pip install"):
        toy_graph().overlay(path)


# -- refused tables ------------------------------------------------------------------------
def test_missing_columns_are_named_in_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", "gene,value\nGENEA,1\n")
    with pytest.raises(DataError) as err:
        toy_graph().overlay(path)
    text = str(err.value)
    assert "no log_fc column" in text and "no fdr column" in text and "gene, value" in text
    assert len(err.value.problems) == 2 and all(p.file == str(path) for p in err.value.problems)


def test_non_numeric_values_are_listed_row_by_row_and_nothing_is_attached(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        "gene,logFC,FDR\nGENEA,1.0,0.01\nGENEA,high,0.01\n,0.5,0.2\nHGNC:99991,0.3,1.7\nGENEA,NA,n/a\n",
    )
    with pytest.raises(DataError) as err:
        toy_graph().overlay(path)
    places = [(p.line, p.where) for p in err.value.problems]
    assert places == [(3, "logFC"), (4, "gene"), (5, "FDR"), (6, "logFC"), (6, "FDR")]
    assert f"{path}:3: logFC: 'high' is not a number" in str(err.value)
    assert str(err.value).startswith("5 problems")


def test_other_bad_inputs_are_clear_errors(tmp_path: Path) -> None:
    kg = toy_graph()
    with pytest.raises(MetagraphError, match="no such file"):
        kg.overlay(tmp_path / "absent.csv")
    with pytest.raises(MetagraphError, match="cannot read a table from a int"):
        kg.overlay(3)
    with pytest.raises(MetagraphError, match="fdr_threshold"):
        kg.overlay([], fdr_threshold=0)
    with pytest.raises(MetagraphError, match="no header row"):
        kg.overlay(write(tmp_path / "empty.csv", "# only a comment\n"))


# -- supports on a hand-made graph -----------------------------------------------------------
def test_supports_follows_the_chains_sign_into_each_node() -> None:
    kg = toy_graph()
    chain = toy_chain(kg)
    # the chain predicts GENEA up, GENEB down (after the inhibition), the complex down, fitness down
    rows = [
        {"gene": "GENEA", "logFC": 1.2, "FDR": 0.001, "time": "1 h"},
        {"gene": "GENEA", "logFC": 0.1, "FDR": 0.9, "time": "24 h"},
        {"gene": "HGNC:99991", "logFC": 0.8, "FDR": 0.01, "time": "1 h"},  # up: against the chain
        {"gene": "UniProt:P99999", "logFC": -0.5, "FDR": 0.01, "time": "1 h"},  # a member, down
    ]
    ov = kg.overlay(rows)
    support = ov.supports(chain)
    assert [r["predicted"] for r in support] == ["up", "down", "down", "down"]
    assert [r["verdict"] for r in support] == ["supported", "contradicted", "members only", "no data"]
    assert support.supported == [True, False, None, None]
    assert ov.supports(chain, count_members=True).supported == [True, False, True, None]
    # a stricter threshold turns the GENEB contradiction into "not significant"
    assert ov.supports(chain, fdr_threshold=0.005).records[1]["verdict"] == "not significant"
    mixed = kg.overlay([*rows, {"gene": "HGNC:99991", "logFC": -0.7, "FDR": 0.02, "time": "4 h"}])
    assert mixed.supports(chain).records[1]["verdict"] == "mixed"
    assert "contradicted" in str(support) and "| 2 | Gene B | down | contradicted |" in support.to_markdown()


# -- the property: all matching rows, or one error --------------------------------------------
_IDS = ["GENEA", "genea", "Gene A", "HGNC:99991", "P99999", "UniProt:P99999", "NOTAGENE", "XYZ1"]
_MATCHES = {"GENEA", "genea", "Gene A", "HGNC:99991", "P99999", "UniProt:P99999"}
_numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-20, max_value=20)
_values = st.one_of(_numbers, st.sampled_from(["abc", "", "NA", "1e", None]), _numbers.map(str))
_fdrs = st.one_of(st.floats(min_value=0, max_value=1), st.sampled_from([-0.1, 1.5, "x", None, "0.5"]))
_rows = st.lists(
    st.fixed_dictionaries(
        {"gene": st.sampled_from([*_IDS, ""]), "logFC": _values, "FDR": _fdrs, "time": st.sampled_from(["1 h", "3 h"])}
    ),
    min_size=1,
    max_size=12,
)


def _ok(value: object, *, fdr: bool = False) -> bool:
    try:
        number = float(value) if isinstance(value, int | float | str) and value != "" else math.nan
    except ValueError:
        return False
    return math.isfinite(number) and (not fdr or 0 <= number <= 1)


@given(_rows)
def test_random_tables_attach_exactly_the_matching_rows_or_raise_one_error(rows: list[dict[str, object]]) -> None:
    kg = toy_graph()
    bad = [i for i, r in enumerate(rows, 1) if not (r["gene"] and _ok(r["logFC"]) and _ok(r["FDR"], fdr=True))]
    if bad:
        with pytest.raises(DataError) as err:
            kg.overlay(rows)
        assert sorted({int(p.where.split(",")[0].removeprefix("row ")) for p in err.value.problems}) == bad
        assert all(p.file == "<table>" and p.line is None for p in err.value.problems)
        return
    ov = kg.overlay(rows)
    matched = [i for i, r in enumerate(rows, 1) if r["gene"] in _MATCHES]
    assert sorted({int(m.row.rsplit(" ", 1)[1]) for m in ov.measurements()}) == matched
    assert [u.row for u in ov.unmatched] == [f"<table>:row {i}" for i, r in enumerate(rows, 1) if i not in matched]
    assert len(ov) == len(matched)  # each of these identifiers names exactly one node
    for m in ov.measurements():
        row = rows[int(m.row.rsplit(" ", 1)[1]) - 1]
        assert m.log_fc == float(row["logFC"]) and m.fdr == float(row["FDR"])  # type: ignore[arg-type]


def test_the_module_function_and_the_method_are_one(kg: MetaGraph) -> None:
    assert metagraph.MetaGraph.overlay is overlay
    assert kg.overlay([{"gene": "SLC2A4", "logFC": 1, "FDR": 0.01}]).nodes == ["glut4"]
