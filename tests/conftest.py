import matplotlib
import numpy as np
import pytest

from tests.helpers import diabetes_split

# Unit tests draw off-screen. (Notebook kernels are other processes: unaffected.)
matplotlib.use("Agg")

# pytest-xdist (make test: --dist loadscope) hands each worker a whole module or
# notebook, in the order collected (see pytest_configure), as the worker frees up.
# The long ones go first, so that the many short modules even out the end instead of
# one worker finishing a long module alone. Long, by kind of work unit:
#   0. modules that drive a browser (they use the `browser` fixture);
#   1. notebooks, most cells first (each cell runs in a kernel);
#   2. modules that start other programs or compile with JAX (they use
#      subprocess, nbclient or keras);
#   3. the rest.
# Within a kind, units keep their collected order.
STARTS_PROGRAMS = {"subprocess", "nbclient", "keras"}


def packages_used(module):
    """The top-level packages of the names a test module imports."""
    return {(getattr(value, "__module__", None) or getattr(value, "__name__", "")
             ).split(".")[0] for value in vars(module).values()}


def unit_kind(items):
    """The kind (0 to 3, above) of one work unit, from its test items."""
    if any("browser" in getattr(item, "fixturenames", ()) for item in items):
        return 0
    if items[0].nodeid.startswith("notebooks/"):
        return 1
    module = getattr(items[0], "module", None)
    return 2 if module and STARTS_PROGRAMS & packages_used(module) else 3


def pytest_configure(config):
    # Without this, --dist loadscope hands out the modules by their number of tests.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(session, config, items):
    units = {}
    for item in items:
        units.setdefault(item.nodeid.split("::")[0], []).append(item)
    rank = {path: (unit_kind(unit), -len(unit) if unit_kind(unit) == 1 else 0)
            for path, unit in units.items()}
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])  # stable
    # `pytest -m browser`: the checks that need a browser (tests/test_newcomer.py).
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker("browser")


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
    _, X_train, y_train, _, _ = diabetes_split()
    return X_train, y_train


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for one test module (tests/browser.py), closed after it."""
    from tests.browser import Browser

    chromium = Browser()
    yield chromium
    chromium.close()
