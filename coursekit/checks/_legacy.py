"""What every exercise check shares: its errors, calling the learner's code, comparing.

A check runs the learner's function (or looks at the learner's value) on cases whose
answer it computes independently. It prints one short line when everything is right.
When something is wrong it raises :class:`CheckFailed`, an ``AssertionError`` so that
nbgrader's autograder scores the cell as failed, with a message that says what is wrong
and where in the course to look. An answer that is still nbgrader's stub gets
:class:`NotDoneYet` instead.

Messages never print the reference answer: they name the symptom (a shape, a sign, a
factor) and the section that explains it.
"""

import numbers

import numpy as np

__all__ = [
    "KNOWN_MISTAKES",
    "CheckFailed",
    "NotDoneYet",
    "as_array",
    "call",
    "compare",
    "given",
    "passed",
    "shape_answer",
]

NOT_DONE = (
    "Not done yet: replace `raise NotImplementedError()` in the cell above with your "
    "code, run that cell, then run this check again."
)

# The course's own known mistakes, each with where the course explains it. Checks pass
# the key of the one they recognise to `compare(..., mistakes={key: wrong_value})`.
KNOWN_MISTAKES = {
    "broadcast": (
        "your answer equals what you get when an (n,) array meets an (n, 1) array: "
        "they broadcast to an (n, n) matrix, n² numbers where there should be n. "
        "Make both the same shape first, with .ravel() or .reshape(-1, 1) "
        "(notebook 03, section 4: the MSE pitfall; notebook 06, pitfall 1)."
    ),
    "derivative_at_x": (
        "your gradient uses the activation's derivative at the inputs X; the chain "
        "rule needs it at z = X @ w + b, the value that went into the activation "
        "(notebook 06, pitfall 2)."
    ),
    "missing_mean": (
        "the 1/n of the mean is missing, so the gradient is n times too large and "
        "grows with the number of samples n = len(X), the rows, not the features "
        "(notebook 06, section 3: the loss)."
    ),
    "bias_per_sample": (
        "your answer uses one bias per sample; the neuron has a single bias, one "
        "number added to every row by broadcasting (notebook 06, pitfall 3)."
    ),
    "update_sign": (
        "your step goes uphill: the gradient points towards a larger loss, so the "
        "update subtracts it, w - learning_rate * gradient (notebook 06, section 4)."
    ),
    "transposed_weights": (
        "your weights are transposed: w must have shape (p, 1), one weight per "
        "feature, so that X @ w has shape (n, 1) (notebook 06, section 2)."
    ),
}


from coursekit.checks._core import CheckFailed, NotDoneYet  # noqa: E402


def passed(message):
    """Print the one short line of a check that found nothing wrong."""
    print(f"Correct: {message}")


def given(answer, name):
    """Return ``answer``, or raise :class:`NotDoneYet` when it was never set.

    ``None`` and ``...`` are what a student edition's cell holds before the learner
    answers.
    """
    if answer is None or answer is Ellipsis:
        raise NotDoneYet(
            f"`{name}` has no answer yet. {NOT_DONE} (If you did, note that "
            f"`{name} = print(...)` stores None: assign the value itself.)"
        )
    return answer


def call(function, *args, name=None, **kwargs):
    """Call the learner's ``function``; turn its failures into messages for a learner.

    A stub (``NotImplementedError``) becomes :class:`NotDoneYet`; any other error
    becomes :class:`CheckFailed` naming the error and the shapes it was called with.
    """
    name = name or getattr(function, "__name__", "your function")
    if not callable(function):
        raise CheckFailed(
            f"expected a function for `{name}`, got {type(function).__name__}. "
            f"Pass the function itself, without calling it: check({name}), "
            f"not check({name}(...))."
        )
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        message = f"`{name}` still raises NotImplementedError. {NOT_DONE}"
        raise NotDoneYet(message) from None
    except Exception as error:
        shapes = ", ".join(_describe(a) for a in (*args, *kwargs.values()))
        raise CheckFailed(
            f"`{name}` raised {type(error).__name__}: {error} (called with {shapes}). "
            "Run it on those inputs in a cell of your own to see where."
        ) from None


def as_array(result, *, shape, name, hint="", verb="returned"):
    """``result`` as a float array of exactly ``shape``, or a message that says why not.

    ``hint`` is added to a shape mismatch: where in the course that shape is explained.
    ``verb`` is "returned" for what a function gave back, "is" for a value.
    """
    if result is None:
        raise CheckFailed(
            f"`{name}` {verb} None: did you forget the `return` line?"
            if verb == "returned" else f"`{name}` is None: assign the value itself."
        )
    if isinstance(result, str | bytes) or callable(result):
        what = ("str" if isinstance(result, str | bytes)
                else "a function (not called?)")
        raise CheckFailed(f"`{name}` {verb} {what}, which is not a number or an array "
                          f"of numbers; expected an array of shape {tuple(shape)}.")
    try:
        array = np.asarray(result, dtype=float)
    except (TypeError, ValueError) as error:
        ragged = "inhomogeneous" in str(error) or "sequence" in str(error)
        raise CheckFailed(
            f"`{name}` {verb} rows of different lengths: every row of an array holds "
            f"the same number of values; expected shape {tuple(shape)}." if ragged else
            f"`{name}` {verb} {type(result).__name__}, which is not a number or an "
            f"array of numbers; expected an array of shape {tuple(shape)}."
        ) from None
    if array.shape != tuple(shape):
        message = f"`{name}` {verb} shape {array.shape}; expected {tuple(shape)}"
        raise CheckFailed(f"{message}: {hint}" if hint else f"{message}.")
    return array


def shape_answer(answer, name, example, result="result"):
    """The learner's shape ``answer`` as a tuple of ints, or say why it is not one.

    Refuses text, a whole array (the ``result`` itself instead of its shape),
    booleans and numbers that are not whole; ``example`` is a shape to write, such
    as ``"(5, 7)"``.

    >>> shape_answer([4, 2.0], "product_shape", "(5, 7)")
    (4, 2)
    """
    answer = given(answer, name)
    how = f"write the shape as a tuple of whole numbers, such as {example}"
    if isinstance(answer, str):
        raise CheckFailed(f"`{name}` is the text {answer!r}; {how}, without quotes.")
    if np.ndim(answer) > 1:
        raise CheckFailed(
            f"`{name}` holds an array of numbers, not a shape (the {result} itself?): "
            f"{how} (an array's shape is its `.shape`)."
        )
    try:
        items = list(answer)
    except TypeError:
        items = [answer]
    if not items or not all(
        isinstance(n, numbers.Real) and not isinstance(n, bool | np.bool_)
        and float(n).is_integer() for n in items
    ):
        raise CheckFailed(f"`{name}` is {answer!r}; {how}.")
    return tuple(int(n) for n in items)


def compare(got, expected, *, what, mistakes=None, rtol=1e-7, atol=1e-9, hint=""):
    """Raise :class:`CheckFailed` unless ``got`` is close to ``expected``.

    Parameters
    ----------
    got, expected : float or ndarray
        The learner's answer and the reference, already of the same shape.
    what : str
        What is compared, as the learner knows it ("the MSE of case 2").
    mistakes : dict, optional
        ``{message or KNOWN_MISTAKES key: wrong value}``: when ``got`` is close to one
        of these wrong values, that mistake's message is given.
    hint : str, optional
        Where to look when the answer matches no known mistake.
    """
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        raise CheckFailed(f"{what} has shape {got.shape}; expected {expected.shape}.")
    if not np.all(np.isfinite(got)):
        raise CheckFailed(f"{what} is not finite (nan or inf). {hint}".strip())
    if np.allclose(got, expected, rtol=rtol, atol=atol):
        return
    for key, wrong in (mistakes or {}).items():
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == got.shape and np.allclose(got, wrong, rtol=rtol, atol=atol):
            raise CheckFailed(f"{what} is wrong: {KNOWN_MISTAKES.get(key, key)}")
    if np.allclose(got, expected, rtol=1e-3, atol=0):
        raise CheckFailed(
            f"{what} is close but not exact (within 0.1%): keep the unrounded value, "
            "and round only when you print it."
        )
    raise CheckFailed(f"{what} is wrong. {hint}".strip())


def _describe(value):
    shape = getattr(value, "shape", None)
    if shape is not None and shape != ():
        return f"an array of shape {tuple(shape)}"
    if isinstance(value, numbers.Number):
        return repr(value.item() if hasattr(value, "item") else value)
    return type(value).__name__
