"""The checks of notebook 03's exercises: broadcast shapes, keepdims, a safe MSE."""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, run, shape_answer

__all__ = ["check_center_rows", "check_outer_shape", "check_safe_mse"]


def _shape_mistake(key, shape, message):
    return Mistake(key, "03.2", message, wrong=lambda: np.array(shape, dtype=float))


OUTER_SHAPE = Exercise(
    "03.outer_shape", "outer_shape", "03.2", function=False,
    reference=lambda: np.array([4.0, 5.0]),
    mistakes=[
        Mistake("length", "03.2", "both arrays are 2-D, so the result has two "
                "lengths", when=lambda got: len(got) != 2),
        _shape_mistake("first_only", (4, 1), "that is only the first array's shape: "
                       "the second one stretches it too"),
        _shape_mistake("second_only", (1, 5), "that is only the second array's shape: "
                       "the first one stretches it too"),
        _shape_mistake("summed", (1, 1), "`*` is element-wise, and broadcasting "
                       "stretches each length 1 to the other array's length; nothing "
                       "is added up"),
        _shape_mistake("swapped", (5, 4), "the lengths are in the wrong order: each "
                       "position of the result comes from the same position of the two "
                       "shapes"),
    ],
    hint="apply the rules to each position of the two shapes",
    passed="(4, 1) * (1, 5) -> (4, 5): both arrays stretch.",
)


def _matrices():
    rng = np.random.default_rng(5)
    # The square matrix first: there the missing keepdims raises no error.
    return [((M,), f"M of shape {M.shape}") for M in (
        rng.normal(size=(4, 4)), np.arange(12.0).reshape(3, 4) ** 1.5,
        np.array([[1.0, 2.0, 6.0]]), rng.normal(size=(5, 1)))]


def _row_means(M):
    return M.sum(axis=1) / M.shape[1]


CENTER_ROWS = Exercise(
    "03.center_rows", "center_rows", "03.5", cases=_matrices,
    reference=lambda M: M - _row_means(M)[:, None],
    mistakes=[
        Mistake("no_keepdims", "03.5", "the row means have shape (n,), and NumPy lines "
                "them up under M's last axis: keep them as a column of shape (n, 1) "
                "with keepdims=True", raised="could not be broadcast"),
        Mistake("no_keepdims_square", "03.5", "a square matrix hides the mistake: the "
                "(n,) row means became a (1, n) row, so row j's mean was subtracted "
                "from column j. Keep them a column with keepdims=True",
                wrong=lambda M: M - _row_means(M)[None, :] if M.shape[0] == M.shape[1]
                and M.shape[0] > 1 else None),
        Mistake("column_means", "03.5", "those are the column means: the mean along "
                "axis 0 goes down the rows; the mean of each row is taken along axis 1",
                wrong=lambda M: M - M.mean(axis=0)),
        Mistake("overall_mean", "03.5", "that subtracts the mean of the whole matrix: "
                "give the mean an axis", wrong=lambda M: M - M.mean()),
        Mistake("unchanged", "03.5", "the result is M itself: were the means "
                "subtracted?", wrong=lambda M: M),
        Mistake("flipped", "03.5", "every sign is flipped: subtract the row means from "
                "M, not M from the row means",
                wrong=lambda M: _row_means(M)[:, None] - M),
    ],
    hint="every row of the result should average to 0",
    passed="center_rows centres every row, square matrices included.",
)


def _pairs():
    rng = np.random.default_rng(6)
    y, y_pred = rng.normal(5.0, 3.0, size=7), rng.normal(5.0, 3.0, size=7)
    pairs = [(y, y_pred), (y, y_pred[:, None]), (y[:, None], y_pred),
             (y[:, None], y_pred[:, None]), (np.array([3.0]), np.array([[1.5]])),
             (rng.normal(size=40), rng.normal(size=(40, 1)))]
    return [((a, b), f"y of shape {a.shape} and y_pred of shape {b.shape}")
            for a, b in pairs]


def _mse(y, y_pred):
    errors = y.ravel() - y_pred.ravel()
    return sum(e * e for e in errors) / len(errors)


def _errors(y, y_pred):
    return y.ravel() - y_pred.ravel()


SAFE_MSE = Exercise(
    "03.safe_mse", "safe_mse", "03.4", cases=_pairs, reference=_mse,
    mistakes=[
        Mistake("refused_mix", "03.5", "as many targets as predictions, one array 1-D "
                "and the other a column, must be accepted: flatten both first, then "
                "compare their shapes", raised=r"raised (AssertionError|ValueError)"),
        Mistake("broadcast", "03.4", "it equals what an (n,) array and an (n, 1) array "
                "give when they broadcast to an (n, n) matrix: n² numbers averaged "
                "where there should be n. Flatten both first",
                wrong=lambda y, p: np.mean((y - p) ** 2) if y.shape != p.shape
                and y.size > 1 else None),
        Mistake("not_squared", "03.4", "the errors are not squared: positive and "
                "negative errors cancel out", wrong=lambda y, p: _errors(y, p).mean()),
        Mistake("absolute", "03.4", "the errors are taken as absolute values, not "
                "squared (that is the mean absolute error)",
                wrong=lambda y, p: np.abs(_errors(y, p)).mean()),
        Mistake("root", "03.4", "this is the square root of the MSE (the RMSE)",
                wrong=lambda y, p: np.sqrt(_mse(y, p))),
        Mistake("sum", "03.4", "this is the sum of the squared errors, n times the "
                "mean: divide by the number of samples",
                wrong=lambda y, p: _mse(y, p) * y.size if y.size > 1 else None),
        Mistake("squared_mean", "03.4", "this squares the mean error instead of "
                "averaging the squared errors: square first, then take the mean",
                wrong=lambda y, p: _errors(y, p).mean() ** 2),
        Mistake("variance", "03.4", "this is the variance of the errors, which "
                "subtracts their mean first; the MSE does not",
                wrong=lambda y, p: _errors(y, p).var()),
        Mistake("n_minus_1", "03.4", "this divides by n - 1; the MSE divides by n",
                wrong=lambda y, p: _mse(y, p) * y.size / (y.size - 1)
                if y.size > 1 else None),
    ],
    refuse=lambda: [((np.array([1.0, 2.0, 3.0]), np.array([[2.0]])),
                     "y of 3 values and y_pred of 1", (AssertionError, ValueError),
                     Mistake("length_mismatch", "03.5", "a target and a prediction of "
                             "different lengths cannot be paired, and after "
                             "flattening (3,) - (1,) broadcasts silently: assert that "
                             "the flattened shapes are equal, so that a mismatch "
                             "raises an AssertionError"))],
    hint="the MSE is the mean over the samples of (y - y_pred)²",
    passed="safe_mse gives the MSE for (n,) and (n, 1) alike, and refuses a length "
           "mismatch.",
)


def check_outer_shape(outer_shape):
    """Exercise 03-1: the shape of ``np.ones((4, 1)) * np.ones((1, 5))``."""
    run(OUTER_SHAPE, shape_answer(outer_shape, "outer_shape", "(2, 7)"))


def check_center_rows(center_rows):
    """Exercise 03-2: ``center_rows(M)`` subtracts from each row of M its mean."""
    run(CENTER_ROWS, center_rows)


def check_safe_mse(safe_mse):
    """Exercise 03-3: ``safe_mse(y, y_pred)`` for (n,) and (n, 1) alike."""
    run(SAFE_MSE, safe_mse)
