import matplotlib
import numpy as np
import pytest

# Unit tests draw off-screen. (Notebook kernels are other processes: unaffected.)
matplotlib.use("Agg")

# pytest-xdist (make test: --dist loadscope) hands each worker a whole module or
# notebook, in the order collected (see pytest_configure), as the worker frees up.
# Giving out the longest first (measured on a two-core machine, in seconds of one
# worker), then the other notebooks (2-5 s each), leaves the many short tests to even
# out the end, instead of one worker finishing a long module alone.
LONGEST_FIRST = [
    "tests/test_site.py",  # 25: every page of the website, axe-core on each
    "tests/test_slides.py",  # 22: every deck, every slide measured
    "tests/test_nbgrader_course.py",  # nbgrader: generate, autograde 3, feedback
    "tests/test_student_edition.py",  # 19: nbgrader generates every notebook
    "tests/test_live.py",  # 11: JupyterLab and RISE
    "notebooks/solutions/08_keras.ipynb",  # 9
    "tests/test_course_claims/test_08_keras.py",  # 6
    "tests/test_checks_keras_neuron.py",  # 5
]


def pytest_configure(config):
    # Without this, --dist loadscope hands out the modules by their number of tests.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(session, config, items):
    def rank(item):
        path = item.nodeid.split("::")[0]
        if path in LONGEST_FIRST:
            return LONGEST_FIRST.index(path)
        return len(LONGEST_FIRST) + (not path.startswith("notebooks/"))

    items.sort(key=rank)  # stable: within a rank, the collected order
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
    # Imported here: pytest's main process reads this file before it starts the
    # workers, and needs neither.
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    import coursekit as ck

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
