"""Benchmarks of metagraph: a generator of synthetic graphs in its schema, and one command that prints a table.

Run ``python -m benchmarks`` (add ``--quick`` or ``--large``) from the repository root.
Speed is measured here, never asserted in the tests.
"""
