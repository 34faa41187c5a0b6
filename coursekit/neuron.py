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

import math
import numbers
import warnings

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.validation import check_is_fitted, validate_data

from coursekit.activations import ACTIVATIONS
from coursekit.losses import LinearMSE

__all__ = ["DivergenceError", "Neuron"]

_RESERVED_COLUMNS = ("epoch", "batch", "bias", "loss")


class DivergenceError(FloatingPointError):
    """Training stopped because the loss or the parameters stopped being finite."""


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
        rate = self.learning_rate
        if not (isinstance(rate, str) and rate == "auto") and not (
            isinstance(rate, numbers.Real)
            and not isinstance(rate, bool)
            and math.isfinite(rate)
            and rate > 0
        ):
            raise ValueError(
                f"learning_rate must be a positive number or 'auto'; got {rate!r}."
            )
        for name, minimum, allow_none in (
            ("n_epochs", 1, False),
            ("batch_size", 1, True),
        ):
            value = getattr(self, name)
            if value is None and allow_none:
                continue
            if (
                not isinstance(value, numbers.Integral)
                or isinstance(value, bool)
                or value < minimum
            ):
                extra = " or None" if allow_none else ""
                raise ValueError(
                    f"{name} must be an integer >= {minimum}{extra}; got {value!r}."
                )
        if not isinstance(self.shuffle, bool | np.bool_):
            raise ValueError(f"shuffle must be True or False; got {self.shuffle!r}.")

    def _weight_names(self):
        if hasattr(self, "feature_names_in_"):
            names = [str(name) for name in self.feature_names_in_]
            clash = sorted(set(names) & set(_RESERVED_COLUMNS))
            if clash:
                raise ValueError(
                    f"Feature names {clash} clash with the columns of history_ "
                    f"{list(_RESERVED_COLUMNS)}. Rename those columns of X."
                )
            return names
        return [f"w{j}" for j in range(self.n_features_in_)]

    @staticmethod
    def _initial_value(value, shape, name):
        """Validate coef_init / intercept_init: finite and of the right shape."""
        try:
            array = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be numeric; got {value!r}.") from None
        if array.shape != shape:
            expected = f"shape {shape}" if shape else "a single number"
            raise ValueError(f"{name} must be {expected}; got shape {array.shape}.")
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{name} must be finite; got {value!r}.")
        return array.copy() if shape else float(array)

    def _auto_learning_rate(self, x_mean, cov):
        """1 / largest eigenvalue of the Hessian 2 A'A / n, with A = [X, 1]."""
        p = len(x_mean)
        gram = np.empty((p + 1, p + 1))
        gram[:p, :p] = cov + np.outer(x_mean, x_mean)
        gram[:p, p] = gram[p, :p] = x_mean
        gram[p, p] = 1.0
        return 1.0 / np.linalg.eigvalsh(2.0 * gram)[-1]

    def _generator(self):
        """A NumPy Generator from random_state; a legacy RandomState is used as is."""
        if isinstance(self.random_state, np.random.RandomState):
            return self.random_state
        return np.random.default_rng(self.random_state)

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
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=True)
        n_samples, n_features = X.shape
        names = self._weight_names()
        g, g_prime = ACTIVATIONS[self.activation]
        linear = self.activation == "linear"
        rng = self._generator()

        if coef_init is None:
            limit = math.sqrt(6.0 / (n_features + 1))
            coef = rng.uniform(-limit, limit, size=n_features)
        else:
            coef = self._initial_value(coef_init, (n_features,), "coef_init")
        intercept = (
            0.0
            if intercept_init is None
            else self._initial_value(intercept_init, (), "intercept_init")
        )

        # The moments of the data give the linear neuron's exact loss and the
        # curvature behind learning_rate="auto"; other activations need them only
        # for the latter.
        moments = LinearMSE(X, y) if linear or self.learning_rate == "auto" else None
        if self.learning_rate == "auto":
            rate = self._auto_learning_rate(moments.x_mean, moments.cov)
        else:
            rate = float(self.learning_rate)

        batch_size = n_samples if self.batch_size is None else self.batch_size
        if batch_size > n_samples:
            warnings.warn(
                f"batch_size={batch_size} is larger than the {n_samples} training "
                f"samples; each batch holds all {n_samples}.",
                UserWarning,
                stacklevel=2,
            )
            batch_size = n_samples
        n_batches = -(-n_samples // batch_size)
        batch_of_position = np.arange(n_samples) // batch_size
        batch_rows = [
            slice(k * batch_size, min((k + 1) * batch_size, n_samples))
            for k in range(n_batches)
        ]
        steps = [2.0 * rate / (rows.stop - rows.start) for rows in batch_rows]

        # A = [X, 1] and theta = [w, b], so that z = A @ theta in one product.
        A = np.empty((n_samples, n_features + 1))
        A[:, :n_features] = X
        A[:, n_features] = 1.0
        theta = np.append(coef, intercept)
        # params[row] holds [w, b, loss]: row 0 the start, then one row per update.
        params = np.empty((1 + self.n_epochs * n_batches, n_features + 2))
        params[0, :-1] = theta
        epochs = np.repeat(
            np.arange(self.n_epochs + 1), [1] + [n_batches] * self.n_epochs
        )
        batches = np.concatenate(
            [[0], np.tile(np.arange(1, n_batches + 1), self.n_epochs)]
        )

        # Shuffling changes which rows share a batch, never the gradient of a batch
        # (a sum over its rows), so each epoch's copy of A keeps every batch's rows
        # in ascending order: a cheaper gather than a fully shuffled copy.
        shuffle = self.shuffle and n_batches > 1
        labels = np.empty(n_samples, np.uint16 if n_batches <= 2**16 else np.intp)
        A_epoch, y_epoch = A, y
        row = 0
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(self.n_epochs):
                if shuffle:
                    labels[rng.permutation(n_samples)] = batch_of_position
                    order = np.argsort(labels, kind="stable")
                    A_epoch, y_epoch = A.take(order, axis=0), y.take(order)
                for rows, step in zip(batch_rows, steps, strict=True):
                    A_batch = A_epoch[rows]
                    z = A_batch @ theta
                    if linear:
                        delta = z - y_epoch[rows]
                    else:
                        delta = (g(z) - y_epoch[rows]) * g_prime(z)
                    gradient = delta @ A_batch
                    gradient *= step
                    row += 1
                    theta = np.subtract(theta, gradient, out=params[row, :-1])
                if not np.isfinite(theta).all():
                    break
            # The loss of every row at once, from the parameters in that row.
            done = params[: row + 1]
            done[:, -1] = self._losses(X, y, moments, done[:, :-1])
        finite = np.isfinite(params[: row + 1]).all(axis=1)
        if row < len(params) - 1 or not finite.all():
            self._diverged(params, epochs, batches, names, finite, rate)

        if params[-1, -1] > params[0, -1]:
            warnings.warn(
                f"The training loss grew from {params[0, -1]:.6g} to "
                f"{params[-1, -1]:.6g} over {self.n_epochs} epochs "
                f"(learning_rate={rate:.6g}): the learning rate is probably too large. "
                "Use a smaller one, or learning_rate='auto'.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.coef_ = theta[:n_features].copy()
        self.intercept_ = float(theta[n_features])
        self.learning_rate_ = rate
        self.n_iter_ = self.n_epochs
        self.history_ = self._history(epochs, batches, params, names)
        return self

    def _losses(self, X, y, moments, weights_and_bias):
        """Training-set MSE for each row of ``[w, b]`` parameters."""
        W, b = weights_and_bias[:, :-1], weights_and_bias[:, -1]
        if self.activation == "linear":
            return moments(W, b)
        g, _ = ACTIVATIONS[self.activation]
        losses = np.empty(len(b))
        chunk = max(1, 2**20 // len(y))  # rows of parameters per pass: ~8 MB at a time
        for start in range(0, len(b), chunk):
            rows = slice(start, start + chunk)
            residuals = g(X @ W[rows].T + b[rows]) - y[:, None]
            losses[rows] = np.mean(residuals * residuals, axis=0)
        return losses

    def _diverged(self, params, epochs, batches, names, finite, rate):
        bad = int(np.flatnonzero(~finite)[0])
        self.history_ = self._history(epochs[:bad], batches[:bad], params[:bad], names)
        raise DivergenceError(
            f"Training diverged at epoch {epochs[bad]}, batch {batches[bad]} "
            f"(learning_rate={rate:.6g}): the loss or the weights are no longer "
            "finite. Standardise the features (for example "
            "make_pipeline(StandardScaler(), Neuron())) or use a smaller "
            "learning_rate; learning_rate='auto' picks a stable one. history_ "
            "holds the steps before it."
        )

    @staticmethod
    def _history(epochs, batches, params, names):
        columns = {"epoch": epochs, "batch": batches}
        columns.update(zip([*names, "bias", "loss"], params.T, strict=True))
        return pd.DataFrame(columns)

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
