"""One artificial neuron trained by mini-batch gradient descent.

The neuron computes ``y_pred = g(X @ w + b)``: a weighted sum of the features,
plus one bias, passed through an activation ``g``. Training minimises the mean
squared error ``(1/n) * sum_i (y_pred_i - y_i)**2`` by gradient descent. For a
batch of ``m`` rows the chain rule gives::

    delta  = (g(z) - y) * g'(z)          # shape (m,), with z = X_b @ w + b
    dL/dw  = (2/m) * X_b.T @ delta       # shape (n_features,)
    dL/db  = (2/m) * sum(delta)          # one number

and each update is ``w -= learning_rate * dL/dw`` and ``b -= learning_rate * dL/db``.
"""

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from coursekit.activations import ACTIVATIONS
from coursekit.descent import (
    DivergenceError,
    check_params,
    generator,
    initial_parameters,
    largest_curvature,
    mean_loss_of_rows,
    train,
    validate_with_gram,
)
from coursekit.losses import LinearMSE

__all__ = ["DivergenceError", "Neuron"]


class Neuron(RegressorMixin, BaseEstimator):
    """One neuron, ``y_pred = g(X @ coef_ + intercept_)``, trained by gradient descent.

    Parameters
    ----------
    activation : {"linear", "sigmoid", "tanh", "relu"}, default="linear"
        The activation ``g``. A linear neuron is a linear regression.
    learning_rate : float or "auto", default="auto"
        Step size of each update. ``"auto"`` takes ``1 / L``, where ``L`` is the
        largest eigenvalue of the Hessian ``2 * A.T @ A / n`` of the linear
        neuron's MSE, with ``A = [X, 1]``: half the largest rate at which
        full-batch gradient descent on that MSE still converges. The rate used
        is stored in ``learning_rate_``.
    n_epochs : int, default=100
        Passes over the training data. Exactly this many are run.
    batch_size : int or None, default=None
        Rows per update. ``None`` means the whole training set (batch gradient
        descent); ``1`` is stochastic gradient descent. The last batch of an
        epoch holds the remaining rows when ``batch_size`` does not divide
        ``n_samples``.
    shuffle : bool, default=True
        Shuffle the rows before each epoch.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the initial weights and the shuffling.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        Learned weights.
    intercept_ : float
        Learned bias.
    learning_rate_ : float
        The learning rate used.
    n_iter_ : int
        Number of epochs run.
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Feature names, when X was a DataFrame with string column names.
    history_ : pandas.DataFrame of shape (1 + n_epochs * n_batches, n_features + 4)
        One row for the initial parameters (``epoch`` 0, ``batch`` 0), then one
        row after each update (``epoch`` and ``batch`` counted from 1). Columns:
        ``epoch``, ``batch``, one column per weight (named after the features,
        else ``w0``, ``w1``, ...), ``bias`` and ``loss``, the training-set MSE of
        the parameters in that same row.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = 2.0 * X[:, 0] + 1.0
    >>> neuron = Neuron(n_epochs=2000, random_state=0).fit(X, y)
    >>> print(np.round(neuron.coef_, 4), round(neuron.intercept_, 4))
    [2.] 1.0
    >>> neuron.history_.shape
    (2001, 5)
    """

    def __init__(
        self,
        activation="linear",
        learning_rate="auto",
        n_epochs=100,
        batch_size=None,
        shuffle=True,
        random_state=None,
    ):
        self.activation = activation
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def _check_params(self):
        if self.activation not in ACTIVATIONS:
            allowed = ", ".join(repr(name) for name in ACTIVATIONS)
            raise ValueError(
                f"activation must be one of {allowed}; got {self.activation!r}."
            )
        check_params(self)

    def __sklearn_is_fitted__(self):
        return hasattr(self, "coef_")

    def fit(self, X, y, coef_init=None, intercept_init=None):
        """Train the neuron on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training features. For one feature, pass ``x.reshape(-1, 1)``.
        y : array-like of shape (n_samples,)
            Training targets.
        coef_init : array-like of shape (n_features,), default=None
            Initial weights. By default they are drawn uniformly from
            ``[-limit, limit]`` with ``limit = sqrt(6 / (n_features + 1))``
            (Glorot's rule, as Keras' ``Dense`` layer does).
        intercept_init : float, default=None
            Initial bias; 0 by default.

        Returns
        -------
        self : Neuron
            The fitted neuron.

        Raises
        ------
        DivergenceError
            If the loss or the parameters stop being finite. ``history_`` then
            holds every finite row up to that point.

        Warns
        -----
        ConvergenceWarning
            If the training loss ends higher than it started.
        """
        self._check_params()
        for name in ("coef_", "intercept_", "history_", "learning_rate_", "n_iter_"):
            self.__dict__.pop(name, None)
        linear = self.activation == "linear"
        # The Gram matrix A'A/n of A = [X, 1] gives the curvature behind
        # learning_rate="auto" and, after training, the moments of the linear
        # neuron's exact loss (no centred copy of X, and no copy of A, before the
        # first epoch).
        X, y, moments = validate_with_gram(
            self, X, y, needs_gram=linear or self.learning_rate == "auto",
            y_numeric=True)
        rng = generator(self.random_state)
        coef, intercept = initial_parameters(rng, X.shape[1], coef_init, intercept_init)
        g, g_prime = ACTIVATIONS[self.activation]

        if self.learning_rate == "auto":
            # 1 / the largest eigenvalue of the Hessian 2 A'A / n
            rate = 1.0 / (2.0 * largest_curvature(moments))
        else:
            rate = float(self.learning_rate)

        if linear:
            def residual(z, y_batch):
                return z - y_batch

            def losses(params):
                mse = LinearMSE.from_gram(X, y, moments)
                return mse(params[:, :-1], params[:, -1])
        else:
            def residual(z, y_batch):
                return (g(z) - y_batch) * g_prime(z)

            def losses(params):
                return mean_loss_of_rows(
                    X, params, lambda z: (g(z) - y[:, None]) ** 2)

        train(self, X, y, coef, intercept, rate=rate, residual=residual, scale=2.0,
              losses=losses, rng=rng)
        return self

    def predict(self, X):
        """Output of the neuron, ``g(X @ coef_ + intercept_)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        g, _ = ACTIVATIONS[self.activation]
        return g(X @ self.coef_ + self.intercept_)
