"""The checks of notebook 04's exercises: least squares.

References are computed here with ``np.linalg.lstsq`` on the data regenerated from
the same seeds, never with the code the learner is asked to write.
"""

import functools

import numpy as np

from coursekit.checks._core import Exercise, Mistake, number, run
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
    "04.slope_10k", "slope_10k", "04.2", function=False, rtol=1e-6,
    reference=lambda: _slope(),
    mistakes=[
        Mistake("through_origin", "04.2", "that is the slope of a line forced through "
                "(0, 0): keep the intercept (`LinearRegression()` fits one by default)",
                wrong=lambda: _slope(intercept=False)),
        Mistake("standardised", "04.5", "that is the slope on standardised x: fit on "
                "the raw x of the 10,000 points", wrong=lambda: _slope(scale="std")),
        Mistake("old_points", "04.2", "that is the slope of the 100 points of section "
                "2: fit on the new 10,000 points", wrong=lambda: _slope(n=100, seed=0)),
        Mistake("intercept", "04.2", "that is the intercept, not the slope: the slope "
                "is `coef_[0]`", wrong=lambda: _lstsq(*_data(10_000, 1))[0]),
        Mistake("mixed_ddof", "04.4", "your covariance and variance divide by "
                "different counts (np.cov divides by n - 1, np.var and .std() by n): "
                "use the same for both, or LinearRegression",
                wrong=lambda: _slope(scale=10_000 / 9_999)),
        Mistake("mixed_ddof_other", "04.4", "your covariance and variance divide by "
                "different counts (n and n - 1): use the same for both, or "
                "LinearRegression", wrong=lambda: _slope(scale=9_999 / 10_000)),
    ],
    hint="generate the 10,000 points as the exercise says and fit them as in section 2",
    near="it is close to the least-squares slope but not equal, and not by rounding: "
         "fit the 10,000 points with LinearRegression, in float64",
    passed=lambda s: f"with 10,000 points the slope is {s:.4f}, "
                     f"{abs(s - 8):.4f} from the true 8.",
)


def _lines():
    x, y = _data()
    return {"ols": np.column_stack([np.ones_like(x), x]) @ _lstsq(x, y),
            "origin": x * _lstsq(x, y, intercept=False)[0]}


def _error(name, *, target=None, line=None, root=False, total=False, broadcast=False):
    """The value of ``name``, or of the mistake the keywords describe."""
    x, y = _data()
    kind, which = name.split("_mse_")
    line = _lines()[line or which]
    target = {"train": y, "true": 8 * x}[target or kind]
    if broadcast:
        target = target[:, None]
    squares = (line - target) ** 2
    value = squares.sum() if total else squares.mean()
    return np.sqrt(value) if root else value


TWO_ERRORS = Exercise(
    "04.two_errors", "", "04.3", rtol=1e-6,
    reference=_error,
    cases=lambda: [((n,), f"`{n}`") for n in ("train_mse_ols", "train_mse_origin",
                                               "true_mse_ols", "true_mse_origin")],
    mistakes=[
        Mistake("broadcast", "03.4", "it equals the mean over an (n, n) matrix: an "
                "(n,) array met an (n, 1) array. Give both the same shape",
                wrong=lambda n: _error(n, broadcast=True)),
        Mistake("root", "04.3", "it is the square root of the MSE (an RMSE): leave the "
                "mean of the squares as it is", wrong=lambda n: _error(n, root=True)),
        Mistake("sum", "04.3", "it is the sum of the squared errors, 100 times the "
                "MSE: take their mean", wrong=lambda n: _error(n, total=True)),
        Mistake("against_truth", "04.3", "it compares the line with the true line 8x; "
                "a training MSE compares it with the observed y",
                wrong=lambda n: _error(n, target="true") if "train" in n else None),
        Mistake("against_data", "04.3", "it compares the line with the observed y (a "
                "training MSE); here compare it with the true line, 8 * x",
                wrong=lambda n: _error(n, target="train") if "true" in n else None),
        Mistake("other_line", "04.3", "that is the value of the other line: `_ols` "
                "names the OLS line (with an intercept), `_origin` the line through 0",
                wrong=lambda n: _error(n, line="origin" if "ols" in n else "ols")),
    ],
    hint="compare the predictions of each line with its target",
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
    "04.least_squares", "least_squares", "04.4", rtol=1e-6, atol=1e-8,
    reference=_lstsq, cases=_problems,
    mistakes=[
        Mistake("ones_block", "04.4", "A'A is singular, so A has a repeated column: "
                "np.ones_like(X) has as many columns as X, the column of ones is one "
                "column, np.ones(len(X))", raised="ingular"),
        Mistake("lstsq_tuple", "04.4", "it is the 4 things np.linalg.lstsq returns; "
                "return one array: solve the normal equations",
                when=lambda got, X, y: isinstance(got, tuple) and len(got) == 4),
        Mistake("no_intercept", "04.4", "one coefficient per feature and no intercept: "
                "put a column of ones in front of X, the feature whose weight is the "
                "intercept", when=lambda got, X, y: np.shape(got) == (X.shape[1],)),
        Mistake("column", "04.4", "it is a column; return a 1-D array (was y made "
                "2-D?)", when=lambda got, X, y: np.shape(got) == (X.shape[1] + 1, 1)),
        Mistake("intercept_last", "04.4", "the intercept is last: put the column of "
                "ones first", wrong=lambda X, y: np.roll(_lstsq(X, y), -1)),
        Mistake("zeros_column", "04.4", "these are the coefficients of a line through "
                "0 with an extra zero: the column of ones must hold ones",
                wrong=lambda X, y: np.r_[0.0, _lstsq(X, y, intercept=False)]),
    ],
    hint="build A = [1, X] and solve A'A beta = A'y",
    passed="your normal equations agree with np.linalg.lstsq on 1 and 3 features, "
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
