"""The checks of notebook 02: right answers pass, stubs don't, the loop is enforced.

Wrong answers and their mistake ids: tests/test_checks_corpus.py.
"""

import numpy as np
import pytest

from coursekit.checks import (
    CheckFailed,
    NotDoneYet,
    check_dot,
    check_product_shape,
    check_weighted_sums,
)


def stub(*args):
    raise NotImplementedError()


def dot(a, b):
    total = 0.0
    for a_i, b_i in zip(a, b, strict=True):
        total += a_i * b_i
    return total


def dot_by_index(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    return sum(a[i] * b[i] for i in range(len(a)))


@pytest.mark.parametrize(("check", "answer"), [
    (check_product_shape, (4, 2)), (check_product_shape, [4, 2]),
    (check_product_shape, (np.ones((4, 3)) @ np.ones((3, 2))).shape),
    (check_dot, dot), (check_dot, dot_by_index),
    (check_dot, lambda a, b: sum(x * y for x, y in zip(a, b, strict=True))),
    (check_weighted_sums, lambda X, w: X @ w.reshape(-1, 1)),
    (check_weighted_sums, lambda X, w: (X @ w)[:, None]),
])
def test_right_answers_pass(check, answer, capsys):
    check(answer)
    assert capsys.readouterr().out.startswith("Correct:")


@pytest.mark.parametrize("check", [check_dot, check_weighted_sums])
def test_a_stub_is_not_done_yet(check):
    with pytest.raises(NotDoneYet):
        check(stub)
    with pytest.raises(NotDoneYet):
        check_product_shape(None)


@pytest.mark.parametrize("shortcut", [np.dot, np.inner, lambda a, b: a @ b,
                                      lambda a, b: (a * b).sum(),
                                      lambda a, b: a.dot(b)])
def test_dot_refuses_the_products_the_exercise_asks_to_write(shortcut):
    with pytest.raises(CheckFailed, match="asks for a loop") as info:
        check_dot(shortcut)
    assert info.value.mistake == "02.dot.library_product"


def test_a_stub_called_by_the_learners_function_is_named():
    def dot(a, b):
        raise NotImplementedError()

    def weighted_sums(X, w):
        return np.array([[dot(row, w)] for row in X])

    with pytest.raises(NotDoneYet, match="`weighted_sums` calls `dot`, which still "
                       "raises NotImplementedError: write `dot` first"):
        check_weighted_sums(weighted_sums)
    with pytest.raises(NotDoneYet, match="`weighted_sums` still raises"):
        check_weighted_sums(stub)


def test_the_product_itself_for_its_shape_is_told_to_take_the_shape():
    with pytest.raises(CheckFailed, match=r"the product itself\?\), not its shape: "
                       r"the exercise asks for the `\.shape`") as info:
        check_product_shape(np.ones((4, 3)) @ np.ones((3, 2)))
    assert "array(" not in str(info.value) and "(4, 2)" not in str(info.value)
