"""The import, merge and export methods of :class:`~metagraph.MetaGraph`."""

from __future__ import annotations


class InteropMethods:
    """Interop methods mixed into :class:`~metagraph.MetaGraph`."""
