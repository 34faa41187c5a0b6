import matplotlib
import numpy as np
import pytest
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import coursekit as ck

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


@pytest.fixture(scope="session")
def diabetes_train():
    """Notebooks 07 and 08's standardised diabetes training split, as arrays."""
    X, y = ck.datasets.load_diabetes()
    X_train, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    return StandardScaler().fit_transform(X_train), y_train.to_numpy()


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for one test module (tests/browser.py), closed after it."""
    from tests.browser import Browser

    chromium = Browser()
    yield chromium
    chromium.close()
