"""How the training rows are dealt: into batches, epoch after epoch, as ``[X, 1]``.

With ``A = [X, 1]`` (the features and a column of ones) and ``theta = [w, b]``, a
batch's weighted sums ``z = X_b @ w + b`` are one product ``A_b @ theta``, and the
gradient of both the weights and the bias is one product ``delta @ A_b``.
"""

import warnings

import numpy as np

__all__ = ["batch_slices", "design", "epochs"]


def design(X):
    """``A = [X, 1]``: the features and a column of ones, so that z = A @ [w, b]."""
    n_samples, n_features = X.shape
    A = np.empty((n_samples, n_features + 1))
    A[:, :n_features] = X
    A[:, n_features] = 1.0
    return A


def batch_slices(n_samples, batch_size):
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


def epochs(X, y, batch_rows, n_epochs, shuffle, rng):
    """Each epoch's ``(A, y)``: the rows of ``A = [X, 1]`` in the order of its batches.

    Without shuffling (or with one batch) every epoch takes the rows as they are.
    With shuffling, each epoch draws a permutation of the rows and cuts it into
    batches. The first epoch gathers its rows from X into ``first``, next to a
    column of ones; each later epoch gathers them from ``first``, where row i of X
    sits at ``position[i]``, into a second buffer, which each epoch overwrites: use
    an epoch's arrays before asking for the next. No copy of A in X's order is made.
    """
    n_samples, n_features = X.shape
    if not shuffle or len(batch_rows) == 1:
        A = design(X)
        for _ in range(n_epochs):
            yield A, y
        return
    first, later = np.empty((2, n_samples, n_features + 1))
    order = rng.permutation(n_samples)
    # mode="clip" lets take write straight into `out` (the indices are valid).
    scratch = later.reshape(-1)[: n_samples * n_features].reshape(X.shape)
    first[:, :n_features] = np.take(X, order, axis=0, out=scratch, mode="clip")
    first[:, n_features] = 1.0
    yield first, y.take(order)
    position = np.empty(n_samples, np.intp)
    position[order] = np.arange(n_samples)
    for _ in range(n_epochs - 1):
        order = rng.permutation(n_samples)
        yield np.take(first, position[order], axis=0, out=later, mode="clip"), \
            y.take(order)
