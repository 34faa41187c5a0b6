"""The checks of notebook 02's exercises."""

__all__ = []
