"""The check of notebook 06's gradient exercise: the sigmoid neuron's chain rule.

The reference gradient is computed here, independently of the notebook's code, on the
small cases of :mod:`coursekit.checks.training` (one sample, one feature, several
features); the tests confirm it against finite differences.
"""

import numpy as np

from coursekit.checks._legacy import KNOWN_MISTAKES, CheckFailed, call, compare, passed
from coursekit.checks.training import (
    MISSING_TWO,
    SECTION_CHAIN,
    _cases,
    _column,
    _pair,
    _single_number,
)

__all__ = ["check_sigmoid_gradients"]

MISSING_G_PRIME = (
    "the factor g'(z) of the chain rule is missing: with a sigmoid it is "
    f"sigmoid(z) * (1 - sigmoid(z)), not 1 ({SECTION_CHAIN})."
)

G_AT_PREDICTION = (
    "your g' is taken at the prediction sigmoid(z); sigmoid_prime takes z itself: "
    f"g'(z) = sigmoid(z) * (1 - sigmoid(z)) ({SECTION_CHAIN})."
)
G_NOT_G_PRIME = (
    "you multiplied by the activation g(z) where the chain rule needs its "
    f"derivative g'(z) = sigmoid(z) * (1 - sigmoid(z)) ({SECTION_CHAIN})."
)

SIGN = (
    "it has the wrong sign: delta = (y_pred - y) * g'(z), prediction minus target, "
    f"so that the gradient points uphill ({SECTION_CHAIN})."
)

NO_BIAS = (
    "your z leaves out the bias: z = X @ w + b, and the bias moves the prediction of "
    f"every sample ({SECTION_CHAIN})."
)

NO_SIGMOID = (
    "your prediction is z itself, as for the linear neuron; this neuron's prediction "
    f"is sigmoid(z), so the error is sigmoid(z) - y ({SECTION_CHAIN})."
)

NO_SIGMOID_KEPT_G = (
    "your error is z - y, as for the linear neuron (the factor g'(z) is right): "
    "this neuron's prediction is sigmoid(z), so the error is sigmoid(z) - y "
    f"({SECTION_CHAIN})."
)

GRAD_B_PER_SAMPLE = (
    "one value per sample: those are the samples' separate contributions. The bias "
    "is one number shared by every sample, so its derivative adds them all up, with "
    f"the 2/n of the mean, like the derivative for each weight ({SECTION_CHAIN})."
)

GRAD_W_ROW = (
    "a row: the gradient has the shape of w, a (p, 1) column with one derivative "
    "per weight. Mind the order of the product: shapes (p, n) @ (n, 1) -> (p, 1) "
    f"({SECTION_CHAIN})."
)


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def check_sigmoid_gradients(sigmoid_gradients):
    """Check ``sigmoid_gradients(X, y, w, b) -> (grad_w, grad_b)`` of exercise 1.

    The MSE of a sigmoid neuron, ``mean((sigmoid(X @ w + b) - y)**2)``, with ``X`` of
    shape (n, p), ``y`` of shape (n,), ``w`` of shape (p, 1) and one bias ``b``:
    ``grad_w`` must have shape (p, 1) and ``grad_b`` be one number.

    Parameters
    ----------
    sigmoid_gradients : callable
        The learner's function.
    """
    name = "sigmoid_gradients"
    for k, (X, y, w, b) in enumerate(_cases(6), start=1):
        n, p = X.shape
        result = _pair(call(sigmoid_gradients, X.copy(), y.copy(), w.copy(), b,
                            name=name), name)
        z = X @ w + b
        error = _sigmoid(z) - y[:, None]
        g_prime = _sigmoid(z) * (1 - _sigmoid(z))
        delta = error * g_prime
        what = f"grad_w for case {k} (n={n}, p={p})"
        if p > 1 and np.shape(result[0]) == (p, p):
            at_x = 2 / n * X.T @ (error * _sigmoid(X) * (1 - _sigmoid(X)))
            if np.allclose(np.asarray(result[0], dtype=float), at_x):
                raise CheckFailed(f"{what} has shape ({p}, {p}); expected ({p}, 1): "
                                  f"{KNOWN_MISTAKES['derivative_at_x']}")
        grad_w = _column(result[0], p=p, n=n, what=what, row=GRAD_W_ROW)
        right_w = 2 / n * X.T @ delta
        z_no_bias = X @ w
        delta_no_bias = (_sigmoid(z_no_bias) - y[:, None]) * _sigmoid(z_no_bias) * (
            1 - _sigmoid(z_no_bias))
        delta_linear = z - y[:, None]  # no sigmoid: the linear neuron's delta
        mistakes = {
            MISSING_G_PRIME: 2 / n * X.T @ error,
            G_NOT_G_PRIME: 2 / n * X.T @ (error * _sigmoid(z)),
            SIGN: -right_w,
            MISSING_TWO: right_w / 2,
            NO_BIAS: 2 / n * X.T @ delta_no_bias,
            NO_SIGMOID: 2 / n * X.T @ delta_linear,
            NO_SIGMOID_KEPT_G: 2 / n * X.T @ (delta_linear * g_prime),
            G_AT_PREDICTION: 2 / n * X.T @ (error * _sigmoid(_sigmoid(z))
                                            * (1 - _sigmoid(_sigmoid(z)))),
        }
        if p == 1:  # g'(X) has the shape of z only for one feature
            at_x = error * _sigmoid(X) * (1 - _sigmoid(X))
            mistakes["derivative_at_x"] = 2 / n * X.T @ at_x
        if n > 1:  # for one sample the sum and the mean agree
            mistakes["missing_mean"] = n * right_w
        compare(grad_w, right_w, what=what, mistakes=mistakes,
                hint=f"See {SECTION_CHAIN}.")
        what = f"grad_b for case {k} (n={n}, p={p})"
        grad_b = _single_number(result[1], name="grad_b", n=n,
                                hint="the neuron has one bias, so one derivative.",
                                per_sample=GRAD_B_PER_SAMPLE)
        right_b = 2 / n * delta.sum()
        broadcast = (_sigmoid(z) - y[None, :]) * g_prime
        mistakes = {
            MISSING_G_PRIME: 2 / n * error.sum(),
            SIGN: -right_b,
            MISSING_TWO: right_b / 2,
            NO_BIAS: 2 / n * delta_no_bias.sum(),
            NO_SIGMOID: 2 / n * delta_linear.sum(),
            NO_SIGMOID_KEPT_G: 2 / n * (delta_linear * g_prime).sum(),
        }
        if n > 1:
            mistakes["missing_mean"] = n * right_b
            mistakes["broadcast"] = 2 / n * broadcast.sum()
        compare(grad_b, right_b, what=what, mistakes=mistakes,
                hint=f"See {SECTION_CHAIN}.")
    passed("the gradients match on 4 cases (one sample, one and several features).")
