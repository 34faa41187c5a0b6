"""The checks of notebook 04: right answers pass, stubs are not done, mistakes named."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

import coursekit as ck
from coursekit.checks._core import CheckFailed, NotDoneYet


def stub(*args):
    raise NotImplementedError()


def fit(x, y, **options):
    return LinearRegression(**options).fit(np.reshape(x, (len(y), -1)), y)


def least_squares(X, y, *, ones=True, first=True, like=False, column=False):
    """A right answer, and through its options the mistakes a learner makes."""
    parts = [np.ones_like(X) if like else np.ones(len(X)), X] if ones else [X]
    A = np.column_stack(parts if first else parts[::-1])
    target = y[:, None] if column else y
    return np.linalg.solve(A.T @ A, A.T @ target)


# Exercise 04-1 ------------------------------------------------------------------

def test_slope_with_more_data_passes_the_right_slope(capsys):
    x, y = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
    ck.checks.check_slope_with_more_data(fit(x, y).coef_[0])
    line = capsys.readouterr().out
    assert line.startswith("Correct:") and line.count("\n") == 1


def test_slope_with_more_data_stub_and_known_mistakes():
    x, y = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
    x100, y100 = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    with pytest.raises(NotDoneYet):
        ck.checks.check_slope_with_more_data(None)
    mistakes = {
        "forced through": fit(x, y, fit_intercept=False).coef_[0],
        "standardised x": fit(x, y).coef_[0] * x.std(),
        "100 points": fit(x100, y100).coef_[0],
        "the intercept, not the slope": fit(x, y).intercept_,
        "fit them as in": 8.0,
    }
    for message, wrong in mistakes.items():
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_slope_with_more_data(wrong)
    with pytest.raises(CheckFailed, match=r"one number; got ndarray of shape \(1,\)"):
        ck.checks.check_slope_with_more_data(fit(x, y).coef_)


def test_slope_with_more_data_accepts_a_0d_array(capsys):
    x, y = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
    ck.checks.check_slope_with_more_data(np.squeeze(fit(x, y).coef_))
    assert capsys.readouterr().out.startswith("Correct:")


# Exercise 04-2 ------------------------------------------------------------------

def two_errors():
    x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    ols, origin = fit(x, y), fit(x, y, fit_intercept=False)
    X = x[:, None]
    return X, y, ols.predict(X), origin.predict(X)


def test_two_errors_passes_the_right_values(capsys):
    X, y, ols, origin = two_errors()
    truth = 8 * X[:, 0]
    ck.checks.check_two_errors(np.mean((y - ols) ** 2), np.mean((y - origin) ** 2),
                               np.mean((truth - ols) ** 2),
                               np.mean((truth - origin) ** 2))
    assert capsys.readouterr().out.startswith("Correct: the line through 0")


def test_two_errors_stub_and_known_mistakes():
    X, y, ols, origin = two_errors()
    train = [np.mean((y - ols) ** 2), np.mean((y - origin) ** 2)]
    with pytest.raises(NotDoneYet, match="true_mse_ols"):
        ck.checks.check_two_errors(*train, None, None)
    broadcast = np.mean((ols - 8 * X) ** 2)  # (n,) against (n, 1)
    with pytest.raises(CheckFailed, match=r"`true_mse_ols` is wrong: .*\(n, n\)"):
        ck.checks.check_two_errors(*train, broadcast, 0.0)
    with pytest.raises(CheckFailed, match="`true_mse_ols` .* compares the line with "
                       "the observed y"):
        ck.checks.check_two_errors(*train, *train)
    with pytest.raises(CheckFailed, match="`train_mse_ols` .* RMSE"):
        ck.checks.check_two_errors(np.sqrt(train[0]), train[1], 0.0, 0.0)
    with pytest.raises(CheckFailed, match="one number; got str. An MSE is one number"):
        ck.checks.check_two_errors("10083", *train, 0.0)
    truth = 8 * X[:, 0]
    true = [np.mean((truth - ols) ** 2), np.mean((truth - origin) ** 2)]
    with pytest.raises(CheckFailed, match="`train_mse_ols` .* the other line"):
        ck.checks.check_two_errors(*train[::-1], *true)
    with pytest.raises(CheckFailed, match="`true_mse_origin` .* the other line"):
        ck.checks.check_two_errors(*train, true[0], true[0])
    with pytest.raises(CheckFailed, match="`train_mse_origin` .* sum of the squared"):
        ck.checks.check_two_errors(train[0], np.sum((y - origin) ** 2), *true)


# Exercise 04-3 ------------------------------------------------------------------

def test_least_squares_passes_the_normal_equations(capsys):
    ck.checks.check_least_squares(least_squares)
    assert capsys.readouterr().out.count("\n") == 1


def test_least_squares_stub_and_known_mistakes():
    with pytest.raises(NotDoneYet):
        ck.checks.check_least_squares(stub)
    mistakes = [
        (dict(ones=False), "the intercept is missing. Put a column of ones"),
        (dict(first=False), "the intercept is last"),
        (dict(like=True), "Is your column of ones one column"),
        (dict(column=True), r"shape \(2, 1\); expected \(2,\).*was y made 2-D"),
    ]
    for options, message in mistakes:
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_least_squares(
                lambda X, y, options=options: least_squares(X, y, **options))


def test_least_squares_rejects_a_line_through_zero_and_globals():
    def through_zero(X, y):
        A = np.column_stack([np.zeros(len(X)), X])
        return np.r_[0.0, np.linalg.lstsq(A[:, 1:], y, rcond=None)[0]]

    with pytest.raises(CheckFailed, match="must hold ones"):
        ck.checks.check_least_squares(through_zero)
    x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    notebook_answer = least_squares(x[:, None], y)
    with pytest.raises(CheckFailed, match=r"returned shape \(2,\); expected \(4,\)"):
        ck.checks.check_least_squares(lambda X, y: notebook_answer)
    with pytest.raises(CheckFailed, match="expected a function"):
        ck.checks.check_least_squares(notebook_answer)


def test_least_squares_names_the_tuple_of_lstsq():
    def whole_lstsq(X, y):
        A = np.column_stack([np.ones(len(X)), X])
        return np.linalg.lstsq(A, y, rcond=None)

    with pytest.raises(CheckFailed, match="tuple of 4 things, as np.linalg.lstsq"):
        ck.checks.check_least_squares(whole_lstsq)
