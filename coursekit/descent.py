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
epochs, deals the rows into batches, records the history, and stops with
:class:`DivergenceError` or warns with ``ConvergenceWarning`` when training fails.
"""

import math
import numbers
import warnings

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning

__all__ = ["DivergenceError", "check_params", "design", "initial_parameters",
           "largest_curvature", "mean_loss_of_rows", "train"]

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


def design(X):
    """``A = [X, 1]``: the features and a column of ones, so that z = A @ [w, b]."""
    n_samples, n_features = X.shape
    A = np.empty((n_samples, n_features + 1))
    A[:, :n_features] = X
    A[:, n_features] = 1.0
    return A


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


def train(estimator, X, y, coef, intercept, *, rate, residual, scale, losses, rng,
          A=None):
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
    A : ndarray of shape (n_samples, n_features + 1), optional
        ``design(X)``, when the caller has built it already.
    """
    n_epochs, n_features = estimator.n_epochs, X.shape[1]
    batch_rows = _batch_rows(len(X), estimator.batch_size)
    steps = [scale * rate / (rows.stop - rows.start) for rows in batch_rows]
    # A = [X, 1] and theta = [w, b], so that z = A @ theta in one product.
    A = design(X) if A is None else A
    params = _descend(A, y, np.append(coef, intercept), batch_rows, steps, residual,
                      n_epochs=n_epochs, shuffle=estimator.shuffle, rng=rng)
    with np.errstate(over="ignore", invalid="ignore"):
        params[:, -1] = losses(params[:, :-1])  # every row's loss at once
    epochs = np.repeat(np.arange(n_epochs + 1), [1] + [len(batch_rows)] * n_epochs)
    batches = np.concatenate([[0], np.tile(np.arange(1, len(batch_rows) + 1),
                                           n_epochs)])
    done = len(params)  # fewer rows than updates when training diverged
    history = _history(epochs[:done], batches[:done], params,
                       weight_names(estimator))
    _stop_if_diverged(estimator, history, params, rate, complete=done == len(epochs))
    _warn_if_the_loss_grew(params, n_epochs, rate)
    estimator.coef_ = params[-1, :n_features].copy()
    estimator.intercept_ = float(params[-1, n_features])
    estimator.learning_rate_ = rate
    estimator.n_iter_ = n_epochs
    estimator.history_ = history


def _batch_rows(n_samples, batch_size):
    """The slices of the batches of one epoch; the last holds what is left."""
    batch_size = n_samples if batch_size is None else batch_size
    if batch_size > n_samples:
        warnings.warn(
            f"batch_size={batch_size} is larger than the {n_samples} training "
            f"samples; each batch holds all {n_samples}.", UserWarning, stacklevel=4,
        )
        batch_size = n_samples
    return [slice(start, min(start + batch_size, n_samples))
            for start in range(0, n_samples, batch_size)]


def _descend(A, y, theta, batch_rows, steps, residual, *, n_epochs, shuffle, rng):
    """The epochs of updates: ``[w, b, (loss)]`` after each, until one is not finite.

    Returns the rows done: the start, then one row per update, the loss column
    left for the caller.
    """
    n_samples, n_batches = len(A), len(batch_rows)
    params = np.empty((1 + n_epochs * n_batches, len(theta) + 1))
    params[0, :-1] = theta
    # Shuffling changes which rows share a batch, never the gradient of a batch (a
    # sum over its rows), so each epoch's copy of A keeps every batch's rows in
    # ascending order: a cheaper gather than a fully shuffled copy.
    shuffle = shuffle and n_batches > 1
    batch_of_position = np.arange(n_samples) // (batch_rows[0].stop)
    labels = np.empty(n_samples, np.uint16 if n_batches <= 2**16 else np.intp)
    A_epoch, y_epoch = A, y
    row = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(n_epochs):
            if shuffle:
                labels[rng.permutation(n_samples)] = batch_of_position
                order = np.argsort(labels, kind="stable")
                A_epoch, y_epoch = A.take(order, axis=0), y.take(order)
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
