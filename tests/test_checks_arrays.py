"""The checks of notebook 01: right answers pass, stubs and named mistakes don't."""

import numpy as np
import pandas as pd
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


def mistake(check, answer):
    with pytest.raises(CheckFailed) as info:
        check(answer)
    return info.value.mistake


def test_right_answers_pass(capsys):
    check_grid(np.arange(12).reshape(3, -1))
    check_to_column(lambda v: v.reshape(-1, 1))
    check_to_column(lambda v: v[:, None])
    check_column_means(lambda M: M.mean(axis=0))
    assert capsys.readouterr().out.count("Correct:") == 4


@pytest.mark.parametrize("check", [check_to_column, check_column_means])
def test_a_stub_is_not_done_yet(check):
    with pytest.raises(NotDoneYet):
        check(stub)
    with pytest.raises(NotDoneYet):
        check_grid(None)


@pytest.mark.parametrize(("grid", "expected"), [
    (np.arange(12).reshape(4, 3), "01.grid.four_rows"),
    (np.arange(12).reshape(3, 4).T, "01.grid.transposed"),
    (np.arange(1, 13).reshape(3, 4), "01.grid.one_to_twelve"),
    (np.arange(12).reshape(4, 3).T, "01.grid.by_columns"),
])
def test_grid_names_the_mistake(grid, expected):
    assert mistake(check_grid, grid) == expected


@pytest.mark.parametrize(("function", "expected"), [
    (lambda v: pd.DataFrame(v), "01.to_column.dataframe"),
    (lambda v: v.reshape(-1, 1).tolist(), "01.to_column.not_array"),
    (lambda v: v[None, :], "01.to_column.row"),
    (lambda v: v.T, "01.to_column.still_1d"),
    (lambda v: v.reshape(3, 1), "01.to_column.fixed_length"),
    (lambda v: v[::-1, None], "01.to_column.reversed"),
    (lambda v: v.astype(int)[:, None], "01.to_column.astype_int"),
    (lambda v: v[:, None].round(2), "01.to_column.rounded"),
])
def test_to_column_names_the_mistake(function, expected):
    assert mistake(check_to_column, function) == expected


@pytest.mark.parametrize(("function", "expected"), [
    (lambda M: M.mean(axis=0, keepdims=True), "01.column_means.kept_axis"),
    (lambda M: M.mean(axis=1), "01.column_means.row_means"),
    (lambda M: M.sum(axis=0), "01.column_means.sums"),
    (lambda M: M.sum(axis=0) / M.shape[1], "01.column_means.divided_by_columns"),
    (lambda M: M.mean(axis=0).round(2), "01.column_means.rounded"),
])
def test_column_means_names_the_mistake(function, expected):
    assert mistake(check_column_means, function) == expected
