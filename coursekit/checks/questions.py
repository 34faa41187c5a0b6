"""Questions for the learner: a multiple choice or a short answer, read from a table.

A question's markdown cell starts with **Predict.** or **Question.** and lists its
options; the learner's answer cell is ``answer_q1 = None  # a, b, c or d``, and a graded
check cell calls ``ck.checks.check_answer("01.q1", answer_q1)``. To add a question, add
to ``questions.tsv`` one line per option: the question's id, the option, its key
("right" for the right one), the section that explains it, and why it is right or
wrong; the mistake id of a wrong option is "<question id>.<key>". Example, question
01.q1: "What shape does ``M.mean(axis=0)`` have for M of shape (5, 3)? a (5,), b (3,),
c (1, 3), d (3, 1)":

>>> check_answer("01.q1", "B")
Correct: averaging over axis 0 removes that axis: one mean per column, shape (3,).
>>> check_answer("01.q1", "a")
Traceback (most recent call last):
...
coursekit.checks._answers.CheckFailed: 'a' is not right: (5,) is one mean per row, ...
"""

import ast

import numpy as np

from coursekit.checks._answers import CheckFailed, NotDoneYet
from coursekit.checks._core import read_table, where

__all__ = ["QUESTIONS", "check_answer"]

QUESTIONS = {}  # {question: [(option, key, section, why), ...]}
for question, *row in read_table("questions.tsv"):
    QUESTIONS.setdefault(question, []).append(tuple(row))


def _norm(answer):
    """An answer as it compares: text stripped and lowered, numbers as floats."""
    if isinstance(answer, str):
        try:
            answer = ast.literal_eval(answer.strip())
        except (ValueError, SyntaxError):
            return answer.strip().strip("()'\".").strip().lower()
    if isinstance(answer, tuple | list):
        return tuple(_norm(a) for a in answer)
    if isinstance(answer, bool | np.bool_ | str):
        return answer
    return float(answer) if np.ndim(answer) == 0 else answer


def _same(a, b):
    a, b = _norm(a), _norm(b)
    if isinstance(a, float) and isinstance(b, float):
        return bool(np.isclose(a, b, rtol=1e-6, atol=0))
    return a == b


def _unquoted(question, answer):
    """What to say of an answer that is not text: a letter written without quotes."""
    name = f"answer_{question.split('.')[1]}"
    if not (isinstance(answer, np.ndarray) or callable(answer)):  # a number, a tuple
        return (f"`{name}` is {answer!r}, not a letter: answer with one of the "
                f'letters of the options, in quotes, such as {name} = "a".')
    kind = "a NumPy array" if isinstance(answer, np.ndarray) else "a function"
    return (f"`{name}` is {kind}, not a letter: put the letter in quotes, such as "
            f'{name} = "a". Without quotes, Python reads the letter as the name of '
            "a variable of the notebook and hands the check that variable.")


def check_answer(question, answer):
    """Check the learner's ``answer`` to ``question``; a wrong option names its id."""
    if answer is None or answer is Ellipsis:
        raise NotDoneYet(f"No answer to {question} yet. Not done yet: replace `raise "
                         "NotImplementedError()` in the cell above with your letter in "
                         f'quotes, such as answer_{question.split(".")[1]} = "a", run '
                         "that cell, then this check again (a NameError there means "
                         "the quotes are missing).")
    options = [row[0] for row in QUESTIONS[question]]
    letters = all(len(o) == 1 and o.isalpha() for o in options)  # a multiple choice
    if letters and not isinstance(answer, str):
        raise CheckFailed(_unquoted(question, answer), f"{question}.unquoted")
    for option, key, section, why in QUESTIONS[question]:
        if _same(answer, option) and key == "right":
            print(f"Correct: {why}.")
            return
        if _same(answer, option):
            raise CheckFailed(f"{answer!r} is not right: {why} ({where(section)}).",
                              f"{question}.{key}")
    if letters:
        raise CheckFailed(f"{answer!r} is not one of the options: answer with one of "
                          f"{', '.join(options)}.")
    section = next(row[2] for row in QUESTIONS[question] if row[1] == "right")
    raise CheckFailed(f"{answer!r} is not right: reread {where(section)}.")
