"""Helpers shared by the tests."""

import functools
import hashlib
import shutil
from pathlib import Path

import numpy as np


def central_difference(f, x, h=1e-6):
    """Gradient of the scalar function f at x by central finite differences."""
    x = np.asarray(x, dtype=float)
    gradient = np.empty_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        gradient.flat[i] = (f(x + step) - f(x - step)) / (2 * h)
    return gradient


@functools.cache
def diabetes_split():
    """Notebook 07's split of the diabetes data, which 08 reuses: 20 % held out with
    random_state=0, the features standardised by the training part's means and spreads.

    Returns the raw training features, then the standardised training features, the
    training targets, the standardised test features and the test targets (arrays).
    """
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    import coursekit as ck

    X, y = ck.datasets.load_diabetes()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2,
                                                        random_state=0)
    scaler = StandardScaler().fit(X_train)
    return (X_train.to_numpy(), scaler.transform(X_train), y_train.to_numpy(),
            scaler.transform(X_test), y_test.to_numpy())


ROOT = Path(__file__).resolve().parent.parent
# What the course's own tools read: a change to any of these makes a warm run build
# again what it reuses (the environment is in the locks and pyproject.toml).
COURSE_INPUTS = ["coursekit/**/*.py", "coursekit/**/*.tsv", "coursekit/**/*.csv",
                 "tools/*.py", "jupyter/**/*", "requirements/*.txt", "pyproject.toml"]


def digest_of(patterns):
    """A hash of the files (paths and bytes) matching glob ``patterns`` under ROOT."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def reused(name, inputs, make):
    """``build/test-<name>/`` as ``make(folder)`` writes it, reused while unchanged.

    A warm run reuses the folder an earlier run made from the same files (``inputs``:
    glob patterns under the course folder; a hash of them is kept beside it); when any
    of them changed, or on a clean clone as in CI, the folder is made again from
    scratch. What the tests assert is read from the folder either way.
    """
    out = ROOT / "build" / f"test-{name}"
    stamp = out.parent / f"test-{name}.inputs"
    digest = digest_of(inputs)
    if out.is_dir() and stamp.exists() and stamp.read_text() == digest:
        return out
    stamp.unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    make(out)
    stamp.write_text(digest)
    return out
