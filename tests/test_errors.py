"""One hierarchy; messages that say what is wrong and how to fix it."""

from __future__ import annotations

import metagraph
from metagraph.errors import (
    AmbiguousNodeError,
    DataError,
    MergeConflictError,
    MetagraphError,
    Problem,
    UnknownNodeError,
)


def test_everything_derives_from_metagraph_error() -> None:
    for name in metagraph.__all__:
        obj = getattr(metagraph, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, MetagraphError), name


def test_messages() -> None:
    assert str(UnknownNodeError("x", ["X1"])) == "no node is called 'x'; did you mean 'X1'?"
    assert "metagraph node --list" in str(UnknownNodeError("x"))
    assert "use one of these ids" in str(AmbiguousNodeError("s", ["a", "b"]))
    err = DataError([Problem("f.yaml", 2, "nodes[0].kind", "bad", "fix"), Problem(None, None, "", "m")])
    assert str(err).splitlines() == ["2 problems in the data:", "  f.yaml:2: nodes[0].kind: bad; fix", "  <data>: m"]
    assert "1 conflict between" in str(MergeConflictError(["a"]))
