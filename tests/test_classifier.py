"""NeuronClassifier: logistic regression by gradient descent, checked two ways."""

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import check_estimator

import coursekit as ck
from coursekit import NeuronClassifier
from coursekit.activations import sigmoid
from tests.helpers import central_difference


@pytest.fixture(scope="module")
def overlapping():
    """300 points of two overlapping Gaussian clouds: no line separates them."""
    rng = np.random.default_rng(3)
    X = np.vstack([rng.normal([-0.5, 0.2], 1.0, size=(150, 2)),
                   rng.normal([0.7, -0.4], 1.0, size=(150, 2))])
    y = np.repeat([0, 1], 150)
    return X, y


def test_passes_every_scikit_learn_estimator_check_that_applies():
    results = check_estimator(NeuronClassifier(), on_fail=None)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    skipped = {r["check_name"] for r in results if r["status"] == "skipped"}
    assert failed == []
    assert skipped <= {"check_array_api_input"}
    names = {r["check_name"] for r in results}
    # Two classes only, declared by the tags: scikit-learn then checks the refusal.
    assert "check_classifier_not_supporting_multiclass" in names
    assert len(results) - len(skipped) >= 50


def test_one_update_follows_the_finite_difference_gradient(overlapping):
    X, y = overlapping
    coef0, intercept0, rate = np.array([0.3, -0.2]), 0.1, 0.5
    clf = NeuronClassifier(learning_rate=rate, n_epochs=1).fit(
        X, y, coef_init=coef0, intercept_init=intercept0)

    def loss(theta):
        return ck.losses.logistic_loss(y.astype(float), X @ theta[:-1] + theta[-1])

    gradient = central_difference(loss, np.append(coef0, intercept0))
    expected = np.append(coef0, intercept0) - rate * gradient
    np.testing.assert_allclose(np.append(clf.coef_, clf.intercept_), expected,
                               rtol=1e-7, atol=1e-9)


def test_full_batch_descent_converges_to_unpenalised_logistic_regression():
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X[:, [0, 1, 4]])  # radius, texture, smoothness
    reference = LogisticRegression(C=np.inf, solver="lbfgs", tol=1e-12,
                                   max_iter=10_000).fit(X, y)
    clf = NeuronClassifier(n_epochs=20_000, random_state=0).fit(X, y)
    np.testing.assert_allclose(clf.coef_, reference.coef_[0], atol=1e-4)
    assert clf.intercept_ == pytest.approx(reference.intercept_[0], abs=1e-4)
    assert clf.score(X, y) == reference.score(X, y)


def test_probabilities_agree_with_the_decision_function(overlapping):
    X, y = overlapping
    clf = NeuronClassifier(n_epochs=50, random_state=0).fit(X, y)
    z = clf.decision_function(X)
    proba = clf.predict_proba(X)
    assert proba.shape == (len(X), 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_allclose(proba[:, 1], sigmoid(z))
    np.testing.assert_array_equal(clf.predict(X), clf.classes_[(z > 0).astype(int)])
    np.testing.assert_allclose(z, X @ clf.coef_ + clf.intercept_)


def test_string_labels_round_trip(overlapping):
    X, y = overlapping
    labels = np.where(y == 1, "malignant", "benign")
    clf = NeuronClassifier(n_epochs=50, random_state=0).fit(X, labels)
    assert clf.classes_.tolist() == ["benign", "malignant"]
    numeric = NeuronClassifier(n_epochs=50, random_state=0).fit(X, y)
    np.testing.assert_array_equal(clf.predict(X),
                                  np.where(numeric.predict(X) == 1, "malignant",
                                           "benign"))
    # predict_proba's second column is the probability of classes_[1]
    np.testing.assert_allclose(clf.predict_proba(X), numeric.predict_proba(X))


def test_history_loss_is_the_log_loss_of_each_rows_parameters(overlapping):
    X, y = overlapping
    clf = NeuronClassifier(n_epochs=20, batch_size=64, random_state=0).fit(X, y)
    history = clf.history_
    assert list(history.columns) == ["epoch", "batch", "w0", "w1", "bias", "loss"]
    assert len(history) == 1 + 20 * 5
    for row in (0, 7, len(history) - 1):
        w = history.loc[row, ["w0", "w1"]].to_numpy(dtype=float)
        p = sigmoid(X @ w + history.loc[row, "bias"])
        assert history.loc[row, "loss"] == pytest.approx(log_loss(y, p), rel=1e-10)
    np.testing.assert_allclose(history.iloc[-1][["w0", "w1"]], clf.coef_)


def test_auto_learning_rate_comes_from_the_log_loss_curvature_bound(overlapping):
    X, y = overlapping
    clf = NeuronClassifier(n_epochs=1).fit(X, y)
    A = np.c_[X, np.ones(len(X))]
    bound = np.linalg.eigvalsh(A.T @ A / (4 * len(X))).max()
    assert clf.learning_rate_ == pytest.approx(1 / bound, rel=1e-10)


def test_a_saturated_neuron_has_a_large_finite_loss_not_log_zero():
    X = np.array([[-1.0], [1.0]])
    y = np.array([1, 0])  # the start below classifies both wrongly, very confidently
    clf = NeuronClassifier(learning_rate=1e-6, n_epochs=1).fit(
        X, y, coef_init=[800.0], intercept_init=0.0)
    assert clf.history_["loss"].iloc[0] == pytest.approx(800.0)


def test_in_a_pipeline_and_a_grid_search(overlapping):
    X, y = overlapping
    search = GridSearchCV(
        make_pipeline(StandardScaler(), NeuronClassifier(n_epochs=30, random_state=0)),
        {"neuronclassifier__learning_rate": [0.01, "auto"]}, cv=3,
    ).fit(X * 100 + 5, y)
    assert search.best_params_ == {"neuronclassifier__learning_rate": "auto"}
    assert search.best_score_ > 0.6


@pytest.mark.parametrize("labels, count", [([0, 1, 2] * 4, 3), ([1] * 12, 1)])
def test_anything_but_two_classes_is_refused_with_a_way_out(labels, count):
    X = np.arange(12.0).reshape(-1, 1)
    with pytest.raises(ValueError, match=(
            rf"Only binary classification is supported: .* y has {count} class.*"
            r"OneVsRestClassifier")):
        NeuronClassifier().fit(X, labels)


def test_feature_names_name_the_history_columns():
    X = pd.DataFrame({"radius": [1.0, 2.0, 3.0, 4.0], "texture": [1.0, 0.0, 1.0, 0.0]})
    clf = NeuronClassifier(n_epochs=2, random_state=0).fit(X, [0, 0, 1, 1])
    assert list(clf.history_.columns[2:4]) == ["radius", "texture"]


def test_divergence_raises_and_keeps_the_history():
    X = np.array([[1e154], [-1e154]])
    with pytest.raises(ck.DivergenceError, match=r"NeuronClassifier\(\)"):
        NeuronClassifier(learning_rate=1e10, n_epochs=5).fit(
            X, [0, 1], coef_init=[1.0], intercept_init=0.0)
