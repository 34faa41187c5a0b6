import numpy as np
import pytest

from coursekit import Neuron
from coursekit.batches import batch_slices, design, epochs


@pytest.mark.parametrize("n_samples, batch_size", [(10, 3), (12, 4), (7, 6), (9, 1)])
def test_each_shuffled_epoch_deals_a_fresh_permutation_into_batches(n_samples,
                                                                     batch_size):
    """Epoch after epoch, batch k holds the rows of the k-th batch_size entries of
    that epoch's permutation, in that order, each next to a 1."""
    X = np.arange(n_samples * 2.0).reshape(n_samples, 2)
    y = 100.0 + np.arange(n_samples)
    slices = batch_slices(n_samples, batch_size)
    reference = np.random.default_rng(4)
    dealt = epochs(X, y, slices, 5, True, np.random.default_rng(4))
    for A_epoch, y_epoch in dealt:
        permutation = reference.permutation(n_samples)
        for rows in slices:
            expected = permutation[rows]
            np.testing.assert_array_equal(A_epoch[rows], design(X)[expected])
            np.testing.assert_array_equal(y_epoch[rows], y[expected])


@pytest.mark.parametrize("batch_size, shuffle", [(2, False), (3, True)])
def test_unshuffled_epochs_take_the_rows_as_they_are(batch_size, shuffle):
    """Without shuffling, or with one batch, which shuffling would not change."""
    X, y = np.arange(6.0).reshape(3, 2), np.arange(3.0)
    rng = np.random.default_rng(0)
    dealt = list(epochs(X, y, batch_slices(3, batch_size), 2, shuffle, rng))
    assert len(dealt) == 2
    for A_epoch, y_epoch in dealt:
        np.testing.assert_array_equal(A_epoch, [[0, 1, 1], [2, 3, 1], [4, 5, 1]])
        np.testing.assert_array_equal(y_epoch, y)


def test_shuffled_mini_batches_match_a_plain_loop(regression_data):
    """The neuron's updates equal a plain loop over each epoch's permuted batches."""
    X, y = regression_data
    rate, size, coef, b = 0.05, 64, np.zeros(3), 0.0
    neuron = Neuron(learning_rate=rate, n_epochs=4, batch_size=size, random_state=9)
    neuron.fit(X, y, coef_init=coef, intercept_init=b)
    rng, rows = np.random.default_rng(9), []
    for _ in range(4):
        permutation = rng.permutation(len(X))
        for start in range(0, len(X), size):
            batch = permutation[start : start + size]
            error = X[batch] @ coef + b - y[batch]
            coef = coef - rate * 2 * X[batch].T @ error / len(batch)
            b = b - rate * 2 * error.mean()
            rows.append([*coef, b])
    np.testing.assert_allclose(neuron.history_.iloc[1:, 2:-1], rows, rtol=1e-12)


def test_a_batch_larger_than_the_data_is_the_whole_data():
    with pytest.warns(UserWarning, match="batch_size=50 is larger than the 10"):
        assert batch_slices(10, 50) == [slice(0, 10)]
