"""The checks of notebook 02's exercises: matrix shapes, the dot product, X @ w."""

import dis

import numpy as np

from coursekit.checks._answers import Spy, shape_answer
from coursekit.checks._core import Exercise, Mistake, fail, run

__all__ = ["check_dot", "check_product_shape", "check_weighted_sums"]


def _shape_mistake(key, shape):
    return Mistake(key, wrong=lambda: np.array(shape, dtype=float))


PRODUCT_SHAPE = Exercise(
    "02.product_shape", "product_shape", function=False,
    reference=lambda: np.array([4.0, 2.0]),
    mistakes=[
        Mistake("not_a_matrix", when=lambda got: len(got) != 2),
        _shape_mistake("inner", (3, 3)),
        _shape_mistake("left", (4, 3)),
        _shape_mistake("right", (3, 2)),
        _shape_mistake("swapped", (2, 4)),
    ],
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
    "02.dot", "dot", cases=_pairs, reference=_loop,
    mistakes=[
        Mistake("library_product", raised="ProductNotAllowed"),
        Mistake("not_added",
                when=lambda got, a, b: len(a) > 1 and np.shape(got) == (len(a),)),
        Mistake("hard_coded", wrong=lambda a, b: 22.0),  # np.dot of the notebook's
        Mistake("sum_times_sum",
                wrong=lambda a, b: sum(map(float, a)) * sum(map(float, b))),
        Mistake("last_pair_missing", wrong=lambda a, b: _loop(a[:-1], b[:-1])),
        Mistake("first_pair_missing", wrong=lambda a, b: _loop(a[1:], b[1:])),
        Mistake("replaced_total", wrong=lambda a, b: float(a[-1]) * float(b[-1])),
        Mistake("return_in_loop", wrong=lambda a, b: float(a[0]) * float(b[0])),
        Mistake("sum_of_sums", wrong=lambda a, b: sum(map(float, a + b))),
    ],
    refuse=lambda: [((np.ones(n).view(NoProduct), np.ones(m).view(NoProduct)),
                     f"vectors of lengths {n} and {m}", (ValueError,), key,
                     "unequal_lengths")
                    for n, m, key in [(3, 2, "unequal_lengths"),
                                      (2, 3, "unequal_lengths"), (1, 3, "broadcast")]],
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
    "02.weighted_sums", "weighted_sums", cases=_weights,
    reference=lambda X, w: np.array([[_loop(row, w)] for row in X]),
    mistakes=[
        Mistake("dataframe", when=lambda got, X, w: hasattr(got, "to_numpy")),
        Mistake("list", when=lambda got, X, w: isinstance(got, list | tuple)),
        Mistake("one_d", when=lambda got, X, w: len(X) > 1
                and np.shape(got) == (len(X),)),
        Mistake("row", when=lambda got, X, w: len(X) > 1
                and np.shape(got) == (1, len(X))),
        Mistake("element_wise",
                when=lambda got, X, w: X.shape[1] > 1 and np.shape(got) == X.shape),
        Mistake("unweighted", wrong=lambda X, w: X.sum(axis=1, keepdims=True)),
        Mistake("weights_only", wrong=lambda X, w: np.full((len(X), 1), w.sum())),
    ],
    passed="weighted_sums gives an (n, 1) column of X[i] @ w, one sample included.",
)


def check_product_shape(product_shape):
    """Exercise 02-1: the shape of ``np.ones((4, 3)) @ np.ones((3, 2))``."""
    run(PRODUCT_SHAPE, shape_answer(product_shape, "product_shape", "(5, 7)"))


# What the learner's code may not name: the products, and sums over a whole array
# (np.sum, .sum()); the builtin sum over a generator of products stays allowed.
LIBRARY = {"dot", "matmul", "sum", "einsum", "inner", "vdot", "tensordot"}
LIBRARY_FUNCTIONS = {np.dot, np.matmul, np.sum, np.einsum, np.inner, np.vdot,
                     np.tensordot}


def library_product(function):
    """The library product ``function``'s code uses, read from its bytecode (and
    that of the functions and generators written inside it), or None."""
    code = getattr(function, "__code__", None)
    names = getattr(function, "__globals__", {})
    stack = [code] if code is not None else []
    while stack:
        code = stack.pop()
        stack += [c for c in code.co_consts if hasattr(c, "co_code")]
        for op in dis.get_instructions(code):
            if op.opname in ("BINARY_MATRIX_MULTIPLY", "INPLACE_MATRIX_MULTIPLY") or (
                    op.opname == "BINARY_OP" and op.argrepr in ("@", "@=")):
                return "@"
            if op.opname in ("LOAD_ATTR", "LOAD_METHOD") and op.argval in LIBRARY:
                return f"np.{op.argval} or .{op.argval}()"
            if op.opname == "LOAD_GLOBAL" and any(
                    names.get(op.argval) is f for f in LIBRARY_FUNCTIONS):
                return f"np.{names[op.argval].__name__}"
    return None


def check_dot(dot):
    """Exercise 02-2: ``dot(a, b)`` with a loop; unequal lengths raise ValueError."""
    if not getattr(dot, "course_own", False) and (used := library_product(dot)):
        fail(DOT, "library_product", f"`dot` uses {used}")
    run(DOT, dot)


def check_weighted_sums(weighted_sums):
    """Exercise 02-3: ``weighted_sums(X, w)``, one weighted sum per row, (n, 1)."""
    run(WEIGHTED_SUMS, weighted_sums)
