"""The checks of notebook 06's exercises: a training loop and a learning rate.

Each check computes its reference answers here, independently of the notebook's code,
on small cases of several shapes (one sample, one feature, several features).
"""

import numbers

import numpy as np

from coursekit.checks._legacy import (
    KNOWN_MISTAKES,
    CheckFailed,
    call,
    compare,
    given,
    passed,
)

__all__ = ["check_rate_limit", "check_train_full_batch"]

SECTION_CHAIN = "notebook 06, section 5: the chain rule"
SECTION_RATE = "notebook 06, section 13: choosing the learning rate"

MISSING_TWO = (
    "it is half the right size: the derivative of the square (y_pred - y)**2 "
    f"brings a factor 2 ({SECTION_CHAIN})."
)
SEQUENTIAL = (
    "your bias step used the weights already updated in the same epoch: compute "
    "both gradients at the same (w, b), then update both."
)
PER_SAMPLE_STEPS = (
    "your loop makes one update per sample (stochastic gradient descent); full-batch "
    "descent makes one update per epoch, with the gradient of all n samples "
    "(notebook 06, section 4)."
)
EPOCH_TOO_FEW = (
    "your loop ran one epoch too few: range(1, n_epochs) runs n_epochs - 1 times, "
    "one of the original course's bugs (notebook 06, section 14). "
    "Use range(n_epochs)."
)
EPOCH_TOO_MANY = (
    "your loop ran one epoch too many: range(n_epochs + 1) runs n_epochs + 1 "
    "times. Use range(n_epochs)."
)

# (n_samples, n_features): a few samples and one feature, a single sample, several
# features. n != p everywhere, so that a transposed answer has another shape.
_SHAPES = [(6, 1), (1, 1), (7, 3), (5, 2)]


def _cases(seed):
    rng = np.random.default_rng(seed)
    for n, p in _SHAPES:
        X = rng.normal(scale=1.5, size=(n, p))
        y = rng.uniform(size=n)  # (n,), as scikit-learn gives targets
        w = rng.normal(size=(p, 1))
        yield X, y, w, float(rng.normal())


def _single_number(value, *, name, n, hint, per_sample=None):
    """``value`` as a float; one value per sample is the bias-per-sample mistake.

    ``per_sample`` replaces that explanation where n values mean something else.
    """
    if value is None:
        raise CheckFailed(f"`{name}` is None: did you forget to return it?")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"`{name}` is {type(value).__name__}; expected a single number."
        ) from None
    if array.size == 1:
        return float(array.ravel()[0])
    if n > 1 and array.size == n:
        raise CheckFailed(
            f"`{name}` has shape {array.shape}, "
            + (per_sample
               or f"one value per sample: {KNOWN_MISTAKES['bias_per_sample']}")
        )
    raise CheckFailed(f"`{name}` has shape {array.shape}; expected a single number: "
                      f"{hint}")


def _pair(result, name):
    if result is None:
        raise CheckFailed(f"`{name}` returned None: did you forget the `return` line?")
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise CheckFailed(
            f"`{name}` returned {type(result).__name__}; expected two values, "
            "`return first, second`."
        )
    return result


def _column(value, *, p, n, what, row=None):
    """``value`` as a (p, 1) array, naming the shape mistakes the course explains.

    ``row`` explains a (1, p) answer; by default, transposed weights.
    """
    shape = np.shape(value)
    if p > 1 and shape == (1, p):
        raise CheckFailed(
            f"{what} has shape (1, {p}): "
            + (row or KNOWN_MISTAKES["transposed_weights"])
        )
    if n > 1 and shape in ((p, n), (n, n)):
        raise CheckFailed(f"{what} has shape {shape}: {KNOWN_MISTAKES['broadcast']}")
    if value is None:
        raise CheckFailed(f"{what} is None: did you forget to return it?")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"{what} is {type(value).__name__}; expected an array of shape ({p}, 1)."
        ) from None
    if array.shape != (p, 1):
        raise CheckFailed(
            f"{what} has shape {array.shape}; expected ({p}, 1), one value per "
            "weight, a column like w (notebook 06, section 2: the formulas, with "
            "their shapes)."
        )
    return array


def _train(X, Y, rate, n_steps, *, sign=1.0, scale=None, sequential=False,
           bias=True):
    """Reference: ``n_steps`` full-batch steps of the linear neuron from zeros.

    ``sequential=True`` is a mistake: the bias's gradient taken after the weights
    moved; ``bias=False`` another: the bias never updated.
    """
    n, p = X.shape
    scale = 2 / n if scale is None else scale
    w, b = np.zeros((p, 1)), 0.0
    for _ in range(n_steps):
        delta = X @ w + b - Y
        w = w - sign * rate * scale * (X.T @ delta)
        if sequential:
            delta = X @ w + b - Y
        if bias:
            b = b - sign * rate * scale * delta.sum()
    return w, b


def _train_per_sample(X, Y, rate, n_epochs):
    """A mistake: one step per sample, in order (stochastic gradient descent)."""
    w, b = np.zeros((X.shape[1], 1)), 0.0
    for _ in range(n_epochs):
        for i in range(len(X)):
            delta = X[i:i + 1] @ w + b - Y[i:i + 1]
            w, b = w - rate * 2 * X[i:i + 1].T @ delta, b - rate * 2 * delta.sum()
    return w, b


def _swapped(result, right_w, right_b):
    """Whether ``result`` is ``(b, w)``, the right values in the wrong order."""
    try:
        first, second = (np.asarray(part, dtype=float) for part in result)
    except (TypeError, ValueError):
        return False
    return (first.size == 1 and second.shape == right_w.shape
            and not np.allclose(right_w, right_b)  # else the order can't be told
            and np.allclose(second, right_w) and np.allclose(first, right_b))


def check_train_full_batch(train_full_batch):
    """Check ``train_full_batch(X, y, learning_rate, n_epochs)`` of exercise 2.

    Full-batch gradient descent on the MSE of a linear neuron, from ``w`` = zeros of
    shape (p, 1) and ``b = 0``: exactly ``n_epochs`` updates, then ``return w, b``.

    Parameters
    ----------
    train_full_batch : callable
        The learner's function.
    """
    name = "train_full_batch"
    settings = [(0.05, 3), (0.1, 1), (0.02, 10), (0.1, 4)]
    for k, ((X, y, _, _), (rate, n_epochs)) in enumerate(
        zip(_cases(66), settings, strict=True), start=1
    ):
        n, p = X.shape
        y = 3 * y + 2
        result = _pair(call(train_full_batch, X.copy(), y.copy(), rate, n_epochs,
                            name=name), name)
        Y = y[:, None]
        right_w, right_b = _train(X, Y, rate, n_epochs)
        mistakes = [
            ("update_sign", _train(X, Y, rate, n_epochs, sign=-1.0)),
            ("missing_mean", _train(X, Y, rate, n_epochs, scale=2.0)),
            (MISSING_TWO, _train(X, Y, rate, n_epochs, scale=1 / n)),
            (EPOCH_TOO_FEW, _train(X, Y, rate, n_epochs - 1)),
            (EPOCH_TOO_MANY, _train(X, Y, rate, n_epochs + 1)),
        ]
        mistakes += [
            ("your w is still all zeros: the update's result was never kept. "
             "update() returns the new values; assign them, w, b = update(...) "
             "(notebook 06, section 7).", (np.zeros((p, 1)), None)),
            ("your b is still 0: the bias gets its own step, "
             "b - learning_rate * grad_b (notebook 06, section 4).",
             _train(X, Y, rate, n_epochs, bias=False)),
        ]
        if n == 1:  # one sample: the mean and the sum are the same, and so is SGD
            mistakes.pop(1)
        else:
            mistakes += [
                (SEQUENTIAL, _train(X, Y, rate, n_epochs, sequential=True)),
                (PER_SAMPLE_STEPS, _train_per_sample(X, Y, rate, n_epochs)),
            ]
        case = f"case {k} (n={n}, p={p}, learning_rate={rate}, n_epochs={n_epochs})"
        if _swapped(result, right_w, right_b):
            raise CheckFailed(
                f"for {case} you returned the bias first and the weights second; "
                "return them in the order w, b."
            )
        w = _column(result[0], p=p, n=n, what=f"w for {case}")
        b = _single_number(result[1], name="b", n=n,
                           hint="the neuron has one bias (notebook 06, section 2).")
        hint = ("Start from w = zeros (p, 1) and b = 0, and make one update per epoch "
                "with the gradient of section 5.")
        compare(w, right_w, what=f"w for {case}", hint=hint,
                mistakes={key: w for key, (w, _) in mistakes if w is not None})
        compare(b, right_b, what=f"b for {case}", hint=hint,
                mistakes={key: b for key, (_, b) in mistakes if b is not None})
    passed("your loop lands where full-batch descent does, on 4 cases.")


def check_rate_limit(rate_limit):
    """Check the value ``rate_limit`` of exercise 3: ``1 / 3**2``, give or take 0.5 %.

    The largest learning rate at which full-batch descent converges on a feature of
    mean 0 and standard deviation 3: the distance to the optimum along the weight is
    multiplied by ``1 - 2 * rate * 9`` at each step.

    Parameters
    ----------
    rate_limit : float
        The learner's answer.
    """
    rate_limit = given(rate_limit, "rate_limit")
    if isinstance(rate_limit, bool) or not isinstance(rate_limit, numbers.Real):
        raise CheckFailed(
            f"`rate_limit` is {type(rate_limit).__name__}; expected one number, "
            "such as 0.5."
        )
    mistakes = {
        "1 is the limit along the bias, and for a standardised feature; along the "
        "weight, a feature of standard deviation 3 makes the bowl 3**2 = 9 times "
        f"steeper ({SECTION_RATE}).": 1.0,
        "the steepness grows with the variance of the feature, 3**2, not with its "
        f"standard deviation 3 ({SECTION_RATE}).": 1 / 3,
        "0.5 reaches the optimum in one step on standardised data; here the "
        f"feature's variance is 9 ({SECTION_RATE}).": 0.5,
        "that rate lands on the optimum along the weight in one step (factor 0); "
        "larger rates still converge, with a zig-zag, up to the rate where the factor "
        f"reaches -1 ({SECTION_RATE}).": 1 / 18,
        "the gradient of (w - c)**2 is 2 * (w - c): the factor per step is "
        f"1 - 2 * rate * 9, with the 2 ({SECTION_RATE}).": 2 / 9,
    }
    if abs(rate_limit - 1 / 9) < 0.02 / 9 and not abs(rate_limit - 1 / 9) < 5e-3 / 9:
        raise CheckFailed(
            f"`rate_limit` = {rate_limit} is close but not exact, as experiments "
            "give: write the factor per step, find where it reaches -1, and give the "
            "rate as a fraction (1 / something) or to 3 significant digits."
        )
    compare(rate_limit, 1 / 9, what="rate_limit", rtol=5e-3, atol=0.0,
            mistakes=mistakes,
            hint="Write the factor that multiplies the distance to the optimum along "
                 f"the weight at each step, and find where it reaches -1 "
                 f"({SECTION_RATE}).")
    passed("above that rate the weight overshoots further at every step.")
