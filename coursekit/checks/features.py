"""The checks of notebook 07's exercises."""

__all__ = []
