"""Small helpers for the wording of messages."""

from __future__ import annotations


def with_article(word: str) -> str:
    """Return ``word`` with "a" or "an" before it.

    Examples
    --------
    >>> with_article("organ"), with_article("signal")
    ('an organ', 'a signal')
    """
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
