"""The checks of notebook 04's exercises: least squares.

References are computed here with ``np.linalg.lstsq`` on the data regenerated from
the same seeds, never with the code the learner is asked to write.
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

__all__ = ["check_least_squares", "check_slope_with_more_data", "check_two_errors"]

_SECTION_OLS = "notebook 04, section 2 (least squares with scikit-learn)"
_SECTION_RESIDUALS = "notebook 04, section 3 (the residuals)"
_SECTION_ONES = "notebook 04, section 4 (the normal equations: the column of ones)"


def _lstsq(X, y, intercept=True):
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    A = np.column_stack([np.ones(len(X)), X]) if intercept else X
    return np.linalg.lstsq(A, y, rcond=None)[0]


def _number(answer, name, hint):
    """A plain number from the learner, or a message about what it is instead."""
    if isinstance(answer, numbers.Real | np.number) and not isinstance(answer, bool):
        return float(answer)
    zero_d = isinstance(answer, np.ndarray) and answer.shape == ()
    if zero_d and answer.dtype.kind in "if":
        return float(answer)  # a 0-d array (from np.squeeze, say) is one number
    shape = np.shape(answer) if isinstance(answer, np.ndarray | list | tuple) else None
    raise CheckFailed(
        f"`{name}` should be one number; got {type(answer).__name__}"
        + (f" of shape {shape}" if shape is not None else "")
        + f". {hint}"
    )


def check_slope_with_more_data(slope_10k):
    """Exercise 04-1: the OLS slope fitted on 10,000 points (``random_state=1``).

    Parameters
    ----------
    slope_10k : float
        The learner's slope.
    """
    slope = _number(
        given(slope_10k, "slope_10k"), "slope_10k",
        "`coef_` is an array with one slope per feature: take `coef_[0]`.",
    )
    x, y = make_linear_data(10_000, slope=8.0, noise=100.0, random_state=1)
    intercept, reference = _lstsq(x, y)
    x100, y100 = make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    compare(
        slope, reference, what="`slope_10k`", rtol=1e-6,
        mistakes={
            "that is the slope of a line forced through (0, 0): keep the intercept "
            "(`LinearRegression()` fits one by default).": _lstsq(x, y, False)[0],
            "that is the slope on standardised x (8 times about 28.9): fit on the "
            "raw x of the 10,000 points, as in section 2.": reference * x.std(),
            "that is the slope of the 100 points of section 2: fit on the new "
            "10,000 points.": _lstsq(x100, y100)[1],
            "that is the intercept, not the slope: the slope is `coef_[0]`.": intercept,
        },
        hint="Generate the points with ck.datasets.make_linear_data(10_000, "
        f"noise=100.0, random_state=1) and fit them as in {_SECTION_OLS}.",
    )
    passed(f"with 10,000 points the slope is {slope:.4f}, "
           f"{abs(slope - 8):.4f} from the true 8.")


def check_two_errors(train_mse_ols, train_mse_origin, true_mse_ols, true_mse_origin):
    """Exercise 04-2: two lines, each judged against the data and against y = 8x.

    Parameters
    ----------
    train_mse_ols, train_mse_origin : float
        MSE against the observed ``y`` of the OLS line and of the line through 0.
    true_mse_ols, true_mse_origin : float
        Mean of (line(x) - 8x)² over the same 100 x values, for each line.
    """
    names = ["train_mse_ols", "train_mse_origin", "true_mse_ols", "true_mse_origin"]
    answers = [train_mse_ols, train_mse_origin, true_mse_ols, true_mse_origin]
    values = [_number(given(a, n), n, "An MSE is one number, such as np.mean(...).")
              for a, n in zip(answers, names, strict=True)]
    x, y = make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    lines = {"ols": np.column_stack([np.ones_like(x), x]) @ _lstsq(x, y),
             "origin": x * _lstsq(x, y, intercept=False)[0]}
    for value, name in zip(values, names, strict=True):
        line = lines[name.rsplit("_", 1)[1]]
        train = name.startswith("train")
        target, other = (y, 8 * x) if train else (8 * x, y)
        reference = np.mean((line - target) ** 2)
        wrong_target = (
            "it compares the line with the true line 8x; a training MSE compares it "
            "with the observed y." if train else
            "it compares the line with the observed y (a training MSE); here compare "
            "it with the true line, 8 * x."
        )
        other_line = lines["origin" if name.endswith("ols") else "ols"]
        compare(
            value, reference, what=f"`{name}`", rtol=1e-6,
            mistakes={
                "broadcast": np.mean((line - target[:, None]) ** 2),
                "it is the square root of the MSE (an RMSE): leave the mean of the "
                "squares as it is.": np.sqrt(reference),
                "it is 100 times too large: that is the sum of the squared errors; "
                "the MSE is their mean.": np.sum((line - target) ** 2),
                wrong_target: np.mean((line - other) ** 2),
                "that is the value of the other line: `_ols` names the OLS line "
                "(with an intercept), `_origin` the line through 0.":
                    np.mean((other_line - target) ** 2),
            },
            hint=f"Compare the predictions of each line with its target, as in "
            f"{_SECTION_RESIDUALS}.",
        )
    passed("the line through 0 fits the data worse, yet lies closer to the true "
           "line: training MSE and distance to the truth are two different things.")


def _cases():
    rng = np.random.default_rng(4)
    x, y = make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    X3 = rng.normal(size=(50, 3))
    y3 = X3 @ np.array([2.0, -1.0, 0.5]) + 3.0 + rng.normal(scale=0.1, size=50)
    return [
        ("the notebook's 100 points", x[:, None], y),
        ("50 samples with 3 features", X3, y3),
        ("two points, (1, 3) and (2, 5)", np.array([[1.0], [2.0]]),
         np.array([3.0, 5.0])),
    ]


def check_least_squares(least_squares):
    """Exercise 04-3: ``least_squares(X, y)`` solves the normal equations.

    Parameters
    ----------
    least_squares : callable
        ``least_squares(X, y)`` with ``X`` of shape (n, p) and ``y`` of shape (n,),
        returning the p + 1 coefficients, intercept first, as an array of shape
        (p + 1,).
    """
    for what, X, y in _cases():
        p = X.shape[1]
        try:
            result = call(least_squares, X.copy(), y.copy())
        except CheckFailed as error:
            if "ingular" in str(error):
                raise CheckFailed(
                    f"{error} On {what}: A'A is singular, so A has a repeated "
                    "column. Is your column of ones one column? np.ones_like(X) "
                    "has as many columns as X: use np.ones(len(X)). "
                    f"See {_SECTION_ONES}."
                ) from None
            raise
        if isinstance(result, tuple) and len(result) == 4:
            raise CheckFailed(
                f"On {what}, `least_squares` returned a tuple of 4 things, as "
                "np.linalg.lstsq does (solution, residuals, rank, singular values). "
                "Return one array: solve the normal equations with np.linalg.solve "
                f"({_SECTION_ONES})."
            )
        try:
            shape = np.shape(result)
        except ValueError:  # a ragged sequence: as_array below says what it is
            shape = None
        if shape == (p,):
            raise CheckFailed(
                f"On {what}, `least_squares` returned {p} coefficient(s) for {p} "
                f"feature(s); expected {p + 1}: the intercept is missing. Put a column "
                f"of ones in front of X, the feature whose weight is the intercept "
                f"({_SECTION_ONES})."
            )
        result = as_array(
            result, shape=(p + 1,), name="least_squares",
            hint="return a 1-D array, intercept first, then one weight per feature "
            "(if you got a column (p + 1, 1), was y made 2-D?).",
        )
        reference = _lstsq(X, y)
        compare(
            result, reference, what=f"the coefficient vector on {what}", rtol=1e-6,
            atol=1e-8,
            mistakes={
                "the intercept is last: put the column of ones first, so that the "
                "intercept comes first.": np.roll(reference, -1),
                "these are the coefficients of a line through 0 with an extra zero: "
                f"the column of ones must hold ones ({_SECTION_ONES}).":
                    np.r_[0.0, _lstsq(X, y, intercept=False)],
            },
            hint="Build A = [1, X] and solve A'A beta = A'y "
            f"({_SECTION_ONES}).",
        )
    passed("your normal equations agree with np.linalg.lstsq on 1 and 3 features, "
           "and on two points.")
