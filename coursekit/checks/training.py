"""The checks of notebook 06's exercises: a training loop and a learning rate.

Each check computes its reference answers here, independently of the notebook's code,
on small cases of several shapes (one sample, one feature, several features).
"""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, number, run

__all__ = ["check_rate_limit", "check_train_full_batch"]

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


def shape_mistakes(part, n_part, row_message):
    """The shape mistakes of a (p, 1) gradient or weights and of a single bias."""
    def shape(got, X):
        return np.shape(got[n_part]) if isinstance(got, tuple | list) and len(
            got) == 2 else None
    return [
        Mistake("row", "06.2", row_message, when=lambda got, X, *a: X.shape[1] > 1
                and shape(got, X) == (1, X.shape[1])),
        Mistake("broadcast", "06.14", "it has n columns: an (n,) array met an (n, 1) "
                "array and they broadcast to an (n, n) matrix. Make y a column first",
                when=lambda got, X, *a: len(X) > 1
                and shape(got, X) in ((X.shape[1], len(X)), (len(X), len(X)))),
        Mistake("bias_per_sample", "06.14", f"{part} has one value per sample; the "
                "neuron has a single bias, shared by every sample, so its derivative "
                "adds their contributions up", when=lambda got, X, *a: len(X) > 1
                and isinstance(got, tuple | list) and len(got) == 2
                and np.size(got[1]) == len(X)),
    ]


def _train(X, y, rate, n_epochs, *, sign=1.0, scale=None, sequential=False,
           bias_scale=None, per_sample=False):
    """Full-batch descent of the linear neuron from zeros; the keywords make mistakes.

    ``sequential``: the bias's gradient taken after the weights moved; ``bias_scale``:
    the factor of the bias's gradient (0: never updated); ``per_sample``: SGD.
    """
    n, p = X.shape
    scale = 2 / n if scale is None else scale
    bias_scale = scale if bias_scale is None else bias_scale
    w, b, Y = np.zeros((p, 1)), 0.0, y[:, None]
    batches = [slice(i, i + 1) for i in range(n)] if per_sample else [slice(None)]
    for _ in range(n_epochs):
        for rows in batches:
            k = 2.0 if per_sample else 1.0
            delta = X[rows] @ w + b - Y[rows]
            step_w = sign * rate * (k if per_sample else scale) * (X[rows].T @ delta)
            if sequential:
                delta = X[rows] @ (w - step_w) + b - Y[rows]
            b = b - sign * rate * (k if per_sample else bias_scale) * delta.sum()
            w = w - step_w
    return w, b


def _loops():
    settings = [(0.1, 1), (0.05, 3), (0.02, 10), (0.1, 4)]  # one epoch first
    return [((X, 3 * y + 2, rate, epochs), label(X, f", rate {rate}, {epochs} epoch"
                                                     + "s" * (epochs > 1)))
            for (X, y, _, _), (rate, epochs) in zip(neuron_cases(66), settings,
                                                     strict=True)]


def _wrong(**mistake):
    return lambda X, y, rate, epochs: _train(X, y, rate, epochs, **mistake)


TRAIN = Exercise(
    "06.train_full_batch", "train_full_batch", "06.7", parts=("w", "b"),
    reference=_train, cases=_loops,
    mistakes=[
        *shape_mistakes("b", 0, "it is a row: w is a (p, 1) column, one weight per "
                        "feature, so that X @ w has shape (n, 1)"),
        Mistake("bias_first", "06.7", "the bias comes first and the weights second; "
                "return them in the order w, b",
                when=lambda got, X, *a: isinstance(got, tuple | list) and len(got) == 2
                and np.ndim(got[0]) == 0 and np.shape(got[1]) == (X.shape[1], 1)),
        Mistake("uphill", "06.4", "the steps go uphill: the gradient points towards a "
                "larger loss, so the update subtracts it", wrong=_wrong(sign=-1.0)),
        Mistake("missing_mean", "06.3", "the 1/n of the mean is missing, so the "
                "steps grow with the number of samples",
                wrong=lambda X, *a: _train(X, *a, scale=2.0) if len(X) > 1 else None),
        Mistake("missing_two", "06.5", "the steps are half the right size: the "
                "derivative of the square brings a factor 2",
                wrong=lambda X, *a: _train(X, *a, scale=1 / len(X))),
        Mistake("epoch_too_few", "06.14", "one epoch too few: range(1, n_epochs) runs "
                "n_epochs - 1 times",
                wrong=lambda X, y, r, e: _train(X, y, r, e - 1) if e > 1 else None),
        Mistake("not_kept", "06.7", "w is still all zeros: the update's result was "
                "never kept. update() returns the new values: assign them",
                wrong=lambda X, *a: (np.zeros((X.shape[1], 1)), None)),
        Mistake("epoch_too_many", "06.14", "one epoch too many: range(n_epochs + 1) "
                "runs n_epochs + 1 times",
                wrong=lambda X, y, r, e: _train(X, y, r, e + 1)),
        Mistake("bias_not_updated", "06.4", "b never moves: the bias gets its own step "
                "with its own gradient", wrong=_wrong(bias_scale=0.0)),
        Mistake("bias_no_two", "06.5", "the bias's steps are half the right size: its "
                "gradient has the factor 2 too",
                wrong=lambda X, *a: _train(X, *a, bias_scale=1 / len(X))),
        Mistake("bias_no_mean", "06.3", "the bias's gradient adds up the samples' "
                "contributions without the 1/n of the mean",
                wrong=lambda X, *a: _train(X, *a, bias_scale=2.0)
                if len(X) > 1 else None),
        Mistake("sequential", "06.7", "the bias's step used the weights already "
                "updated in the same epoch: compute both gradients at the same (w, b), "
                "then update both", wrong=_wrong(sequential=True)),
        Mistake("per_sample", "06.12", "one update per sample (stochastic gradient "
                "descent); full-batch descent makes one update per epoch, with the "
                "gradient of all n samples",
                wrong=lambda X, *a: _train(X, *a, per_sample=True)
                if len(X) > 1 else None),
    ],
    hint="start from w = zeros (p, 1) and b = 0, and make one update per epoch with "
         "the gradients of the linear neuron",
    passed="your loop lands where full-batch descent does, on 4 cases.",
)

RATE = Exercise(
    "06.rate_limit", "rate_limit", "06.13", function=False, rtol=5e-3, atol=0,
    near_rtol=0.02, reference=lambda: 1 / 9,
    mistakes=[
        Mistake("standardised", "06.13", "that is the limit along the bias, and for a "
                "standardised feature; along the weight, a feature of standard "
                "deviation 3 makes the bowl 9 times steeper", wrong=lambda: 1.0),
        Mistake("std_not_variance", "06.13", "the steepness grows with the variance of "
                "the feature, not with its standard deviation", wrong=lambda: 1 / 3),
        Mistake("standardised_one_step", "06.13", "0.5 reaches the optimum in one step "
                "on standardised data; here the feature's variance is 9",
                wrong=lambda: 0.5),
        Mistake("one_step", "06.13", "that rate lands on the optimum along the weight "
                "in one step (factor 0); larger rates still converge, with a zig-zag, "
                "up to the rate where the factor reaches -1", wrong=lambda: 1 / 18),
        Mistake("missing_two", "06.13", "the gradient of (w - c)**2 is 2 * (w - c): "
                "the factor per step has that 2 in it", wrong=lambda: 2 / 9),
    ],
    hint="write the factor that multiplies the distance to the optimum along the "
         "weight at each step, and find where it reaches -1",
    near="close, as experiments give, but not the limit: write the factor per step, "
         "find where it reaches -1, and give the rate as a fraction (1 / something) or "
         "to 3 significant digits",
    passed="above that rate the weight overshoots further at every step.",
)


def check_train_full_batch(train_full_batch):
    """Exercise 06-2: ``train_full_batch(X, y, learning_rate, n_epochs) -> (w, b)``."""
    run(TRAIN, train_full_batch)


def check_rate_limit(rate_limit):
    """Exercise 06-3: the largest rate at which descent converges, std of x = 3."""
    run(RATE, number(rate_limit, "rate_limit"))
