"""The mean squared error, with the shape check that the original course lacked.

``np.mean((y - y_pred) ** 2)`` silently gives the wrong number when ``y`` has
shape ``(n,)`` and ``y_pred`` has shape ``(n, 1)``: broadcasting turns the
difference into an ``(n, n)`` matrix and the mean runs over ``n**2`` numbers.
:func:`mse` refuses such a pair instead.
"""

import numpy as np

__all__ = ["LinearMSE", "logistic_loss", "mse", "mse_gradient"]


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


class LinearMSE:
    """The MSE of any line or plane ``X @ w + b`` on fixed data, from its moments.

    Computing the MSE directly costs a pass over the data for every ``(w, b)``.
    Because the MSE of a linear model is a quadratic function of ``(w, b)``, one
    pass at construction is enough; after that each ``(w, b)`` costs
    O(n_features**2). With ``Xc = X - mean(X)``, ``yc = y - mean(y)`` and any
    reference weights ``w0``, exactly::

        MSE(w, b) = mse0 + 2 d.q + d' C d + (b + mean(X) @ w - mean(y))**2

    where ``d = w - w0``, ``r0 = Xc @ w0 - yc``, ``mse0 = mean(r0**2)``,
    ``q = Xc.T @ r0 / n`` and ``C = Xc.T @ Xc / n``. Taking for ``w0`` the
    least-squares weights within the eigen-directions of ``C`` whose eigenvalue
    is at least 1e-6 of the largest makes ``q`` tiny and keeps ``w0`` moderate,
    so every large term is non-negative and nothing large cancels, even when
    features are nearly collinear.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)

    Attributes
    ----------
    x_mean : ndarray of shape (n_features,)
        Mean of each feature.
    cov : ndarray of shape (n_features, n_features)
        ``C``, the (biased) covariance matrix of the features.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0]])
    >>> y = np.array([1.0, 3.0, 5.0])
    >>> LinearMSE(X, y)(np.array([[2.0], [1.0]]), np.array([1.0, 0.0]))
    array([0.        , 4.66666667])
    """

    def __init__(self, X, y):
        n = X.shape[0]
        x_mean, y_mean = X.mean(axis=0), y.mean()
        Xc = X - x_mean
        yc = y - y_mean
        self._fit(x_mean, y_mean, Xc.T @ Xc / n, Xc.T @ yc / n,
                  residual=lambda w: Xc @ w - yc, project=lambda r: Xc.T @ r / n)

    @classmethod
    def from_gram(cls, X, y, gram):
        """The same moments from the Gram matrix ``A.T @ A / n`` of ``A = [X, 1]``.

        The Gram matrix (which gives the curvature behind ``learning_rate="auto"``)
        holds X'X/n and the means, so no centred copy of X is needed: ``C`` is
        X'X/n - mean(X) mean(X)'. That subtraction loses digits when a feature's
        mean is large against its spread (mean² > 1e6 variance); for such data the
        centred computation of ``LinearMSE(X, y)`` is used instead.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : ndarray of shape (n_samples,)
        gram : ndarray of shape (n_features + 1, n_features + 1)
            ``A.T @ A / n_samples``, as :func:`coursekit.descent.gram` computes it.
        """
        n, p = X.shape
        x_mean = gram[:p, p].copy()
        cov = gram[:p, :p] - np.outer(x_mean, x_mean)
        spread = np.maximum(np.diag(cov), np.finfo(float).tiny)
        if np.any(x_mean * x_mean > 1e6 * spread):
            return cls(X, y)
        moments = cls.__new__(cls)
        y_mean = y.mean()
        yc = y - y_mean
        sxy = (yc @ X) / n  # X'yc / n, which is Xc'yc / n: yc sums to zero

        def residual(w):  # Xc @ w - yc, as X @ w - mean(X) @ w - yc
            return X @ w - (x_mean @ w + yc)

        def project(r):  # Xc.T @ r / n
            return (r @ X) / n - x_mean * r.mean()

        moments._fit(x_mean, y_mean, cov, sxy, residual=residual, project=project)
        return moments

    def _fit(self, x_mean, y_mean, cov, sxy, *, residual, project):
        """Reference weights w0 and the constants of the formula, from the moments."""
        self.x_mean, self.y_mean, self.cov = x_mean, y_mean, cov
        eigval, self._eigvec = np.linalg.eigh(cov)
        self._eigval = np.clip(eigval, 0.0, None)
        tol = 1e-6 * self._eigval.max(initial=0.0)
        inverse = np.divide(1.0, self._eigval, out=np.zeros_like(eigval),
                            where=self._eigval > tol)
        self._w0 = self._eigvec @ (inverse * (self._eigvec.T @ sxy))
        r0 = residual(self._w0)
        self._mse0 = float(r0 @ r0) / len(r0)
        self._q = project(r0)

    def __call__(self, coef, intercept):
        """MSE of each model.

        Parameters
        ----------
        coef : ndarray of shape (n_models, n_features)
            One row of weights per model.
        intercept : ndarray of shape (n_models,)
            One bias per model.

        Returns
        -------
        ndarray of shape (n_models,)
        """
        d = coef - self._w0
        d_eig = d @ self._eigvec
        offset = intercept + coef @ self.x_mean - self.y_mean
        return (self._mse0 + 2.0 * (d @ self._q) + (d_eig * d_eig) @ self._eigval
                + offset * offset)
