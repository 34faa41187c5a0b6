"""The check of notebook 06's gradient exercise: the sigmoid neuron's chain rule.

The reference gradient is computed here, independently of the notebook's code, on the
small cases of :mod:`coursekit.checks.training`; the tests confirm it against finite
differences.
"""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, run
from coursekit.checks.training import label, neuron_cases, shape_mistakes

__all__ = ["check_sigmoid_gradients"]


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _gradients(X, y, w, b, *, bias=True, activation=True, error=None, slope=None,
               scale=2.0, mean=True):
    """grad_w, grad_b of the MSE of sigmoid(X @ w + b); the keywords make mistakes.

    ``error(z)`` and ``slope(z)`` replace the error sigmoid(z) - y and g'(z).
    """
    n = len(X)
    z = X @ w + (b if bias else 0.0)
    p = _sigmoid(z) if activation else z
    e = (p - y[:, None]) if error is None else error(z, p)
    s = _sigmoid(z) * (1 - _sigmoid(z)) if slope is None else slope(z)
    delta = e * s * scale / (n if mean else 1)
    return X.T @ delta, delta.sum()


def _g(**mistake):
    return lambda X, y, w, b: _gradients(X, y, w, b, **mistake)


def _at_x(X, y, w, b):
    """The derivative taken at X, where its shape lets it be (one feature)."""
    if X.shape[1] != 1:
        return None
    return _gradients(X, y, w, b, slope=lambda z: _sigmoid(X) * (1 - _sigmoid(X)))


GRADIENTS = Exercise(
    "06.sigmoid_gradients", "sigmoid_gradients", parts=("grad_w", "grad_b"),
    # The chain rule in float64 agrees to about 1e-15; a central difference, even
    # with a good step, only to about 1e-9 to 1e-11.
    rtol=1e-12, atol=1e-14, reference=_gradients,
    cases=lambda: [(case, label(case[0])) for case in neuron_cases(6)],
    mistakes=[
        *shape_mistakes(),
        Mistake("float32", when=lambda got, *a: isinstance(got, tuple | list) and any(
                    getattr(g, "dtype", None) == np.float32 for g in got)),
        Mistake("derivative_at_x", wrong=_at_x,
                when=lambda got, X, *a: X.shape[1] > 1 and isinstance(got, tuple)
                and np.shape(got[0]) == (X.shape[1], X.shape[1])),
        Mistake("missing_g_prime", wrong=_g(slope=lambda z: 1.0)),
        Mistake("g_not_g_prime", wrong=_g(slope=_sigmoid)),
        Mistake("g_prime_at_prediction", wrong=_g(slope=lambda z: _sigmoid(_sigmoid(z))
                         * (1 - _sigmoid(_sigmoid(z))))),
        Mistake("sign", wrong=_g(scale=-2.0)),
        Mistake("missing_two", wrong=_g(scale=1.0)),
        Mistake("missing_mean", wrong=lambda X, *a: _gradients(X, *a, mean=False)
                if len(X) > 1 else None),
        Mistake("no_bias", wrong=_g(bias=False)),
        Mistake("no_sigmoid", wrong=_g(activation=False, slope=lambda z: 1.0)),
        Mistake("no_sigmoid_in_error", wrong=_g(activation=False)),
        Mistake("broadcast_bias", wrong=lambda X, y, w, b: (None, _gradients(
                    X, y, w, b, error=lambda z, p: p - y[None, :])[1])
                if len(X) > 1 else None),
    ],
    passed="the gradients match on 4 cases (one sample, one and several features).",
)


def check_sigmoid_gradients(sigmoid_gradients):
    """Exercise 06-1: ``sigmoid_gradients(X, y, w, b) -> (grad_w, grad_b)``."""
    run(GRADIENTS, sigmoid_gradients)
