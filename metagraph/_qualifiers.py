"""The context of an edge in words ("in Liver", "with HIIT", "timescale: chronic"), written once.

The hover label of a page and the notebook card of an edge both say where, with what and how an
effect holds; they differ only in how they name the organ or modality (an id on a card, a name
on a page), so the caller passes that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from metagraph.models import Edge

__all__ = ["qualifier_phrases"]


def qualifier_phrases(edge: Edge, name: Callable[[str], str] = str) -> list[str]:
    """Return the edge's location, modality, magnitude, timescale and mechanism as short phrases.

    Examples
    --------
    >>> from metagraph import Edge
    >>> edge = Edge(source="il6", target="hgp", predicate="increases", location="liver", timescale="acute",
    ...             evidence=[{"reference": "r", "quote": "IL-6 acts"}])
    >>> qualifier_phrases(edge, name=str.title)
    ['in Liver', 'timescale: acute']
    """
    phrases = []
    if edge.location:
        phrases.append(f"in {name(edge.location)}")
    if edge.modality:
        phrases.append(f"with {name(edge.modality)}")
    for field in ("magnitude", "timescale", "mechanism"):
        value = getattr(edge, field)
        if value is not None:
            phrases.append(f"{field}: {value.value}")
    return phrases
