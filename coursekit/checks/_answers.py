"""The learner's answer as the checks read it, and what a check raises.

A check never trusts what it is given: :func:`given` tells a missing answer,
:func:`call` runs the learner's function and turns its stub and its errors into
messages, :func:`as_float`, :func:`number` and :func:`shape_answer` read values,
and :class:`Spy` shows what the learner's code computes. A wrong answer raises
:class:`CheckFailed`, an ``AssertionError`` that nbgrader scores as failed;
nbgrader's stub raises :class:`NotDoneYet`.
"""

import numbers
import sysconfig
from pathlib import Path

import numpy as np

# Where code that is not the learner's lives: coursekit itself and installed packages.
LIBRARIES = tuple(str(Path(p)) + "/" for p in (
    Path(__file__).resolve().parents[1], *(sysconfig.get_paths()[k] for k in (
        "stdlib", "purelib", "platlib"))))

NOT_DONE = ("Not done yet: replace `raise NotImplementedError()` in the cell above "
            "with your code, run that cell, then run this check again.")


class CheckFailed(AssertionError):
    """The learner's answer is wrong: ``mistake`` is the id of the mistake, or None."""

    def __init__(self, message, mistake=None):
        self.mistake = mistake
        super().__init__(f"{message}\n[mistake: {mistake}]" if mistake else message)

    def _render_traceback_(self):  # IPython shows this instead of our files' traceback
        return f"{type(self).__name__}: {self}".splitlines()


class NotDoneYet(CheckFailed):
    """The exercise still holds nbgrader's stub (or no answer at all)."""


def given(answer, name):
    """``answer``, or :class:`NotDoneYet` when the learner's cell never set it."""
    if answer is None or answer is Ellipsis:
        raise NotDoneYet(f"`{name}` has no answer yet. {NOT_DONE} (If you did, note "
                         f"that `{name} = print(...)` stores None: assign the value.)")
    return answer


def call(function, *args, name):
    """Call the learner's ``function``; its stub and its errors become messages."""
    if getattr(function, "course_own", False):  # put in place by yours_or_ours
        raise NotDoneYet(f"`{name}` holds the course's own function, put there by the "
                         "cell after this check: run your cell above again, then this "
                         "check.")
    if not callable(function):
        raise CheckFailed(f"expected a function for `{name}`, got "
                          f"{type(function).__name__}: pass the function itself, "
                          f"check({name}), not check({name}(...)).")
    try:
        return function(*args)
    except NotImplementedError as error:
        raise NotDoneYet(_unfinished(error, name)) from None
    except Exception as error:
        shapes = ", ".join(f"an array of shape {a.shape}" if np.ndim(a) else repr(a)
                           for a in args)
        detail = f": {error}" if str(error) else ""  # a bare assert has no message
        raise CheckFailed(f"`{name}` raised {type(error).__name__}{detail} (called "
                          f"with {shapes}). Run it on such inputs in a cell of your "
                          "own to see where.") from None


def _unfinished(error, name):
    """What to say of a NotImplementedError: the learner's stub, or the stub of
    another of the learner's functions that this one calls."""
    frames, tb = [], error.__traceback__
    while tb is not None:  # the frames below `call`, the learner's and ours
        if not tb.tb_frame.f_code.co_filename.startswith(LIBRARIES):
            frames.append(tb.tb_frame.f_code)
        tb = tb.tb_next
    if len(frames) < 2 or not frames[-1].co_name.isidentifier():
        return f"`{name}` still raises NotImplementedError. {NOT_DONE}"
    raiser = frames[-1].co_name
    return (f"`{name}` calls `{raiser}`, which still raises NotImplementedError: "
            f"write `{raiser}` first (and run its cell), or do without it.")


def changed(originals, copies):
    """Whether the learner's code changed an array it was handed (``copies``, made
    from ``originals`` before the call): ``w -= ...`` writes into the caller's array."""
    return any(isinstance(a, np.ndarray) and not np.array_equal(a, c)
               for a, c in zip(originals, copies, strict=True))


def as_float(got, what, shape=None, hint=""):
    """``got`` as a float array (of ``shape``, if given), or a message saying why."""
    if got is None:
        raise CheckFailed(f"{what} is None: did you forget a `return` (or assign the "
                          "value itself)?")
    try:
        if isinstance(got, str | bytes | dict) or callable(got):
            raise TypeError
        array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(f"{what} is {type(got).__name__}, not a number or an array "
                          "of numbers (rows of different lengths?).") from None
    if shape is not None and array.shape != tuple(shape):
        expected = "one number" if shape == () else f"shape {tuple(shape)}"
        raise CheckFailed(f"{what} has shape {array.shape}; "
                          + (hint or f"expected {expected}."))
    return array


class Spy(np.ndarray):
    """An array that shows a check what the learner's code computes with it:
    ``seen(ufunc, method)`` may refuse an operation; ``Spy.largest`` is the size of
    the largest array computed from a spy since it was last reset."""

    largest = 0

    def seen(self, ufunc, method):
        pass

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        self.seen(ufunc, method)

        def plain(a):
            return a.view(np.ndarray) if isinstance(a, Spy) else a

        if "out" in kwargs:
            kwargs["out"] = tuple(plain(o) for o in kwargs["out"])
        result = getattr(ufunc, method)(*map(plain, inputs), **kwargs)
        Spy.largest = max(Spy.largest, np.size(result))
        return result.view(type(self)) if isinstance(result, np.ndarray) else result


def _ndim(answer):
    try:
        return np.ndim(answer)
    except ValueError:  # rows of different lengths
        return -1


def number(answer, name, hint=""):
    """The learner's value as one real number, refusing text, booleans and arrays."""
    answer = given(answer, name)
    if _ndim(answer) == 0 and getattr(answer, "dtype", np.dtype("O")).kind in "fi":
        return float(answer)
    if isinstance(answer, bool | np.bool_) or not isinstance(answer, numbers.Real):
        shape = f" of shape {np.shape(answer)}" if _ndim(answer) > 0 else ""
        raise CheckFailed(f"`{name}` is {type(answer).__name__}{shape}; expected one "
                          f"number. {hint}".rstrip())
    return float(answer)


def shape_answer(answer, name, example):
    """The learner's shape as a float array, refusing text, arrays and fractions."""
    answer = given(answer, name)
    if isinstance(answer, np.ndarray) and answer.ndim > 1:
        raise CheckFailed(f"`{name}` is an array of numbers (the product itself?), not "
                          "its shape: the exercise asks for the `.shape`, a tuple of "
                          f"whole numbers such as {example}.")
    items = list(answer) if _ndim(answer) == 1 else [answer]
    if isinstance(answer, str) or _ndim(answer) not in (0, 1) or not all(
            isinstance(n, numbers.Real) and not isinstance(n, bool | np.bool_)
            and float(n).is_integer() for n in items):
        what = "text" if isinstance(answer, str) else repr(answer)
        raise CheckFailed(f"`{name}` is {what}, not a shape: write the shape as a "
                          f"tuple of whole numbers, such as {example}.")
    return np.array(items, dtype=float)
