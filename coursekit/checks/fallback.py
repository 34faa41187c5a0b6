"""The lesson goes on after an unfinished exercise: the learner's function or ours.

An exercise inside a lesson asks the learner for a function that the cells after it
use. A learner who has not finished it (the student edition's stub still raises
``NotImplementedError``) or whose function is still wrong must be able to run the rest
of the lesson all the same. So the cell after the exercise's check hands the lesson
a function that works::

    gradients = ck.checks.yours_or_ours("gradients", gradients, course_gradients, cases)

:func:`yours_or_ours` tries the learner's function on the check's cases and returns it
when it gives the course's results on every one of them, and the course's own function
otherwise, printing one line that says which the cells below use. The course's function
comes back marked (``course_own``): run again, the cell says the name still holds the
course's function instead of calling it the learner's, and a check given it says so
too.
"""

import functools
import warnings

import numpy as np

from coursekit.checks._answers import changed

__all__ = ["yours_or_ours"]

YOURS = "Your `{name}` gives the right numbers for these cases: {users} it."
NOT_WRITTEN = ("Your `{name}` is not written yet, so {users} the course's own. Come "
               "back to it: write it, run its check, then this cell again.")
NOT_RIGHT = ("Your `{name}` does not give the right numbers yet, so {users} the "
             "course's own. Its check says what to look at; once it passes, run this "
             "cell again.")
AGAIN = ("`{name}` is still the course's own, from an earlier run of this cell: to use "
         "yours, run your cell above and its check, then this cell again.")


def yours_or_ours(name, yours, ours, cases, *, rtol=1e-7, atol=1e-9,
                  this_cell=False):
    """Return ``yours`` if it agrees with ``ours`` on every case, otherwise ``ours``.

    Prints one line saying which function the lesson's next cells use.

    Parameters
    ----------
    name : str
        The function's name, as the learner wrote it.
    yours : callable
        The learner's function (the stub, a wrong one or a right one).
    ours : callable
        The course's own function, with the same arguments and results.
    cases : iterable
        The arguments to try: tuples of arguments, or ``(arguments, label)`` pairs
        as a check's cases are written.
    rtol, atol : float, optional
        How close every number of the results must be.
    this_cell : bool, optional
        Whether the function is used by the rest of this cell (the last of the
        notebook) rather than by the cells below.

    Returns
    -------
    callable
        ``yours``, or ``ours`` marked with ``course_own = True``.
    """
    if getattr(yours, "course_own", False):  # this cell ran before and fell back
        print(AGAIN.format(name=name))
        return yours
    verdict = _verdict(yours, ours, cases, rtol=rtol, atol=atol)
    users = "the rest of this cell uses" if this_cell else "the cells below use"
    print({"yours": YOURS, "stub": NOT_WRITTEN, "wrong": NOT_RIGHT}[verdict]
          .format(name=name, users=users))
    return yours if verdict == "yours" else _marked(ours)


def _marked(ours):
    """``ours``, marked as the course's own function."""
    @functools.wraps(ours)
    def course_own(*args, **kwargs):
        return ours(*args, **kwargs)

    course_own.course_own = True
    return course_own


def _verdict(yours, ours, cases, *, rtol, atol):
    """"yours", "stub" (still nbgrader's stub) or "wrong" (anything else)."""
    if not callable(yours):
        return "wrong"
    for case in cases:
        args = _arguments(case)
        expected = ours(*_copies(args))
        given = _copies(args)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                got = yours(*given)
        except NotImplementedError:
            return "stub"
        except Exception:  # noqa: BLE001 (any error of the learner's means "not yet")
            return "wrong"
        if changed(args, given) or not _same(got, expected, rtol=rtol, atol=atol):
            return "wrong"  # an input changed in place would change the lesson's
    return "yours"


def _arguments(case):
    """A case's arguments: ``(arguments, "label")`` pairs drop their label."""
    if (isinstance(case, tuple) and len(case) == 2 and isinstance(case[1], str)
            and isinstance(case[0], tuple)):
        return case[0]
    return case if isinstance(case, tuple) else (case,)


def _copies(args):
    """Fresh copies of the array arguments: neither function sees the other's edits."""
    return tuple(np.copy(a) if isinstance(a, np.ndarray) else a for a in args)


def _same(got, expected, *, rtol, atol):
    """Whether ``got`` has ``expected``'s structure, type of array, shapes and (close)
    values: an exercise that asks for an array is not answered by a list."""
    if isinstance(expected, np.ndarray) and not isinstance(got, np.ndarray):
        return False
    if isinstance(expected, tuple | list):
        return (isinstance(got, tuple | list) and len(got) == len(expected)
                and all(_same(g, e, rtol=rtol, atol=atol)
                        for g, e in zip(got, expected, strict=True)))
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    expected = np.asarray(expected, dtype=float)
    return (got.shape == expected.shape and bool(np.all(np.isfinite(got)))
            and bool(np.allclose(got, expected, rtol=rtol, atol=atol)))
