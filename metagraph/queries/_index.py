"""A compact index of a graph for the queries that walk all of it.

``downstream`` of an exercise can reach most of a large graph, and walking
``networkx``'s nested dicts costs about a microsecond per edge. The index keeps the
edges that carry an effect as compressed sparse rows (CSR: for node ``i``, its
neighbours are ``indices[indptr[i]:indptr[i + 1]]``, in numpy arrays), forward and
backward, with the nodes numbered in name order, and (once asked) the edges by their
``location``. A breadth-first walk then handles a whole level at a time in numpy,
within a small factor of a compiled one (``python -m benchmarks`` compares it with
scipy's ``breadth_first_order``). It is built on first use, once per graph, and kept
as long as the graph lives. Building it reads no edge dict: the graph's build noted the
ends of the transmitting edges as integers (:class:`metagraph._nx.Carrying`), and numpy
renumbers and sorts them into the CSR. Node models are made only for the nodes a walk returns.

A :class:`~metagraph.MetaGraph` does not change once built, so the index never goes
stale. Views (:meth:`~metagraph.MetaGraph.without`) are walked directly instead:
they are usually asked one question each.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from metagraph._gc import collector_paused
from metagraph._nx import NxGraph, successors

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from metagraph.graph import MetaGraph
    from metagraph.models import Node

    IntArray = npt.NDArray[np.intp]

__all__ = ["GraphIndex", "index_of"]

_CACHE: weakref.WeakKeyDictionary[NxGraph, GraphIndex] = weakref.WeakKeyDictionary()


def _csr(rows: list[list[int]], count: int) -> tuple[IntArray, IntArray]:
    """``indptr`` and ``indices`` of adjacency lists (row ``i`` lists the neighbours of node ``i``)."""
    import numpy as np

    lengths = np.fromiter(map(len, rows), dtype=np.intp, count=count)
    indptr = np.zeros(count + 1, dtype=np.intp)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.fromiter((v for row in rows for v in row), dtype=np.intp, count=int(indptr[-1]))
    return indptr, indices


def _transpose(indptr: IntArray, indices: IntArray, count: int) -> tuple[IntArray, IntArray]:
    """The CSR of the reversed edges."""
    import numpy as np

    sources = np.repeat(np.arange(count, dtype=np.intp), np.diff(indptr))
    order = np.argsort(indices, kind="stable")
    back_ptr = np.zeros(count + 1, dtype=np.intp)
    np.cumsum(np.bincount(indices, minlength=count), out=back_ptr[1:])
    return back_ptr, sources[order]


class GraphIndex:
    """Integer adjacency (CSR) of the transmitting edges, in name order, and edges by location.

    Nodes are numbered by (case-folded name, id), so that a set of node numbers sorted
    by number is sorted by name.

    Attributes
    ----------
    ids : list of str
        Node ids; a node's position is its number.
    position : dict
        Node id → number.
    forward, backward : tuple of two numpy arrays
        ``(indptr, indices)`` of the transmitting edges, and of the same edges reversed
        (a pair of nodes joined by several such edges is listed once).
    kinds, kind_array : list of str, and the same as a numpy array
        Each node's kind.
    timed : bool
        True when the graph has both acute-only and chronic-only transmitting edges, so
        that the timescale rule of :mod:`metagraph.queries._paths` can cut a walk; the
        integer walk ignores that rule, so callers walk the graph itself then.
    """

    def __init__(self, kg: MetaGraph) -> None:
        import numpy as np

        graph = kg.nx
        self._located: dict[str, list[tuple[str, str, str]]] | None = None
        nodes = dict(cast("Iterable[tuple[str, dict[str, Any]]]", graph.nodes(data=True)))  # id → attributes
        self.ids = sorted(nodes, key=lambda n: (nodes[n]["name"].casefold(), n))
        position = {n: i for i, n in enumerate(self.ids)}
        self.position = position
        self.kinds: list[str] = [nodes[n]["kind"] for n in self.ids]
        self.kind_array = np.array(self.kinds, dtype=object)
        count = len(self.ids)
        # The models of the nodes a walk has returned, made then (see models()).
        self._models: npt.NDArray[np.object_] = np.full(count, None, dtype=object)
        self._made = np.zeros(count, dtype=bool)
        carrying = kg._carrying
        if carrying is not None and carrying.exact:
            # The ends build noted (positions in the node order), renumbered in name order; each
            # pair once, sorted (a level is a set).
            renumber = np.fromiter(map(position.__getitem__, nodes), dtype=np.intp, count=count)
            sources = renumber[np.array(carrying.sources, dtype=np.intp)]
            targets = renumber[np.array(carrying.targets, dtype=np.intp)]
            pairs = sources * count + targets
            del sources, targets
            pairs.sort()  # a sort and a mask: np.unique's hashing is several times slower here
            if pairs.size:
                pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
            indptr = np.zeros(count + 1, dtype=np.intp)
            np.cumsum(np.bincount(pairs // count, minlength=count), out=indptr[1:])
            self.forward = (indptr, pairs % count)
            self.timed = {"acute", "chronic"} <= carrying.timescales
            kg._carrying = None  # the index holds them now
        else:
            self.forward, self.timed = self._walk(graph)
        self.backward = _transpose(*self.forward, count)

    def _walk(self, graph: NxGraph) -> tuple[tuple[IntArray, IntArray], bool]:
        """The CSR of the transmitting edges, and whether they are timed, by a pass over the graph's edges."""
        position = self.position
        succ = successors(graph)
        rows: list[list[int]] = []
        scales: set[Any] = set()
        # One pass over the edges (every edge is a Python dict), taking what the walk needs:
        # each pair of nodes once, and whether acute-only and chronic-only edges both occur.
        for u in self.ids:
            row = []
            for v, keyed in succ[u].items():
                carries = False
                for attrs in keyed.values():
                    if attrs["transmits"]:
                        carries = True
                        if len(scales) < 3:
                            scales.add(attrs.get("timescale"))
                if carries:
                    row.append(position[v])
            rows.append(row)
        return _csr(rows, len(self.ids)), {"acute", "chronic"} <= scales

    def located(self, graph: NxGraph) -> dict[str, list[tuple[str, str, str]]]:
        """Location id → the ``(source, target, key)`` of the edges located there (built on first use).

        ``graph`` is the graph the index was built from; the index does not keep it,
        so that the cache can let the graph go.
        """
        if self._located is None:
            out: dict[str, list[tuple[str, str, str]]] = {}
            for u, v, k, attrs in graph.edges(keys=True, data=True):
                place = attrs.get("location")
                if place is not None:
                    out.setdefault(place, []).append((u, v, k))
            self._located = out
        return self._located

    def models(self, kg: MetaGraph, numbers: IntArray) -> list[Node]:
        """The :class:`~metagraph.Node` of each node number.

        ``kg`` is the graph the index was built from (the index does not keep it). A
        node's model is made the first time a walk returns it and kept, so that a
        repeated walk only indexes an array; nodes no walk returns get none.
        """
        made = self._made
        models = self._models
        missing = numbers[~made[numbers]]
        if missing.size:
            ids, model_of = self.ids, kg._node_models.__getitem__  # ids already: no name to resolve
            # As while building the index: tens of thousands of new models and no garbage cycles,
            # in a process whose heap (a large graph) the collector would otherwise rescan meanwhile.
            with collector_paused(missing.size > 1000):
                for i in missing.tolist():
                    models[i] = model_of(ids[i])
            made[missing] = True  # after the models are in place, for a thread reading meanwhile
        found: list[Node] = models[numbers].tolist()
        return found

    def reach(self, start: str, *, reverse: bool = False, max_hops: int | None = None) -> list[IntArray]:
        """Return the levels of a breadth-first walk from ``start``: the node numbers 1, 2, ... hops away.

        Each level is a numpy array, in name order (by number). The walk works a level at a time with
        numpy: the neighbours of the whole frontier are gathered from the CSR arrays at
        once, those already seen are dropped, and the rest, made unique, are the next
        level.
        """
        import numpy as np

        indptr, indices = self.backward if reverse else self.forward
        count = len(self.ids)
        seen = np.zeros(count, dtype=bool)
        first = self.position[start]
        seen[first] = True
        frontier = np.array([first], dtype=np.intp)
        levels: list[IntArray] = []
        while frontier.size and (max_hops is None or len(levels) < max_hops):
            starts = indptr[frontier]
            lengths = indptr[frontier + 1] - starts
            total = int(lengths.sum())
            if not total:
                break
            if frontier.size == 1:
                found = indices[starts[0] : starts[0] + total]
            else:  # the positions of every frontier node's neighbours, in one array
                ends = np.cumsum(lengths)
                found = indices[np.arange(total, dtype=np.intp) + np.repeat(starts - ends + lengths, lengths)]
            found = found[~seen[found]]
            if found.size * 16 < count:
                found = np.unique(found)
            else:  # a large level: marking a mask is cheaper than sorting
                mask = np.zeros(count, dtype=bool)
                mask[found] = True
                found = np.flatnonzero(mask)
            if not found.size:
                break
            seen[found] = True
            levels.append(found)
            frontier = found
        return levels


def index_of(kg: MetaGraph) -> GraphIndex | None:
    """Return the graph's index, building it on first use; ``None`` for a view (walk it directly).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> kg = sample_graph()
    >>> index_of(kg) is index_of(kg), index_of(kg.without("AMPK"))
    (True, None)
    """
    if kg.is_view:
        return None
    graph = kg.nx
    index = _CACHE.get(graph)
    if index is None:
        # The build makes no garbage cycles; in a process holding a large graph, the
        # collector would otherwise rescan that whole heap meanwhile.
        with collector_paused(True):
            index = _CACHE[graph] = GraphIndex(kg)
    return index
