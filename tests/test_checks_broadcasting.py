"""The checks of notebook 03: right answers pass, stubs and known mistakes don't."""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks import (
    CheckFailed,
    NotDoneYet,
    check_center_rows,
    check_outer_shape,
    check_safe_mse,
)


def stub(*args):
    raise NotImplementedError()


def safe_mse(y, y_pred):
    y, y_pred = np.ravel(y), np.ravel(y_pred)
    assert y.shape == y_pred.shape, (y.shape, y_pred.shape)
    return float(np.mean((y - y_pred) ** 2))


def test_outer_shape(capsys):
    check_outer_shape((4, 5))
    assert capsys.readouterr().out.startswith("Correct:")
    with pytest.raises(NotDoneYet):
        check_outer_shape(None)


@pytest.mark.parametrize(("answer", "message"), [
    ((4, 1), "first array's shape"), ((1, 5), "second array's shape"),
    ((1, 1), "nothing is added up"), ((5, 4), "position by position"),
    ((20,), r"is \(20,\), which is not"), (4.5, "tuple of whole numbers"),
    ((4.5, 5), "tuple of whole numbers"), ("(4, 5)", "tuple of whole numbers"),
    (np.ones((4, 1)) * np.ones((1, 5)), "an array of numbers, not a shape"),
])
def test_outer_shape_names_the_mistake(answer, message):
    with pytest.raises(CheckFailed, match=message) as failure:
        check_outer_shape(answer)
    # a wrong answer never reads the right one
    assert "(4, 5)" not in str(failure.value).replace("'(4, 5)'", "")
    assert "4 in the first" not in str(failure.value)


def test_outer_shape_takes_any_sequence_of_whole_numbers(capsys):
    for answer in ([4, 5], np.array([4, 5]), (4.0, 5.0), np.ones((4, 5)).shape):
        check_outer_shape(answer)
    assert capsys.readouterr().out.count("Correct:") == 4


def test_center_rows_passes(capsys):
    check_center_rows(lambda M: M - M.mean(axis=1, keepdims=True))
    check_center_rows(lambda M: M - M.mean(axis=1)[:, None])
    assert capsys.readouterr().out.count("Correct:") == 2


def square_only(M):
    # the broadcast mistake where it raises no error: a square matrix
    if M.shape[0] != M.shape[1]:
        return M - M.mean(axis=1, keepdims=True)
    return M - M.mean(axis=1)


@pytest.mark.parametrize(("function", "message"), [
    (lambda M: M - M.mean(axis=1), r"the row means have shape \(3,\).*keepdims=True"),
    (square_only, "subtracted row j's mean from column j"),
    (lambda M: M - M.mean(axis=0), "subtracted the column means"),
    (lambda M: M, "the result is M itself"),
    (lambda M: M - M.mean(), "Every row of the result should average to 0"),
    (lambda M: M.mean(axis=1, keepdims=True) - M, "every sign is flipped"),
    (lambda M: M.mean(axis=1, keepdims=True), r"returned shape \(3, 1\)"),
    (lambda M: M[:, 0], r"returned shape \(3,\); expected \(3, 4\)"),
])
def test_center_rows_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_center_rows(function)


def test_center_rows_stub():
    with pytest.raises(NotDoneYet):
        check_center_rows(stub)


def test_safe_mse_passes(capsys):
    check_safe_mse(safe_mse)

    def with_value_error(y, y_pred):
        y, y_pred = np.reshape(y, -1), np.reshape(y_pred, -1)
        if y.shape != y_pred.shape:
            raise ValueError("different lengths")
        return ((y - y_pred) ** 2).sum() / len(y)

    check_safe_mse(with_value_error)
    assert capsys.readouterr().out.count("Correct:") == 2


def flat(y, y_pred):
    return np.ravel(y), np.ravel(y_pred)


def assert_before_flattening(y, y_pred):
    assert y.shape == y_pred.shape
    return safe_mse(y, y_pred)


@pytest.mark.parametrize(("function", "message"), [
    (lambda y, p: np.mean((y - p) ** 2), r"broadcast to an \(n, n\) matrix"),
    (lambda y, p: np.mean((y - np.ravel(p)) ** 2), r"broadcast to an \(n, n\)"),
    (lambda y, p: np.mean(np.subtract(*flat(y, p))), "not squared: positive and"),
    (lambda y, p: np.mean(np.abs(np.subtract(*flat(y, p)))), "mean absolute error"),
    (lambda y, p: np.sqrt(np.mean(np.subtract(*flat(y, p)) ** 2)), "RMSE"),
    (lambda y, p: np.sum(np.subtract(*flat(y, p)) ** 2), "7 times the mean"),
    (lambda y, p: np.mean(np.subtract(*flat(y, p))) ** 2, "squared the mean error"),
    (lambda y, p: np.sum(np.subtract(*flat(y, p)) ** 2) / (len(np.ravel(y)) - 1),
     "divided by n - 1"),
    (lambda y, p: np.subtract(*flat(y, p)) ** 2, r"returned shape \(7,\); expected"),
    (lambda y, p: np.mean(np.subtract(*flat(y, p)) ** 2),
     r"must raise an error instead.*\(3,\) - \(1,\) broadcasts silently"),
    (lambda y, p: np.mean(np.subtract(*flat(y, p)) ** 2) + 0.5, "is wrong. The MSE"),
    (lambda y, p: ck.mse(y, p), r"raised ValueError for y of shape \(7,\) and y_pred "
     r"of shape \(7, 1\).*flatten both first"),
    (assert_before_flattening, r"raised AssertionError for y of shape \(7,\).*It must "
     "accept them"),
])
def test_safe_mse_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_safe_mse(function)


def test_safe_mse_stub_and_a_wrong_error():
    with pytest.raises(NotDoneYet):
        check_safe_mse(stub)

    def type_error(y, y_pred):
        if np.size(y) != np.size(y_pred):
            raise TypeError("no")
        return safe_mse(y, y_pred)

    with pytest.raises(CheckFailed, match="raised TypeError for y of 3 values"):
        check_safe_mse(type_error)
