"""The checks of notebook 08: right answers pass, stubs don't.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import os

os.environ["KERAS_BACKEND"] = "jax"  # before the first import of keras

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit.checks import (  # noqa: E402
    CheckFailed,
    NotDoneYet,
    check_adam_learning_rate,
    check_build_neuron,
    check_epoch_batch_sizes,
    check_neuron_parameters,
)
from tests.test_checks_corpus import KERAS, cases, refused  # noqa: E402

# Keras 3.15 calls np.array(variable, copy=False) on its own variables, which NumPy 2
# deprecates; the warning is Keras' and says nothing about the answers checked here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:__array__ implementation:DeprecationWarning")


def build_neuron(coef_init, intercept_init, learning_rate):
    neuron = keras.Sequential([keras.Input(shape=(len(coef_init),)),
                               keras.layers.Dense(1, activation="linear")])
    neuron.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                   loss="mean_squared_error")
    neuron.layers[0].set_weights([np.reshape(coef_init, (-1, 1)),
                                  np.array([intercept_init])])
    return neuron


def ten_features(coef, b, lr):
    """Section 3's model copied as it is: an input of len(features) = 10 columns."""
    neuron = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(1)])
    neuron.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
    neuron.layers[0].set_weights([np.reshape(coef, (-1, 1)), np.array([b])])
    return neuron


def distance():
    X, y = ck.datasets.load_diabetes()
    _, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    return y_train.mean()


def model(coef, b, lr, optimizer=None, kernel=None, bias=None, loss="mse"):
    neuron = keras.Sequential([keras.Input(shape=(len(coef),)), keras.layers.Dense(1)])
    neuron.compile(optimizer=optimizer() if optimizer else keras.optimizers.SGD(
        learning_rate=lr), loss=loss)
    neuron.layers[0].set_weights([np.reshape(coef, (-1, 1)) if kernel is None
                                  else kernel(coef), np.array([b]) if bias is None
                                  else bias(b)])
    return neuron


DISTANCE = distance()
# Wrong answers, as in tests/test_checks_corpus.py, here to run beside it.
CORPUS = {
    "check_build_neuron": [
        (ten_features, "08.build_neuron.input_width"),
        (lambda c, b, lr: model(c, b, lr,
                                optimizer=lambda: keras.optimizers.SGD(lr=lr)),
         "08.build_neuron.lr_argument"),
        (lambda c, b, lr: model(c, b, lr, optimizer=keras.optimizers.SGD),
         "08.build_neuron.default_rate"),
        (lambda c, b, lr: model(c, b, lr, optimizer=lambda: keras.optimizers.SGD(
            learning_rate=lr, momentum=0.9)), "08.build_neuron.momentum"),
        (lambda c, b, lr: model(c, b, lr, loss="mae"),
         "08.build_neuron.not_gradient_descent"),
        (lambda c, b, lr: model(c, b, lr, kernel=lambda c: np.reshape(c, (1, -1))),
         "08.build_neuron.kernel_row"),
        (lambda c, b, lr: model(c, b, lr, kernel=np.asarray),
         "08.build_neuron.kernel_1d"),
        (lambda c, b, lr: model(c, b, lr, bias=float), "08.build_neuron.bias_number"),
        (lambda c, b, lr: model(c, b, lr, bias=lambda b: np.zeros(1)),
         "08.build_neuron.no_bias"),
        (lambda c, b, lr: model(c, b, lr, optimizer=lambda: keras.optimizers.Adam(lr)),
         "08.build_neuron.not_gradient_descent"),
    ],
    "check_neuron_parameters": [
        (lambda m: m.get_weights(), "08.neuron_parameters.list"),
        (lambda m: m.weights, "08.neuron_parameters.list"),
        (lambda m: m.count_params(), "08.neuron_parameters.one_number"),
        (lambda m: np.vstack([m.get_weights()[0], m.get_weights()[1][:, None]]),
         "08.neuron_parameters.column"),
        (lambda m: m.get_weights()[0], "08.neuron_parameters.kernel_column"),
        (lambda m: m.layers[0].kernel, "08.neuron_parameters.kernel_column"),
        (lambda m: m.get_weights()[0].ravel(), "08.neuron_parameters.kernel_only"),
        (lambda m: np.concatenate(m.get_weights()[::-1], axis=None),
         "08.neuron_parameters.bias_first"),
        (lambda m: np.concatenate(m.get_weights()),
         "08.neuron_parameters.concatenate_2d"),
        (lambda m: np.hstack(m.get_weights()), "08.neuron_parameters.concatenate_2d"),
        (lambda m: np.array(m.get_weights()), "08.neuron_parameters.inhomogeneous"),
        (lambda m: m.layers[1].get_weights(), "08.neuron_parameters.input_layer"),
        # the right numbers, but a list of floats rather than one array
        (lambda m: [float(v) for a in m.get_weights() for v in np.ravel(a)],
         "08.neuron_parameters.list_of_numbers"),
        (lambda m: np.concatenate([m.get_weights()[0].T, m.get_weights()[1][None]],
                                  axis=1), None),
        (lambda m: np.append(m.get_weights()[0].ravel(), 0.0), None),
        # float32 weights rounded: named as rounding, not as a near miss
        (lambda m: np.round(np.append(*m.get_weights()), 4),
         "08.neuron_parameters.rounded"),
        (lambda m: np.round(np.append(*m.get_weights()), 2),
         "08.neuron_parameters.rounded"),
        (lambda m: dict(enumerate(np.append(*m.get_weights()))), None),
        (lambda m: pd.Series(np.append(*m.get_weights())),
         "08.neuron_parameters.not_numpy"),
        (lambda m: m.get_weights()[0].ravel() + m.get_weights()[1],
         "08.neuron_parameters.bias_added"),
    ],
    "check_adam_learning_rate": [
        ((DISTANCE, DISTANCE / 100, 0.5), "08.adam_learning_rate.below_smallest"),
        ((DISTANCE, DISTANCE / 100, 500.0), "08.adam_learning_rate.overshoot"),
        ((DISTANCE, DISTANCE / 100, 1.6), "08.adam_learning_rate.too_small"),
        ((-DISTANCE, DISTANCE / 100, 5.0), "08.adam_learning_rate.negative"),
        ((DISTANCE, DISTANCE / 353, 5.0), "08.adam_learning_rate.rows_not_epochs"),
        ((DISTANCE, DISTANCE * 100, 5.0), "08.adam_learning_rate.times_epochs"),
        ((DISTANCE, DISTANCE, 5.0), "08.adam_learning_rate.not_divided"),
        ((100.0, 1.0, 5.0), None),
        # 152 is within the tolerance of the distance: the rate is the part to blame
        ((152.0, 1.5, 5.0), "08.adam_learning_rate.rounded"),
        ((float(np.mean(ck.datasets.load_diabetes()[1])), DISTANCE / 100, 5.0),
         "08.adam_learning_rate.all_rows"),
        ((2735.0, 27.35, 30.0), None),
    ],
}


def test_every_keras_check_has_at_least_eight_wrong_answers():
    assert set(CORPUS) == KERAS
    assert min(len(corpus) for corpus in CORPUS.values()) >= 8


@pytest.mark.parametrize(**cases(CORPUS))
def test_a_wrong_answer_is_refused_and_named_without_the_answer(check, k, answer,
                                                                expected, capsys):
    refused(check, answer, expected, capsys)


def test_right_answers_pass(capsys):
    check_epoch_batch_sizes(lambda n, b: [b] * (n // b) + ([n % b] if n % b else []))
    check_epoch_batch_sizes(lambda n, b: np.diff(np.r_[np.arange(0, n, b), n]))
    check_build_neuron(build_neuron)
    check_adam_learning_rate(distance(), distance() / 100, 5.0)
    check_adam_learning_rate(151.6, 1.52, 50.0)  # the reasoning to a few digits
    check_neuron_parameters(lambda m: np.concatenate([np.ravel(w)
                                                      for w in m.get_weights()]))
    assert capsys.readouterr().out.count("Correct:") == 6


def test_stubs_are_not_done_yet():
    for check in (check_epoch_batch_sizes, check_build_neuron, check_neuron_parameters):
        with pytest.raises(NotDoneYet):
            check(lambda *a: (_ for _ in ()).throw(NotImplementedError()))
    with pytest.raises(NotDoneYet):
        check_adam_learning_rate(None, None, None)


def test_a_rate_found_by_trying_without_the_reasoning_is_not_enough():
    with pytest.raises(NotDoneYet):
        check_adam_learning_rate(None, None, 5.0)
    with pytest.raises(CheckFailed) as info:
        check_adam_learning_rate(100.0, 1.0, 5.0)
    assert "151" not in str(info.value)
