"""The checks of notebook 05's exercises: the MSE over a grid of lines.

References are computed here with plain loops over the grid, never with the
five-average formula or ``ck.loss_surface``.
"""

import functools
import sys

import numpy as np

from coursekit.checks._answers import Spy, given, number
from coursekit.checks._core import Exercise, Mistake, run
from coursekit.datasets import make_linear_data

__all__ = ["check_grid_size", "check_mse_from_averages", "check_raw_grid_minimum"]


def _loop(x, y, intercepts, slopes):
    """The MSE of every (intercept, slope) pair, one pair at a time."""
    x, y = (np.asarray(a).view(np.ndarray) for a in (x, y))  # not counted as passes
    table = np.empty((len(intercepts), len(slopes)))
    for i, b0 in enumerate(intercepts):
        for j, b1 in enumerate(slopes):
            table[i, j] = np.mean((y - (b0 + b1 * x)) ** 2)
    return table


class _Passes(Spy):
    """A watched array that also counts, since they were reset, the passes over the
    data (arrays computed from it with one number per data point, ``n``), the numbers
    of all the arrays computed from it with a data axis (``total``), and the data
    points read one by one (``reads``)."""

    n = passes = total = reads = 0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        result = super().__array_ufunc__(ufunc, method, *inputs, **kwargs)
        size = np.size(result)
        _Passes.passes += size == _Passes.n
        _Passes.total += size if size >= _Passes.n and size % _Passes.n == 0 else 0
        return result

    def __getitem__(self, key):
        _Passes.reads += isinstance(key, int | np.integer)
        return super().__getitem__(key)

    def __iter__(self):
        _Passes.reads += len(self) if self.ndim else 0
        return super().__iter__()


def _watched(function):
    """The learner's function, run on watched data with ``ck.loss_surface`` watched."""
    if not callable(function):
        return function

    def watched(x, y, intercepts, slopes):
        ck = sys.modules["coursekit"]  # the package the learner calls it from
        used, own = [], ck.loss_surface
        Spy.largest, _Passes.n = 0, len(x)
        _Passes.passes = _Passes.total = _Passes.reads = 0
        ck.loss_surface = lambda *a, **k: used.append(1) or own(*a, **k)
        try:
            result = function(x.view(_Passes), y.view(_Passes), intercepts, slopes)
        finally:
            ck.loss_surface = own
        grid = len(intercepts) * len(slopes)
        if used or (len(x) > 1 and Spy.largest >= grid * len(x)):
            return Shortcut("loss_surface" if used else "broadcast")
        if len(x) > 1 and (_Passes.passes > grid  # a pass per grid point, or more
                           or _Passes.total >= grid * len(x)):
            return Shortcut("loop")
        if len(x) > 1 and _Passes.reads >= len(x):  # the data, point by point
            return Shortcut("data_loop")
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


def _two(key, twos):
    return Mistake(key, wrong=lambda *a: _formula(*a, twos=twos))


AVERAGES = Exercise(
    "05.mse_from_averages", "mse_from_averages", cases=_grids,
    reference=_loop,
    mistakes=[
        Mistake("loss_surface", when=lambda got, *a: _used(got, "loss_surface")),
        Mistake("broadcast_3d", when=lambda got, *a: _used(got, "broadcast")),
        Mistake("loop", when=lambda got, *a: _used(got, "loop")),
        Mistake("data_loop", when=lambda got, *a: _used(got, "data_loop")),
        Mistake("notebook_data", raised=r"\(100,\)"),
        Mistake("not_array", when=lambda got, *a: isinstance(got, list)),
        Mistake("element_by_element", raised=r"shapes \((3|5),\) \((3|5),\)",
                when=lambda got, x, y, b0, b1: np.ndim(got) == 1),
        Mistake("transposed", wrong=lambda *a: _loop(*a).T,
                when=lambda got, x, y, b0, b1: len(b0) != len(b1)
                and np.shape(got) == (len(b1), len(b0))),
        Mistake("squares_of_means", wrong=lambda *a: _formula(*a, squares="")),
        Mistake("x_square_of_mean", wrong=lambda *a: _formula(*a, squares="y")),
        Mistake("y_square_of_mean", wrong=lambda *a: _formula(*a, squares="x")),
        _two("two_b0_b1", (1, 2, 2)),
        _two("two_b0_y", (2, 1, 2)),
        _two("two_b1_xy", (2, 2, 1)),
        _two("two_all", (1, 1, 1)),
    ],
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
    "05.raw_grid_best", "raw_grid_best", function=False, rtol=0, atol=1e-6,
    reference=lambda: _raw()["best"],
    mistakes=[
        Mistake("text", when=lambda got: isinstance(got, str | bytes | dict)
                or isinstance(got, tuple | list)
                and any(isinstance(g, str | bytes) for g in got)),
        Mistake("swapped", wrong=lambda: _raw()["best"][::-1]),
        Mistake("least_squares", wrong=lambda: _raw()["ols"]),
        Mistake("least_squares_rounded", wrong=lambda: _raw()["ols_on_grid"]),
        Mistake("standardised", wrong=lambda: _raw()["scaled"]),
        Mistake("indices", wrong=lambda: _raw()["indices"]),
    ],
    passed=lambda got: f"the raw-x grid's lowest point is ({float(got[0]):.0f}, "
                       f"{float(got[1]):.0f}), "
                       f"{abs(float(got[0]) - _raw()['ols'][0]) / 2:.1f} "
                       "intercept steps from least squares.",
)

_AXIS = 10_001  # both ends on the grid: -5000, -4999, ..., 5000


def _size(points, per_point=100 * 8):
    return points * per_point / 1e9


GRID_SIZE = Exercise(
    "05.grid_size", "n_grid_points, broadcast_gigabytes", function=False,
    rtol=1e-9, atol=0,
    parts=("n_grid_points", "broadcast_gigabytes"),
    reference=lambda: (_AXIS**2, _size(_AXIS**2)),
    mistakes=[
        Mistake("fence_post", wrong=lambda: (10_000**2, None)),
        Mistake("fence_post_gb", wrong=lambda: (None, _size(10_000**2))),
        Mistake("one_end_twice", wrong=lambda: (10_000 * _AXIS, None)),
        Mistake("one_axis", wrong=lambda: (_AXIS, None)),
        Mistake("numbers_not_bytes", wrong=lambda: (None, _size(_AXIS**2, 100))),
        Mistake("no_data_axis", wrong=lambda: (None, _size(_AXIS**2, 8))),
        Mistake("gib", wrong=lambda: (None, _size(_AXIS**2) * 1e9 / 2**30)),
        Mistake("bytes", wrong=lambda: (None, _size(_AXIS**2) * 1e9)),
        Mistake("bits", wrong=lambda: (None, _size(_AXIS**2) * 8)),
        Mistake("count_rounded", late=True, when=lambda got: got[0] != _AXIS**2
                and got[0] % 1000 == 0 and abs(got[0] / _AXIS**2 - 1) < 1e-3),
    ],
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
