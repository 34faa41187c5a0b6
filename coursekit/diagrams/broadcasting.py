"""``a + b`` drawn step by step: the shapes, rule 1's prepended 1s, the result."""

import numpy as np
from matplotlib.patches import Rectangle

from coursekit.diagrams._grid import RESULT, as_2d, draw_array, new_axes

__all__ = ["draw_broadcast"]


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
    a2, b2 = as_2d(a_in, "a"), as_2d(b_in, "b")
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
    ax = new_axes(ax, (8, 4))  # our own figure is sized to the drawing at the end
    b_left = a2.shape[1] + 3
    draw_array(ax, a2, a_in.ndim, 0, 0, caption=f"a: shape {a_in.shape}")
    right = draw_array(ax, b2, b_in.ndim, b_left, 0, caption=f"b: shape {b_in.shape}")
    table = "shapes, aligned at the right:\n" + table
    ax.text(right + 1.5, 0.6, table, family="monospace", fontsize=10, va="top")
    width = right + 1.5 + 0.156 * max(len(line) for line in table.splitlines()) + 0.5
    top = -max(a2.shape[0], b2.shape[0]) - 2.2

    if error is not None:
        # Shapes are compared from the right, axis by axis; the cells of b are then
        # drawn from the left under a's cells, so "from the right" names axes only.
        meets = (f"b's last axis (axis {b_in.ndim - 1}) meets a's last axis "
                 f"(axis {a_in.ndim - 1})")
        ax.text(-0.3, top + 1.0, f"NumPy compares the shapes from the right: {meets}",
                fontsize=10, va="bottom")
        draw_array(ax, a2, a_in.ndim, 0, top, caption="")
        b_top = top - a2.shape[0] - 0.9
        draw_array(ax, b2, b_in.ndim, 0, b_top, caption="")
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
        ax.text(-0.3, bottom, f"ValueError: {error}", color="red", fontsize=10,
                va="top")
        width = max(width, 0.128 * len(error) + 2)
        bottom -= 0.8
        ax.set_title(f"Broadcasting {a_in.shape} + {b_in.shape} fails")
    else:
        shape = (1,) * (2 - result.ndim) + result.shape
        lefts = {"a": 0, "b": b_left}
        grown = [(n, x2) for n, x2, x in (("a", a2, a_in), ("b", b2, b_in))
                 if x.ndim < result.ndim]
        if grown and result.ndim == 2:
            for name, x2 in grown:
                draw_array(ax, x2, 2, lefts[name], top, new_axis=True,
                           caption=f"{name} as {x2.shape}: a 1 prepended (rule 1)")
            top -= 1 + 2.2
        a_big = np.broadcast_to(a2, shape)
        b_big = np.broadcast_to(b2, shape)
        middle = top - shape[0] / 2
        x = draw_array(ax, a_big, result.ndim, 0, top, copied=_copied(a2, shape),
                       caption=_stretched("a", a2, shape, result.shape))
        ax.text(x + 0.8, middle, "+", ha="center", va="center", fontsize=16)
        x = draw_array(ax, b_big, result.ndim, x + 2.2, top,
                       copied=_copied(b2, shape),
                       caption=_stretched("b", b2, shape, result.shape))
        ax.text(x + 0.8, middle, "=", ha="center", va="center", fontsize=16)
        x = draw_array(ax, a_big + b_big, result.ndim, x + 2.2, top, color=RESULT,
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
