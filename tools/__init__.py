"""The course's tools, run from the repository's root as ``python -m tools.NAME``."""
