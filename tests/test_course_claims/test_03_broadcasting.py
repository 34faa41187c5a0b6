"""What notebook 03 states about the MSE pitfall, computed independently of it."""

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.linear_model import LinearRegression

import coursekit as ck


@pytest.fixture
def line_data():
    return ck.datasets.make_linear_data(100, slope=8.0, noise=100.0, random_state=0)


def wrong_mse(y, y_pred):
    """The (n,) - (n, 1) broadcast, written as the double loop over all pairs."""
    return sum((y_j - p_i) ** 2 for p_i in y_pred for y_j in y) / (len(y) * len(y_pred))


def test_03_wrong_and_right_mse_of_the_line_8x(line_data):
    x, y = line_data
    assert wrong_mse(y, 8.0 * x) == pytest.approx(114971.1388, abs=1e-4)
    assert np.mean((y - 8.0 * x) ** 2) == pytest.approx(10194.0362, abs=1e-4)


def test_03_wrong_mse_is_var_plus_var_plus_squared_mean_gap(line_data):
    x, y = line_data
    rng = np.random.default_rng(1)
    for y_pred in (8.0 * x, rng.normal(300.0, 50.0, size=100)):
        formula = y.var() + y_pred.var() + (y.mean() - y_pred.mean()) ** 2
        assert wrong_mse(y, y_pred) == pytest.approx(formula, rel=1e-12)
        # it ignores the pairing: any order of the predictions gives the same number
        shuffled = rng.permutation(y_pred)
        assert wrong_mse(y, shuffled) == pytest.approx(formula, rel=1e-12)


def test_03_the_flat_line_minimises_the_wrong_mse(line_data):
    x, y = line_data

    def loss(params):
        intercept, slope = params
        y_pred = intercept + slope * x
        return np.mean((y[None, :] - y_pred[:, None]) ** 2)

    best = minimize(loss, x0=[0.0, 8.0], method="Nelder-Mead",
                    options={"xatol": 1e-8, "fatol": 1e-8, "maxiter": 5000})
    assert best.x[1] == pytest.approx(0.0, abs=1e-4)
    assert best.x[0] == pytest.approx(y.mean(), abs=1e-2)
    assert y.mean() == pytest.approx(405.98, abs=5e-3)
    assert best.fun == pytest.approx(60524.5944, abs=1e-3)


def test_03_least_squares_line_and_the_six_times(line_data):
    x, y = line_data
    ols = LinearRegression().fit(x[:, None], y)
    assert ols.intercept_ == pytest.approx(20.85, abs=5e-3)
    assert ols.coef_[0] == pytest.approx(7.70, abs=5e-3)
    right_ols = np.mean((y - ols.predict(x[:, None])) ** 2)
    assert right_ols == pytest.approx(10083.1085, abs=1e-4)
    assert wrong_mse(y, ols.predict(x[:, None])) == pytest.approx(110966.0802, abs=1e-3)
    # "its right MSE is six times that of the least-squares line"
    assert round(y.var() / right_ols) == 6


def test_03_keepdims_example_sums():
    square = np.array([[1.0, 3.0], [2.0, 6.0]])
    assert (square / square.sum(axis=1)).sum(axis=1).tolist() == [0.625, 1.25]
    with pytest.raises(ValueError, match="could not be broadcast"):
        np.ones((3, 2)) / np.ones((3, 2)).sum(axis=1)


def test_03_the_data_are_the_line_8x_plus_noise_on_evenly_spaced_x(line_data):
    x, y = line_data
    # "x evenly spaced from 0 to 100, and y = 8x plus random noise (standard deviation
    # 100), seeded": the same call without noise lies on the line, and the noise is
    # the same on every run
    assert np.array_equal(x, np.linspace(0.0, 100.0, 100))
    x0, y0 = ck.datasets.make_linear_data(100, slope=8.0, noise=0.0, random_state=0)
    assert np.array_equal(y0, 8.0 * x0)
    noise = y - 8.0 * x
    assert np.array_equal(noise, ck.datasets.make_linear_data(
        100, slope=8.0, noise=100.0, random_state=0)[1] - 8.0 * x)
    assert 80 < noise.std() < 120
    assert (8.0 * x)[:, None].ravel().shape == (100,)


def test_03_broadcast_to_is_a_read_only_view_and_tile_a_copy():
    a = np.array([[1]])
    stretched = np.broadcast_to(a, (1, 3))
    assert np.shares_memory(stretched, a) and not stretched.flags.writeable
    assert not np.shares_memory(np.tile(a, (1, 3)), a)


def test_03_shape_rules_as_stated_agree_with_numpy():
    def rules(s, t):
        n = max(len(s), len(t))
        s, t = (1,) * (n - len(s)) + s, (1,) * (n - len(t)) + t  # rule 1
        if any(p != q and 1 not in (p, q) for p, q in zip(s, t, strict=True)):
            return None  # rule 2
        return tuple(max(p, q) for p, q in zip(s, t, strict=True))  # rule 3

    pairs = [((1,), (3,)), ((1, 1), (3,)), ((2, 1), (3,)), ((2, 3), (2,)),
             ((2, 3), (2, 1)), ((4, 1), (1, 5)), ((100,), (100, 1)), ((3, 2), (3,))]
    for s, t in pairs:
        try:
            numpy = np.broadcast_shapes(s, t)
        except ValueError:
            numpy = None
        assert rules(s, t) == numpy


def test_03_only_a_reduced_axis_that_is_not_the_first_needs_keepdims():
    M = np.arange(12.0).reshape(3, 4)
    # axis 0 removed: rule 1 puts it back in front, (4,) acts as (1, 4)
    centred = M - M.mean(axis=0)
    np.testing.assert_allclose(centred.mean(axis=0), 0)
    np.testing.assert_array_equal(centred, M - M.mean(axis=0, keepdims=True))
    # axis 1 removed: (3,) lines up with the columns, and fails on a 3 x 4 matrix ...
    with pytest.raises(ValueError, match="could not be broadcast"):
        M - M.mean(axis=1)
    # ... while on a square matrix it runs and subtracts row j's mean from column j
    S = np.arange(16.0).reshape(4, 4)
    wrong = S - S.mean(axis=1)
    assert wrong.shape == (4, 4) and not np.allclose(wrong.mean(axis=1), 0)
