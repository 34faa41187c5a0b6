"""What notebook 04 states about least squares, computed independently of it.

References are closed forms (means, covariances), np.polyfit and np.linalg.lstsq,
never the notebook's LinearRegression calls.
"""

import numpy as np
import pytest
from sklearn.preprocessing import StandardScaler

import coursekit as ck


@pytest.fixture
def line_data():
    return ck.datasets.make_linear_data(100, slope=8.0, noise=100.0, random_state=0)


def closed_form(x, y):
    """Intercept and slope from means and the covariance: beta1 = cov / var."""
    slope = np.mean((x - x.mean()) * (y - y.mean())) / np.var(x)
    return y.mean() - slope * x.mean(), slope


def test_04_ols_line_and_its_mse(line_data):
    x, y = line_data
    intercept, slope = closed_form(x, y)
    assert (round(intercept, 4), round(slope, 4)) == (20.8471, 7.7027)
    assert np.polyfit(x, y, 1) == pytest.approx([slope, intercept], rel=1e-10)
    residuals = y - (intercept + slope * x)
    assert np.mean(residuals**2) == pytest.approx(10083.1085, abs=1e-4)


def test_04_x_is_evenly_spaced_from_0_to_100_and_only_y_is_random(line_data):
    x, y = line_data
    np.testing.assert_allclose(x, np.linspace(0, 100, 100), rtol=0, atol=1e-12)
    x2, y2 = ck.datasets.make_linear_data(100, slope=8.0, noise=100.0, random_state=1)
    assert np.array_equal(x, x2) and not np.allclose(y, y2)


def test_04_original_noise_with_mean_x_gives_a_slope_near_9(line_data):
    x, _ = line_data
    y_wrong = 8 * x + np.random.default_rng(0).normal(x, 100)
    assert closed_form(x, y_wrong)[1] == pytest.approx(9.15, abs=0.005)


def test_04_raising_the_intercept_by_10_adds_exactly_100(line_data):
    x, y = line_data
    intercept, slope = closed_form(x, y)
    residuals = y - (intercept + slope * x)
    raised = y - (intercept + 10 + slope * x)
    assert np.mean(raised**2) - np.mean(residuals**2) == pytest.approx(100, abs=1e-8)
    # the true line has a larger training MSE than OLS
    assert np.mean((y - 8 * x) ** 2) > np.mean(residuals**2)


def test_04_normal_equations_mean_zero_residuals_uncorrelated_with_x(line_data):
    x, y = line_data
    A = np.column_stack([np.ones_like(x), x])
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    residuals = y - A @ beta
    assert abs(residuals.sum()) < 1e-8 and abs(residuals @ x) < 1e-6
    # the gradient of the MSE, by central differences, vanishes there
    def mse(b):
        return np.mean((y - A @ b) ** 2)
    for k in range(2):
        step = np.eye(2)[k] * 1e-3
        assert abs(mse(beta + step) - mse(beta - step)) / 2e-3 < 1e-6


def test_04_standardised_coefficients_and_range(line_data):
    x, y = line_data
    x_scaled = StandardScaler().fit_transform(x[:, None]).ravel()
    intercept, slope = closed_form(x_scaled, y)
    assert (round(intercept, 4), round(slope, 4)) == (405.9808, 224.5918)
    assert intercept == pytest.approx(y.mean(), rel=1e-12)
    assert slope == pytest.approx(closed_form(x, y)[1] * x.std(), rel=1e-12)
    assert x_scaled.min() == pytest.approx(-1.7, abs=0.05)
    assert x_scaled.max() == pytest.approx(1.7, abs=0.05)


def test_04_more_data_shrinks_the_slope_error_about_tenfold():
    x, y = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
    slope = closed_form(x, y)[1]
    assert round(slope, 4) == 7.9806 and abs(slope - 8) < 0.05
    x100, _ = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    # standard error of the slope: sigma / sqrt(sum (x - mean)^2)
    def standard_error(x):
        return 100 / np.sqrt(np.sum((x - x.mean()) ** 2))
    assert 9 < standard_error(x100) / standard_error(x) < 11


def test_04_line_through_zero_is_closer_to_the_truth_but_fits_worse(line_data):
    x, y = line_data
    slope_origin = (x @ y) / (x @ x)
    assert round(slope_origin, 4) == 8.0138
    intercept, slope = closed_form(x, y)
    ols, origin, truth = intercept + slope * x, slope_origin * x, 8 * x
    assert np.mean((y - ols) ** 2) < np.mean((y - origin) ** 2)
    assert np.mean((truth - origin) ** 2) < np.mean((truth - ols) ** 2) / 100
    assert np.mean((y - origin) ** 2) == pytest.approx(10193.40, abs=0.005)
    assert np.mean((truth - ols) ** 2) == pytest.approx(110.93, abs=0.005)
    assert np.mean((truth - origin) ** 2) == pytest.approx(0.64, abs=0.005)


def test_04_the_original_courses_own_fit_gave_8_23_a_low_draw_around_9(line_data):
    # The original printed (intercept, slope) = (37.1858..., 8.2280...) on raw x and
    # (448.5867..., 239.9096...) on standardised x: one fit, seen in two units.
    x, _ = line_data
    raw_slope = 8.22801749
    scaled_intercept, scaled_slope = 448.5866764712714, 239.90962559
    assert scaled_slope / x.std() == pytest.approx(raw_slope, rel=1e-6)
    assert scaled_intercept - raw_slope * x.mean() == pytest.approx(37.1858, abs=1e-3)
    assert round(raw_slope, 2) == 8.23
    # noise with mean x makes the expected slope 9; one draw of 100 points spreads it by
    # sigma / sqrt(sum (x - mean)^2), about 0.34, and 8.23 lies 2.3 of those below 9
    standard_error = 100 / np.sqrt(np.sum((x - x.mean()) ** 2))
    assert round(standard_error, 2) == 0.34
    assert 2 < (9 - raw_slope) / standard_error < 2.5


def test_04_raising_the_intercept_shrinks_positive_residuals_and_grows_negative_ones(
        line_data):
    x, y = line_data
    intercept, slope = closed_form(x, y)
    residuals = y - (intercept + slope * x)
    raised = residuals - 10
    assert np.any(np.abs(raised[residuals < 0]) > np.abs(residuals[residuals < 0]))
    assert np.all(np.abs(raised[residuals > 10]) < np.abs(residuals[residuals > 10]))
    np.testing.assert_allclose(raised**2 - residuals**2, 100 - 20 * residuals)


def test_04_slice_of_the_mse_along_the_slope(line_data):
    """The slice's derivative in the slope, -(2/n) sum r_i x_i, at 9.5 and at OLS."""
    x, y = line_data
    intercept, slope = closed_form(x, y)

    def derivative(b1):
        return -2 * np.mean((y - intercept - b1 * x) * x)

    assert round(derivative(9.5), 2) == 12042.70
    assert np.mean((y - intercept - 9.5 * x) ** 2) == pytest.approx(20905.44, abs=0.005)
    assert derivative(slope) == pytest.approx(0, abs=1e-9)
    assert round(intercept, 2) == 20.85 and round(slope, 2) == 7.70
