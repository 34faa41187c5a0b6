"""The checks of notebook 08's exercises: mini-batches, a Keras neuron, Adam's rate.

Each check computes its reference here, independently of the notebook's code: batch
sizes by walking through the rows, gradient-descent steps in NumPy, the least-squares
loss with ``numpy.linalg.lstsq``. Keras is imported only inside the checks that need it,
so that importing ``coursekit`` stays fast.
"""

import functools
import math
import os
import re
import warnings

import numpy as np

from coursekit.checks._core import (
    CheckFailed,
    Exercise,
    Mistake,
    NotDoneYet,
    call,
    fail,
    judge,
    number,
    run,
)

__all__ = ["check_adam_learning_rate", "check_build_neuron", "check_epoch_batch_sizes"]


def _sizes(n, b):
    """Walk through the rows: each batch takes what it can of what is left."""
    return np.array([min(b, n - start) for start in range(0, n, b)], dtype=float)


BATCHES = Exercise(
    "08.epoch_batch_sizes", "epoch_batch_sizes", "08.7", reference=_sizes,
    cases=lambda: [((n, b), f"{n} rows in batches of {b}") for n, b in [
        (353, 32), (352, 32), (10, 3), (10, 4), (7, 1), (5, 8), (1, 1), (64, 64)]],
    mistakes=[
        Mistake("generator", "08.7", "it is a generator; return a list",
                when=lambda got, n, b: hasattr(got, "__next__")),
        Mistake("one_number", "08.7", "it is one number; return a list with the size "
                "of every batch of the epoch", when=lambda got, n, b: np.ndim(got) == 0
                and not hasattr(got, "__next__") and got is not None),
        Mistake("no_last_batch", "08.7", "the last, smaller batch is missing: Keras' "
                "fit (and ck.Neuron) also train on the rows left over after the full "
                "batches", wrong=lambda n, b: np.full(n // b, b)),
        Mistake("empty_last_batch", "08.7", "the last batch has 0 rows: when "
                "batch_size divides n_samples, every batch is full and there is no "
                "leftover batch", wrong=lambda n, b: np.r_[np.full(n // b, b), 0]),
        Mistake("all_full", "08.7", "every batch has batch_size rows, but the last one "
                "can only hold the rows that are left: the sizes add up to n_samples",
                wrong=lambda n, b: np.full(-(-n // b), b)),
    ],
    shape_hint="that is not the number of batches of one epoch: every batch but the "
               "last holds batch_size rows, and the sizes add up to n_samples.",
    hint="every batch but the last holds batch_size rows, and the sizes add up to "
         "n_samples",
    passed="your batch sizes match Keras' batches, leftover batch included.",
)

# The mistakes of build_neuron, told by Keras' errors, warnings and the model's steps.
NEURON = Exercise("08.build_neuron", "build_neuron", "08.3", reference=None)
M = {m.key: m for m in [
    Mistake("lr_argument", "08.3", "Keras 3 removed the `lr=` argument of its "
            "optimizers: the rate has its full name", raised="'lr'"),
    Mistake("kernel_row", "08.3", "the kernel you gave is a row; Keras' kernel is a "
            "(p, 1) column, one row per feature",
            raised=r"(provided weight shape|value\.shape=) ?\(1, (?:[2-9]|\d\d+)\)"),
    Mistake("kernel_1d", "08.3", "the kernel must be a (p, 1) column, one row per "
            "feature; coef_init has shape (p,)",
            raised=r"(provided weight shape|value\.shape=) ?\([1-9]\d*,\)"),
    Mistake("bias_number", "08.3", "Keras stores the bias of one unit as an array of "
            "shape (1,), not as a bare number", raised=r"shape \(\)|'float' object"),
    Mistake("no_bias", "08.3", "the model has no bias (or does not start from "
            "intercept_init): the neuron adds one bias to X @ w", raised="length 1"),
    Mistake("shapes", "08.3", "a model whose input has p features takes a kernel of "
            "shape (p, 1) and a bias of shape (1,)", raised="not compatible"),
    Mistake("input_shape", "08.3", "Keras warned about `input_shape`: start the model "
            "with a keras.Input layer instead"),
    Mistake("warning", "08.3", "Keras warned while building the model; a model built "
            "as in section 3 builds without a warning"),
    Mistake("not_a_model", "08.3", "return the Keras model itself"),
    Mistake("not_compiled", "08.3", "the model is not compiled: compile it with its "
            "optimizer and loss before returning it"),
    Mistake("predictions", "08.3", "the model's predictions are not X @ coef_init + "
            "intercept_init: one unit, a linear activation, and the starting weights "
            "and bias"),
    Mistake("default_rate", "08.3", "the first update is a step at SGD's default "
            "learning rate, 0.01: the optimizer must take the learning_rate argument"),
    Mistake("not_gradient_descent", "08.3", "one full-batch epoch is not one step of "
            "plain gradient descent on the MSE: the optimizer is Keras' SGD with its "
            "learning rate and nothing else, and the loss is the mean squared error"),
    Mistake("momentum", "08.3", "the first step is right but the second is not: "
            "momentum (or another optimizer) remembers the steps before, plain "
            "gradient descent does not"),
]}


def _import_keras():
    os.environ.setdefault("KERAS_BACKEND", "jax")  # the course's backend
    import keras

    return keras


def _build(build_neuron, coef, intercept, rate):
    """Call the learner's function; name the Keras errors and warnings it meets."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = call(build_neuron, coef.copy(), intercept, rate, name="build_neuron")
        except NotDoneYet:
            raise
        except CheckFailed as failure:
            text = str(failure).split(" (called with ")[0]
            for m in M.values():
                if m.raised and re.search(m.raised, text):
                    fail(NEURON, m.key, f"{text}. {m.message}", m.section)
            raise
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            key = "input_shape" if "input_shape" in str(warning.message) else "warning"
            fail(NEURON, key, f"{M[key].message}: {warning.message}", M[key].section)
    return model


def _fail(key, context=""):
    fail(NEURON, key, f"{context}{M[key].message}", M[key].section)


def check_build_neuron(build_neuron):
    """Exercise 08-2: ``build_neuron(coef_init, intercept_init, learning_rate)``.

    The model must predict ``X @ coef_init + intercept_init``, and its first two
    full-batch updates must be steps of plain gradient descent on the MSE.
    """
    keras = _import_keras()
    rng = np.random.default_rng(8)
    for p, intercept, rate in [(3, 0.75, 0.05), (1, -2.0, 0.2)]:
        coef = rng.normal(size=p)
        model = _build(build_neuron, coef, intercept, rate)
        if not isinstance(model, keras.Model):
            _fail("not_a_model", f"`build_neuron` returned {type(model).__name__}: ")
        if not model.compiled:
            _fail("not_compiled")
        X = rng.normal(size=(6, p))
        y = X @ rng.normal(size=p) + rng.normal(size=6)
        try:
            predicted = np.asarray(model(X), dtype=float)
        except Exception as error:
            _fail("shapes", f"the model failed on X of shape {X.shape}: {error}. ")
        close = dict(rtol=1e-5, atol=1e-5 * (1 + np.abs(X @ coef).max() + abs(intercept)))
        if predicted.shape != (6, 1) or not np.allclose(
                predicted[:, 0], X @ coef + intercept, **close):
            no_bias = predicted.shape == (6, 1) and np.allclose(predicted[:, 0],
                                                                X @ coef, **close)
            _fail("no_bias" if no_bias else "predictions", f"with {p} feature(s): ")
        A, theta = np.c_[X, np.ones(len(X))], np.append(coef, intercept)
        for step in (1, 2):  # a second step tells plain SGD from SGD with momentum
            model.fit(X, y, batch_size=len(X), epochs=1, shuffle=False, verbose=0)
            got = np.concatenate([np.ravel(w) for w in model.get_weights()])
            gradient = 2 / len(X) * A.T @ (A @ theta - y)
            if np.allclose(got, theta - rate * gradient, **close):
                theta = got.astype(float)
            elif step == 1 and np.allclose(got, theta - 0.01 * gradient, **close):
                _fail("default_rate")
            else:
                _fail("not_gradient_descent" if step == 1 else "momentum")
    print("Correct: your model predicts X @ w + b and takes plain gradient-descent "
          "steps.")


@functools.cache
def _diabetes_problem():
    """Notebook 08's training split, start weights and least-squares loss."""
    from sklearn.model_selection import train_test_split

    from coursekit.datasets import load_diabetes

    X, y = load_diabetes()
    X_train, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    X_train = X_train.to_numpy(dtype=float)
    X_std = (X_train - X_train.mean(axis=0)) / X_train.std(axis=0)
    y_train = y_train.to_numpy(dtype=float)
    # ck.Neuron(random_state=0)'s start: Glorot uniform weights, bias 0
    p = X_std.shape[1]
    limit = math.sqrt(6.0 / (p + 1))
    coef = np.random.default_rng(0).uniform(-limit, limit, size=p)
    A = np.c_[X_std, np.ones(len(X_std))]
    best = np.linalg.lstsq(A, y_train, rcond=None)[0]
    return X_std, y_train, coef, A, np.mean((A @ best - y_train) ** 2)


def _distance():
    return _diabetes_problem()[1].mean()  # the bias of least squares, from 0


ADAM = Exercise(
    "08.adam_learning_rate", "bias_distance, smallest_adam_rate", "08.5",
    function=False, parts=("bias_distance", "smallest_adam_rate"), rtol=1e-2,
    reference=lambda: (_distance(), _distance() / 100),
    mistakes=[
        Mistake("negative", "08.5", "the bias starts at 0 and must grow: a distance "
                "is positive", wrong=lambda: (-_distance(), None)),
        Mistake("not_divided", "08.5", "that is the whole distance: the rate is what "
                "one step can cover, and there are 100 of them",
                wrong=lambda: (None, _distance())),
        Mistake("rows_not_epochs", "08.7", "a full-batch epoch is one step, whatever "
                "the number of rows: divide by the number of epochs",
                wrong=lambda: (None, _distance() / 353)),
        Mistake("times_epochs", "08.5", "the rate is the distance one step can cover: "
                "divide the distance by the number of steps",
                wrong=lambda: (None, _distance() * 100)),
    ],
    hint="the bias starts at 0 and least squares puts it at the mean of y_train (on "
         "standardised features); Adam moves it by at most about the rate per step, "
         "one step per full-batch epoch",
    passed="",
)


def check_adam_learning_rate(bias_distance, smallest_adam_rate, adam_learning_rate,
                             n_epochs=100):
    """Exercise 08-3: the reasoning, then an Adam rate within 1% of the OLS loss.

    ``bias_distance`` is how far the bias must travel, ``smallest_adam_rate`` the
    smallest rate that can cover it in ``n_epochs`` full-batch steps; the check then
    trains notebook 08's neuron with ``keras.optimizers.Adam`` at
    ``adam_learning_rate`` and compares its training MSE with that of least squares.
    """
    answers = (number(bias_distance, "bias_distance"),
               number(smallest_adam_rate, "smallest_adam_rate"))
    rate = number(adam_learning_rate, "adam_learning_rate")
    judge(ADAM, answers, ())
    if not math.isfinite(rate) or rate < smallest_adam_rate:
        fail(ADAM, "below_smallest", f"`adam_learning_rate` is {rate:g}, below your "
             "own smallest rate: in 100 steps the bias could not get there", "08.5")
    keras = _import_keras()
    X, y, coef, A, loss_ols = _diabetes_problem()
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(X.shape[1],)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=rate),
                  loss="mean_squared_error")
    model.set_weights([coef.reshape(-1, 1), np.zeros(1)])
    model.fit(X, y, batch_size=len(X), epochs=n_epochs, shuffle=False, verbose=0)
    theta = np.concatenate([np.ravel(w) for w in model.get_weights()])
    excess = np.mean((A @ theta - y) ** 2) / loss_ols - 1
    status = (f"at rate {rate:g}, Adam ends {excess:.1%} above the OLS training MSE "
              "(the aim: within 1%)")
    if excess > 0.01 and rate < answers[0]:
        fail(ADAM, "too_small", f"{status}: Adam's steps shrink as the bias nears its "
             f"target, and {n_epochs} are not enough. Choose a larger rate", "08.5")
    if excess > 0.01:
        fail(ADAM, "overshoot", f"{status}. Its first step moves every parameter by "
             "about the rate, so the bias jumps far past its target and the steps keep "
             "overshooting: choose a smaller rate", "08.5")
    print(f"Correct: Adam at rate {rate:g} ends {excess:.2%} above the OLS training "
          f"MSE; the bias had {answers[0]:.1f} to travel.")


def check_epoch_batch_sizes(epoch_batch_sizes):
    """Exercise 08-1: ``epoch_batch_sizes(n_samples, batch_size) -> list of ints``."""
    run(BATCHES, epoch_batch_sizes)
