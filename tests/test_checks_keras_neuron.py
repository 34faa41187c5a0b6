"""The checks of notebook 08: right answers pass, stubs don't.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import os

os.environ["KERAS_BACKEND"] = "jax"  # before the first import of keras

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit.checks import (  # noqa: E402
    CheckFailed,
    NotDoneYet,
    check_adam_learning_rate,
    check_build_neuron,
    check_epoch_batch_sizes,
)

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


def distance():
    X, y = ck.datasets.load_diabetes()
    _, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    return y_train.mean()


def test_right_answers_pass(capsys):
    check_epoch_batch_sizes(lambda n, b: [b] * (n // b) + ([n % b] if n % b else []))
    check_epoch_batch_sizes(lambda n, b: np.diff(np.r_[np.arange(0, n, b), n]))
    check_build_neuron(build_neuron)
    check_adam_learning_rate(distance(), distance() / 100, 5.0)
    check_adam_learning_rate(151.6, 1.52, 50.0)  # the reasoning to a few digits
    assert capsys.readouterr().out.count("Correct:") == 5


def test_stubs_are_not_done_yet():
    for check in (check_epoch_batch_sizes, check_build_neuron):
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
