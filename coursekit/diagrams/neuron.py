"""One neuron drawn as a graph: inputs, weights, sum plus bias, activation, output."""

from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

from coursekit.diagrams._grid import ORIGINAL, RESULT, new_axes

__all__ = ["draw_neuron"]


def draw_neuron(n_inputs=3, *, activation="g", ax=None):
    """Draw one neuron: inputs, weights, weighted sum plus bias, activation, output.

    Parameters
    ----------
    n_inputs : int, default=3
        Number of inputs x1 ... xp drawn.
    activation : str, default="g"
        Label of the activation box.
    ax : matplotlib Axes, default=None

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = draw_neuron(2, activation="sigmoid")
    >>> [t.get_text() for t in ax.texts][:2]
    ['$x_1$', '$w_1$']
    """
    if n_inputs < 1:
        raise ValueError(f"n_inputs must be at least 1; got {n_inputs}.")
    ax = new_axes(ax, (8, 1.2 * n_inputs + 1.5))
    centre = (n_inputs - 1) / 2
    sum_at, act_at, out_at = (4.0, centre), (6.5, centre), (8.6, centre)
    for i in range(n_inputs):
        y = n_inputs - 1 - i
        ax.add_patch(Circle((0.5, y), 0.35, facecolor=ORIGINAL, edgecolor="black"))
        ax.text(0.5, y, f"$x_{i + 1}$", ha="center", va="center", fontsize=12)
        ax.add_patch(FancyArrowPatch((0.85, y), (sum_at[0] - 0.55, sum_at[1]),
                                     arrowstyle="-|>", mutation_scale=12))
        # the weight's label sits on its arrow, a third of the way along
        ax.text(0.85 + (sum_at[0] - 1.4) / 3, y + (centre - y) / 3 + 0.08,
                f"$w_{i + 1}$", fontsize=11, color="C3", ha="center", va="bottom")
    ax.add_patch(Circle(sum_at, 0.55, facecolor="#fdd0a2", edgecolor="black"))
    ax.text(*sum_at, r"$\Sigma$", ha="center", va="center", fontsize=16)
    ax.text(sum_at[0], sum_at[1] - 0.95, r"$z = \sum_i w_i x_i + b$", ha="center",
            fontsize=10)
    ax.annotate("bias $b$", xy=(sum_at[0], sum_at[1] + 0.55),
                xytext=(sum_at[0], sum_at[1] + 1.4), ha="center", fontsize=10,
                arrowprops={"arrowstyle": "-|>"})
    ax.add_patch(FancyArrowPatch((sum_at[0] + 0.55, centre), (act_at[0] - 0.6, centre),
                                 arrowstyle="-|>", mutation_scale=12))
    ax.add_patch(Rectangle((act_at[0] - 0.6, centre - 0.4), 1.2, 0.8,
                           facecolor=RESULT, edgecolor="black"))
    ax.text(*act_at, f"{activation}(z)", ha="center", va="center", fontsize=11)
    ax.add_patch(FancyArrowPatch((act_at[0] + 0.6, centre), (out_at[0] - 0.3, centre),
                                 arrowstyle="-|>", mutation_scale=12))
    ax.text(*out_at, r"$\hat{y}$", ha="left", va="center", fontsize=14)
    ax.set_title("One neuron: weighted sum, plus bias, through an activation")
    ax.set_xlim(-0.2, 9.5)
    ax.set_ylim(-1.6, n_inputs + 0.8)
    return ax
