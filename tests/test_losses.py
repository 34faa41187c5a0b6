import numpy as np
import pytest
from sklearn.metrics import mean_squared_error

from coursekit.losses import mse, mse_gradient
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

