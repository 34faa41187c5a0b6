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


def _shape(key, when):
    return Mistake(key, when=lambda got, X, w, b: when(
        np.shape(got), len(X)))


PROBA = Exercise(
    "09.predict_proba_from_weights", "predict_proba_from_weights",
    reference=_proba,
    cases=lambda: [((X, w, b), name) for (X, _, w, b), name in _cases(9)],
    mistakes=[
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
