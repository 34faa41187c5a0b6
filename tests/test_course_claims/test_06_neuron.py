"""What notebook 06 states in its prose, computed independently of the notebook."""

import warnings

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import coursekit as ck


@pytest.fixture(scope="module")
def line_data():
    """Notebook 06's split: raw x (600, 1), standardised X, y, and the test part."""
    x, y = ck.datasets.make_linear_data(800, slope=8.0, noise=200.0, random_state=0)
    x_train, x_test, y_train, y_test = train_test_split(
        x[:, None], y, test_size=0.25, random_state=0
    )
    scaler = StandardScaler().fit(x_train)
    return (x_train, scaler.transform(x_train), y_train, scaler.transform(x_test),
            y_test)


def lstsq(X, y):
    A = np.c_[np.ones(len(X)), X]
    return np.linalg.lstsq(A, y, rcond=None)[0]  # intercept, slope


def test_06_least_squares_and_its_slope_per_unit_of_x(line_data):
    x_train, X, y, _, _ = line_data
    b0, b1 = lstsq(X, y)
    assert (b0, b1) == pytest.approx((380.0882, 217.8527), abs=1e-4)
    assert np.mean((b0 + b1 * X[:, 0] - y) ** 2) == pytest.approx(39_736.48, abs=0.01)
    # "about 7.57 per unit of x", "about 3.2" for the intercept, fitted on raw x
    raw_intercept, raw_slope = lstsq(x_train, y)
    assert raw_slope == pytest.approx(7.5721, abs=1e-4)
    assert raw_slope == pytest.approx(b1 / x_train.std(), rel=1e-12)
    assert raw_intercept == pytest.approx(3.22, abs=0.005)
    # standard errors with the true noise 200: 0.28 and 16.3; "1.5 such errors"
    n, sd, mean = len(x_train), x_train.std(), x_train.mean()
    slope_error = 200 / (np.sqrt(n) * sd)
    assert slope_error == pytest.approx(0.28, abs=0.005)
    assert 200 * np.sqrt(1 / n + mean**2 / (n * sd**2)) == pytest.approx(16.3, abs=0.05)
    assert (8 - raw_slope) / slope_error == pytest.approx(1.5, abs=0.05)


def test_06_neuron_meets_least_squares_on_test_data(line_data):
    _, X, y, X_test, y_test = line_data
    neuron = ck.Neuron(learning_rate=0.01, n_epochs=100, batch_size=120,
                       random_state=0).fit(X, y)
    assert neuron.coef_[0] == pytest.approx(217.8663, abs=1e-4)
    assert neuron.intercept_ == pytest.approx(380.1505, abs=1e-4)
    b0, b1 = lstsq(X, y)
    test_mse_ols = np.mean((b0 + b1 * X_test[:, 0] - y_test) ** 2)
    test_mse = np.mean((neuron.predict(X_test) - y_test) ** 2)
    assert test_mse_ols == pytest.approx(38_864.4, abs=0.05)
    assert test_mse == pytest.approx(38_862.9, abs=0.05)
    r2 = 1 - test_mse / np.var(y_test)
    assert r2 == pytest.approx(0.5358, abs=1e-4)
    # R² as defined where it is first used: what score returns, 1 - MSE / var(y), 0
    # for a model that always predicts the mean of y
    assert neuron.score(X_test, y_test) == pytest.approx(r2, rel=1e-12)
    assert 1 - np.mean((y_test.mean() - y_test) ** 2) / np.var(y_test) == 0
    # the batches make the loss wiggle only after the decimal point
    last = neuron.history_["loss"].iloc[-5:]
    assert last.max() - last.min() < 1
    # the loss "falls from about 231,000"
    assert neuron.history_["loss"].iloc[0] == pytest.approx(231_457, abs=1)


def test_06_three_batch_sizes_after_100_epochs(line_data):
    _, X, y, _, _ = line_data
    final = {
        size: ck.Neuron(learning_rate=0.01, n_epochs=100, batch_size=size,
                        random_state=0).fit(X, y).history_["loss"].iloc[-1]
        for size in (1, 120, None)
    }
    assert final[1] == pytest.approx(40_263.4, abs=0.05)
    assert final[120] == pytest.approx(39_736.5, abs=0.05)
    assert final[None] == pytest.approx(43_108.4, abs=0.05)


def test_06_each_full_batch_step_multiplies_the_distance_by_one_minus_two_rates(
    line_data,
):
    _, X, y, _, _ = line_data
    b0, b1 = lstsq(X, y)
    # the closed form of section 13: L = (b - mean y)^2 + (w - c)^2 + L_min
    c = np.mean(X[:, 0] * y)
    assert c == pytest.approx(b1, rel=1e-12) and b0 == pytest.approx(y.mean())
    loss_min = np.mean((b0 + b1 * X[:, 0] - y) ** 2)
    assert np.mean(y**2) - y.mean() ** 2 - c**2 == pytest.approx(loss_min, rel=1e-9)
    for rate in (0.001, 0.1, 0.5, 0.8, 0.9, 1.0):
        with warnings.catch_warnings():  # rate 1 bounces: the loss may grow by 1 ulp
            warnings.simplefilter("ignore")
            history = ck.Neuron(learning_rate=rate, n_epochs=5, random_state=0).fit(
                X, y).history_
        gap = history["w0"].to_numpy() - b1
        np.testing.assert_allclose(gap[1:], (1 - 2 * rate) * gap[:-1],
                                   atol=1e-9 * abs(gap[0]))
    losses = [ck.Neuron(learning_rate=rate, n_epochs=100, random_state=0)
              .fit(X, y).history_["loss"] for rate in (0.1, 0.9)]
    np.testing.assert_allclose(losses[0], losses[1], rtol=1e-10)
    # rate 0.001: 82% of the distance left after 100 epochs (0.998^100)
    assert 0.998**100 == pytest.approx(0.82, abs=0.005)


def test_06_rates_above_one_diverge_as_the_factor_predicts(line_data):
    _, X, y, _, _ = line_data
    b0, b1 = lstsq(X, y)
    loss_min = np.mean((b0 + b1 * X[:, 0] - y) ** 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        history = ck.Neuron(learning_rate=1.1, n_epochs=100, random_state=0).fit(
            X, y).history_
    excess = history["loss"].iloc[0] - loss_min
    assert excess == pytest.approx(191_720, abs=1)
    assert history["loss"].iloc[-1] == pytest.approx(1.31497e21, rel=1e-5)
    assert loss_min + excess * 1.44**100 == pytest.approx(1.31497e21, rel=1e-5)
    # rate 3: factor -5, the excess loss times 25 per epoch overflows during 217
    epochs = np.log(np.finfo(float).max / excess) / np.log(25)
    assert epochs == pytest.approx(216.73, abs=0.005)
    with pytest.raises(ck.DivergenceError, match="epoch 217, batch 1"):
        ck.Neuron(learning_rate=3.0, n_epochs=300, random_state=0).fit(X, y)


def test_06_pitfall_1_the_wrong_mse_is_a_sum_of_spreads(line_data):
    _, X, y, _, _ = line_data
    neuron = ck.Neuron(learning_rate=0.01, n_epochs=100, batch_size=120,
                       random_state=0).fit(X, y)
    y_pred = neuron.predict(X)
    every_pair = np.mean(np.subtract.outer(y_pred, y) ** 2)  # loops over n² pairs
    assert every_pair == pytest.approx(134_661.9961, abs=1e-3)
    spread = np.var(y) + np.var(y_pred) + (y.mean() - y_pred.mean()) ** 2
    assert spread == pytest.approx(every_pair, rel=1e-12)
    assert np.mean((y_pred - y) ** 2) == pytest.approx(39_736.4810, abs=1e-3)


def test_06_pitfall_2_derivative_at_z_matches_finite_differences(line_data):
    _, X, y, _, _ = line_data
    X_small = X[:50]
    target = (y[:50, None] > np.median(y)).astype(float)

    def loss(w):
        return np.mean((1 / (1 + np.exp(-(X_small * w - 0.3))) - target) ** 2)

    h = 1e-6
    numeric = (loss(0.8 + h) - loss(0.8 - h)) / (2 * h)
    assert numeric == pytest.approx(-0.0574, abs=5e-5)
    s_x = 1 / (1 + np.exp(-X_small))
    error = 1 / (1 + np.exp(-(X_small * 0.8 - 0.3))) - target
    wrong = 2 / 50 * np.sum(X_small * error * s_x * (1 - s_x))
    assert wrong == pytest.approx(-0.0480, abs=5e-5)


def test_06_the_chain_rule_gradient_at_the_start(line_data):
    _, X, y, _, _ = line_data
    rng = np.random.default_rng(0)
    rng.normal(size=(4, 3)), rng.normal(size=(3, 1))  # the notebook's demo draws
    w = rng.uniform(-1, 1)

    def loss(theta):
        return np.mean((theta[0] * X[:, 0] + theta[1] - y) ** 2)

    h = 1e-3
    grad = [(loss([w + h, 0]) - loss([w - h, 0])) / (2 * h),
            (loss([w, h]) - loss([w, -h])) / (2 * h)]
    assert grad == pytest.approx([-437.0027, -760.1764], abs=1e-4)


def test_06_the_original_courses_other_bugs():
    assert len(range(1, 100)) == 99
    # noise drawn with mean x: 8x + N(x, 200^2) is 9x + N(0, 200^2)
    rng = np.random.default_rng(0)
    x = np.linspace(0, 100, 800)
    y = 8 * x + rng.normal(x, 200)
    assert np.polyfit(x, y, 1)[0] == pytest.approx(8.89, abs=0.005)
    slopes = [np.polyfit(x, 8 * x + np.random.default_rng(s).normal(x, 200), 1)[0]
              for s in range(200)]
    assert np.mean(slopes) == pytest.approx(9, abs=0.05)
    # the sigmoid with and without parentheses around the exponent
    assert 1 / (1 + np.exp(-3.0)) == pytest.approx(0.9526, abs=5e-5)
    assert 1 / (1 + np.exp(-2.0 + 1.0)) == pytest.approx(0.7311, abs=5e-5)


def test_06_exercise_3_rate_limit_for_a_feature_of_standard_deviation_3(line_data):
    _, X, y, _, _ = line_data
    A = np.c_[3 * X, np.ones(len(X))]
    limit = 2 / np.linalg.eigvalsh(2 * A.T @ A / len(A)).max()
    assert limit == pytest.approx(1 / 9, rel=1e-9)
    ck.checks.check_rate_limit(limit)


def test_06_sigmoid_derivative_is_at_most_a_quarter_at_zero():
    sigmoid, sigmoid_prime = ck.activations.ACTIVATIONS["sigmoid"]
    z = np.linspace(-4, 4, 801)
    assert sigmoid_prime(z).max() == pytest.approx(0.25, abs=1e-12)
    assert z[np.argmax(sigmoid_prime(z))] == 0
    h = 1e-6
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    np.testing.assert_allclose(sigmoid_prime(z), numeric, atol=1e-9)


def test_06_how_fast_the_figures_say_each_run_settles(line_data):
    _, X, y, _, _ = line_data
    b0, b1 = lstsq(X, y)
    loss_min = np.mean((b0 + b1 * X[:, 0] - y) ** 2)

    def history(rate, batch_size):
        return ck.Neuron(learning_rate=rate, n_epochs=100, batch_size=batch_size,
                         random_state=0).fit(X, y).history_

    def first_epoch_within(h, column, target, tol):
        """The epoch after which ``column`` stays within ``tol`` (relative)."""
        outside = np.abs(h[column].to_numpy() - target) > tol * abs(target)
        return h["epoch"].iloc[np.flatnonzero(outside).max() + 1]

    # section 8: w0 and the bias reach least squares "in the first half of training"
    mini = history(0.01, 120)
    assert first_epoch_within(mini, "w0", b1, 0.01) <= 50
    assert first_epoch_within(mini, "bias", b0, 0.01) <= 50
    # section 12: SGD is at the bottom within the first epoch, then jitters above it;
    # mini-batches reach it "within a few dozen epochs"; the full batch is still above
    sgd = history(0.01, 1)
    assert sgd.loc[sgd["epoch"] == 1, "loss"].iloc[-1] < 1.02 * loss_min
    assert sgd.loc[sgd["epoch"] >= 1, "loss"].min() > loss_min
    assert first_epoch_within(mini, "loss", loss_min, 0.01) < 40
    assert history(0.01, None)["loss"].iloc[-1] > 1.08 * loss_min
    # section 13's figure: 0.5 in one step, 0.8 in a few epochs, 0.1 more slowly
    settle = {rate: first_epoch_within(history(rate, None), "loss", loss_min, 0.01)
              for rate in (0.1, 0.5, 0.8)}
    assert settle[0.5] == 1 and settle[0.8] <= 8 and settle[0.1] > settle[0.8]


def test_06_mini_batch_neuron_lands_on_least_squares():
    x, y = ck.datasets.make_linear_data(800, slope=8.0, noise=200.0, random_state=0)
    x_train, _, y_train, _ = train_test_split(x[:, None], y, test_size=0.25,
                                              random_state=0)
    X = StandardScaler().fit_transform(x_train)
    ols = LinearRegression().fit(X, y_train)
    neuron = ck.Neuron(learning_rate=0.01, n_epochs=100, batch_size=120,
                       random_state=0).fit(X, y_train)
    assert len(neuron.history_) == 1 + 100 * 5
    assert neuron.coef_[0] == pytest.approx(ols.coef_[0], abs=1.0)
    assert neuron.intercept_ == pytest.approx(ols.intercept_, abs=1.0)
    # notebook 06: full batch diverges above rate 1 on standardised x (Hessian 2 I)
    with pytest.raises(ck.DivergenceError, match="epoch 217, batch 1"):
        ck.Neuron(learning_rate=3.0, n_epochs=300, random_state=0).fit(X, y_train)


def test_06_relative_error_of_the_gradient_check(line_data):
    """The chain rule's gradient at the start is within 1e-7 of central differences;
    dropping the 2 of the square puts it at a relative error of exactly one half."""
    _, X, y, _, _ = line_data
    rng = np.random.default_rng(0)
    rng.normal(size=(4, 3)), rng.normal(size=(3, 1))  # the notebook's demo draws
    w = rng.uniform(-1, 1)
    residual = w * X[:, 0] - y
    analytic = [2 * np.mean(residual * X[:, 0]), 2 * np.mean(residual)]

    def loss(theta):
        return np.mean((theta[0] * X[:, 0] + theta[1] - y) ** 2)

    h = 1e-4
    numeric = [(loss([w + h, 0]) - loss([w - h, 0])) / (2 * h),
               (loss([w, h]) - loss([w, -h])) / (2 * h)]
    for a, n in zip(analytic, numeric, strict=True):
        assert abs(a - n) / max(abs(a), abs(n)) < 1e-7
    half = analytic[0] / 2
    assert f"{abs(half - numeric[0]) / max(abs(half), abs(numeric[0])):.4f}" == "0.5000"


def test_06_float32_rounding_alone_fails_the_gradient_check(line_data):
    """"in float32, rounding alone puts even the right dL/dw at a relative error of
    about 0.07 here, with h = 1e-4"."""
    _, X, y, _, _ = line_data
    rng = np.random.default_rng(0)
    rng.normal(size=(4, 3)), rng.normal(size=(3, 1))  # the notebook's demo draws
    x32, y32 = X[:, 0].astype(np.float32), y.astype(np.float32)
    w, h = np.float32(rng.uniform(-1, 1)), np.float32(1e-4)

    def loss(weight):
        return np.mean((weight * x32 - y32) ** 2)

    analytic = 2 * np.mean((w * x32 - y32) * x32)
    numeric = (loss(w + h) - loss(w - h)) / (2 * h)
    error = abs(analytic - numeric) / max(abs(analytic), abs(numeric))
    assert round(float(error), 2) == 0.07
