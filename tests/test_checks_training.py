"""The checks of notebook 06: right answers pass, stubs are not done, mistakes named."""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks._core import CheckFailed, NotDoneYet
from tests.helpers import central_difference


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_gradients(X, y, w, b, *, at="z", scale=None, per_sample=False,
                      column=True, transpose=False, factor=1.0, bias=True,
                      activation=sigmoid):
    """A right answer, and through its options the mistakes a learner makes."""
    n = len(X)
    Y = y[:, None] if column else y  # column=False: the (n,) vs (n, 1) broadcast
    z = X @ w + b if bias else X @ w
    g_prime = {"z": sigmoid(z) * (1 - sigmoid(z)), "X": sigmoid(X) * (1 - sigmoid(X)),
               "none": 1.0, "g": sigmoid(z)}[at]
    delta = factor * (activation(z) - Y) * g_prime
    scale = 2 / n if scale is None else scale
    grad_w = scale * X.T @ delta
    grad_b = scale * delta if per_sample else scale * delta.sum()
    return (grad_w.T if transpose else grad_w), grad_b


def train_full_batch(X, y, learning_rate, n_epochs, *, sign=1.0, scale=None,
                     epochs=None, column=True, per_sample=False, sequential=False):
    n, p = X.shape
    Y = y[:, None] if column else y
    scale = 2 / n if scale is None else scale
    w, b = np.zeros((p, 1)), 0.0
    for _ in range(n_epochs if epochs is None else epochs(n_epochs)):
        delta = X @ w + b - Y
        w = w - sign * learning_rate * scale * X.T @ delta
        if sequential:  # the bias's gradient after the weights moved
            delta = X @ w + b - Y
        b = b - sign * learning_rate * scale * (delta if per_sample else delta.sum())
    return w, b


def stub(*args):
    raise NotImplementedError()


def test_sigmoid_gradients_reference_agrees_with_finite_differences():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(7, 3)), rng.uniform(size=7)
    w, b = rng.normal(size=(3, 1)), 0.4

    def loss(theta):
        return np.mean((sigmoid(X @ theta[:3, None] + theta[3]) - y[:, None]) ** 2)

    numeric = central_difference(loss, np.append(w.ravel(), b))
    grad_w, grad_b = sigmoid_gradients(X, y, w, b)
    np.testing.assert_allclose(numeric, np.append(grad_w.ravel(), grad_b), atol=1e-8)


def test_sigmoid_gradients_right_answer_passes(capsys):
    ck.checks.check_sigmoid_gradients(sigmoid_gradients)
    out = capsys.readouterr().out
    assert out.startswith("Correct:")
    assert len(out.splitlines()) == 1


def test_sigmoid_gradients_accepts_a_one_element_bias():
    ck.checks.check_sigmoid_gradients(
        lambda X, y, w, b: (sigmoid_gradients(X, y, w, b)[0],
                            np.array([[sigmoid_gradients(X, y, w, b)[1]]])))


def test_sigmoid_gradients_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        ck.checks.check_sigmoid_gradients(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"at": "X"}, "derivative at the inputs X"),
    ({"scale": 2.0}, "n times too large"),
    ({"per_sample": True}, r"\(6, 1\), one value per sample: .* adds them all up"),
    ({"column": False}, "n² numbers"),
    ({"transpose": True}, r"shape \(1, 3\): a row: the gradient has the shape of w"),
    ({"bias": False}, "your z leaves out the bias"),
    ({"activation": lambda z: z, "at": "none"}, "prediction is z itself"),
    ({"activation": lambda z: z, "at": "z"}, r"error is z - y, .* g'\(z\) is right"),
    ({"at": "none"}, "factor g'\\(z\\) of the chain rule is missing"),
    ({"at": "g"}, "its derivative g'\\(z\\)"),
    ({"factor": -1.0}, "wrong sign"),
    ({"factor": 0.5}, "half the right size"),
    ({"factor": 1.01}, "grad_w for case 1 .* is wrong. See notebook 06"),
])
def test_sigmoid_gradients_mistakes_are_named(options, message):
    def wrong(X, y, w, b):
        return sigmoid_gradients(X, y, w, b, **options)

    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_sigmoid_gradients(wrong)


def test_sigmoid_gradients_derivative_at_x_is_named_with_several_features():
    def wrong(X, y, w, b):
        if X.shape[1] == 1:  # right on one feature, wrong (and (p, p)) on several
            return sigmoid_gradients(X, y, w, b)
        return sigmoid_gradients(X, y, w, b, at="X")

    with pytest.raises(CheckFailed, match=r"shape \(3, 3\).*derivative at the inputs"):
        ck.checks.check_sigmoid_gradients(wrong)


@pytest.mark.parametrize(("result", "message"), [
    (lambda X, y, w, b: None, "returned None: did you forget the `return` line"),
    (lambda X, y, w, b: (w.ravel(), 0.0), r"shape \(1,\); expected \(1, 1\)"),
    (lambda X, y, w, b: (np.ones((1, 6)), 0.0), r"shape \(1, 6\): .*n² numbers"),
    (lambda X, y, w, b: (sigmoid_gradients(X, y, w, b)[0], "zero"),
     "grad_b` is str; expected a single number"),
    (lambda X, y, w, b: (sigmoid_gradients(X, y, w, b)[0], None), "grad_b` is None"),
    (lambda X, y, w, b: (X, 0.0), r"has shape \(6, 1\); expected \(1, 1\)"),
    (lambda X, y, w, b: ("w", 0.0), "grad_w for case 1 .* is str"),
    (lambda X, y, w, b: (None, 0.0), "grad_w for case 1 .* is None"),
    (lambda X, y, w, b: 1 / 0, "raised ZeroDivisionError"),
])
def test_sigmoid_gradients_wrong_types_and_shapes(result, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_sigmoid_gradients(result)


def test_sigmoid_gradients_wants_the_function_itself():
    with pytest.raises(CheckFailed, match="Pass the function itself"):
        ck.checks.check_sigmoid_gradients((np.zeros((1, 1)), 0.0))


def test_train_full_batch_right_answer_passes(capsys):
    ck.checks.check_train_full_batch(train_full_batch)
    assert capsys.readouterr().out.startswith("Correct:")


def test_train_full_batch_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="Not done yet"):
        ck.checks.check_train_full_batch(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"sign": -1.0}, "goes uphill"),
    ({"scale": 2.0}, "n times too large"),
    ({"epochs": lambda e: e - 1}, r"one epoch too few: range\(1, n_epochs\)"),
    ({"epochs": lambda e: e + 1}, "one epoch too many"),
    ({"scale": 1.0 / 6}, "half the right size"),
    ({"sequential": True}, "used the weights already updated"),
    ({"column": False}, "n² numbers"),
    ({"per_sample": True}, "one bias per sample"),
    ({"scale": 0.3}, r"w for case 1 .* is wrong. Start from w = zeros"),
])
def test_train_full_batch_mistakes_are_named(options, message):
    def wrong(X, y, learning_rate, n_epochs):
        return train_full_batch(X, y, learning_rate, n_epochs, **options)

    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_train_full_batch(wrong)


def test_train_full_batch_one_update_per_sample_is_named():
    def sgd(X, y, learning_rate, n_epochs):
        w, b = np.zeros((X.shape[1], 1)), 0.0
        for _ in range(n_epochs):
            for i in range(len(X)):  # one step per sample, in order
                delta = X[i:i + 1] @ w + b - y[i]
                w = w - learning_rate * 2 * X[i:i + 1].T @ delta
                b = b - learning_rate * 2 * delta.item()
        return w, b

    with pytest.raises(CheckFailed, match="one update per sample"):
        ck.checks.check_train_full_batch(sgd)


def test_train_full_batch_weights_and_bias_swapped_are_named():
    def swapped(X, y, learning_rate, n_epochs):
        w, b = train_full_batch(X, y, learning_rate, n_epochs)
        return b, w

    with pytest.raises(CheckFailed, match="bias first and the weights second"):
        ck.checks.check_train_full_batch(swapped)


def test_train_full_batch_accepts_a_one_element_bias_array():
    def right(X, y, learning_rate, n_epochs):
        w, b = train_full_batch(X, y, learning_rate, n_epochs)
        return w, np.array([[b]])  # (1, 1), like w when p = 1: not "swapped"

    ck.checks.check_train_full_batch(right)


def test_train_full_batch_transposed_weights_are_named():
    def wrong(X, y, learning_rate, n_epochs):
        w, b = train_full_batch(X, y, learning_rate, n_epochs)
        return w.T, b

    with pytest.raises(CheckFailed, match=r"shape \(1, 3\): your weights"):
        ck.checks.check_train_full_batch(wrong)


def test_rate_limit_right_answers_pass(capsys):
    for answer in (1 / 9, 0.111, np.float64(1 / 3**2)):
        ck.checks.check_rate_limit(answer)
    assert capsys.readouterr().out.count("Correct:") == 3


def test_rate_limit_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="has no answer yet"):
        ck.checks.check_rate_limit(None)


@pytest.mark.parametrize(("answer", "message"), [
    (1.0, "limit along the bias"),
    (1 / 3, "variance of the feature"),
    (0.5, "one step on standardised data"),
    (1 / 18, "larger rates still converge, with a zig-zag"),
    (2 / 9, "with the 2"),
    (0.11, "find where it reaches -1"),
    (0.2, "find where it reaches -1"),
    ("0.111", "is str; expected one number"),
    (True, "is bool"),
    (np.array([0.1, 0.2]), "is ndarray"),
])
def test_rate_limit_mistakes_are_named(answer, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_rate_limit(answer)


def test_rate_limit_messages_never_give_the_answer():
    for answer in (1.0, 1 / 3, 0.5, 1 / 18, 2 / 9, 0.2):
        with pytest.raises(CheckFailed) as failure:
            ck.checks.check_rate_limit(answer)
        message = str(failure.value)
        assert "1 / 9" not in message and "1/9" not in message
        assert "0.11" not in message and "twice" not in message


def test_rate_limit_is_where_descent_stops_converging():
    rng = np.random.default_rng(0)
    x = rng.normal(size=200)
    X = (3 * (x - x.mean()) / x.std())[:, None]  # mean 0, standard deviation 3
    y = 2 * X[:, 0] + rng.normal(size=200)
    a = np.c_[X, np.ones(len(X))]
    assert 2 / np.linalg.eigvalsh(2 * a.T @ a / len(a)).max() == pytest.approx(1 / 9)
    below = ck.Neuron(learning_rate=0.99 / 9, n_epochs=200, random_state=0).fit(X, y)
    assert below.history_["loss"].iloc[-1] < below.history_["loss"].iloc[0]
    with pytest.warns(Warning, match="loss grew"):
        ck.Neuron(learning_rate=1.01 / 9, n_epochs=200, random_state=0).fit(X, y)


def test_train_full_batch_names_a_discarded_update_and_a_bias_never_moved():
    def discarded(X, y, learning_rate, n_epochs):
        return np.zeros((X.shape[1], 1)), 0.0

    with pytest.raises(CheckFailed, match=r"w, b = update\(\.\.\.\)"):
        ck.checks.check_train_full_batch(discarded)

    def bias_never_moved(X, y, learning_rate, n_epochs):
        n = len(X)
        w, Y = np.zeros((X.shape[1], 1)), y[:, None]
        for _ in range(n_epochs):
            w = w - learning_rate * 2 / n * X.T @ (X @ w - Y)
        return w, 0.0

    with pytest.raises(CheckFailed, match="your b is still 0"):
        ck.checks.check_train_full_batch(bias_never_moved)


def test_sigmoid_gradients_names_g_prime_taken_at_the_prediction():
    def at_prediction(X, y, w, b):
        n = len(X)
        s = 1 / (1 + np.exp(-(X @ w + b)))
        d = (s - y[:, None]) * (1 / (1 + np.exp(-s))) * (1 - 1 / (1 + np.exp(-s)))
        return 2 / n * X.T @ d, 2 / n * d.sum()

    with pytest.raises(CheckFailed, match="taken at the prediction"):
        ck.checks.check_sigmoid_gradients(at_prediction)
