"""The checks of notebook 09's exercises: probabilities, the log-loss gradient, counts.

Each computes its reference answers here, independently of the notebook's code, on
cases of several shapes (one sample, one feature, several features), with ``w`` of
shape (n_features,) and ``y`` of shape (n,), as scikit-learn has them.
"""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, run

__all__ = ["check_confusion_counts", "check_log_loss_gradient",
           "check_predict_proba_from_weights"]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _cases(seed):
    """((X, y, w, b), label) per shape: y of 0s and 1s, a bias far from 0 to matter."""
    rng = np.random.default_rng(seed)
    cases = []
    for n, p in [(6, 1), (1, 1), (7, 3), (5, 2)]:
        X = rng.normal(scale=1.5, size=(n, p))
        y = rng.integers(0, 2, size=n)
        w = rng.normal(size=p)
        b = float(rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 1.5))
        cases.append(((X, y, w, b), f"{n} sample{'s' * (n > 1)}, {p} feature"
                      + "s" * (p > 1)))
    return cases


def _proba(X, w, b, *, z=None, flip=False):
    """The (n, 2) table [1 - p, p]; ``z(X, w, b)`` replaces X @ w + b."""
    p = _sigmoid(X @ w + b if z is None else z(X, w, b))
    return np.column_stack([p, 1 - p] if flip else [1 - p, p])


def _shape(when, message, key):
    return Mistake(key, "09.6", message, when=lambda got, X, w, b: when(
        np.shape(got), len(X)))


PROBA = Exercise(
    "09.predict_proba_from_weights", "predict_proba_from_weights", "09.2",
    reference=_proba,
    cases=lambda: [((X, w, b), name) for (X, _, w, b), name in _cases(9)],
    mistakes=[
        _shape(lambda s, n: s == (2, n) and n != 2, "one row per class instead of one "
               "column per class: the table has one row per sample", "rows"),
        _shape(lambda s, n: s in ((n,), (n, 1)), "only one column; the table has the "
               "probability of class 0 (1 - p) and that of class 1 (p)", "one_column"),
        _shape(lambda s, n: s == (2 * n,), "the two columns are joined end to end; "
               "they go side by side, one per class", "joined"),
        Mistake("parentheses", "09.8", "the sigmoid lacks parentheses: 1 / (1 + "
                "np.exp(-X @ w + b)) negates only X @ w, so the bias enters with the "
                "wrong sign", wrong=lambda X, w, b: _proba(X, w, b, z=lambda X, w, b:
                                                           X @ w - b)),
        Mistake("no_bias", "09.2", "it matches a neuron without its bias: z = X @ w + b",
                wrong=lambda X, w, b: _proba(X, w, 0.0)),
        Mistake("swapped_columns", "09.6", "column 1 holds 1 - p and column 0 holds p: "
                "either the columns are swapped (column 0 is class 0) or the sigmoid "
                "lost the minus of its exponent",
                wrong=lambda X, w, b: _proba(X, w, b, flip=True)),
        Mistake("no_sigmoid", "09.2", "the columns hold z itself, not a probability: "
                "pass z through the sigmoid",
                wrong=lambda X, w, b: np.column_stack([1 - (X @ w + b), X @ w + b])),
    ],
    hint="column 1 is p = sigmoid(X @ w + b), column 0 is 1 - p",
    passed="your probabilities match on 4 cases (one sample, one and several "
           "features).",
)


def _gradient(X, y, w, b, *, z=None, factor=None, scale=1.0, mean=True):
    """grad_w, grad_b of the mean log loss; the keywords make mistakes.

    ``z(X, w, b)`` replaces X @ w + b; ``factor(z, p)`` multiplies the error p - y.
    """
    p = _sigmoid(X @ w + b if z is None else z(X, w, b))
    e = (p - y) * (1.0 if factor is None else factor(X @ w + b, p)) * scale
    n = len(X) if mean else 1
    return X.T @ e / n, e.sum() / n


def _g(**mistake):
    return lambda X, y, w, b: _gradient(X, y, w, b, **mistake)


def _column(got, n, p):
    return isinstance(got, tuple | list) and len(got) == 2 and np.shape(got[0]) in (
        (p, n), (n, n)) and n > 1


LOG_LOSS = Exercise(
    "09.log_loss_gradient", "log_loss_gradient", "09.4", parts=("grad_w", "grad_b"),
    reference=_gradient, cases=lambda: _cases(2),
    mistakes=[
        Mistake("broadcast", "09.8", "grad_w has n columns: an (n,) array met an (n, "
                "1) array and they broadcast to an (n, n) matrix. Keep y and p both "
                "1-D, of shape (n,)", when=lambda got, X, *a: _column(got, *X.shape)),
        Mistake("column", "09.4", "grad_w is 2-D; it has the shape of w, (n_features,)"
                ": with p - y of shape (n,), X.T @ (p - y) has it",
                when=lambda got, X, *a: isinstance(got, tuple | list) and len(got) == 2
                and np.ndim(got[0]) == 2 and np.size(got[0]) == X.shape[1]),
        Mistake("derivative_at_x", "06.14", "it multiplies by the sigmoid's derivative "
                "taken at the inputs X: no derivative of the sigmoid is left in the log "
                "loss's gradient (it cancels), and where one is needed it belongs at z",
                when=lambda got, X, *a: isinstance(got, tuple | list) and X.shape[1] > 1
                and np.shape(got[0]) == (X.shape[1], X.shape[1]),
                wrong=lambda X, y, w, b: (np.mean((_sigmoid(X @ w + b) - y)[:, None]
                                                  * _sigmoid(X) * (1 - _sigmoid(X)) * X,
                                                  axis=0), None)),
        Mistake("bias_per_sample", "09.4", "grad_b has one value per sample; the bias "
                "is shared by every sample, so its derivative averages their "
                "contributions", when=lambda got, X, *a: len(X) > 1 and isinstance(
                    got, tuple | list) and len(got) == 2 and np.size(got[1]) == len(X)),
        Mistake("float32", "09.4", "it is computed in float32, whose 7 digits are not "
                "enough here: keep the arrays in float64",
                when=lambda got, *a: isinstance(got, tuple | list) and any(
                    getattr(g, "dtype", None) == np.float32 for g in got)),
        Mistake("factor_two", "09.3", "it is twice too large: the factor 2 comes from "
                "differentiating the square of the MSE; the log loss has no square",
                wrong=_g(scale=2.0)),
        Mistake("sign", "09.4", "it has the wrong sign: the error is p - y, probability "
                "minus label; y - p points downhill, so the update would climb",
                wrong=_g(scale=-1.0)),
        Mistake("leftover_derivative", "09.4", "it still multiplies by the sigmoid's "
                "derivative p * (1 - p): for the log loss that factor cancels",
                wrong=_g(factor=lambda z, p: p * (1 - p))),
        Mistake("mse_gradient", "09.3", "this is the gradient of the MSE of a sigmoid "
                "neuron, not of the log loss: the log loss's factor p * (1 - p) cancels "
                "and it has no 2", wrong=_g(factor=lambda z, p: 2 * p * (1 - p))),
        Mistake("parentheses", "09.8", "the sigmoid lacks parentheses: -X @ w + b "
                "negates only X @ w, so the bias enters with the wrong sign",
                wrong=_g(z=lambda X, w, b: X @ w - b)),
        Mistake("no_bias", "09.4", "p leaves out the bias: p = sigmoid(X @ w + b)",
                wrong=_g(z=lambda X, w, b: X @ w)),
        Mistake("missing_mean", "09.4", "the 1/n of the mean is missing, so the "
                "gradient grows with the number of samples",
                wrong=lambda X, *a: _gradient(X, *a, mean=False)
                if len(X) > 1 else None),
    ],
    hint="compare it, factor by factor, with section 4's formula: the error p - y with "
         "p = sigmoid(X @ w + b), the inputs, the mean",
    near="close but not equal, and not by rounding: a finite-difference estimate or a "
         "float32 computation comes this close. Compute the gradient from the formula, "
         "in float64",
    passed="your gradient matches on 4 cases (one sample, one and several features).",
)


def _counts(y, p, threshold, *, reverse=False, order=(0, 1, 2, 3), positive=1):
    """(tn, fp, fn, tp) of the predictions p > threshold, counted with a loop."""
    counts = [0, 0, 0, 0]
    for label, prob in zip(y, p, strict=True):
        predicted = prob < threshold if reverse else prob > threshold
        actual = label == positive
        if positive == 0:
            predicted = not predicted
        counts[2 * int(actual) + int(predicted)] += 1
    return np.array(counts, dtype=float)[list(order)]


def _thresholds():
    rng = np.random.default_rng(3)
    cases = []
    for n, threshold in [(30, 0.3), (12, 0.5), (1, 0.8), (40, 0.7)]:
        y = rng.integers(0, 2, size=n)
        p = rng.uniform(size=n)
        p[np.isclose(p, threshold)] = threshold / 2  # no ties with the threshold
        cases.append(((y, p, threshold), f"{n} samples, threshold {threshold}"))
    return cases


def _flat(function):
    """The learner's function; a 2 x 2 matrix [[tn, fp], [fn, tp]] is fine too."""
    def flat(*args):
        got = function(*args)
        return np.ravel(got) if np.shape(got) == (2, 2) else got
    return flat if callable(function) else function


COUNTS = Exercise(
    "09.confusion_counts", "confusion_counts", "09.6", reference=_counts,
    cases=_thresholds,
    mistakes=[
        Mistake("dict", "09.6", "it is a dict; return the four numbers tn, fp, fn, tp",
                when=lambda got, *a: isinstance(got, dict)),
        Mistake("total", "09.6", "the counts do not add up to the number of samples: "
                "each sample is exactly one of tn, fp, fn, tp", late=True,
                when=lambda got, y, *a: np.size(got) == 4 and np.sum(got) != len(y)),
        Mistake("swapped_fp_fn", "09.6", "false positives and false negatives are "
                "swapped: a false positive is predicted 1 but truly 0, a false negative "
                "predicted 0 but truly 1",
                wrong=lambda *a: _counts(*a, order=(0, 2, 1, 3))),
        Mistake("positive_zero", "09.6", "class 0 is counted as the positive class, in "
                "the labels and in the predictions. The positive class is 1 "
                "(malignant), predicted when p > threshold",
                wrong=lambda *a: _counts(*a, positive=0)),
        Mistake("labels_flipped", "09.6", "the labels are read the other way round: a "
                "true positive has y == 1", wrong=lambda *a: _counts(*a, order=(2, 3, 0,
                                                                               1))),
        Mistake("fixed_half", "09.6", "these are the counts at the threshold 1/2 "
                "whatever `threshold` says: compare p with the argument",
                wrong=lambda y, p, t: _counts(y, p, 0.5) if t != 0.5 else None),
        Mistake("reversed", "09.6", "a sample is predicted 1 where p is below the "
                "threshold; it is predicted 1 when p > threshold",
                wrong=lambda *a: _counts(*a, reverse=True)),
        Mistake("order", "09.6", "the four counts are right but in another order: "
                "return tn, fp, fn, tp, the order of confusion_matrix(...).ravel()",
                late=True, when=lambda got, *a: np.size(got) == 4 and np.array_equal(
                    np.sort(np.ravel(got).astype(float)), np.sort(_counts(*a)))),
    ],
    hint="count, among the samples with p > threshold and the others, those with "
         "y == 1 and y == 0",
    passed="your counts match on 4 cases (thresholds 0.3, 0.5, 0.8 and 0.7).",
)


def check_predict_proba_from_weights(predict_proba_from_weights):
    """Exercise 09-1: ``predict_proba_from_weights(X, w, b)``, an (n, 2) table."""
    with np.errstate(over="ignore"):
        run(PROBA, predict_proba_from_weights)


def check_log_loss_gradient(log_loss_gradient):
    """Exercise 09-2: ``log_loss_gradient(X, y, w, b) -> (grad_w, grad_b)``."""
    run(LOG_LOSS, log_loss_gradient)


def check_confusion_counts(confusion_counts):
    """Exercise 09-3: ``confusion_counts(y, p, threshold) -> (tn, fp, fn, tp)``."""
    run(COUNTS, _flat(confusion_counts))
