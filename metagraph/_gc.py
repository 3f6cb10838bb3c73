"""Pausing Python's cyclic garbage collector while a graph's records are made: written once here.

Loading, importing a table and building the reach index make hundreds of thousands of dicts,
lists and models, none of them in a reference cycle. Every few hundred new ones start a
collection that walks the growing heap, again and again; paused, they are freed or kept as
usual by reference counting, and the collector resumes afterwards if it was running.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SETTLE_AFTER", "collector_paused"]

#: New container objects (made in a paused block and still alive) above which ``settle`` collects.
SETTLE_AFTER = 100_000


@contextmanager
def collector_paused(pause: bool = True, *, settle: bool = False) -> Iterator[None]:
    """Pause the collector for the block (when ``pause``); resume it after, if it was running.

    With ``settle``, a block that left more than :data:`SETTLE_AFTER` new objects alive ends
    with one full collection. Those objects are all in the youngest generation, which the
    next allocations would otherwise walk and promote piecemeal, a generation at a time,
    during the first query (most of a first ``downstream`` on a million edges); one
    collection walks them once and files them with the old objects.

    Examples
    --------
    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    running = pause and gc.isenabled()
    if running:
        gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
            if settle and gc.get_count()[0] > SETTLE_AFTER:
                gc.collect()
