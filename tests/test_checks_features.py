"""The checks of notebook 07: right answers pass, stubs don't, either sign is right.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import coursekit as ck
from coursekit.checks import (
    NotDoneYet,
    check_largest_stable_rate,
    check_slowest_direction,
    check_smallest_eigenvalue_without_s2,
)


def largest_stable_rate(X):
    A = np.column_stack([X, np.ones(len(X))])
    return 2 / np.linalg.eigvalsh(2 / len(A) * A.T @ A).max()


def slowest_direction(X):
    values, vectors = np.linalg.eigh(X.T @ X / len(X))
    return values[0], vectors[:, 0]


def test_right_answers_pass(capsys):
    check_largest_stable_rate(largest_stable_rate)
    check_slowest_direction(slowest_direction)
    check_slowest_direction(lambda X: (slowest_direction(X)[0],
                                       -slowest_direction(X)[1]))
    X, y = ck.datasets.load_diabetes()
    X_train, _, _, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    X_std = StandardScaler().set_output(transform="pandas").fit_transform(X_train)
    without = X_std.drop(columns="s2")
    check_smallest_eigenvalue_without_s2(
        np.linalg.eigvalsh(without.T @ without / len(without)).min())
    assert capsys.readouterr().out.count("Correct:") == 4


def test_stubs_are_not_done_yet():
    for check in (check_largest_stable_rate, check_slowest_direction):
        with pytest.raises(NotDoneYet):
            check(lambda X: (_ for _ in ()).throw(NotImplementedError()))
    with pytest.raises(NotDoneYet):
        check_smallest_eigenvalue_without_s2(None)
