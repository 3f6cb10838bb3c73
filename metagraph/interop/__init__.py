"""Bring data in and take the graph out: table import, merge, identifier checks, exports."""
