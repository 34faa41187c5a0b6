"""The checks of notebook 04: right answers pass, stubs don't.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

import coursekit as ck
from coursekit.checks import (
    NotDoneYet,
    check_least_squares,
    check_slope_with_more_data,
    check_two_errors,
)


def test_right_answers_pass(capsys):
    x, y = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
    check_slope_with_more_data(LinearRegression().fit(x[:, None], y).coef_[0])
    check_slope_with_more_data(np.polyfit(x, y, 1)[:1].squeeze())  # a 0-d array
    x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    ols = LinearRegression().fit(x[:, None], y).predict(x[:, None])
    origin = LinearRegression(fit_intercept=False).fit(x[:, None], y)
    origin = origin.predict(x[:, None])
    check_two_errors(ck.mse(y, ols), ck.mse(y, origin), ck.mse(8 * x, ols),
                     ck.mse(8 * x, origin))

    def least_squares(X, y):
        A = np.column_stack([np.ones(len(X)), X])
        return np.linalg.solve(A.T @ A, A.T @ y)

    check_least_squares(least_squares)
    check_least_squares(lambda X, y: np.linalg.lstsq(np.c_[np.ones(len(X)), X], y)[0])
    assert capsys.readouterr().out.count("Correct:") == 5


def test_stubs_are_not_done_yet():
    with pytest.raises(NotDoneYet):
        check_slope_with_more_data(None)
    with pytest.raises(NotDoneYet):
        check_two_errors(1.0, None, 1.0, 1.0)
    with pytest.raises(NotDoneYet):
        check_least_squares(lambda X, y: (_ for _ in ()).throw(NotImplementedError()))
