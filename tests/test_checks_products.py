"""The checks of notebook 02: right answers pass, stubs and known mistakes don't."""

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


def loop_dot(a, b):
    total = 0.0
    for a_i, b_i in zip(a, b, strict=True):
        total += a_i * b_i
    return total


def test_product_shape(capsys):
    check_product_shape((4, 2))
    check_product_shape((np.ones((4, 3)) @ np.ones((3, 2))).shape)
    check_product_shape([4, 2.0])
    assert capsys.readouterr().out.count("Correct:") == 3
    with pytest.raises(NotDoneYet):
        check_product_shape(None)


@pytest.mark.parametrize(("answer", "message"), [
    ((3, 3), "inner lengths"), ((4, 3), "shape of the left matrix"),
    ((3, 2), "shape of the right matrix"), ((2, 4), "swaps the outer lengths"),
    ((4, 4), r"is \(4, 4\), which is not"), ("4 x 2", "tuple of whole numbers"),
    # wrong answers that a lenient int() conversion would have let through
    ("42", "the text '42'"), ("(4, 2)", "without quotes"),
    ((4.5, 2), "whole numbers"), ((True, 2), "whole numbers"),
    (np.ones((4, 3)) @ np.ones((3, 2)), "the product itself"),
])
def test_product_shape_names_the_mistake(answer, message):
    with pytest.raises(CheckFailed, match=message):
        check_product_shape(answer)


def test_dot_passes_on_a_loop_and_on_np_dot(capsys):
    check_dot(loop_dot)
    check_dot(np.dot)
    assert capsys.readouterr().out.count("Correct:") == 2


def zip_without_strict(a, b):
    return sum(x * y for x, y in zip(a, b))  # noqa: B905 (the mistake under test)


@pytest.mark.parametrize(("function", "message"), [
    (lambda a, b: a * b, "did not add the products up"),
    (lambda a, b: a.sum() * b.sum(), r"sum\(a\) \* sum\(b\)"),
    (lambda a, b: sum(a[i] * b[i] for i in range(len(a) - 1)), "leaves out the last"),
    (lambda a, b: (a + b).sum(), "the sum of a \\+ b"),
    (lambda a, b: -loop_dot(a, b), "Multiply element i of a by element i of b"),
    (zip_without_strict, "pairing only 2 of them"),
    (lambda a, b: loop_dot(a, b) if len(a) == len(b) else a[5], "raise ValueError"),
    (lambda a, b: None, "returned None"),
])
def test_dot_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_dot(function)


def last_product_only(a, b):
    total = 0.0
    for a_i, b_i in zip(a, b, strict=True):
        total = a_i * b_i  # the mistake under test: = instead of +=
    return total


def returns_inside_the_loop(a, b):
    total = 0.0
    for a_i, b_i in zip(a, b, strict=True):
        total += a_i * b_i
        return total  # the mistake under test: one step, then return
    return total


@pytest.mark.parametrize(("function", "message"), [
    (last_product_only, r"only the product of the last pair.*total \+="),
    (returns_inside_the_loop, "only the product of the first pair.*`return`"),
    (lambda a, b: sum(a[i] * b[i] for i in range(1, len(a))), "leaves out the first"),
])
def test_dot_names_the_loop_mistakes(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_dot(function)


def test_dot_stub():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        check_dot(stub)


def test_weighted_sums_passes(capsys):
    check_weighted_sums(lambda X, w: (X @ w)[:, None])
    check_weighted_sums(lambda X, w: X @ w.reshape(-1, 1))
    assert capsys.readouterr().out.count("Correct:") == 2


@pytest.mark.parametrize(("function", "message"), [
    (lambda X, w: X @ w, r"returned shape \(3,\).*1-D w gives a 1-D result"),
    (lambda X, w: X * w, "`\\*` multiplies element by element"),
    (lambda X, w: X.sum(axis=1, keepdims=True), "without weighting them"),
    (lambda X, w: np.full((len(X), 1), w.sum()), "add the weights without"),
    (lambda X, w: w @ X, "raised ValueError"),
    (lambda X, w: (X @ w)[None, :], r"returned shape \(1, 3\); expected \(3, 1\)"),
    (lambda X, w: (X @ w)[:, None] + 1, "Row i should be the dot product"),
])
def test_weighted_sums_names_the_mistake(function, message):
    with pytest.raises(CheckFailed, match=message):
        check_weighted_sums(function)


def test_weighted_sums_stub():
    with pytest.raises(NotDoneYet):
        check_weighted_sums(stub)
