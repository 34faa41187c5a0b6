"""Drawing helpers shared by the diagrams: colours, cells, arrows, axis names."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

ORIGINAL = "#9ecae1"  # cells that hold the array's own values
COPY = "#e5f1f8"  # cells that broadcasting fills in "as if copied"
RESULT = "#a1d99b"
NEW_AXIS = "#e6550d"  # an axis of length 1 that rule 1 prepends
AXIS = "#555555"


def new_axes(ax, size):
    """The caller's Axes, or a new figure of ``size`` inches; no frame, equal aspect."""
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    ax.set_axis_off()
    ax.set_aspect("equal")
    return ax


def as_2d(array, name):
    """``array`` with 1s prepended to its shape until it is 2-D.

    >>> as_2d([1, 2, 3], "a").shape
    (1, 3)
    """
    array = np.asarray(array)
    if array.ndim > 2:
        raise ValueError(
            f"{name} has {array.ndim} dimensions; these diagrams draw at most 2."
        )
    return array.reshape((1,) * (2 - array.ndim) + array.shape)


def grid(ax, values, left, top, copied=None, color=ORIGINAL, caption=""):
    """Draw a 2-D array as cells whose top-left corner is (left, top).

    Parameters
    ----------
    ax : matplotlib Axes
    values : ndarray of shape (n_rows, n_columns)
    left, top : float
        Top-left corner of the first cell; a cell is 1 x 1 data units.
    copied : ndarray of bool of shape (n_rows, n_columns), default=None
        Cells drawn in the light "copied by broadcasting" colour.
    color : str, default=ORIGINAL
        Face colour of the other cells.
    caption : str, default=""
        Written centred above the cells.

    Returns
    -------
    float
        The right edge of the cells.
    """
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            face = COPY if copied is not None and copied[i, j] else color
            ax.add_patch(Rectangle((left + j, top - i - 1), 1, 1, facecolor=face,
                                   edgecolor="black"))
            ax.text(left + j + 0.5, top - i - 0.5, f"{values[i, j]:g}",
                    ha="center", va="center", fontsize=11)
    if caption:
        ax.text(left + cols / 2, top + 0.75, caption, ha="center", va="bottom",
                fontsize=10)
    return left + cols


def arrow(ax, start, end, color=AXIS):
    """A thin arrow from ``start`` to ``end`` (data coordinates)."""
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10,
                                 color=color, lw=1.2))


def axis_arrows(ax, shape, ndim, left, top, *, new_axis=False):
    """Arrows naming the axes of an array drawn at (left, top).

    A 1-D array gets one arrow, "axis 0", along its row; a 2-D array gets "axis 0"
    down its rows and "axis 1" along its columns. ``new_axis`` colours axis 0 of a
    2-D array as the length-1 axis that rule 1 prepended.
    """
    rows, cols = shape
    if ndim >= 1:
        label = "axis 1" if ndim == 2 else "axis 0"
        arrow(ax, (left, top + 0.3), (left + cols, top + 0.3))
        ax.text(left + cols / 2, top + 0.33, label, ha="center", va="bottom",
                fontsize=10, color=AXIS)
    if ndim == 2:
        color = NEW_AXIS if new_axis else AXIS
        arrow(ax, (left - 0.3, top), (left - 0.3, top - rows), color=color)
        ax.text(left - 0.4, top - rows / 2, "axis 0", ha="right", va="center",
                fontsize=10, color=color, rotation=90)


def draw_array(ax, values, ndim, left, top, *, caption, copied=None, color=ORIGINAL,
               new_axis=False):
    """Cells, axis arrows and caption of one array; returns its right edge."""
    axis_arrows(ax, values.shape, ndim, left, top, new_axis=new_axis)
    return grid(ax, values, left, top, copied, color, caption)
