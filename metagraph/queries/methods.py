"""The query methods of :class:`~metagraph.MetaGraph`."""

from __future__ import annotations


class QueryMethods:
    """Query methods mixed into :class:`~metagraph.MetaGraph`."""
