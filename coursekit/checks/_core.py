"""The engine of the exercise checks: each exercise is a table, read by :func:`run`.

A check runs the learner's function (or reads the learner's value) on cases whose answer
it computes independently, and prints one line starting with ``Correct:`` when all is
right. Otherwise it raises :class:`CheckFailed`, an ``AssertionError`` (nbgrader scores
the cell as failed), whose message says what is wrong and which section explains it
without printing the answer, and whose ``mistake`` is the stable id of the mistake it
recognised, or None; the message then ends with the line ``[mistake: ID]``. nbgrader's
stub (``raise NotImplementedError()``, or no answer) gets :class:`NotDoneYet`.

How to add an exercise, and a mistake
-------------------------------------
In the module of its notebook, an :class:`Exercise` and a public function::

    COLUMN = Exercise(
        "01.to_column", "to_column",            # its id, the name the learner gives
        reference=lambda v: v[:, None],         # the right answer for one case
        cases=lambda: [((np.arange(3.0),), "a vector of length 3")],
        mistakes=[Mistake("row", wrong=lambda v: v[None, :]),  # the answer it gives
                  Mistake("dataframe", when=lambda got, v: hasattr(got, "columns"))],
        passed="to_column turns (m,) into (m, 1).")

    def check_to_column(to_column):
        run(COLUMN, to_column)

then add the function to the module's ``__all__``, and to ``messages.tsv`` one line per
id, ``id<TAB>section<TAB>text``: "01.to_column" (what to look at when no mistake is
recognised), "01.to_column.row" and "01.to_column.dataframe" (what each mistake is).
A section "01.9" is printed "notebook 01, section 9"; the tests resolve it against the
heading ``## 9.`` of ``notebooks/solutions/01_*.ipynb``. Optional lines:
"<id>.near_miss", a near miss that is not the reference rounded ("<id>.rounded" is
recognised for every exercise), and "<id>.shape", for an answer of another shape
(named as the mistake "shape").
``function=False`` checks a value; ``parts=("w", "b")`` a tuple of values; ``refuse``
lists ``(args, label, errors, key)``: cases on which the function must raise one of
``errors``, ``key`` the mistake of returning a value (a fifth item: the mistake of
raising another error, ``key`` by default).
Questions for the learner are a table too: see :mod:`coursekit.checks.questions`.
"""

import csv
import dataclasses
import re
from collections.abc import Callable
from importlib import resources

import numpy as np

from coursekit.checks._answers import CheckFailed, NotDoneYet, as_float, call, changed

NEAR = ("it is close to the right value but not equal, and not by rounding: look for a "
        "small difference in how it is computed")
IN_PLACE = ("`*=`, `/=`, `-=`, `+=` or setting `.shape` on an argument change the "
            "caller's array, which the notebook's next cells then use changed: leave "
            "the arguments as they are and build the result as a new array")


def read_table(name):
    """The rows of a tab-separated table of this package, without its comments."""
    text = resources.files("coursekit.checks").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


MESSAGES = {key: (section, text) for key, section, text in read_table("messages.tsv")}


def where(section):
    """``"06.5"`` as the learner reads it: "notebook 06, section 5"."""
    notebook, number = section.split(".")
    return f"notebook {notebook}, section {number}"


@dataclasses.dataclass(frozen=True)
class Mistake:
    """A named mistake, told by ``wrong(*case)``, the answer it gives (None where it
    cannot be told), by ``when(got, *case)`` on the raw answer (``late``: only after
    the ``wrong`` ones), or by ``raised``, a pattern in the error the code raised."""

    key: str
    wrong: Callable = None
    when: Callable = None
    raised: str = None
    late: bool = False


@dataclasses.dataclass(frozen=True)
class Exercise:
    """An exercise as data, read by :func:`run`: see the module's docstring."""

    id: str
    name: str
    reference: Callable = None
    cases: Callable = lambda: [((), "")]
    mistakes: tuple = ()
    passed: object = ""
    function: bool = True
    parts: tuple = ()
    rtol: float = 1e-7
    atol: float = 1e-9
    near_rtol: float = 1e-3
    refuse: Callable = list


def fail(exercise, key, prefix):
    """Raise :class:`CheckFailed` for ``exercise``'s mistake ``key`` (None: unnamed)."""
    name = f"{exercise.id}.{key}" if key else exercise.id
    section, text = MESSAGES.get(name, ("", {"near_miss": NEAR,
                                             "in_place": IN_PLACE}.get(key, "")))
    if key == "rounded":
        text = ("it is the right value rounded. Keep the unrounded value, and round "
                "only when you print it")
    if key in ("near_miss", "in_place", None) and not section:
        section = MESSAGES[exercise.id][0]
    text = f"{prefix}: {text}" if text else prefix
    raise CheckFailed(f"{text} ({where(section)})." if section else f"{text}.",
                      name if key else None)


def close(got, expected, rtol=1e-7, atol=1e-9):
    """Whether two arrays have the same shape and close values (inf equals inf)."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    return got.shape == expected.shape and bool(np.allclose(got, expected, rtol, atol))


def rounded(got, expected):
    """Whether ``got`` is ``expected`` rounded, to decimals or significant digits."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    if got.shape != expected.shape or np.array_equal(got, expected):
        return False
    # Rounded to k decimals or k + 1 significant digits, keeping at least two.
    digits = np.floor(np.log10(np.abs(np.where(expected == 0, 1, expected))))
    candidates = [np.round(expected, k) for k in range(max(int(1 - digits.max()), 0),
                                                         13)]
    candidates += [np.round(expected / 10**digits, k) * 10**digits
                   for k in range(1, 13)]
    # Several small numbers rounded to one or two decimals, as np.round(means, 1)
    # does, while a digit other than 0 is left (one number so rounded is a guess).
    candidates += [c for c in (np.round(expected, k) for k in range(1, 3))
                   if c.any() and c.size > 1]
    # Numbers held in float32 (Keras' weights) are rounded in float32: compared to about
    # 2 float32 steps, with roundings coarser than float32's own (float32 alone is no
    # rounding).
    if np.allclose(got, got.astype(np.float32), rtol=1e-12, atol=0):
        return any(np.allclose(got, c, rtol=2.5e-7, atol=0)  # 2 float32 steps
                   and not np.allclose(c, expected, rtol=1e-6, atol=0)
                   for c in candidates)
    return any(np.allclose(got, c, rtol=1e-12, atol=0) for c in candidates)


def _holds(when, got, args):
    """Whether ``when(got, *args)``; an answer it cannot read is not that mistake."""
    try:
        return bool(when(got, *args))
    except Exception:
        return False


def judge(exercise, got, args, label=""):
    """Compare one answer with the reference; raise :class:`CheckFailed` if wrong.

    First the mistakes told by ``when`` from the raw answer, then the answer is read as
    numbers: right, or one of the mistakes' ``wrong`` answers (or a ``late`` ``when``),
    or a shape, a nan, a rounding, a near miss, or wrong.
    """
    on = f" for {label}" if label else ""
    what = f"`{exercise.name}`{on}" if exercise.name else label
    if got is None:
        as_float(got, what)  # says: did you forget a `return`?
    for m in exercise.mistakes:
        if m.when is not None and not m.late and _holds(m.when, got, args):
            fail(exercise, m.key, f"{what} is wrong")
    names = [f"`{p}`{on}" for p in exercise.parts] or [what]
    if exercise.parts and not (isinstance(got, tuple | list)
                               and len(got) == len(names)):
        raise CheckFailed(f"{what} is {type(got).__name__}; expected {len(names)} "
                          f"values, {', '.join(exercise.parts)}, in that order.")
    raw, got = got, [as_float(g, n) for g, n in zip(
        got if exercise.parts else [got], names, strict=True)]
    expected = exercise.reference(*args)
    expected = expected if exercise.parts else [expected]
    tol = dict(rtol=exercise.rtol, atol=exercise.atol)
    right = [close(g, e, **tol) for g, e in zip(got, expected, strict=True)]
    if all(right):
        return
    for m in exercise.mistakes:
        wrong = m.wrong(*args) if m.wrong is not None else None
        wrong = wrong if exercise.parts or wrong is None else [wrong]
        # A part the learner got right is no part of a mistake that changes it.
        if (m.late and _holds(m.when, raw, args)) or wrong is not None and all(
                w is None or (close(w, e, **tol) if r else close(g, w, **tol))
                for g, w, e, r in zip(got, wrong, expected, right, strict=True)):
            told = [n for n, w in zip(names, wrong or names, strict=True)
                    if w is not None]
            fail(exercise, m.key, f"{what if len(told) > 1 else told[0]} is wrong")
    for g, e, n in zip(got, expected, names, strict=True):
        if f"{exercise.id}.shape" in MESSAGES and np.shape(g) != np.shape(e):
            fail(exercise, "shape", f"{n} has shape {np.shape(g)}, expected "
                 f"{np.shape(e)}")
        as_float(g, n, np.shape(e))
    bad = [n for n, r in zip(names, right, strict=True) if not r]
    which = " and ".join(bad) + (" is" if len(bad) == 1 else " are") + " wrong"
    good = [f"`{p}`" for p, r in zip(exercise.parts, right, strict=False) if r]
    if good:
        which += f" ({' and '.join(good)} {'is' if len(good) == 1 else 'are'} right)"
    if not all(np.all(np.isfinite(g)) for g in got):
        raise CheckFailed(f"{which}: not finite (nan or inf). Look for a division by 0 "
                          "or an overflow.")
    pairs = list(zip(got, expected, strict=True))
    if all(close(g, e, **tol) or rounded(g, e) for g, e in pairs):
        fail(exercise, "rounded", which)
    if all(close(g, e, rtol=exercise.near_rtol, atol=exercise.atol) for g, e in pairs):
        fail(exercise, "near_miss", which)
    fail(exercise, None, which)


def run(exercise, answer):
    """Check ``answer`` on every case of ``exercise``; print the verdict if right."""
    for args, label in exercise.cases():
        got, copies = answer, [a.copy() if isinstance(a, np.ndarray) else a
                               for a in args]
        if exercise.function:
            try:
                got = call(answer, *copies, name=exercise.name)
            except NotDoneYet:
                raise
            except CheckFailed as error:
                text = str(error).split(" (called with")[0].rstrip(".")
                for m in exercise.mistakes:
                    if m.raised and re.search(m.raised, text):
                        fail(exercise, m.key, text)
                raise
        judge(exercise, got, args, label)
        if exercise.function and changed(args, copies):
            fail(exercise, "in_place", f"`{exercise.name}` changed its argument for "
                 f"{label}")
    for args, label, errors, key, *other in exercise.refuse():
        try:
            answer(*args)
        except errors:
            continue
        except Exception as error:
            fail(exercise, (other or [key])[0], f"`{exercise.name}` raised "
                 f"{type(error).__name__} for {label}")
        fail(exercise, key, f"`{exercise.name}` returned a value for {label}")
    passed = exercise.passed
    print(f"Correct: {passed(answer) if callable(passed) else passed}")


