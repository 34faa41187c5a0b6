"""The checks of notebook 01's exercises: creating, reshaping and reducing arrays."""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, given, run

__all__ = ["check_column_means", "check_grid", "check_to_column"]


def _shape(got):
    try:
        return np.shape(got)
    except ValueError:  # rows of different lengths: the engine says so
        return None


GRID = Exercise(
    "01.grid", "grid", "01.6", function=False,
    reference=lambda: np.arange(12).reshape(3, 4),
    mistakes=[
        Mistake("transposed", "01.3", "it holds the transpose: keep `grid` as the "
                "matrix of 3 rows and only print the shape of `grid.T`",
                when=lambda got: _shape(got) == (4, 3)
                and np.array_equal(got, np.arange(12).reshape(3, 4).T)),
        Mistake("four_rows", "01.6", "it has 4 rows of 3: the first length given to "
                "reshape is the number of rows",
                when=lambda got: _shape(got) == (4, 3)),
        Mistake("one_to_twelve", "01.5", "its numbers run from 1 to 12: np.arange "
                "starts at 0 unless given a start, and stops before its stop value",
                wrong=lambda: np.arange(1, 13).reshape(3, 4)),
        Mistake("by_columns", "01.6", "its numbers go down the columns; reshape fills "
                "the rows first, one after the other",
                wrong=lambda: np.arange(12).reshape(4, 3).T),
    ],
    hint="expected the numbers 0 to 11, row after row",
    passed="a (3, 4) matrix of 0 to 11, filled row by row.",
)


def _vectors():
    rng = np.random.default_rng(1)
    return [((v,), f"a vector of length {len(v)}") for v in (
        np.array([5, 6, 7]), rng.normal(size=6), np.array([4.0]), np.arange(10))]


COLUMN = Exercise(
    "01.to_column", "to_column", "01.9", cases=_vectors,
    reference=lambda v: v[:, None],
    mistakes=[
        Mistake("dataframe", "01.8", "it is a pandas object. A DataFrame shows a 1-D "
                "vector as a column, but it is not a NumPy column of shape (m, 1): "
                "return a NumPy array", when=lambda got, v: hasattr(got, "to_numpy")),
        Mistake("not_array", "01.9", "it is not a NumPy array (a list?): build the "
                "column from the vector itself with NumPy",
                when=lambda got, v: not isinstance(got, np.ndarray | type(None))),
        Mistake("row", "01.9", "it is a row: the new axis of length 1 came first. A "
                "column has it second", when=lambda got, v: len(v) > 1
                and np.shape(got) == (1, len(v))),
        Mistake("still_1d", "01.9", "it is still 1-D: `.T` leaves a 1-D array "
                "unchanged. Add an axis of length 1 after the existing one",
                when=lambda got, v: len(v) > 1 and np.shape(got) == (len(v),)),
        Mistake("fixed_length", "01.6", "The vectors tried have different lengths, so "
                "a length written into the code fits only one of them: give -1 and let "
                "NumPy work it out", raised="cannot reshape"),
        Mistake("reversed", "01.9", "the elements are in reverse order",
                wrong=lambda v: v[::-1, None]),
        Mistake("astype_int", "01.5", "its numbers lost their decimals: "
                "`.astype(int)` cuts them off; keep the vector's own numbers",
                wrong=lambda v: v.astype(int)[:, None]
                if not np.array_equal(v, v.astype(int)) else None),
    ],
    hint="a column holds the vector's elements, one per row, in their order",
    passed="to_column turns (m,) into (m, 1) for every length tried, 1 included.",
)


def _matrices():
    rng = np.random.default_rng(3)
    return [((M,), f"a matrix of shape {M.shape}") for M in (
        rng.normal(size=(5, 3)), rng.normal(size=(4, 4)), np.array([[1.0, 2.0, 3.0]]),
        rng.normal(size=(6, 1)))]


MEANS = Exercise(
    "01.column_means", "column_means", "01.4", cases=_matrices,
    reference=lambda M: M.sum(axis=0) / len(M),
    mistakes=[
        Mistake("kept_axis", "01.4", "it is a 2-D row; expected a 1-D array. "
                "Something kept the averaged axis as a length 1 (keepdims=True or a "
                "reshape): leave it out", when=lambda got, M: M.shape[1] > 1
                and np.shape(got) == (1, M.shape[1])),
        Mistake("row_means", "01.4", "these are the means of the rows: axis 1 "
                "runs along each row. The mean over axis 0 collapses the rows and "
                "leaves one mean per column", wrong=lambda M: M.mean(axis=1),
                when=lambda got, M: M.shape[0] != M.shape[1]
                and np.shape(got) == (len(M),)),
        Mistake("sums", "01.4", "these are sums, not means: divide by the number of "
                "rows", wrong=lambda M: M.sum(axis=0)),
        Mistake("divided_by_columns", "01.4", "each column's sum is divided by the "
                "number of columns; a column holds one number per row, so divide by "
                "the number of rows, shape[0]", wrong=lambda M: M.sum(axis=0)
                / M.shape[1] if M.shape[0] != M.shape[1] else None),
    ],
    hint="one mean per column, the mean along axis 0",
    passed="column_means gives one mean per column, for 1 row and 1 column too.",
)


def check_grid(grid):
    """Exercise 01-1: the numbers 0 to 11 in a matrix of 3 rows."""
    run(GRID, given(grid, "grid"))


def check_to_column(to_column):
    """Exercise 01-2: ``to_column(vector)`` turns shape (m,) into (m, 1)."""
    run(COLUMN, to_column)


def check_column_means(column_means):
    """Exercise 01-3: ``column_means(M)``, the mean of each column, shape (p,)."""
    run(MEANS, column_means)
