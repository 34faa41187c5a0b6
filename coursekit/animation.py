"""The neuron's line over the epochs, as an animation that replays anywhere.

Show it in a notebook with ``IPython.display.HTML(anim.to_jshtml())``: a JavaScript
player that works in JupyterLab and in exported HTML (``%matplotlib notebook`` does
not work in JupyterLab).
"""

import re

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation

from coursekit.history import single_weight

__all__ = ["animate_fit"]

# matplotlib's player links Font Awesome on a CDN for its buttons' icons.
_CDN_STYLESHEET = re.compile(r'<link rel="stylesheet"\s+href="https?://[^"]*">\s*')


class _OfflineAnimation(FuncAnimation):
    """A FuncAnimation whose HTML player asks nothing of the internet: JupyterLab
    ships Font Awesome, and the decks and the site serve their own copy."""

    def to_jshtml(self, *args, **kwargs):
        return _CDN_STYLESHEET.sub("", super().to_jshtml(*args, **kwargs))


def animate_fit(x, y, history, *, x_test=None, y_test=None, every=1, interval=100,
                ax=None, x_name="x"):
    """Animate the neuron's line at the end of every ``every``-th epoch.

    Show it in a notebook with ``IPython.display.HTML(anim.to_jshtml())``: it
    plays in JupyterLab and in exported HTML. When ``ax`` is None the new figure
    is closed, so that only the animation is displayed.

    Parameters
    ----------
    x, y : array-like of shape (n_samples,)
        Training data (one feature).
    history : pandas.DataFrame
        A one-feature ``Neuron.history_``.
    x_test, y_test : array-like, default=None
        Test data to draw as well.
    every : int, default=1
        Draw every ``every``-th epoch (the first and last are always drawn).
    interval : int, default=100
        Milliseconds between frames.
    ax : matplotlib Axes, default=None
    x_name : str, default="x"
        The feature as the course names it (e.g. "standardised x"): the x label and
        the variable of each frame's equation.

    Returns
    -------
    matplotlib.animation.FuncAnimation
    """
    weight = single_weight(history)
    if not isinstance(every, int | np.integer) or every < 1:
        raise ValueError(f"every must be a whole number of epochs >= 1; got {every!r}.")
    close = ax is None
    if close:
        _, ax = plt.subplots()
    n_batches = int(history["batch"].max())
    ends = history.index[(history["batch"] == n_batches) | (history["epoch"] == 0)]
    frames = list(ends[::every])
    if frames[-1] != ends[-1]:
        frames.append(ends[-1])
    x = np.asarray(x, dtype=float).ravel()
    ax.scatter(x, np.asarray(y).ravel(), s=10, alpha=0.5, label="training data")
    span = x
    if x_test is not None:
        x_test = np.asarray(x_test, dtype=float).ravel()
        ax.scatter(x_test, np.asarray(y_test).ravel(), s=10, alpha=0.5,
                   label="test data")
        span = np.concatenate([x, x_test])
    line_x = np.array([span.min(), span.max()])
    (line,) = ax.plot(line_x, line_x * 0, color="C3", linewidth=2, label="neuron")
    ax.set(xlabel=x_name, ylabel="y")
    ax.legend(loc="upper left")

    def draw(row):
        w, b = history.at[row, weight], history.at[row, "bias"]
        line.set_ydata(b + w * line_x)
        ax.set_title(f"Epoch {history.at[row, 'epoch']}: "
                     f"y = {b:.1f} + {w:.1f} {x_name}")
        return (line,)

    animation = _OfflineAnimation(ax.figure, draw, frames=frames, interval=interval,
                                  blit=False)
    if close:
        plt.close(ax.figure)
    return animation
