"""Teaching diagrams drawn with matplotlib: broadcasting, a product, a neuron.

Each function takes ``ax=None``, draws on it (or on a new figure) and returns
the Axes.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

__all__ = ["draw_broadcast", "draw_neuron", "draw_row_times_column"]

_ORIGINAL = "#9ecae1"  # cells that hold the array's own values
_COPY = "#e5f1f8"  # cells that broadcasting fills in "as if copied"
_RESULT = "#a1d99b"


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
    ax.text(left + cols / 2, top + 0.3, caption, ha="center", va="bottom", fontsize=10)
    return left + cols


def _stretch(array, shape):
    """The broadcast copy of a 2-D array, and a mask of its copied cells."""
    stretched = np.broadcast_to(array, shape)
    original = np.zeros(shape, dtype=bool)
    original[: array.shape[0], : array.shape[1]] = True
    return stretched, ~original


def draw_broadcast(a, b, *, ax=None):
    """Draw ``a + b``: both arrays, their broadcast (stretched) copies, the result.

    Arrays of 0, 1 or 2 dimensions are drawn as rows of cells (a 1-D array is
    drawn as the single row it becomes once a 1 is prepended to its shape).
    Light cells are the ones broadcasting fills in; they are never stored. When
    the shapes are incompatible, the diagram says so in red and shows NumPy's
    message.

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
        result_shape = (a_in + b_in).shape
        shape = (1,) * (2 - len(result_shape)) + result_shape
        error = None
    except ValueError as exc:  # NumPy's own message, as a learner would see it
        shape, error = None, str(exc)
    width = a2.shape[1] + b2.shape[1] + 3
    if shape is not None:
        width = max(width, 3 * shape[1] + 4)
    height = max(a2.shape[0], b2.shape[0]) + (shape[0] + 2 if shape else 2)
    ax = _axes(ax, (0.7 * width + 1, 0.7 * height + 1))

    top = height
    right = _grid(ax, a2, 0, top, caption=f"a: shape {a_in.shape}")
    _grid(ax, b2, right + 2, top, caption=f"b: shape {b_in.shape}")
    if error is not None:
        ax.text(0, top - max(a2.shape[0], b2.shape[0]) - 0.6,
                f"cannot broadcast:\n{error}", color="red", fontsize=10, va="top")
        ax.set_title("Broadcasting a + b fails")
    else:
        top2 = shape[0] + 0.5
        a_big, a_copied = _stretch(a2, shape)
        b_big, b_copied = _stretch(b2, shape)
        middle = top2 - shape[0] / 2
        x = _grid(ax, a_big, 0, top2, a_copied, caption="a stretched")
        ax.text(x + 0.75, middle, "+", ha="center", va="center", fontsize=16)
        x = _grid(ax, b_big, x + 1.5, top2, b_copied, caption="b stretched")
        ax.text(x + 0.75, middle, "=", ha="center", va="center", fontsize=16)
        _grid(ax, a_big + b_big, x + 1.5, top2, color=_RESULT, caption="a + b")
        ax.set_title(f"Broadcasting {a_in.shape} + {b_in.shape} -> {result_shape}")
    ax.set_xlim(-0.5, width + 0.5)
    ax.set_ylim(-0.5, height + 1.2)
    return ax


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
