"""The machinery every exercise check shares: errors, calling, comparing."""

import numpy as np
import pytest

from coursekit.checks._core import (
    KNOWN_MISTAKES,
    CheckFailed,
    NotDoneYet,
    as_array,
    call,
    compare,
    given,
    passed,
)


def stub(x):
    raise NotImplementedError()


def test_failures_are_assertion_errors_that_nbgrader_scores():
    assert issubclass(CheckFailed, AssertionError)
    assert issubclass(NotDoneYet, CheckFailed)


def test_ipython_shows_the_message_without_a_traceback_of_our_files():
    error = CheckFailed("the MSE is wrong")
    assert error._render_traceback_() == ["CheckFailed: the MSE is wrong"]


def test_a_stub_is_not_done_yet_not_a_traceback():
    with pytest.raises(NotDoneYet, match="Not done yet") as info:
        call(stub, np.ones(3))
    assert info.value.__suppress_context__  # no "during handling" chain


def test_an_unset_answer_is_not_done_yet():
    with pytest.raises(NotDoneYet, match="`shape_answer` has no answer yet"):
        given(None, "shape_answer")
    assert given((3, 1), "shape_answer") == (3, 1)


def test_a_learners_error_names_the_error_and_the_inputs_shapes():
    def broken(x):
        return x @ np.ones(5)

    with pytest.raises(CheckFailed,
                       match=r"raised ValueError: .*array of shape \(3, 4\)"):
        call(broken, np.ones((3, 4)))


def test_a_called_function_instead_of_the_function_is_explained():
    with pytest.raises(CheckFailed, match=r"Pass the function itself"):
        call(np.float64(3.0), name="mse")


def test_as_array_names_the_shape_it_got_and_where_to_look():
    with pytest.raises(CheckFailed, match=r"returned shape \(800, 800\); expected "
                       r"\(800,\): see notebook 03"):
        as_array(np.zeros((800, 800)), shape=(800,), name="mse_errors",
                 hint="see notebook 03, the MSE pitfall")
    with pytest.raises(CheckFailed, match="returned None: did you forget"):
        as_array(None, shape=(), name="mse")
    with pytest.raises(CheckFailed, match="returned str, which is not a number"):
        as_array("3.0x", shape=(), name="mse")
    assert as_array([1, 2], shape=(2,), name="f").dtype == float


def test_compare_recognises_a_known_mistake_by_name():
    compare(1.0, 1.0 + 1e-12, what="the MSE")
    with pytest.raises(CheckFailed, match=r"the MSE is wrong: .*n² numbers"):
        compare(5.0, 1.0, what="the MSE",
                mistakes={"broadcast": 5.0, "missing_mean": 9.0})
    with pytest.raises(CheckFailed, match=r"the MSE is wrong: your own words"):
        compare(2.0, 1.0, what="the MSE", mistakes={"your own words": 2.0})
    with pytest.raises(CheckFailed, match=r"^the MSE is wrong\. Look at section 3\.$"):
        compare(7.0, 1.0, what="the MSE", mistakes={"broadcast": 5.0},
                hint="Look at section 3.")


def test_compare_refuses_nan_and_other_shapes():
    with pytest.raises(CheckFailed, match="not finite"):
        compare(np.nan, 1.0, what="the loss")
    with pytest.raises(CheckFailed, match=r"has shape \(2,\); expected \(\)"):
        compare([1.0, 1.0], 1.0, what="the loss")


def test_every_known_mistake_points_to_a_notebook():
    for key, message in KNOWN_MISTAKES.items():
        assert "notebook 0" in message, key


def test_passed_prints_one_line(capsys):
    passed("the column has shape (3, 1).")
    assert capsys.readouterr().out == "Correct: the column has shape (3, 1).\n"


@pytest.mark.parametrize("answer, message", [
    ("(4, 2)", "is the text '\\(4, 2\\)'; write the shape as a tuple"),
    (np.ones((4, 2)), "an array of numbers, not a shape"),
    ((4.5, 2), "tuple of whole numbers"), ((True, 2), "tuple of whole numbers"),
    ((), "tuple of whole numbers"),
])
def test_shape_answer_refuses_what_is_not_a_shape(answer, message):
    from coursekit.checks._core import shape_answer

    with pytest.raises(CheckFailed, match=message):
        shape_answer(answer, "product_shape", "(5, 7)")
    with pytest.raises(NotDoneYet):
        shape_answer(None, "product_shape", "(5, 7)")


def test_a_rounded_answer_is_called_close_not_wrong():
    with pytest.raises(CheckFailed, match="close but not exact .* round only when"):
        compare(7.7027, 7.702735, what="`slope`")
    with pytest.raises(CheckFailed, match=r"^`slope` is wrong\.$"):
        compare(7.9, 7.702735, what="`slope`")


def test_messages_for_what_is_not_an_array_of_numbers():
    with pytest.raises(CheckFailed, match="is a function \\(not called\\?\\)"):
        as_array(np.arange, shape=(3,), name="grid", verb="is")
    with pytest.raises(CheckFailed, match="rows of different lengths"):
        as_array([[1, 2, 3], [4, 5]], shape=(2, 3), name="grid", verb="is")
    with pytest.raises(NotDoneYet, match=r"print\(\.\.\.\)` stores None"):
        given(None, "grid")


def test_a_learners_error_names_the_numbers_it_was_called_with():
    def broken(n, m):
        raise ZeroDivisionError("division by zero")

    with pytest.raises(CheckFailed, match=r"called with 353, 32\)"):
        call(broken, 353, np.int64(32))
