"""The checks of notebook 05's exercises."""

__all__ = []
