"""The checks of notebook 01's exercises: creating, reshaping and reducing arrays."""

import numpy as np

from coursekit.checks._answers import given
from coursekit.checks._core import Exercise, Mistake, run

__all__ = ["check_column_means", "check_grid", "check_to_column"]


def _shape(got):
    try:
        return np.shape(got)
    except ValueError:  # rows of different lengths: the engine says so
        return None


GRID = Exercise(
    "01.grid", "grid", function=False,
    reference=lambda: np.arange(12).reshape(3, 4),
    mistakes=[
        Mistake("dataframe", when=lambda got: hasattr(got, "to_numpy")),
        Mistake("not_array",
                when=lambda got: isinstance(got, list | tuple | np.matrix)),
        Mistake("transposed", when=lambda got: _shape(got) == (4, 3)
                and np.array_equal(got, np.arange(12).reshape(3, 4).T)),
        Mistake("four_rows", when=lambda got: _shape(got) == (4, 3)),
        Mistake("one_to_twelve", wrong=lambda: np.arange(1, 13).reshape(3, 4)),
        Mistake("by_columns", wrong=lambda: np.arange(12).reshape(4, 3).T),
    ],
    passed="a (3, 4) matrix of 0 to 11, filled row by row.",
)


def _vectors():
    rng = np.random.default_rng(1)
    return [((v,), f"a vector of length {len(v)}") for v in (
        np.array([5, 6, 7]), rng.normal(size=6), np.array([4.0]), np.arange(10))]


COLUMN = Exercise(
    "01.to_column", "to_column", cases=_vectors,
    reference=lambda v: v[:, None],
    mistakes=[
        Mistake("dataframe", when=lambda got, v: hasattr(got, "to_numpy")),
        Mistake("not_array",
                when=lambda got, v: not isinstance(got, np.ndarray | type(None))),
        Mistake("row", when=lambda got, v: len(v) > 1
                and np.shape(got) == (1, len(v))),
        Mistake("still_1d",
                when=lambda got, v: len(v) > 1 and np.shape(got) == (len(v),)),
        Mistake("fixed_length", raised=r"cannot reshape .* into shape \(\d+,\s*1\)"),
        Mistake("reversed", wrong=lambda v: v[::-1, None]),
        Mistake("astype_int", wrong=lambda v: v.astype(int)[:, None]
                if not np.array_equal(v, v.astype(int)) else None),
    ],
    passed="to_column turns (m,) into (m, 1) for every length tried, 1 included.",
)


def _matrices():
    rng = np.random.default_rng(3)
    return [((M,), f"a matrix of shape {M.shape}") for M in (
        rng.normal(size=(5, 3)), rng.normal(size=(4, 4)), np.array([[1.0, 2.0, 3.0]]),
        rng.normal(size=(6, 1)), np.arange(6).reshape(2, 3))]  # the last of integers


MEANS = Exercise(
    "01.column_means", "column_means", cases=_matrices,
    reference=lambda M: M.sum(axis=0) / len(M),
    mistakes=[
        Mistake("dataframe", when=lambda got, M: hasattr(got, "to_numpy")),
        Mistake("not_array",
                when=lambda got, M: isinstance(got, list | tuple | np.matrix)),
        Mistake("kept_axis", when=lambda got, M: M.shape[1] > 1
                and np.shape(got) == (1, M.shape[1])),
        Mistake("one_number", when=lambda got, M: M.shape[1] > 1
                and np.shape(got) == ()),
        Mistake("column", when=lambda got, M: M.shape[1] > 1
                and np.shape(got) == (M.shape[1], 1)),
        Mistake("row_means", wrong=lambda M: M.mean(axis=1),
                when=lambda got, M: M.shape[0] != M.shape[1]
                and np.shape(got) == (len(M),)),
        Mistake("sums", wrong=lambda M: M.sum(axis=0)),
        Mistake("divided_by_columns", wrong=lambda M: M.sum(axis=0)
                / M.shape[1] if M.shape[0] != M.shape[1] else None),
    ],
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
