"""The engine of the exercise checks: each exercise and each question is a table.

A check runs the learner's function (or looks at the learner's value) on cases whose
answer it computes independently, and prints one line starting with ``Correct:`` when
everything is right. Otherwise it raises :class:`CheckFailed`, an ``AssertionError`` (so
nbgrader's autograder scores the cell as failed), whose message says what is wrong and
which section of which notebook explains it, and whose ``mistake`` is the stable id of
the mistake it recognised (or None); the message then ends with ``[mistake: ID]``.
nbgrader's stub (``raise NotImplementedError()``, or no answer) gets
:class:`NotDoneYet`.
Messages never print the reference answer.

How to add an exercise
----------------------
In the module of its notebook, write an :class:`Exercise` and a public function::

    COLUMN = Exercise(
        "01.to_column", "to_column", "01.9",      # id, the learner's name, section
        reference=lambda v: v[:, None],           # the right answer for one case
        cases=lambda: [((np.arange(3.0),), "a vector of length 3")],
        mistakes=[
            Mistake("row", "01.9", "a row: the axis of length 1 came first",
                    wrong=lambda v: v[None, :]),  # the answer this mistake gives
            Mistake("dataframe", "01.8", "a DataFrame is not a NumPy column",
                    when=lambda got, v: hasattr(got, "columns")),  # or a test
        ],
        passed="to_column turns (m,) into (m, 1).")

    def check_to_column(to_column):
        run(COLUMN, to_column)

and add the function's name to the module's ``__all__``. A section is ``"NN.S"``,
printed "notebook NN, section S"; the tests resolve it against the heading ``## S.`` of
``notebooks/solutions/NN_*.ipynb``. A mistake's id is the exercise's id and its key,
"01.to_column.row". ``function=False`` checks a value instead of a function;
``parts=("w", "b")`` a tuple of values; ``refuse`` lists the cases where the function
must raise, each ``(args, label, errors, Mistake)``. A near miss that is the reference
rounded gets "<id>.rounded"; any other near miss "<id>.near_miss" and the exercise's
``near`` text.

How to add a question
---------------------
Add a :class:`Question` to ``QUESTIONS`` in :mod:`coursekit.checks.questions`; the
learner's cell calls ``ck.checks.check_answer("06.q1", "b")``.
"""

import dataclasses
import numbers
import re
from collections.abc import Callable

import numpy as np

NOT_DONE = ("Not done yet: replace `raise NotImplementedError()` in the cell above "
            "with your code, run that cell, then run this check again.")
NEAR = ("it is close to the right value but not equal, and not by rounding: look for a "
        "small difference in how it is computed")


class CheckFailed(AssertionError):
    """The learner's answer is wrong: ``mistake`` is the id of the mistake, or None."""

    def __init__(self, message, mistake=None):
        self.mistake = mistake
        super().__init__(f"{message}\n[mistake: {mistake}]" if mistake else message)

    def _render_traceback_(self):
        # IPython shows these lines instead of a traceback through coursekit's files.
        return f"{type(self).__name__}: {self}".splitlines()


class NotDoneYet(CheckFailed):
    """The exercise still holds nbgrader's stub (or no answer at all)."""


def where(section):
    """``"06.5"`` as the learner reads it: "notebook 06, section 5"."""
    notebook, number = section.split(".")
    return f"notebook {notebook}, section {number}"


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A named mistake: its key, the section that explains it, and how to see it.

    ``wrong(*case)`` is the answer the mistake gives (None where it cannot be told);
    ``when(got, *case)`` tells it from the learner's raw answer (a type, a shape);
    ``raised`` is a pattern in the message of the error the learner's function raised;
    ``late=True`` tries ``when`` only after the right answer and the ``wrong`` ones.
    """

    key: str
    section: str
    message: str
    wrong: Callable = None
    when: Callable = None
    raised: str = None
    late: bool = False


@dataclasses.dataclass(frozen=True)
class Exercise:
    """An exercise as data, read by :func:`run`; see the module's docstring."""

    id: str
    name: str
    section: str
    reference: Callable
    cases: Callable = lambda: [((), "")]
    mistakes: tuple = ()
    passed: object = ""
    function: bool = True
    parts: tuple = ()
    rtol: float = 1e-7
    atol: float = 1e-9
    near: str = NEAR
    near_rtol: float = 1e-3
    refuse: Callable = list
    shape_hint: str = ""
    hint: str = "compare your code with the section, step by step"


def fail(exercise, key, message, section=None):
    """Raise :class:`CheckFailed` for ``exercise``'s mistake ``key`` (None: unnamed)."""
    text = f"{message} ({where(section)})." if section else message
    raise CheckFailed(text, f"{exercise.id}.{key}" if key else None)


def given(answer, name):
    """``answer``, or :class:`NotDoneYet` when the learner's cell never set it."""
    if answer is None or answer is Ellipsis:
        raise NotDoneYet(f"`{name}` has no answer yet. {NOT_DONE} (If you did, note "
                         f"that `{name} = print(...)` stores None: assign the value.)")
    return answer


def call(function, *args, name):
    """Call the learner's ``function``; its stub and its errors become messages."""
    if not callable(function):
        raise CheckFailed(f"expected a function for `{name}`, got "
                          f"{type(function).__name__}: pass the function itself, "
                          f"check({name}), not check({name}(...)).")
    try:
        return function(*args)
    except NotImplementedError:
        raise NotDoneYet(f"`{name}` still raises NotImplementedError. {NOT_DONE}") \
            from None
    except Exception as error:
        shapes = ", ".join(_describe(a) for a in args)
        raise CheckFailed(f"`{name}` raised {type(error).__name__}: {error} (called "
                          f"with {shapes}). Run it on such inputs in a cell of your "
                          "own to see where.") from None


def as_float(got, what, shape=None, hint=""):
    """``got`` as a float array (of ``shape``, if given), or a message saying why."""
    if got is None:
        raise CheckFailed(f"{what} is None: did you forget a `return` (or assign the "
                          "value itself)?")
    if isinstance(got, str | bytes | dict) or callable(got):
        raise CheckFailed(f"{what} is {type(got).__name__}, not a number or an array "
                          "of numbers.")
    try:
        array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise CheckFailed(f"{what} is {type(got).__name__}, not a number or an array "
                          "of numbers (rows of different lengths?).") from None
    if shape is not None and array.shape != tuple(shape):
        expected = "one number" if shape == () else f"shape {tuple(shape)}"
        raise CheckFailed(f"{what} has shape {array.shape}; "
                          + (hint or f"expected {expected}."))
    return array


def close(got, expected, rtol=1e-7, atol=1e-9):
    """Whether two arrays have the same shape and close values (inf equals inf)."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    return got.shape == expected.shape and bool(np.allclose(got, expected, rtol, atol))


def rounded(got, expected):
    """Whether ``got`` is ``expected`` rounded, to decimals or significant digits."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    scale = 1e-2 * np.abs(expected).max(initial=0)
    if not close(got, expected, rtol=1e-2, atol=scale) or close(got, expected):
        return False
    for k in range(13):
        digits = np.floor(np.log10(np.abs(np.where(expected == 0, 1, expected))))
        for candidate in (np.round(expected, k),
                          np.round(expected / 10**digits, k) * 10**digits):
            if np.allclose(got, candidate, rtol=1e-12, atol=0):
                return True
    return False


def _parts(exercise, value):
    if value is None:
        return None
    return tuple(value) if exercise.parts else (value,)


def judge(exercise, got, args, label=""):
    """Compare one answer with the reference; raise :class:`CheckFailed` if wrong.

    First the mistakes told by ``when`` from the raw answer, then the answer is read as
    numbers: right, or one of the mistakes' ``wrong`` answers (or a ``late`` ``when``),
    or a shape, a nan, a rounding, a near miss, or wrong.
    """
    on = f" for {label}" if label else ""
    what = f"`{exercise.name}`{on}" if exercise.name else label
    for m in exercise.mistakes:
        if m.when is not None and not m.late and m.when(got, *args):
            fail(exercise, m.key, f"{what} is wrong: {m.message}", m.section)
    expected = _parts(exercise, exercise.reference(*args))
    raw = got
    if exercise.parts and (not isinstance(got, tuple | list) or len(got) != len(
            exercise.parts)):
        raise CheckFailed(f"{what} is {type(got).__name__}; expected "
                          f"{len(exercise.parts)} values, "
                          f"{', '.join(exercise.parts)}, in that order.")
    names = [f"`{p}`{on}" for p in exercise.parts] if exercise.parts else [what]
    got = [as_float(g, n) for g, n in zip(_parts(exercise, got), names, strict=True)]
    tol = dict(rtol=exercise.rtol, atol=exercise.atol)
    right = [close(g, e, **tol) for g, e in zip(got, expected, strict=True)]
    if all(right):
        return
    for m in exercise.mistakes:
        wrong = _parts(exercise, m.wrong(*args)) if m.wrong is not None else None
        if (m.late and m.when(raw, *args)) or wrong is not None and all(
                w is None or close(g, w, **tol)
                for g, w in zip(got, wrong, strict=True)):
            if exercise.parts and wrong is not None and None in wrong:
                what = " and ".join(n for n, w in zip(names, wrong, strict=True)
                                    if w is not None)
            fail(exercise, m.key, f"{what} is wrong: {m.message}", m.section)
    for g, e, n in zip(got, expected, names, strict=True):
        as_float(g, n, np.shape(e), exercise.shape_hint)
    bad = [n for n, r in zip(names, right, strict=True) if not r]
    which = " and ".join(bad) + (" is" if len(bad) == 1 else " are") + " wrong"
    if len(bad) < len(names):
        which += f" (the other{'s' * (len(names) > 2)} right)"
    if not all(np.all(np.isfinite(g)) for g in got):
        fail(exercise, None, f"{which}: not finite (nan or inf). Look for a division "
             "by 0 or an overflow.")
    pairs = list(zip(got, expected, strict=True))
    if all(close(g, e, **tol) or rounded(g, e) for g, e in pairs):
        fail(exercise, "rounded", f"{which}: it is the right value rounded. Keep "
             "the unrounded value, and round only when you print it.")
    if all(close(g, e, rtol=exercise.near_rtol, atol=exercise.atol) for g, e in pairs):
        fail(exercise, "near_miss", f"{which}: {exercise.near}", exercise.section)
    fail(exercise, None, f"{which}: {exercise.hint}", exercise.section)


def run(exercise, answer):
    """Check ``answer`` on every case of ``exercise``; print the verdict if right."""
    for args, label in exercise.cases():
        got = answer
        if exercise.function:
            try:
                got = call(answer, *(a.copy() if isinstance(a, np.ndarray) else a
                                     for a in args), name=exercise.name)
            except NotDoneYet:
                raise
            except CheckFailed as error:
                for m in exercise.mistakes:
                    if m.raised and re.search(m.raised, str(error)):
                        text = str(error).split(" (called with")[0]
                        fail(exercise, m.key, f"{text}. {m.message[0].upper()}"
                             f"{m.message[1:]}", m.section)
                raise
        judge(exercise, got, args, label)
    for args, label, errors, m in exercise.refuse():
        try:
            answer(*args)
        except errors:
            continue
        except Exception as error:
            fail(exercise, m.key, f"`{exercise.name}` raised {type(error).__name__} "
                 f"for {label}: {m.message}", m.section)
        fail(exercise, m.key, f"`{exercise.name}` returned a value for {label}: "
             f"{m.message}", m.section)
    passed = exercise.passed
    print(f"Correct: {passed(answer) if callable(passed) else passed}")


class Spy(np.ndarray):
    """An array that shows a check what the learner's code computes with it.

    ``seen(ufunc, method)`` may refuse an operation; ``largest`` is the size of the
    largest array computed from it since it was last reset.
    """

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


def number(answer, name, hint=""):
    """The learner's value as one real number, refusing text, booleans and arrays."""
    answer = given(answer, name)
    if np.ndim(answer) == 0 and getattr(answer, "dtype", np.dtype("O")).kind in "fi":
        return float(answer)
    if isinstance(answer, bool | np.bool_) or not isinstance(answer, numbers.Real):
        raise CheckFailed(f"`{name}` is {type(answer).__name__}"
                          + (f" of shape {np.shape(answer)}" if np.ndim(answer) else "")
                          + f"; expected one number. {hint}".rstrip())
    return float(answer)


def shape_answer(answer, name, example):
    """The learner's shape as an int array, refusing text, arrays and fractions."""
    answer = given(answer, name)
    how = f"write the shape as a tuple of whole numbers, such as {example}"
    if isinstance(answer, str) or np.ndim(answer) > 1:
        raise CheckFailed(f"`{name}` is not a shape: {how} (an array's shape is its "
                          "`.shape`).")
    items = list(answer) if np.ndim(answer) else [answer]
    if not items or not all(isinstance(n, numbers.Real) and not isinstance(
            n, bool | np.bool_) and float(n).is_integer() for n in items):
        raise CheckFailed(f"`{name}` is {answer!r}; {how}.")
    return np.array(items, dtype=float)


def _describe(value):
    shape = getattr(value, "shape", None)
    if shape is not None and shape != ():
        return f"an array of shape {tuple(shape)}"
    if isinstance(value, numbers.Number):
        return repr(value.item() if hasattr(value, "item") else value)
    return type(value).__name__
