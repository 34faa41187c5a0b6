"""The checks of notebook 01's exercises: creating, reshaping and reducing arrays."""

import numpy as np

from coursekit.checks._core import (
    CheckFailed,
    as_array,
    call,
    compare,
    given,
    passed,
)

__all__ = ["check_column_means", "check_grid", "check_to_column"]

_ROW_MEANS = (
    "these are the means of the rows: axis 1 runs along each row. Average along "
    "axis 0 (notebook 01, section 4: axes)."
)
_RESHAPE = "see notebook 01, section 6 (reshaping)"


def check_grid(grid):
    """Check exercise 01-1: the numbers 0 to 11 in a matrix of 3 rows.

    Parameters
    ----------
    grid : ndarray
        The learner's matrix.
    """
    array = as_array(given(grid, "grid"), shape=np.shape(grid), name="grid",
                     verb="is")  # numbers, any shape
    if np.array_equal(array, np.arange(12).reshape(3, 4).T):
        raise CheckFailed(
            "`grid` holds the transpose: keep `grid` as the matrix of 3 rows and only "
            "print the transpose's shape, `grid.T.shape`."
        )
    if array.shape == (4, 3):
        raise CheckFailed(
            "`grid` has shape (4, 3): 4 rows of 3. The first length given to "
            f"reshape is the number of rows; {_RESHAPE}."
        )
    if array.shape != (3, 4):
        raise CheckFailed(
            f"`grid` has shape {array.shape}; expected 3 rows of 4 numbers, "
            f"shape (3, 4): {_RESHAPE}."
        )
    expected = np.arange(12).reshape(3, 4)
    compare(array, expected, what="`grid`", mistakes={
        "your numbers run from 1 to 12, not 0 to 11. np.arange starts at 0 unless "
        "given a start, and stops before its stop value (notebook 01, section 5: "
        "creating arrays).": expected + 1,
        "your numbers go down the columns; reshape fills the rows first, one after the "
        "other, so the first row is 0, 1, 2, 3.": np.arange(12).reshape(4, 3).T,
    }, hint="Expected the numbers 0 to 11, row after row (notebook 01, section 5).")
    passed("a (3, 4) matrix of 0 to 11, filled row by row.")


def check_to_column(to_column):
    """Check exercise 01-2: a function that turns a 1-D array into a column.

    Tries vectors of several lengths, including one element, of integers and floats.

    Parameters
    ----------
    to_column : callable
        ``to_column(vector)`` for ``vector`` of shape (m,); should return shape (m, 1).
    """
    rng = np.random.default_rng(1)
    cases = [np.array([5, 6, 7]), rng.normal(size=6), np.array([4.0]),
             np.arange(10)]
    for k, vector in enumerate(cases, start=1):
        m = len(vector)
        try:
            result = call(to_column, vector.copy(), name="to_column")
        except CheckFailed as error:
            if "cannot reshape" not in str(error):
                raise
            raise CheckFailed(
                f"{error} The vectors tried have different lengths, so a length "
                "written into the code fits only one of them: give -1 and let NumPy "
                "work it out (notebook 01, section 6)."
            ) from None
        shape = np.shape(result)
        if shape == (1, m) and m > 1:
            raise CheckFailed(
                f"`to_column` returned shape {shape}, a row: the new axis of length 1 "
                "came first. `vector[None, :]` and `reshape(1, -1)` make rows; a "
                "column has it second (notebook 01, section 9)."
            )
        if shape == (m,) and m > 1:
            raise CheckFailed(
                f"`to_column` returned shape {shape}, still 1-D: `.T` leaves a 1-D "
                "array unchanged (notebook 01, section 2). Add an axis of length 1 "
                "after the existing one (notebook 01, section 9)."
            )
        column = as_array(result, shape=(m, 1), name="to_column",
                          hint="a column has one row per element and one column "
                          "(notebook 01, section 9)")
        compare(column, vector[:, None], what=f"the column of case {k} (length {m})",
                mistakes={"the elements are in reverse order.": vector[::-1, None]},
                hint="The column should hold the vector's elements in their order.")
    passed("to_column turns (m,) into (m, 1) for every length tried, 1 included.")


def check_column_means(column_means):
    """Check exercise 01-3: the mean of each column of a matrix.

    Tries a tall matrix, a square one, a single row (one sample) and a single column.

    Parameters
    ----------
    column_means : callable
        ``column_means(M)`` for ``M`` of shape (n, p); should return shape (p,).
    """
    rng = np.random.default_rng(3)
    cases = [rng.normal(size=(5, 3)), rng.normal(size=(4, 4)),
             np.array([[1.0, 2.0, 3.0]]), rng.normal(size=(6, 1))]
    for k, M in enumerate(cases, start=1):
        n, p = M.shape
        result = call(column_means, M.copy(), name="column_means")
        shape = np.shape(result)
        if shape == (1, p) and p > 1:
            raise CheckFailed(
                f"`column_means` returned shape {shape}, a 2-D row; expected a 1-D "
                f"array of shape ({p},). Something kept the averaged axis as a "
                "length 1 (keepdims=True or a reshape): leave it out "
                "(notebook 01, section 4: axes)."
            )
        if shape == (n,) and n != p:
            raise CheckFailed(
                f"`column_means` returned shape {shape}, one number per row, for a "
                f"matrix of shape {M.shape}: you averaged along axis 1. The mean over "
                "axis 0 collapses the rows and leaves one mean per column "
                "(notebook 01, section 4: axes)."
            )
        means = as_array(result, shape=(p,), name="column_means",
                         hint="one mean per column (notebook 01, section 4: axes)")
        mistakes = {"these are sums, not means: divide by the number of rows.":
                    M.sum(axis=0)}
        if n != p:  # the sum of each column divided by the number of columns
            mistakes[
                "you divided each column's sum by the number of columns; a column "
                "holds one number per row, so divide by the number of rows, "
                "shape[0] (notebook 01, section 4)."
            ] = M.sum(axis=0) / p
        if n == p:  # only a square matrix lets row means pass the shape test
            mistakes[_ROW_MEANS] = M.sum(axis=1) / p
        compare(means, M.sum(axis=0) / n,
                what=f"column_means for case {k}, a matrix of shape {M.shape},",
                mistakes=mistakes, hint="See notebook 01, section 4 (axes).")
    passed("column_means gives one mean per column, for 1 row and 1 column too.")
