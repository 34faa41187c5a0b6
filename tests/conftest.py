import matplotlib
import numpy as np
import pytest

# Unit tests draw off-screen. (Notebook kernels are other processes: unaffected.)
matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def regression_data():
    """200 x 3 standardised features, a known line plus noise."""
    rng = np.random.default_rng(42)
    X = rng.normal(size=(200, 3))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = X @ np.array([1.5, -2.0, 0.5]) + 3.0 + rng.normal(scale=0.3, size=200)
    return X, y
