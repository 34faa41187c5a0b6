"""An array's axes, and what ``.mean(axis=k)`` does to them."""

import numpy as np

from coursekit.diagrams._grid import RESULT, arrow, grid, new_axes

__all__ = ["draw_axes"]


def draw_axes(array, *, mean_axis=None, ax=None):
    """Draw a 2-D array with its axes named; optionally what ``.mean(axis=k)`` does.

    Axis 0 runs down the rows, axis 1 across the columns; ``shape[k]`` is the
    length along axis ``k``. With ``mean_axis``, the diagram adds the result of
    ``array.mean(axis=mean_axis)``: the named axis is the one that disappears.

    Parameters
    ----------
    array : array-like of shape (n_rows, n_columns)
    mean_axis : {None, 0, 1}, default=None
        Also draw ``array.mean(axis=mean_axis)`` and arrows showing what it averages.
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = draw_axes([[1, 2, 3], [4, 5, 6]], mean_axis=0)
    >>> ax.get_title()
    '.mean(axis=0) averages along axis 0:\\none mean per column'
    """
    values = np.asarray(array, dtype=float)
    if values.ndim != 2:
        raise ValueError(
            f"array must be 2-D to show two axes; got shape {values.shape}."
        )
    if mean_axis not in (None, 0, 1):
        raise ValueError(f"mean_axis must be None, 0 or 1; got {mean_axis!r}.")
    rows, cols = values.shape
    extra_right = 3.5 if mean_axis == 1 else 0
    extra_below = 2.5 if mean_axis == 0 else 0
    xlim = (-3.0, cols + 0.5 + extra_right)
    ylim = (-rows - 0.5 - extra_below, 1.2)
    ax = new_axes(ax, (0.6 * (xlim[1] - xlim[0]) + 0.5,
                       0.6 * (ylim[1] - ylim[0]) + 0.9))
    grid(ax, values, 0, 0)
    arrow(ax, (0, 0.35), (cols, 0.35))
    ax.text(cols / 2, 0.45, f"axis 1: columns, length {cols}", ha="center",
            va="bottom", fontsize=10)
    arrow(ax, (-0.35, 0), (-0.35, -rows))
    ax.text(-0.5, -rows / 2, f"axis 0: rows,\nlength {rows}", ha="right",
            va="center", fontsize=10)
    title = f"An array of shape ({rows}, {cols})"
    if mean_axis is not None:
        means = values.mean(axis=mean_axis)
        if mean_axis == 0:
            for j in range(cols):
                arrow(ax, (j + 0.5, -rows + 0.2), (j + 0.5, -rows - 0.9), "C3")
            grid(ax, means[None, :], 0, -rows - 1, color=RESULT)
            ax.text(cols / 2, -rows - 2.2, f".mean(axis=0): shape ({cols},)",
                    ha="center", va="top", fontsize=10)
            what = "one mean per column"
        else:
            for i in range(rows):
                arrow(ax, (cols - 0.2, -i - 0.5), (cols + 0.9, -i - 0.5), "C3")
            grid(ax, means[:, None], cols + 1, 0, color=RESULT)
            ax.text(cols + 1.5, -rows - 0.3, f".mean(axis=1):\nshape ({rows},)",
                    ha="center", va="top", fontsize=10)
            what = "one mean per row"
        title = f".mean(axis={mean_axis}) averages along axis {mean_axis}:\n{what}"
    ax.set_title(title, fontsize=11)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax
