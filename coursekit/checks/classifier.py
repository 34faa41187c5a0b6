"""The checks of notebook 09's exercises."""

__all__ = []
