"""Result tables: aligned text, escaped Markdown and HTML, pandas only when installed."""

from __future__ import annotations

import sys

import pytest

from metagraph import MetagraphError
from metagraph.queries.tables import TableResult, html_table, markdown_table, require_pandas, text_table


def test_text_table_aligns_columns_and_flattens_newlines() -> None:
    text = text_table(["a", "long header"], [["xyz", None], ["q", "two\nlines"]])
    lines = text.splitlines()
    assert lines == ["a    long header", "---  -----------", "xyz", "q    two lines"]


def test_markdown_escapes_pipes() -> None:
    assert markdown_table(["h|1"], [["a|b"]]).splitlines() == ["| h\\|1 |", "| --- |", "| a\\|b |"]


def test_html_escapes_headers_cells_caption_and_class() -> None:
    html = html_table(["<h>"], [["<td>&"]], caption="<cap>", css_class='x" onload="y')
    assert "<h>" not in html and "&lt;h&gt;" in html and "&lt;td&gt;&amp;" in html
    assert "&lt;cap&gt;" in html and 'onload="y' not in html


def test_table_result_views() -> None:
    table = TableResult("Title", ["a", "b"], [{"a": 1, "b": ["x", "y"], "hidden": "id1"}], headers=["A", "B"])
    assert str(table).splitlines() == ["Title", "A  B", "-  ----", "1  x; y"]
    assert table.to_markdown() == "Title\n\n| A | B |\n| --- | --- |\n| 1 | x; y |"
    assert table.to_dict() == {
        "title": "Title",
        "columns": ["a", "b"],
        "rows": [{"a": 1, "b": ["x", "y"], "hidden": "id1"}],
    }
    assert len(table) == 1 and next(iter(table))["hidden"] == "id1"
    assert repr(table) == "<TableResult: 1 rows: Title>"
    assert "<caption>Title</caption>" in table._repr_html_()


def test_empty_table_says_so() -> None:
    table = TableResult("Nothing <here>", ["a"], [], empty="none found")
    assert str(table) == "Nothing <here>\nnone found"
    assert table._repr_html_() == "<p>Nothing &lt;here&gt;: none found</p>"
    assert table.to_markdown().endswith("none found")


def test_frame_keeps_every_record_key() -> None:
    pytest.importorskip("pandas")
    frame = TableResult("T", ["a"], [{"a": 1, "id": "x"}]).to_frame()
    assert list(frame.columns) == ["a", "id"]
    assert list(TableResult("T", ["a"], []).to_frame().columns) == ["a"]


def test_missing_pandas_is_a_helpful_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MetagraphError, match=r"pip install exercise-metagraph\[pandas\]"):
        require_pandas("x")
    with pytest.raises(MetagraphError, match=r"TableResult\.to_frame"):
        TableResult("T", ["a"], []).to_frame()
