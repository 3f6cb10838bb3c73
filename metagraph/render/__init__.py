"""Pathway diagrams: an offline interactive HTML view and static Mermaid, DOT and SVG."""
