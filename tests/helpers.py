"""Helpers shared by the tests."""

import functools

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
