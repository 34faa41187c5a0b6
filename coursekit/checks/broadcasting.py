"""The checks of notebook 03's exercises."""

__all__ = []
