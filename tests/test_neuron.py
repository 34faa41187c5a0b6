import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import check_estimator

from coursekit import DivergenceError, Neuron, NeuronClassifier
from coursekit.activations import ACTIVATIONS
from tests.helpers import central_difference


def direct_mse(X, y, coef, intercept, activation="linear"):
    g, _ = ACTIVATIONS[activation]
    return float(np.mean((g(X @ coef + intercept) - y) ** 2))


def test_passes_every_scikit_learn_estimator_check():
    results = check_estimator(Neuron(), on_fail=None)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    skipped = {r["check_name"] for r in results if r["status"] == "skipped"}
    assert failed == []
    # scikit-learn itself skips its array-API check unless SCIPY_ARRAY_API is set.
    assert skipped <= {"check_array_api_input"}
    assert len(results) - len(skipped) >= 50


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_one_update_follows_the_finite_difference_gradient(
    activation, regression_data
):
    """A full-batch step is theta - rate * gradient, checked numerically."""
    X, y = regression_data
    y = np.tanh(y / 4) if activation in ("sigmoid", "tanh") else y
    coef0, b0 = np.array([0.3, -0.2, 0.1]), 0.05
    rate = 0.1
    neuron = Neuron(activation, learning_rate=rate, n_epochs=1, shuffle=False)
    neuron.fit(X, y, coef_init=coef0, intercept_init=b0)

    theta0 = np.append(coef0, b0)
    gradient = central_difference(
        lambda t: direct_mse(X, y, t[:-1], t[-1], activation), theta0
    )
    expected = theta0 - rate * gradient
    np.testing.assert_allclose(neuron.coef_, expected[:-1], rtol=1e-6, atol=1e-9)
    assert neuron.intercept_ == pytest.approx(expected[-1], rel=1e-6, abs=1e-9)


def test_linear_full_batch_reaches_least_squares(regression_data):
    X, y = regression_data
    neuron = Neuron(n_epochs=500, random_state=0).fit(X, y)
    solution = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
    np.testing.assert_allclose(neuron.coef_, solution[:-1], rtol=1e-6)
    assert neuron.intercept_ == pytest.approx(solution[-1], rel=1e-6)
    assert neuron.score(X, y) == pytest.approx(LinearRegression().fit(X, y).score(X, y))


def test_mini_batches_match_a_plain_loop(regression_data):
    """shuffle=False: consecutive batches, the last one smaller, averaged gradients."""
    X, y = regression_data
    rate, size, coef, b = 0.05, 64, np.zeros(3), 0.0
    neuron = Neuron(learning_rate=rate, n_epochs=3, batch_size=size, shuffle=False)
    neuron.fit(X, y, coef_init=coef, intercept_init=b)
    rows = []
    for _ in range(3):
        for start in range(0, len(X), size):
            Xb, yb = X[start : start + size], y[start : start + size]
            error = Xb @ coef + b - yb
            coef = coef - rate * 2 * Xb.T @ error / len(yb)
            b = b - rate * 2 * error.mean()
            rows.append([*coef, b])
    np.testing.assert_allclose(neuron.history_.iloc[1:, 2:-1], rows, rtol=1e-12)


def test_shuffled_mini_batches_match_a_plain_loop(regression_data):
    """The neuron's updates equal a plain loop over each epoch's permuted batches."""
    X, y = regression_data
    rate, size, coef, b = 0.05, 64, np.zeros(3), 0.0
    neuron = Neuron(learning_rate=rate, n_epochs=4, batch_size=size, random_state=9)
    neuron.fit(X, y, coef_init=coef, intercept_init=b)
    rng, rows = np.random.default_rng(9), []
    for _ in range(4):
        permutation = rng.permutation(len(X))
        for start in range(0, len(X), size):
            batch = permutation[start : start + size]
            error = X[batch] @ coef + b - y[batch]
            coef = coef - rate * 2 * X[batch].T @ error / len(batch)
            b = b - rate * 2 * error.mean()
            rows.append([*coef, b])
    np.testing.assert_allclose(neuron.history_.iloc[1:, 2:-1], rows, rtol=1e-12)


def test_history_rows_hold_parameters_with_their_own_loss(regression_data):
    X, y = regression_data
    coef0 = np.array([0.1, 0.2, 0.3])
    neuron = Neuron(learning_rate=0.02, n_epochs=7, batch_size=50, random_state=3)
    neuron.fit(X, y, coef_init=coef0, intercept_init=-1.0)
    history = neuron.history_
    assert list(history.columns) == [
        "epoch", "batch", "w0", "w1", "w2", "bias", "loss"
    ]
    assert len(history) == 1 + 7 * 4
    assert history["epoch"].tolist() == [0] + [e for e in range(1, 8) for _ in range(4)]
    assert history["batch"].tolist() == [0] + [1, 2, 3, 4] * 7
    first = history.loc[0, ["w0", "w1", "w2", "bias"]]
    np.testing.assert_array_equal(first, [*coef0, -1])
    for _, row in history.iterrows():
        coef = row[["w0", "w1", "w2"]].to_numpy(dtype=float)
        expected = direct_mse(X, y, coef, row["bias"])
        assert row["loss"] == pytest.approx(expected, rel=1e-9)
    last = history.iloc[-1]
    np.testing.assert_array_equal(neuron.coef_, last[["w0", "w1", "w2"]].to_numpy())
    assert neuron.intercept_ == last["bias"]


def test_history_loss_is_exact_for_unscaled_data():
    """Large means and scales: the O(p**2) loss still equals a direct pass."""
    rng = np.random.default_rng(5)
    X = rng.normal(loc=[1000.0, -50.0], scale=[30.0, 0.5], size=(300, 2))
    y = X @ [0.3, 4.0] + 7 + rng.normal(size=300)
    neuron = Neuron(n_epochs=20, batch_size=32, random_state=0).fit(X, y)
    for _, row in neuron.history_.iloc[::17].iterrows():
        expected = direct_mse(X, y, row[["w0", "w1"]].to_numpy(float), row["bias"])
        assert row["loss"] == pytest.approx(expected, rel=1e-9)


def test_sigmoid_history_loss(regression_data):
    X, y = regression_data
    y = (y > 3).astype(float)
    neuron = Neuron("sigmoid", learning_rate=0.5, n_epochs=3, batch_size=100,
                    random_state=0).fit(X, y)
    for _, row in neuron.history_.iterrows():
        coef = row[["w0", "w1", "w2"]].to_numpy(dtype=float)
        expected = direct_mse(X, y, coef, row["bias"], "sigmoid")
        assert row["loss"] == pytest.approx(expected, rel=1e-12)


def test_same_random_state_same_history(regression_data):
    X, y = regression_data
    make = lambda seed: Neuron(n_epochs=5, batch_size=16, random_state=seed)  # noqa: E731
    first = make(7).fit(X, y).history_
    pd.testing.assert_frame_equal(first, make(7).fit(X, y).history_)
    assert not first.equals(make(8).fit(X, y).history_)


def test_every_sample_is_used_once_per_epoch():
    """With shuffling, each epoch's batches hold every row exactly once.

    X is all zeros and y[i] = 2**i, so one step at rate 1/2 sets the bias to the
    mean of the batch's targets: times the batch's size, a sum whose binary digits
    name the batch's rows.
    """
    X, y = np.zeros((10, 1)), 2.0 ** np.arange(10)
    neuron = Neuron(learning_rate=0.5, n_epochs=3, batch_size=3, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        neuron.fit(X, y, coef_init=[0.0], intercept_init=0.0)
    history = neuron.history_
    assert len(history) == 1 + 3 * 4  # batches of 3, 3, 3 and 1
    orders = []
    for epoch in (1, 2, 3):
        steps = history[history["epoch"] == epoch]
        sums = np.rint(steps["bias"].to_numpy() * [3, 3, 3, 1]).astype(int)
        batches = [[i for i in range(10) if s >> i & 1] for s in sums]
        assert [len(rows) for rows in batches] == [3, 3, 3, 1]
        orders.append([i for rows in batches for i in rows])
        assert sorted(orders[-1]) == list(range(10))
    assert orders[0] != orders[1] != orders[2]  # a fresh order each epoch


def test_auto_learning_rate_is_one_over_the_hessians_largest_eigenvalue():
    rng = np.random.default_rng(0)
    X = rng.normal(loc=3.0, scale=[1.0, 10.0], size=(80, 2))
    y = rng.normal(size=80)
    neuron = Neuron(n_epochs=1).fit(X, y)
    A = np.c_[X, np.ones(80)]
    largest = np.linalg.eigvalsh(2 * A.T @ A / 80).max()
    assert neuron.learning_rate_ == pytest.approx(1 / largest, rel=1e-10)


def test_auto_rate_trains_unscaled_data_without_diverging():
    rng = np.random.default_rng(1)
    X = rng.uniform(0, 100, size=(100, 1))
    y = 8 * X[:, 0] + rng.normal(scale=50, size=100)
    neuron = Neuron(n_epochs=100, batch_size=20, random_state=0).fit(X, y)
    assert np.isfinite(neuron.history_["loss"]).all()
    assert neuron.history_["loss"].iloc[-1] < neuron.history_["loss"].iloc[0]


def test_feature_names_name_the_weights(regression_data):
    X, y = regression_data
    frame = pd.DataFrame(X, columns=["age", "bmi", "bp"])
    neuron = Neuron(n_epochs=2, random_state=0).fit(frame, y)
    assert list(neuron.feature_names_in_) == ["age", "bmi", "bp"]
    assert list(neuron.history_.columns) == [
        "epoch", "batch", "age", "bmi", "bp", "bias", "loss"
    ]


def test_feature_names_that_clash_with_history_columns(regression_data):
    X, y = regression_data
    frame = pd.DataFrame(X, columns=["age", "loss", "bp"])
    with pytest.raises(ValueError, match=r"\['loss'\] clash .* Rename"):
        Neuron(n_epochs=1).fit(frame, y)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"activation": "softmax"}, "activation must be one of 'linear', 'sigmoid'"),
        ({"learning_rate": 0.0}, "learning_rate must be a positive number or 'auto'"),
        ({"learning_rate": -1}, "learning_rate must be a positive number"),
        ({"learning_rate": "fast"}, "learning_rate must be a positive number"),
        ({"learning_rate": float("nan")}, "learning_rate must be a positive number"),
        ({"n_epochs": 0}, "n_epochs must be an integer >= 1; got 0"),
        ({"n_epochs": 2.5}, "n_epochs must be an integer >= 1"),
        ({"batch_size": 0}, "batch_size must be an integer >= 1 or None; got 0"),
        ({"shuffle": "yes"}, "shuffle must be True or False"),
    ],
)
def test_invalid_parameters_are_named(params, message, regression_data):
    X, y = regression_data
    with pytest.raises(ValueError, match=message):
        Neuron(**params).fit(X, y)


def test_bad_data_gets_a_message_that_says_what_to_do(regression_data):
    X, y = regression_data
    with pytest.raises(ValueError, match=r"(?s)Expected 2D array.*reshape\(-1, 1\)"):
        Neuron().fit(X[:, 0], y)
    with pytest.raises(ValueError, match="NaN"):
        Neuron().fit(np.where(X > 2, np.nan, X), y)
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        Neuron().fit(X, y[:-1])
    neuron = Neuron(n_epochs=1).fit(X, y)
    with pytest.raises(ValueError, match="X has 2 features, but Neuron is expecting 3"):
        neuron.predict(X[:, :2])
    with pytest.raises(ValueError, match=r"coef_init must be shape \(3,\); got shape"):
        Neuron().fit(X, y, coef_init=np.zeros((3, 1)))
    with pytest.raises(ValueError, match="intercept_init must be a single number"):
        Neuron().fit(X, y, intercept_init=[1.0, 2.0])


def test_batch_larger_than_the_data_warns(regression_data):
    X, y = regression_data
    with pytest.warns(UserWarning, match="batch_size=500 is larger than the 200"):
        neuron = Neuron(batch_size=500, n_epochs=2).fit(X, y)
    assert len(neuron.history_) == 3


def test_divergence_stops_with_a_clear_error_and_keeps_the_history():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 100, size=(50, 1))
    y = 8 * X[:, 0]
    neuron = Neuron(learning_rate=0.01, n_epochs=500, batch_size=10, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning from overflow either
        with pytest.raises(DivergenceError, match=(
            r"diverged at epoch \d+, batch \d \(learning_rate=0\.01\).*"
            r"Standardise.*smaller learning_rate")):
            neuron.fit(X, y)
    history = neuron.history_
    assert len(history) > 1
    assert np.isfinite(history.to_numpy()).all()
    assert not hasattr(neuron, "coef_")
    with pytest.raises(Exception, match="not fitted"):
        neuron.predict(X)


def test_a_loss_that_grows_but_stays_finite_warns(regression_data):
    X, y = regression_data
    with pytest.warns(ConvergenceWarning, match=r"loss grew from .* too large"):
        neuron = Neuron(learning_rate=1.2, n_epochs=20, random_state=0).fit(X, y)
    assert neuron.history_["loss"].iloc[-1] > neuron.history_["loss"].iloc[0]


def test_predict_shape_and_pipeline_tools(regression_data):
    X, y = regression_data
    model = make_pipeline(StandardScaler(), Neuron(n_epochs=50, random_state=0))
    assert model.fit(X, y).predict(X).shape == (200,)
    scores = cross_val_score(model, X, y, cv=3)
    assert scores.min() > 0.9
    search = GridSearchCV(
        Neuron(n_epochs=20, random_state=0), {"learning_rate": [0.001, 0.1]}, cv=3
    ).fit(X, y)
    assert search.best_params_ == {"learning_rate": 0.1}
    copy = clone(Neuron(learning_rate=0.3, batch_size=8))
    assert copy.get_params()["learning_rate"] == 0.3
    assert not hasattr(copy, "coef_")


def test_fit_returns_self_and_refitting_resets(regression_data):
    X, y = regression_data
    neuron = Neuron(n_epochs=2, random_state=0)
    assert neuron.fit(X, y) is neuron
    neuron.set_params(n_epochs=3).fit(X, y)
    assert len(neuron.history_) == 4
    assert neuron.n_iter_ == 3


@pytest.mark.parametrize("estimator", [
    Neuron(), NeuronClassifier(),  # the Gram matrix checks X
    Neuron(activation="tanh", learning_rate=0.01),  # scikit-learn checks X first
    NeuronClassifier(learning_rate=0.01)])
@pytest.mark.parametrize("bad, message", [(np.nan, "Input X contains NaN"),
                                          (-np.inf, "Input X contains infinity")])
def test_fit_names_a_nan_or_an_infinity_in_x(estimator, bad, message):
    X = np.arange(20.0).reshape(10, 2)
    X[3, 1] = bad
    with pytest.raises(ValueError, match=message):
        clone(estimator).fit(X, np.arange(10) % 2)


@pytest.mark.parametrize("estimator", [Neuron(), NeuronClassifier()])
def test_fit_refuses_features_whose_squares_overflow(estimator):
    X = np.arange(20.0).reshape(10, 2)
    X[3, 1] = 1e200
    with pytest.raises(ValueError, match="squares overflow .*StandardScaler"):
        clone(estimator).fit(X, np.arange(10) % 2)
