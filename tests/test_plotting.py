import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation

from coursekit import Neuron, NeuronClassifier, loss_surface, plotting


@pytest.fixture
def one_feature():
    rng = np.random.default_rng(0)
    x = np.linspace(-2, 2, 60)
    y = 3 * x + 1 + rng.normal(scale=0.5, size=60)
    neuron = Neuron(n_epochs=12, batch_size=20, random_state=0).fit(x[:, None], y)
    return x, y, neuron


def labels(ax):
    return [text.get_text() for text in ax.get_legend().get_texts()]


def drawn(ax, label):
    """The one line or collection of ``ax`` labelled ``label``."""
    artists = [*ax.get_lines(), *ax.collections]
    (artist,) = [a for a in artists if a.get_label() == label]
    return artist


def test_plot_fit_draws_the_line_it_is_given(one_feature):
    x, y, _ = one_feature
    ax = plotting.plot_fit(x, y, intercept=5.0, slope=-2.0)
    line = drawn(ax, "fitted line: y = 5.00 + -2.00 x")
    np.testing.assert_allclose(line.get_ydata(), 5.0 - 2.0 * line.get_xdata())
    np.testing.assert_allclose(line.get_xdata(), [x.min(), x.max()])
    np.testing.assert_array_equal(drawn(ax, "data").get_offsets(), np.c_[x, y])
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y" and ax.get_title()
    assert labels(ax) == ["data", "fitted line: y = 5.00 + -2.00 x"]


def test_plot_fit_uses_the_given_axes_and_keeps_global_settings(one_feature):
    x, y, _ = one_feature
    before = dict(matplotlib.rcParams)
    fig, (left, right) = plt.subplots(1, 2)
    assert plotting.plot_fit(x, y, 0, 1, ax=right) is right
    assert not left.has_data()
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("kind", ["contour", "heatmap"])
def test_plot_loss_surface_with_path_and_optimum(kind, one_feature):
    x, y, neuron = one_feature
    surface = loss_surface(x, y, np.linspace(-3, 5, 30), np.linspace(-1, 6, 40))
    ax = plotting.plot_loss_surface(surface, kind=kind, path=neuron.history_,
                                    optimum=(1.0, 3.0))
    path, start = drawn(ax, "gradient descent"), drawn(ax, "start")
    np.testing.assert_array_equal(path.get_xdata(), neuron.history_["w0"])
    np.testing.assert_array_equal(path.get_ydata(), neuron.history_["bias"])
    first = neuron.history_.iloc[0]
    assert (start.get_xdata()[0], start.get_ydata()[0]) == (first["w0"], first["bias"])
    optimum = drawn(ax, "least squares")
    assert (optimum.get_xdata()[0], optimum.get_ydata()[0]) == (3.0, 1.0)
    assert ax.get_xlabel() == "slope" and ax.get_ylabel() == "intercept"
    assert labels(ax) == ["gradient descent", "start", "least squares"]


def test_plot_loss_surface_rejects_an_unknown_kind(one_feature):
    x, y, _ = one_feature
    with pytest.raises(ValueError, match="kind must be 'contour' or 'heatmap'"):
        plotting.plot_loss_surface(loss_surface(x, y, [0, 1], [0, 1]), kind="3d")


def test_plot_history_draws_each_weight_and_the_bias(one_feature):
    _, _, neuron = one_feature
    ax = plotting.plot_history(neuron.history_)
    w, b = drawn(ax, "w0"), drawn(ax, "bias")
    np.testing.assert_array_equal(w.get_ydata(), neuron.history_["w0"])
    np.testing.assert_array_equal(b.get_ydata(), neuron.history_["bias"])
    assert w.get_xdata()[-1] == 12  # epochs, with three batches per epoch
    assert labels(ax) == ["w0", "bias"]


def test_plot_loss_compares_histories(one_feature):
    _, _, neuron = one_feature
    ax = plotting.plot_loss({"a": neuron.history_, "b": neuron.history_.iloc[:10]})
    np.testing.assert_array_equal(drawn(ax, "a").get_ydata(), neuron.history_["loss"])
    np.testing.assert_array_equal(drawn(ax, "b").get_ydata(),
                                  neuron.history_["loss"].iloc[:10])
    np.testing.assert_allclose(drawn(ax, "b").get_xdata(), np.arange(10) / 3)
    assert ax.get_yscale() == "log"
    assert labels(ax) == ["a", "b"]
    assert ax.get_ylabel() == "MSE on the training set"


def test_plot_loss_names_any_loss_and_can_log_the_epochs():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(40, 2)), np.repeat([0, 1], 20)
    history = NeuronClassifier(n_epochs=30, random_state=0).fit(X, y).history_
    ax = plotting.plot_loss(history, loss_name="log loss", log_epochs=True)
    line = drawn(ax, "training log loss")
    np.testing.assert_array_equal(line.get_ydata(), history["loss"])
    np.testing.assert_array_equal(line.get_xdata(), [0.5, *range(1, 31)])
    assert ax.get_ylabel() == "log loss on the training set"
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    with pytest.raises(ValueError, match=r"lacks the columns \['bias', 'loss'\]"):
        plotting.plot_loss(history.drop(columns=["bias", "loss"]))


def test_plot_coefficients_side_by_side():
    ax = plotting.plot_coefficients({"OLS": [1.0, -2.0], "neuron": [0.9, -1.8]},
                                    feature_names=["age", "bmi"])
    heights = [patch.get_height() for patch in ax.patches]
    assert heights == [1.0, -2.0, 0.9, -1.8]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["age", "bmi"]
    assert labels(ax) == ["OLS", "neuron"]
    with pytest.raises(ValueError, match="same number of coefficients"):
        plotting.plot_coefficients({"a": [1.0], "b": [1.0, 2.0]})


def test_animate_fit_has_one_frame_per_epoch_and_renders(one_feature):
    x, y, neuron = one_feature
    anim = plotting.animate_fit(x, y, neuron.history_, every=3)
    assert isinstance(anim, FuncAnimation)
    assert plt.get_fignums() == []  # closed: only the animation is shown
    html = anim.to_jshtml()
    assert html.count("data:image/png;base64") == 5  # epochs 0, 3, 6, 9, 12
    assert "http" not in html, "the player asks the internet for something"
    ax = anim._fig.axes[0]
    line = drawn(ax, "neuron")
    last = neuron.history_.iloc[-1]
    expected = last["bias"] + last["w0"] * line.get_xdata()
    np.testing.assert_allclose(line.get_ydata(), expected)
    assert ax.get_title().startswith("Epoch 12")


def test_animate_fit_rejects_a_bad_step(one_feature):
    x, y, neuron = one_feature
    with pytest.raises(ValueError, match="every must be a whole number of epochs"):
        plotting.animate_fit(x, y, neuron.history_, every=0)


def test_one_feature_plots_refuse_several_weights():
    rng = np.random.default_rng(0)
    neuron = Neuron(n_epochs=1).fit(rng.normal(size=(10, 2)), rng.normal(size=10))
    with pytest.raises(ValueError, match="one feature; history has 2 weight columns"):
        plotting.animate_fit(np.ones(10), np.ones(10), neuron.history_)


def test_plot_fit_names_the_feature(one_feature):
    x, y, _ = one_feature
    ax = plotting.plot_fit(x, y, 1.0, 2.0, x_name="x_scaled")
    assert ax.get_xlabel() == "x_scaled"
    assert labels(ax)[1] == "fitted line: y = 1.00 + 2.00 x_scaled"


def test_plot_loss_surface_draws_a_round_bowl_round_with_even_levels(one_feature):
    x, y, _ = one_feature
    surface = loss_surface(x, y, np.linspace(-3, 5, 30), np.linspace(-1, 6, 40))
    ax = plotting.plot_loss_surface(surface)
    assert ax.get_aspect() == 1.0
    levels = ax.collections[0].levels
    assert np.allclose(np.diff(levels), levels[1] - levels[0])  # evenly spaced
    values = surface.to_numpy()
    assert values.min() < levels.min() and levels.max() < values.max()
    assert 10 <= len(levels) <= 25
    (colorbar,) = [a for a in ax.figure.axes if a is not ax]
    assert colorbar.get_ylabel() == "MSE"
    assert ax.get_legend() is None  # nothing marked, nothing to explain


def test_plot_loss_surface_geometric_levels_are_round_on_a_log_colour_bar(one_feature):
    x, y, _ = one_feature
    surface = loss_surface(x, y, np.linspace(-3, 5, 30), np.linspace(-1, 6, 40))
    ax = plotting.plot_loss_surface(surface, spacing="geometric", colorbar=False,
                                    equal_aspect=False)
    levels = ax.collections[0].levels
    mantissas = levels / 10.0 ** np.floor(np.log10(levels))
    assert set(np.round(mantissas, 9)) <= {1.0, 2.0, 5.0}
    assert ax.collections[0].norm.__class__.__name__ == "LogNorm"
    assert ax.figure.axes == [ax] and ax.get_aspect() == "auto"
    with pytest.raises(ValueError, match="spacing must be 'even' or 'geometric'"):
        plotting.plot_loss_surface(surface, spacing="log")


@pytest.mark.parametrize("kind", ["contour", "heatmap"])
def test_plot_loss_surface_marks_the_grid_minimum_below_the_axes(kind):
    x = np.linspace(-1, 1, 20)
    surface = loss_surface(x, 2.0 + 3.0 * x, [0.0, 1.0, 2.0, 3.0], [2.5, 3.5, 4.5])
    ax = plotting.plot_loss_surface(surface, kind=kind, optimum=(2.0, 3.0),
                                    mark_minimum=True)
    minimum = drawn(ax, "grid minimum")
    assert (minimum.get_xdata()[0], minimum.get_ydata()[0]) == (2.5, 2.0)
    assert labels(ax) == ["least squares", "grid minimum"]
    anchor = ax.get_legend().get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    assert anchor.y1 < 0  # the legend hangs below the axes, off the data


def test_plot_loss_surface_names_its_loss_and_its_colour_bar_is_as_tall(one_feature):
    x, y, _ = one_feature
    grid = np.linspace(-5, 5, 11)
    surface = loss_surface(x, y, grid, grid)
    ax = plotting.plot_loss_surface(surface, loss_name="log loss", optimum=(0.0, 1.0),
                                    optimum_label="logistic regression")
    assert "logistic regression" in labels(ax)
    assert ax.get_title() == "log loss over (intercept, slope)"
    bar = ax.figure.axes[-1]
    assert bar.get_ylabel() == "log loss"
    ax.figure.canvas.draw()
    box, bar_box = ax.get_position(), bar.get_position()
    assert bar_box.height == pytest.approx(box.height, rel=0.02)


def test_animate_fit_names_the_feature(one_feature):
    x, y, neuron = one_feature
    fig, ax = plt.subplots()
    anim = plotting.animate_fit(x, y, neuron.history_, ax=ax, x_name="standardised x")
    anim._draw_next_frame(anim.new_frame_seq().__next__(), blit=False)
    assert ax.get_xlabel() == "standardised x"
    assert ax.get_title().endswith("standardised x")


def test_plot_loss_surface_colour_bar_writes_values_in_full():
    import pandas as pd

    grid = np.linspace(-1, 1, 5)
    surface = pd.DataFrame(np.add.outer(grid**2, grid**2) * 5e7 + 1e6,
                           index=pd.Index(grid, name="intercept"),
                           columns=pd.Index(grid, name="slope"))
    ax = plotting.plot_loss_surface(surface)
    ax.figure.canvas.draw()
    bar = ax.figure.axes[-1]
    ticks = [t.get_text() for t in bar.get_yticklabels() if t.get_text()]
    assert ticks and all("," in t for t in ticks if t != "0")
    assert bar.yaxis.get_offset_text().get_text() == ""  # no "1e7" above the bar
