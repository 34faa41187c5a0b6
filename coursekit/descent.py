"""Mini-batch gradient descent for one neuron: the base both estimators share.

Write ``A = [X, 1]`` (the features and a column of ones) and ``theta = [w, b]``:
the neuron's weighted sums are ``z = A @ theta``. Each estimator brings only what
differs:

=====================  ======================  ===============================  =====
estimator              pointwise loss          error ``dloss/dz``               scale
=====================  ======================  ===============================  =====
:class:`Neuron`        ``(g(z) - y)**2``       ``2 * (g(z) - y) * g'(z)``       2
:class:`NeuronClass…`  log loss from ``z``     ``sigmoid(z) - y``               1/4
=====================  ======================  ===============================  =====

For a batch of ``m`` rows ``A_b`` the gradient of the mean loss is
``error @ A_b / m``, and each update subtracts ``learning_rate`` times it.
``learning_rate="auto"`` takes ``1 / (scale * lam)``, with ``lam`` the largest
eigenvalue of the Gram matrix ``A.T @ A / n`` and ``scale * lam`` the largest
curvature of the loss (for a linear neuron) or a bound on it (for the classifier).
"""

import math
import warnings
from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, _fit_context
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils._param_validation import (
    Interval,
    InvalidParameterError,
    StrOptions,
    validate_parameter_constraints,
)
from sklearn.utils.validation import check_is_fitted, validate_data

from coursekit.history import make_history, weight_names

__all__ = ["BaseNeuron", "DivergenceError", "mean_losses"]


class DivergenceError(FloatingPointError):
    """Training stopped because the loss or the parameters stopped being finite."""


def mean_losses(A, y, thetas, pointwise_loss):
    """The training loss of each row ``[w, b]`` of ``thetas``: the mean over the samples
    of ``pointwise_loss(z, y)`` with ``z = A @ theta``.

    All rows at once, a block of samples at a time (so that ``z``, near 512 kB, stays
    in the cache). Each sample's loss is divided by n before they are added, so that
    the sum stays finite as long as the mean does.
    """
    total = np.zeros(len(thetas))
    block = max(1, 2**16 // len(thetas))
    for start in range(0, len(A), block):
        z = A[start:start + block] @ thetas.T  # (samples, rows)
        total += (pointwise_loss(z, y[start:start + block, None]) / len(A)).sum(axis=0)
    return total


class BaseNeuron(BaseEstimator):
    """What both neurons share: parameters, initial weights, the training loop.

    A subclass supplies ``_pointwise_loss(z, y)``, ``_error(z, y)`` (the derivative
    of the pointwise loss with respect to ``z``) and ``_curvature_scale``; it may
    override ``_validate_fit_data`` to encode ``y``.
    """

    _parameter_constraints = {
        "learning_rate": [Interval(Real, 0, math.inf, closed="neither"),
                          StrOptions({"auto"})],
        "n_epochs": [Interval(Integral, 1, None, closed="left")],
        "batch_size": [Interval(Integral, 1, None, closed="left"), None],
        "shuffle": ["boolean"],
        "random_state": ["random_state", np.random.Generator],
    }
    # The same rules in the words of the error messages.
    _rules = {
        "learning_rate": "a positive number or 'auto'",
        "n_epochs": "an integer >= 1",
        "batch_size": "an integer >= 1 or None",
        "shuffle": "True or False",
        "random_state": "an int, a NumPy Generator or RandomState, or None",
    }

    def __init__(self, learning_rate="auto", n_epochs=100, batch_size=None,
                 shuffle=True, random_state=None):
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def __sklearn_is_fitted__(self):
        return hasattr(self, "coef_")

    def _validate_params(self):
        """scikit-learn's check of the parameters, with the course's wording."""
        for name, constraints in self._parameter_constraints.items():
            value = getattr(self, name)
            try:
                validate_parameter_constraints(
                    {name: constraints}, {name: value}, type(self).__name__)
            except InvalidParameterError:
                raise ValueError(
                    f"{name} must be {self._rules[name]}; got {value!r}.") from None

    def _validate_fit_data(self, X, y):
        return validate_data(self, X, y, dtype=np.float64, y_numeric=True)

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y, coef_init=None, intercept_init=None):
        """Train the neuron on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training features. For one feature, pass ``x.reshape(-1, 1)``.
        y : array-like of shape (n_samples,)
            Training targets (labels, for the classifier).
        coef_init : array-like of shape (n_features,), default=None
            Initial weights. By default they are drawn uniformly from
            ``[-limit, limit]`` with ``limit = sqrt(6 / (n_features + 1))``
            (Glorot's rule, as Keras' ``Dense`` layer does).
        intercept_init : float, default=None
            Initial bias; 0 by default.

        Returns
        -------
        self
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
        for name in [k for k in vars(self) if k.endswith("_") and k[0] != "_"]:
            delattr(self, name)  # a failed refit leaves nothing of the last fit
        X, y = self._validate_fit_data(X, y)
        A = np.column_stack([X, np.ones(len(X))])  # z = A @ theta, theta = [w, b]
        rng = self.random_state
        if not isinstance(rng, np.random.RandomState):
            rng = np.random.default_rng(rng)
        theta = np.append(_initial_value(coef_init, (X.shape[1],), "coef_init", rng),
                          _initial_value(intercept_init, (), "intercept_init", rng))
        rate = self._rate(A)
        history = self._train(A, y, theta, rate, rng)
        self.coef_ = history[self._weight_names()].to_numpy()[-1]
        self.intercept_ = float(history["bias"].iloc[-1])
        self.learning_rate_, self.n_iter_, self.history_ = rate, self.n_epochs, history
        return self

    def _rate(self, A):
        """The learning rate: the one given, or 1 / the largest curvature."""
        if self.learning_rate != "auto":
            return float(self.learning_rate)
        with np.errstate(over="ignore", invalid="ignore"):
            gram = A.T @ A / len(A)
        if not np.isfinite(gram).all():
            raise ValueError(
                "X holds numbers so large that their squares overflow (above about "
                "1e154 in size). Standardise the features first, for example with "
                "sklearn.preprocessing.StandardScaler."
            )
        return 1.0 / (self._curvature_scale * np.linalg.eigvalsh(gram)[-1])

    def _divergence_advice(self, A):
        """Standardise the features, or, if they are, a smaller rate: the limit."""
        X = A[:, :-1]
        with np.errstate(over="ignore", invalid="ignore"):  # huge X: not standardised
            centred = np.allclose(X.mean(axis=0), 0, atol=1e-6)
            scaled = np.allclose(X.std(axis=0), 1, atol=1e-3)
        if not (centred and scaled):
            return ("Standardise the features (for example make_pipeline("
                    f"StandardScaler(), {type(self).__name__}())) or use a smaller "
                    "learning_rate; learning_rate='auto' picks a stable one.")
        curvature = self._curvature_scale * np.linalg.eigvalsh(A.T @ A / len(A))[-1]
        return ("The features are standardised already: the rate is too large for "
                "this data, where full-batch descent is stable below about "
                f"{2 / curvature:.3g}. Use a smaller learning_rate; "
                "learning_rate='auto' picks a stable one.")

    def _train(self, A, y, theta, rate, rng):
        """Mini-batch gradient descent from ``theta``; returns the history."""
        n = len(A)
        batch_size = self._batch_size(n)
        starts = range(0, n, batch_size)
        shuffle = self.shuffle and len(starts) > 1  # one batch: order changes nothing
        A_epoch, y_epoch = (np.empty_like(A), None) if shuffle else (A, y)
        thetas = [theta]
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(self.n_epochs):
                if shuffle:  # this epoch's order, into the same array every epoch
                    order = rng.permutation(n)  # (mode="clip": no temporary copy)
                    np.take(A, order, axis=0, out=A_epoch, mode="clip")
                    y_epoch = y[order]
                for start in starts:
                    A_b = A_epoch[start:start + batch_size]
                    y_b = y_epoch[start:start + batch_size]
                    gradient_sum = self._error(A_b @ theta, y_b) @ A_b
                    theta = theta - rate / len(y_b) * gradient_sum  # mean gradient
                    thetas.append(theta)
                if not np.isfinite(theta).all():
                    break  # the history below says where
            thetas = np.array(thetas)
            losses = mean_losses(A, y, thetas, self._pointwise_loss)
        history = make_history(thetas, losses, self._weight_names(), len(starts))
        finite = np.isfinite(history.to_numpy()).all(axis=1)
        if not finite.all():
            bad = history.iloc[np.argmin(finite)]
            self.history_ = history.iloc[:np.argmin(finite)]
            raise DivergenceError(
                f"Training diverged at epoch {bad['epoch']:.0f}, batch "
                f"{bad['batch']:.0f} (learning_rate={rate:.6g}): the loss or the "
                f"weights are no longer finite. {self._divergence_advice(A)} "
                "history_ holds the steps before it.")
        if losses[-1] > losses[0]:
            warnings.warn(
                f"The training loss grew from {losses[0]:.6g} to {losses[-1]:.6g} "
                f"over {self.n_epochs} epochs (learning_rate={rate:.6g}): the learning "
                "rate is probably too large. Use a smaller one, or "
                "learning_rate='auto'.", ConvergenceWarning, stacklevel=4)
        return history

    def _batch_size(self, n_samples):
        if self.batch_size is None:
            return n_samples
        if self.batch_size > n_samples:
            warnings.warn(
                f"batch_size={self.batch_size} is larger than the {n_samples} training "
                f"samples; each batch holds all {n_samples}.", UserWarning,
                stacklevel=5)
            return n_samples
        return self.batch_size

    def _weight_names(self):
        return weight_names(getattr(self, "feature_names_in_", None),
                            self.n_features_in_)

    def _weighted_sum(self, X):
        """``z = X @ coef_ + intercept_`` for new data."""
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_ + self.intercept_


def _initial_value(value, shape, name, rng):
    """A starting value: the one given, checked, or the default.

    The default weights are drawn uniformly from ``[-limit, limit]`` with
    ``limit = sqrt(6 / (n_features + 1))``, as Keras' ``Dense`` layer does; the
    default bias is 0.
    """
    if value is None:
        limit = math.sqrt(6.0 / (shape[0] + 1)) if shape else 0.0
        return rng.uniform(-limit, limit, size=shape) if shape else 0.0
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric; got {value!r}.") from None
    if array.shape != shape:
        expected = f"shape {shape}" if shape else "a single number"
        raise ValueError(f"{name} must be {expected}; got shape {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite; got {value!r}.")
    return array
