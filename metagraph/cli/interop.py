"""The interop commands (filled in by the interop work)."""

from __future__ import annotations

import argparse
from typing import Any

EXAMPLES: list[tuple[str, str]] = []


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the interop commands."""
