"""The MSE of a straight line ``intercept + slope * x`` over a grid of both.

The brute-force way evaluates the MSE at every grid point with a pass over the
data: ``len(intercepts) * len(slopes) * n`` operations. But the MSE of a line is
a quadratic in ``(intercept, slope)``: it depends on the data only through the
means of x, y, x², xy and y² (notebook 05, section 5). In centred form::

    MSE(b0, b1) = (b0 + b1 * mean(x) - mean(y))**2
                  + var(x) * (b1 - beta)**2 + mse_ols

with ``beta`` the least-squares slope and ``mse_ols`` the MSE of the
least-squares line. Every term is non-negative, so nothing cancels (the
expanded form subtracts large, nearly equal numbers), and the cost is one pass
over the data plus a few operations per grid point, whatever the number of
data points.
"""

import numpy as np
import pandas as pd

__all__ = ["loss_surface", "sigmoid_loss_surface"]


def _vector(values, name, what):
    array = np.asarray(values, dtype=float)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D array of {what}; got shape {array.shape}."
            " Flatten it with .ravel()."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{name} contains NaN or infinity; remove or fill those values."
        )
    return array


def _grid_data(x, y, intercepts, slopes, y_what):
    """The four inputs of a loss surface as 1-D float arrays, checked."""
    x, y = _vector(x, "x", "feature values"), _vector(y, "y", y_what)
    if x.shape != y.shape:
        raise ValueError(
            f"x and y must have the same length; got {x.size} and {y.size} values."
        )
    return (x, y, _vector(intercepts, "intercepts", "intercepts to try"),
            _vector(slopes, "slopes", "slopes to try"))


def loss_surface(x, y, intercepts, slopes):
    """MSE of ``intercept + slope * x`` against ``y`` for every pair on a grid.

    Parameters
    ----------
    x : array-like of shape (n_samples,) or (n_samples, 1)
        The single feature.
    y : array-like of shape (n_samples,)
        Targets.
    intercepts : array-like of shape (n_intercepts,)
        Intercepts to try.
    slopes : array-like of shape (n_slopes,)
        Slopes to try.

    Returns
    -------
    pandas.DataFrame of shape (n_intercepts, n_slopes)
        ``surface.loc[b0, b1]`` is ``mean((b0 + b1 * x - y) ** 2)``. The index is
        named ``intercept`` and the columns ``slope``.

    Examples
    --------
    >>> surface = loss_surface([0.0, 1.0, 2.0], [1.0, 3.0, 5.0],
    ...                        intercepts=[0.0, 1.0], slopes=[1.0, 2.0])
    >>> surface.round(4)
    slope         1.0  2.0
    intercept
    0.0        4.6667  1.0
    1.0        1.6667  0.0
    """
    x, y, intercepts, slopes = _grid_data(x, y, intercepts, slopes, "targets")
    x_mean, y_mean = x.mean(), y.mean()
    xc, yc = x - x_mean, y - y_mean
    var_x = xc @ xc / x.size
    beta = (xc @ yc / x.size) / var_x if var_x > 0 else 0.0
    residual = yc - beta * xc
    mse_ols = residual @ residual / x.size

    offset = intercepts[:, None] + slopes[None, :] * x_mean - y_mean
    values = offset**2 + (var_x * (slopes - beta) ** 2 + mse_ols)[None, :]
    return pd.DataFrame(
        values,
        index=pd.Index(intercepts, name="intercept"),
        columns=pd.Index(slopes, name="slope"),
    )


def sigmoid_loss_surface(x, y, intercepts, slopes, *, loss="log"):
    """Loss of the sigmoid neuron ``sigmoid(intercept + slope * x)`` over a grid.

    The log loss of a sigmoid neuron is a convex bowl in ``(intercept, slope)``; its
    MSE is not: it flattens into plateaus where the sigmoid saturates. This draws
    either, computed directly (one pass over the data per row of the grid).

    Parameters
    ----------
    x : array-like of shape (n_samples,) or (n_samples, 1)
        The single feature.
    y : array-like of shape (n_samples,)
        Labels, 0 or 1.
    intercepts, slopes : array-like of shape (n_intercepts,), (n_slopes,)
        The grid.
    loss : {"log", "mse"}, default="log"
        The log loss (binary cross-entropy, computed from z without ``log(0)``) or
        the mean squared error between ``sigmoid(z)`` and ``y``.

    Returns
    -------
    pandas.DataFrame of shape (n_intercepts, n_slopes)
        Indexed by ``intercept``, columns named ``slope``, as :func:`loss_surface`.

    Examples
    --------
    >>> sigmoid_loss_surface([0.0, 1.0], [0.0, 1.0], [0.0], [0.0]).round(4)
    slope         0.0
    intercept
    0.0        0.6931
    """
    if loss not in ("log", "mse"):
        raise ValueError(f"loss must be 'log' or 'mse'; got {loss!r}.")
    x, y, intercepts, slopes = _grid_data(x, y, intercepts, slopes, "labels")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must hold labels 0 and 1; encode the two classes first.")
    values = np.empty((intercepts.size, slopes.size))
    for i, b0 in enumerate(intercepts):
        z = b0 + slopes[:, None] * x[None, :]  # (n_slopes, n_samples)
        if loss == "log":
            values[i] = np.mean(np.logaddexp(0.0, z) - y * z, axis=1)
        else:
            # sigmoid(z) - y, written so that exp never overflows
            p = np.exp(-np.logaddexp(0.0, -z))
            values[i] = np.mean((p - y) ** 2, axis=1)
    return pd.DataFrame(
        values,
        index=pd.Index(intercepts, name="intercept"),
        columns=pd.Index(slopes, name="slope"),
    )
