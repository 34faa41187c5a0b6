"""The mean squared error, with the shape check that the original course lacked.

``np.mean((y - y_pred) ** 2)`` silently gives the wrong number when ``y`` has
shape ``(n,)`` and ``y_pred`` has shape ``(n, 1)``: broadcasting turns the
difference into an ``(n, n)`` matrix and the mean runs over ``n**2`` numbers.
:func:`mse` refuses such a pair instead.
"""

import numpy as np

__all__ = ["logistic_loss", "mse", "mse_gradient"]


def _same_shape(y, y_pred):
    y = np.asarray(y, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y.shape != y_pred.shape:
        try:
            shape = np.broadcast_shapes(y.shape, y_pred.shape)
            what = f"broadcast to shape {shape} and average the wrong numbers"
        except ValueError:
            what = "fail"
        raise ValueError(
            f"y and y_pred must have the same shape; got {y.shape} and "
            f"{y_pred.shape}. Subtracting them would {what}. "
            "Flatten both with .ravel() first."
        )
    if y.size == 0:
        raise ValueError("y and y_pred are empty; the mean of no errors is undefined.")
    return y, y_pred


def mse(y, y_pred):
    """Mean squared error ``(1/n) * sum_i (y_i - y_pred_i)**2``.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        True targets.
    y_pred : array-like of shape (n_samples,)
        Predictions; must have exactly the shape of ``y``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the shapes differ, which would otherwise broadcast silently.

    Examples
    --------
    >>> mse([1.0, 2.0, 3.0], [1.0, 2.0, 5.0])
    1.3333333333333333
    >>> mse([1.0, 2.0], [[1.0], [2.0]])
    Traceback (most recent call last):
    ...
    ValueError: y and y_pred must have the same shape; got (2,) and (2, 1). ...
    """
    y, y_pred = _same_shape(y, y_pred)
    return float(np.mean((y - y_pred) ** 2))


def mse_gradient(y, y_pred):
    """Derivative of :func:`mse` with respect to each prediction.

    ``d MSE / d y_pred_i = (2/n) * (y_pred_i - y_i)``.

    Parameters
    ----------
    y, y_pred : array-like of shape (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples,)

    Examples
    --------
    >>> mse_gradient([1.0, 2.0], [2.0, 2.0])
    array([1., 0.])
    """
    y, y_pred = _same_shape(y, y_pred)
    return 2.0 * (y_pred - y) / y.size


def logistic_loss(y, z):
    """Log loss (binary cross-entropy) of labels ``y`` given decision values ``z``.

    With ``p = sigmoid(z)`` the probability of class 1, the log loss is
    ``-(1/n) * sum_i [y_i log(p_i) + (1 - y_i) log(1 - p_i)]``, which equals
    ``(1/n) * sum_i [log(1 + exp(z_i)) - y_i z_i]``. The second form is computed
    (with ``np.logaddexp``), so a saturated neuron (``p`` rounding to 0 or 1) gives
    a large finite loss, never ``log(0)``.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        Labels, 0 or 1.
    z : array-like of shape (n_samples,)
        Decision values ``X @ w + b``, before the sigmoid.

    Returns
    -------
    float

    Examples
    --------
    >>> round(logistic_loss([1.0, 0.0], [0.0, 0.0]), 6)  # p = 0.5: log(2)
    0.693147
    >>> logistic_loss([1.0], [-800.0])  # sigmoid(-800) is 0.0 in float64
    800.0
    """
    y, z = _same_shape(y, z)
    return float(np.mean(np.logaddexp(0.0, z) - y * z))

