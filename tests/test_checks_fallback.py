"""After an exercise inside a lesson: the learner's function if it works, else ours."""

import numpy as np
import pytest

import coursekit as ck


def ours(X, w):
    return X @ w, float(w.sum())


CASES = [((np.arange(6.0).reshape(3, 2), np.array([[1.0], [-2.0]])), "3 samples"),
         ((np.ones((1, 1)), np.array([[0.5]])), "one sample")]


def right(X, w):
    return X @ w, w.sum()


def stub(X, w):
    raise NotImplementedError()


def wrong_value(X, w):
    return X @ w, float(w.sum()) + 1e-3


def wrong_shape(X, w):
    return (X @ w).ravel(), float(w.sum())


def crashes(X, w):
    return X.T @ w, 0.0  # shapes (2, 3) @ (2, 1) do not fit


def returns_one_value(X, w):
    return X @ w


def edits_its_arguments(X, w):
    w *= 2  # in place: the course's function must not see it
    return X @ (w / 2), float(w.sum() / 2)


def test_a_right_function_is_the_learners(capsys):
    assert ck.checks.yours_or_ours("f", right, ours, CASES) is right
    assert capsys.readouterr().out == (
        "Your `f` gives the right numbers for these cases: the cells below use it.\n")


def as_lists(X, w):
    return (X @ w).tolist(), float(w.sum())


@pytest.mark.parametrize("yours", [edits_its_arguments, as_lists])
def test_right_numbers_that_would_break_the_lesson_are_not_the_learners(yours, capsys):
    """A function that changes its arguments in place (the lesson's next cells would
    start from the changed arrays) or gives a list for an array is not handed on."""
    assert ck.checks.yours_or_ours("f", yours, ours, CASES) is not yours
    assert "does not give the right numbers yet" in capsys.readouterr().out


def test_the_last_cell_of_a_notebook_says_the_rest_of_this_cell(capsys):
    ck.checks.yours_or_ours("f", right, ours, CASES, this_cell=True)
    ck.checks.yours_or_ours("f", stub, ours, CASES, this_cell=True)
    lines = capsys.readouterr().out.splitlines()
    assert all("the rest of this cell uses" in line for line in lines)
    assert not any("below" in line for line in lines)


def test_the_stub_gets_the_courses_function_and_one_line(capsys):
    assert ck.checks.yours_or_ours("f", stub, ours, CASES) is not stub
    [line] = capsys.readouterr().out.splitlines()
    assert "`f` is not written yet" in line and "course's own" in line


@pytest.mark.parametrize("yours", [wrong_value, wrong_shape, crashes,
                                   returns_one_value, None, "f"])
def test_a_wrong_function_gets_the_courses_function(yours, capsys):
    theirs = ck.checks.yours_or_ours("f", yours, ours, CASES)
    assert theirs.course_own and theirs(*CASES[0][0])[1] == ours(*CASES[0][0])[1]
    [line] = capsys.readouterr().out.splitlines()
    assert "does not give the right numbers yet" in line and "course's own" in line


def test_cases_may_be_bare_argument_tuples(capsys):
    bare = [args for args, _ in CASES]
    assert ck.checks.yours_or_ours("f", right, ours, bare) is right
    assert ck.checks.yours_or_ours("f", wrong_value, ours, bare).course_own


def test_nan_is_never_right(capsys):
    def nan(X, w):
        return X @ w * np.nan, float(w.sum())

    def ours_nan(X, w):  # even where the reference itself is nan
        return X @ w * np.nan, float(w.sum())

    assert ck.checks.yours_or_ours("f", nan, ours_nan, CASES).course_own


def test_run_again_the_cell_does_not_call_the_courses_function_yours(capsys):
    """The cell rebinds the learner's name: run a second time, it must not say that
    the course's function is the learner's, nor may a check pass on it."""
    f = ck.checks.yours_or_ours("f", stub, ours, CASES)
    capsys.readouterr()
    assert ck.checks.yours_or_ours("f", f, ours, CASES) is f
    [line] = capsys.readouterr().out.splitlines()
    assert "still the course's own" in line and "gives the right numbers" not in line
    gradients = ck.checks.yours_or_ours(
        "gradients", stub, ck.checks.training.gradients,
        ck.checks.training.GRADIENTS.cases())
    with pytest.raises(ck.checks.NotDoneYet, match="course's own"):
        ck.checks.check_gradients_and_update(gradients, ck.checks.training.update)
