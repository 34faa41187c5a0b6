"""The checks of notebook 09: right answers pass, stubs are not done, mistakes named."""

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix

import coursekit as ck
from coursekit.checks._core import CheckFailed, NotDoneYet
from tests.helpers import central_difference


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def stub(*args):
    raise NotImplementedError()


def passes(check, answer, capsys):
    check(answer)
    out = capsys.readouterr().out
    assert out.startswith("Correct:")
    assert len(out.splitlines()) == 1


# Exercise 1: predict_proba_from_weights


def predict_proba(X, w, b, *, parentheses=True, swap=False, activation=True,
                  layout="columns", bias=True):
    """A right answer, and through its options the mistakes a learner makes."""
    b = b if bias else 0.0
    z = X @ w + b if parentheses else -X @ w + b
    if not parentheses:  # 1 / (1 + np.exp(-X @ w + b))
        p = 1 / (1 + np.exp(z))
    else:
        p = sigmoid(z) if activation else z
    columns = [p, 1 - p] if swap else [1 - p, p]
    if layout == "rows":
        return np.vstack(columns)
    if layout == "one":
        return p
    if layout == "column":
        return p[:, None]
    if layout == "hstack":
        return np.hstack(columns)
    return np.column_stack(columns)


def test_predict_proba_reference_agrees_with_the_classifier():
    X = np.random.default_rng(0).normal(size=(20, 3))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    y[:3] = 1 - y[:3]  # not separable
    model = ck.NeuronClassifier(n_epochs=5, random_state=0).fit(X, y)
    np.testing.assert_allclose(predict_proba(X, model.coef_, model.intercept_),
                               model.predict_proba(X), rtol=1e-12)


def test_predict_proba_right_answer_passes(capsys):
    passes(ck.checks.check_predict_proba_from_weights, predict_proba, capsys)


def test_predict_proba_accepts_a_list_of_rows(capsys):
    passes(ck.checks.check_predict_proba_from_weights,
           lambda X, w, b: predict_proba(X, w, b).tolist(), capsys)


def test_predict_proba_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        ck.checks.check_predict_proba_from_weights(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"parentheses": False}, "lacks parentheses"),
    ({"swap": True}, "columns are swapped"),
    ({"activation": False}, "z = X @ w \\+ b itself"),
    ({"layout": "rows"}, "one row per class"),
    ({"layout": "one"}, "one column only"),
    ({"layout": "column"}, "one column only"),
    ({"layout": "hstack"}, "joined end to end"),
    ({"bias": False}, "without its bias"),
])
def test_predict_proba_recognises_mistakes(options, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_predict_proba_from_weights(
            lambda X, w, b: predict_proba(X, w, b, **options))


def test_predict_proba_wrong_values_and_types_fail():
    with pytest.raises(CheckFailed, match="wrong. Column 1 is"):
        ck.checks.check_predict_proba_from_weights(
            lambda X, w, b: predict_proba(X, w, b) ** 2)
    with pytest.raises(CheckFailed, match="None: did you forget the `return`"):
        ck.checks.check_predict_proba_from_weights(lambda X, w, b: None)
    with pytest.raises(CheckFailed, match="expected a function"):
        ck.checks.check_predict_proba_from_weights(predict_proba(np.ones((2, 1)),
                                                                 np.ones(1), 0.0))
    with pytest.raises(CheckFailed, match=r"shape \(6, 3\): expected \(6, 2\)"):
        ck.checks.check_predict_proba_from_weights(
            lambda X, w, b: np.ones((len(X), 3)))
    with pytest.raises(CheckFailed, match=r"case 3 \(7 samples, 3 features\).*X \* w"):
        ck.checks.check_predict_proba_from_weights(  # X * w: one column per feature
            lambda X, w, b: np.column_stack([1 - sigmoid(X * w + b),
                                             sigmoid(X * w + b)]))


# Exercise 2: log_loss_gradient


def gradient(X, y, w, b, *, factor=1.0, scale=None, sign=1.0, leftover=False,
             at_x=False, parentheses=True, column=False, per_sample=False, bias=True):
    """A right answer, and through its options the mistakes a learner makes."""
    n = len(X)
    b = b if bias else 0.0
    z = X @ w + b if parentheses else -X @ w + b
    p = sigmoid(z) if parentheses else 1 / (1 + np.exp(z))
    Y = y[:, None] if column else y  # column=True: the (n,) vs (n, 1) broadcast
    error = sign * (p - Y)
    if leftover:
        error = error * p * (1 - p)
    scale = 1 / n if scale is None else scale
    if at_x:
        terms = error[:, None] * sigmoid(X) * (1 - sigmoid(X)) * X
        grad_w = factor * scale * terms.sum(axis=0)
    else:
        grad_w = factor * scale * X.T @ error
    grad_b = factor * scale * (error if per_sample else error.sum())
    return grad_w, grad_b


def test_gradient_reference_agrees_with_finite_differences():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(7, 3)), rng.integers(0, 2, size=7)
    w, b = rng.normal(size=3), 0.4

    def loss(theta):
        return ck.losses.logistic_loss(y, X @ theta[:3] + theta[3])

    numeric = central_difference(loss, np.append(w, b))
    np.testing.assert_allclose(numeric, np.append(*gradient(X, y, w, b)), atol=1e-8)


def test_gradient_right_answer_passes(capsys):
    passes(ck.checks.check_log_loss_gradient, gradient, capsys)


def test_gradient_accepts_numpy_scalars_and_lists(capsys):
    passes(ck.checks.check_log_loss_gradient,
           lambda X, y, w, b: [list(gradient(X, y, w, b)[0]),
                               np.float64(gradient(X, y, w, b)[1])], capsys)


def test_gradient_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        ck.checks.check_log_loss_gradient(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"factor": 2.0}, "twice too large"),
    ({"scale": 1.0}, "n times too large"),
    ({"sign": -1.0}, "wrong sign"),
    ({"leftover": True}, "that factor cancels"),
    ({"leftover": True, "factor": 2.0}, "gradient of the MSE of a sigmoid neuron"),
    ({"at_x": True}, "derivative taken at the inputs X"),
    ({"parentheses": False}, "lacks parentheses"),
    ({"column": True}, "averaged over n|n² numbers"),
    ({"per_sample": True}, "one bias per sample"),
    ({"bias": False}, "without its bias"),
])
def test_gradient_recognises_mistakes(options, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_log_loss_gradient(
            lambda X, y, w, b: gradient(X, y, w, b, **options))


def test_gradient_of_g_prime_at_x_as_a_matrix_is_named():
    def at_x_matrix(X, y, w, b):
        error = sigmoid(X @ w + b) - y
        return X.T @ (error[:, None] * sigmoid(X) * (1 - sigmoid(X))) / len(X), 0.0

    with pytest.raises(CheckFailed, match=r"shape \(1, 1\); .*derivative taken at"):
        ck.checks.check_log_loss_gradient(at_x_matrix)


def test_gradient_wrong_shapes_and_types_fail():
    with pytest.raises(CheckFailed, match="expected two values"):
        ck.checks.check_log_loss_gradient(lambda X, y, w, b: gradient(X, y, w, b)[0])
    with pytest.raises(CheckFailed, match="the shape of w"):
        ck.checks.check_log_loss_gradient(
            lambda X, y, w, b: (gradient(X, y, w, b)[0][:, None],
                                gradient(X, y, w, b)[1]))
    with pytest.raises(CheckFailed, match="grad_w for case 1 .* is str"):
        ck.checks.check_log_loss_gradient(lambda X, y, w, b: ("w", 0.0))
    with pytest.raises(CheckFailed, match="grad_w for case 1 .* wrong. Compare it"):
        ck.checks.check_log_loss_gradient(
            lambda X, y, w, b: (gradient(X, y, w, b)[0] + 0.1, gradient(X, y, w, b)[1]))
    with pytest.raises(CheckFailed, match="grad_b for case 1 .* wrong. Compare it"):
        ck.checks.check_log_loss_gradient(
            lambda X, y, w, b: (gradient(X, y, w, b)[0], 0.123))


# Exercise 3: confusion_counts


def counts(y, p, threshold, *, swap=False, fixed=False, reverse=False, order=None,
           positive=1):
    """A right answer, and through its options the mistakes a learner makes."""
    threshold = 0.5 if fixed else threshold
    predicted = p < threshold if reverse else p > threshold
    actual = y == positive
    tn, fp, fn, tp = (np.sum(~predicted & ~actual), np.sum(predicted & ~actual),
                      np.sum(~predicted & actual), np.sum(predicted & actual))
    if swap:
        fp, fn = fn, fp
    result = (tn, fp, fn, tp)
    return tuple(result[i] for i in order) if order else result


def test_counts_reference_agrees_with_scikit_learn():
    rng = np.random.default_rng(0)
    y, p = rng.integers(0, 2, size=50), rng.uniform(size=50)
    expected = confusion_matrix(y, p > 0.3, labels=[0, 1]).ravel()
    assert np.array_equal(counts(y, p, 0.3), expected)


def test_counts_right_answer_passes(capsys):
    passes(ck.checks.check_confusion_counts, counts, capsys)


def test_counts_accept_scikit_learn_and_its_matrix(capsys):
    passes(ck.checks.check_confusion_counts,
           lambda y, p, t: confusion_matrix(y, p > t, labels=[0, 1]).ravel(), capsys)
    passes(ck.checks.check_confusion_counts,
           lambda y, p, t: confusion_matrix(y, p > t, labels=[0, 1]), capsys)
    passes(ck.checks.check_confusion_counts,
           lambda y, p, t: counts(y, p, t - 1e-12), capsys)  # >= instead of >


def test_counts_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        ck.checks.check_confusion_counts(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"swap": True}, "false positives and false negatives are swapped"),
    ({"fixed": True}, "threshold 1/2 whatever"),
    ({"reverse": True}, "below the threshold"),
    ({"order": (3, 1, 2, 0)}, "in another order"),
    ({"order": (3, 2, 1, 0)}, "in another order"),
    ({"positive": 0}, "class 0 as the positive class"),
])
def test_counts_recognise_mistakes(options, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_confusion_counts(lambda y, p, t: counts(y, p, t, **options))


def test_counts_wrong_shapes_and_types_fail():
    with pytest.raises(CheckFailed, match="expected four numbers"):
        ck.checks.check_confusion_counts(lambda y, p, t: counts(y, p, t)[:3])
    with pytest.raises(CheckFailed, match="a dict"):
        ck.checks.check_confusion_counts(
            lambda y, p, t: dict(zip("abcd", counts(y, p, t), strict=True)))
    with pytest.raises(CheckFailed, match="add up to"):
        ck.checks.check_confusion_counts(
            lambda y, p, t: np.array(counts(y, p, t)) * 2)
    with pytest.raises(CheckFailed, match="are wrong: count, among"):
        ck.checks.check_confusion_counts(
            lambda y, p, t: np.array(counts(y, p, t)) + [1, -1, 0, 0])
