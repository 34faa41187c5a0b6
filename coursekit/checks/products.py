"""The checks of notebook 02's exercises: matrix shapes, the dot product, X @ w."""

import numpy as np

from coursekit.checks._core import Exercise, Mistake, Spy, run, shape_answer

__all__ = ["check_dot", "check_product_shape", "check_weighted_sums"]


def _shape_mistake(key, shape, message):
    return Mistake(key, "02.3", message, wrong=lambda: np.array(shape, dtype=float))


PRODUCT_SHAPE = Exercise(
    "02.product_shape", "product_shape", "02.3", function=False,
    reference=lambda: np.array([4.0, 2.0]),
    mistakes=[
        Mistake("not_a_matrix", "02.3", "the product of two matrices is a matrix: "
                "its shape has two lengths", when=lambda got: len(got) != 2),
        _shape_mistake("inner", (3, 3), "those are the inner lengths; they must agree "
                       "and then disappear"),
        _shape_mistake("left", (4, 3), "that is the shape of the left matrix; the "
                       "right one sets the number of columns"),
        _shape_mistake("right", (3, 2), "that is the shape of the right matrix; the "
                       "left one sets the number of rows"),
        _shape_mistake("swapped", (2, 4), "it swaps the outer lengths: (n, k) @ (k, m) "
                       "gives (n, m)"),
    ],
    hint="(n, k) @ (k, m) gives (n, m)",
    passed="(4, 3) @ (3, 2): the inner 3s agree and disappear.",
)


class NoProduct(Spy):
    """An array that refuses the products the exercise asks to write by hand."""

    def __array_function__(self, func, types, args, kwargs):
        if func in (np.dot, np.vdot, np.inner, np.einsum, np.tensordot, np.matmul):
            raise ProductNotAllowed(f"np.{func.__name__}")
        return super().__array_function__(func, types, args, kwargs)

    def seen(self, ufunc, method):
        if ufunc is np.matmul or method == "reduce":
            raise ProductNotAllowed("@" if ufunc is np.matmul else f"{ufunc.__name__} "
                                    "over a whole array (np.sum, .sum())")

    def dot(self, *args, **kwargs):
        raise ProductNotAllowed(".dot")


class ProductNotAllowed(Exception):
    """The learner's loop called a library product."""


def _pairs():
    rng = np.random.default_rng(2)
    pairs = [(np.array([1, 2, 3, 4, 5]), np.array([2, 4, 1, 1, 1])),
             (np.array([3.0, 0.0, -1.0]), np.array([2.0, 5.0, 4.0])),
             (np.array([-2.5]), np.array([4.0])),
             (rng.normal(size=20), rng.normal(size=20))]
    return [((a.view(NoProduct), b.view(NoProduct)), f"vectors of length {len(a)}")
            for a, b in pairs]


def _loop(a, b):
    return sum(float(x) * float(y) for x, y in zip(a, b, strict=True))


DOT = Exercise(
    "02.dot", "dot", "02.1", cases=_pairs, reference=_loop,
    mistakes=[
        Mistake("library_product", "02.1", "the exercise asks for a loop that "
                "multiplies each pair and adds it to a total: np.dot, @ and np.sum do "
                "that for you",
                raised="ProductNotAllowed"),
        Mistake("not_added", "02.4", "one product per pair: you multiplied element "
                "by element but did not add the products up",
                when=lambda got, a, b: len(a) > 1 and np.shape(got) == (len(a),)),
        Mistake("sum_times_sum", "02.1", "this is sum(a) * sum(b): multiply each pair "
                "first, then add the products",
                wrong=lambda a, b: sum(map(float, a)) * sum(map(float, b))),
        Mistake("last_pair_missing", "02.1", "the loop misses the last pair: it must "
                "visit all n elements", wrong=lambda a, b: _loop(a[:-1], b[:-1])),
        Mistake("first_pair_missing", "02.1", "the loop misses the first pair: "
                "positions count from 0", wrong=lambda a, b: _loop(a[1:], b[1:])),
        Mistake("replaced_total", "02.1", "only the last product is left: `total = "
                "...` replaces the total at each step, `total += ...` adds to it",
                wrong=lambda a, b: float(a[-1]) * float(b[-1])),
        Mistake("return_in_loop", "02.1", "only the first product is left: the "
                "`return` line is inside the loop, so the function returns after one "
                "step", wrong=lambda a, b: float(a[0]) * float(b[0])),
        Mistake("sum_of_sums", "02.1", "this is the sum of a + b, not of a * b",
                wrong=lambda a, b: sum(map(float, a + b))),
    ],
    refuse=lambda: [((np.ones(3).view(NoProduct), np.ones(2).view(NoProduct)),
                     "vectors of lengths 3 and 2", (ValueError,),
                     Mistake("unequal_lengths", "02.2", "unequal lengths have no dot "
                             "product. Raise ValueError, as np.dot does: "
                             "zip(a, b, strict=True) does it for you"))],
    hint="multiply element i of a by element i of b, then add all the products",
    passed="dot multiplies pairs and adds them, and refuses unequal lengths.",
)


def _weights():
    rng = np.random.default_rng(4)
    pairs = [(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([0.5, -1.0])),
             (rng.normal(size=(1, 3)), rng.normal(size=3)),
             (rng.normal(size=(4, 1)), rng.normal(size=1)),
             (rng.normal(size=(50, 4)), rng.normal(size=4))]
    return [((X, w), f"X of shape {X.shape}") for X, w in pairs]


WEIGHTED_SUMS = Exercise(
    "02.weighted_sums", "weighted_sums", "02.5", cases=_weights,
    reference=lambda X, w: np.array([[_loop(row, w)] for row in X]),
    mistakes=[
        Mistake("one_d", "02.5", "X @ w with a 1-D w gives a 1-D result; make it a "
                "column", when=lambda got, X, w: len(X) > 1
                and np.shape(got) == (len(X),)),
        Mistake("row", "02.5", "it is a row; one weighted sum per row of X goes in a "
                "column", when=lambda got, X, w: len(X) > 1
                and np.shape(got) == (1, len(X))),
        Mistake("element_wise", "02.4", "`*` multiplies element by element and keeps "
                "the shape; `@` also adds the products of each row",
                when=lambda got, X, w: X.shape[1] > 1 and np.shape(got) == X.shape),
        Mistake("unweighted", "02.5", "the sums add the features without weighting "
                "them", wrong=lambda X, w: X.sum(axis=1, keepdims=True)),
        Mistake("weights_only", "02.5", "the sums add the weights without the "
                "features", wrong=lambda X, w: np.full((len(X), 1), w.sum())),
    ],
    hint="row i should be the dot product of X[i] and w",
    passed="weighted_sums gives an (n, 1) column of X[i] @ w, one sample included.",
)


def check_product_shape(product_shape):
    """Exercise 02-1: the shape of ``np.ones((4, 3)) @ np.ones((3, 2))``."""
    run(PRODUCT_SHAPE, shape_answer(product_shape, "product_shape", "(5, 7)"))


def check_dot(dot):
    """Exercise 02-2: ``dot(a, b)`` with a loop; unequal lengths raise ValueError."""
    run(DOT, dot)


def check_weighted_sums(weighted_sums):
    """Exercise 02-3: ``weighted_sums(X, w)``, one weighted sum per row, (n, 1)."""
    run(WEIGHTED_SUMS, weighted_sums)
