"""Plots of fits, loss surfaces and training histories.

Every function draws on the ``ax`` it is given (or on a new figure), returns
that Axes (:func:`animate_fit` returns the animation), and changes no global
settings.
"""

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LogNorm
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator
from mpl_toolkits.axes_grid1 import make_axes_locatable

from coursekit.animation import animate_fit
from coursekit.history import epochs_elapsed, single_weight, weight_columns

__all__ = [
    "animate_fit",
    "plot_coefficients",
    "plot_fit",
    "plot_history",
    "plot_loss",
    "plot_loss_surface",
]


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots()
    return ax


def plot_fit(x, y, intercept, slope, *, ax=None, label="fitted line",
             data_label="data", x_name="x"):
    """Scatter the data and draw the line ``intercept + slope * x`` over its range.

    Parameters
    ----------
    x : array-like of shape (n_samples,) or (n_samples, 1)
    y : array-like of shape (n_samples,)
    intercept, slope : float
        The line to draw: exactly these, whatever fits the data best.
    ax : matplotlib Axes, default=None
        Where to draw; a new figure if None.
    label, data_label : str
        Legend entries of the line and of the points.
    x_name : str, default="x"
        The name of the feature: the x-axis label, and the variable in the line's
        equation in the legend (say ``"x_scaled"`` for standardised x).

    Returns
    -------
    matplotlib.axes.Axes
        Points in grey (C7), the line in red (C3).
    """
    ax = _axes(ax)
    x = np.asarray(x, dtype=float).ravel()
    intercept, slope = float(np.squeeze(intercept)), float(np.squeeze(slope))
    # Grey points and a red line leave the colour cycle's C0, C1, ... to any line
    # the caller adds.
    ax.scatter(x, np.asarray(y).ravel(), s=12, alpha=0.6, color="C7",
               label=data_label)
    ends = np.array([x.min(), x.max()])
    ax.plot(ends, intercept + slope * ends, color="C3", linewidth=2,
            label=f"{label}: y = {intercept:.2f} + {slope:.2f} {x_name}")
    ax.set(xlabel=x_name, ylabel="y", title="Data and fitted line")
    ax.legend()
    return ax


def _contour_levels(values, levels, spacing):
    """Levels strictly between the surface's lowest and highest value."""
    if not np.isscalar(levels):
        return np.asarray(levels, dtype=float), None
    low, high = values.min(), values.max()
    if spacing == "even":  # round values, about `levels` of them
        even = MaxNLocator(nbins=int(levels) + 1).tick_values(low, high)
        return even[(even > low) & (even < high)], None
    # Geometric: round values 1, 2, 5 per power of ten, on a log colour bar that
    # shows the spacing (rings crowd at the bottom, where the bowl is flattest).
    bottom = max(low, high * 1e-6)
    ratios = LogLocator(subs=(1.0, 2.0, 5.0)).tick_values(bottom, high)
    ratios = ratios[(ratios > low) & (ratios < high)]
    return ratios, LogNorm(vmin=ratios[0], vmax=ratios[-1])


def _full_number(value, _position=None):
    return f"{value:,.0f}"


def plot_loss_surface(surface, *, kind="contour", path=None, optimum=None, ax=None,
                      levels=20, spacing="even", equal_aspect=True, colorbar=True,
                      mark_minimum=False, loss_name="MSE",
                      optimum_label="least squares"):
    """Draw a loss surface over (intercept, slope), as from :func:`loss_surface`.

    Parameters
    ----------
    surface : pandas.DataFrame of shape (n_intercepts, n_slopes)
        Index: intercepts; columns: slopes; values: the loss (the MSE by default).
    kind : {"contour", "heatmap"}, default="contour"
        Contour lines or a colour map. Both are drawn in data coordinates, so a
        path can be drawn over either.
    path : pandas.DataFrame, default=None
        A one-feature ``Neuron.history_``; its (weight, bias) pairs are drawn
        as the path taken by gradient descent.
    optimum : tuple of (intercept, slope), default=None
        A point to mark, such as the least-squares solution.
    ax : matplotlib Axes, default=None
    levels : int or array-like, default=20
        About how many contour levels (round values), or the levels themselves.
    spacing : {"even", "geometric"}, default="even"
        How the levels are spread between the lowest and highest MSE. Evenly
        spaced levels show the slope honestly: rings crowd where the surface is
        steep. "geometric" uses 1, 2, 5 times each power of ten instead (an int
        ``levels`` is then ignored): rings crowd at the flat bottom, so the
        colour bar is logarithmic, to say so.
    equal_aspect : bool, default=True
        One unit of slope as long as one unit of intercept on screen, so that
        a round bowl is drawn round and a gradient path meets the contours at
        its true angle. Set False when the two ranges differ too much to share
        a scale.
    colorbar : bool, default=True
        Add a colour bar labelled MSE (for contours it marks each level).
    mark_minimum : bool, default=False
        Mark the lowest grid point of ``surface`` ("grid minimum").
    loss_name : str, default="MSE"
        What the values are, for the colour bar and the title (e.g. "log loss").
    optimum_label : str, default="least squares"
        The legend entry of ``optimum``.

    Returns
    -------
    matplotlib.axes.Axes
        The legend, when there is one, sits below the axes, off the surface.
    """
    if kind not in ("contour", "heatmap"):
        raise ValueError(f"kind must be 'contour' or 'heatmap'; got {kind!r}.")
    if spacing not in ("even", "geometric"):
        raise ValueError(f"spacing must be 'even' or 'geometric'; got {spacing!r}.")
    ax = _axes(ax)
    slopes = surface.columns.to_numpy(dtype=float)
    intercepts = surface.index.to_numpy(dtype=float)
    values = surface.to_numpy(dtype=float)
    norm = None
    if kind == "contour":
        levels, norm = _contour_levels(values, levels, spacing)
        drawn = ax.contour(slopes, intercepts, values, levels=levels, cmap="viridis",
                           norm=norm)
    else:
        drawn = ax.pcolormesh(slopes, intercepts, values, shading="auto",
                              cmap="viridis")
    if colorbar:
        # An axes of its own beside ax, as tall as ax even at equal aspect.
        bar = make_axes_locatable(ax).append_axes("right", size="4%", pad=0.1)
        colorbar = ax.figure.colorbar(drawn, cax=bar, label=loss_name)
        if norm is None and np.abs(values).max() >= 1e4:
            # values in full (5,000,000), never "0.5" under a "1e7"
            colorbar.formatter = FuncFormatter(_full_number)
            colorbar.update_ticks()
    if path is not None:
        weight = single_weight(path)
        ax.plot(path[weight], path["bias"], color="C3", marker=".", markersize=3,
                linewidth=1, label="gradient descent")
        ax.plot(path[weight].iloc[0], path["bias"].iloc[0], "o", color="C3",
                label="start")
    if optimum is not None:
        ax.plot(optimum[1], optimum[0], "X", color="black", markeredgecolor="white",
                markersize=11, label=optimum_label)
    if mark_minimum:
        i, j = np.unravel_index(np.argmin(values), values.shape)
        ax.plot(slopes[j], intercepts[i], "s", markersize=12, markerfacecolor="none",
                markeredgecolor="C1", markeredgewidth=2, label="grid minimum")
    if equal_aspect:
        ax.set_aspect("equal", adjustable="box")
    ax.set(xlabel="slope", ylabel="intercept",
           title=f"{loss_name} over (intercept, slope)")
    if path is not None or optimum is not None or mark_minimum:
        handles = ax.get_legend_handles_labels()[0]
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14),
                  ncols=min(len(handles), 4), fontsize="small")
    return ax


def plot_history(history, *, ax=None):
    """Weights and bias after each update, against the epochs elapsed.

    Parameters
    ----------
    history : pandas.DataFrame
        A ``Neuron.history_``.
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax)
    epochs = epochs_elapsed(history)
    for column in weight_columns(history):
        ax.plot(epochs, history[column], label=column)
    ax.plot(epochs, history["bias"], color="black", linestyle="--", label="bias")
    ax.set(xlabel="epoch", ylabel="weight or bias",
           title="Weights and bias during training")
    ax.legend(fontsize="small", ncols=2 if history.shape[1] > 8 else 1)
    return ax


def plot_loss(histories, *, ax=None, log=True, log_epochs=False, loss_name="MSE"):
    """Training loss against epochs, for one history or several to compare.

    Parameters
    ----------
    histories : pandas.DataFrame or mapping of str to DataFrame
        One neuron's ``history_``, or a legend label for each of several.
    ax : matplotlib Axes, default=None
    log : bool, default=True
        Logarithmic loss axis.
    log_epochs : bool, default=False
        Logarithmic epoch axis, to compare runs of very different lengths; the
        start (epoch 0) is then drawn at half the first update's epoch.
    loss_name : str, default="MSE"
        What the loss is, for the labels ("log loss" for a ``NeuronClassifier``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    if isinstance(histories, pd.DataFrame):
        histories = {f"training {loss_name}": histories}
    ax = _axes(ax)
    for label, history in histories.items():
        weight_columns(history)
        epochs = epochs_elapsed(history)
        if log_epochs and len(epochs) > 1:
            epochs[0] = epochs[1] / 2
        ax.plot(epochs, history["loss"], label=label)
    if log:
        ax.set_yscale("log")
    if log_epochs:
        ax.set_xscale("log")
    ax.set(xlabel="epoch (log scale; 0 drawn at half the first step)" if log_epochs
           else "epoch",
           ylabel=f"{loss_name} on the training set", title="Loss during training")
    ax.legend()
    return ax


def plot_coefficients(coefficients, *, feature_names=None, ax=None):
    """Side-by-side bars of two or more sets of coefficients.

    Parameters
    ----------
    coefficients : mapping of str to array-like of shape (n_features,)
        A legend label for each set, such as ``{"OLS": ..., "neuron": ...}``.
    feature_names : sequence of str, default=None
        Bar labels. By default the index of the first set if it is a Series,
        else ``w0``, ``w1``, ...
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not isinstance(coefficients, Mapping) or len(coefficients) < 1:
        raise ValueError("coefficients must be a mapping of label -> coefficients.")
    arrays = {k: np.asarray(v, dtype=float).ravel() for k, v in coefficients.items()}
    sizes = {k: a.size for k, a in arrays.items()}
    if len(set(sizes.values())) != 1:
        raise ValueError(
            f"Every set needs the same number of coefficients; got {sizes}."
        )
    n_features = next(iter(sizes.values()))
    if feature_names is None:
        first = next(iter(coefficients.values()))
        feature_names = (list(first.index) if isinstance(first, pd.Series)
                         else [f"w{j}" for j in range(n_features)])
    ax = _axes(ax)
    width = 0.8 / len(arrays)
    positions = np.arange(n_features)
    for k, (label, values) in enumerate(arrays.items()):
        offset = (k - (len(arrays) - 1) / 2) * width
        ax.bar(positions + offset, values, width, label=label)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(positions, [str(name) for name in feature_names])
    ax.set(xlabel="feature", ylabel="coefficient", title="Coefficients compared")
    ax.legend()
    return ax
