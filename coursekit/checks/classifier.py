"""The checks of notebook 09's exercises: probabilities, the log-loss gradient, counts,
and the whole model trained from the learner's own pieces.

Each computes its reference answers here, independently of the notebook's code, on
cases of several shapes (one sample, one feature, several features), with ``w`` of
shape (n_features,) and ``y`` of shape (n,), as scikit-learn has them.
"""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, run

__all__ = ["check_confusion_counts", "check_log_loss_gradient",
           "check_predict_proba_from_weights", "check_train_classifier"]


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


def _shape(key, when):
    return Mistake(key, when=lambda got, X, w, b: when(
        np.shape(got), len(X)))


PROBA = Exercise(
    "09.predict_proba_from_weights", "predict_proba_from_weights",
    reference=_proba,
    cases=lambda: [((X, w, b), name) for (X, _, w, b), name in _cases(9)],
    mistakes=[
        Mistake("not_array", when=lambda got, *a: not isinstance(got, np.ndarray)),
        Mistake("float32",
                when=lambda got, *a: getattr(got, "dtype", None) == np.float32),
        _shape("rows", lambda s, n: s == (2, n) and n != 2),
        _shape("one_column", lambda s, n: s in ((n,), (n, 1))),
        _shape("joined", lambda s, n: s == (2 * n,)),
        Mistake("parentheses", wrong=lambda X, w, b: _proba(X, w, b, z=lambda X, w, b:
                                                           X @ w - b)),
        Mistake("no_bias", wrong=lambda X, w, b: _proba(X, w, 0.0)),
        Mistake("swapped_columns", wrong=lambda X, w, b: _proba(X, w, b, flip=True)),
        Mistake("no_sigmoid",
                wrong=lambda X, w, b: np.column_stack([1 - (X @ w + b), X @ w + b])),
    ],
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
    "09.log_loss_gradient", "log_loss_gradient", parts=("grad_w", "grad_b"),
    reference=_gradient, cases=lambda: _cases(2),
    mistakes=[
        Mistake("swapped", when=lambda got, X, *a: isinstance(got, tuple | list)
                and len(got) == 2 and np.ndim(got[0]) == 0
                and np.shape(got[1]) == (X.shape[1],)),
        Mistake("broadcast", when=lambda got, X, *a: _column(got, *X.shape)),
        Mistake("column",
                when=lambda got, X, *a: isinstance(got, tuple | list) and len(got) == 2
                and np.ndim(got[0]) == 2 and np.size(got[0]) == X.shape[1]),
        Mistake("derivative_at_x",
                when=lambda got, X, *a: isinstance(got, tuple | list) and X.shape[1] > 1
                and np.shape(got[0]) == (X.shape[1], X.shape[1]),
                wrong=lambda X, y, w, b: (np.mean((_sigmoid(X @ w + b) - y)[:, None]
                                                  * _sigmoid(X) * (1 - _sigmoid(X)) * X,
                                                  axis=0), None)),
        Mistake("bias_per_sample", when=lambda got, X, *a: len(X) > 1 and isinstance(
                    got, tuple | list) and len(got) == 2 and np.size(got[1]) == len(X)),
        Mistake("float32", when=lambda got, *a: isinstance(got, tuple | list) and any(
                    getattr(g, "dtype", None) == np.float32 for g in got)),
        Mistake("factor_two", wrong=_g(scale=2.0)),
        Mistake("sign", wrong=_g(scale=-1.0)),
        Mistake("leftover_derivative", wrong=_g(factor=lambda z, p: p * (1 - p))),
        Mistake("mse_gradient", wrong=_g(factor=lambda z, p: 2 * p * (1 - p))),
        Mistake("parentheses", wrong=_g(z=lambda X, w, b: X @ w - b)),
        Mistake("no_bias", wrong=_g(z=lambda X, w, b: X @ w)),
        Mistake("missing_mean", wrong=lambda X, *a: _gradient(X, *a, mean=False)
                if len(X) > 1 else None),
    ],
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
    "09.confusion_counts", "confusion_counts", reference=_counts,
    cases=_thresholds,
    mistakes=[
        Mistake("dict", when=lambda got, *a: isinstance(got, dict)),
        Mistake("total", late=True,
                when=lambda got, y, *a: np.size(got) == 4 and np.sum(got) != len(y)),
        Mistake("swapped_fp_fn", wrong=lambda *a: _counts(*a, order=(0, 2, 1, 3))),
        Mistake("positive_zero", wrong=lambda *a: _counts(*a, positive=0)),
        Mistake("labels_flipped", wrong=lambda *a: _counts(*a, order=(2, 3, 0, 1))),
        Mistake("fixed_half",
                wrong=lambda y, p, t: _counts(y, p, 0.5) if t != 0.5 else None),
        Mistake("reversed", wrong=lambda *a: _counts(*a, reverse=True)),
        Mistake("order",
                late=True, when=lambda got, *a: np.size(got) == 4 and np.array_equal(
                    np.sort(np.ravel(got).astype(float)), np.sort(_counts(*a)))),
    ],
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


def train_classifier(X, y, learning_rate, n_epochs, *, sign=1.0, bias=True,
                     sequential=False, per_sample=False, **mistake):
    """The course's loop: full-batch steps on the mean log loss from zeros; the
    keywords make mistakes (``mistake`` goes to the gradient)."""
    w, b = np.zeros(X.shape[1]), 0.0
    batches = [slice(i, i + 1) for i in range(len(X))] if per_sample else [slice(None)]
    for _ in range(n_epochs):
        for rows in batches:
            grad_w, grad_b = _gradient(X[rows], y[rows], w, b, **mistake)
            w = w - sign * learning_rate * grad_w
            if sequential:
                grad_b = _gradient(X[rows], y[rows], w, b, **mistake)[1]
            b = b - sign * learning_rate * grad_b * bias
    return w, b


def _loops():
    settings = [(0.5, 3), (1.0, 1), (0.3, 10), (2.0, 4)]  # several epochs first
    return [((X, y, rate, epochs), f"{name}, rate {rate}, {epochs} epoch"
             + "s" * (epochs > 1))
            for ((X, y, _, _), name), (rate, epochs) in zip(_cases(92), settings,
                                                             strict=True)]


def _t(**mistake):
    return lambda X, y, r, e: train_classifier(X, y, r, e, **mistake)


def _several(**mistake):
    return lambda X, y, r, e: (train_classifier(X, y, r, e, **mistake) if len(X) > 1
                               else None)


TRAIN = Exercise(
    "09.train_classifier", "train_classifier", parts=("w", "b"),
    reference=train_classifier, cases=_loops,
    mistakes=[
        Mistake("bias_first", when=lambda got, X, *a: isinstance(got, tuple | list)
                and len(got) == 2 and np.ndim(got[0]) == 0
                and np.shape(got[1]) == (X.shape[1],)),
        Mistake("float32", when=lambda got, *a: isinstance(got, tuple | list) and any(
            getattr(g, "dtype", None) == np.float32 for g in got)),
        Mistake("uphill", wrong=_t(sign=-1.0)),
        Mistake("factor_two", wrong=_t(scale=2.0)),
        Mistake("leftover_derivative", wrong=_t(factor=lambda z, p: p * (1 - p))),
        Mistake("parentheses", wrong=_t(z=lambda X, w, b: X @ w - b)),
        Mistake("bias_not_updated", wrong=_t(bias=False)),
        Mistake("epoch_too_few", wrong=lambda X, y, r, e: train_classifier(
            X, y, r, e - 1) if e > 1 else None),
        Mistake("epoch_too_many", wrong=lambda X, y, r, e: train_classifier(
            X, y, r, e + 1)),
        Mistake("not_kept", wrong=lambda X, *a: (np.zeros(X.shape[1]), None)),
        Mistake("sequential", wrong=_t(sequential=True)),
        Mistake("per_sample", wrong=_several(per_sample=True)),
        Mistake("mse_gradient", wrong=_t(factor=lambda z, p: 2 * p * (1 - p))),
        Mistake("missing_mean", wrong=_several(mean=False)),
    ],
    passed="your loop lands where full-batch descent on the log loss does, on 4 "
           "cases (one sample, one and several features).",
)


def check_train_classifier(train_classifier):
    """The last exercise of notebook 09: ``train_classifier(X, y, learning_rate,
    n_epochs) -> (w, b)``, full-batch descent on the log loss from zeros."""
    with np.errstate(over="ignore"):
        run(TRAIN, train_classifier)
