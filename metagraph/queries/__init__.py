"""Questions asked of a graph: chains of effects, reach, what-if and modality comparison.

Each question is a function of the graph, written once in its module and offered as a
method of :class:`~metagraph.MetaGraph` (``kg.trace(...)`` is ``trace(kg, ...)``):
:func:`trace` and :func:`net_effect` follow the chains of effects from one node to
another; :func:`downstream`, :func:`upstream`, :func:`myokines_reaching` and
:func:`myokine_effects` ask what a node reaches; :func:`match` finds paths through a
sequence of kinds; :func:`lost_effects` asks what is lost when nodes are blocked; and
:func:`compare` rebuilds the source's comparison of modalities. Their results are
:class:`Chain`, :class:`NetEffect`, :class:`MyokineEffects`, :class:`LostEffects` and
:class:`Comparison`; the tabular ones share :class:`TableResult` (text, HTML, Markdown
and pandas). Every effect question takes the same context filters (:class:`Context`:
timescale, modality, species, evidence, sources), applied once by :func:`restrict`.

The names are imported on first use, so ``import metagraph`` loads none of the query code.
"""

from metagraph._lazy import lazy_exports

_EXPORTS = {
    "Chain": "metagraph.queries.chains",
    "Chains": "metagraph.queries.trace",
    "Context": "metagraph.queries.context",
    "Comparison": "metagraph.queries.compare",
    "Reversal": "metagraph.queries.reversal",
    "LostEffects": "metagraph.queries.whatif",
    "MyokineEffects": "metagraph.queries.reach",
    "NetEffect": "metagraph.queries.trace",
    "TableResult": "metagraph.queries.tables",
    "compare": "metagraph.queries.compare",
    "downstream": "metagraph.queries.reach",
    "lost_effects": "metagraph.queries.whatif",
    "match": "metagraph.queries.metapath",
    "myokine_effects": "metagraph.queries.reach",
    "myokines_reaching": "metagraph.queries.reach",
    "net_effect": "metagraph.queries.trace",
    "restrict": "metagraph.queries.context",
    "reversal": "metagraph.queries.reversal",
    "trace": "metagraph.queries.trace",
    "upstream": "metagraph.queries.reach",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
