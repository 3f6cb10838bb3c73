"""Questions asked of a graph: chains of effects, reach, what-if and modality comparison."""
