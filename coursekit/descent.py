"""The one training loop of coursekit: mini-batch gradient descent for one neuron.

Both estimators train the same way; each brings only what differs, its *residual*:

=====================  ========================  ==========================  =====
estimator              loss                      residual ``delta(z, y)``    scale
=====================  ========================  ==========================  =====
:class:`Neuron`        mean squared error        ``(g(z) - y) * g'(z)``      2
:class:`NeuronClass…`  log loss                  ``sigmoid(z) - y``          1
=====================  ========================  ==========================  =====

For a batch of ``m`` rows ``X_b`` with ``z = X_b @ w + b``, the gradient of the mean
loss is ``(scale / m) * X_b.T @ delta`` for ``w`` and ``(scale / m) * sum(delta)`` for
``b``, and each update subtracts ``learning_rate`` times it. :func:`train` runs the
epochs (:mod:`coursekit.batches` deals the rows), records the history, and stops with
:class:`DivergenceError` or warns with ``ConvergenceWarning`` when training fails.
"""

import math
import numbers
import warnings

import numpy as np
import pandas as pd
from scipy.linalg import blas
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils import assert_all_finite
from sklearn.utils.validation import validate_data

from coursekit.batches import batch_slices, epochs

__all__ = ["DivergenceError", "check_params", "gram", "initial_parameters",
           "largest_curvature", "mean_loss_of_rows", "train", "validate_with_gram"]

_RESERVED_COLUMNS = ("epoch", "batch", "bias", "loss")


class DivergenceError(FloatingPointError):
    """Training stopped because the loss or the parameters stopped being finite."""


def check_params(estimator):
    """Validate the training parameters every neuron estimator shares."""
    rate = estimator.learning_rate
    if not (isinstance(rate, str) and rate == "auto") and not (
        isinstance(rate, numbers.Real) and not isinstance(rate, bool)
        and math.isfinite(rate) and rate > 0
    ):
        raise ValueError(
            f"learning_rate must be a positive number or 'auto'; got {rate!r}."
        )
    for name, allow_none in (("n_epochs", False), ("batch_size", True)):
        value = getattr(estimator, name)
        if value is None and allow_none:
            continue
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) \
                or value < 1:
            extra = " or None" if allow_none else ""
            raise ValueError(f"{name} must be an integer >= 1{extra}; got {value!r}.")
    if not isinstance(estimator.shuffle, bool | np.bool_):
        raise ValueError(f"shuffle must be True or False; got {estimator.shuffle!r}.")


def generator(random_state):
    """A NumPy Generator from random_state; a legacy RandomState is used as is."""
    if isinstance(random_state, np.random.RandomState):
        return random_state
    return np.random.default_rng(random_state)


def initial_parameters(rng, n_features, coef_init=None, intercept_init=None):
    """Starting weights and bias: Glorot-uniform weights and a zero bias by default.

    The weights are drawn uniformly from ``[-limit, limit]`` with
    ``limit = sqrt(6 / (n_features + 1))``, as Keras' ``Dense`` layer does.
    """
    if coef_init is None:
        limit = math.sqrt(6.0 / (n_features + 1))
        coef = rng.uniform(-limit, limit, size=n_features)
    else:
        coef = _initial_value(coef_init, (n_features,), "coef_init")
    if intercept_init is None:
        return coef, 0.0
    return coef, _initial_value(intercept_init, (), "intercept_init")


def _initial_value(value, shape, name):
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


def gram(X, estimator_name=None, block=1024):
    """``A.T @ A / n`` for ``A = [X, 1]``, without building A; it also checks X.

    The result holds X'X/n, the means of the features (last row and column) and 1.
    X is read once, ``block`` rows at a time: BLAS ``syrk`` adds each block's X'X
    (one triangle of it), and its column sums are taken while it is in the cache.
    A NaN or an infinity in X makes the result non-finite, so a fit that needs it
    skips scikit-learn's separate pass over X, and gets scikit-learn's error here.
    """
    n_samples, n_features = X.shape
    upper = np.zeros((n_features, n_features), order="F")
    sums, ones = np.zeros(n_features), np.ones(min(block, n_samples))
    for start in range(0, n_samples, block):
        part = X[start:start + block]
        # part.T is in Fortran order (when X is in C order), as syrk wants it.
        upper = blas.dsyrk(1.0 / n_samples, part.T, beta=1.0, c=upper, overwrite_c=1)
        sums += ones[: len(part)] @ part
    if not (np.isfinite(upper).all() and np.isfinite(sums).all()):
        assert_all_finite(X, input_name="X", estimator_name=estimator_name)
        raise ValueError(
            "X holds numbers so large that their squares overflow (above about "
            "1e154 in size). Standardise the features first, for example with "
            "sklearn.preprocessing.StandardScaler."
        )
    result = np.ones((n_features + 1, n_features + 1))
    result[:n_features, :n_features] = np.triu(upper) + np.triu(upper, 1).T
    result[:n_features, n_features] = result[n_features, :n_features] = sums / n_samples
    return result


def validate_with_gram(estimator, X, y, *, needs_gram, **options):
    """scikit-learn's ``validate_data`` for fit, then the Gram matrix if needed.

    The Gram matrix reads all of X and checks that it is finite (see :func:`gram`),
    so scikit-learn's own pass over X for NaN and infinity is skipped when it is
    computed. Returns X, y, and the Gram matrix (None when not needed).
    """
    X, y = validate_data(estimator, X, y, dtype=np.float64,
                         ensure_all_finite=not needs_gram, **options)
    return X, y, gram(X, type(estimator).__name__) if needs_gram else None


def largest_curvature(gram):
    """Largest eigenvalue of ``gram = A.T @ A / n`` with ``A = [X, 1]``."""
    return np.linalg.eigvalsh(gram)[-1]


def mean_loss_of_rows(X, params, pointwise):
    """The training loss of each row ``[w, b]`` of ``params``, one pass per chunk.

    ``pointwise(z)`` gives the loss of every sample for ``z`` of shape
    (n_samples, n_rows); the mean over samples is that row's loss. Rows are taken a
    few at a time, so that ``z`` stays near 8 MB.
    """
    W, b = params[:, :-1], params[:, -1]
    losses = np.empty(len(b))
    chunk = max(1, 2**20 // len(X))
    for start in range(0, len(b), chunk):
        rows = slice(start, start + chunk)
        losses[rows] = np.mean(pointwise(X @ W[rows].T + b[rows]), axis=0)
    return losses


def weight_names(estimator):
    """History column names of the weights: the feature names, else w0, w1, ..."""
    if hasattr(estimator, "feature_names_in_"):
        names = [str(name) for name in estimator.feature_names_in_]
        clash = sorted(set(names) & set(_RESERVED_COLUMNS))
        if clash:
            raise ValueError(
                f"Feature names {clash} clash with the columns of history_ "
                f"{list(_RESERVED_COLUMNS)}. Rename those columns of X."
            )
        return names
    return [f"w{j}" for j in range(estimator.n_features_in_)]


def train(estimator, X, y, coef, intercept, *, rate, residual, scale, losses, rng):
    """Run ``estimator.n_epochs`` epochs of mini-batch descent and store the results.

    Parameters
    ----------
    estimator : Neuron or NeuronClassifier
        Gives ``n_epochs``, ``batch_size`` and ``shuffle``; receives ``coef_``,
        ``intercept_``, ``learning_rate_``, ``n_iter_`` and ``history_``.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Targets as floats (0 and 1 for a classifier).
    coef : ndarray of shape (n_features,)
    intercept : float
        Starting parameters.
    rate : float
        The learning rate.
    residual : callable
        ``residual(z, y_batch)``, the loss's derivative with respect to ``z`` per
        row, up to the constant ``scale``.
    scale : float
        The constant factor of the gradient (2 for the MSE, 1 for the log loss).
    losses : callable
        ``losses(params)`` with ``params`` of shape (n_rows, n_features + 1), one
        ``[w, b]`` per row: the training loss of each row.
    rng : numpy.random.Generator or RandomState
        Deals the rows into batches when ``estimator.shuffle``.
    """
    n_epochs, n_features = estimator.n_epochs, X.shape[1]
    batch_rows = batch_slices(len(X), estimator.batch_size)
    steps = [scale * rate / (rows.stop - rows.start) for rows in batch_rows]
    data = epochs(X, y, batch_rows, n_epochs, estimator.shuffle, rng)
    params = _descend(data, np.append(coef, intercept), batch_rows, steps, residual,
                      n_updates=n_epochs * len(batch_rows))
    with np.errstate(over="ignore", invalid="ignore"):
        params[:, -1] = losses(params[:, :-1])  # every row's loss at once
    epoch = np.repeat(np.arange(n_epochs + 1), [1] + [len(batch_rows)] * n_epochs)
    batch = np.concatenate([[0], np.tile(np.arange(1, len(batch_rows) + 1), n_epochs)])
    done = len(params)  # fewer rows than updates when training diverged
    history = _history(epoch[:done], batch[:done], params, weight_names(estimator))
    _stop_if_diverged(estimator, history, params, rate, complete=done == len(epoch))
    _warn_if_the_loss_grew(params, n_epochs, rate)
    estimator.coef_ = params[-1, :n_features].copy()
    estimator.intercept_ = float(params[-1, n_features])
    estimator.learning_rate_ = rate
    estimator.n_iter_ = n_epochs
    estimator.history_ = history


def _descend(data, theta, batch_rows, steps, residual, *, n_updates):
    """The updates: ``[w, b, (loss)]`` after each, until an epoch ends not finite.

    ``data`` gives each epoch's rows of ``A = [X, 1]`` and ``y``; with
    ``theta = [w, b]``, ``z = A_batch @ theta`` is one product. Returns the rows
    done: the start, then one row per update, the loss column left for the caller.
    """
    params = np.empty((1 + n_updates, len(theta) + 1))
    params[0, :-1] = theta
    row = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for A_epoch, y_epoch in data:
            for rows, step in zip(batch_rows, steps, strict=True):
                A_batch = A_epoch[rows]
                gradient = residual(A_batch @ theta, y_epoch[rows]) @ A_batch
                gradient *= step
                row += 1
                theta = np.subtract(theta, gradient, out=params[row, :-1])
            if not np.isfinite(theta).all():
                break
    return params[: row + 1]


def _stop_if_diverged(estimator, history, params, rate, *, complete):
    """DivergenceError at the first row that is not finite; history_ keeps the rest."""
    finite = np.isfinite(params).all(axis=1)
    if complete and finite.all():
        return
    bad = int(np.flatnonzero(~finite)[0])
    estimator.history_ = history.iloc[:bad].reset_index(drop=True)
    raise DivergenceError(
        f"Training diverged at epoch {history['epoch'].iloc[bad]}, batch "
        f"{history['batch'].iloc[bad]} (learning_rate={rate:.6g}): the loss or the "
        "weights are no longer finite. Standardise the features (for example "
        f"make_pipeline(StandardScaler(), {type(estimator).__name__}())) or use a "
        "smaller learning_rate; learning_rate='auto' picks a stable one. history_ "
        "holds the steps before it."
    )


def _warn_if_the_loss_grew(params, n_epochs, rate):
    if params[-1, -1] > params[0, -1]:
        warnings.warn(
            f"The training loss grew from {params[0, -1]:.6g} to "
            f"{params[-1, -1]:.6g} over {n_epochs} epochs "
            f"(learning_rate={rate:.6g}): the learning rate is probably too large. "
            "Use a smaller one, or learning_rate='auto'.",
            ConvergenceWarning, stacklevel=4,
        )


def _history(epochs, batches, params, names):
    columns = {"epoch": epochs, "batch": batches}
    columns.update(zip([*names, "bias", "loss"], params.T, strict=True))
    return pd.DataFrame(columns)
