"""The checks of notebook 07's exercises: the stable rate and the slow directions.

Each check computes its reference with the singular value decomposition, a different
route from the eigen-decomposition the notebook teaches: the eigenvalues of
``B.T @ B / n`` are the squared singular values of ``B`` divided by ``n``.
"""

import functools

import numpy as np

from coursekit.checks._answers import number
from coursekit.checks._core import Exercise, Mistake, run
from coursekit.datasets import load_diabetes

__all__ = [
    "check_bowl_eigenvalues",
    "check_largest_stable_rate",
    "check_slowest_direction",
    "check_smallest_eigenvalue_without_s2",
]


@functools.cache
def _diabetes(standardise=True, scale_all_rows=False):
    # Imported here: scikit-learn takes most of a second to import, and the
    # notebooks that never use it (01 to 03) import every check.
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X, y = load_diabetes()
    if scale_all_rows:
        X = StandardScaler().set_output(transform="pandas").fit_transform(X)
    X_train, _, _, _ = train_test_split(X, y, test_size=0.2, random_state=0)
    if standardise and not scale_all_rows:
        X_train = StandardScaler().set_output(transform="pandas").fit_transform(X_train)
    return X_train


def _data_sets():
    rng = np.random.default_rng(7)
    common = rng.normal(size=(100, 1))
    # Not centred first: there a missing bias column shows, with any other mistake.
    return [((X,), name) for name, X in [
        ("three features that are not centred",
         rng.normal(loc=[2.0, -1.0, 5.0], scale=[1.0, 3.0, 0.5], size=(50, 3))),
        ("the standardised diabetes training set", _diabetes().to_numpy()),
        ("the raw diabetes training set", _diabetes(standardise=False).to_numpy()),
        ("two correlated features",
         np.hstack([common, common + 0.3 * rng.normal(size=(100, 1))])),
        ("one feature of shape (20, 1)", np.linspace(0.0, 10.0, 20)[:, None]),
        ("one sample of shape (1, 4)", np.array([[1.0, 2.0, -1.0, 0.5]]))]]


def _eigenvalues(X, *, bias=False, scale=1.0, divide=None):
    """The eigenvalues of scale * B'B / divide, B = [X, 1] or X, largest first."""
    B = np.column_stack([X, np.ones(len(X))]) if bias else X
    return scale * np.linalg.svd(B, compute_uv=False) ** 2 / (divide or len(X))


def _rate(X, *, two=True, bias=True, mean=True):
    top = _eigenvalues(X, bias=bias, scale=2.0 if two else 1.0)[0]
    return 2 / (top * (1 if mean else len(X)))


def _unsorted(X):
    """2 / the first of np.linalg.eigvals' eigenvalues, which it does not sort."""
    A = np.column_stack([X, np.ones(len(X))])
    first = np.real(np.linalg.eigvals(2 / len(X) * A.T @ A)[0])
    with np.errstate(divide="ignore"):
        return 2 / first


RATE = Exercise(
    "07.largest_stable_rate", "largest_stable_rate", rtol=1e-6,
    reference=_rate, cases=_data_sets,
    mistakes=[
        Mistake("unsorted", wrong=_unsorted),
        Mistake("missing_two", wrong=lambda X: _rate(X, two=False)),
        Mistake("no_bias", wrong=lambda X: _rate(X, bias=False)),
        Mistake("missing_mean",
                wrong=lambda X: _rate(X, mean=False) if len(X) > 1 else None),
        Mistake("two_mistakes", late=True, when=lambda got, X: any(np.isclose(
                    np.ravel(got)[0] if np.size(got) == 1 else np.nan,
                    _rate(X, two=t, bias=b, mean=m)) for t, b, m in [
                        (False, False, True), (False, True, False),
                        (True, False, False), (False, False, False)])),
        Mistake("auto_rate", wrong=lambda X: _rate(X) / 2),
        Mistake("smallest",
                wrong=lambda X: 2 / _eigenvalues(X, bias=True, scale=2.0)[-1]
                if len(X) > X.shape[1] + 1 else None),
    ],
    passed="largest_stable_rate agrees with the reference on six data sets, from one "
           "sample to the raw diabetes features.",
)


def _canonical(vector):
    """The unit vector ``v`` or ``-v``, whichever has its largest entry positive."""
    vector = np.asarray(vector, dtype=float)
    return vector * np.sign(vector[np.argmax(np.abs(vector))] or 1.0)


def _direction(X):
    _, singular, Vt = np.linalg.svd(X, full_matrices=False)
    return singular[-1] ** 2 / len(X), _canonical(Vt[-1])


def _one_sign(function):
    """The learner's function, its vector turned to the canonical sign (v or -v)."""
    def signed(X):
        result = function(X)
        if isinstance(result, tuple | list) and len(result) == 2 and np.ndim(
                result[1]) == 1 and np.size(result[1]) > 0 and np.ndim(result[0]) == 0:
            return result[0], _canonical(result[1])
        return result
    return signed if callable(function) else function


def _vector(wrong):
    return lambda X: (None, _canonical(wrong(X)))


def _value(scale=1.0, centre=False, standardise=False, divide=None, largest=False):
    def eigenvalue(X):
        B = X - X.mean(axis=0) if centre or standardise else X
        B = B / X.std(axis=0) if standardise else B
        values = _eigenvalues(B, scale=scale, divide=divide and divide(X))
        return values[0] if largest else values[-1], None
    return eigenvalue


DIRECTION = Exercise(
    "07.slowest_direction", "slowest_direction", rtol=1e-6, atol=1e-6,
    parts=("eigenvalue", "vector"), reference=_direction,
    cases=lambda: [case for case in _data_sets() if len(case[0][0]) > 1],
    mistakes=[
        Mistake("vector_first", when=lambda got, X: isinstance(got, tuple | list)
                and len(got) == 2 and np.ndim(got[0]) == 1 and np.ndim(got[1]) == 0),
        Mistake("matrix",
                when=lambda got, X: isinstance(got, tuple | list) and len(got) == 2
                and X.shape[1] > 1 and np.shape(got[1]) == (X.shape[1],) * 2),
        Mistake("bias_column",
                when=lambda got, X: isinstance(got, tuple | list) and len(got) == 2
                and np.shape(got[1]) == (X.shape[1] + 1,)),
        Mistake("largest", wrong=_value(largest=True)),
        Mistake("hessian", wrong=_value(scale=2.0)),
        Mistake("missing_mean", wrong=_value(divide=lambda X: 1)),
        Mistake("correlation", wrong=_value(standardise=True)),
        Mistake("covariance", wrong=_value(centre=True, divide=lambda X: len(X) - 1)),
        Mistake("row", wrong=_vector(lambda X: np.linalg.eigh(X.T @ X / len(X))[1][0])),
        Mistake("largest_vector", wrong=_vector(lambda X: np.linalg.svd(X)[2][0])),
        Mistake("not_unit", late=True, when=lambda got, X: not np.isclose(
                    np.linalg.norm(np.asarray(got[1], dtype=float)), 1.0)),
    ],
    passed="slowest_direction finds the flattest direction of five data sets.",
)


def _smallest(X, second=False):
    return _eigenvalues(np.asarray(X, dtype=float))[-2 if second else -1]


def _without(column="s2", **kwargs):
    return _diabetes(**kwargs).drop(columns=column)


WITHOUT_S2 = Exercise(
    "07.smallest_eigenvalue_without_s2", "smallest_eigenvalue_without_s2",
    function=False, rtol=1e-4, reference=lambda: _smallest(_without()),
    mistakes=[
        Mistake("second_smallest", wrong=lambda: _smallest(_without(), second=True)),
        Mistake("nothing_dropped", late=True,
                when=lambda got: abs(got / _smallest(_diabetes()) - 1) < 0.012),
        Mistake("hessian", wrong=lambda: 2 * _smallest(_without())),
        Mistake("missing_mean", wrong=lambda: len(_without()) * _smallest(_without())),
        Mistake("raw", wrong=lambda: _smallest(_without(standardise=False))),
        Mistake("scaled_all_rows",
                wrong=lambda: _smallest(_without(scale_all_rows=True))),
        Mistake("largest", wrong=lambda: _eigenvalues(_without().to_numpy())[0]),
        Mistake("all_patients",
                wrong=lambda: _smallest(_without()) * len(_without()) / 442),
        Mistake("n_minus_1", wrong=lambda: _smallest(_without()) * len(_without())
                / (len(_without()) - 1)),
        *[Mistake(f"dropped_{c}", wrong=lambda c=c: _smallest(_without(c)))
          for c in ("s1", "s3", "s4", "s5")],
    ],
    passed="smallest_eigenvalue_without_s2 is right: dropping s2 makes the valley less "
           "flat.",
)


def check_largest_stable_rate(largest_stable_rate):
    """Exercise 07-1: ``largest_stable_rate(X)``, 2 / largest eigenvalue of 2/n A'A."""
    run(RATE, largest_stable_rate)


def check_slowest_direction(slowest_direction):
    """Exercise 07-2: the smallest eigenvalue of X'X/n and its unit eigenvector."""
    run(DIRECTION, _one_sign(slowest_direction))


def check_smallest_eigenvalue_without_s2(smallest_eigenvalue_without_s2):
    """Exercise 07-3: the smallest eigenvalue of X'X/n without the column s2."""
    run(WITHOUT_S2, number(smallest_eigenvalue_without_s2,
                           "smallest_eigenvalue_without_s2"))


def _ascending(X):
    return _eigenvalues(X)[::-1]


def _of(matrix):
    """The eigenvalues of the symmetric ``matrix(X)``, smallest first."""
    return lambda X: np.linalg.eigvalsh(np.atleast_2d(matrix(X)))


def _centred(X):
    return X - X.mean(axis=0)


def _right_values(got, X):
    """Whether ``got`` holds the eigenvalues of X'X/n, in any order or shape."""
    return np.allclose(np.sort(np.ravel(np.asarray(got, dtype=float))), _ascending(X),
                       rtol=1e-6, atol=1e-9)


EIGENVALUES = Exercise(
    "07.bowl_eigenvalues", "bowl_eigenvalues", rtol=1e-6, atol=1e-9,
    reference=_ascending,
    cases=lambda: [case for case in _data_sets() if 1 < len(case[0][0])
                   and case[0][0].shape[1] > 1],
    mistakes=[
        Mistake("tuple", when=lambda got, X: isinstance(got, tuple | list)
                and len(got) == 2 and np.ndim(got[1]) == 2),
        Mistake("not_array", when=lambda got, X: not isinstance(got, np.ndarray)
                and _right_values(got, X)),
        Mistake("two_d", when=lambda got, X: np.ndim(got) == 2
                and _right_values(got, X)),
        Mistake("matrix", when=lambda got, X: np.shape(got) == (X.shape[1],) * 2),
        Mistake("bias_column", when=lambda got, X: np.shape(got) == (X.shape[1] + 1,)),
        Mistake("gram", when=lambda got, X: np.shape(got) == (len(X),)),
        Mistake("descending", wrong=lambda X: _eigenvalues(X)),
        Mistake("hessian", wrong=lambda X: 2 * _ascending(X)),
        Mistake("missing_mean", wrong=lambda X: len(X) * _ascending(X)),
        Mistake("n_minus_1", wrong=lambda X: _ascending(X) * len(X) / (len(X) - 1)),
        Mistake("covariance", wrong=_of(lambda X: _centred(X).T @ _centred(X)
                                        / (len(X) - 1))),
        Mistake("correlation", wrong=_of(lambda X: np.corrcoef(X.T))),
        Mistake("square_root", wrong=lambda X: np.sqrt(_ascending(X).clip(0))),
        Mistake("diagonal", late=True, when=lambda got, X: np.allclose(
            np.sort(np.ravel(got)), np.sort(np.diag(X.T @ X / len(X))))),
        Mistake("unsorted", late=True, when=lambda got, X: np.ndim(got) == 1
                and _right_values(got, X)),
        Mistake("float32", late=True, when=lambda got, X: getattr(
            got, "dtype", None) == np.float32),
    ],
    passed="bowl_eigenvalues gives the eigenvalues of X'X/n, smallest first, on four "
           "data sets.",
)


def check_bowl_eigenvalues(bowl_eigenvalues):
    """Exercise 07-in1: the eigenvalues of X'X/n, in ascending order."""
    run(EIGENVALUES, bowl_eigenvalues)
