"""The checks of notebook 05's exercises: the MSE over a grid of lines.

References are computed here with plain loops over the grid, never with the
five-average formula or ``ck.loss_surface``.
"""

import numbers

import numpy as np

from coursekit.checks._legacy import (
    CheckFailed,
    as_array,
    call,
    compare,
    given,
    passed,
)
from coursekit.datasets import make_linear_data

__all__ = ["check_grid_size", "check_mse_from_averages", "check_raw_grid_minimum"]

_SECTION_BROADCAST = "notebook 05, section 4 (the same grid without loops)"
_SECTION_AVERAGES = "notebook 05, section 5 (five averages are enough)"


def _loop(x, y, intercepts, slopes):
    """The MSE of every (intercept, slope) pair, one pair at a time."""
    table = np.empty((len(intercepts), len(slopes)))
    for i, b0 in enumerate(intercepts):
        for j, b1 in enumerate(slopes):
            table[i, j] = np.mean((y - (b0 + b1 * x)) ** 2)
    return table


def _cases():
    rng = np.random.default_rng(5)
    x7 = 3.0 + rng.normal(size=7)  # not centred: every term of the formula counts
    return [
        ("7 points, 3 intercepts by 5 slopes", x7, 1.0 - 2.0 * x7,
         np.array([-1.0, 0.5, 2.0]), np.linspace(-3.0, 1.0, 5)),
        ("7 points, a 4 by 4 grid", x7, 2.0 + x7 + rng.normal(size=7),
         np.linspace(0.0, 3.0, 4), np.linspace(-1.0, 2.0, 4)),
        ("one point, 2 intercepts by 3 slopes", np.array([2.0]), np.array([5.0]),
         np.array([0.0, 1.0]), np.array([1.0, 2.0, 3.0])),
    ]


def _formula(x, y, intercepts, slopes, *, twos=(2, 2, 2), squares="xy"):
    """The five-average formula; its options make the mistakes a learner makes.

    ``squares`` names the variables whose mean of squares is right ("xy", "x", "y"
    or ""): for the others the square of the mean is used instead.
    """
    b0, b1 = intercepts[:, None], slopes[None, :]
    xx = np.mean(x * x) if "x" in squares else np.mean(x) ** 2
    yy = np.mean(y * y) if "y" in squares else np.mean(y) ** 2
    return (b0**2 + twos[0] * b0 * b1 * np.mean(x) + b1**2 * xx
            - twos[1] * b0 * np.mean(y) - twos[2] * b1 * np.mean(x * y) + yy)


def _shape_mistake(got, shape, n, what):
    """A message for the shapes that name their mistake, else None."""
    name = "`mse_from_averages`"
    if got == shape[::-1] and shape[0] != shape[1]:
        return (f"On {what}, {name} returned shape {got}; expected {shape}: your grid "
                "is transposed. Rows are intercepts (axis 0), columns are slopes "
                f"(axis 1): see the table of shapes in {_SECTION_BROADCAST}.")
    if len(got) == 1:
        return (f"On {what}, {name} returned shape {got}; expected {shape}: the "
                "intercepts and slopes were combined element by element. Give them "
                "two axes, intercepts[:, None] and slopes[None, :], so that every "
                f"intercept meets every slope ({_SECTION_BROADCAST}).")
    if got == () or (got != shape and n in got):
        return (f"On {what}, {name} returned shape {got}; expected {shape}: one MSE "
                "per (intercept, slope). Average over the data once, for the five "
                f"averages of {_SECTION_AVERAGES}, and nowhere else.")
    return None


def check_mse_from_averages(mse_from_averages):
    """Exercise 05-1: ``mse_from_averages(x, y, intercepts, slopes)``.

    Parameters
    ----------
    mse_from_averages : callable
        Returns an array of shape (len(intercepts), len(slopes)) whose ``[i, j]`` is
        ``mean((y - (intercepts[i] + slopes[j] * x)) ** 2)``.
    """
    for what, x, y, intercepts, slopes in _cases():
        try:
            result = call(mse_from_averages, x.copy(), y.copy(), intercepts.copy(),
                          slopes.copy())
        except CheckFailed as error:
            if "could not be broadcast" not in str(error):
                raise
            raise CheckFailed(
                f"On {what}, `mse_from_averages` failed: {error} The intercepts and "
                "slopes were combined element by element. Give them two axes, "
                "intercepts[:, None] and slopes[None, :], so that every intercept "
                f"meets every slope ({_SECTION_BROADCAST})."
            ) from None
        shape = (len(intercepts), len(slopes))
        if result is not None:
            message = _shape_mistake(np.shape(result), shape, len(x), what)
            if message:
                raise CheckFailed(message)
        result = as_array(result, shape=shape, name="mse_from_averages",
                          hint=f"one MSE per (intercept, slope): {_SECTION_BROADCAST}.")
        reference = _loop(x, y, intercepts, slopes)
        args = (x, y, intercepts, slopes)
        two = "a factor 2 is missing: (a - b)² = a² - 2ab + b²."
        compare(
            result, reference, what=f"`mse_from_averages` on {what}", rtol=1e-7,
            mistakes={
                "your grid is transposed: row i must hold intercepts[i] and column j "
                f"slopes[j] (see the table of shapes in {_SECTION_BROADCAST}).":
                    reference.T,
                "it uses the square of the mean, mean(x)**2, where the formula has "
                "the mean of the squares, mean(x**2) (and the same for y).":
                    _formula(*args, squares=""),
                "it uses the square of the mean, mean(x)**2, where the formula has "
                "the mean of the squares, mean(x**2), in the term of b1**2.":
                    _formula(*args, squares="y"),
                "it uses the square of the mean, mean(y)**2, where the formula has "
                "the mean of the squares, mean(y**2), in the last term.":
                    _formula(*args, squares="x"),
                **{f"{two} Look at {term}.": _formula(*args, twos=twos)
                   for term, twos in [("2 b0 b1 mean(x)", (1, 2, 2)),
                                      ("2 b0 mean(y)", (2, 1, 2)),
                                      ("2 b1 mean(xy)", (2, 2, 1)),
                                      ("every cross term", (1, 1, 1))]},
            },
            hint=f"Compare your code with the formula of {_SECTION_AVERAGES}, term "
            "by term.",
        )
    passed("your five-average formula matches a double loop, on square and "
           "non-square grids and on a single point.")


def _pair(answer, name):
    try:
        pair = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        pair = None
    if pair is None or pair.shape != (2,):
        raise CheckFailed(
            f"`{name}` should be a pair (intercept, slope); got "
            f"{type(answer).__name__}"
            + (f" of shape {pair.shape}" if pair is not None else "")
            + ". `surface.stack().idxmin()` gives such a pair."
        )
    return pair


def check_raw_grid_minimum(raw_grid_best):
    """Exercise 05-2: the lowest point of the raw-x grid, as (intercept, slope).

    The grid is 101 intercepts by 101 slopes, each from -100 to 100, over the
    notebook's 100 points with x not standardised.
    """
    got = _pair(given(raw_grid_best, "raw_grid_best"), "raw_grid_best")
    x, y = make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    grid = np.linspace(-100, 100, 101)
    table = _loop(x, y, grid, grid)
    i, j = np.unravel_index(np.argmin(table), table.shape)
    reference = np.array([grid[i], grid[j]])
    scaled = (x - x.mean()) / x.std()
    scaled_table = _loop(scaled, y, grid, grid)
    k, m = np.unravel_index(np.argmin(scaled_table), table.shape)
    ols = np.polyfit(x, y, 1)[::-1]
    compare(
        got, reference, what="`raw_grid_best`", rtol=0, atol=1e-6,
        mistakes={
            "the pair is (slope, intercept): give (intercept, slope), the order of "
            "the surface's index and columns.": reference[::-1],
            "that is the least-squares line, not the grid's lowest point: the grid "
            "only holds multiples of 2, and on a tilted bowl its best point can lie "
            "several steps from least squares.": ols,
            "that is the least-squares line rounded to the grid: the grid's lowest "
            "point is elsewhere, because the raw-x bowl is tilted.":
                np.round(ols / 2) * 2,
            "that grid used the standardised x: pass the raw x (`x` of notebook "
            "04, from 0 to 100).": [grid[k], grid[m]],
            "those are the row and column numbers of the lowest cell, not its "
            "intercept and slope: take the values from the index and columns, as "
            "`.stack().idxmin()` does.": [i, j],
        },
        hint="Recompute the surface over the raw x with 101 values from -100 to "
        "100 on each axis (step 2), and take the (intercept, slope) of its lowest "
        "cell as in section 3.",
    )
    passed(f"the raw-x grid's lowest point is ({got[0]:.0f}, {got[1]:.0f}), "
           f"{abs(got[0] - ols[0]) / 2:.1f} intercept steps from least squares.")


def _count(answer, name):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real | np.number):
        raise CheckFailed(f"`{name}` should be one number; got "
                          f"{type(answer).__name__}.")
    return float(answer)


def check_grid_size(n_grid_points, broadcast_gigabytes):
    """Exercise 05-3: a grid with step 1 over [-5000, 5000]², and its memory.

    Parameters
    ----------
    n_grid_points : int
        The number of (intercept, slope) pairs.
    broadcast_gigabytes : float
        The size in GB (10**9 bytes) of the float64 array of shape
        (n_intercepts, n_slopes, 100) that broadcasting builds.
    """
    points = _count(given(n_grid_points, "n_grid_points"), "n_grid_points")
    size = _count(given(broadcast_gigabytes, "broadcast_gigabytes"),
                  "broadcast_gigabytes")
    per_axis = 10_000 + 1  # both ends included: -5000, -4999, ..., 5000
    compare(
        points, per_axis**2, what="`n_grid_points`", rtol=0, atol=0.5,
        mistakes={
            "that counts 10,000 values per axis; from -5000 to 5000 in steps of 1 "
            "there is one more (both ends are on the grid: count them).": 10_000**2,
            "that is one axis; the grid pairs every intercept with every slope.":
                per_axis,
        },
        hint="Count the values on one axis, then pair every intercept with every "
        "slope.",
    )
    reference = per_axis**2 * 100 * 8 / 1e9
    compare(
        size, reference, what="`broadcast_gigabytes`", rtol=1e-6,
        mistakes={
            "that counts numbers, not bytes: each float64 takes 8 bytes.":
                reference / 8,
            "that leaves out the data axis: the array holds one number per grid "
            "point per data point (100 of them).": reference / 100,
            "that is in GiB (2**30 bytes); here a GB is 10**9 bytes.":
                reference * 1e9 / 2**30,
            "that is in bytes: divide by 10**9 for GB.": reference * 1e9,
            "that is the size for 10,000 values per axis (or a rounded figure): "
            "compute it from `n_grid_points`, 10,001 values per axis.":
                10_000**2 * 100 * 8 / 1e9,
        },
        hint=f"Multiply the number of grid points by the 100 data points and by 8 "
        f"bytes per float64 ({_SECTION_BROADCAST}).",
    )
    passed(f"{points:,.0f} grid points; broadcasting them over 100 points needs "
           f"{size:.1f} GB for one array.")
