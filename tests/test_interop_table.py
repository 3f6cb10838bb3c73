"""Tests of metagraph.interop.table: CSV/TSV edge lists into graphs, all bad rows at once."""

from __future__ import annotations

from pathlib import Path

import pytest

import metagraph
from metagraph.interop.table import EFFECT_WORDS, read_table, slugify
from metagraph.schema import PREDICATES, Predicate

DATA = Path(__file__).resolve().parent / "data" / "interop"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _triples(g: metagraph.MetaGraph) -> set[tuple[str, str, str]]:
    return {(e.source, e.predicate.value, e.target) for e in g.edges()}


def test_signed_edge_list_with_pmids(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "net.csv", "source,target,effect,pmid\nIL-6,STAT3,activation,12345\nSTAT3,SOCS3,-1,PMID:678; 910\n"
    )
    g = read_table(p)
    assert _triples(g) == {("il6", "activates", "stat3"), ("stat3", "decreases", "socs3")}
    assert [n.name for n in g.nodes()] == ["IL-6", "STAT3", "SOCS3"]
    assert {n.kind.value for n in g.nodes()} == {"signal"}
    edge = g.edges(source="stat3")[0]
    assert edge.references == ["pmid_678", "pmid_910"]
    assert {ev.provenance for ev in edge.evidence} == {"net.csv:3"}
    assert g.references["pmid_678"].pmid == "678"
    assert edge.evidence[0].quote == "STAT3,SOCS3,-1,PMID:678; 910"


def test_rows_without_reference_cite_the_file_as_a_dataset(tmp_path: Path) -> None:
    p = _write(tmp_path, "my edges.tsv", "source\ttarget\tsign\nA\tB\tup\n")
    g = read_table(p)
    (ref,) = g.references.values()
    assert (ref.key, ref.type, ref.title) == ("my_edges_tsv", "dataset", "my edges.tsv")
    assert g.edges()[0].evidence[0].provenance == "my edges.tsv:2"


def test_tsv_from_suffix_and_sniffed_delimiters(tmp_path: Path) -> None:
    rows = [["source", "target", "predicate"], ["A", "B", "activates"]]
    for name, sep in (("a.tsv", "\t"), ("b.txt", ";"), ("c.dat", "|"), ("d.csv", ";")):
        g = read_table(_write(tmp_path, name, "\n".join(sep.join(r) for r in rows) + "\n"))
        assert _triples(g) == {("a", "activates", "b")}, name


def test_predicate_column_quote_column_kinds_and_dois(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        "t.csv",
        "source,target,predicate,source_kind,target_kind,doi,quote\n"
        "FNDC5,Irisin,cleaved into,signal,myokine,https://doi.org/10.1038/nature10777,"
        '"FNDC5 is cleaved, releasing ""irisin"""\n',
    )
    g = read_table(p)
    edge = g.edges()[0]
    assert edge.predicate == Predicate.CLEAVED_INTO
    assert g.node("irisin").kind.value == "myokine"
    assert edge.evidence[0].quote == 'FNDC5 is cleaved, releasing "irisin"'
    assert g.references[edge.references[0]].doi == "10.1038/nature10777"


def test_effect_word_falls_back_to_a_predicate_the_kinds_allow(tmp_path: Path) -> None:
    # "activation" cannot end on an outcome, "increases" can: same sign, allowed predicate
    p = _write(tmp_path, "t.csv", "source,target,sign,target_kind\nIrisin,Energy expenditure,activation,outcome\n")
    assert _triples(read_table(p)) == {("irisin", "increases", "energy_expenditure")}


def test_every_effect_word_maps_to_predicates_of_one_sign() -> None:
    for word, preds in EFFECT_WORDS.items():
        assert len({PREDICATES[p].sign for p in preds}) == 1, word
        assert PREDICATES[preds[0]].sign != 0, word


def test_sign_contradicting_predicate_is_a_problem(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "source,target,predicate,sign\nA,B,activates,-1\n")
    with pytest.raises(metagraph.DataError, match="contradicts the predicate"):
        read_table(p)


def test_kind_words_of_other_resources(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        "t.csv",
        "source,target,sign,source_kind,target_kind\nIL6,Hepatic glucose output,down,cytokine,biological process\n",
    )
    g = read_table(p)
    assert (g.node("il6").kind.value, g.node("hepatic_glucose_output").kind.value) == ("myokine", "process")


def test_damaged_file_reports_every_bad_row_and_builds_nothing() -> None:
    path = DATA / "damaged_network.csv"
    with pytest.raises(metagraph.DataError) as info:
        read_table(path)
    problems = info.value.problems
    assert {p.file for p in problems} == {str(path)}
    by_line = {p.line: p for p in problems}
    assert sorted(by_line) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "target is empty" in by_line[3].message
    assert "'sideways'" in by_line[4].message
    assert "'protien'" in by_line[5].message and "did" not in by_line[5].message
    assert "cannot join a signal to an organ" in by_line[6].message
    assert "'PMID-abc' is not a PubMed id" in by_line[7].message
    assert "a process here but a signal on row 2" in by_line[8].message
    assert "to itself" in by_line[9].message
    assert "7 cells" in by_line[10].message
    # the good rows (2, 12) and the empty line 11 are not reported
    assert all(p.line not in (2, 11, 12) for p in problems)


def test_missing_columns_are_reported_with_the_fix(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "from_node,to_node,weight\nA,B,1\n")
    with pytest.raises(metagraph.DataError) as info:
        read_table(p)
    messages = [str(x) for x in info.value.problems]
    assert len(messages) == 3
    assert any("no column for the source" in m and "mapping=" in m for m in messages)
    assert any("no column for the predicate or the sign" in m for m in messages)


def test_mapping_names_the_columns_of_another_layout() -> None:
    g = read_table(
        DATA / "custom_layout.csv",
        mapping={
            "source": "Regulator gene",
            "target": "Regulated gene",
            "predicate": "Mode of action",
            "reference": "Publication",
        },
        default_kind="myokine",
    )
    assert _triples(g) == {("fndc5", "cleaved_into", "irisin"), ("pgc1a", "increases", "fndc5")}
    assert list(g.references) == ["doi_10_1038_nature10777"]


def test_mapping_errors(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "a,b,c\nX,Y,up\n")
    with pytest.raises(metagraph.DataError) as info:
        read_table(p, mapping={"source": "a", "target": "nope", "sing": "c"})
    text = str(info.value)
    assert "unknown field 'sing'" in text and "no column 'nope'" in text


def test_signor_layout_is_read_without_mapping_and_resolved_against_the_bundled_graph(kg: metagraph.MetaGraph) -> None:
    g = read_table(DATA / "signor_layout.tsv", reference=kg)
    assert _triples(g) == {
        ("il6", "activates", "stat3"),
        ("stat3", "increases", "socs3"),
        ("pgc1a", "increases", "tfam"),
        ("socs3", "decreases", "insulin_signaling"),
    }
    # known nodes are the bundled records, whole; new ones carry the file's identifiers
    assert g.node("il6") == kg.node("il6")
    assert g.node("stat3").xrefs == ["UniProt:P40763"]
    # "PGC1-alpha (human)" is matched to pgc1a by its UniProt identifier
    assert g.node("pgc1a") == kg.node("pgc1a")


def test_reference_graph_pmid_reuses_its_reference(tmp_path: Path, kg: metagraph.MetaGraph) -> None:
    ref = next(r for r in kg.references.values() if r.pmid)
    p = _write(tmp_path, "t.csv", f"source,target,sign,pmid\nIL-6,STAT3,up,{ref.pmid}\n")
    g = read_table(p, reference=kg)
    assert g.references == {ref.key: ref}


def test_ambiguous_name_in_reference_graph(tmp_path: Path) -> None:
    ref = metagraph.MetaGraph(
        [metagraph.Node(id="a1", name="X", kind="signal"), metagraph.Node(id="a2", name="X", kind="signal")]
    )
    p = _write(tmp_path, "t.csv", "source,target,sign\nX,Y,up\n")
    with pytest.raises(metagraph.DataError, match="could mean any of a1, a2"):
        read_table(p, reference=ref)


def test_exact_kind_disagreeing_with_reference_graph(tmp_path: Path, kg: metagraph.MetaGraph) -> None:
    p = _write(tmp_path, "t.csv", "source,target,sign,source_kind\nIL-6,STAT3,up,gene\nIL6,SOCS3,up,protein\n")
    with pytest.raises(metagraph.DataError) as info:
        read_table(p, reference=kg)
    # "gene" is a metagraph kind and disagrees; "protein" is another resource's word and yields
    assert [p.line for p in info.value.problems] == [2]


def test_later_row_gives_a_kind_used_for_an_earlier_row(tmp_path: Path) -> None:
    # row 2 alone (default kind signal) could not target an organ with "targets"; row 3 says it is a myokine
    p = _write(
        tmp_path,
        "t.csv",
        "source,target,predicate,source_kind,target_kind\nIrisin,Liver,targets,,organ\n"
        "Irisin,Glucose,increases,myokine,signal\n",
    )
    g = read_table(p, default_kind="process")
    assert g.node("irisin").kind.value == "myokine"


def test_location_and_modality_columns(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        "t.csv",
        "source,target,sign,location,modality\nIL-6,Glucose uptake,up,Skeletal muscle,"
        "HIIT\nIL-6,Glucose uptake,up,Adipose tissue,\n",
    )
    g = read_table(p)
    assert {(e.location, e.modality) for e in g.edges()} == {("skeletal_muscle", "hiit"), ("adipose_tissue", None)}
    assert (g.node("hiit").kind.value, g.node("adipose_tissue").kind.value) == ("exercise", "organ")


def test_repeated_edge_pools_evidence(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "source,target,sign,pmid\nA,B,up,1\nA,B,up,2\n")
    (edge,) = read_table(p).edges()
    assert edge.references == ["pmid_1", "pmid_2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("source,target,sign\n", "no rows"),
        ("source,target,sign\n,,\n", "no rows"),
    ],
)
def test_empty_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(metagraph.DataError, match=message):
        read_table(_write(tmp_path, "t.csv", text))


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(metagraph.DataError, match="cannot read the file"):
        read_table(tmp_path / "missing.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("source,target,sign\nCaf\xe9,B,up\n".encode("latin-1"))
    with pytest.raises(metagraph.DataError, match="not UTF-8"):
        read_table(bad)
    with pytest.raises(metagraph.MetagraphError, match="unknown default kind"):
        read_table(_write(tmp_path, "t.csv", "source,target,sign\nA,B,up\n"), default_kind="protein")


def test_utf8_bom_from_excel_is_ignored(tmp_path: Path) -> None:
    p = tmp_path / "excel.csv"
    p.write_bytes("\ufeffsource,target,sign\nPGC-1α,TFAM,up\n".encode())
    assert _triples(read_table(p)) == {("pgc1a", "increases", "tfam")}


def test_bad_identifier_column(tmp_path: Path) -> None:
    p = _write(tmp_path, "t.csv", "source,target,sign,source_xref\nA,B,up,not an id\nC,D,up,HGNC:1\n")
    with pytest.raises(metagraph.DataError) as info:
        read_table(p)
    assert [x.line for x in info.value.problems] == [2]


def test_slugify_matches_the_bundled_style() -> None:
    assert slugify("Insulin sensitivity") == "insulin_sensitivity"
    assert slugify("β-cell") == "bcell"
    assert slugify("  ") == ""


def test_kind_implied_by_a_location_yields_to_one_a_row_gives(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        "t.csv",
        "source,target,sign,location,target_kind\nIL-6,Insulin secretion,up,Beta cell,"
        "process\nIL-6,Beta cell,targets,,cell\n",
    )
    g = read_table(p, default_kind="myokine")
    assert g.node("beta_cell").kind.value == "cell"
    assert {e.predicate.value for e in g.edges()} == {"increases", "targets"}


def test_rows_differing_only_in_place_or_modality_are_separate_edges(tmp_path: Path) -> None:
    table = tmp_path / "places.csv"
    table.write_text(
        "source,target,effect,location,modality,pmid\n"
        "IL-6,Glucose uptake,up,Liver,,1\n"
        "IL-6,Glucose uptake,up,Muscle,,2\n"
        "IL-6,Glucose uptake,up,Liver,,3\n"
        "IL-6,Glucose uptake,up,Liver,HIIT,4\n",
        encoding="utf-8",
    )
    kg = read_table(table)
    edges = {e.key: e for e in kg.edges(source="il6")}
    assert sorted(edges) == ["increases@liver", "increases@liver[hiit]", "increases@muscle"]
    assert [ev.reference for ev in edges["increases@liver"].evidence] == ["pmid_1", "pmid_3"]


def test_the_garbage_collector_is_left_as_it_was(tmp_path: Path) -> None:
    import gc

    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("source,target,effect\nA,B,up\n", encoding="utf-8")
    bad.write_text("source,target,effect\nA,B,sideways\n", encoding="utf-8")
    assert gc.isenabled()
    read_table(good)
    with pytest.raises(metagraph.DataError):
        read_table(bad)
    assert gc.isenabled()


def test_a_doi_with_no_suffix_is_a_problem_of_its_row(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("source,effect,target,doi\nHIIT,increases,AMPK,10.1234/.\n", encoding="utf-8")
    with pytest.raises(metagraph.DataError) as info:
        read_table(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.where) == (2, "column 'doi'")
    assert "'10.1234/.' is not a whole DOI" in problem.message
