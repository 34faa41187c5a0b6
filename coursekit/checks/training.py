"""The checks of notebook 06's exercises: the gradient and the update of section 7,
a training loop and a learning rate.

Each check computes its reference answers here, independently of the notebook's code,
on small cases of several shapes (one sample, one feature, several features).
"""

import contextlib
import io

import numpy as np

from coursekit.checks._answers import number
from coursekit.checks._core import Exercise, Mistake, run

__all__ = ["check_gradients_and_update", "check_rate_limit", "check_train_full_batch"]

# (n_samples, n_features): a few samples and one feature, a single sample, several
# features. n != p everywhere, so that a transposed answer has another shape.
SHAPES = [(6, 1), (1, 1), (7, 3), (5, 2)]


def neuron_cases(seed):
    """(X, y, w, b) per shape: y of shape (n,), as scikit-learn gives targets."""
    rng = np.random.default_rng(seed)
    for n, p in SHAPES:
        X = rng.normal(scale=1.5, size=(n, p))
        y = rng.uniform(size=n)
        w = rng.normal(size=(p, 1))
        yield X, y, w, float(rng.normal())


def label(X, extra=""):
    n, p = X.shape
    return f"{n} sample{'s' * (n > 1)}, {p} feature{'s' * (p > 1)}{extra}"


def shape_mistakes():
    """The shape mistakes of a (p, 1) gradient or weights and of a single bias."""
    def shape(got, X):
        return np.shape(got[0]) if isinstance(got, tuple | list) and len(
            got) == 2 else None
    return [
        Mistake("row", when=lambda got, X, *a: X.shape[1] > 1
                and shape(got, X) == (1, X.shape[1])),
        Mistake("broadcast", when=lambda got, X, *a: len(X) > 1
                and shape(got, X) in ((X.shape[1], len(X)), (len(X), len(X)))),
        Mistake("bias_per_sample", when=lambda got, X, *a: len(X) > 1
                and isinstance(got, tuple | list) and len(got) == 2
                and np.size(got[1]) == len(X)),
    ]


def _train(X, y, rate, n_epochs, *, sign=1.0, scale=None, sequential=False,
           bias_scale=None, batch=None):
    """Full-batch descent of the linear neuron from zeros; the keywords make mistakes.

    ``sequential``: the bias's gradient taken after the weights moved; ``bias_scale``:
    the factor of the bias's gradient (0: never updated); ``batch``: steps on batches
    of that size, in order (1: SGD), as section 7's loop takes them.
    """
    n, p = X.shape
    scale = 2 / n if scale is None else scale
    bias_scale = scale if bias_scale is None else bias_scale
    w, b, Y = np.zeros((p, 1)), 0.0, y[:, None]
    batches = [slice(i, i + batch) for i in range(0, n, batch)] if batch else [
        slice(None)]
    for _ in range(n_epochs):
        for rows in batches:
            k = 2.0 / len(X[rows])  # the scale of a batch's mean gradient
            delta = X[rows] @ w + b - Y[rows]
            step_w = sign * rate * (k if batch else scale) * (X[rows].T @ delta)
            if sequential:
                delta = X[rows] @ (w - step_w) + b - Y[rows]
            b = b - sign * rate * (k if batch else bias_scale) * delta.sum()
            w = w - step_w
    return w, b


def _loops():
    # Several epochs first, so that range(1, n_epochs) is told from a loop never run.
    settings = [(0.05, 3), (0.1, 1), (0.02, 10), (0.1, 4)]
    rng = np.random.default_rng(130)  # more rows than section 7's batches of 120
    large = (rng.normal(size=(130, 2)), rng.uniform(size=130), None, None)
    return [((X, 3 * y + 2, rate, epochs), label(X, f", rate {rate}, {epochs} epoch"
                                                     + "s" * (epochs > 1)))
            for (X, y, _, _), (rate, epochs) in zip(
                [*neuron_cases(66), large], [*settings, (0.1, 2)], strict=True)]


def _wrong(**mistake):
    return lambda X, y, rate, epochs: _train(X, y, rate, epochs, **mistake)


TRAIN = Exercise(
    "06.train_full_batch", "train_full_batch", parts=("w", "b"),
    reference=_train, cases=_loops,
    mistakes=[
        *shape_mistakes(),
        Mistake("bias_first",
                when=lambda got, X, *a: isinstance(got, tuple | list) and len(got) == 2
                and np.ndim(got[0]) == 0 and np.shape(got[1]) == (X.shape[1], 1)),
        Mistake("uphill", wrong=_wrong(sign=-1.0)),
        Mistake("missing_mean",
                wrong=lambda X, *a: _train(X, *a, scale=2.0) if len(X) > 1 else None),
        Mistake("missing_two", wrong=lambda X, *a: _train(X, *a, scale=1 / len(X))),
        Mistake("epoch_too_few",
                wrong=lambda X, y, r, e: _train(X, y, r, e - 1) if e > 1 else None),
        Mistake("not_kept", wrong=lambda X, *a: (np.zeros((X.shape[1], 1)), None)),
        Mistake("epoch_too_many", wrong=lambda X, y, r, e: _train(X, y, r, e + 1)),
        Mistake("bias_not_updated", wrong=_wrong(bias_scale=0.0)),
        Mistake("bias_no_two",
                wrong=lambda X, *a: _train(X, *a, bias_scale=1 / len(X))),
        Mistake("bias_no_mean", wrong=lambda X, *a: _train(X, *a, bias_scale=2.0)
                if len(X) > 1 else None),
        Mistake("sequential", wrong=_wrong(sequential=True)),
        Mistake("per_sample", wrong=lambda X, *a: _train(X, *a, batch=1)
                if len(X) > 1 else None),
        Mistake("mini_batches", wrong=lambda X, *a: _train(X, *a, batch=120)
                if len(X) > 120 else None),
    ],
    passed="your loop lands where full-batch descent does, on 5 cases.",
)

RATE = Exercise(
    "06.rate_limit", "rate_limit", function=False, rtol=5e-3, atol=0,
    near_rtol=0.02, reference=lambda: 1 / 9,
    mistakes=[
        Mistake("standardised", wrong=lambda: 1.0),
        Mistake("std_not_variance", wrong=lambda: 1 / 3),
        Mistake("standardised_one_step", wrong=lambda: 0.5),
        Mistake("one_step", wrong=lambda: 1 / 18),
        Mistake("missing_two", wrong=lambda: 2 / 9),
    ],
    passed="above that rate the weight overshoots further at every step.",
)


def check_train_full_batch(train_full_batch):
    """Exercise 06-2: ``train_full_batch(X, y, learning_rate, n_epochs) -> (w, b)``."""
    run(TRAIN, train_full_batch)


def check_rate_limit(rate_limit):
    """Exercise 06-3: the largest rate at which descent converges, std of x = 3."""
    run(RATE, number(rate_limit, "rate_limit"))


def gradients(X, y, w, b, *, scale=None, sign=1.0, bias=True):
    """The course's ``gradients`` of section 7: the linear neuron's MSE derivatives,
    for ``y`` an (n, 1) column; ``scale`` (2/n), ``sign`` and ``bias`` make mistakes."""
    delta = sign * (X @ w + (b if bias else 0.0) - y)
    scale = 2 / len(X) if scale is None else scale
    return scale * X.T @ delta, scale * float(delta.sum())


def update(w, b, grad_w, grad_b, learning_rate):
    """The course's ``update`` of section 7: the new (w, b) after one step downhill."""
    return w - learning_rate * grad_w, b - learning_rate * grad_b


def _gradient_cases():
    return [((X, 3 * y[:, None] + 2, w, b), label(X)) for X, y, w, b in neuron_cases(7)]


def _update_cases():
    rng = np.random.default_rng(8)
    return [((rng.normal(size=(p, 1)), float(rng.normal()), rng.normal(size=(p, 1)),
              float(rng.normal()) + 2.0, rate),
             f"{p} weight{'s' * (p > 1)}, rate {rate}")
            for p, rate in [(1, 0.1), (3, 0.01), (2, 0.5)]]


def _flat(got, X, *args):
    return isinstance(got, tuple | list) and len(got) == 2 and np.shape(got[0]) == (
        X.shape[1],)


GRADIENTS = Exercise(
    "06.gradients", "gradients", parts=("grad_w", "grad_b"), reference=gradients,
    cases=_gradient_cases,
    mistakes=[
        Mistake("list", when=lambda got, *a: isinstance(got, tuple | list)
                and len(got) == 2 and isinstance(got[0], list)),
        *shape_mistakes(),
        Mistake("flat", when=_flat),
        Mistake("missing_two", wrong=lambda X, *a: gradients(X, *a, scale=1 / len(X))),
        Mistake("missing_mean", wrong=lambda X, *a: gradients(X, *a, scale=2.0)
                if len(X) > 1 else None),
        Mistake("mean_over_features", wrong=lambda X, *a: gradients(
            X, *a, scale=2 / X.shape[1]) if 1 < X.shape[1] != len(X) else None),
        Mistake("sign", wrong=lambda *a: gradients(*a, sign=-1.0)),
        Mistake("no_bias", wrong=lambda *a: gradients(*a, bias=False)),
    ],
    passed="",
)

UPDATE = Exercise(
    "06.update", "update", parts=("w", "b"), reference=update, cases=_update_cases,
    mistakes=[
        Mistake("swapped", when=lambda got, w, *a: isinstance(got, tuple | list)
                and len(got) == 2 and np.ndim(got[0]) == 0
                and np.shape(got[1]) == np.shape(w)),
        Mistake("uphill", wrong=lambda w, b, gw, gb, r: (w + r * gw, b + r * gb)),
        Mistake("no_rate", wrong=lambda w, b, gw, gb, r: (w - gw, b - gb)),
        Mistake("bias_not_updated", wrong=lambda w, b, gw, gb, r: (None, b)),
        Mistake("weights_not_updated", wrong=lambda w, b, gw, gb, r: (w, None)),
        Mistake("step_only", wrong=lambda w, b, gw, gb, r: (-r * gw, -r * gb)),
        Mistake("in_place"),  # told by run, which compares w after the call
    ],
    passed="your gradients match on 4 cases (one sample, one and several features), "
           "and your update steps downhill on 3.",
)


def check_gradients_and_update(gradients, update):
    """The exercise of section 7: ``gradients(X, y, w, b) -> (grad_w, grad_b)`` for
    ``y`` an (n, 1) column, and ``update(w, b, grad_w, grad_b, learning_rate)``."""
    with contextlib.redirect_stdout(io.StringIO()):  # one line for both, below
        run(GRADIENTS, gradients)
    run(UPDATE, update)
