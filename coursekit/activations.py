"""Activation functions, each written beside its derivative.

An activation ``g`` turns the weighted sum ``z = X @ w + b`` into the neuron's
output ``g(z)``. Gradient descent needs ``g'(z)`` as well (the chain rule), so
each function sits right above its derivative, and :data:`ACTIVATIONS` maps a
name to the pair.

Examples
--------
>>> import numpy as np
>>> z = np.array([-1.0, 0.0, 2.0])
>>> sigmoid(z)
array([0.26894142, 0.5       , 0.88079708])
>>> relu_derivative(z)
array([0., 0., 1.])
"""

import numpy as np

__all__ = [
    "ACTIVATIONS",
    "linear",
    "linear_derivative",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
]


def linear(z):
    """Identity: ``g(z) = z``. A linear neuron is a linear regression."""
    return np.asarray(z, dtype=float)


def linear_derivative(z):
    """``g'(z) = 1`` for every element of ``z``."""
    return np.ones_like(z, dtype=float)


def sigmoid(z):
    """Logistic function ``g(z) = 1 / (1 + exp(-z))``, with values in (0, 1).

    Computed as ``exp(z) / (1 + exp(z))`` where ``z < 0`` so that no
    ``exp`` ever overflows.
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # always in (0, 1]
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z):
    """``g'(z) = g(z) * (1 - g(z))``, at most 1/4 (at ``z = 0``)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """Hyperbolic tangent ``g(z) = (e^z - e^-z) / (e^z + e^-z)``, in (-1, 1)."""
    return np.tanh(np.asarray(z, dtype=float))


def tanh_derivative(z):
    """``g'(z) = 1 - tanh(z)**2``."""
    return 1.0 - np.tanh(np.asarray(z, dtype=float)) ** 2


def relu(z):
    """Rectified linear unit ``g(z) = max(0, z)``."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_derivative(z):
    """``g'(z) = 1`` where ``z > 0``, else 0 (0 is the convention at ``z = 0``)."""
    return (np.asarray(z) > 0).astype(float)


#: Name -> (activation, derivative), the names that :class:`~coursekit.Neuron` accepts.
ACTIVATIONS = {
    "linear": (linear, linear_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
}
