"""The checks of notebook 05's exercises: the MSE over a grid of lines.

References are computed here with plain loops over the grid, never with the
five-average formula or ``ck.loss_surface``.
"""

import functools
import sys

import numpy as np

from coursekit.checks._core import Exercise, Mistake, Spy, given, number, run
from coursekit.datasets import make_linear_data

__all__ = ["check_grid_size", "check_mse_from_averages", "check_raw_grid_minimum"]


def _loop(x, y, intercepts, slopes):
    """The MSE of every (intercept, slope) pair, one pair at a time."""
    table = np.empty((len(intercepts), len(slopes)))
    for i, b0 in enumerate(intercepts):
        for j, b1 in enumerate(slopes):
            table[i, j] = np.mean((y - (b0 + b1 * x)) ** 2)
    return table


def _watched(function):
    """The learner's function, run on watched data with ``ck.loss_surface`` watched."""
    if not callable(function):
        return function

    def watched(x, y, intercepts, slopes):
        ck = sys.modules["coursekit"]  # the package the learner calls it from
        used, own = [], ck.loss_surface
        Spy.largest = 0
        ck.loss_surface = lambda *a, **k: used.append(1) or own(*a, **k)
        try:
            result = function(x.view(Spy), y.view(Spy), intercepts, slopes)
        finally:
            ck.loss_surface = own
        grid = len(intercepts) * len(slopes)
        if used or (len(x) > 1 and Spy.largest >= grid * len(x)):
            return Shortcut("loss_surface" if used else "broadcast")
        return result.view(np.ndarray) if isinstance(result, np.ndarray) else result

    return watched


class Shortcut(str):
    """What the learner's function used instead of the five averages."""


def _used(got, shortcut):
    return isinstance(got, Shortcut) and got == shortcut


def _formula(x, y, intercepts, slopes, *, twos=(2, 2, 2), squares="xy"):
    """The five-average formula; its options make the mistakes a learner makes."""
    b0, b1 = intercepts[:, None], slopes[None, :]
    xx = np.mean(x * x) if "x" in squares else np.mean(x) ** 2
    yy = np.mean(y * y) if "y" in squares else np.mean(y) ** 2
    return (b0**2 + twos[0] * b0 * b1 * np.mean(x) + b1**2 * xx
            - twos[1] * b0 * np.mean(y) - twos[2] * b1 * np.mean(x * y) + yy)


def _grids():
    rng = np.random.default_rng(5)
    x7 = 3.0 + rng.normal(size=7)  # not centred: every term of the formula counts
    return [((x7, 1.0 - 2.0 * x7, np.array([-1.0, 0.5, 2.0]), np.linspace(-3, 1, 5)),
             "7 points, 3 intercepts by 5 slopes"),
            ((x7, 2.0 + x7 + rng.normal(size=7), np.linspace(0.0, 3.0, 4),
              np.linspace(-1.0, 2.0, 4)), "7 points, a 4 by 4 grid"),
            ((np.array([2.0]), np.array([5.0]), np.array([0.0, 1.0]),
              np.array([1.0, 2.0, 3.0])), "one point, 2 intercepts by 3 slopes")]


def _two(key, term, twos):
    return Mistake(key, "05.5", f"a factor 2 is missing in {term}: (a - b)² = a² - 2ab "
                   "+ b²", wrong=lambda *a: _formula(*a, twos=twos))


AVERAGES = Exercise(
    "05.mse_from_averages", "mse_from_averages", "05.5", cases=_grids,
    reference=_loop,
    mistakes=[
        Mistake("loss_surface", "05.5", "it calls ck.loss_surface, whose table the "
                "exercise asks you to build: write the formula with the five averages",
                when=lambda got, *a: _used(got, "loss_surface")),
        Mistake("broadcast_3d", "05.4", "it builds an array with one number per grid "
                "point per data point, the broadcast of section 4. Average over the "
                "data once, for the five averages, and nowhere else",
                when=lambda got, *a: _used(got, "broadcast")),
        Mistake("element_by_element", "05.4", "the intercepts and slopes were combined "
                "element by element. Give them two axes, so that every intercept meets "
                "every slope", raised="could not be broadcast",
                when=lambda got, x, y, b0, b1: np.ndim(got) == 1),
        Mistake("transposed", "05.4", "the grid is transposed: rows are intercepts "
                "(axis 0), columns slopes (axis 1)",
                wrong=lambda *a: _loop(*a).T,
                when=lambda got, x, y, b0, b1: len(b0) != len(b1)
                and np.shape(got) == (len(b1), len(b0))),
        Mistake("squares_of_means", "05.5", "it uses the squares of the means, "
                "mean(x)**2 and mean(y)**2, where the formula has the means of the "
                "squares", wrong=lambda *a: _formula(*a, squares="")),
        Mistake("x_square_of_mean", "05.5", "it uses the square of the mean, "
                "mean(x)**2, where the term of b1**2 has the mean of the squares",
                wrong=lambda *a: _formula(*a, squares="y")),
        Mistake("y_square_of_mean", "05.5", "it uses the square of the mean, "
                "mean(y)**2, where the last term has the mean of the squares",
                wrong=lambda *a: _formula(*a, squares="x")),
        _two("two_b0_b1", "2 b0 b1 mean(x)", (1, 2, 2)),
        _two("two_b0_y", "2 b0 mean(y)", (2, 1, 2)),
        _two("two_b1_xy", "2 b1 mean(xy)", (2, 2, 1)),
        _two("two_all", "every cross term", (1, 1, 1)),
    ],
    hint="compare your code with the formula, term by term",
    passed="your five-average formula matches a double loop, on square and "
           "non-square grids and on a single point.",
)


@functools.cache
def _raw():
    """The raw-x grid's table, and the tables and lines of the usual mistakes."""
    x, y = make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    grid = np.linspace(-100, 100, 101)
    table = _loop(x, y, grid, grid)
    i, j = np.unravel_index(np.argmin(table), table.shape)
    scaled = _loop((x - x.mean()) / x.std(), y, grid, grid)
    k, m = np.unravel_index(np.argmin(scaled), table.shape)
    ols = np.polyfit(x, y, 1)[::-1]
    return {"best": np.array([grid[i], grid[j]]), "indices": np.array([i, j]),
            "scaled": np.array([grid[k], grid[m]]), "ols": ols,
            "ols_on_grid": np.round(ols / 2) * 2}


RAW_GRID = Exercise(
    "05.raw_grid_best", "raw_grid_best", "05.3", function=False, rtol=0, atol=1e-6,
    reference=lambda: _raw()["best"],
    mistakes=[
        Mistake("swapped", "05.3", "the pair is (slope, intercept): give (intercept, "
                "slope), the order of the surface's index and columns",
                wrong=lambda: _raw()["best"][::-1]),
        Mistake("least_squares", "05.7", "that is the least-squares line, not the "
                "grid's lowest point: the grid only holds multiples of 2, and on a "
                "tilted bowl its best point can lie several steps away",
                wrong=lambda: _raw()["ols"]),
        Mistake("least_squares_rounded", "05.7", "that is the least-squares line "
                "rounded to the grid: on the tilted raw-x bowl the grid's lowest point "
                "is elsewhere", wrong=lambda: _raw()["ols_on_grid"]),
        Mistake("standardised", "05.3", "that grid used the standardised x: pass the "
                "raw x of notebook 04, from 0 to 100", wrong=lambda: _raw()["scaled"]),
        Mistake("indices", "05.3", "those are the row and column numbers of the "
                "lowest cell, not its intercept and slope: take the values from the "
                "index and columns, as `.stack().idxmin()` does",
                wrong=lambda: _raw()["indices"]),
    ],
    shape_hint="expected a pair (intercept, slope), as `.stack().idxmin()` gives.",
    hint="recompute the surface over the raw x, 101 values from -100 to 100 on each "
         "axis, and take the (intercept, slope) of its lowest cell",
    passed=lambda got: f"the raw-x grid's lowest point is ({got[0]:.0f}, "
                       f"{got[1]:.0f}), {abs(got[0] - _raw()['ols'][0]) / 2:.1f} "
                       "intercept steps from least squares.",
)

_AXIS = 10_001  # both ends on the grid: -5000, -4999, ..., 5000


def _size(points, per_point=100 * 8):
    return points * per_point / 1e9


GRID_SIZE = Exercise(
    "05.grid_size", "n_grid_points, broadcast_gigabytes", "05.4", function=False,
    rtol=1e-9, atol=0,
    parts=("n_grid_points", "broadcast_gigabytes"),
    reference=lambda: (_AXIS**2, _size(_AXIS**2)),
    mistakes=[
        Mistake("fence_post", "05.2", "count the values on one axis again, one by one "
                "from the ends: both -5000 and 5000 are on the grid",
                wrong=lambda: (10_000**2, None)),
        Mistake("one_end_twice", "05.2", "one axis counts both ends and the other does "
                "not: intercepts and slopes run over the same values",
                wrong=lambda: (10_000 * _AXIS, None)),
        Mistake("one_axis", "05.2", "that is one axis; the grid pairs every intercept "
                "with every slope", wrong=lambda: (_AXIS, None)),
        Mistake("numbers_not_bytes", "05.4", "that counts numbers, not bytes: each "
                "float64 takes 8 bytes", wrong=lambda: (None, _size(_AXIS**2, 100))),
        Mistake("no_data_axis", "05.4", "that leaves out the data axis: the array "
                "holds one number per grid point per data point",
                wrong=lambda: (None, _size(_AXIS**2, 8))),
        Mistake("gib", "05.4", "that is in GiB (2**30 bytes); here a GB is 10**9 bytes",
                wrong=lambda: (None, _size(_AXIS**2) * 1e9 / 2**30)),
        Mistake("bytes", "05.4", "that is in bytes: divide by 10**9 for GB",
                wrong=lambda: (None, _size(_AXIS**2) * 1e9)),
        Mistake("bits", "05.4", "that is in bits: a GB counts bytes, 8 bits each",
                wrong=lambda: (None, _size(_AXIS**2) * 8)),
    ],
    hint="count the values on one axis, pair every intercept with every slope, then "
         "multiply by the data points and the bytes per float64",
    near="it is close but not equal, and not by rounding: compute it from "
         "`n_grid_points` itself",
    passed=lambda got: f"{got[0]:,.0f} grid points; broadcasting them over 100 points "
                       f"needs {got[1]:.1f} GB for one array.",
)


def check_mse_from_averages(mse_from_averages):
    """Exercise 05-1: ``mse_from_averages(x, y, intercepts, slopes)``, a table."""
    run(AVERAGES, _watched(mse_from_averages))


def check_raw_grid_minimum(raw_grid_best):
    """Exercise 05-2: the lowest point of the raw-x grid, as (intercept, slope)."""
    run(RAW_GRID, given(raw_grid_best, "raw_grid_best"))


def check_grid_size(n_grid_points, broadcast_gigabytes):
    """Exercise 05-3: a grid with step 1 over [-5000, 5000]², and its memory."""
    run(GRID_SIZE, (number(n_grid_points, "n_grid_points"),
                    number(broadcast_gigabytes, "broadcast_gigabytes")))
