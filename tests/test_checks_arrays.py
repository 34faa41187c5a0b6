"""The checks of notebook 01: right answers pass, stubs and known mistakes don't."""

import numpy as np
import pytest

from coursekit.checks import (
    CheckFailed,
    NotDoneYet,
    check_column_means,
    check_grid,
    check_to_column,
)


def stub(*args):
    raise NotImplementedError()


def test_grid_passes_on_the_right_matrix(capsys):
    check_grid(np.arange(12).reshape(3, -1))
    assert capsys.readouterr().out.startswith("Correct:")


@pytest.mark.parametrize(("grid", "message"), [
    (np.arange(12).reshape(4, 3), r"shape \(4, 3\): 4 rows of 3"),
    (np.arange(1, 13).reshape(3, 4), "from 1 to 12"),
    (np.arange(12).reshape(4, 3).T, "go down the columns"),
    (np.arange(12), r"`grid` has shape \(12,\); expected 3 rows of 4"),
    (np.arange(12).reshape(2, 6), r"has shape \(2, 6\)"),
    (np.zeros((3, 4)), "Expected the numbers 0 to 11"),
    ("0 1 2", "not a number or an array of numbers"),
])
def test_grid_names_the_mistake(grid, message):
    with pytest.raises(CheckFailed, match=message):
        check_grid(grid)


def test_grid_not_answered_is_not_done():
    with pytest.raises(NotDoneYet, match="no answer yet"):
        check_grid(None)


def test_to_column_passes_on_reshape_and_newaxis(capsys):
    check_to_column(lambda v: v.reshape(-1, 1))
    check_to_column(lambda v: v[:, None])
    assert capsys.readouterr().out.count("Correct:") == 2


@pytest.mark.parametrize(("function", "message"), [
    (lambda v: v[None, :], "a row: the new axis of length 1 came first"),
    (lambda v: v.reshape(1, -1), "a row"),
    (lambda v: v.T, r"still 1-D: `.T` leaves a 1-D array unchanged"),
    (lambda v: v.reshape(3, 1), "cannot reshape array of size 6.*give -1"),
    (lambda v: v[::-1, None], "reverse order"),
    (lambda v: np.ones((len(v), 1)), "should hold the vector's elements"),
    (lambda v: None, "returned None"),
    (lambda v: v[:, None, None], r"returned shape \(3, 1, 1\); expected \(3, 1\)"),
])
def test_to_column_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_to_column(function)


def test_to_column_stub_and_non_function():
    with pytest.raises(NotDoneYet, match="NotImplementedError"):
        check_to_column(stub)
    with pytest.raises(CheckFailed, match="expected a function"):
        check_to_column(np.array([[5], [6], [7]]))


def test_column_means_passes(capsys):
    check_column_means(lambda M: M.mean(axis=0))
    assert capsys.readouterr().out.count("\n") == 1


@pytest.mark.parametrize(("function", "message"), [
    (lambda M: M.mean(axis=1), "one number per row"),
    (lambda M: M.mean(axis=0, keepdims=True), "a 2-D row"),
    (lambda M: M.sum(axis=0), "sums, not means"),
    (lambda M: M.mean(), r"returned shape \(\); expected \(3,\)"),
    (lambda M: M.sum(axis=0) / M.shape[1], "divided each column's sum by the number "
     "of columns"),
    (lambda M: M.mean(axis=0) + 1e-3, "See notebook 01, section 4"),
])
def test_column_means_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_column_means(function)


def test_column_means_recognises_row_means_on_a_square_matrix():
    # the row means of a square matrix have the right shape: only the values differ
    def row_means_when_square(M):
        return M.mean(axis=1) if M.shape[0] == M.shape[1] else M.mean(axis=0)

    with pytest.raises(CheckFailed, match="the means of the rows"):
        check_column_means(row_means_when_square)
    with pytest.raises(NotDoneYet):
        check_column_means(stub)


def test_column_means_messages_do_not_give_the_answer_away():
    for function in (lambda M: M.mean(axis=0, keepdims=True),
                     lambda M: M.sum(axis=0) / M.shape[1], lambda M: M.mean(axis=1)):
        with pytest.raises(CheckFailed) as failed:
            check_column_means(function)
        assert "mean(axis=0)" not in str(failed.value)


def test_grid_that_holds_the_transpose_is_told_to_keep_the_matrix():
    with pytest.raises(CheckFailed, match="holds the transpose"):
        check_grid(np.arange(12).reshape(3, 4).T)
