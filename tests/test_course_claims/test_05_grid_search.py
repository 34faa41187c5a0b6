"""What notebook 05 states about the grid search, computed independently of it.

References are plain loops, finite differences, closed forms and exact counts, never
``ck.loss_surface`` or the notebook's broadcasting.
"""

import numpy as np
import pytest

import coursekit as ck


@pytest.fixture
def data():
    x, y = ck.datasets.make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    return x, (x - x.mean()) / x.std(), y


def loop(x, y, intercepts, slopes):
    return np.array([[np.mean((y - (b0 + b1 * x)) ** 2) for b1 in slopes]
                     for b0 in intercepts])


def lowest(table, intercepts, slopes):
    i, j = np.unravel_index(np.argmin(table), table.shape)
    return intercepts[i], slopes[j]


def test_05_standardised_bowl_is_round_hessian_2i(data):
    _, x_scaled, y = data
    def mse(b):
        return np.mean((y - (b[0] + b[1] * x_scaled)) ** 2)
    h, b = 1.0, np.array([300.0, 100.0])
    hessian = np.empty((2, 2))
    for i in range(2):
        for j in range(2):
            e_i, e_j = np.eye(2)[i] * h, np.eye(2)[j] * h
            hessian[i, j] = (mse(b + e_i + e_j) - mse(b + e_i - e_j)
                             - mse(b - e_i + e_j) + mse(b - e_i - e_j)) / (4 * h * h)
    np.testing.assert_allclose(hessian, 2 * np.eye(2), atol=1e-6)


def test_05_coarse_grid_minimum_within_half_a_step(data):
    _, x_scaled, y = data
    grid = np.linspace(-5000, 5000, 100)
    step = grid[1] - grid[0]
    assert step == pytest.approx(10_000 / 99) and round(step, 2) == 101.01
    best = lowest(loop(x_scaled, y, grid, grid), grid, grid)
    slope_ols = np.mean(x_scaled * y)
    assert np.round(best, 4) == pytest.approx([454.5455, 252.5253])
    assert abs(best[0] - y.mean()) <= step / 2 and abs(best[1] - slope_ols) <= step / 2
    # the fine grid: step about 4, lowest point within half of it
    fine_i = np.linspace(best[0] - 2 * step, best[0] + 2 * step, 101)
    fine_s = np.linspace(best[1] - 2 * step, best[1] + 2 * step, 101)
    assert round(fine_i[1] - fine_i[0], 2) == 4.04
    fine = lowest(loop(x_scaled, y, fine_i, fine_s), fine_i, fine_s)
    assert abs(fine[0] - y.mean()) <= 2.02 and abs(fine[1] - slope_ols) <= 2.02


def test_05_coarse_line_meets_ols_on_the_left_and_ends_above(data):
    _, x_scaled, y = data
    ols = np.polyfit(x_scaled, y, 1)[::-1]
    coarse = (454.5455, 252.5253)
    left, right = x_scaled.min(), x_scaled.max()
    gap_left = (coarse[0] + coarse[1] * left) - (ols[0] + ols[1] * left)
    gap_right = (coarse[0] + coarse[1] * right) - (ols[0] + ols[1] * right)
    assert abs(gap_left) < 5 and gap_right > 90 and coarse[1] > ols[1]


def test_05_raw_x_grid_minimum_is_far_from_ols_on_a_tilted_valley(data):
    x, _, y = data
    grid = np.linspace(-100, 100, 101)
    b0, b1 = lowest(loop(x, y, grid, grid), grid, grid)
    assert (b0, b1) == (6.0, 8.0)
    assert np.mean((y - (b0 + b1 * x)) ** 2) == pytest.approx(10158.27, abs=0.005)
    ols = np.polyfit(x, y, 1)[::-1]
    mse_ols = np.mean((y - (ols[0] + ols[1] * x)) ** 2)
    assert 10158.27 / mse_ols < 1.01  # "less than 1% higher"
    assert 7 < abs(b0 - ols[0]) / 2 < 7.5  # "more than seven steps", printed 7.4
    assert x.mean() == pytest.approx(50)
    assert b0 + 50 * b1 == 406
    assert ols[0] + 50 * ols[1] == pytest.approx(405.98, abs=5e-3)


def test_05_five_averages_formula_against_a_loop():
    rng = np.random.default_rng(7)
    x, y = 3 + rng.normal(size=50), rng.normal(size=50)
    intercepts, slopes = np.linspace(-2, 2, 7), np.linspace(-1, 3, 5)
    b0, b1 = intercepts[:, None], slopes[None, :]
    formula = (b0**2 + 2 * b0 * b1 * x.mean() + b1**2 * np.mean(x * x)
               - 2 * b0 * y.mean() - 2 * b1 * np.mean(x * y) + np.mean(y * y))
    np.testing.assert_allclose(formula, loop(x, y, intercepts, slopes), rtol=1e-10)
    np.testing.assert_allclose(ck.loss_surface(x, y, intercepts, slopes), formula,
                               rtol=1e-10)


def test_05_memory_of_broadcasting(data):
    """Sizes are counted, never measured: a measured peak depends on the platform."""
    _, x_scaled, y = data
    one_array = 100 * 100 * 100 * 8
    assert one_array == 8_000_000  # 8 MB
    grid = np.linspace(-5000, 5000, 100)
    predictions = grid[:, None, None] + grid[None, :, None] * x_scaled[None, None, :]
    errors = y[None, None, :] - predictions
    assert predictions.nbytes == errors.nbytes == one_array  # two alive at once
    assert (2 * one_array, 3 * one_array) == (16e6, 24e6)  # "16 to 24 MB"
    big = 100 * 100 * 10**6 * 8
    assert big == 80e9  # 80 GB, not 8 TB
    assert (2 * big, 3 * big) == (160e9, 240e9)  # "160 to 240 GB"
    # exercise 3: a step-1 grid over [-5000, 5000]^2
    assert len(np.arange(-5000, 5001)) ** 2 == 100_020_001
    assert round(100_020_001 * 100 * 8 / 1e9, 1) == 80.0
    assert round(100_020_001 * 8 / 1e9, 1) == 0.8


def test_05_even_levels_crowd_towards_the_rim(data):
    """Evenly spaced levels of a round bowl: ring radii sqrt(level - min) grow by less
    and less, so the rings crowd outwards, where the bowl is steep."""
    _, x_scaled, y = data
    mse_ols = np.mean((y - np.polyval(np.polyfit(x_scaled, y, 1), x_scaled)) ** 2)
    levels = np.arange(1, 18) * 3e6  # the contour plot's levels, 0.3 to 5.1 x 1e7
    radii = np.sqrt(levels - mse_ols)
    assert np.all(np.diff(np.diff(radii)) < 0)


def test_05_raw_valley_floor_is_b0_plus_50_b1_equal_to_mean_y():
    """For each slope, the intercept of least MSE is mean(y) - mean(x) * slope; least
    squares lies on that floor, and mean(x) is 50."""
    x, y = ck.datasets.make_linear_data(100, slope=8.0, noise=100.0, random_state=0)
    assert x.mean() == pytest.approx(50)
    for slope in (6.0, 8.0, 10.0):
        intercept = np.mean(y - slope * x)  # where d MSE / d b0 = 0
        assert intercept == pytest.approx(y.mean() - 50 * slope)
    slope_ls = np.polyfit(x, y, 1)[0]
    floor_height = np.mean(y - slope_ls * x) + 50 * slope_ls
    assert round(floor_height, 2) == round(y.mean(), 2) == 405.98


def test_05_along_the_raw_valley_floor_the_mse_grows_with_the_slope_gap(data):
    """GUIDE: along the floor b0 + 50 b1 = mean(y) "the MSE grows only by
    var(x)(b1 - 7.70)^2, 75 at slope 8"."""
    x, _, y = data
    slope, _ = np.polyfit(x, y, 1)
    assert round(slope, 2) == 7.70
    ols_mse = np.mean((y - np.polyval(np.polyfit(x, y, 1), x)) ** 2)
    for b1 in (8.0, 10.0):
        b0 = y.mean() - b1 * x.mean()  # on the floor
        rise = np.mean((y - (b0 + b1 * x)) ** 2) - ols_mse
        assert rise == pytest.approx(np.var(x) * (b1 - slope) ** 2, rel=1e-9)
    assert round(np.var(x) * (8 - slope) ** 2) == 75
