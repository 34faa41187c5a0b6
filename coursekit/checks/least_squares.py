"""The checks of notebook 04's exercises: least squares.

References are computed here with ``np.linalg.lstsq`` on the data regenerated from
the same seeds, never with the code the learner is asked to write.
"""

import functools

import numpy as np

from coursekit.checks._answers import number
from coursekit.checks._core import Exercise, Mistake, run
from coursekit.datasets import make_linear_data

__all__ = ["check_least_squares", "check_slope_with_more_data", "check_two_errors"]


def _lstsq(X, y, intercept=True):
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    A = np.column_stack([np.ones(len(X)), X]) if intercept else X
    return np.linalg.lstsq(A, y, rcond=None)[0]


@functools.cache
def _data(n=100, seed=0):
    return make_linear_data(n, slope=8.0, noise=100.0, random_state=seed)


def _slope(*, intercept=True, scale=1.0, n=10_000, seed=1):
    x, y = _data(n, seed)
    return _lstsq(x, y, intercept)[-1] * (x.std() if scale == "std" else scale)


SLOPE = Exercise(
    "04.slope_10k", "slope_10k", function=False, rtol=1e-6,
    reference=lambda: _slope(),
    mistakes=[
        Mistake("true_slope", wrong=lambda: 8.0),
        Mistake("through_origin", wrong=lambda: _slope(intercept=False)),
        Mistake("standardised", wrong=lambda: _slope(scale="std")),
        Mistake("old_points", wrong=lambda: _slope(n=100, seed=0)),
        Mistake("intercept", wrong=lambda: _lstsq(*_data(10_000, 1))[0]),
        Mistake("mixed_ddof", wrong=lambda: _slope(scale=10_000 / 9_999)),
        Mistake("mixed_ddof_other", wrong=lambda: _slope(scale=9_999 / 10_000)),
        Mistake("distance", wrong=lambda: abs(_slope() - 8)),
        Mistake("distance", wrong=lambda: _slope() - 8),
    ],
    passed=lambda s: f"with 10,000 points the slope is {s:.4f}, "
                     f"{abs(s - 8):.4f} from the true 8.",
)


def _lines(data=(100, 0), fit=None):
    """The two lines' predictions at ``data``'s x, fitted on ``fit`` (default: data)."""
    x, y = _data(*data)
    fx, fy = _data(*(fit or data))
    return {"ols": np.column_stack([np.ones_like(x), x]) @ _lstsq(fx, fy),
            "origin": x * _lstsq(x, y, intercept=False)[0]}


def _error(name, *, target=None, line=None, root=False, total=False, broadcast=False,
           absolute=False, count=None, data=(100, 0), fit=None):
    """The value of ``name``, or of the mistake the keywords describe."""
    x, y = _data(*data)
    kind, which = name.split("_mse_")
    line = _lines(data, fit)[line or which]
    target = {"train": y, "true": 8 * x}[target or kind]
    if broadcast:
        target = target[:, None]
    errors = line - target
    squares = np.abs(errors) if absolute else errors**2
    value = squares.sum() / (count or 1) if total or count else squares.mean()
    return np.sqrt(value) if root else value


def _true_line_mse():
    """The training MSE of the true line y = 8x, not fitted."""
    x, y = _data()
    return np.mean((y - 8 * x) ** 2)


TWO_ERRORS = Exercise(
    "04.two_errors", "", rtol=1e-6,
    reference=_error,
    cases=lambda: [((n,), f"`{n}`") for n in ("train_mse_ols", "train_mse_origin",
                                               "true_mse_ols", "true_mse_origin")],
    mistakes=[
        Mistake("broadcast", wrong=lambda n: _error(n, broadcast=True)),
        Mistake("root", wrong=lambda n: _error(n, root=True)),
        Mistake("sum", wrong=lambda n: _error(n, total=True)),
        Mistake("n_minus_one", wrong=lambda n: _error(n, count=99)),
        Mistake("absolute", wrong=lambda n: _error(n, absolute=True)),
        Mistake("ten_thousand", wrong=lambda n: _error(n, data=(10_000, 1))),
        Mistake("ols_10k", wrong=lambda n: _error(n, fit=(10_000, 1))
                if "ols" in n else None),
        Mistake("against_truth",
                wrong=lambda n: _error(n, target="true") if "train" in n else None),
        Mistake("against_data",
                wrong=lambda n: _error(n, target="train") if "true" in n else None),
        Mistake("other_line",
                wrong=lambda n: _error(n, line="origin" if "ols" in n else "ols")),
        Mistake("true_line_as_origin", wrong=lambda n: _true_line_mse()
                if n == "train_mse_origin" else None),
    ],
    passed="the line through 0 fits the data worse, yet lies closer to the true "
           "line: training MSE and distance to the truth are two different things.",
)


def _problems():
    rng = np.random.default_rng(4)
    x, y = _data()
    X3 = rng.normal(size=(50, 3))
    y3 = X3 @ np.array([2.0, -1.0, 0.5]) + 3.0 + rng.normal(scale=0.1, size=50)
    return [((x[:, None], y), "the notebook's 100 points"),
            ((X3, y3), "50 samples with 3 features"),
            ((np.array([[1.0], [2.0]]), np.array([3.0, 5.0])),
             "two points, (1, 3) and (2, 5)")]


LEAST_SQUARES = Exercise(
    "04.least_squares", "least_squares", rtol=1e-6, atol=1e-8,
    reference=_lstsq, cases=_problems,
    mistakes=[
        Mistake("ones_block", raised="ingular"),
        Mistake("lstsq_tuple",
                when=lambda got, X, y: isinstance(got, tuple) and len(got) == 4
                and isinstance(got[0], np.ndarray)),
        Mistake("not_array", when=lambda got, X, y: isinstance(got, tuple | list)),
        Mistake("no_intercept", when=lambda got, X, y: np.shape(got) == (X.shape[1],)),
        Mistake("column", when=lambda got, X, y: np.shape(got) == (X.shape[1] + 1, 1)),
        Mistake("intercept_last", wrong=lambda X, y: np.roll(_lstsq(X, y), -1)),
        Mistake("zeros_column",
                wrong=lambda X, y: np.r_[0.0, _lstsq(X, y, intercept=False)]),
    ],
    passed="your least_squares agrees with np.linalg.lstsq on 1 and 3 features, "
           "and on two points.",
)


def check_slope_with_more_data(slope_10k):
    """Exercise 04-1: the OLS slope fitted on 10,000 points (``random_state=1``)."""
    run(SLOPE, number(slope_10k, "slope_10k", "`coef_` is an array with one slope "
                      "per feature: take `coef_[0]`."))


def check_two_errors(train_mse_ols, train_mse_origin, true_mse_ols, true_mse_origin):
    """Exercise 04-2: two lines, each judged against the data and against y = 8x."""
    names = ("train_mse_ols", "train_mse_origin", "true_mse_ols", "true_mse_origin")
    answers = dict(zip(names, (number(a, n) for a, n in zip(
        (train_mse_ols, train_mse_origin, true_mse_ols, true_mse_origin), names,
        strict=True)), strict=True))
    run(TWO_ERRORS, answers.get)


def check_least_squares(least_squares):
    """Exercise 04-3: ``least_squares(X, y)`` solves the normal equations."""
    run(LEAST_SQUARES, least_squares)
