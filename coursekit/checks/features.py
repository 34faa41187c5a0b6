"""The checks of notebook 07's exercises: the stable rate and the slow directions.

Each check computes its reference with the singular value decomposition, a different
route from the eigen-decomposition the notebook teaches: the eigenvalues of
``B.T @ B / n`` are the squared singular values of ``B`` divided by ``n``.
"""

import itertools

import numpy as np

from coursekit.checks._legacy import (
    CheckFailed,
    as_array,
    call,
    compare,
    given,
    passed,
)
from coursekit.datasets import load_diabetes

__all__ = [
    "check_largest_stable_rate",
    "check_slowest_direction",
    "check_smallest_eigenvalue_without_s2",
]

WHERE = "(notebook 07, section 5)"
FACTOR_2 = (
    "the factor 2 is missing: the Hessian of the MSE is 2/n A'A, twice A'A/n, "
    "because the derivative of a square brings down a 2"
)
NO_BIAS = (
    "the bias column is missing: the bias is a parameter too, so the Hessian is "
    "built from A = [X, 1] (on centred X it changes nothing, on other X it does)"
)
NO_MEAN = (
    "the 1/n is missing: the MSE is a mean over the rows, so its Hessian is "
    "2/n A'A and the rate does not shrink when rows are added"
)
HALF = (
    f"your rate is half the largest stable one: 1 / λmax(H) is what "
    f"learning_rate='auto' takes; the limit is 2 / λmax(H) {WHERE}."
)
SMALLEST = (
    f"you used the smallest eigenvalue; the steepest direction, the largest "
    f"eigenvalue of the Hessian, sets the limit {WHERE}."
)
ROW = (
    "that is a row of the matrix np.linalg.eigh returns; its eigenvectors are the "
    "columns: vectors[:, 0] goes with eigenvalues[0] (notebook 07, section 4)."
)
LARGEST = (
    "that belongs to the largest eigenvalue, the steepest direction; the slowest "
    "is the smallest (np.linalg.eigh sorts them in ascending order; notebook 07, "
    "section 4)."
)
HESSIAN_EIGENVALUE = (
    "that is the Hessian's eigenvalue, 2 λ: the exercise asks for the eigenvalue "
    "of X'X/n itself (notebook 07, section 4)."
)
NO_MEAN_EIGENVALUE = (
    "your eigenvalue is n times too large: divide X'X by the number of rows "
    "(notebook 07, section 4)."
)
CORRELATION = (
    "that is an eigenvalue of the correlation matrix (np.corrcoef), which equals "
    "X'X/n only for standardised features; the exercise asks for X'X/n of X as "
    "given, X.T @ X / len(X) (notebook 07, section 4)."
)
COVARIANCE = (
    "that is an eigenvalue of np.cov, which centres the columns and divides by "
    "n - 1; the exercise asks for X'X/n of X as given, X.T @ X / len(X) "
    "(notebook 07, section 4)."
)


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
        scaler = StandardScaler().set_output(transform="pandas")
        X_train = scaler.fit_transform(X_train)
    return X_train


def _cases():
    """(what the learner is told, X): the shapes and scales that trip people up."""
    rng = np.random.default_rng(7)
    common = rng.normal(size=(100, 1))
    correlated = np.hstack([common, common + 0.3 * rng.normal(size=(100, 1))])
    # Not centred first: there a missing bias column shows, with any other mistake.
    return [
        ("three features that are not centred",
         rng.normal(loc=[2.0, -1.0, 5.0], scale=[1.0, 3.0, 0.5], size=(50, 3))),
        ("the standardised diabetes training set", _diabetes().to_numpy()),
        ("the raw diabetes training set", _diabetes(standardise=False).to_numpy()),
        ("two correlated features", correlated),
        ("one feature of shape (20, 1)", np.linspace(0.0, 10.0, 20)[:, None]),
        ("one sample of shape (1, 4)", np.array([[1.0, 2.0, -1.0, 0.5]])),
    ]


def _number(result, name, hint):
    """``result`` as a float, refusing text (NumPy would read "0.24" as a number)."""
    if isinstance(result, str | bytes):
        raise CheckFailed(
            f"`{name}` is text ({result!r}); expected a number: compute it, do not "
            "type it in quotes."
        )
    return as_array(result, shape=(), name=name, hint=hint)


def _top_eigenvalue(B, scale):
    return scale * np.linalg.svd(B, compute_uv=False)[0] ** 2 / len(B)


def check_largest_stable_rate(largest_stable_rate):
    """Check ``largest_stable_rate(X)``: 2 / largest eigenvalue of 2/n A'A.

    Parameters
    ----------
    largest_stable_rate : callable
        The learner's function, ``X`` of shape (n_samples, n_features) -> float.
    """
    for label, X in _cases():
        n = len(X)
        A = np.column_stack([X, np.ones(n)])
        result = call(largest_stable_rate, X.copy(), name="largest_stable_rate")
        got = _number(result, name="largest_stable_rate",
                       hint="return one number, such as 2 / eigenvalues.max().")
        expected = 2 / _top_eigenvalue(A, 2.0)
        mistakes = {}
        for no_2, no_bias, no_mean in itertools.product((False, True), repeat=3):
            if no_2 or no_bias or no_mean:
                named = [m for m, on in ((FACTOR_2, no_2), (NO_BIAS, no_bias),
                                         (NO_MEAN, no_mean)) if on]
                B = X if no_bias else A
                top = _top_eigenvalue(B, 1.0 if no_2 else 2.0) * (n if no_mean else 1)
                message = "; and ".join(named)
                mistakes[f"{message} {WHERE}."] = 2 / top
        mistakes[HALF] = expected / 2
        smallest = np.linalg.eigvalsh(2 / n * A.T @ A)[0]
        if smallest > 1e-12:
            mistakes[SMALLEST] = 2 / smallest
        compare(got, expected, what=f"your rate for {label}", mistakes=mistakes,
                rtol=1e-6, hint=f"Build A = [X, 1], then H = 2/n A'A {WHERE}.")
    passed("largest_stable_rate agrees with the reference on six data sets, "
           "from one sample to the raw diabetes features.")


def check_slowest_direction(slowest_direction):
    """Check ``slowest_direction(X)``: the smallest eigenvalue of X'X/n and its vector.

    Parameters
    ----------
    slowest_direction : callable
        The learner's function, ``X`` of shape (n_samples, n_features) ->
        ``(eigenvalue, vector)`` with ``vector`` of shape (n_features,), unit length.
    """
    for label, X in _cases():
        if len(X) == 1:
            continue  # one sample: every direction but one is equally flat
        n, p = X.shape
        result = call(slowest_direction, X.copy(), name="slowest_direction")
        if not isinstance(result, tuple | list) or len(result) != 2:
            raise CheckFailed(
                "`slowest_direction` must return two things, the eigenvalue and its "
                "vector: `return eigenvalue, vector`."
            )
        if np.ndim(result[0]) == 1 and np.ndim(result[1]) == 0:
            raise CheckFailed(
                "`slowest_direction` returned the vector first: return the "
                "eigenvalue, then the vector, `return eigenvalue, vector`."
            )
        value = _number(result[0], name="slowest_direction(X)[0]",
                         hint="the eigenvalue is one number, the smallest.")
        hint = "one entry per feature."
        if np.shape(result[1]) == (p + 1,):
            hint = "one entry per feature; the exercise uses X'X/n, no bias column."
        elif np.shape(result[1]) == (p, p):
            hint = "one eigenvector (one column of the matrix eigh returns)."
        vector = as_array(result[1], shape=(p,), name="slowest_direction(X)[1]",
                          hint=hint)
        _, singular, Vt = np.linalg.svd(X, full_matrices=False)
        eigenvalues = singular**2 / n
        centred = X - X.mean(axis=0)
        standardised = centred / X.std(axis=0)
        mistakes = {LARGEST: eigenvalues[0],
                    HESSIAN_EIGENVALUE: 2 * eigenvalues[-1],
                    NO_MEAN_EIGENVALUE: n * eigenvalues[-1],
                    CORRELATION: np.linalg.svd(standardised, compute_uv=False)[-1] ** 2
                    / n,
                    COVARIANCE: np.linalg.svd(centred, compute_uv=False)[-1] ** 2
                    / (n - 1)}
        compare(value, eigenvalues[-1], what=f"your eigenvalue for {label}",
                rtol=1e-6, mistakes=mistakes,
                hint="Use np.linalg.eigh on X.T @ X / n (notebook 07, section 4).")
        length = np.linalg.norm(vector)
        if not np.isclose(length, 1.0, rtol=1e-6):
            raise CheckFailed(
                f"your vector for {label} has length {length:.4g}; an eigenvector "
                "from np.linalg.eigh has length 1: return it as it comes."
            )
        reference = Vt[-1]
        matrix = np.linalg.eigh(X.T @ X / n)[1]
        mistakes = {ROW: matrix[0], LARGEST: Vt[0]}
        sign = 1.0 if vector @ reference >= 0 else -1.0  # -v is as good as v
        mistakes = {k: v * (1.0 if vector @ v >= 0 else -1.0)
                    for k, v in mistakes.items()}
        compare(vector, sign * reference, what=f"your vector for {label}",
                mistakes=mistakes, atol=1e-6,
                hint="Take the eigenvector of the smallest eigenvalue of X'X/n.")
    passed("slowest_direction finds the flattest direction of five data sets.")


def check_smallest_eigenvalue_without_s2(smallest_eigenvalue_without_s2):
    """Check the smallest eigenvalue of X'X/n for the training set without ``s2``.

    Parameters
    ----------
    smallest_eigenvalue_without_s2 : float
        The learner's value, from ``X_train_std.drop(columns="s2")``.
    """
    name = "smallest_eigenvalue_without_s2"
    got = _number(given(smallest_eigenvalue_without_s2, name), name=name,
                   hint="one number, the smallest of the eigenvalues.")

    def smallest(X, scale=1.0):
        return scale * np.linalg.svd(X, compute_uv=False)[-1] ** 2 / len(X)

    train = _diabetes()
    X = train.drop(columns="s2").to_numpy()
    expected = smallest(X)
    with_s2 = smallest(train.to_numpy())
    # Dropping age, sex, bmi, bp or s6 moves the smallest eigenvalue by less than 1%:
    # the flat direction is made of s1, s2, s3, s4 and s5. One message for all of them.
    if not np.isclose(got, expected, rtol=1e-3) and abs(got / with_s2 - 1) < 0.012:
        raise CheckFailed(
            f"{name} is wrong: that is (nearly) the smallest eigenvalue with all ten "
            "features. Dropping `age`, `sex`, `bmi`, `bp` or `s6` hardly changes it, "
            "because the flat direction is made of s1, s2, s3, s5 (and a little s4). "
            "Drop `s2`: X_train_std.drop(columns=\"s2\")."
        )
    mistakes = {
        HESSIAN_EIGENVALUE: smallest(X, 2.0),
        NO_MEAN_EIGENVALUE: smallest(X, len(X)),
        "that uses the raw features: take the standardised X_train_std "
        "(notebook 07, section 2).": smallest(
            _diabetes(standardise=False).drop(columns="s2").to_numpy()),
        "your scaler learned from all 442 patients; fit it on the training set "
        "only, as X_train_std does (notebook 07, section 2).": smallest(
            _diabetes(scale_all_rows=True).drop(columns="s2").to_numpy()),
        LARGEST: np.linalg.svd(X, compute_uv=False)[0] ** 2 / len(X),
        "you divided by 442, all the patients; X_train_std has one row per training "
        "patient: divide by len(X_without_s2).": smallest(X) * len(X) / 442,
        "np.cov divides by n - 1; the exercise asks for X'X/n, divided by the number "
        "of rows n.": smallest(X) * len(X) / (len(X) - 1),
    }
    for column in train.columns.drop(["s2", "age", "sex", "bmi", "bp", "s6"]):
        mistakes[f"that is what dropping `{column}` gives; drop `s2`."] = smallest(
            train.drop(columns=column).to_numpy())
    compare(got, expected, what=name, mistakes=mistakes, rtol=1e-3,
            hint="Use np.linalg.eigvalsh on X'X/n of X_train_std without s2.")
    passed(f"{name} is right: dropping s2 makes the valley less flat.")

