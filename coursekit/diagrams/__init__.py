"""Teaching diagrams drawn with matplotlib: axes, broadcasting, a product, a neuron.

Each function takes ``ax=None``, draws on it (or on a new figure) and returns
the Axes.

arrays
    ``draw_axes``: an array's axes, and what ``.mean(axis=k)`` does.
broadcasting
    ``draw_broadcast``: ``a + b`` step by step, or why it fails.
products
    ``draw_row_times_column``: a row times a column, pair by pair.
neuron
    ``draw_neuron``: inputs, weights, sum plus bias, activation, output.
"""

from coursekit.diagrams.arrays import draw_axes
from coursekit.diagrams.broadcasting import draw_broadcast
from coursekit.diagrams.neuron import draw_neuron
from coursekit.diagrams.products import draw_row_times_column

__all__ = ["draw_axes", "draw_broadcast", "draw_neuron", "draw_row_times_column"]
