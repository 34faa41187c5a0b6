"""A row times a column: each pair multiplied, the products added."""

import numpy as np

from coursekit.diagrams._grid import RESULT, grid, new_axes

__all__ = ["draw_row_times_column"]


def _connector(k, m, n_points=50):
    """Quarter circle from row cell ``k``'s top to column cell ``k``'s left side.

    The row lies along y in [-1, 0] and the column stands on x in [m + 1, m + 2];
    every connector is centred on (m + 1, 0) with its own radius ``m + 0.5 - k``,
    so the connectors are nested and never cross.

    >>> x, y = _connector(0, 2, n_points=3)
    >>> x.round(2).tolist(), y.round(2).tolist()
    ([0.5, 1.23, 3.0], [0.0, 1.77, 2.5])
    """
    radius = m + 0.5 - k
    angle = np.linspace(np.pi, np.pi / 2, n_points)
    return m + 1 + radius * np.cos(angle), radius * np.sin(angle)


def draw_row_times_column(row, column, *, ax=None):
    """Draw the product of a (1, m) row and an (m, 1) column: pairs, products, sum.

    The row lies at the bottom left, the column stands at the top right and the
    (1, 1) result sits where the row's line and the column's line meet. Element
    ``k`` of the row is joined to element ``k`` of the column by a curve in colour
    ``f"C{k}"``; the curves are nested, so none crosses another. Each product is
    written beside its column cell in the same colour, and their sum beside the
    result cell.

    Parameters
    ----------
    row : array-like of shape (m,) or (1, m)
    column : array-like of shape (m,) or (m, 1)
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = draw_row_times_column([1, 2], [3, 4])
    >>> [t.get_text() for t in ax.texts][-3:]
    ['1×3 = 3', '2×4 = 8', 'sum: 3 + 8 = 11']
    """
    row = np.asarray(row).ravel()
    column = np.asarray(column).ravel()
    if row.size != column.size:
        raise ValueError(
            f"row and column need the same number of elements; got {row.size} and "
            f"{column.size}."
        )
    m = row.size
    if m == 0:
        raise ValueError("row and column are empty; give them at least one element.")
    products = row * column
    total = products.sum()
    lines = [f"{r:g}×{c:g} = {p:g}" for r, c, p in zip(row, column, products,
                                                        strict=True)]
    sum_text = "sum: " + " + ".join(f"{p:g}" for p in products) + f" = {total:g}"
    # text runs right of the column; about 0.16 data units per character
    text_left = m + 2.3
    right = text_left + 0.16 * max(len(text) for text in [*lines, sum_text]) + 0.3
    bottom, top = -2.0, m + 2.3
    own_figure = ax is None
    ax = new_axes(ax, (6, 4))  # our own figure is sized to the drawing below

    grid(ax, row[None, :], 0, 0)
    ax.text(m / 2, -1.2, f"row ({1}, {m})", ha="center", va="top", fontsize=10)
    grid(ax, column[:, None], m + 1, m + 1, caption=f"column ({m}, 1)")
    grid(ax, np.array([[total]]), m + 1, 0, color=RESULT)
    ax.text(m + 1.5, -1.2, "result (1, 1)", ha="center", va="top", fontsize=10)
    for k in range(m):
        color = f"C{k % 10}"  # matplotlib names ten cycle colours, C0 to C9
        ax.plot(*_connector(k, m), color=color, lw=2.5, solid_capstyle="round")
        ax.text(text_left, m + 0.5 - k, lines[k], color=color, ha="left",
                va="center", fontsize=11)
    ax.text(text_left, -0.5, sum_text, ha="left", va="center", fontsize=11)
    ax.set_title(f"(1, {m}) @ ({m}, 1) → (1, 1): multiply pairs, then add")
    ax.set_xlim(-0.5, right)
    ax.set_ylim(bottom, top)
    if own_figure:
        ax.figure.set_size_inches(0.6 * (right + 0.5) + 0.5, 0.6 * (top - bottom) + 0.6)
    return ax
