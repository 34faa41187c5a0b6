"""The checks of notebook 09's exercises: probabilities, the log-loss gradient, counts.

Each check computes its reference answers here, independently of the notebook's code,
on small cases of several shapes (one sample, one feature, several features), with
weights ``w`` of shape (p,) and labels ``y`` of shape (n,), as scikit-learn has them.
"""

import numpy as np

from coursekit.checks._core import (
    KNOWN_MISTAKES,
    CheckFailed,
    call,
    compare,
    passed,
)

__all__ = [
    "check_confusion_counts",
    "check_log_loss_gradient",
    "check_predict_proba_from_weights",
]

SECTION_SIGMOID = "notebook 09, section 2: the sigmoid"
SECTION_GRADIENT = "notebook 09, section 4: the gradient of the log loss"
SECTION_THRESHOLD = "notebook 09, section 6: the confusion matrix and the threshold"

PARENTHESES = (
    "your sigmoid lacks parentheses: 1 / (1 + np.exp(-X @ w + b)) negates only X @ w, "
    "so the bias enters with the wrong sign. Put the whole z in the exponent, "
    "np.exp(-(X @ w + b)) (notebook 09, section 8, pitfall 1)."
)
SWAPPED_COLUMNS = (
    "column 1 holds 1 - p and column 0 holds p: either the columns are swapped "
    "(column 0 is class 0, 1 - p; column 1 is class 1, p) or the sigmoid lost the "
    f"minus of its exponent, 1 / (1 + np.exp(z)) ({SECTION_SIGMOID})."
)
NO_SIGMOID = (
    "your columns hold z = X @ w + b itself, not a probability: pass z through the "
    f"sigmoid, 1 / (1 + np.exp(-z)) ({SECTION_SIGMOID})."
)
FACTOR_TWO = (
    "it is twice too large: the factor 2 comes from differentiating the square of the "
    f"MSE; the log loss has no square ({SECTION_GRADIENT})."
)
SIGN = (
    "it has the wrong sign: the error is p - y, probability minus label; y - p gives "
    "the gradient of -L, which points downhill, so the update would climb "
    f"({SECTION_GRADIENT})."
)
LEFTOVER_DERIVATIVE = (
    "it still multiplies by the sigmoid's derivative p * (1 - p): for the log loss "
    f"that factor cancels, leaving just p - y ({SECTION_GRADIENT})."
)
MSE_GRADIENT = (
    "this is the gradient of the MSE of a sigmoid neuron, 2/n X.T @ ((p - y) * p * "
    "(1 - p)), not of the log loss: the log loss's factor p * (1 - p) cancels and it "
    f"has no 2 ({SECTION_GRADIENT})."
)
AT_X = (
    "it multiplies by the sigmoid's derivative taken at the inputs X. No derivative of "
    "the sigmoid is left in the log loss's gradient at all (it cancels), and where one "
    "is needed it belongs at z = X @ w + b, not at X (notebook 06, pitfall 2; "
    f"{SECTION_GRADIENT})."
)
SWAPPED_FP_FN = (
    "your false positives and false negatives are swapped: a false positive is "
    "predicted 1 but truly 0 (a benign tumour flagged), a false negative predicted 0 "
    f"but truly 1 (a malignant tumour missed) ({SECTION_THRESHOLD})."
)
FIXED_HALF = (
    "your counts are those of the threshold 1/2 whatever `threshold` says: compare p "
    f"with the argument threshold ({SECTION_THRESHOLD})."
)
REVERSED = (
    "you predict 1 where p is below the threshold: a sample is predicted 1 (positive) "
    f"when p > threshold ({SECTION_THRESHOLD})."
)
ORDER = (
    "the four counts are right but in another order: return tn, fp, fn, tp, the order "
    f"of confusion_matrix(y, y_pred).ravel() ({SECTION_THRESHOLD})."
)

# (n_samples, n_features): a few samples and one feature, a single sample, several
# features. n != p everywhere, so that a transposed answer has another shape.
_SHAPES = [(6, 1), (1, 1), (7, 3), (5, 2)]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _cases(seed):
    """(X, y, w, b) per shape: y of 0s and 1s, a bias far enough from 0 to matter."""
    rng = np.random.default_rng(seed)
    for n, p in _SHAPES:
        X = rng.normal(scale=1.5, size=(n, p))
        y = rng.integers(0, 2, size=n)
        w = rng.normal(size=p)
        b = float(rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 1.5))
        yield X, y, w, b


def _array(value, *, what, expected):
    """``value`` as a float array, or a message in the learner's terms."""
    if value is None:
        raise CheckFailed(f"{what} is None: did you forget the `return` line?")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"{what} is {type(value).__name__}; expected {expected}."
        ) from None


def check_predict_proba_from_weights(predict_proba_from_weights):
    """Check ``predict_proba_from_weights(X, w, b)`` of exercise 1.

    It must return an array of shape (n, 2): column 0 ``1 - p`` and column 1
    ``p = sigmoid(X @ w + b)``, with ``X`` of shape (n, p), ``w`` of shape (p,) and
    one bias ``b``.

    Parameters
    ----------
    predict_proba_from_weights : callable
        The learner's function.
    """
    name = "predict_proba_from_weights"
    for k, (X, _, w, b) in enumerate(_cases(9), start=1):
        n, p = X.shape
        what = f"the probabilities of case {k} (n={n}, p={p})"
        with np.errstate(over="ignore"):
            got = call(predict_proba_from_weights, X.copy(), w.copy(), b, name=name)
        got = _array(got, what=what, expected=f"an array of shape ({n}, 2)")
        if got.shape == (2, n) and n != 2:
            raise CheckFailed(
                f"{what} have shape (2, {n}): one row per class instead of one column "
                "per class. np.column_stack([1 - p, p]) gives the (n, 2) table."
            )
        if got.shape in ((n,), (n, 1)):
            raise CheckFailed(
                f"{what} have shape {got.shape}: one column only; expected ({n}, 2), "
                "column 0 the probability of class 0 (1 - p) and column 1 that of "
                "class 1 (p), as predict_proba returns them."
            )
        if got.shape != (n, 2):
            raise CheckFailed(f"{what} have shape {got.shape}; expected ({n}, 2).")
        z = X @ w + b
        right = _sigmoid(z)
        wrong = _sigmoid(X @ w - b)
        mistakes = {
            PARENTHESES: np.column_stack([1 - wrong, wrong]),
            SWAPPED_COLUMNS: np.column_stack([right, 1 - right]),
            NO_SIGMOID: np.column_stack([1 - z, z]),
        }
        compare(got, np.column_stack([1 - right, right]), what=what, mistakes=mistakes,
                hint=f"Column 1 is 1 / (1 + np.exp(-(X @ w + b))) ({SECTION_SIGMOID}).")
    passed("your probabilities match on 4 cases (one sample, one and several "
           "features).")


def _single_number(value, *, n, what):
    value = _array(value, what=what, expected="a single number")
    if value.size == 1:
        return float(value.ravel()[0])
    if n > 1 and value.size == n:
        raise CheckFailed(
            f"{what} has shape {value.shape}, one value per sample: "
            f"{KNOWN_MISTAKES['bias_per_sample']}"
        )
    raise CheckFailed(f"{what} has shape {value.shape}; expected a single number: the "
                      "neuron has one bias, so one derivative.")


def _grad_w_shape(value, *, n, p, what):
    """Name the shapes of grad_w that come from a known mistake."""
    shape = value.shape
    if n > 1 and shape in ((p, n), (n, n)):
        raise CheckFailed(f"{what} has shape {shape}: {KNOWN_MISTAKES['broadcast']} "
                          "Here keep y and p both 1-D, of shape (n,).")
    if p > 1 and shape == (p, p):
        raise CheckFailed(f"{what} has shape ({p}, {p}); expected ({p},): {AT_X}")
    if (p > 1 and shape in ((p, 1), (1, p))) or shape == (1, 1):
        raise CheckFailed(
            f"{what} has shape {shape}; expected ({p},), the shape of w. With p - y of "
            "shape (n,), X.T @ (p - y) has shape (p,): keep y and p 1-D."
        )
    if shape != (p,):
        raise CheckFailed(f"{what} has shape {shape}; expected ({p},), one value per "
                          "weight, the shape of w.")


def check_log_loss_gradient(log_loss_gradient):
    """Check ``log_loss_gradient(X, y, w, b) -> (grad_w, grad_b)`` of exercise 2.

    The gradient of the mean log loss of ``sigmoid(X @ w + b)`` against labels ``y``:
    ``grad_w`` of shape (p,) and ``grad_b`` one number.

    Parameters
    ----------
    log_loss_gradient : callable
        The learner's function.
    """
    name = "log_loss_gradient"
    for k, (X, y, w, b) in enumerate(_cases(2), start=1):
        n, p = X.shape
        result = call(log_loss_gradient, X.copy(), y.copy(), w.copy(), b, name=name)
        if not isinstance(result, tuple | list) or len(result) != 2:
            raise CheckFailed(f"`{name}` returned {type(result).__name__}; expected "
                              "two values, `return grad_w, grad_b`.")
        prob = _sigmoid(X @ w + b)
        error = prob - y
        slope = prob * (1 - prob)
        wrong_error = _sigmoid(X @ w - b) - y
        at_x = error[:, None] * _sigmoid(X) * (1 - _sigmoid(X))
        what = f"grad_w for case {k} (n={n}, p={p})"
        grad_w = _array(result[0], what=what, expected=f"an array of shape ({p},)")
        if grad_w.shape == (p, p) and np.allclose(grad_w, X.T @ at_x / n):
            raise CheckFailed(f"{what} has shape ({p}, {p}); expected ({p},): {AT_X}")
        _grad_w_shape(grad_w, n=n, p=p, what=what)
        right_w = X.T @ error / n
        mistakes = {
            FACTOR_TWO: 2 * right_w,
            SIGN: -right_w,
            LEFTOVER_DERIVATIVE: X.T @ (error * slope) / n,
            MSE_GRADIENT: 2 * X.T @ (error * slope) / n,
            AT_X: (at_x * X).sum(axis=0) / n,
            PARENTHESES: X.T @ wrong_error / n,
        }
        if n > 1:  # for one sample the sum and the mean agree
            mistakes["missing_mean"] = n * right_w
        compare(grad_w, right_w, what=what, mistakes=mistakes,
                hint=f"grad_w is X.T @ (p - y) / n ({SECTION_GRADIENT}).")
        what = f"grad_b for case {k} (n={n}, p={p})"
        grad_b = _single_number(result[1], n=n, what=what)
        right_b = error.mean()
        mistakes = {
            FACTOR_TWO: 2 * right_b,
            SIGN: -right_b,
            LEFTOVER_DERIVATIVE: np.mean(error * slope),
            MSE_GRADIENT: 2 * np.mean(error * slope),
            PARENTHESES: wrong_error.mean(),
        }
        if n > 1:
            mistakes["missing_mean"] = n * right_b
        compare(grad_b, right_b, what=what, mistakes=mistakes,
                hint=f"grad_b is the mean of p - y ({SECTION_GRADIENT}).")
    passed("your gradient matches on 4 cases (one sample, one and several features).")


def _counts(y, p, threshold, *, reverse=False):
    """(tn, fp, fn, tp) of the predictions p > threshold, counted with a loop."""
    counts = {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 0}
    for label, prob in zip(y, p, strict=True):
        predicted = prob < threshold if reverse else prob > threshold
        counts[(int(label), int(predicted))] += 1
    return np.array([counts[(0, 0)], counts[(0, 1)], counts[(1, 0)], counts[(1, 1)]])


def check_confusion_counts(confusion_counts):
    """Check ``confusion_counts(y, p, threshold) -> (tn, fp, fn, tp)`` of exercise 3.

    A sample is predicted 1 when its probability ``p`` is above ``threshold``. No
    probability of the cases equals its threshold, so ``>`` and ``>=`` both pass.

    Parameters
    ----------
    confusion_counts : callable
        The learner's function.
    """
    name = "confusion_counts"
    rng = np.random.default_rng(3)
    # (number of samples, threshold): one sample, the default threshold, low and high.
    for k, (n, threshold) in enumerate([(30, 0.3), (12, 0.5), (1, 0.8), (40, 0.7)],
                                       start=1):
        y = rng.integers(0, 2, size=n)
        p = rng.uniform(size=n)
        p[np.isclose(p, threshold)] = threshold / 2  # no ties with the threshold
        got = call(confusion_counts, y.copy(), p.copy(), threshold, name=name)
        what = f"the counts of case {k} ({n} samples, threshold {threshold})"
        if isinstance(got, dict):
            raise CheckFailed(f"{what} are a dict; return the four numbers "
                              "`return tn, fp, fn, tp`.")
        got = _array(got, what=what, expected="four numbers, tn, fp, fn, tp")
        if got.size != 4:
            raise CheckFailed(f"{what} have shape {got.shape}; expected four numbers, "
                              "`return tn, fp, fn, tp`.")
        got = got.ravel()  # a 2 x 2 matrix [[tn, fp], [fn, tp]] is fine too
        right = _counts(y, p, threshold)
        if np.array_equal(got, right):
            continue
        if got.sum() != n:
            raise CheckFailed(f"{what} add up to {got.sum():g}, but there are {n} "
                              "samples: each sample is exactly one of tn, fp, fn, tp.")
        mistakes = [
            (SWAPPED_FP_FN, right[[0, 2, 1, 3]]),
            (FIXED_HALF, _counts(y, p, 0.5)),
            (REVERSED, _counts(y, p, threshold, reverse=True)),
        ]
        for message, wrong in mistakes:
            if np.array_equal(got, wrong):
                raise CheckFailed(f"{what} are wrong: {message}")
        if np.array_equal(np.sort(got), np.sort(right)):
            raise CheckFailed(f"{what} are wrong: {ORDER}")
        raise CheckFailed(f"{what} are wrong. Count, among the samples with p > "
                          f"threshold and the others, those with y == 1 and y == 0 "
                          f"({SECTION_THRESHOLD}).")
    passed("your counts match on 4 cases (thresholds 0.3, 0.5, 0.8 and 0.7).")
