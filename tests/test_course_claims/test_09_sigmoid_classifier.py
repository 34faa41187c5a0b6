"""What notebook 09 claims about the sigmoid neuron, asserted outside the notebook.

Computed independently of the notebook's code and of ``ck.NeuronClassifier``: plain
NumPy gradient descent, Newton's method, least squares, linear programming and
scikit-learn.
"""

import numpy as np
import pytest
from scipy.optimize import linprog, minimize
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

PAIR = ["mean radius", "mean texture"]


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # another formula than the notebook's


def _log_loss(y, z):
    return np.mean(np.logaddexp(0.0, z) - y * z)


def _standardise(train, test):
    mean, std = train.mean(axis=0), train.std(axis=0)
    return (train - mean) / std, (test - mean) / std


def _design(X):
    return np.column_stack([X, np.ones(len(X))])


def _descent(X, y, theta, rate, n_epochs, loss="log"):
    """Full-batch gradient descent on [w, b]; every epoch's parameters."""
    A = _design(X)
    path = [theta.copy()]
    for _ in range(n_epochs):
        p = _sigmoid(A @ theta)
        residual = p - y if loss == "log" else 2 * (p - y) * p * (1 - p)
        theta = theta - rate * A.T @ residual / len(y)
        path.append(theta.copy())
    return np.array(path)


def _auto_rate(X):
    A = _design(X)
    return 4.0 / np.linalg.eigvalsh(A.T @ A / len(A))[-1]


def _glorot(n_features):
    limit = np.sqrt(6.0 / (n_features + 1))
    w = np.random.default_rng(0).uniform(-limit, limit, size=n_features)
    return np.append(w, 0.0)


def _newton(X, y, n_steps=30):
    """The minimum of the log loss by Newton's method."""
    A = _design(X)
    theta = np.zeros(A.shape[1])
    for _ in range(n_steps):
        p = _sigmoid(A @ theta)
        hessian = A.T @ (A * (p * (1 - p))[:, None]) / len(y)
        theta -= np.linalg.solve(hessian, A.T @ (p - y) / len(y))
    return theta


@pytest.fixture(scope="module")
def cancer():
    data = load_breast_cancer(as_frame=True)
    y = (data.target == 0).to_numpy().astype(int)
    f_train, f_test, y_train, y_test = train_test_split(
        data.data, y, test_size=0.25, stratify=y, random_state=0)
    X2_train, X2_test = _standardise(f_train[PAIR].to_numpy(), f_test[PAIR].to_numpy())
    X_train, X_test = _standardise(f_train.to_numpy(), f_test.to_numpy())
    return {"y": y, "y_train": y_train, "y_test": y_test,
            "raw": f_train[PAIR].to_numpy(), "X2_train": X2_train, "X2_test": X2_test,
            "X_train": X_train, "X_test": X_test}


def test_09_data_and_split(cancer):
    assert len(cancer["y"]) == 569 and cancer["y"].sum() == 212
    assert len(cancer["y_train"]) == 426 and cancer["y_train"].sum() == 159
    assert len(cancer["y_test"]) == 143 and cancer["y_test"].sum() == 53


def test_09_exp_overflows_below_about_minus_709_78():
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(709.78)) and np.isinf(np.exp(709.79))


def test_09_linear_neuron_leaves_zero_one(cancer):
    x, y = cancer["X2_train"][:, 0], cancer["y_train"]
    b, w = np.linalg.lstsq(_design(x[:, None]), y, rcond=None)[0][[1, 0]]
    y_pred = b + w * x
    assert (round(b, 4), round(w, 4)) == (0.3732, 0.3468)
    assert round(y_pred.min(), 4) == -0.3337 and round(y_pred.max(), 4) == 1.7630
    assert np.sum((y_pred < 0) | (y_pred > 1)) == 68


def test_09_mse_descent_crawls_and_log_loss_descent_does_not(cancer):
    x, y = cancer["X2_train"][:, :1], cancer["y_train"]
    start = np.array([-6.0, 4.0])
    by_mse = _descent(x, y, start, 1.0, 200, loss="mse")[-1]
    by_log = _descent(x, y, start, 1.0, 200)[-1]
    assert np.allclose(by_mse, [-1.4713, 6.2877], atol=5e-5)
    assert np.allclose(by_log, [3.5278, -0.6236], atol=5e-5)
    z_mse = _design(x) @ by_mse
    assert np.all(z_mse > 0)  # every training tumour called malignant
    assert round(np.mean((z_mse > 0) == y), 4) == 0.3732 == round(159 / 426, 4)
    assert round(np.mean((_sigmoid(z_mse) - y) ** 2), 4) == 0.6266
    z_log = _design(x) @ by_log
    assert round(_log_loss(y, z_log), 4) == 0.3015
    assert round(np.mean((z_log > 0) == y), 4) == 0.8638
    # the MSE-trained curve falls below 1/2 only beyond the largest training radius;
    # it falls the wrong way, from near 1 at the smallest tumour to 0.597 at the largest
    assert -by_mse[1] / by_mse[0] > x.max()
    ends = np.array([x.min(), x.max()])
    at_smallest, at_largest = _sigmoid(by_mse[1] + by_mse[0] * ends)
    assert at_smallest > 0.999 and round(at_largest, 3) == 0.597


def test_09_mse_descent_is_slow_not_stuck(cancer):
    """1,000 epochs of the MSE's descent from the same bad start: a plateau, then the
    slope turns and the accuracy reaches the log loss's after 200 epochs."""
    x, y = cancer["X2_train"][:, :1], cancer["y_train"]
    path = _descent(x, y, np.array([-6.0, 4.0]), 1.0, 1_000, loss="mse")
    printed = {}
    for epoch in (200, 500, 800, 900, 1_000):
        z = _design(x) @ path[epoch]
        slope, accuracy = path[epoch][0], np.mean((z > 0) == y)
        mse = np.mean((_sigmoid(z) - y) ** 2)
        printed[epoch] = (round(slope, 4), round(mse, 4), round(accuracy, 4))
    assert printed == {200: (-1.4713, 0.6266, 0.3732), 500: (-0.8912, 0.6245, 0.3732),
                       800: (-0.2490, 0.6158, 0.3732), 900: (2.3346, 0.1031, 0.8638),
                       1_000: (2.8554, 0.0940, 0.8732)}
    assert np.argmax(path[:, 0] > 0) == 834  # the first epoch with a positive slope


def test_09_each_loss_has_a_good_minimum_near_the_other(cancer):
    """Found independently: BFGS on the MSE, Newton on the log loss."""
    x, y = cancer["X2_train"][:, 0], cancer["y_train"]

    def mse(theta):  # theta = (intercept, slope)
        return np.mean((_sigmoid(theta[0] + theta[1] * x) - y) ** 2)

    lowest_mse = minimize(mse, [0.0, 1.0], method="BFGS", options={"gtol": 1e-12}).x
    lowest_log = _newton(x[:, None], y)[[1, 0]]
    assert np.allclose(lowest_mse, [-0.6842, 3.7765], atol=5e-5)
    assert np.allclose(lowest_log, [-0.6239, 3.5769], atol=5e-5)
    for intercept, slope in (lowest_mse, lowest_log):
        assert round(np.mean(((intercept + slope * x) > 0) == y), 4) == 0.8638
    # the notebook's 5,000 epochs from the log-loss neuron's end reach both (4 decimals)
    end = _descent(x[:, None], y, np.array([-6.0, 4.0]), 1.0, 200)[-1]
    for loss, lowest in (("mse", lowest_mse), ("log", lowest_log)):
        reached = _descent(x[:, None], y, end, 1.0, 5_000, loss=loss)[-1][[1, 0]]
        assert np.abs(reached - lowest).max() < 2e-5


def test_09_mse_is_not_convex_and_log_loss_is(cancer):
    x, y = cancer["X2_train"][:, 0], cancer["y_train"]
    end = _descent(x[:, None], y, np.array([-6.0, 4.0]), 1.0, 200)[-1]
    start = np.array([-6.0, 4.0])

    def losses(theta):
        z = theta[1] + theta[0] * x
        return np.mean((_sigmoid(z) - y) ** 2), _log_loss(y, z)

    (mse_s, log_s), (mse_e, log_e), (mse_m, log_m) = (
        losses(start), losses(end), losses((start + end) / 2))
    assert [round(v, 4) for v in (mse_s, mse_e, mse_m)] == [0.7973, 0.0927, 0.5865]
    assert mse_m > (mse_s + mse_e) / 2 and round((mse_s + mse_e) / 2, 4) == 0.4450
    assert [round(v, 4) for v in (log_s, log_e, log_m)] == [5.7909, 0.3015, 1.7765]
    assert log_m < (log_s + log_e) / 2 and round((log_s + log_e) / 2, 4) == 3.0462
    # log loss Hessian A'diag(p(1-p))A/n is positive semi-definite everywhere
    A = _design(x[:, None])
    for theta in np.random.default_rng(0).uniform(-10, 10, size=(50, 2)):
        p = _sigmoid(A @ theta)
        assert np.linalg.eigvalsh(A.T @ (A * (p * (1 - p))[:, None]))[0] >= -1e-12


def test_09_one_step_gradient_by_finite_differences(cancer):
    x, y = cancer["X2_train"][:, 0], cancer["y_train"]
    h = 1e-6

    def central(f, w, b):
        return ((f(w + h, b) - f(w - h, b)) / (2 * h),
                (f(w, b + h) - f(w, b - h)) / (2 * h))

    def log_loss(w, b):
        return _log_loss(y, w * x + b)

    def mse(w, b):
        return np.mean((_sigmoid(w * x + b) - y) ** 2)

    g_log = central(log_loss, -6.0, 4.0)
    g_mse = central(mse, -6.0, 4.0)
    assert np.allclose(g_log, [-0.6789, 0.4036], atol=5e-5)
    assert np.allclose(g_mse, [-0.0140, -0.0085], atol=5e-5)
    assert round(np.hypot(*g_log) / np.hypot(*g_mse)) == 48
    assert np.allclose([-6.0 - g_log[0], 4.0 - g_log[1]], [-5.321078, 3.596406],
                       atol=1e-6)


def test_09_two_features_reach_logistic_regression(cancer):
    X, y = cancer["X2_train"], cancer["y_train"]
    assert round(_auto_rate(X), 4) == 3.0738
    start = _glorot(2)
    assert np.allclose(start[:2], [0.3874, -0.6511], atol=5e-5)
    path = _descent(X, y, start, _auto_rate(X), 500)
    newton = _newton(X, y)
    assert np.allclose(newton, [3.5900, 0.8049, -0.6840], atol=5e-5)
    assert np.abs(path[-1] - newton).max() < 1e-8
    reference = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    lr = np.append(reference.coef_, reference.intercept_)
    assert np.abs(lr - newton).max() < 2e-8
    gap = np.abs(lr - path[-1]).max()
    assert 1e-10 < gap < 2e-8  # the notebook prints 6.0e-09
    A = _design(X)
    assert round(_log_loss(y, A @ start), 4) == 0.7325
    assert round(_log_loss(y, A @ path[-1]), 4) == 0.2733
    assert round(np.mean((A @ newton > 0) == y), 4) == 0.8826
    z_test = _design(cancer["X2_test"]) @ newton
    assert round(np.mean((z_test > 0) == cancer["y_test"]), 4) == 0.9231
    # "the first epoch already turns the boundary almost to its final direction, and
    # the loss has nearly settled after a few dozen epochs"
    angles = np.degrees(np.arctan2(path[:, 1], path[:, 0]))
    assert abs(angles[0] - angles[-1]) > 60 and abs(angles[1] - angles[-1]) < 2
    assert _log_loss(y, A @ path[30]) - _log_loss(y, A @ path[-1]) < 2e-3
    # pitfall 1: the bias with the wrong sign
    wrong = _design(cancer["X2_test"]) @ (newton * [1, 1, -1])
    assert round(np.mean((wrong > 0) == cancer["y_test"]), 4) == 0.8531


def test_09_slow_run_boundary_turns(cancer):
    X, y = cancer["X2_train"], cancer["y_train"]
    path = _descent(X, y, _glorot(2), _auto_rate(X) / 10, 500)
    angles = np.degrees(np.arctan2(path[:, 1], path[:, 0]))
    assert angles[0] < -50 and 10 < angles[500] < 20  # weights turn by about 70 deg
    assert _log_loss(y, _design(X) @ path[-1]) < 0.2735  # close to the minimum 0.2733


def test_09_thirty_features_model_and_threshold_table(cancer):
    X, y, X_test, y_test = (cancer["X_train"], cancer["y_train"], cancer["X_test"],
                            cancer["y_test"])
    theta = _descent(X, y, _glorot(30), _auto_rate(X), 100)[-1]
    z_test = _design(X_test) @ theta
    assert round(np.mean((_design(X) @ theta > 0) == y), 4) == 0.9883
    assert round(np.mean((z_test > 0) == y_test), 4) == 0.9790
    assert round(np.abs(theta[:-1]).max(), 4) == 0.8379
    assert f"{np.abs(theta[:-1]).max():.3g}" == "0.838"
    assert f"{_log_loss(y_test, z_test):.3g}" == "0.0916"
    p = _sigmoid(z_test)
    expected = {0.02: (53, 0, 34), 0.05: (53, 0, 25), 0.1: (53, 0, 15),
                0.3: (51, 2, 9), 0.5: (51, 2, 1), 0.7: (48, 5, 0), 0.9: (46, 7, 0)}
    for threshold, (tp, fn, fp) in expected.items():
        predicted = p > threshold
        assert np.sum(predicted & (y_test == 1)) == tp
        assert np.sum(~predicted & (y_test == 1)) == fn
        assert np.sum(predicted & (y_test == 0)) == fp
    assert np.sum(~(p > 0.5) & (y_test == 0)) == 89
    # read against the majority-class baseline, and from the malignant side
    assert (np.sum(y_test == 0), round(np.mean(y_test == 0), 4)) == (90, 0.6294)
    assert round(51 / (51 + 1), 4) == 0.9808 and round(51 / (51 + 2), 4) == 0.9623
    # "no threshold removes both" mistakes: a malignant tumour scores below a benign one
    assert p[y_test == 1].min() < p[y_test == 0].max()
    for n_epochs, loss, largest in [(1_000, 0.0489, 1.6643), (3_000, 0.0420, 2.4353)]:
        longer = _descent(X, y, _glorot(30), _auto_rate(X), n_epochs)[-1]
        assert round(_log_loss(y, _design(X) @ longer), 4) == loss
        assert round(np.abs(longer[:-1]).max(), 4) == largest


def test_09_thirty_features_separate_the_training_set(cancer):
    X, y = cancer["X_train"], cancer["y_train"]
    sign = 2 * y - 1
    # find w, b with sign_i (x_i . w + b) >= 1 for every training tumour
    result = linprog(np.zeros(31), A_ub=-sign[:, None] * _design(X),
                     b_ub=-np.ones(len(y)), bounds=[(None, None)] * 31)
    assert result.status == 0
    reference = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(X, y)
    assert reference.score(X, y) == 1.0
    assert round(reference.score(cancer["X_test"], cancer["y_test"]), 4) == 0.9650
    assert f"{np.abs(reference.coef_).max():.3g}" == "986"
    z_test = reference.decision_function(cancer["X_test"])
    assert f"{_log_loss(cancer['y_test'], z_test):.3g}" == "36.1"
    # "when it is wrong, it is wrong with a probability near 0 or 1"
    wrong = (z_test > 0) != (cancer["y_test"] == 1)
    assert wrong.sum() == 5 and np.abs(z_test[wrong]).min() > 40


def test_09_unscaled_features(cancer):
    raw, X, y = cancer["raw"], cancer["X2_train"], cancer["y_train"]
    ratios = []
    for features in (X, raw):
        A = _design(features)
        eigenvalues = np.linalg.eigvalsh(A.T @ A / len(y))
        ratios.append(eigenvalues[-1] / eigenvalues[0])
    assert round(ratios[0], 2) == 1.86 and round(ratios[1]) == 16_882  # not "2"
    rate = _auto_rate(raw)
    assert round(rate, 4) == 0.0067
    crawl = _descent(raw, y, _glorot(2), rate, 500)[-1]
    z = _design(raw) @ crawl
    assert round(_log_loss(y, z), 4) == 0.6233
    assert round(np.mean((z > 0) == y), 4) == 0.6620
    with np.errstate(over="ignore"):
        jumpy = _descent(raw, y, _glorot(2), _auto_rate(X), 20)
        twin = _descent(raw, y, _glorot(2) + [1e-13, 1e-13, 0.0], _auto_rate(X), 100)
        longer = _descent(raw, y, _glorot(2), _auto_rate(X), 100)
    losses = np.array([_log_loss(y, _design(raw) @ theta) for theta in jumpy])
    assert f"{losses[0]:.6g}" == "2.75996" and f"{losses[-1]:.6g}" == "18.2434"
    assert round(losses[-1], 4) == 18.2434 and round(losses[-1], 2) == 18.24
    # "leaps from under 3 to over 400 in its first epoch, then jumps between about 10
    # and 360 and ends far above where it started"
    assert losses[0] < 3 and losses[1] > 400
    assert 9 < losses[2:].min() < 10 and 355 < losses[2:].max() < 365
    assert losses[-1] > 5 * losses[0]
    assert np.abs(np.diff(losses[1:])).min() > 20  # no two epochs alike
    # chaos: starts 1e-13 apart agree to 1e-6 for 20 epochs, not to 1e-3 by epoch 100
    gap = np.abs([_log_loss(y, _design(raw) @ a) - _log_loss(y, _design(raw) @ b)
                  for a, b in zip(longer, twin, strict=True)])
    assert gap[:21].max() < 1e-6 and gap.max() > 1e-3
    z = _design(raw) @ jumpy[-1]
    assert round(np.mean((z > 0) == y), 4) == 0.6221
    e = np.exp(-np.abs(z))  # the two-branch sigmoid that never overflows
    p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # exactly 1 above z = 36.7
    assert np.sum((p == 0) | (p == 1)) == 84
    assert np.abs(np.abs(z) - 36.74).min() > 0.1  # no z near where p rounds to 1
    with np.errstate(divide="ignore", invalid="ignore"):
        naive = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert np.isnan(naive.mean()) and np.isinf(naive[(z > 0) != (y == 1)].mean())
