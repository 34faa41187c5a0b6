"""The checks of notebook 03: right answers pass, stubs don't, the square case first.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest

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
    assert y.shape == y_pred.shape
    return float(np.mean((y - y_pred) ** 2))


def safe_mse_value_error(y, y_pred):
    y, y_pred = np.ravel(y), np.ravel(y_pred)
    if y.shape != y_pred.shape:
        raise ValueError("shapes differ")
    return np.mean((y - y_pred) ** 2)


@pytest.mark.parametrize(("check", "answer"), [
    (check_outer_shape, (4, 5)), (check_outer_shape, np.array([4, 5])),
    (check_center_rows, lambda M: M - M.mean(axis=1, keepdims=True)),
    (check_center_rows, lambda M: M - M.mean(axis=1)[:, None]),
    (check_safe_mse, safe_mse), (check_safe_mse, safe_mse_value_error),
])
def test_right_answers_pass(check, answer, capsys):
    check(answer)
    assert capsys.readouterr().out.startswith("Correct:")


@pytest.mark.parametrize("check", [check_center_rows, check_safe_mse])
def test_a_stub_is_not_done_yet(check):
    with pytest.raises(NotDoneYet):
        check(stub)
    with pytest.raises(NotDoneYet):
        check_outer_shape(None)


def test_the_missing_keepdims_is_named_on_the_square_matrix_where_nothing_fails():
    with pytest.raises(CheckFailed, match=r"M of shape \(4, 4\).*square matrix hides"):
        check_center_rows(lambda M: M - M.mean(axis=1))
