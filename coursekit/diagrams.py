"""Teaching diagrams drawn with matplotlib: axes, broadcasting, a product, a neuron.

Each function takes ``ax=None``, draws on it (or on a new figure) and returns
the Axes.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

__all__ = ["draw_axes", "draw_broadcast", "draw_neuron", "draw_row_times_column"]

_ORIGINAL = "#9ecae1"  # cells that hold the array's own values
_COPY = "#e5f1f8"  # cells that broadcasting fills in "as if copied"
_RESULT = "#a1d99b"
_NEW_AXIS = "#e6550d"  # an axis of length 1 that rule 1 prepends
_AXIS = "#555555"


def _axes(ax, size):
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    ax.set_axis_off()
    ax.set_aspect("equal")
    return ax


def _as_2d(array, name):
    array = np.asarray(array)
    if array.ndim > 2:
        raise ValueError(
            f"{name} has {array.ndim} dimensions; these diagrams draw at most 2."
        )
    return array.reshape((1,) * (2 - array.ndim) + array.shape)


def _grid(ax, values, left, top, copied=None, color=_ORIGINAL, caption=""):
    """Draw a 2-D array as cells whose top-left corner is (left, top)."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            face = _COPY if copied is not None and copied[i, j] else color
            ax.add_patch(Rectangle((left + j, top - i - 1), 1, 1, facecolor=face,
                                   edgecolor="black"))
            ax.text(left + j + 0.5, top - i - 0.5, f"{values[i, j]:g}",
                    ha="center", va="center", fontsize=11)
    if caption:
        ax.text(left + cols / 2, top + 0.75, caption, ha="center", va="bottom",
                fontsize=10)
    return left + cols


def _arrow(ax, start, end, color=_AXIS):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10,
                                 color=color, lw=1.2))


def _axis_arrows(ax, shape, ndim, left, top, *, new_axis=False):
    """Arrows naming the axes of an array drawn at (left, top).

    A 1-D array gets one arrow, "axis 0", along its row; a 2-D array gets "axis 0"
    down its rows and "axis 1" along its columns. ``new_axis`` colours axis 0 of a
    2-D array as the length-1 axis that rule 1 prepended.
    """
    rows, cols = shape
    if ndim >= 1:
        label = "axis 1" if ndim == 2 else "axis 0"
        _arrow(ax, (left, top + 0.3), (left + cols, top + 0.3))
        ax.text(left + cols / 2, top + 0.33, label, ha="center", va="bottom",
                fontsize=7, color=_AXIS)
    if ndim == 2:
        color = _NEW_AXIS if new_axis else _AXIS
        _arrow(ax, (left - 0.3, top), (left - 0.3, top - rows), color=color)
        ax.text(left - 0.4, top - rows / 2, "axis 0", ha="right", va="center",
                fontsize=7, color=color, rotation=90)


def _array(ax, values, ndim, left, top, *, caption, copied=None, color=_ORIGINAL,
           new_axis=False):
    """Cells, axis arrows and caption of one array; returns its right edge."""
    _axis_arrows(ax, values.shape, ndim, left, top, new_axis=new_axis)
    return _grid(ax, values, left, top, copied, color, caption)


def _shape_table(shapes, labels):
    """Shapes written one under another, aligned at the right as NumPy compares them.

    >>> print(_shape_table([(2, 1), (3,)], ["a", "b"]))
    a  (2 x 1)
    b  (    3)
    """
    ndim = max(len(shape) for shape in shapes)
    width = max((len(str(n)) for shape in shapes for n in shape), default=1)
    name_width = max(len(label) for label in labels)
    lines = []
    for label, shape in zip(labels, shapes, strict=True):
        missing = ndim - len(shape)
        full = " x ".join(f"{n:>{width}}" for n in (1,) * missing + tuple(shape))
        blank = missing * (width + 3)
        lines.append(f"{label:<{name_width}}  ({' ' * blank}{full[blank:]})")
    return "\n".join(lines)


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
    ax = _axes(ax, (0.6 * (xlim[1] - xlim[0]) + 0.5, 0.6 * (ylim[1] - ylim[0]) + 0.9))
    _grid(ax, values, 0, 0)
    _arrow(ax, (0, 0.35), (cols, 0.35))
    ax.text(cols / 2, 0.45, f"axis 1: columns, length {cols}", ha="center",
            va="bottom", fontsize=9)
    _arrow(ax, (-0.35, 0), (-0.35, -rows))
    ax.text(-0.5, -rows / 2, f"axis 0: rows,\nlength {rows}", ha="right",
            va="center", fontsize=9)
    title = f"An array of shape ({rows}, {cols})"
    if mean_axis is not None:
        means = values.mean(axis=mean_axis)
        if mean_axis == 0:
            for j in range(cols):
                _arrow(ax, (j + 0.5, -rows + 0.2), (j + 0.5, -rows - 0.9), "C3")
            _grid(ax, means[None, :], 0, -rows - 1, color=_RESULT)
            ax.text(cols / 2, -rows - 2.2, f".mean(axis=0): shape ({cols},)",
                    ha="center", va="top", fontsize=10)
            what = "one mean per column"
        else:
            for i in range(rows):
                _arrow(ax, (cols - 0.2, -i - 0.5), (cols + 0.9, -i - 0.5), "C3")
            _grid(ax, means[:, None], cols + 1, 0, color=_RESULT)
            ax.text(cols + 1.5, -rows - 0.3, f".mean(axis=1):\nshape ({rows},)",
                    ha="center", va="top", fontsize=10)
            what = "one mean per row"
        title = f".mean(axis={mean_axis}) averages along axis {mean_axis}:\n{what}"
    ax.set_title(title, fontsize=11)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax


def draw_broadcast(a, b, *, ax=None):
    """Draw ``a + b`` step by step: the arrays, rule 1's prepended 1s, the result.

    Every array carries arrows naming its axes: one for a 1-D array, two for a 2-D
    one, so a row of shape ``(3,)`` and a row of shape ``(1, 3)`` look different.
    When the shapes have different lengths, a middle row shows the shorter one
    with its prepended axis of length 1 (in orange). The last row shows both
    arrays stretched to the result's shape (light cells are the ones broadcasting
    fills in; they are never stored) and the result. Beside the inputs, the
    shapes are written aligned at the right, as NumPy compares them.

    When the shapes are incompatible, ``b`` is drawn under ``a`` with its last axis
    along ``a``'s last axis (the shapes are compared from the right), the positions
    that have no partner are marked with "?", and NumPy's own message is shown in red.

    Parameters
    ----------
    a, b : array-like with at most 2 dimensions
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes
    """
    a_in, b_in = np.asarray(a), np.asarray(b)
    a2, b2 = _as_2d(a_in, "a"), _as_2d(b_in, "b")
    try:
        result = a_in + b_in
        error = None
    except ValueError as exc:  # NumPy's own message, as a learner would see it
        result, error = None, str(exc).strip()
    shapes = [a_in.shape, b_in.shape]
    labels = ["a", "b"]
    if result is not None:
        shapes.append(result.shape)
        labels.append("a + b")
    table = _shape_table(shapes, labels)

    own_figure = ax is None
    ax = _axes(ax, (8, 4))  # our own figure is sized to the drawing at the end
    b_left = a2.shape[1] + 3
    _array(ax, a2, a_in.ndim, 0, 0, caption=f"a: shape {a_in.shape}")
    right = _array(ax, b2, b_in.ndim, b_left, 0, caption=f"b: shape {b_in.shape}")
    table = "shapes, aligned at the right:\n" + table
    ax.text(right + 1.5, 0.6, table, family="monospace", fontsize=9, va="top")
    width = right + 1.5 + 0.14 * max(len(line) for line in table.splitlines()) + 0.5
    top = -max(a2.shape[0], b2.shape[0]) - 2.2

    if error is not None:
        # Shapes are compared from the right, axis by axis; the cells of b are then
        # drawn from the left under a's cells, so "from the right" names axes only.
        meets = (f"b's last axis (axis {b_in.ndim - 1}) meets a's last axis "
                 f"(axis {a_in.ndim - 1})")
        ax.text(-0.3, top + 1.0, f"NumPy compares the shapes from the right: {meets}",
                fontsize=10, va="bottom")
        _array(ax, a2, a_in.ndim, 0, top, caption="")
        b_top = top - a2.shape[0] - 0.9
        _array(ax, b2, b_in.ndim, 0, b_top, caption="")
        a_cols, b_cols = a2.shape[1], b2.shape[1]
        if a_cols != b_cols and 1 not in (a_cols, b_cols):
            for j in range(min(a_cols, b_cols), max(a_cols, b_cols)):
                row_top = b_top if b_cols < a_cols else top
                rows = b2.shape[0] if b_cols < a_cols else a2.shape[0]
                for i in range(rows):
                    ax.add_patch(Rectangle((j, row_top - i - 1), 1, 1, fill=False,
                                           edgecolor="red", linestyle="--"))
                    ax.text(j + 0.5, row_top - i - 0.5, "?", color="red",
                            ha="center", va="center", fontsize=12)
            ax.text(max(a_cols, b_cols) + 0.4, b_top - 0.5,
                    f"last axes: length {a_cols} against {b_cols},\n"
                    "not equal and neither is 1", color="red", fontsize=10,
                    va="center")
            width = max(width, max(a_cols, b_cols) + 7)
        bottom = b_top - b2.shape[0] - 0.5
        ax.text(-0.3, bottom, f"ValueError: {error}", color="red", fontsize=9,
                va="top")
        width = max(width, 0.115 * len(error) + 2)
        bottom -= 0.8
        ax.set_title(f"Broadcasting {a_in.shape} + {b_in.shape} fails")
    else:
        shape = (1,) * (2 - result.ndim) + result.shape
        lefts = {"a": 0, "b": b_left}
        grown = [(n, x2) for n, x2, x in (("a", a2, a_in), ("b", b2, b_in))
                 if x.ndim < result.ndim]
        if grown and result.ndim == 2:
            for name, x2 in grown:
                _array(ax, x2, 2, lefts[name], top, new_axis=True,
                       caption=f"{name} as {x2.shape}: a 1 prepended (rule 1)")
            top -= 1 + 2.2
        a_big = np.broadcast_to(a2, shape)
        b_big = np.broadcast_to(b2, shape)
        middle = top - shape[0] / 2
        x = _array(ax, a_big, result.ndim, 0, top, copied=_copied(a2, shape),
                   caption=_stretched("a", a2, shape, result.shape))
        ax.text(x + 0.8, middle, "+", ha="center", va="center", fontsize=16)
        x = _array(ax, b_big, result.ndim, x + 2.2, top, copied=_copied(b2, shape),
                   caption=_stretched("b", b2, shape, result.shape))
        ax.text(x + 0.8, middle, "=", ha="center", va="center", fontsize=16)
        x = _array(ax, a_big + b_big, result.ndim, x + 2.2, top, color=_RESULT,
                   caption=f"a + b: shape {result.shape}")
        width = max(width, x + 0.5)
        bottom = top - shape[0] - 0.5
        ax.set_title(f"Broadcasting {a_in.shape} + {b_in.shape} -> {result.shape}")
    ax.set_xlim(-1.2, width)
    ax.set_ylim(bottom, 1.4)
    if own_figure:
        ax.figure.set_size_inches(0.6 * (width + 1.2) + 0.5, 0.6 * (1.4 - bottom) + 0.6)
    return ax


def _stretched(name, array, shape, result_shape):
    """Caption of an operand in the last row: stretched, or already the full shape."""
    if _copied(array, shape).any():
        return f"{name} stretched: {result_shape}"
    return f"{name}, unchanged: {result_shape}"


def _copied(array, shape):
    """Mask of the cells of ``shape`` that broadcasting fills in for a 2-D array."""
    original = np.zeros(shape, dtype=bool)
    original[: array.shape[0], : array.shape[1]] = True
    return ~original


def draw_row_times_column(row, column, *, ax=None):
    """Draw the product of a (1, m) row and an (m, 1) column: pairs, products, sum.

    Parameters
    ----------
    row : array-like of shape (m,) or (1, m)
    column : array-like of shape (m,) or (m, 1)
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes
    """
    row = np.asarray(row).ravel()
    column = np.asarray(column).ravel()
    if row.size != column.size:
        raise ValueError(
            f"row and column need the same number of elements; got {row.size} and "
            f"{column.size}."
        )
    m = row.size
    ax = _axes(ax, (0.8 * m + 5, 0.8 * m + 1.5))
    _grid(ax, row[None, :], 0, m + 1, caption=f"row (1, {m})")
    _grid(ax, column[:, None], m + 1.5, m, caption=f"column ({m}, 1)")
    terms = [f"{r:g}×{c:g}" for r, c in zip(row, column, strict=True)]
    for k in range(m):
        ax.add_patch(FancyArrowPatch((k + 0.5, m), (m + 1.5, m - k - 0.5),
                                     arrowstyle="-", color="gray", alpha=0.5,
                                     connectionstyle="arc3,rad=0.2"))
    total = row @ column
    ax.text(m + 3, m / 2, " + ".join(terms) + f"\n= {total:g}", va="center",
            fontsize=11)
    ax.set_title(f"(1, {m}) @ ({m}, 1) -> (1, 1): multiply pairs, then add")
    ax.set_xlim(-0.5, m + 10)
    ax.set_ylim(-0.5, m + 2.5)
    return ax


def draw_neuron(n_inputs=3, *, activation="g", ax=None):
    """Draw one neuron: inputs, weights, weighted sum plus bias, activation, output.

    Parameters
    ----------
    n_inputs : int, default=3
        Number of inputs x1 ... xp drawn.
    activation : str, default="g"
        Label of the activation box.
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes
    """
    if n_inputs < 1:
        raise ValueError(f"n_inputs must be at least 1; got {n_inputs}.")
    ax = _axes(ax, (8, 1.2 * n_inputs + 1.5))
    centre = (n_inputs - 1) / 2
    sum_at, act_at, out_at = (4.0, centre), (6.5, centre), (8.6, centre)
    for i in range(n_inputs):
        y = n_inputs - 1 - i
        ax.add_patch(Circle((0.5, y), 0.35, facecolor=_ORIGINAL, edgecolor="black"))
        ax.text(0.5, y, f"$x_{i + 1}$", ha="center", va="center", fontsize=12)
        ax.add_patch(FancyArrowPatch((0.85, y), (sum_at[0] - 0.55, sum_at[1]),
                                     arrowstyle="-|>", mutation_scale=12))
        # the weight's label sits on its arrow, a third of the way along
        ax.text(0.85 + (sum_at[0] - 1.4) / 3, y + (centre - y) / 3 + 0.08,
                f"$w_{i + 1}$", fontsize=11, color="C3", ha="center", va="bottom")
    ax.add_patch(Circle(sum_at, 0.55, facecolor="#fdd0a2", edgecolor="black"))
    ax.text(*sum_at, r"$\Sigma$", ha="center", va="center", fontsize=16)
    ax.text(sum_at[0], sum_at[1] - 0.95, r"$z = \sum_i w_i x_i + b$", ha="center",
            fontsize=10)
    ax.annotate("bias $b$", xy=(sum_at[0], sum_at[1] + 0.55),
                xytext=(sum_at[0], sum_at[1] + 1.4), ha="center", fontsize=10,
                arrowprops={"arrowstyle": "-|>"})
    ax.add_patch(FancyArrowPatch((sum_at[0] + 0.55, centre), (act_at[0] - 0.6, centre),
                                 arrowstyle="-|>", mutation_scale=12))
    ax.add_patch(Rectangle((act_at[0] - 0.6, centre - 0.4), 1.2, 0.8,
                           facecolor=_RESULT, edgecolor="black"))
    ax.text(*act_at, f"{activation}(z)", ha="center", va="center", fontsize=11)
    ax.add_patch(FancyArrowPatch((act_at[0] + 0.6, centre), (out_at[0] - 0.3, centre),
                                 arrowstyle="-|>", mutation_scale=12))
    ax.text(*out_at, r"$\hat{y}$", ha="left", va="center", fontsize=14)
    ax.set_title("One neuron: weighted sum, plus bias, through an activation")
    ax.set_xlim(-0.2, 9.5)
    ax.set_ylim(-1.6, n_inputs + 0.8)
    return ax
