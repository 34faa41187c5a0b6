"""The checks of notebook 09's exercises: probabilities, the log-loss gradient, counts.

Each computes its reference answers here, independently of the notebook's code, on
cases of several shapes (one sample, one feature, several features), with ``w`` of
shape (n_features,) and ``y`` of shape (n,), as scikit-learn has them.
"""

import numpy as np

from coursekit.checks._legacy import KNOWN_MISTAKES, CheckFailed, call, compare, passed

__all__ = ["check_confusion_counts", "check_log_loss_gradient",
           "check_predict_proba_from_weights"]

SECTION_SIGMOID = "notebook 09, section 2: the sigmoid"
SECTION_GRADIENT = "notebook 09, section 4: the gradient of the log loss"
SECTION_THRESHOLD = "notebook 09, section 6: the confusion matrix and the threshold"

PARENTHESES = (
    "your sigmoid lacks parentheses: 1 / (1 + np.exp(-X @ w + b)) negates only X @ w, "
    "so the bias enters with the wrong sign. Put the whole z in the exponent "
    "(notebook 09, section 8, pitfall 1)."
)
NO_BIAS = ("it matches a neuron without its bias: z = X @ w + b, and the bias "
           f"belongs inside the sigmoid ({SECTION_SIGMOID}).")
SWAPPED_COLUMNS = (
    "column 1 holds 1 - p and column 0 holds p: either the columns are swapped "
    "(column 0 is class 0, 1 - p; column 1 is class 1, p) or the sigmoid lost the "
    f"minus of its exponent, 1 / (1 + np.exp(z)) ({SECTION_SIGMOID})."
)
NO_SIGMOID = ("your columns hold z = X @ w + b itself, not a probability: pass z "
              f"through the sigmoid ({SECTION_SIGMOID}).")
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
    "but truly 1 (a malignant tumour missed)"
)
POSITIVE_ZERO = (
    "you count class 0 as the positive class. The positive class is 1 (malignant): a "
    "true positive has y == 1 and p > threshold, a true negative y == 0 and p <= "
    "threshold"
)
FIXED_HALF = ("your counts are those of the threshold 1/2 whatever `threshold` "
              "says: compare p with the argument threshold")
REVERSED = ("you predict 1 where p is below the threshold: a sample is predicted 1 "
            "(positive) when p > threshold")
ORDER = ("the four counts are right but in another order: return tn, fp, fn, tp, "
         "the order of confusion_matrix(y, y_pred).ravel()")

# (n_samples, n_features): a few samples and one feature, a single sample, several
# features. n != n_features everywhere, so that a transposed answer has another shape.
_SHAPES = [(6, 1), (1, 1), (7, 3), (5, 2)]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _cases(seed):
    """(X, y, w, b, name) per shape: y of 0s and 1s, a bias far from 0 to matter."""
    rng = np.random.default_rng(seed)
    for k, (n, p) in enumerate(_SHAPES, start=1):
        X = rng.normal(scale=1.5, size=(n, p))
        y = rng.integers(0, 2, size=n)
        w = rng.normal(size=p)
        b = float(rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 1.5))
        yield X, y, w, b, (f"case {k} ({n} sample{'s' * (n > 1)}, "
                           f"{p} feature{'s' * (p > 1)})")


def _array(value, *, what, expected):
    """``value`` as a float array, or a message in the learner's terms."""
    if value is None:
        raise CheckFailed(f"{what} is None: did you forget the `return` line?")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        message = f"{what} is {type(value).__name__}; expected {expected}."
        raise CheckFailed(message) from None


def _table(p):  # what predict_proba returns: columns 1 - p and p
    return np.column_stack([1 - p, p])


def check_predict_proba_from_weights(predict_proba_from_weights):
    """Check ``predict_proba_from_weights(X, w, b)`` of exercise 1.

    It must return an array of shape (n, 2): column 0 ``1 - p`` and column 1
    ``p = sigmoid(X @ w + b)``, with ``X`` of shape (n, n_features), ``w`` of shape
    (n_features,) and one bias ``b``.

    Parameters
    ----------
    predict_proba_from_weights : callable
        The learner's function.
    """
    for X, _, w, b, case in _cases(9):
        n, p = X.shape
        what = f"your table for {case}"
        with np.errstate(over="ignore"):
            got = call(predict_proba_from_weights, X.copy(), w.copy(), b,
                       name="predict_proba_from_weights")
        got = _array(got, what=what, expected=f"an array of shape ({n}, 2)")
        shapes = {  # shape: what it says about the answer
            (2, n): "one row per class instead of one column per class. "
                    "np.column_stack([1 - p, p]) gives the (n, 2) table.",
            (n,): f"one column only; expected ({n}, 2), column 0 the probability of "
                  "class 0 (1 - p) and column 1 that of class 1 (p).",
            (2 * n,): "the two columns joined end to end (np.hstack of 1-D arrays); "
                      f"np.column_stack puts them side by side, shape ({n}, 2).",
        }
        shapes[(n, 1)] = shapes[(n,)]
        if got.shape != (n, 2):
            raise CheckFailed(f"{what} has shape {got.shape}: " + shapes.get(
                got.shape, f"expected ({n}, 2), one row per sample and one column per "
                "class. Does X @ w (not X * w) give one number per sample?"))
        z = X @ w + b
        mistakes = {PARENTHESES: _sigmoid(X @ w - b), NO_BIAS: _sigmoid(X @ w),
                    SWAPPED_COLUMNS: 1 - _sigmoid(z), NO_SIGMOID: z}
        compare(got, _table(_sigmoid(z)), what=what,
                mistakes={key: _table(q) for key, q in mistakes.items()},
                hint="Column 1 is p = sigmoid(X @ w + b), column 0 is 1 - p "
                     f"({SECTION_SIGMOID}).")
    passed("your probabilities match on 4 cases (one sample, one and several "
           "features).")


def _single_number(value, *, n, what):
    value = _array(value, what=what, expected="a single number")
    if value.size == 1:
        return float(value.ravel()[0])
    if n > 1 and value.size == n:
        raise CheckFailed(f"{what} has shape {value.shape}, one value per sample: "
                          f"{KNOWN_MISTAKES['bias_per_sample']}")
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
        raise CheckFailed(f"{what} has shape {shape}; expected ({p},), the shape of w. "
                          "With p - y of shape (n,), X.T @ (p - y) has shape "
                          f"({p},): keep y and p 1-D.")
    if shape != (p,):
        raise CheckFailed(f"{what} has shape {shape}; expected ({p},), one value per "
                          "weight, the shape of w.")


def _averager(times, shape):
    """e -> the mean over samples of e times ``times`` (n, k), in ``shape``."""
    return lambda e: (times.T @ e / len(times)).reshape(shape)


def check_log_loss_gradient(log_loss_gradient):
    """Check ``log_loss_gradient(X, y, w, b) -> (grad_w, grad_b)`` of exercise 2.

    The gradient of the mean log loss of ``sigmoid(X @ w + b)`` against labels ``y``:
    ``grad_w`` of shape (n_features,) and ``grad_b`` one number.

    Parameters
    ----------
    log_loss_gradient : callable
        The learner's function.
    """
    name = "log_loss_gradient"
    hint = ("Compare it, factor by factor, with section 4's formula: the error p - y "
            f"with p = sigmoid(X @ w + b), the inputs, the mean ({SECTION_GRADIENT}).")
    for X, y, w, b, case in _cases(2):
        n, p = X.shape
        result = call(log_loss_gradient, X.copy(), y.copy(), w.copy(), b, name=name)
        if not isinstance(result, tuple | list) or len(result) != 2:
            raise CheckFailed(f"`{name}` returned {type(result).__name__}; expected "
                              "two values, `return grad_w, grad_b`.")
        prob = _sigmoid(X @ w + b)
        error, slope = prob - y, prob * (1 - prob)
        at_x = error[:, None] * _sigmoid(X) * (1 - _sigmoid(X))
        grad_w = _array(result[0], what=f"grad_w for {case}",
                        expected=f"an array of shape ({p},)")
        if grad_w.shape == (p, p) and np.allclose(grad_w, X.T @ at_x / n):
            raise CheckFailed(f"grad_w for {case} has shape ({p}, {p}); expected "
                              f"({p},): {AT_X}")
        _grad_w_shape(grad_w, n=n, p=p, what=f"grad_w for {case}")
        grad_b = _single_number(result[1], n=n, what=f"grad_b for {case}")
        # grad_w averages the error times X, grad_b the error alone (times 1)
        for got, what, times, at_x_mean in [
            (grad_w, f"grad_w for {case}", X, (at_x * X).mean(axis=0)),
            (grad_b, f"grad_b for {case}", np.ones((n, 1)), None),
        ]:
            mean = _averager(times, np.shape(got))
            mistakes = {
                FACTOR_TWO: 2 * mean(error), SIGN: -mean(error),
                LEFTOVER_DERIVATIVE: mean(error * slope),
                MSE_GRADIENT: 2 * mean(error * slope),
                PARENTHESES: mean(_sigmoid(X @ w - b) - y),
                NO_BIAS: mean(_sigmoid(X @ w) - y),
            }
            if at_x_mean is not None:
                mistakes[AT_X] = at_x_mean
            if n > 1:  # for one sample the sum and the mean agree
                mistakes["missing_mean"] = n * mean(error)
            compare(got, mean(error), what=what, mistakes=mistakes, hint=hint)
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
    rng = np.random.default_rng(3)
    # (number of samples, threshold): one sample, the default threshold, low and high.
    for k, (n, threshold) in enumerate([(30, 0.3), (12, 0.5), (1, 0.8), (40, 0.7)],
                                       start=1):
        y = rng.integers(0, 2, size=n)
        p = rng.uniform(size=n)
        p[np.isclose(p, threshold)] = threshold / 2  # no ties with the threshold
        got = call(confusion_counts, y.copy(), p.copy(), threshold,
                   name="confusion_counts")
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
            (POSITIVE_ZERO, right[[2, 3, 0, 1]]),  # (fn, tp, tn, fp)
            (FIXED_HALF, _counts(y, p, 0.5)),
            (REVERSED, _counts(y, p, threshold, reverse=True)),
        ]
        message = next((m for m, wrong in mistakes if np.array_equal(got, wrong)),
                       ORDER if np.array_equal(np.sort(got), np.sort(right)) else
                       "count, among the samples with p > threshold and the others, "
                       "those with y == 1 and y == 0")
        raise CheckFailed(f"{what} are wrong: {message} ({SECTION_THRESHOLD}).")
    passed("your counts match on 4 cases (thresholds 0.3, 0.5, 0.8 and 0.7).")
