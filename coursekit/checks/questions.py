"""Questions for the learner: a multiple choice or a short answer, checked from a table.

A question's markdown cell starts with **Predict.** or **Question.**; the learner's
answer cell calls ``ck.checks.check_answer("01.q1", "b")``. Each question in
``QUESTIONS`` gives its right answer, the section that explains it, and for each wrong
option why it is wrong, with a key (its mistake id is "<question id>.<key>") and a
section. Options are letters (case and spaces do not count), numbers (compared to 6
significant digits) or shapes (tuples).

How to add a question: add an entry to ``QUESTIONS``, such as

>>> QUESTIONS["01.q1"].right
'b'

and, in the notebook, a markdown cell "**Question.** ..." listing the options, then a
code cell ``answer_q1 = None  # a, b, c or d`` and a graded check cell
``ck.checks.check_answer("01.q1", answer_q1)``.

>>> check_answer("01.q1", "B")
Correct: averaging over axis 0 removes that axis: one mean per column, shape (3,).
"""

import dataclasses
import numbers

import numpy as np

from coursekit.checks._core import NOT_DONE, CheckFailed, NotDoneYet, where

__all__ = ["QUESTIONS", "Question", "check_answer"]


@dataclasses.dataclass(frozen=True)
class Question:
    """The right answer, why (``explain``), and ``{option: (key, section, why)}``."""

    right: object
    section: str
    explain: str
    wrong: dict
    options: tuple = ()


QUESTIONS = {
    "01.q1": Question(
        "b", "01.4", "averaging over axis 0 removes that axis: one mean per column, "
        "shape (3,).",
        options=("a", "b", "c", "d"),  # (5,), (3,), (1, 3), (3, 1)
        wrong={
            "a": ("row_means", "01.4", "(5,) is one mean per row, what axis=1 gives; "
                  "axis 0 runs down the rows, so averaging over it leaves one mean per "
                  "column"),
            "c": ("kept_axis", "01.4", "(1, 3) keeps the averaged axis as a length 1, "
                  "which only keepdims=True does"),
            "d": ("column_vector", "01.9", "(3, 1) is a column vector of 3 means; the "
                  "mean removes axis 0 and leaves a 1-D array"),
        }),
}


def _norm(answer):
    """An answer in a form that compares: text lowered, numbers as floats."""
    if isinstance(answer, str):
        return answer.strip().strip("()'\".").strip().lower()
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return float(answer)
    if isinstance(answer, tuple | list):
        return tuple(_norm(a) for a in answer)
    return answer


def _same(a, b):
    a, b = _norm(a), _norm(b)
    if isinstance(a, float) and isinstance(b, float):
        return bool(np.isclose(a, b, rtol=1e-6, atol=0))
    return a == b


def check_answer(question, answer):
    """Check the learner's ``answer`` to ``QUESTIONS[question]``.

    Prints one line starting with ``Correct:``, or raises :class:`CheckFailed` whose
    ``mistake`` is "<question>.<key>" for a known wrong option.
    """
    q = QUESTIONS[question]
    if answer is None or answer is Ellipsis:
        raise NotDoneYet(f"No answer to {question} yet. {NOT_DONE}")
    if _same(answer, q.right):
        print(f"Correct: {q.explain}")
        return
    for option, (key, section, why) in q.wrong.items():
        if _same(answer, option):
            raise CheckFailed(f"{answer!r} is not right: {why} ({where(section)}).",
                              f"{question}.{key}")
    if q.options and not any(_same(answer, o) for o in q.options):
        raise CheckFailed(f"{answer!r} is not one of the options: answer with one of "
                          f"{', '.join(map(str, q.options))}.")
    raise CheckFailed(f"{answer!r} is not right: reread {where(q.section)} and try "
                      "again.")
