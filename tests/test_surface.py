import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import mean_squared_error

from coursekit import loss_surface


def loop(x, y, intercepts, slopes):
    """The original course's way: one mean_squared_error call per grid point."""
    return np.array([[mean_squared_error(y, b0 + b1 * x) for b1 in slopes]
                     for b0 in intercepts])


@pytest.mark.parametrize("noise", [100.0, 1e-3, 0.0])
def test_matches_the_double_loop(noise):
    rng = np.random.default_rng(0)
    x = np.linspace(0, 100, 100)
    y = 8 * x + 30 + rng.normal(scale=noise, size=100) if noise else 8 * x + 30
    intercepts = np.linspace(-200, 200, 31)
    slopes = np.linspace(-20, 20, 41)
    # the grid hits the true line exactly, where the MSE is tiny or zero
    intercepts = np.append(intercepts, 30.0)
    slopes = np.append(slopes, 8.0)
    surface = loss_surface(x, y, intercepts, slopes)
    expected = loop(x, y, intercepts, slopes)
    np.testing.assert_allclose(surface.to_numpy(), expected, rtol=1e-9,
                               atol=1e-9 * expected.max() if noise == 0 else 0)


def test_labels_and_shape():
    surface = loss_surface([1.0, 2.0], [2.0, 4.0], [0.0, 1.0, 2.0], [1.0, 2.0])
    assert isinstance(surface, pd.DataFrame)
    assert surface.shape == (3, 2)
    assert surface.index.name == "intercept" and surface.columns.name == "slope"
    assert surface.loc[0.0, 2.0] == 0.0
    assert surface.stack().idxmin() == (0.0, 2.0)


def test_accepts_a_column_vector():
    x = np.arange(5.0)
    a = loss_surface(x[:, None], 2 * x, [0.0], [1.0, 2.0])
    pd.testing.assert_frame_equal(a, loss_surface(x, 2 * x, [0.0], [1.0, 2.0]))


def test_constant_x():
    x, y = np.ones(4), np.array([1.0, 2.0, 3.0, 4.0])
    np.testing.assert_allclose(loss_surface(x, y, [0.0, 1.0], [0.0, 2.0]),
                               loop(x, y, [0.0, 1.0], [0.0, 2.0]), rtol=1e-12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.ones((3, 2)), np.ones(3), [0.0], [0.0]), r"x must be a non-empty 1-D"),
        ((np.ones(3), np.ones(4), [0.0], [0.0]), "same length; got 3 and 4"),
        ((np.ones(3), [1, np.nan, 2], [0.0], [0.0]), "y contains NaN"),
        ((np.ones(3), np.ones(3), [], [0.0]), "intercepts must be a non-empty"),
    ],
)
def test_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        loss_surface(*args)


def test_sigmoid_loss_surface_matches_a_direct_computation():
    from sklearn.metrics import log_loss

    from coursekit.activations import sigmoid
    from coursekit.surface import sigmoid_loss_surface

    rng = np.random.default_rng(0)
    x = rng.normal(size=40)
    y = (x + rng.normal(size=40) > 0).astype(float)
    intercepts, slopes = np.linspace(-3, 3, 7), np.linspace(-5, 5, 11)
    log = sigmoid_loss_surface(x, y, intercepts, slopes)
    squared = sigmoid_loss_surface(x, y, intercepts, slopes, loss="mse")
    for b0 in intercepts[::3]:
        for b1 in slopes[::5]:
            p = sigmoid(b0 + b1 * x)
            assert log.loc[b0, b1] == pytest.approx(log_loss(y, p), rel=1e-10)
            assert squared.loc[b0, b1] == pytest.approx(np.mean((p - y) ** 2))
    # far out, the sigmoid saturates: the MSE goes flat, the log loss keeps climbing
    far = sigmoid_loss_surface(x, y, [0.0], [-200.0, -400.0], loss="mse")
    assert far.iloc[0, 0] == pytest.approx(far.iloc[0, 1], abs=1e-6)
    far_log = sigmoid_loss_surface(x, y, [0.0], [-200.0, -400.0])
    assert np.isfinite(far_log.to_numpy()).all()
    assert far_log.iloc[0, 1] > 1.9 * far_log.iloc[0, 0]


def test_sigmoid_loss_surface_refuses_labels_that_are_not_0_or_1():
    from coursekit.surface import sigmoid_loss_surface

    with pytest.raises(ValueError, match="labels 0 and 1"):
        sigmoid_loss_surface([0.0, 1.0], [1.0, 2.0], [0.0], [1.0])
    with pytest.raises(ValueError, match="loss must be 'log' or 'mse'"):
        sigmoid_loss_surface([0.0, 1.0], [0.0, 1.0], [0.0], [1.0], loss="hinge")
