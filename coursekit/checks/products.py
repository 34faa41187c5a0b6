"""The checks of notebook 02's exercises: matrix shapes, the dot product, X @ w."""


import numpy as np

from coursekit.checks._legacy import (
    CheckFailed,
    as_array,
    call,
    compare,
    passed,
    shape_answer,
)

__all__ = ["check_dot", "check_product_shape", "check_weighted_sums"]


def check_product_shape(product_shape):
    """Check exercise 02-1: the shape of ``np.ones((4, 3)) @ np.ones((3, 2))``.

    Parameters
    ----------
    product_shape : tuple of int
        The learner's answer, written as a tuple such as ``(5, 7)``.
    """
    answer = shape_answer(product_shape, "product_shape", "(5, 7)", result="product")
    wrong = {
        (3, 3): "(3, 3) are the inner lengths; they must agree and then disappear.",
        (4, 3): "(4, 3) is the shape of the left matrix; the right one sets the "
                "number of columns.",
        (3, 2): "(3, 2) is the shape of the right matrix; the left one sets the "
                "number of rows.",
        (2, 4): "(2, 4) swaps the outer lengths: (n, k) @ (k, m) gives (n, m).",
    }
    if answer in wrong:
        raise CheckFailed(
            f"`product_shape` is wrong: {wrong[answer]} See notebook 02, section 3."
        )
    if answer != (4, 2):
        raise CheckFailed(
            f"`product_shape` is {answer}, which is not the shape NumPy gives. "
            "(n, k) @ (k, m) gives (n, m): see notebook 02, section 3."
        )
    passed("(4, 3) @ (3, 2): the inner 3s agree and disappear.")


def check_dot(dot):
    """Check exercise 02-2: a dot product written with a loop.

    Tries vectors of lengths 5, 3, 1 and 20, with negative and fractional numbers,
    and then two vectors of different lengths, which must raise ``ValueError``.

    Parameters
    ----------
    dot : callable
        ``dot(a, b)`` for 1-D ``a`` and ``b`` of the same length; returns a number.
    """
    rng = np.random.default_rng(2)
    cases = [(np.array([1, 2, 3, 4, 5]), np.array([2, 4, 1, 1, 1])),
             (np.array([3.0, 0.0, -1.0]), np.array([2.0, 5.0, 4.0])),
             (np.array([-2.5]), np.array([4.0])),
             (rng.normal(size=20), rng.normal(size=20))]
    for k, (a, b) in enumerate(cases, start=1):
        n = len(a)
        result = call(dot, a.copy(), b.copy(), name="dot")
        if np.shape(result) == (n,) and n > 1:
            raise CheckFailed(
                f"`dot` returned shape ({n},), one product per pair: you multiplied "
                "element by element but did not add the products up "
                "(notebook 02, section 4)."
            )
        value = as_array(result, shape=(), name="dot",
                         hint="the dot product is one number (notebook 02, section 1)")
        expected = sum(float(x) * float(y) for x, y in zip(a, b, strict=True))
        compare(value, expected, what=f"dot(a, b) for case {k} (length {n})",
                mistakes={
                    "this is sum(a) * sum(b): multiply each pair first, then add "
                    "the products (notebook 02, section 1).": a.sum() * b.sum(),
                    "this leaves out the last pair: the loop must visit all n "
                    "elements (range(len(a)), not range(len(a) - 1))."
                        : expected - float(a[-1]) * float(b[-1]),
                    "this leaves out the first pair: positions count from 0, so "
                    "the loop must start at 0 (notebook 01, section 7)."
                        : expected - float(a[0]) * float(b[0]),
                    "this is only the product of the last pair: `total = ...` "
                    "replaces the total at each step; `total += ...` adds to it."
                        : float(a[-1]) * float(b[-1]),
                    "this is only the product of the first pair: the `return` line "
                    "is inside the loop, so the function returns after one step. "
                    "Indent it back to the level of `for`."
                        : float(a[0]) * float(b[0]),
                    "this is the sum of a + b, not of a * b.": (a + b).sum(),
                }, hint="Multiply element i of a by element i of b, then add all the "
                "products (notebook 02, section 1).")
    a, b = np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0])
    try:
        result = dot(a, b)
    except ValueError:
        passed("dot multiplies pairs and adds them, and refuses unequal lengths.")
        return
    except Exception as error:
        raise CheckFailed(
            f"`dot` raised {type(error).__name__} for vectors of lengths 3 and 2; "
            "raise ValueError, as np.dot does (zip(a, b, strict=True) does it for you)."
        ) from None
    raise CheckFailed(
        f"`dot` returned {result} for vectors of lengths 3 and 2, pairing only "
        "2 of them: unequal lengths have no dot product. Raise ValueError, as np.dot "
        "does: zip(a, b, strict=True) does it for you (notebook 02, section 2)."
    )


def check_weighted_sums(weighted_sums):
    """Check exercise 02-3: one weighted sum per row of ``X``, as a column.

    Tries 3 x 2 (the notebook's example), one sample, one feature, and 50 x 4.

    Parameters
    ----------
    weighted_sums : callable
        ``weighted_sums(X, w)`` for ``X`` of shape (n, p) and ``w`` of shape (p,);
        should return shape (n, 1).
    """
    rng = np.random.default_rng(4)
    cases = [(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([0.5, -1.0])),
             (rng.normal(size=(1, 3)), rng.normal(size=3)),
             (rng.normal(size=(4, 1)), rng.normal(size=1)),
             (rng.normal(size=(50, 4)), rng.normal(size=4))]
    for k, (X, w) in enumerate(cases, start=1):
        (n, p), name = X.shape, f"case {k}, X of shape {X.shape}"
        result = call(weighted_sums, X.copy(), w.copy(), name="weighted_sums")
        shape = np.shape(result)
        if shape == (n,) and n > 1:
            raise CheckFailed(
                f"`weighted_sums` returned shape ({n},) for {name}: X @ w with a 1-D "
                "w gives a 1-D result. Make it a column of shape (n, 1) "
                "(notebook 02, section 5)."
            )
        if shape == (n, p) and p > 1:
            raise CheckFailed(
                f"`weighted_sums` returned shape {shape} for {name}: `*` multiplies "
                "element by element and keeps the shape; `@` also adds the products "
                "of each row (notebook 02, section 4)."
            )
        column = as_array(result, shape=(n, 1), name="weighted_sums",
                          hint="one weighted sum per row, as a column "
                          "(notebook 02, section 5)")
        expected = np.array([[sum(x * v for x, v in zip(row, w, strict=True))]
                             for row in X])
        compare(column, expected, what=f"weighted_sums for {name}", mistakes={
            "your sums add the features without weighting them: multiply each "
            "feature by its weight first.": X.sum(axis=1, keepdims=True),
            "your sums add the weights without the features: multiply each "
            "weight by its feature.": np.full((n, 1), w.sum()),
        }, hint="Row i should be the dot product of X[i] and w "
            "(notebook 02, section 5).")
    passed("weighted_sums gives an (n, 1) column of X[i] @ w, one sample included.")

