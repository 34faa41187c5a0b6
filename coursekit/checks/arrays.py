"""The checks of notebook 01's exercises."""

__all__ = []
