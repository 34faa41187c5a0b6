"""The checks of notebook 06's exercises."""

__all__ = []
