"""The diagram methods of :class:`~metagraph.MetaGraph`."""

from __future__ import annotations


class RenderMethods:
    """Diagram methods mixed into :class:`~metagraph.MetaGraph`."""
