"""Questions asked of a graph: chains of effects, reach, what-if and modality comparison.

The :class:`~metagraph.MetaGraph` methods (``trace``, ``net_effect``, ``downstream``,
``upstream``, ``myokines_reaching``, ``myokine_effects``, ``match``, ``without``,
``lost_effects``, ``compare``) hand over to the modules of this package:

* :mod:`~metagraph.queries._paths`: the path search on the ``networkx`` graph;
* :mod:`~metagraph.queries.chains`: :class:`~metagraph.queries.chains.Chain`;
* :mod:`~metagraph.queries.trace`: ``trace`` and ``net_effect``;
* :mod:`~metagraph.queries.reach`: ``downstream``, ``upstream`` and the myokine questions;
* :mod:`~metagraph.queries.metapath`: ``match``;
* :mod:`~metagraph.queries.whatif`: ``without`` and ``lost_effects``;
* :mod:`~metagraph.queries.compare`: ``compare``;
* :mod:`~metagraph.queries.tables`: how results show as text, HTML, Markdown and pandas;
* :mod:`~metagraph.examples`: a small hand-built graph for examples.
"""
