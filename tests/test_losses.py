import numpy as np
import pytest
from sklearn.metrics import mean_squared_error

from coursekit.descent import gram
from coursekit.losses import LinearMSE, mse, mse_gradient
from tests.helpers import central_difference


def test_mse_matches_scikit_learn():
    rng = np.random.default_rng(0)
    y, y_pred = rng.normal(size=50), rng.normal(size=50)
    assert mse(y, y_pred) == pytest.approx(mean_squared_error(y, y_pred), rel=1e-12)


def test_mse_refuses_the_broadcasting_trap():
    """(n,) against (n, 1) broadcasts to (n, n): the original course's bug."""
    y = np.arange(4.0)
    with pytest.raises(ValueError, match=r"got \(4,\) and \(4, 1\).*shape \(4, 4\)"):
        mse(y, y[:, None])


def test_mse_refuses_shapes_that_cannot_broadcast():
    with pytest.raises(ValueError, match=r"would fail.*ravel"):
        mse(np.ones(3), np.ones(4))


def test_mse_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        mse([], [])


def test_gradient_matches_central_differences():
    rng = np.random.default_rng(1)
    y, y_pred = rng.normal(size=7), rng.normal(size=7)
    numeric = central_difference(lambda p: mse(y, p), y_pred)
    np.testing.assert_allclose(mse_gradient(y, y_pred), numeric, rtol=1e-6)


@pytest.mark.parametrize("scale", [1.0, 1e4])
def test_linear_mse_matches_a_pass_over_the_data(scale):
    rng = np.random.default_rng(2)
    X = rng.normal(loc=scale, scale=[1.0, 3.0, 0.1], size=(500, 3))
    X[:, 2] = X[:, 0] + 1e-6 * rng.normal(size=500)  # nearly collinear columns
    y = X @ [1.0, -2.0, 0.5] + rng.normal(size=500)
    coef = rng.normal(size=(20, 3))
    intercept = rng.normal(size=20)
    expected = [mse(y, X @ w + b) for w, b in zip(coef, intercept, strict=True)]
    np.testing.assert_allclose(LinearMSE(X, y)(coef, intercept), expected, rtol=1e-9)


def test_linear_mse_is_exact_at_a_perfect_fit():
    X = np.arange(12.0).reshape(6, 2)
    y = X @ [2.0, -1.0] + 3.0
    value = LinearMSE(X, y)(np.array([[2.0, -1.0]]), np.array([3.0]))
    assert value[0] >= 0 and value[0] < 1e-20


@pytest.mark.parametrize("offset", [0.0, 50.0, 1e5])
def test_linear_mse_from_the_gram_of_x_with_ones_matches_a_pass(offset):
    """The moments from the Gram matrix of A = [X, 1] equal a direct pass; with
    means far from the spread (offset 1e5) it falls back to the centred computation."""
    rng = np.random.default_rng(4)
    X = rng.normal(loc=offset, scale=[1.0, 3.0], size=(400, 2))
    y = X @ [1.5, -0.5] + 2.0 + rng.normal(size=400)
    A = np.c_[X, np.ones(len(X))]
    np.testing.assert_allclose(gram(X), A.T @ A / len(A), rtol=1e-12)
    moments = LinearMSE.from_gram(X, y, gram(X))
    coef, intercept = rng.normal(size=(10, 2)), rng.normal(size=10)
    expected = [mse(y, X @ w + b) for w, b in zip(coef, intercept, strict=True)]
    np.testing.assert_allclose(moments(coef, intercept), expected, rtol=1e-9)
    np.testing.assert_allclose(moments.cov, np.cov(X.T, bias=True), rtol=1e-9)


@pytest.mark.parametrize("layout", ["C", "F", "strided"])
def test_gram_of_x_with_ones_in_any_memory_layout(layout):
    rng = np.random.default_rng(5)
    X = rng.normal(loc=2.0, size=(300, 6))
    X = {"C": X, "F": np.asfortranarray(X), "strided": X[::2, ::2]}[layout]
    A = np.c_[X, np.ones(len(X))]
    np.testing.assert_allclose(gram(X), A.T @ A / len(A), rtol=1e-12)
    assert np.array_equal(gram(X), gram(X).T)
