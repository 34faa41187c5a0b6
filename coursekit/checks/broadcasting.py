"""The checks of notebook 03's exercises: broadcast shapes, keepdims, a safe MSE."""

import numpy as np

from coursekit.checks._answers import shape_answer
from coursekit.checks._core import Exercise, Mistake, run

__all__ = ["check_center_rows", "check_outer_shape", "check_safe_mse"]


def _shape_mistake(key, shape):
    return Mistake(key, wrong=lambda: np.array(shape, dtype=float))


OUTER_SHAPE = Exercise(
    "03.outer_shape", "outer_shape", function=False,
    reference=lambda: np.array([4.0, 5.0]),
    mistakes=[
        Mistake("length", when=lambda got: len(got) != 2),
        _shape_mistake("first_only", (4, 1)),
        _shape_mistake("second_only", (1, 5)),
        _shape_mistake("summed", (1, 1)),
        _shape_mistake("swapped", (5, 4)),
    ],
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
    "03.center_rows", "center_rows", cases=_matrices,
    reference=lambda M: M - _row_means(M)[:, None],
    mistakes=[
        Mistake("not_array", when=lambda got, M: got is not None
                and not isinstance(got, np.ndarray)),
        Mistake("standardised", wrong=lambda M: (M - M.mean(axis=1, keepdims=True))
                / M.std(axis=1, keepdims=True) if M.shape[1] > 1 else None),
        Mistake("no_keepdims", raised="could not be broadcast"),
        Mistake("no_keepdims_square",
                wrong=lambda M: M - _row_means(M)[None, :] if M.shape[0] == M.shape[1]
                and M.shape[0] > 1 else None),
        Mistake("column_means", wrong=lambda M: M - M.mean(axis=0)),
        Mistake("overall_mean", wrong=lambda M: M - M.mean()),
        Mistake("unchanged", wrong=lambda M: M),
        Mistake("flipped", wrong=lambda M: _row_means(M)[:, None] - M),
    ],
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
    "03.safe_mse", "safe_mse", cases=_pairs, reference=_mse,
    mistakes=[
        Mistake("refused_mix", raised=r"raised (AssertionError|ValueError)"),
        Mistake("broadcast",
                wrong=lambda y, p: np.mean((y - p) ** 2) if y.shape != p.shape
                and y.size > 1 else None),
        Mistake("not_squared", wrong=lambda y, p: _errors(y, p).mean()),
        Mistake("absolute", wrong=lambda y, p: np.abs(_errors(y, p)).mean()),
        Mistake("root", wrong=lambda y, p: np.sqrt(_mse(y, p))),
        Mistake("sum", wrong=lambda y, p: _mse(y, p) * y.size if y.size > 1 else None),
        Mistake("squared_mean", wrong=lambda y, p: _errors(y, p).mean() ** 2),
        Mistake("variance", wrong=lambda y, p: _errors(y, p).var()),
        Mistake("n_minus_1", wrong=lambda y, p: _mse(y, p) * y.size / (y.size - 1)
                if y.size > 1 else None),
    ],
    refuse=lambda: [((np.array([1.0, 2.0, 3.0]), np.array([[2.0]])),
                     "y of 3 values and y_pred of 1", (AssertionError, ValueError),
                     "length_mismatch")],
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
