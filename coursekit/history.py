"""The training history: the parameters after each update, and their loss.

A fitted neuron's ``history_`` is a DataFrame with one row for the starting
parameters and one after each update. Its columns are ``epoch``, ``batch``, one
column per weight (named after the features, else ``w0``, ``w1``, ...), ``bias``
and ``loss``. The estimators write it with :func:`make_history`; the plots read it
with the other functions here.
"""

import numpy as np
import pandas as pd

__all__ = ["COLUMNS", "epochs_elapsed", "make_history", "single_weight",
           "weight_columns", "weight_names"]

#: Every column of a history but the weights': epoch, batch, then bias and loss.
COLUMNS = ("epoch", "batch", "bias", "loss")


def weight_names(feature_names, n_features):
    """The weights' column names: the feature names, else ``w0``, ``w1``, ..."""
    if feature_names is None:
        return [f"w{j}" for j in range(n_features)]
    names = [str(name) for name in feature_names]
    clash = sorted(set(names) & set(COLUMNS))
    if clash:
        raise ValueError(
            f"Feature names {clash} clash with the columns of history_ "
            f"{list(COLUMNS)}. Rename those columns of X."
        )
    return names


def make_history(thetas, losses, names, n_batches):
    """The history of a run: row 0 is the start, then one row per update.

    Parameters
    ----------
    thetas : ndarray of shape (n_rows, n_features + 1)
        ``[w, b]`` at the start and after each update.
    losses : ndarray of shape (n_rows,)
        The training loss of each row.
    names : list of str
        The weights' column names.
    n_batches : int
        Updates per epoch.
    """
    updates = np.arange(len(thetas) - 1)
    epoch, batch = np.r_[0, updates // n_batches + 1], np.r_[0, updates % n_batches + 1]
    columns = {"epoch": epoch, "batch": batch}
    columns.update(zip([*names, "bias", "loss"], [*thetas.T, losses], strict=True))
    return pd.DataFrame(columns)


def weight_columns(history):
    """The names of the weights' columns of ``history``, checking it is one."""
    missing = set(COLUMNS) - set(history.columns)
    if missing:
        raise ValueError(
            f"history must be a neuron's history_ DataFrame; it lacks the columns "
            f"{sorted(missing)}."
        )
    return [c for c in history.columns if c not in COLUMNS]


def single_weight(history):
    """The one weight column of a one-feature neuron's history."""
    weights = weight_columns(history)
    if len(weights) != 1:
        raise ValueError(
            f"This plot is for a neuron with one feature; history has {len(weights)} "
            f"weight columns {weights}."
        )
    return weights[0]


def epochs_elapsed(history):
    """Epochs elapsed at each row: 0 for the start, epoch k ends at k."""
    n_batches = max(int(history["batch"].max()), 1)
    return np.arange(len(history)) / n_batches
