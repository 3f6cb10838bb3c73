"""Checking the arguments of the queries: kinds, predicates, lists of nodes, numbers.

Each check turns a user's mistake into a :class:`~metagraph.MetagraphError` that
says what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from metagraph._select import is_node
from metagraph.errors import MetagraphError
from metagraph.schema import PREDICATES, Kind, Predicate

if TYPE_CHECKING:
    from metagraph.graph import MetaGraph
    from metagraph.models import Node

__all__ = ["check_count", "closest", "parse_kind", "parse_predicates", "resolve_all"]


def closest(value: str, options: list[str]) -> str:
    """Return "did you mean X? " for the option closest to ``value``, or "" when none is close."""
    close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.5)
    return f"did you mean {close[0]!r}? " if close else ""


def parse_kind(value: str | Kind) -> Kind:
    """Return the :class:`~metagraph.Kind` a string names, or raise a helpful error.

    Examples
    --------
    >>> parse_kind("Myokine")
    <Kind.MYOKINE: 'myokine'>
    >>> parse_kind("myokines")
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: unknown kind 'myokines'; did you mean 'myokine'? the kinds are: exercise, \
gene, signal, myokine, organ, cell, process, outcome, condition
    """
    if isinstance(value, Kind):
        return value
    options = [k.value for k in Kind]
    text = str(value).strip().lower()
    if text in options:
        return Kind(text)
    raise MetagraphError(f"unknown kind {value!r}; {closest(text, options)}the kinds are: {', '.join(options)}")


def parse_predicates(values: str | Iterable[str] | None, *, transmitting: bool) -> frozenset[str] | None:
    """Return predicate values to allow (``None`` stays ``None``: no restriction).

    Parameters
    ----------
    values
        Predicate names, or one name.
    transmitting
        Refuse predicates that do not carry an effect along a chain.

    Examples
    --------
    >>> sorted(parse_predicates(["activates", "increases"], transmitting=True))
    ['activates', 'increases']
    >>> parse_predicates("targets", transmitting=True)
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: the predicate 'targets' does not carry an effect along a chain; \
use some of: activates, inhibits, increases, decreases, secretes, cleaved_into, encodes, member_of
    """
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    options = [p.value for p in Predicate]
    carrying = [p.value for p, s in PREDICATES.items() if s.transmits]
    out = set()
    for value in values:
        text = str(value).strip().lower().replace(" ", "_")
        if text not in options:
            raise MetagraphError(
                f"unknown predicate {value!r}; {closest(text, options)}the predicates are: {', '.join(options)}"
            )
        if transmitting and text not in carrying:
            raise MetagraphError(
                f"the predicate {text!r} does not carry an effect along a chain; use some of: {', '.join(carrying)}"
            )
        out.add(text)
    if not out:
        raise MetagraphError("predicates is empty: give at least one predicate, or None for all of them")
    return frozenset(out)


def resolve_all(kg: MetaGraph, names: str | Node | Iterable[str | Node]) -> list[str]:
    """Resolve one name or several to node ids (a lone string is one name, not its letters).

    Examples
    --------
    >>> from metagraph.examples import sample_graph
    >>> resolve_all(sample_graph(), "AMPK"), resolve_all(sample_graph(), ["ROS", "PGC-1alpha"])
    (['ampk'], ['ros', 'pgc1a'])
    """
    if isinstance(names, str) or is_node(names):
        names = [names]
    return [kg.resolve(n) for n in names]


def check_count(value: int | None, what: str, *, allow_none: bool = False, minimum: int = 1) -> None:
    """Raise a helpful error unless ``value`` is a whole number of at least ``minimum``.

    Examples
    --------
    >>> check_count(0, "max_hops")
    Traceback (most recent call last):
    metagraph.errors.MetagraphError: max_hops must be a whole number of at least 1, not 0
    """
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        extra = " (or None for no limit)" if allow_none else ""
        raise MetagraphError(f"{what} must be a whole number of at least {minimum}{extra}, not {value!r}")
