"""The checks of notebook 08's exercises: right answers pass, wrong ones are named."""

import os

os.environ["KERAS_BACKEND"] = "jax"  # before the first import of keras
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from coursekit.checks import CheckFailed, NotDoneYet  # noqa: E402
from coursekit.checks.keras_neuron import (  # noqa: E402
    check_adam_learning_rate,
    check_build_neuron,
    check_epoch_batch_sizes,
)

# Keras 3.15 calls np.array(variable, copy=False) on its own variables, which NumPy 2
# deprecates; the warning is Keras' and says nothing about the answers checked here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:__array__ implementation:DeprecationWarning"
)


def stub(*args):
    raise NotImplementedError()


# Exercise 1: the batch sizes of one epoch


def batch_sizes(n_samples, batch_size):
    full, left = divmod(n_samples, batch_size)
    return [batch_size] * full + ([left] if left else [])


def test_batch_sizes_right_answer_passes(capsys):
    check_epoch_batch_sizes(batch_sizes)
    assert capsys.readouterr().out.startswith("Correct:")
    # an array is as good as a list
    check_epoch_batch_sizes(lambda n, b: np.array(batch_sizes(n, b)))


def test_batch_sizes_stub_is_not_done_yet():
    with pytest.raises(NotDoneYet, match="Not done yet"):
        check_epoch_batch_sizes(stub)


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        (lambda n, b: [b] * (n // b), "last, smaller batch is missing"),
        (lambda n, b: [b] * (n // b) + [n % b], "last batch has 0 rows"),
        (lambda n, b: [b] * -(-n // b), "must add up to n_samples"),
        (lambda n, b: [b] * (n // b) + [1], r"returned \[32, .*, 1\], which is wrong"),
        (lambda n, b: n % b or b, "returned one number"),
        (lambda n, b: np.ones((2, 2)), r"shape \(2, 2\)"),
        (lambda n, b: None, "forget the `return`"),
        (lambda n, b: ["a", "b"], "not a list of numbers"),
    ],
)
def test_batch_sizes_wrong_answers_are_named(wrong, message):
    with pytest.raises(CheckFailed, match=message):
        check_epoch_batch_sizes(wrong)


def test_batch_sizes_not_a_function():
    with pytest.raises(CheckFailed, match="expected a function"):
        check_epoch_batch_sizes(batch_sizes(353, 32))


# Exercise 2: the one-neuron Keras model


def make_builder(*, kernel=None, bias=None, optimizer=None, use_bias=True,
                 input_shape=False, activation="linear", compile_it=True, p=None):
    """A build_neuron with one slip, chosen by the keyword arguments."""

    def build(coef_init, intercept_init, learning_rate):
        coef_init = np.asarray(coef_init, dtype=float)
        n_features = p or len(coef_init)
        if input_shape:
            layers = [keras.layers.Dense(1, input_shape=(n_features,))]
        else:
            layers = [keras.Input(shape=(n_features,)),
                      keras.layers.Dense(1, activation=activation, use_bias=use_bias)]
        model = keras.Sequential(layers)
        if compile_it:
            opt = (optimizer or keras.optimizers.SGD)(learning_rate)
            model.compile(optimizer=opt, loss="mean_squared_error")
        k = coef_init.reshape(-1, 1) if kernel is None else kernel(coef_init)
        b = np.array([intercept_init]) if bias is None else bias(intercept_init)
        model.layers[0].set_weights([k, b] if use_bias else [k])
        return model

    return build


def test_build_neuron_right_answer_passes(capsys):
    check_build_neuron(make_builder())
    assert capsys.readouterr().out.startswith("Correct:")


def test_build_neuron_stub_is_not_done_yet():
    with pytest.raises(NotDoneYet, match="Not done yet"):
        check_build_neuron(stub)


def removed_lr(learning_rate):
    return keras.optimizers.SGD(lr=learning_rate)


@pytest.mark.parametrize(
    ("builder", "message"),
    [
        (make_builder(optimizer=removed_lr), "Keras 3 removed the `lr=` argument"),
        (make_builder(kernel=lambda c: c.reshape(1, -1)), "weights are transposed"),
        (make_builder(kernel=lambda c: c), r"must be a column of shape \(p, 1\)"),
        (make_builder(bias=lambda b: b), r"array of shape \(1,\)"),
        (make_builder(bias=lambda b: np.zeros(1)), "has no bias"),
        (make_builder(use_bias=False), "has no bias"),
        (make_builder(optimizer=lambda rate: keras.optimizers.SGD()),
         "default learning rate, 0.01"),
        (make_builder(optimizer=keras.optimizers.Adam), "not one step of gradient"),
        (make_builder(optimizer=lambda rate: keras.optimizers.SGD(0.1)),
         "not one step of gradient"),  # the notebook's rate, not the argument
        (make_builder(optimizer=lambda rate: keras.optimizers.SGD(rate, momentum=0.9)),
         "first step is right but its second"),  # momentum's first step is plain
        (make_builder(activation="relu"), "activation='linear'"),
        (make_builder(input_shape=True), "keras.Input"),
        (make_builder(compile_it=False), "not compiled"),
        (make_builder(p=3), r"Input\(shape=\(len\(coef_init\),\)\) takes a kernel"),
        (make_builder(bias=lambda b: np.array([[b]])), r"a bias of shape \(1,\)"),
    ],
)
def test_build_neuron_wrong_answers_are_named(builder, message):
    with pytest.raises(CheckFailed, match=message):
        check_build_neuron(builder)


def test_build_neuron_wrong_type():
    with pytest.raises(CheckFailed, match="expected the Keras model itself"):
        check_build_neuron(lambda coef, intercept, rate: coef)
    with pytest.raises(CheckFailed, match="expected a function"):
        check_build_neuron(None)


# Exercise 3: Adam's learning rate


def test_adam_rate_right_answer_passes(capsys):
    check_adam_learning_rate(5.0)
    assert capsys.readouterr().out.startswith("Correct:")
    check_adam_learning_rate(50)  # an int is a rate too


def test_adam_rate_stub_is_not_done_yet():
    with pytest.raises(NotDoneYet, match="Not done yet"):
        check_adam_learning_rate(None)


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (0.5, r"cannot travel much more than 50\.0"),  # the original course's claim
        (2.0, "not enough.*larger rate"),
        (2.4, r"1\.2% above .*larger rate"),  # just short of 1%: still too slow
        (1000.0, "jumps from 0 to about 1000.*smaller rate"),
    ],
)
def test_adam_rate_wrong_answers_are_named(rate, message):
    with pytest.raises(CheckFailed, match=message):
        check_adam_learning_rate(rate)


@pytest.mark.parametrize("rate", [-1.0, 0, float("nan"), "5", True, [5.0]])
def test_adam_rate_wrong_type(rate):
    with pytest.raises(CheckFailed, match="expected one positive number"):
        check_adam_learning_rate(rate)


def test_epoch_batch_sizes_returning_a_generator_is_told_to_make_a_list():
    def sizes(n_samples, batch_size):
        return (min(batch_size, n_samples - s) for s in range(0, n_samples, batch_size))

    with pytest.raises(CheckFailed, match="returned a generator; expected a list"):
        check_epoch_batch_sizes(sizes)
