"""The checks of notebook 05: right answers pass, stubs don't, shortcuts are refused.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks import (
    CheckFailed,
    NotDoneYet,
    check_grid_size,
    check_mse_from_averages,
    check_raw_grid_minimum,
)


def mse_from_averages(x, y, intercepts, slopes):
    b0, b1 = intercepts[:, None], slopes[None, :]
    return (b0**2 + 2 * b0 * b1 * np.mean(x) + b1**2 * np.mean(x * x)
            - 2 * b0 * np.mean(y) - 2 * b1 * np.mean(x * y) + np.mean(y * y))


def test_right_answers_pass(capsys):
    check_mse_from_averages(mse_from_averages)
    x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    grid = np.linspace(-100, 100, 101)
    check_raw_grid_minimum(ck.loss_surface(x, y, grid, grid).stack().idxmin())
    check_grid_size(len(np.arange(-5000, 5001)) ** 2, 10_001**2 * 100 * 8 / 1e9)
    assert capsys.readouterr().out.count("Correct:") == 3


def test_stubs_are_not_done_yet():
    with pytest.raises(NotDoneYet):
        check_mse_from_averages(lambda *a: (_ for _ in ()).throw(NotImplementedError()))
    with pytest.raises(NotDoneYet):
        check_raw_grid_minimum(None)
    with pytest.raises(NotDoneYet):
        check_grid_size(None, None)


def test_the_course_own_table_and_the_3d_broadcast_are_refused():
    with pytest.raises(CheckFailed, match="ck.loss_surface"):
        check_mse_from_averages(lambda x, y, b0, b1: ck.loss_surface(x, y, b0, b1))
    assert ck.loss_surface.__module__ == "coursekit.surface"  # put back after the check

    def broadcast(x, y, intercepts, slopes):
        lines = intercepts[:, None, None] + slopes[None, :, None] * x
        return ((y - lines) ** 2).mean(axis=-1)

    with pytest.raises(CheckFailed, match="one number per grid point per data point"):
        check_mse_from_averages(broadcast)


def test_80_is_rounding_and_the_fence_post_does_not_give_the_count_away():
    with pytest.raises(CheckFailed, match="size rounded") as info:
        check_grid_size(10_001**2, 80)  # or the GB of the 10,000 x 10,000 grid
    assert info.value.mistake == "05.grid_size.fence_post_gb"
    with pytest.raises(CheckFailed) as info:
        check_grid_size(10_000**2, 80.0)
    assert info.value.mistake == "05.grid_size.fence_post"
    assert "10,001" not in str(info.value) and "10001" not in str(info.value)
