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
    "01.q2": Question(
        "a", "01.6", "reshape fills the new shape row by row: the first row takes the "
        "first two elements.",
        options=("a", "b", "c", "d"),
        wrong={
            "b": ("column_order", "01.6", "1 and 4 begin the two halves of the vector; "
                  "reshape does not fill one column after the other, it reads and "
                  "writes the elements row by row"),
            "c": ("shape_swapped", "01.6", "a row of (3, 2) holds 2 elements, the "
                  "length of axis 1; three per row is the shape (2, 3)"),
            "d": ("column_called_row", "01.4", "a row of (3, 2) holds 2 elements, the "
                  "length of axis 1; 1, 3 and 5 would be read down axis 0"),
        }),
    "01.q3": Question(
        "c", "01.9", "a column vector is an m × 1 matrix: 6 rows of 1 element, shape "
        "(6, 1).",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("one_d", "01.9", "vector is 1-D, shape (6,): it has one axis, and a "
                  "column vector is a matrix, with two"),
            "b": ("transposed_1d", "01.2", "transposing a 1-D array changes nothing: "
                  "vector.T is the same 1-D array"),
            "d": ("row_called_column", "01.9", "(1, 6) is 1 row of 6 elements, a row "
                  "vector: the first length counts the rows"),
        }),
    "02.q1": Question(
        "b", "02.3", "the inner lengths are 1 and 1, and the outer ones, 5 and 5, give "
        "the shape: one element per row of the column and per column of the row.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("order_ignored", "02.3", "a matrix product depends on the order: "
                  "the result has the rows of the left factor and the columns of the "
                  "right one, and here the left factor has 5 rows"),
            "c": ("inner_lengths", "02.3", "the inner lengths are the last of the "
                  "first shape and the first of the second: 1 and 1 here, which agree"),
            "d": ("left_shape", "02.3", "the result takes its rows from the left "
                  "factor and its columns from the right one, (5, 1) and (1, 5): the "
                  "right factor has 5 columns"),
        }),
    "02.q2": Question(
        "c", "02.4", "* multiplies element by element and keeps the shape: two (1, 5) "
        "rows give a (1, 5) row.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("star_is_matmul", "02.4", "* is not the matrix product: it pairs "
                  "elements at the same position, and two arrays of the same shape "
                  "always have a partner for each element"),
            "b": ("star_adds_up", "02.4", "* multiplies but adds nothing up; the dot "
                  "product is its sum, (a * b).sum()"),
            "d": ("outer", "02.3", "a (5, 5) matrix is the outer product, a (5, 1) "
                  "column @ a (1, 5) row; * on two arrays of equal shape keeps that "
                  "shape"),
        }),
    "02.q3": Question(
        "a", "02.5", "with a 1-D w, @ gives one weighted sum per row as a 1-D array: "
        "shape (3,).",
        options=("a", "b", "c", "d"),
        wrong={
            "b": ("column_expected", "02.5", "a column comes out only when w is itself "
                  "a (2, 1) column: with a 1-D operand, @ drops that axis again"),
            "c": ("feature_axis", "02.5", "X @ w adds up over the features, one "
                  "weighted sum per sample: what is left has one entry per row of X"),
            "d": ("needs_column", "02.5", "@ accepts a 1-D w: it uses it as a column "
                  "for the product, as np.dot does for a vector"),
        }),
    "03.q1": Question(
        "c", "03.2", "(3,) becomes (1, 3) by rule 1; then 2 and 1 give 2, 1 and 3 "
        "give 3.",
        options=("a", "b", "c", "d"),  # (2, 1), (3, 2), (2, 3), an error
        wrong={
            "a": ("first_shape", "03.2", "(2, 1) is only the first array's shape; the "
                  "second array has length 3 along the last axis, and a length 1 "
                  "stretches to the other array's length (rule 3)"),
            "b": ("from_the_left", "03.2", "that lines the shapes up from the left; "
                  "NumPy compares them from the right, after rule 1 has put a 1 in "
                  "front of the shorter one"),
            "d": ("one_is_incompatible", "03.2", "lengths that differ are compatible "
                  "when one of them is 1 (rule 2); only two different lengths, neither "
                  "of them 1, raise an error"),
        }),
    "03.q2": Question(
        "c", "03.4", "the right MSE pairs prediction i with target i, so a shuffle "
        "changes its errors; the wrong one pairs every target with every prediction, "
        "whatever their order.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("both_change", "03.4", "the (n, n) matrix holds every target minus "
                  "every prediction: a shuffle only reorders its rows, and a mean does "
                  "not depend on the order of what it averages"),
            "b": ("wrong_one_changes", "03.4", "the (n, n) matrix already pairs every "
                  "target with every prediction, so reordering the predictions gives "
                  "it no new pair and takes none away"),
            "d": ("order_does_not_matter", "03.4", "the right MSE squares y[i] - "
                  "y_pred[i], one error per point: after a shuffle each target meets "
                  "another prediction, and the errors are no longer the same"),
        }),
    "03.q3": Question(
        "d", "03.5", "the (2,) totals become a (1, 2) row, compatible with (2, 2): "
        "column j is divided by the total of row j, without an error.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("square_fails_too", "03.5", "compare (2, 2) with (2,) by the rules: "
                  "(3, 2) / (3,) failed because 2 and 3 differ, but here the last "
                  "lengths are equal"),
            "b": ("row_totals_as_column", "03.5", "each row by its own total needs the "
                  "totals as a (2, 1) column, and sum(axis=1) without keepdims=True "
                  "returns shape (2,), which rule 1 lines up with the last axis"),
            "c": ("row_called_column", "03.5", "sum(axis=1) adds along each row: it "
                  "gives the totals of the rows, not of the columns (that would be "
                  "axis=0)"),
        }),
    "04.q1": Question(
        "b", "04.4", "every residual r becomes r - 10, and the mean of (r - 10)² is "
        "the MSE - 20 mean(r) + 100, where the mean residual of OLS is 0.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("unsquared", "04.3", "the MSE is a mean of squares, in the units of "
                  "y squared: expand (r - 10)², with r a residual, and average it over "
                  "the points"),
            "c": ("derivative", "04.3", "2 × 10 is only one part of how a square "
                  "changes: (r - 10)² - r² = -20r + 100; average that over the "
                  "points"),
            "d": ("some_shrink", "04.4", "the squares that shrink and those that grow "
                  "do not cancel out: expand (r - 10)² = r² - 20r + 100, average it, "
                  "and ask what the residuals of OLS average to"),
        }),
    "04.q2": Question(
        "a", "04.4", "the row of ones of the normal equations says that the residuals "
        "of the least-squares line sum to zero.",
        options=("a", "b", "c", "d"),
        wrong={
            "b": ("more_above", "04.4", "least squares does not count the points above "
                  "and below the line; the first normal equation, the row of ones of "
                  "Aᵀ(y - Aβ) = 0, says what the residuals sum to"),
            "c": ("true_line", "04.4", "the residuals of the true line are the noise, "
                  "whose mean over 100 draws is not exactly zero; it is the normal "
                  "equations that fix the residuals of the least-squares line"),
            "d": ("intercept", "04.4", "the intercept is a coefficient of the line; "
                  "the residuals are the gaps y - ŷ, and the row of ones of the normal "
                  "equations says what their sum is"),
        }),
    "04.q3": Question(
        "c", "04.5", "the intercept is the height of the line where x_scaled = 0, "
        "that is at the mean of x, and the least-squares line passes through the point "
        "of means.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("same_intercept", "04.5", "the line is the same, but its intercept "
                  "is its height where the feature is 0, and x_scaled = 0 is where x "
                  "is at its mean, not where x = 0"),
            "b": ("zero", "04.5", "x_scaled has mean 0, but the intercept is a height "
                  "on the scale of y: the line's value where x_scaled = 0"),
            "d": ("slope", "04.5", "the slope times the standard deviation of x is how "
                  "the slope changes, per standard deviation of x instead of per unit "
                  "of x; the intercept is a height of the line"),
        }),
    "05.q1": Question(
        "b", "05.3", "on this round bowl the MSE is a term in the intercept plus a "
        "term in the slope, each smallest at the grid value nearest its own optimum.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("exact", "05.3", "the grid's values are 10,000 / 99 apart, and the "
                  "least-squares numbers fall between two of them"),
            "c": ("whole_step", "05.3", "the bowl is a sum of a term in the intercept "
                  "and a term in the slope, each smallest at the grid value nearest "
                  "its own optimum: how far from an optimum can the nearest grid value "
                  "be?"),
            "d": ("no_guarantee", "05.3", "that happens on a tilted bowl; with "
                  "standardised x the bowl is round, and each parameter can be chosen "
                  "on its own"),
        }),
    "05.q2": Question(
        "b", "05.4", "the intercepts run along axis 0, the slopes along axis 1 and the "
        "data points along axis 2: one prediction per grid point per data point.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("grid_only", "05.4", "each grid point still needs one prediction per "
                  "data point before the mean: x brings a third axis"),
            "c": ("data_only", "05.4", "the intercepts and the slopes keep their axes, "
                  "axis 0 and axis 1, next to the data's"),
            "d": ("one_is_incompatible", "05.4", "a length 1 stretches to the other "
                  "array's length: 1 and 100 are compatible (notebook 03's rules)"),
        }),
    "05.q3": Question(
        "b", "05.6", "the same 100 × 100 × 100 operations, in a few calls to NumPy's "
        "compiled code instead of 10,000 trips through the Python interpreter.",
        options=("a", "b", "c", "d"),
        wrong={
            "a": ("less_arithmetic", "05.5", "both compute every prediction and every "
                  "squared error; it is the five averages that do less arithmetic"),
            "c": ("less_memory", "05.4", "broadcasting needs more memory, arrays of "
                  "one number per grid point per data point"),
            "d": ("cores", "05.6", "the loop and broadcasting do their arithmetic on "
                  "one core here; the difference lies in who runs the 10,000 steps"),
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
