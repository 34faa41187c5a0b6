"""Wrong answers a learner could plausibly write, at least eight per check, and what
each check must say about them: never "Correct", never rounding unless it is rounding,
never the reference answer, a section that exists, and the mistake's id where the check
names one (None: a wrong answer no table names, told what to look at).

The answers are a sample: the habit is to add the wrong answers a reader tries.
"""

import functools
import json
import operator
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import coursekit as ck
from coursekit import checks
from coursekit.checks import CheckFailed

ROOT = Path(__file__).resolve().parent.parent


def sig(z):
    return 1 / (1 + np.exp(-z))


# Notebook 04's and 05's data, and notebook 07's standardised training set.
x, y = ck.datasets.make_linear_data(100, noise=100.0, random_state=0)
x10, y10 = ck.datasets.make_linear_data(10_000, noise=100.0, random_state=1)
SLOPE = LinearRegression().fit(x10[:, None], y10).coef_[0]
OLS = LinearRegression().fit(x[:, None], y)
ORIGIN = LinearRegression(fit_intercept=False).fit(x[:, None], y)
MSES = [ck.mse(y, OLS.predict(x[:, None])), ck.mse(y, ORIGIN.predict(x[:, None])),
        ck.mse(8 * x, OLS.predict(x[:, None])),
        ck.mse(8 * x, ORIGIN.predict(x[:, None]))]
X_all, y_all = ck.datasets.load_diabetes()
X_tr, _, y_tr, _ = train_test_split(X_all, y_all, test_size=0.2, random_state=0)
X_std = StandardScaler().set_output(transform="pandas").fit_transform(X_tr)
NO_S2 = X_std.drop(columns="s2")
EIGEN = np.linalg.eigvalsh(NO_S2.T @ NO_S2 / len(NO_S2))
GB = 10_001**2 * 100 * 8 / 1e9


def ls(X, y, ones=np.ones):
    A = np.column_stack([ones(len(X)), X])
    return np.linalg.solve(A.T @ A, A.T @ y)


def averages(x, y, b0, b1):
    b0, b1 = b0[:, None], b1[None, :]
    return (b0**2 + 2 * b0 * b1 * x.mean() + b1**2 * np.mean(x * x)
            - 2 * b0 * y.mean() - 2 * b1 * np.mean(x * y) + np.mean(y * y))


def grads(X, y, w, b, h=None, dtype=float):
    X, y, w = X.astype(dtype), y.astype(dtype), w.astype(dtype)
    z = X @ w + b
    if h:  # forward finite differences
        loss = lambda w, b: np.mean((sig(X @ w + b) - y[:, None]) ** 2)  # noqa: E731
        return (np.array([[(loss(w + h * e[:, None], b) - loss(w, b)) / h]
                          for e in np.eye(len(w))]), (loss(w, b + h) - loss(w, b)) / h)
    delta = (sig(z) - y[:, None]) * sig(z) * (1 - sig(z))
    return 2 / len(X) * X.T @ delta, 2 / len(X) * delta.sum()


def train(X, y, rate, epochs, bias_step=lambda d, n: 2 / n * d.sum(), start=0):
    w, b = np.zeros((X.shape[1], 1)), 0.0
    for _ in range(start, epochs):
        d = X @ w + b - y[:, None]
        w, b = w - rate * 2 / len(X) * X.T @ d, b - rate * bias_step(d, len(X))
    return w, b


def minibatch_train(X, y, rate, epochs, batch):
    w, b = np.zeros((X.shape[1], 1)), 0.0
    for _ in range(epochs):
        for start in range(0, len(X), batch):
            Xb, yb = X[start:start + batch], y[start:start + batch, None]
            d = Xb @ w + b - yb
            w, b = w - rate * 2 / len(Xb) * Xb.T @ d, b - rate * 2 / len(Xb) * d.sum()
    return w, b


def first_pair_twice(a, b):
    if len(a) != len(b):
        raise ValueError("a and b have different lengths")
    total = a[0] * b[0]
    for i in range(len(a)):
        total += a[i] * b[i]
    return total


def central_difference(X, y, w, b, h=1e-5):
    """The gradient of the sigmoid neuron's MSE by central differences."""
    def loss(w, b):
        return np.mean((sig(X @ w + b) - y[:, None]) ** 2)
    grad_w = np.zeros_like(w)
    for k in range(len(w)):
        step = np.zeros_like(w)
        step[k] = h
        grad_w[k] = (loss(w + step, b) - loss(w - step, b)) / (2 * h)
    return grad_w, (loss(w, b + h) - loss(w, b - h)) / (2 * h)


def in_place_means(M):
    M /= len(M)  # writes into the caller's matrix
    return M.sum(axis=0)


def rate(X, scale=2.0):
    A = np.column_stack([X, np.ones(len(X))])
    return 2 / np.linalg.eigvalsh(scale / len(X) * A.T @ A).max()


def unsorted_rate(X):
    """2 / the first of np.linalg.eigvals' eigenvalues, not always the largest."""
    A = np.column_stack([X, np.ones(len(X))])
    with np.errstate(divide="ignore"):  # one sample: the first may be 0
        return 2 / np.real(np.linalg.eigvals(2 / len(X) * A.T @ A)[0])


def direction(X):
    values, vectors = np.linalg.eigh(X.T @ X / len(X))
    return values[0], vectors[:, 0]


def proba(X, w, b, z=None):
    p = sig(X @ w + b if z is None else z)
    return np.column_stack([1 - p, p])


def log_grad(X, y, w, b, scale=1.0, factor=lambda p: 1.0, dtype=float):
    X, y, w = X.astype(dtype), y.astype(dtype), w.astype(dtype)
    p = sig(X @ w + b)
    e = (p - y) * factor(p) * scale
    return X.T @ e / len(X), e.mean()


def counts(y, p, t, flip=False):
    pred, actual = p > t, y == (0 if flip else 1)
    pred = ~pred if flip else pred
    return [np.sum(~pred & ~actual), np.sum(pred & ~actual), np.sum(~pred & actual),
            np.sum(pred & actual)]


def lin_grads(X, y, w, b, scale=None, sign=1.0, h=None, y_flat=False):
    """06's gradients (y an (n, 1) column); h: forward finite differences."""
    if h:
        loss = lambda w, b: np.mean((X @ w + b - y) ** 2)  # noqa: E731
        return (np.array([[(loss(w + h * e[:, None], b) - loss(w, b)) / h]
                          for e in np.eye(len(w))]), (loss(w, b + h) - loss(w, b)) / h)
    d = sign * (X @ w + b - (y.ravel() if y_flat else y))
    scale = 2 / len(X) if scale is None else scale
    return scale * X.T @ d, scale * d.sum()


def step(w, b, gw, gb, r):
    return w - r * gw, b - r * gb


def in_place_step(w, b, gw, gb, r):
    w -= r * gw
    b -= r * gb
    return w, b


def fit(X, y, r, epochs, grad=log_grad, bias=True, start=0):
    """09's train_classifier: full-batch steps from zeros with ``grad``."""
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(start, epochs):
        gw, gb = grad(X, y, w, b)
        w, b = w - r * gw, b - r * gb * bias
    return w, b


def dot_sum(a, b):
    return np.sum(a * b)


def dot_converted(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return a @ b


def dot_converted_sum(a, b):
    a, b = np.array(a), np.array(b)
    return np.sum(a * b)


def dot_one_sided(a, b):
    total = 0.0
    for i in range(len(a)):
        if i >= len(b):
            raise ValueError("b is shorter than a")
        total += a[i] * b[i]
    return total


npdot = np.dot  # as after `from numpy import dot as npdot`


def dot_loop(a, b, start=0, stop=0):
    total = 0.0
    for i in range(start, len(a) - stop):
        total += a[i] * b[i]
    return total


# check: [(answer or tuple of answers, the expected mistake id or None), ...]
CORPUS = {
    "check_grid": [
        (np.arange(12).reshape(4, 3), "01.grid.four_rows"),
        (np.arange(12).reshape(3, 4).T, "01.grid.transposed"),
        (np.arange(1, 13).reshape(3, 4), "01.grid.one_to_twelve"),
        (np.arange(12).reshape(4, 3).T, "01.grid.by_columns"),
        (np.arange(12), "01.grid.shape"),
        (np.arange(12).reshape(2, 6), "01.grid.shape"),
        (np.zeros((3, 4)), None),
        (np.linspace(0, 12, 12).reshape(3, 4), None),
        ("np.arange(12).reshape(3, 4)", None),
        (np.arange(12).reshape(3, 4).tolist(), "01.grid.not_array"),
        (pd.DataFrame(np.arange(12).reshape(3, 4)), "01.grid.dataframe"),
        (np.matrix(np.arange(12).reshape(3, 4)), "01.grid.not_array"),
        (np.arange(12).reshape(3, 4, 1), "01.grid.shape"),
        (np.arange(12).reshape(1, 12), "01.grid.shape"),
    ],
    "check_to_column": [
        (lambda v: pd.DataFrame(v), "01.to_column.dataframe"),
        (lambda v: v.reshape(-1, 1).tolist(), "01.to_column.not_array"),
        (lambda v: v[None, :], "01.to_column.row"),
        (lambda v: v.T, "01.to_column.still_1d"),
        (lambda v: v.reshape(3, 1), "01.to_column.fixed_length"),
        (lambda v: v[::-1, None], "01.to_column.reversed"),
        (lambda v: v.astype(int)[:, None], "01.to_column.astype_int"),
        (lambda v: v[:, None].round(1), "01.to_column.rounded"),
        (lambda v: np.ones((len(v), 1)), None),
        (lambda v: v[:, None, None], "01.to_column.shape"),
        (lambda v: print(v[:, None]), None),
        (lambda v: v, "01.to_column.still_1d"),
        (lambda v: np.hstack(v), "01.to_column.still_1d"),
        (lambda v: v[:, None, None][:2, 0], "01.to_column.shape"),
    ],
    "check_column_means": [
        (lambda M: print(M.mean(axis=0)), None),  # no return: told so
        (lambda M: M.mean(axis=0, keepdims=True), "01.column_means.kept_axis"),
        (lambda M: M.mean(axis=1), "01.column_means.row_means"),
        (lambda M: M.sum(axis=0), "01.column_means.sums"),
        (lambda M: M.sum(axis=0) / M.shape[1], "01.column_means.divided_by_columns"),
        (lambda M: M.mean(axis=0).round(2), "01.column_means.rounded"),
        (lambda M: M.mean(), "01.column_means.one_number"),
        (lambda M: M.mean(axis=0)[:, None], "01.column_means.column"),
        (lambda M: np.array([M[:, 0].mean(), M[:, 1].mean(), M[:, 2].mean()]),
         "01.column_means.shape"),
        (in_place_means, "01.column_means.in_place"),
        (lambda M: np.median(M, axis=0), None),
        (lambda M: M.sum(axis=0) / (len(M) + 1), None),
        (lambda M: M.mean(axis=0).tolist()[:1], "01.column_means.not_array"),
        (lambda M: M.mean(axis=0).tolist(), "01.column_means.not_array"),
        (lambda M: tuple(M.mean(axis=0)), "01.column_means.not_array"),
        (lambda M: pd.DataFrame(M).mean(), "01.column_means.dataframe"),
        (lambda M: np.matrix(M).mean(axis=0), "01.column_means.not_array"),
        (lambda M: M.mean(axis=1, keepdims=True), "01.column_means.shape"),
        (lambda M: np.round(M.mean(axis=0), 1), "01.column_means.rounded"),
    ],
    "check_product_shape": [
        ((3, 3), "02.product_shape.inner"),
        ((4, 3), "02.product_shape.left"),
        ((3, 2), "02.product_shape.right"),
        ((2, 4), "02.product_shape.swapped"),
        ((4, 3, 2), "02.product_shape.not_a_matrix"),
        ((8,), "02.product_shape.not_a_matrix"),
        ((4, 4), None),
        ("(4, 2)", None),
        ((4.5, 2), None),
        (np.ones((4, 3)) @ np.ones((3, 2)), None),
    ],
    "check_dot": [
        (first_pair_twice, "02.dot.sum_of_sums"),  # told apart on no case before it
        (np.dot, "02.dot.library_product"),
        (lambda a, b: a @ b, "02.dot.library_product"),
        (dot_sum, "02.dot.library_product"),
        (lambda a, b: a * b, "02.dot.not_added"),
        (lambda a, b: sum(a) * sum(b), "02.dot.sum_times_sum"),
        (lambda a, b: dot_loop(a, b, stop=1), "02.dot.last_pair_missing"),
        (lambda a, b: dot_loop(a, b, start=1), "02.dot.first_pair_missing"),
        (lambda a, b: sum(x * y for x, y in zip(a, b, strict=False)),
         "02.dot.unequal_lengths"),
        (lambda a, b: sum(x + y for x, y in zip(a, b, strict=True)),
         "02.dot.sum_of_sums"),
        (lambda a, b: max(x * y for x, y in zip(a, b, strict=True)), None),
        (dot_converted, "02.dot.library_product"),
        (dot_converted_sum, "02.dot.library_product"),
        (lambda a, b: float(np.dot(list(a), list(b))), "02.dot.library_product"),
        (lambda a, b: float(npdot(list(a), list(b))), "02.dot.library_product"),
        (lambda a, b: sum(a * b), "02.dot.broadcast"),
        (lambda a, b: functools.reduce(operator.add, a * b), "02.dot.broadcast"),
        (dot_one_sided, "02.dot.unequal_lengths"),
        (lambda a, b: 22.0, "02.dot.hard_coded"),
    ],
    "check_weighted_sums": [
        (lambda X, w: [[float(v)] for v in X @ w], "02.weighted_sums.list"),
        (lambda X, w: X @ w, "02.weighted_sums.one_d"),
        (lambda X, w: X * w, "02.weighted_sums.element_wise"),
        (lambda X, w: (X @ w)[None, :], "02.weighted_sums.row"),
        (lambda X, w: X.sum(axis=1, keepdims=True), "02.weighted_sums.unweighted"),
        (lambda X, w: np.full((len(X), 1), w.sum()), "02.weighted_sums.weights_only"),
        (lambda X, w: (X * w).sum(axis=0), None),
        (lambda X, w: X.T @ w, None),
        (lambda X, w: (X @ w[:, None]).round(3), "02.weighted_sums.rounded"),
        (lambda X, w: X[:, :1] * w[0], None),
        (lambda X, w: pd.DataFrame({"s": X @ w}), "02.weighted_sums.dataframe"),
    ],
    "check_outer_shape": [
        ((4, 1), "03.outer_shape.first_only"),
        ((1, 5), "03.outer_shape.second_only"),
        ((1, 1), "03.outer_shape.summed"),
        ((5, 4), "03.outer_shape.swapped"),
        ((4, 1, 5), "03.outer_shape.length"),
        ((20,), "03.outer_shape.length"),
        ((4, 4), None),
        ((5, 5), None),
        ([[4, 5]], None),
    ],
    "check_center_rows": [
        (lambda M: (M - M.mean(axis=1, keepdims=True)) / M.std(axis=1, keepdims=True),
         "03.center_rows.standardised"),
        (lambda M: 2 * (M - M.mean(axis=1, keepdims=True)), None),
        (lambda M: print(M - M.mean(axis=1, keepdims=True)), None),
        (lambda M: (M - M.mean(axis=1, keepdims=True)).tolist(),
         "03.center_rows.not_array"),
        (lambda M: M - M.mean(axis=1), "03.center_rows.no_keepdims_square"),
        (lambda M: M - M.mean(axis=0), "03.center_rows.column_means"),
        # a loop over the rows, though the exercise asks for one broadcast
        (lambda M: [row - row.mean() for row in M], "03.center_rows.not_array"),
        (lambda M: M - M.mean(), "03.center_rows.overall_mean"),
        (lambda M: M, "03.center_rows.unchanged"),
        (lambda M: M.mean(axis=1, keepdims=True) - M, "03.center_rows.flipped"),
        (lambda M: M / M.mean(axis=1, keepdims=True), None),
        (lambda M: M - np.median(M, axis=1, keepdims=True), None),
        (lambda M: M.mean(axis=1, keepdims=True), None),
        (lambda M: (M - M.mean(axis=1, keepdims=True)).round(2),
         "03.center_rows.rounded"),
    ],
    "check_safe_mse": [
        (lambda y, p: np.mean((y - p) ** 2), "03.safe_mse.broadcast"),
        (lambda y, p: np.mean(np.ravel(y) - np.ravel(p)), "03.safe_mse.not_squared"),
        (lambda y, p: np.mean(np.abs(np.ravel(y) - np.ravel(p))),
         "03.safe_mse.absolute"),
        (lambda y, p: np.sqrt(np.mean((np.ravel(y) - np.ravel(p)) ** 2)),
         "03.safe_mse.root"),
        (lambda y, p: np.sum((np.ravel(y) - np.ravel(p)) ** 2), "03.safe_mse.sum"),
        (lambda y, p: np.mean(np.ravel(y) - np.ravel(p)) ** 2,
         "03.safe_mse.squared_mean"),
        (lambda y, p: np.var(np.ravel(y) - np.ravel(p)), "03.safe_mse.variance"),
        (lambda y, p: np.mean((np.ravel(y) - np.ravel(p)) ** 2),
         "03.safe_mse.length_mismatch"),
        (lambda y, p: ck.mse(y, p), "03.safe_mse.refused_mix"),
        (lambda y, p: np.mean((y.ravel() - p.ravel()) ** 3), None),
    ],
    "check_slope_with_more_data": [
        (round(SLOPE, 2), "04.slope_10k.rounded"),
        (np.cov(x10, y10)[0, 1] / np.var(x10), "04.slope_10k.mixed_ddof"),
        (LinearRegression(fit_intercept=False).fit(x10[:, None], y10).coef_[0],
         "04.slope_10k.through_origin"),
        (OLS.coef_[0], "04.slope_10k.old_points"),
        (LinearRegression().fit(x10[:, None], y10).intercept_,
         "04.slope_10k.intercept"),
        (SLOPE * x10.std(), "04.slope_10k.standardised"),
        (8.0, "04.slope_10k.true_slope"),
        (abs(SLOPE - 8), "04.slope_10k.distance"),
        (np.polyfit(x10[:100], y10[:100], 1)[0], None),
        (LinearRegression().fit(x10[:, None], y10).coef_, None),
        (SLOPE * 1.002, None),
        (LinearRegression().fit(x10[:-1, None], y10[:-1]).coef_[0],
         "04.slope_10k.near_miss"),
    ],
    "check_two_errors": [
        ((MSES[0], MSES[1], np.sqrt(MSES[2]), MSES[3]), "04.two_errors.root"),
        ((MSES[1], MSES[0], MSES[2], MSES[3]), "04.two_errors.other_line"),
        ((MSES[0], MSES[1], MSES[0], MSES[3]), "04.two_errors.against_data"),
        ((MSES[2], MSES[1], MSES[2], MSES[3]), "04.two_errors.against_truth"),
        ((100 * MSES[0], MSES[1], MSES[2], MSES[3]), "04.two_errors.sum"),
        ((MSES[0], MSES[1], np.mean((OLS.predict(x[:, None]) - 8 * x[:, None]) ** 2),
          MSES[3]), "04.two_errors.broadcast"),
        ((MSES[0], MSES[1], round(MSES[2], 2), MSES[3]), "04.two_errors.rounded"),
        ((MSES[0], MSES[1], MSES[3], MSES[2]), "04.two_errors.other_line"),
        ((MSES[0], MSES[1], 0.0, 0.0), None),
        ((MSES[0], ck.mse(y, 8 * x), MSES[2], MSES[3]),
         "04.two_errors.true_line_as_origin"),
        ((MSES[0] * 100 / 99, MSES[1], MSES[2], MSES[3]), "04.two_errors.n_minus_one"),
        ((np.mean(np.abs(y - OLS.predict(x[:, None]))), MSES[1], MSES[2], MSES[3]),
         "04.two_errors.absolute"),
        # `ols` refitted on exercise 1's 10,000 points, section 2's x and y kept
        ((ck.mse(y, LinearRegression().fit(x10[:, None], y10).predict(x[:, None])),
          MSES[1], MSES[2], MSES[3]), "04.two_errors.ols_10k"),
        # exercise 1's 10,000 points in x and y when this exercise runs
        ((ck.mse(y10, LinearRegression().fit(x10[:, None], y10).predict(x10[:, None])),
          MSES[1], MSES[2], MSES[3]), "04.two_errors.ten_thousand"),
    ],
    "check_least_squares": [
        (lambda X, y: np.linalg.lstsq(np.column_stack([np.ones(len(X)), X]), y),
         "04.least_squares.lstsq_tuple"),
        (lambda X, y: np.linalg.solve(X.T @ X, X.T @ y),
         "04.least_squares.no_intercept"),
        (lambda X, y: ls(X, y)[::-1] if X.shape[1] == 1 else np.roll(ls(X, y), -1),
         "04.least_squares.intercept_last"),
        (lambda X, y: ls(X, y, ones=lambda n: np.ones_like(X)),
         "04.least_squares.ones_block"),
        (lambda X, y: ls(X, y[:, None]), "04.least_squares.column"),
        (lambda X, y: ls(X, y, ones=np.zeros), "04.least_squares.ones_block"),
        (lambda X, y: np.linalg.inv(X.T @ X) @ X.T @ y,
         "04.least_squares.no_intercept"),
        (lambda X, y: ls(X, y).round(4), "04.least_squares.rounded"),
        (lambda X, y: tuple(ls(X, y)), "04.least_squares.not_array"),
        (lambda X, y: np.r_[y.mean(), np.zeros(X.shape[1])], None),
    ],
    "check_mse_from_averages": [
        # the data point by point, a grid-sized array for each
        (lambda x, y, b0, b1: sum((yi - b0[:, None] - b1[None, :] * xi) ** 2
                                  for xi, yi in zip(x, y, strict=True)) / len(x),
         "05.mse_from_averages.data_loop"),
        # one intercept at a time, over all the data
        (lambda x, y, b0, b1: np.array([((y - (a + b1[:, None] * x)) ** 2).mean(axis=1)
                                        for a in b0]), "05.mse_from_averages.loop"),
        # the notebook's 100 points in place of the argument x
        (lambda x_, y_, b0, b1: averages(x, y_, b0, b1),
         "05.mse_from_averages.notebook_data"),
        (lambda x, y, b0, b1: averages(x, y, b0, b1).tolist(),
         "05.mse_from_averages.not_array"),
        (lambda x, y, b0, b1: ck.loss_surface(x, y, b0, b1).to_numpy(),
         "05.mse_from_averages.loss_surface"),
        (lambda x, y, b0, b1: ((y - (b0[:, None, None] + b1[None, :, None] * x)) ** 2)
         .mean(axis=2), "05.mse_from_averages.broadcast_3d"),
        (lambda *a: averages(*a).T, "05.mse_from_averages.transposed"),
        (lambda x, y, b0, b1: (b0**2 + 2 * b0 * b1 * x.mean() + b1**2 * np.mean(x * x)
                               - 2 * b0 * y.mean() - 2 * b1 * np.mean(x * y)
                               + np.mean(y * y)),
         "05.mse_from_averages.element_by_element"),
        (lambda x, y, b0, b1: averages(x, y, b0, b1) - np.mean(x * x) * b1**2
         + x.mean() ** 2 * b1**2, "05.mse_from_averages.x_square_of_mean"),
        (lambda x, y, b0, b1: averages(x, y, b0, b1) - b0[:, None] * b1 * x.mean(),
         "05.mse_from_averages.two_b0_b1"),
        (lambda *a: averages(*a).round(2), "05.mse_from_averages.rounded"),
        (lambda x, y, b0, b1: np.sqrt(np.abs(averages(x, y, b0, b1))), None),
        (lambda x, y, b0, b1: averages(x, y, b0, b1) / len(x), None),
        (lambda x, y, b0, b1: np.array([[np.mean((y - (i + s * x)) ** 2) for s in b1]
                                        for i in b0]), "05.mse_from_averages.loop"),
    ],
    "check_raw_grid_minimum": [
        ((8.0, 6.0), "05.raw_grid_best.swapped"),
        ((OLS.intercept_, OLS.coef_[0]), "05.raw_grid_best.least_squares"),
        ((20.0, 8.0), "05.raw_grid_best.least_squares_rounded"),
        ((53, 54), "05.raw_grid_best.indices"),
        ((6,), "05.raw_grid_best.shape"),
        ((0.0, 8.0), None),
        (np.zeros((101,)), "05.raw_grid_best.shape"),
        ((6.0, 8.0, 10158.27), "05.raw_grid_best.shape"),
        ("(6, 8)", "05.raw_grid_best.text"),
        ({"intercept": 6, "slope": 8}, "05.raw_grid_best.text"),
        (("6", "8"), "05.raw_grid_best.text"),
    ],
    "check_grid_size": [
        ((10_000**2, 80.0), "05.grid_size.fence_post"),
        ((10_000 * 10_001, 10_000 * 10_001 * 800 / 1e9), "05.grid_size.one_end_twice"),
        ((10_001, 0.8), "05.grid_size.one_axis"),
        ((10_001**2, GB / 8), "05.grid_size.numbers_not_bytes"),
        ((10_001**2, GB / 100), "05.grid_size.no_data_axis"),
        ((10_001**2, GB * 1e9 / 2**30), "05.grid_size.gib"),
        ((10_001**2, GB * 1e9), "05.grid_size.bytes"),
        ((10_001**2, round(GB, 2)), "05.grid_size.rounded"),
        ((10_001**2, 80), "05.grid_size.fence_post_gb"),
        ((10_001**2, GB * 8), "05.grid_size.bits"),
        ((20_001**2, 320.0), None),
        ((10_001**2, 10_000**2 * 800 / 1e9), "05.grid_size.fence_post_gb"),
        ((1.0002e8, GB), "05.grid_size.count_rounded"),
    ],
    "check_sigmoid_gradients": [
        (central_difference, "06.sigmoid_gradients.near_miss"),
        (lambda *a: grads(*a, h=1e-6), "06.sigmoid_gradients.near_miss"),
        (lambda *a: grads(*a, dtype=np.float32), "06.sigmoid_gradients.float32"),
        (lambda X, y, w, b: tuple(-g for g in grads(X, y, w, b)),
         "06.sigmoid_gradients.sign"),
        (lambda X, y, w, b: tuple(g / 2 for g in grads(X, y, w, b)),
         "06.sigmoid_gradients.missing_two"),
        (lambda X, y, w, b: (grads(X, y, w, b)[0].T, grads(X, y, w, b)[1]),
         "06.sigmoid_gradients.row"),
        (lambda X, y, w, b: (2 / len(X) * X.T @ ((sig(X @ w + b) - y) * sig(X @ w + b)
                                                 * (1 - sig(X @ w + b))), 0.0),
         "06.sigmoid_gradients.broadcast"),
        (lambda X, y, w, b: (grads(X, y, w, b)[0], 2 / len(X) * (
            (sig(X @ w + b) - y[:, None]) * sig(X @ w + b) * (1 - sig(X @ w + b)))
            .ravel()), "06.sigmoid_gradients.bias_per_sample"),
        (lambda X, y, w, b: tuple(len(X) * g for g in grads(X, y, w, b)),
         "06.sigmoid_gradients.missing_mean"),
        (lambda X, y, w, b: grads(X, y, w, 0.0), "06.sigmoid_gradients.no_bias"),
        (lambda X, y, w, b: (grads(X, y, w, b)[0], 0.0), None),
    ],
    "check_gradients_and_update": [
        ((lambda *a: lin_grads(*a, scale=1 / len(a[0])), step),
         "06.gradients.missing_two"),
        ((lambda *a: lin_grads(*a, scale=2.0), step), "06.gradients.missing_mean"),
        ((lambda *a: lin_grads(*a, sign=-1.0), step), "06.gradients.sign"),
        ((lambda X, y, w, b: lin_grads(X, y, w, 0.0), step), "06.gradients.no_bias"),
        ((lambda *a: (lin_grads(*a)[0].T, lin_grads(*a)[1]), step),
         "06.gradients.row"),
        ((lambda *a: (lin_grads(*a)[0].ravel(), lin_grads(*a)[1]), step),
         "06.gradients.flat"),
        ((lambda X, y, w, b: (lin_grads(X, y, w, b)[0], 2 / len(X) * (X @ w + b - y)),
          step), "06.gradients.bias_per_sample"),
        ((lambda *a: lin_grads(*a, y_flat=True), step), "06.gradients.broadcast"),
        ((lambda *a: lin_grads(*a, h=1e-6), step), "06.gradients.near_miss"),
        ((lambda *a: tuple(np.round(g, 3) for g in lin_grads(*a)), step),
         "06.gradients.rounded"),
        ((lin_grads, lambda w, b, gw, gb, r: (w + r * gw, b + r * gb)),
         "06.update.uphill"),
        ((lin_grads, lambda w, b, gw, gb, r: (w - gw, b - gb)), "06.update.no_rate"),
        ((lin_grads, lambda w, b, gw, gb, r: (w - r * gw, b)),
         "06.update.bias_not_updated"),
        ((lin_grads, lambda *a: step(*a)[::-1]), "06.update.swapped"),
        ((lambda *a: (lin_grads(*a)[0].tolist(), lin_grads(*a)[1]), step),
         "06.gradients.list"),
        ((lin_grads, in_place_step), "06.update.in_place"),
        ((lin_grads, lambda w, b, gw, gb, r: (w - r * gw, b - r * gw.sum())), None),
    ],
    "check_train_full_batch": [
        # section 7's loop, batches of 120 in order, one step per batch
        (lambda X, y, r, e: minibatch_train(X, y, r, e, 120),
         "06.train_full_batch.mini_batches"),
        (lambda *a: train(*a, bias_step=lambda d, n: d.mean()),
         "06.train_full_batch.bias_no_two"),
        (lambda *a: train(*a, bias_step=lambda d, n: 0.0),
         "06.train_full_batch.bias_not_updated"),
        (lambda *a: train(*a)[::-1], "06.train_full_batch.bias_first"),
        (lambda X, y, r, e: (np.zeros((X.shape[1], 1)), train(X, y, r, e)[1]),
         "06.train_full_batch.not_kept"),
        (lambda X, y, r, e: train(X, y, r, e, start=1),
         "06.train_full_batch.epoch_too_few"),
        (lambda X, y, r, e: train(X, y, -r, e), "06.train_full_batch.uphill"),
        (lambda X, y, r, e: train(X, y, r, e + 1),
         "06.train_full_batch.epoch_too_many"),
        (lambda X, y, r, e: (np.zeros(X.shape[1]), 0.0), None),
        (lambda X, y, r, e: (train(X, y, r, e)[0].T, train(X, y, r, e)[1]),
         "06.train_full_batch.row"),
        (lambda X, y, r, e: train(X, y, r / 2, e), "06.train_full_batch.missing_two"),
        (lambda X, y, r, e: train(X, y, r * len(X), e),
         "06.train_full_batch.missing_mean"),
    ],
    "check_rate_limit": [
        (0.11, "06.rate_limit.rounded"),
        (0.1105, "06.rate_limit.near_miss"),
        (1 / 18, "06.rate_limit.one_step"),
        (2 / 9, "06.rate_limit.missing_two"),
        (1.0, "06.rate_limit.standardised"),
        (1 / 3, "06.rate_limit.std_not_variance"),
        (0.5, "06.rate_limit.standardised_one_step"),
        (0.1, None),
        (1 / 27, None),
        (0.9, None),
    ],
    "check_bowl_eigenvalues": [
        (lambda X: np.linalg.eigvalsh((X.astype(np.float32).T @ X.astype(np.float32))
                                      / len(X)), "07.bowl_eigenvalues.float32"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X))[::-1],
         "07.bowl_eigenvalues.descending"),
        (lambda X: np.linalg.eigvalsh(2 / len(X) * X.T @ X),
         "07.bowl_eigenvalues.hessian"),
        (lambda X: np.linalg.eigvalsh(X.T @ X), "07.bowl_eigenvalues.missing_mean"),
        (lambda X: np.linalg.eigvalsh(np.cov(X.T)), "07.bowl_eigenvalues.covariance"),
        (lambda X: np.linalg.eigvalsh(np.corrcoef(X.T)),
         "07.bowl_eigenvalues.correlation"),
        (lambda X: np.linalg.eigh(X.T @ X / len(X)), "07.bowl_eigenvalues.tuple"),
        (lambda X: X.T @ X / len(X), "07.bowl_eigenvalues.matrix"),
        (lambda X: np.linalg.eigvalsh(X @ X.T / len(X)), "07.bowl_eigenvalues.gram"),
        (lambda X: np.linalg.svd(X / np.sqrt(len(X)), compute_uv=False)[::-1],
         "07.bowl_eigenvalues.square_root"),
        (lambda X: np.diag(X.T @ X / len(X)), "07.bowl_eigenvalues.diagonal"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X))[[1, 0, *range(2, X.shape[1])]],
         "07.bowl_eigenvalues.unsorted"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / (len(X) - 1)),
         "07.bowl_eigenvalues.n_minus_1"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X)).round(2),
         "07.bowl_eigenvalues.rounded"),
        (lambda X: np.linalg.eigvalsh(np.column_stack([X, np.ones(len(X))]).T
                                      @ np.column_stack([X, np.ones(len(X))]) / len(X)),
         "07.bowl_eigenvalues.bias_column"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X)).astype(np.float16),
         "07.bowl_eigenvalues.near_miss"),
        (lambda X: np.sort(np.var(X, axis=0)), None),
        (lambda X: sorted(np.linalg.eigvals(X.T @ X / len(X))),
         "07.bowl_eigenvalues.not_array"),
        (lambda X: pd.Series(np.linalg.eigvalsh(X.T @ X / len(X))),
         "07.bowl_eigenvalues.not_array"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X))[:, None],
         "07.bowl_eigenvalues.two_d"),
        (lambda X: np.linalg.eigvalsh(X.T @ X / len(X))[None, :],
         "07.bowl_eigenvalues.two_d"),
    ],
    "check_largest_stable_rate": [
        (unsorted_rate, "07.largest_stable_rate.unsorted"),
        (lambda X: rate(X, scale=1.0), "07.largest_stable_rate.missing_two"),
        (lambda X: 2 / np.linalg.eigvalsh(2 * X.T @ X / len(X)).max(),
         "07.largest_stable_rate.no_bias"),
        (lambda X: rate(X) / 2, "07.largest_stable_rate.auto_rate"),
        (lambda X: 2 / np.linalg.eigvalsh(X.T @ X / len(X)).max(),
         "07.largest_stable_rate.two_mistakes"),
        (lambda X: round(rate(X), 3), "07.largest_stable_rate.rounded"),
        (lambda X: rate(X, scale=2.0 * len(X)), "07.largest_stable_rate.missing_mean"),
        (lambda X: 1 / np.linalg.eigvalsh(X.T @ X).max(),
         "07.largest_stable_rate.two_mistakes"),
        (lambda X: 2 / np.trace(2 / len(X) * X.T @ X), None),
    ],
    "check_slowest_direction": [
        (lambda X: direction(X)[::-1], "07.slowest_direction.vector_first"),
        (lambda X: (direction(X)[0], np.linalg.eigh(X.T @ X / len(X))[1]),
         "07.slowest_direction.matrix"),
        (lambda X: (direction(X)[0], np.linalg.eigh(X.T @ X / len(X))[1][0]),
         "07.slowest_direction.row"),
        (lambda X: (np.linalg.eigvalsh(X.T @ X / len(X))[-1], direction(X)[1]),
         "07.slowest_direction.largest"),
        (lambda X: (2 * direction(X)[0], direction(X)[1]),
         "07.slowest_direction.hessian"),
        (lambda X: (len(X) * direction(X)[0], direction(X)[1]),
         "07.slowest_direction.missing_mean"),
        (lambda X: (direction(X)[0], 2 * direction(X)[1]),
         "07.slowest_direction.not_unit"),
        (lambda X: (np.linalg.eigvalsh(np.atleast_2d(np.cov(X.T)))[0], direction(X)[1]),
         "07.slowest_direction.covariance"),
        (lambda X: (direction(X)[0], np.ones(X.shape[1]) / np.sqrt(X.shape[1])), None),
    ],
    "check_smallest_eigenvalue_without_s2": [
        (EIGEN[1], "07.smallest_eigenvalue_without_s2.second_smallest"),
        (round(EIGEN[0], 3), "07.smallest_eigenvalue_without_s2.rounded"),
        (np.linalg.eigvalsh(X_std.T @ X_std / len(X_std))[0],
         "07.smallest_eigenvalue_without_s2.nothing_dropped"),
        (np.linalg.eigvalsh(X_std.drop(columns="s1").T @ X_std.drop(columns="s1")
                            / len(X_std))[0],
         "07.smallest_eigenvalue_without_s2.dropped_s1"),
        (2 * EIGEN[0], "07.smallest_eigenvalue_without_s2.hessian"),
        (np.linalg.eigvalsh(np.cov(NO_S2.T))[0],
         "07.smallest_eigenvalue_without_s2.n_minus_1"),
        (EIGEN[-1], "07.smallest_eigenvalue_without_s2.largest"),
        (EIGEN[0] * len(NO_S2) / 442, "07.smallest_eigenvalue_without_s2.all_patients"),
        (EIGEN, None),
        (0.0, None),
    ],
    "check_epoch_batch_sizes": [
        # the leftover rows added to the last full batch
        (lambda n, b: [b] * (n // b - 1) + [b + n % b] if n > b else [n],
         "08.epoch_batch_sizes.merged"),
        (lambda n, b: [b] * (n // b), "08.epoch_batch_sizes.no_last_batch"),
        (lambda n, b: [b] * (n // b) + [n % b],
         "08.epoch_batch_sizes.empty_last_batch"),
        (lambda n, b: [b] * -(-n // b), "08.epoch_batch_sizes.all_full"),
        (lambda n, b: n // b, "08.epoch_batch_sizes.one_number"),
        (lambda n, b: (b for _ in range(n // b)), "08.epoch_batch_sizes.generator"),
        (lambda n, b: [n % b] + [b] * (n // b) if n % b else [b] * (n // b), None),
        (lambda n, b: [b] * (n // b) + [n % b + 1], None),
        (lambda n, b: list(range(0, n, b)), None),
        (lambda n, b: [b] * (n // b + 1), "08.epoch_batch_sizes.all_full"),
    ],
    "check_predict_proba_from_weights": [
        (lambda X, w, b: np.column_stack([1 - sig(X @ w + b), sig(X @ w + b)]).astype(
            np.float32), "09.predict_proba_from_weights.float32"),
        (lambda X, w, b: proba(X, w, b).T, "09.predict_proba_from_weights.rows"),
        (lambda X, w, b: sig(X @ w + b), "09.predict_proba_from_weights.one_column"),
        (lambda X, w, b: np.hstack([1 - sig(X @ w + b), sig(X @ w + b)]),
         "09.predict_proba_from_weights.joined"),
        (lambda X, w, b: np.column_stack([1 - 1 / (1 + np.exp(-X @ w + b)),
                                          1 / (1 + np.exp(-X @ w + b))]),
         "09.predict_proba_from_weights.parentheses"),
        (lambda X, w, b: proba(X, w, 0.0), "09.predict_proba_from_weights.no_bias"),
        (lambda X, w, b: proba(X, w, b)[:, ::-1],
         "09.predict_proba_from_weights.swapped_columns"),
        (lambda X, w, b: np.column_stack([1 - (X @ w + b), X @ w + b]),
         "09.predict_proba_from_weights.no_sigmoid"),
        (lambda X, w, b: proba(X, w, b).round(2),
         "09.predict_proba_from_weights.rounded"),
        (lambda X, w, b: proba(X, w, b, z=np.tanh(X @ w + b)), None),
        (lambda X, w, b: pd.DataFrame(proba(X, w, b)),
         "09.predict_proba_from_weights.not_array"),
        (lambda X, w, b: proba(X, w, b).tolist(),
         "09.predict_proba_from_weights.not_array"),
    ],
    "check_log_loss_gradient": [
        (lambda X, y, w, b: log_grad(X, y, w, b, scale=2.0),
         "09.log_loss_gradient.factor_two"),
        (lambda X, y, w, b: log_grad(X, y, w, b, scale=-1.0),
         "09.log_loss_gradient.sign"),
        (lambda X, y, w, b: log_grad(X, y, w, b, factor=lambda p: p * (1 - p)),
         "09.log_loss_gradient.leftover_derivative"),
        (lambda X, y, w, b: log_grad(X, y, w, b, factor=lambda p: 2 * p * (1 - p)),
         "09.log_loss_gradient.mse_gradient"),
        (lambda X, y, w, b: log_grad(X, y, w, 0.0), "09.log_loss_gradient.no_bias"),
        (lambda X, y, w, b: (X.T @ (sig(X @ w + b) - y[:, None]) / len(X), 0.0),
         "09.log_loss_gradient.broadcast"),
        (lambda X, y, w, b: (log_grad(X, y, w, b)[0], sig(X @ w + b) - y),
         "09.log_loss_gradient.bias_per_sample"),
        (lambda X, y, w, b: log_grad(X, y, w, b, dtype=np.float32),
         "09.log_loss_gradient.float32"),
        (lambda X, y, w, b: tuple(len(X) * g for g in log_grad(X, y, w, b)),
         "09.log_loss_gradient.missing_mean"),
        (lambda X, y, w, b: (log_grad(X, y, w, b)[0], 0.0), None),
        (lambda X, y, w, b: log_grad(X, y, w, b)[::-1], "09.log_loss_gradient.swapped"),
    ],
    "check_confusion_counts": [
        (lambda y, p, t: counts(y, p, t, flip=True),
         "09.confusion_counts.positive_zero"),
        (lambda y, p, t: counts(y, p, 0.5), "09.confusion_counts.fixed_half"),
        (lambda y, p, t: [counts(y, p, t)[i] for i in (0, 2, 1, 3)],
         "09.confusion_counts.swapped_fp_fn"),
        (lambda y, p, t: [counts(y, p, t)[i] for i in (3, 0, 1, 2)],
         "09.confusion_counts.order"),
        (lambda y, p, t: counts(y, 1 - p, 1 - t), "09.confusion_counts.reversed"),
        (lambda y, p, t: [counts(y, p, t)[i] for i in (2, 3, 0, 1)],
         "09.confusion_counts.labels_flipped"),
        (lambda y, p, t: {"tn": 0}, "09.confusion_counts.dict"),
        (lambda y, p, t: (0, 0, 0, 0), "09.confusion_counts.total"),
        (lambda y, p, t: counts(y, p, t)[:3], None),
        (lambda y, p, t: counts(y, p, t)[::-1], "09.confusion_counts.positive_zero"),
    ],
    "check_train_classifier": [
        (lambda X, y, r, e: fit(X, y, r, e,
                                grad=lambda *a: [2 * g for g in log_grad(*a)]),
         "09.train_classifier.factor_two"),
        (lambda X, y, r, e: tuple(np.float32(v) for v in fit(X, y, r, e)),
         "09.train_classifier.float32"),
        (lambda X, y, r, e: fit(X, y, r, e, start=1),
         "09.train_classifier.epoch_too_few"),
        (lambda X, y, r, e: fit(X, y, r, e + 1), "09.train_classifier.epoch_too_many"),
        (lambda X, y, r, e: fit(X, y, -r, e), "09.train_classifier.uphill"),
        (lambda X, y, r, e: fit(X, y, r, e, bias=False),
         "09.train_classifier.bias_not_updated"),
        (lambda X, y, r, e: fit(X, y, r, e, grad=lambda *a: log_grad(
            *a, factor=lambda p: 2 * p * (1 - p))), "09.train_classifier.mse_gradient"),
        (lambda *a: fit(*a)[::-1], "09.train_classifier.bias_first"),
        (lambda X, y, r, e: fit(X, y, r, e, grad=lambda X, *a: tuple(
            len(X) * g for g in log_grad(X, *a))), "09.train_classifier.missing_mean"),
        (lambda X, y, r, e: fit(X, y, r, e, grad=lambda *a: log_grad(
            *a, dtype=np.float32)), "09.train_classifier.float32"),
        (lambda X, y, r, e: (fit(X, y, r, e)[0][:, None], fit(X, y, r, e)[1]), None),
        (lambda X, y, r, e: fit(X, y, 0.1, e), None),
    ],
}


def _secrets(check):
    """How the reference answer of a value check would look in a message."""
    table = {"check_product_shape": ["(4, 2)"], "check_outer_shape": ["(4, 5)"],
             "check_rate_limit": ["0.111", "1/9", "1 / 9"],
             "check_grid_size": ["10,001", "10001", "100,020,001", "80.016"],
             "check_raw_grid_minimum": ["(6, 8)", "(6.0, 8.0)"],
             "check_slope_with_more_data": [f"{SLOPE:.2f}"],
             "check_smallest_eigenvalue_without_s2": [f"{EIGEN[0]:.3f}"],
             "check_two_errors": [f"{v:.1f}" for v in MSES],
             "check_adam_learning_rate": ["151.6", "1.516"]}
    return table.get(check, [])


def headings():
    found = set()
    for path in (ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                found |= {f"{path.name[:2]}.{n}" for n in re.findall(
                    r"^## (\d+)\. ", "".join(cell["source"]), re.MULTILINE)}
    return found


SECTIONS = headings()
# in their own module
KERAS = {"check_build_neuron", "check_adam_learning_rate", "check_neuron_parameters"}


def cases(corpus):
    """The corpus as parameters: (check, k, answer, expected), with ids."""
    found = [(check, k, answer, expected) for check, answers in corpus.items()
             for k, (answer, expected) in enumerate(answers)]
    return dict(argnames=("check", "k", "answer", "expected"), argvalues=found,
                ids=[f"{c}-{k}" for c, k, _, _ in found])


def test_every_check_has_at_least_eight_wrong_answers():
    assert set(CORPUS) == set(checks.CHECKS) - KERAS
    assert min(len(corpus) for corpus in CORPUS.values()) >= 8


@pytest.mark.parametrize(**cases(CORPUS))
def test_a_wrong_answer_is_refused_and_named_without_the_answer(check, k, answer,
                                                                expected, capsys):
    refused(check, answer, expected, capsys)


def refused(check, answer, expected, capsys):
    """Assert what a check must say about a wrong answer."""
    args = answer if check in ("check_two_errors", "check_grid_size",
                               "check_adam_learning_rate",
                               "check_gradients_and_update") else (answer,)
    with pytest.raises(CheckFailed) as info:
        getattr(checks, check)(*args)
    assert "Correct" not in capsys.readouterr().out
    message, mistake = str(info.value), info.value.mistake
    assert mistake == expected, message
    rounding = (expected or "").endswith(".rounded")
    assert ("value rounded" in message) == rounding, message
    assert not [s for s in _secrets(check) if s in message], message
    named = {f"{a}.{b}" for a, b in re.findall(r"notebook (\d\d), section (\d+)",
                                                message)}
    assert named <= SECTIONS, message
    assert named or mistake is None or mistake.endswith(".rounded"), message
