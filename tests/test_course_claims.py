"""What notebooks 06 and 07 claim about the neuron, asserted outside the notebooks.

nbval checks that the notebooks print the same as when they were stored; these tests
check that what they print is true, computed independently of the notebook code.
"""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import coursekit as ck


def test_07_neuron_reaches_ols_within_what_the_notebook_claims(diabetes_train):
    X, y = diabetes_train
    ols = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
    neuron = ck.Neuron(learning_rate=0.1, n_epochs=10_000, random_state=0).fit(X, y)
    assert np.abs(neuron.coef_ - ols[:-1]).max() < 1e-6
    assert abs(neuron.intercept_ - ols[-1]) < 1e-6
    # "every weight within 0.001 of OLS" after about 5,500 epochs; the loss much sooner
    weights = neuron.history_.iloc[:, 2:-2].to_numpy()
    gap = np.abs(weights - ols[:-1]).max(axis=1)
    assert 5_000 < np.argmax(gap < 1e-3) < 6_000
    loss_min = np.mean((np.c_[X, np.ones(len(X))] @ ols - y) ** 2)
    excess = (neuron.history_["loss"].to_numpy() - loss_min) / loss_min
    assert np.argmax(excess < 0.01) < 30


def test_07_largest_stable_rate_and_the_rates_either_side(diabetes_train):
    X, y = diabetes_train
    A = np.c_[X, np.ones(len(X))]
    largest_stable = 2 / np.linalg.eigvalsh(2 * A.T @ A / len(A)).max()
    assert largest_stable == pytest.approx(0.2413, abs=1e-4)
    assert 0.23 < largest_stable < 0.25
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        below = ck.Neuron(learning_rate=0.23, n_epochs=300, random_state=0).fit(X, y)
    assert below.history_["loss"].iloc[-1] < below.history_["loss"].iloc[0]
    with pytest.warns(ConvergenceWarning, match="loss grew"):
        ck.Neuron(learning_rate=0.25, n_epochs=300, random_state=0).fit(X, y)
    auto = ck.Neuron(n_epochs=1).fit(X, y)
    assert auto.learning_rate_ == pytest.approx(largest_stable / 2, rel=1e-10)


def test_07_eigenvalues_of_the_standardised_features(diabetes_train):
    X, _ = diabetes_train
    eigenvalues = np.linalg.eigvalsh(X.T @ X / len(X))
    assert eigenvalues.min() == pytest.approx(0.0094, abs=1e-4)
    assert eigenvalues.max() == pytest.approx(4.1443, abs=1e-4)


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
