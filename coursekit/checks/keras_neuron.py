"""The checks of notebook 08's exercises."""

__all__ = []
