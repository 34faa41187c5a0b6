"""The checks of notebook 04's exercises."""

__all__ = []
