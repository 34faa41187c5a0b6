"""The checks of notebook 06: right answers pass, stubs don't, the reference is right.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks import (
    CheckFailed,
    NotDoneYet,
    check_rate_limit,
    check_sigmoid_gradients,
    check_train_full_batch,
)
from coursekit.checks.gradients import GRADIENTS
from tests.helpers import central_difference

sigmoid, sigmoid_prime = ck.activations.ACTIVATIONS["sigmoid"]


def stub(*args):
    raise NotImplementedError()


def sigmoid_gradients(X, y, w, b):
    z = X @ w + b
    delta = (sigmoid(z) - y.reshape(-1, 1)) * sigmoid_prime(z)
    return 2 / len(X) * X.T @ delta, 2 / len(X) * delta.sum()


def train_full_batch(X, y, learning_rate, n_epochs):
    w, b = np.zeros((X.shape[1], 1)), 0.0
    for _ in range(n_epochs):
        delta = X @ w + b - y[:, None]
        w, b = (w - learning_rate * 2 / len(X) * X.T @ delta,
                b - learning_rate * 2 / len(X) * delta.sum())
    return w, b


def test_right_answers_pass(capsys):
    check_sigmoid_gradients(sigmoid_gradients)
    check_train_full_batch(train_full_batch)
    check_rate_limit(1 / 9)
    check_rate_limit(0.111)  # three significant digits
    assert capsys.readouterr().out.count("Correct:") == 4


def test_stubs_are_not_done_yet():
    for check in (check_sigmoid_gradients, check_train_full_batch):
        with pytest.raises(NotDoneYet):
            check(stub)
    with pytest.raises(NotDoneYet):
        check_rate_limit(None)


def test_the_reference_gradient_agrees_with_finite_differences():
    for (X, y, w, b), _ in GRADIENTS.cases():
        grad_w, grad_b = GRADIENTS.reference(X, y, w, b)

        def loss(wb, X=X, y=y):
            return np.mean((sigmoid(X @ wb[:-1, None] + wb[-1]) - y[:, None]) ** 2)

        numeric = central_difference(loss, np.r_[w.ravel(), b])
        np.testing.assert_allclose(np.r_[grad_w.ravel(), grad_b], numeric, atol=1e-7)


def test_a_wrong_bias_step_is_reported_as_the_bias_not_w():
    def bias_without_two(X, y, learning_rate, n_epochs):
        w, b = train_full_batch(X, y, learning_rate, n_epochs)
        return w, b / 2 if n_epochs == 1 else b

    with pytest.raises(CheckFailed, match="the bias") as info:
        check_train_full_batch(bias_without_two)
    assert "bias" in info.value.mistake
