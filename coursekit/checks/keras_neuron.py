"""The checks of notebook 08's exercises: mini-batches, a Keras neuron, Adam's rate.

Each check computes its reference here, independently of the notebook's code: batch
sizes by walking through the rows, gradient-descent steps in NumPy, the least-squares
loss with ``numpy.linalg.lstsq``. Keras is imported only inside the checks that need it,
so that importing ``coursekit`` stays fast.
"""

import math
import numbers
import os
import re
import warnings

import numpy as np

from coursekit.checks._legacy import (
    KNOWN_MISTAKES,
    CheckFailed,
    NotDoneYet,
    call,
    given,
    passed,
)

__all__ = ["check_adam_learning_rate", "check_build_neuron", "check_epoch_batch_sizes"]

SECTION_BATCHES = "notebook 08, section 7: mini-batches"
SECTION_MODEL = "notebook 08, section 3: the same neuron in Keras"
PLAIN_SGD = (
    "use keras.optimizers.SGD(learning_rate=learning_rate), nothing more, and "
    f"loss='mean_squared_error' ({SECTION_MODEL})."
)
BATCH_MISTAKES = {  # message: the wrong sizes for n rows in batches of b
    "the last, smaller batch is missing: Keras' fit (and ck.Neuron) also train on the "
    "rows left over after the full batches, so 353 rows in batches of 32 make 11 full "
    f"batches and one of 1 row ({SECTION_BATCHES}).": lambda n, b: [b] * (n // b),
    "your last batch has 0 rows: when batch_size divides n_samples, every batch is "
    "full and there is no leftover batch. Add it only when rows are left over.":
        lambda n, b: [b] * (n // b) + [0],
    "every batch has batch_size rows, but the last one can only hold the rows that "
    "are left: the sizes must add up to n_samples.": lambda n, b: [b] * -(-n // b),
}
NO_BIAS = (
    "your model has no bias (or does not start from intercept_init): the neuron "
    f"adds one bias to X @ w, so set it to intercept_init ({SECTION_MODEL})."
)
KERAS_ERRORS = [  # (pattern in Keras' message, what the learner should do)
    (r"'lr'", "Keras 3 removed the `lr=` argument of its optimizers: write "
     f"keras.optimizers.SGD(learning_rate=learning_rate) ({SECTION_MODEL})."),
    (r"(provided weight shape|value\.shape=) ?\(1, (?:[2-9]|\d\d+)\)",
     "the kernel you gave has shape (1, p): " + KNOWN_MISTAKES["transposed_weights"]),
    (r"(provided weight shape|value\.shape=) ?\([1-9]\d*,\)",
     "the kernel must be a column of shape (p, 1), one row per feature: coef_init has "
     f"shape (p,), reshape it with coef_init.reshape(-1, 1) ({SECTION_MODEL})."),
    (r"shape \(\)|'float' object",
     "Keras stores the bias as an array of shape (1,), one bias for one unit: pass "
     f"np.array([intercept_init]), not the bare number ({SECTION_MODEL})."),
    (r"length 1", NO_BIAS),
]


def check_epoch_batch_sizes(epoch_batch_sizes):
    """Check ``epoch_batch_sizes(n_samples, batch_size) -> list of ints`` (exercise 1).

    Parameters
    ----------
    epoch_batch_sizes : callable
        The learner's function: the number of rows of each batch of one epoch.
    """
    name = "epoch_batch_sizes"
    cases = [(353, 32), (352, 32), (10, 3), (10, 4), (7, 1), (5, 8), (1, 1), (64, 64)]
    for n, b in cases:
        result = call(epoch_batch_sizes, n, b, name=name)
        what = f"`{name}({n}, {b})`"
        if result is None:
            raise CheckFailed(f"{what} returned None: did you forget the `return`?")
        if hasattr(result, "__next__"):
            raise CheckFailed(f"{what} returned a generator; expected a list: wrap it "
                              "in list(...) or build the list with append.")
        if isinstance(result, numbers.Number) or np.ndim(result) == 0:
            raise CheckFailed(
                f"{what} returned one number; expected a list with the size of every "
                "batch of the epoch, for example [32, 32, ..., 1]."
            )
        try:
            got = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            raise CheckFailed(f"{what} returned {type(result).__name__}, which is not "
                              "a list of numbers.") from None
        if got.ndim != 1:
            raise CheckFailed(f"{what} returned shape {got.shape}; expected a flat "
                              "list of numbers, one per batch.")
        # walk through the rows: each batch takes what it can of what is left
        if got.tolist() == [min(b, n - start) for start in range(0, n, b)]:
            continue
        for message, wrong in BATCH_MISTAKES.items():
            if got.tolist() == wrong(n, b):
                raise CheckFailed(f"{what} is wrong: {message}")
        shown = got.astype(int).tolist() if np.all(got == np.round(got)) else got
        raise CheckFailed(
            f"{what} returned {shown}, which is wrong: every batch but the last holds "
            f"batch_size rows, and the sizes add up to n_samples ({SECTION_BATCHES})."
        )
    passed("your batch sizes match Keras' batches, leftover batch included.")


def _import_keras():
    os.environ.setdefault("KERAS_BACKEND", "jax")  # the course's backend
    import keras

    return keras


def _build(build_neuron, coef, intercept, rate):
    """Call the learner's function; name the Keras errors the course knows."""
    name = "build_neuron"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = call(build_neuron, coef.copy(), intercept, rate, name=name)
        except NotDoneYet:
            raise
        except CheckFailed as failure:
            # Keras' own message, without the shapes the check called the function with
            text = str(failure).split(" (called with ")[0]
            for pattern, advice in KERAS_ERRORS:
                if re.search(pattern, text):
                    raise CheckFailed(f"`{name}` failed: {advice}") from None
            if "not compatible" in text:
                raise CheckFailed(
                    f"`{name}` failed with {len(coef)} feature(s): a model that starts "
                    "with keras.Input(shape=(len(coef_init),)) takes a kernel of shape "
                    f"({len(coef)}, 1) and a bias of shape (1,). Keras said: "
                    f"{text.split(': ', 1)[-1]}"
                ) from None
            raise
    for warning in caught:
        message = str(warning.message)
        if "input_shape" in message:
            raise CheckFailed(
                f"Keras warned about `input_shape`: start the model with "
                f"keras.Input(shape=(p,)) instead ({SECTION_MODEL})."
            )
        if issubclass(warning.category, UserWarning):
            raise CheckFailed(f"Keras warned while building your model: {message}")
    return model


def check_build_neuron(build_neuron):
    """Check ``build_neuron(coef_init, intercept_init, learning_rate)`` (exercise 2).

    The model must be a compiled Keras model whose predictions are
    ``X @ coef_init + intercept_init`` and whose first two full-batch updates are
    steps of plain gradient descent on the MSE at ``learning_rate``.

    Parameters
    ----------
    build_neuron : callable
        The learner's function.
    """
    keras = _import_keras()
    rng = np.random.default_rng(8)
    for p, intercept, rate in [(3, 0.75, 0.05), (1, -2.0, 0.2)]:
        coef = rng.normal(size=p)
        model = _build(build_neuron, coef, intercept, rate)
        if not isinstance(model, keras.Model):
            raise CheckFailed(
                f"`build_neuron` returned {type(model).__name__}; expected the Keras "
                "model itself: `return model`."
            )
        if not model.compiled:
            raise CheckFailed(
                "your model is not compiled: call model.compile(optimizer=..., "
                f"loss=...) before returning it ({SECTION_MODEL})."
            )
        X = rng.normal(size=(6, p))
        y = X @ rng.normal(size=p) + rng.normal(size=6)
        try:
            predicted = np.asarray(model(X), dtype=float)
        except Exception as error:
            raise CheckFailed(
                f"your model failed on X of shape {X.shape}: {error}. Does its "
                f"keras.Input have shape ({p},)?"
            ) from None
        scale = 1 + np.abs(X @ coef).max() + abs(intercept)
        close = dict(rtol=1e-5, atol=1e-5 * scale)
        if predicted.shape != (6, 1):
            raise CheckFailed(
                f"for X of shape {X.shape} your model predicts shape "
                f"{predicted.shape}; expected (6, 1), one unit: Dense(1, ...)."
            )
        if not np.allclose(predicted[:, 0], X @ coef + intercept, **close):
            if np.allclose(predicted[:, 0], X @ coef, **close):
                raise CheckFailed(NO_BIAS)
            raise CheckFailed(
                f"with {p} feature(s), your model's predictions are not "
                "X @ coef_init + intercept_init: check that it starts from coef_init "
                f"and intercept_init, with activation='linear' ({SECTION_MODEL})."
            )
        A = np.c_[X, np.ones(len(X))]
        theta = np.append(coef, intercept)
        for step in (1, 2):  # a second step tells plain SGD from SGD with momentum
            model.fit(X, y, batch_size=len(X), epochs=1, shuffle=False, verbose=0)
            got = np.concatenate([np.ravel(w) for w in model.get_weights()])
            gradient = 2 / len(X) * A.T @ (A @ theta - y)
            if np.allclose(got, theta - rate * gradient, **close):
                theta = got.astype(float)
            elif step == 1 and np.allclose(got, theta - 0.01 * gradient, **close):
                raise CheckFailed(
                    "your model's first update is the step of SGD's default learning "
                    f"rate, 0.01: pass learning_rate=learning_rate ({SECTION_MODEL})."
                )
            elif step == 1:
                raise CheckFailed("after one full-batch epoch your model's weights "
                                  "are not one step of gradient descent on the MSE: "
                                  + PLAIN_SGD)
            else:
                raise CheckFailed(
                    "your model's first step is right but its second is not one step "
                    "of gradient descent: momentum (or another optimizer) remembers "
                    "the steps before, and plain gradient descent does not: "
                    + PLAIN_SGD
                )
    passed("your model predicts X @ w + b and takes plain gradient-descent steps.")


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


def check_adam_learning_rate(adam_learning_rate, n_epochs=100):
    """Check the learning rate of exercise 3: Adam within 1% of the OLS loss.

    Trains notebook 08's neuron with ``keras.optimizers.Adam`` at that rate for
    ``n_epochs`` full-batch epochs from the notebook's start, and compares its training
    MSE with that of least squares.

    Parameters
    ----------
    adam_learning_rate : float
        The learner's rate.
    n_epochs : int, default=100
        Full-batch epochs, as the exercise says.
    """
    rate = given(adam_learning_rate, "adam_learning_rate")
    if (not isinstance(rate, numbers.Real) or isinstance(rate, bool)
            or not math.isfinite(rate) or rate <= 0):
        raise CheckFailed(
            f"`adam_learning_rate` is {rate!r}; expected one positive number."
        )
    rate = float(rate)
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
    if excess <= 0.01:
        passed(f"Adam at rate {rate:g} ends {excess:.2%} above the OLS training MSE.")
        return
    status = (f"at rate {rate:g}, Adam ends {excess:.1%} above the OLS training MSE "
              "(the aim: within 1%)")
    target = y.mean()  # the bias of least squares on standardised features
    if rate < target:  # the bias needs many steps: it is still on its way
        reach = (
            f"in {n_epochs} steps the bias cannot travel much more than "
            f"{rate * n_epochs:.1f}, and it has {target:.1f} to go"
            if rate * n_epochs < target
            else f"its steps shrink as it nears its target, and {n_epochs} are not "
            "enough"
        )
        raise CheckFailed(
            f"{status}, with the bias at {theta[-1]:.1f}, short of {target:.1f}. Adam "
            f"moves each parameter by at most about the rate per step: {reach}. "
            "Choose a larger rate."
        )
    raise CheckFailed(
        f"{status}. Adam's first step moves every parameter by about the rate: the "
        f"bias jumps from 0 to about {rate:g}, far past its target {target:.1f}, and "
        "the steps keep overshooting. Choose a smaller rate."
    )
