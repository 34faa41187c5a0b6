"""The checks of notebook 05: right answers pass, stubs are not done, mistakes named."""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks._core import CheckFailed, NotDoneYet


def stub(*args):
    raise NotImplementedError()


def mse_from_averages(x, y, intercepts, slopes, *, transpose=False, twos=(2, 2, 2),
                      squares=True, flat=False):
    """A right answer, and through its options the mistakes a learner makes."""
    if transpose:
        intercepts, slopes = slopes, intercepts
    b0, b1 = (intercepts, slopes) if flat else (intercepts[:, None], slopes[None, :])
    xx = np.mean(x**2) if squares else np.mean(x) ** 2
    yy = np.mean(y**2) if squares else np.mean(y) ** 2
    return (b0**2 + twos[0] * b0 * b1 * np.mean(x) + b1**2 * xx
            - twos[1] * b0 * np.mean(y) - twos[2] * b1 * np.mean(x * y) + yy)


def broadcast(x, y, intercepts, slopes, axis=2):
    predictions = intercepts[:, None, None] + slopes[None, :, None] * x[None, None, :]
    return ((y[None, None, :] - predictions) ** 2).mean(axis=axis)


# Exercise 05-1 ------------------------------------------------------------------

def test_mse_from_averages_passes_the_formula_broadcasting_and_loss_surface(capsys):
    ck.checks.check_mse_from_averages(mse_from_averages)
    assert capsys.readouterr().out.startswith("Correct: your five-average formula")
    ck.checks.check_mse_from_averages(broadcast)
    ck.checks.check_mse_from_averages(lambda x, y, i, s: ck.loss_surface(x, y, i, s))


def test_mse_from_averages_stub_and_known_mistakes():
    with pytest.raises(NotDoneYet):
        ck.checks.check_mse_from_averages(stub)
    mistakes = [
        (dict(transpose=True), r"returned shape \(5, 3\); expected \(3, 5\): your "
         "grid is transposed"),
        (dict(squares=False), r"the square of the mean, mean\(x\)\*\*2"),
        (dict(twos=(1, 2, 2)), r"factor 2 is missing.*Look at 2 b0 b1 mean\(x\)"),
        (dict(twos=(2, 1, 2)), r"factor 2 is missing.*Look at 2 b0 mean\(y\)"),
        (dict(twos=(2, 2, 1)), r"factor 2 is missing.*Look at 2 b1 mean\(xy\)"),
        (dict(twos=(1, 1, 1)), "factor 2 is missing.*Look at every cross term"),
    ]
    for options, message in mistakes:
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_mse_from_averages(
                lambda *args, options=options: mse_from_averages(*args, **options))


def test_mse_from_averages_names_shape_mistakes():
    def square_transposed(x, y, intercepts, slopes):
        result = mse_from_averages(x, y, intercepts, slopes)
        return result.T if len(intercepts) == len(slopes) else result

    with pytest.raises(CheckFailed, match="on 7 points, a 4 by 4 grid is wrong: your "
                       "grid is transposed"):
        ck.checks.check_mse_from_averages(square_transposed)

    def element_by_element(x, y, intercepts, slopes):
        return mse_from_averages(x, y, intercepts, slopes[: len(intercepts)],
                                 flat=True)

    with pytest.raises(CheckFailed, match=r"shape \(3,\).*combined element by "
                       "element"):
        ck.checks.check_mse_from_averages(element_by_element)
    with pytest.raises(CheckFailed, match=r"shape \(5, 7\).*one MSE per"):
        ck.checks.check_mse_from_averages(lambda *args: broadcast(*args, axis=0))
    with pytest.raises(CheckFailed, match=r"shape \(\).*one MSE per"):
        ck.checks.check_mse_from_averages(lambda *args: broadcast(*args, axis=None))
    with pytest.raises(CheckFailed, match="returned None: did you forget"):
        ck.checks.check_mse_from_averages(lambda *args: None)
    with pytest.raises(CheckFailed, match="raised ValueError"):
        ck.checks.check_mse_from_averages(lambda x, y, i, s: i + s)
    with pytest.raises(CheckFailed, match="is wrong. Compare your code with the "
                       "formula"):
        ck.checks.check_mse_from_averages(
            lambda *args: mse_from_averages(*args) + 1.0)


# Exercise 05-2 ------------------------------------------------------------------

def raw_x():
    x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
    return x, y, np.linspace(-100, 100, 101)


def test_raw_grid_minimum_passes_the_lowest_point(capsys):
    x, y, grid = raw_x()
    best = ck.loss_surface(x, y, grid, grid).stack().idxmin()
    ck.checks.check_raw_grid_minimum(best)
    assert capsys.readouterr().out == (
        "Correct: the raw-x grid's lowest point is (6, 8), 7.4 intercept steps from "
        "least squares.\n")


def test_raw_grid_minimum_stub_and_known_mistakes():
    x, y, grid = raw_x()
    with pytest.raises(NotDoneYet):
        ck.checks.check_raw_grid_minimum(None)
    scaled = (x - x.mean()) / x.std()
    mistakes = {
        r"the pair is \(slope, intercept\)": (8.0, 6.0),
        "that is the least-squares line, not": np.polyfit(x, y, 1)[::-1],
        "least-squares line rounded to the grid": (20.0, 8.0),
        "used the standardised x": ck.loss_surface(scaled, y, grid, grid).stack()
        .idxmin(),
        r"take the \(intercept, slope\) of its lowest cell": (6.0, 10.0),
        "row and column numbers of the lowest cell": (53, 54),
    }
    for message, wrong in mistakes.items():
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_raw_grid_minimum(wrong)
    with pytest.raises(CheckFailed, match=r"a pair \(intercept, slope\); got float"):
        ck.checks.check_raw_grid_minimum(6.0)


# Exercise 05-3 ------------------------------------------------------------------

def test_grid_size_passes_the_right_counts(capsys):
    ck.checks.check_grid_size(10_001**2, 10_001**2 * 100 * 8 / 1e9)
    assert capsys.readouterr().out == (
        "Correct: 100,020,001 grid points; broadcasting them over 100 points needs "
        "80.0 GB for one array.\n")


def test_grid_size_stub_and_known_mistakes():
    points, gb = 10_001**2, 10_001**2 * 800 / 1e9
    with pytest.raises(NotDoneYet, match="n_grid_points"):
        ck.checks.check_grid_size(None, gb)
    with pytest.raises(NotDoneYet, match="broadcast_gigabytes"):
        ck.checks.check_grid_size(points, None)
    mistakes = [
        ((10_000**2, gb), "one more"),
        ((10_001, gb), "that is one axis"),
        ((points, gb / 8), "not bytes"),
        ((points, gb / 100), "leaves out the data axis"),
        ((points, gb * 1e9 / 2**30), "GiB"),
        ((points, gb * 1e9), "that is in bytes"),
        ((points, 80.0), "10,000 values per axis .* from `n_grid_points`"),
        ((points, 8.0), "by 8 bytes per float64"),
    ]
    for answers, message in mistakes:
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_grid_size(*answers)
    with pytest.raises(CheckFailed, match="one number; got str"):
        ck.checks.check_grid_size("100020001", gb)


def test_mse_from_averages_names_element_by_element_and_one_squared_mean():
    def element_wise(x, y, intercepts, slopes):
        return np.mean((y - (intercepts + slopes * x[:, None])) ** 2)

    with pytest.raises(CheckFailed, match="combined element by element"):
        ck.checks.check_mse_from_averages(element_wise)

    def x_mean_squared(x, y, b0, b1):
        b0, b1 = b0[:, None], b1[None, :]
        return (b0**2 + 2 * b0 * b1 * x.mean() + b1**2 * x.mean() ** 2
                - 2 * b0 * y.mean() - 2 * b1 * np.mean(x * y) + np.mean(y * y))

    with pytest.raises(CheckFailed, match=r"mean\(x\)\*\*2.* in the term of b1\*\*2"):
        ck.checks.check_mse_from_averages(x_mean_squared)
