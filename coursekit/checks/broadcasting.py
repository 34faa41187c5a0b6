"""The checks of notebook 03's exercises: broadcast shapes, keepdims, a safe MSE."""

import numpy as np

from coursekit.checks._legacy import (
    CheckFailed,
    as_array,
    call,
    compare,
    passed,
    shape_answer,
)

__all__ = ["check_center_rows", "check_outer_shape", "check_safe_mse"]

_RULES = "notebook 03, section 2: the rules"
_PITFALL = "notebook 03, section 4: the MSE pitfall"
_HABITS = "notebook 03, section 5: habits that catch it"


def check_outer_shape(outer_shape):
    """Check exercise 03-1: the shape of ``np.ones((4, 1)) * np.ones((1, 5))``.

    Parameters
    ----------
    outer_shape : tuple of int
        The learner's answer, written as a tuple such as ``(2, 7)``.
    """
    answer = shape_answer(outer_shape, "outer_shape", "(2, 7)", result="product")
    wrong = {
        (4, 1): "only the first array's shape: the second one stretches it too.",
        (1, 5): "only the second array's shape: the first one stretches it too.",
        (1, 1): "`*` is element-wise, and broadcasting stretches each length 1 to "
                "the other array's length; nothing is added up.",
        (5, 4): "the lengths are in the wrong order. Each position of the result "
                "comes from the same position of the two shapes (rule 3): compare "
                "them position by position.",
    }
    if answer in wrong:
        raise CheckFailed(f"`outer_shape` is wrong: {wrong[answer]} See {_RULES}.")
    if answer != (4, 5):
        raise CheckFailed(
            f"`outer_shape` is {answer}, which is not what NumPy gives; apply rule 3 "
            f"to each position ({_RULES})."
        )
    passed("(4, 1) * (1, 5) -> (4, 5): both arrays stretch.")


def check_center_rows(center_rows):
    """Check exercise 03-2: subtract from each row of ``M`` that row's mean.

    Tries a 3 x 4 matrix, a square 4 x 4 one (where the wrong broadcast raises no
    error), a single row and a single column.

    Parameters
    ----------
    center_rows : callable
        ``center_rows(M)`` for ``M`` of shape (n, p); returns shape (n, p).
    """
    rng = np.random.default_rng(5)
    cases = [np.arange(12.0).reshape(3, 4) ** 1.5, rng.normal(size=(4, 4)),
             np.array([[1.0, 2.0, 6.0]]), rng.normal(size=(5, 1))]
    for k, M in enumerate(cases, start=1):
        n, p = M.shape
        try:
            result = call(center_rows, M.copy(), name="center_rows")
        except CheckFailed as error:
            if "could not be broadcast" not in str(error):
                raise
            raise CheckFailed(
                f"`center_rows` failed on M of shape {M.shape}: the row means have "
                f"shape ({n},), and NumPy lines them up under M's last axis (length "
                f"{p}). Keep them as a column of shape ({n}, 1) with keepdims=True "
                f"({_HABITS})."
            ) from None
        centred = as_array(result, shape=(n, p), name="center_rows",
                           hint="the result has the shape of M")
        row_means = M.sum(axis=1) / p
        mistakes = {
            "you subtracted the column means: the mean along axis 0 goes down the "
            "rows and leaves one mean per column; the mean of each row is taken "
            "along axis 1 (notebook 01, section 4).": M - M.mean(axis=0),
            "the result is M itself: did you subtract the means?": M,
            "every sign is flipped: subtract the row means from M, not M from the "
            "row means.": row_means[:, None] - M,
        }
        if n == p:
            mistakes[
                f"you subtracted row j's mean from column j. A square matrix hides "
                f"the mistake: the ({n},) means became a (1, {n}) row, not a column. "
                f"Use keepdims=True ({_HABITS})."
            ] = M - row_means[None, :]
        compare(centred, M - row_means[:, None],
                what=f"center_rows for case {k}, M of shape {M.shape}",
                mistakes=mistakes, hint=f"Every row of the result should average to 0 "
                f"({_HABITS}).")
    passed("center_rows centres every row, square matrices included.")


def check_safe_mse(safe_mse):
    """Check exercise 03-3: an MSE that is safe from the (n,) vs (n, 1) trap.

    Tries every mix of shapes (n,) and (n, 1) for the targets and the predictions,
    one sample, and then a pair of different lengths, which must raise an error
    (``AssertionError`` or ``ValueError``) instead of broadcasting.

    Parameters
    ----------
    safe_mse : callable
        ``safe_mse(y, y_pred)``; returns one number.
    """
    rng = np.random.default_rng(6)
    y, y_pred = rng.normal(5.0, 3.0, size=7), rng.normal(5.0, 3.0, size=7)
    cases = [(y, y_pred), (y, y_pred[:, None]), (y[:, None], y_pred),
             (y[:, None], y_pred[:, None]), (np.array([3.0]), np.array([[1.5]])),
             (rng.normal(size=40), rng.normal(size=(40, 1)))]
    for first, second in cases:
        try:
            got = safe_mse(first.copy(), second.copy())
        except (AssertionError, ValueError) as error:
            if first.shape == second.shape or isinstance(error, CheckFailed):
                got = call(safe_mse, first.copy(), second.copy(), name="safe_mse")
            else:
                raise CheckFailed(
                    f"`safe_mse` raised {type(error).__name__} for y of shape "
                    f"{first.shape} and y_pred of shape {second.shape}: as many "
                    "targets as predictions, one array 1-D and the other a column. "
                    "It must accept them: flatten both first, then compare their "
                    f"shapes ({_HABITS})."
                ) from None
        except Exception:  # a stub, or another error: `call` words the message
            got = call(safe_mse, first.copy(), second.copy(), name="safe_mse")
        what = f"safe_mse(y, y_pred) for y of shape {first.shape} and y_pred of " \
               f"shape {second.shape}"
        value = as_array(got, shape=(), name="safe_mse", hint="one number, the mean "
                         f"of the squared errors ({_PITFALL})")
        a, b = first.ravel(), second.ravel()
        n, error = a.size, a - b
        expected = sum(e * e for e in error) / n
        mistakes = {
            "broadcast": np.mean((first - second) ** 2),
            "the errors are not squared: positive and negative errors cancel "
            "out.": error.mean(),
            "the errors are not squared but taken as absolute values (that is the "
            "mean absolute error).": np.abs(error).mean(),
            "this is the square root of the MSE (the RMSE).": np.sqrt(expected),
            f"this is the sum of the squared errors, {n} times the mean: divide by "
            "the number of samples.": expected * n,
            "you squared the mean error instead of averaging the squared errors: "
            "square first, then take the mean.": error.mean() ** 2,
        }
        if n > 1:
            mistakes["you divided by n - 1; the MSE divides by n."] = (
                expected * n / (n - 1))
        compare(value, expected, what=what, mistakes=mistakes,
                hint=f"The MSE is the mean over the samples of (y - y_pred)² "
                f"({_PITFALL}).")
    short, long = np.array([1.0, 2.0, 3.0]), np.array([[2.0]])
    try:
        got = safe_mse(short, long)
    except (AssertionError, ValueError):
        passed("safe_mse gives the MSE for (n,) and (n, 1) alike, and refuses a "
               "length mismatch.")
        return
    except Exception as error:
        raise CheckFailed(
            f"`safe_mse` raised {type(error).__name__} for y of 3 values and y_pred "
            "of 1; make the mismatch an AssertionError or a ValueError with "
            f"`assert y.shape == y_pred.shape` after flattening ({_HABITS})."
        ) from None
    raise CheckFailed(
        "`safe_mse` returned a value for y of 3 values and y_pred of 1 value; it must "
        "raise an error instead, because a target and a prediction of different "
        "lengths cannot be paired (after flattening, (3,) - (1,) broadcasts "
        "silently). Add `assert y.shape == y_pred.shape` after flattening, so a "
        f"mismatch stops the code ({_HABITS})."
    )
