"""Helpers shared by the tests."""

import numpy as np


def central_difference(f, x, h=1e-6):
    """Gradient of the scalar function f at x by central finite differences."""
    x = np.asarray(x, dtype=float)
    gradient = np.empty_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        gradient.flat[i] = (f(x + step) - f(x - step)) / (2 * h)
    return gradient
