"""The checks of notebook 09: right answers pass, stubs don't.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix

from coursekit.checks import (
    NotDoneYet,
    check_confusion_counts,
    check_log_loss_gradient,
    check_predict_proba_from_weights,
)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def stub(*args):
    raise NotImplementedError()


@pytest.mark.parametrize(("check", "answer"), [
    (check_predict_proba_from_weights,
     lambda X, w, b: np.column_stack([1 - sigmoid(X @ w + b), sigmoid(X @ w + b)])),
    (check_log_loss_gradient, lambda X, y, w, b: (
        X.T @ (sigmoid(X @ w + b) - y) / len(X), np.mean(sigmoid(X @ w + b) - y))),
    (check_confusion_counts, lambda y, p, t: tuple(
        confusion_matrix(y, p > t, labels=[0, 1]).ravel())),
    (check_confusion_counts,
     lambda y, p, t: confusion_matrix(y, p >= t, labels=[0, 1])),
])
def test_right_answers_pass(check, answer, capsys):
    check(answer)
    assert capsys.readouterr().out.startswith("Correct:")


@pytest.mark.parametrize("check", [check_predict_proba_from_weights,
                                   check_log_loss_gradient, check_confusion_counts])
def test_a_stub_is_not_done_yet(check):
    with pytest.raises(NotDoneYet):
        check(stub)
