"""The checks of notebook 07: right answers pass, stubs are not done, mistakes named."""

import numpy as np
import pytest

import coursekit as ck
from coursekit.checks._core import CheckFailed, NotDoneYet
from coursekit.checks.features import _diabetes


def stub(*args):
    raise NotImplementedError()


def with_ones(X):
    return np.column_stack([X, np.ones(len(X))])


def largest_stable_rate(X, *, factor=2.0, bias=True, mean=True, numerator=2.0,
                        pick=np.max):
    """A right answer, and through its options the mistakes a learner makes."""
    B = with_ones(X) if bias else X
    gram = B.T @ B / (len(B) if mean else 1)
    return numerator / pick(np.linalg.eigvalsh(factor * gram))


def slowest_direction(X, *, factor=1.0, mean=True, bias=False, index=0, row=False,
                      length=1.0):
    B = with_ones(X) if bias else X
    values, vectors = np.linalg.eigh(factor * B.T @ B / (len(B) if mean else 1))
    vector = vectors[index] if row else vectors[:, index]
    return values[index], length * vector


def smallest_eigenvalue(X, factor=1.0, mean=True):
    X = np.asarray(X)
    return factor * np.linalg.eigvalsh(X.T @ X / (len(X) if mean else 1)).min()


# largest_stable_rate ------------------------------------------------------------------

def test_largest_stable_rate_right_answer_passes(capsys):
    ck.checks.check_largest_stable_rate(largest_stable_rate)
    assert capsys.readouterr().out.startswith("Correct: largest_stable_rate agrees")


def test_largest_stable_rate_with_svd_also_passes(capsys):
    def via_norm(X):  # another right answer: the spectral norm of A
        return len(X) / np.linalg.norm(with_ones(X), 2) ** 2

    ck.checks.check_largest_stable_rate(via_norm)
    assert "Correct" in capsys.readouterr().out


def test_largest_stable_rate_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="still raises NotImplementedError"):
        ck.checks.check_largest_stable_rate(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"factor": 1.0}, r"not centred is wrong: the factor 2 is missing"),
    ({"bias": False}, r"not centred is wrong: the bias column is missing"),
    ({"mean": False}, r"the 1/n is missing"),
    ({"factor": 1.0, "bias": False},
     r"factor 2 is missing: .*; and the bias column is missing"),
    ({"numerator": 1.0}, r"half the largest stable one: .*learning_rate='auto'"),
    ({"pick": np.min}, r"you used the smallest eigenvalue"),
])
def test_largest_stable_rate_names_the_mistake(options, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_largest_stable_rate(
            lambda X: largest_stable_rate(X, **options)
        )


def test_largest_stable_rate_combined_mistakes_are_named_together():
    # the first case is not centred, so a missing bias column shows beside the 1/n
    def no_bias_no_mean(X):
        return largest_stable_rate(X, bias=False, mean=False)

    message = "bias column is missing: .*; and the 1/n is missing"
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_largest_stable_rate(no_bias_no_mean)


def test_largest_stable_rate_plausible_wrong_answer_fails():
    with pytest.raises(CheckFailed, match=r"is wrong\. Build A = \[X, 1\]"):
        ck.checks.check_largest_stable_rate(lambda X: 0.9 * largest_stable_rate(X))


@pytest.mark.parametrize(("answer", "message"), [
    (lambda X: np.array([largest_stable_rate(X)]), r"returned shape \(1,\); expected"),
    (lambda X: None, "returned None"),
    (lambda X: "0.24", r"is text \('0.24'\); expected a number"),
    (lambda X: [1.0, 2.0], r"returned shape \(2,\)"),
    (lambda X: X[0, 20], "raised IndexError: .*called with an array of shape"),
])
def test_largest_stable_rate_wrong_type_or_shape(answer, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_largest_stable_rate(answer)


def test_largest_stable_rate_not_a_function():
    with pytest.raises(CheckFailed, match="expected a function"):
        ck.checks.check_largest_stable_rate(0.2413)


# slowest_direction --------------------------------------------------------------------

def test_slowest_direction_right_answer_passes(capsys):
    ck.checks.check_slowest_direction(slowest_direction)
    assert capsys.readouterr().out.startswith("Correct: slowest_direction")


def test_slowest_direction_accepts_either_sign(capsys):
    def flipped(X):
        value, vector = slowest_direction(X)
        return value, -vector

    ck.checks.check_slowest_direction(flipped)
    assert "Correct" in capsys.readouterr().out


def test_slowest_direction_stub_is_not_done():
    with pytest.raises(NotDoneYet, match="Not done yet"):
        ck.checks.check_slowest_direction(stub)


@pytest.mark.parametrize(("options", "message"), [
    ({"row": True}, r"a row of the matrix np.linalg.eigh returns"),
    ({"index": -1}, r"eigenvalue .* belongs to the largest eigenvalue"),
    ({"factor": 2.0}, r"the Hessian's eigenvalue, 2 λ"),
    ({"mean": False}, r"n times too large"),
    ({"bias": True}, r"shape \(4,\); expected \(3,\): .*no bias column"),
    ({"length": 2.0}, r"has length 2; an eigenvector .* length 1"),
])
def test_slowest_direction_names_the_mistake(options, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_slowest_direction(lambda X: slowest_direction(X, **options))


def _first_of_eigh(matrix):
    values, vectors = np.linalg.eigh(np.atleast_2d(matrix))
    return values[0], vectors[:, 0]


@pytest.mark.parametrize(("answer", "message"), [
    (lambda X: _first_of_eigh(np.corrcoef(X, rowvar=False)),
     r"not centred is wrong: that is an eigenvalue of the correlation matrix"),
    (lambda X: _first_of_eigh(np.cov(X, rowvar=False)),
     r"not centred is wrong: that is an eigenvalue of np.cov, .* n - 1"),
])
def test_slowest_direction_names_correlation_and_covariance(answer, message):
    # the text says X'X/n is the correlation matrix for standardised features:
    # a learner may reach for np.corrcoef or np.cov, right only on standardised data
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_slowest_direction(answer)


def test_slowest_direction_vector_first_is_named():
    def swapped(X):
        value, vector = slowest_direction(X)
        return vector, value

    with pytest.raises(CheckFailed, match="returned the vector first"):
        ck.checks.check_slowest_direction(swapped)


def test_slowest_direction_largest_vector_with_right_value_is_named():
    def wrong_vector(X):
        value, _ = slowest_direction(X)
        return value, slowest_direction(X, index=-1)[1]

    with pytest.raises(CheckFailed, match="your vector .* largest eigenvalue"):
        ck.checks.check_slowest_direction(wrong_vector)


@pytest.mark.parametrize(("answer", "message"), [
    (lambda X: slowest_direction(X)[0], "must return two things"),
    (lambda X: np.linalg.eigh(X.T @ X / len(X)),
     r"\[0\]` returned shape \(3,\); expected \(\)"),
    (lambda X: (0.1, np.linalg.eigh(X.T @ X)[1]),
     r"shape \(3, 3\); expected \(3,\): one eigenvector"),
])
def test_slowest_direction_wrong_type_or_shape(answer, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_slowest_direction(answer)


# smallest_eigenvalue_without_s2 -------------------------------------------------------

@pytest.fixture(scope="module")
def train():
    return _diabetes()


def test_without_s2_right_answer_passes(train, capsys):
    value = smallest_eigenvalue(train.drop(columns="s2"))
    assert value == pytest.approx(0.0546, abs=1e-4)  # what the solution prints
    ck.checks.check_smallest_eigenvalue_without_s2(value)
    ck.checks.check_smallest_eigenvalue_without_s2(round(value, 5))  # 3 digits suffice
    assert capsys.readouterr().out.count("Correct") == 2


def test_without_s2_no_answer_is_not_done():
    with pytest.raises(NotDoneYet, match="has no answer yet"):
        ck.checks.check_smallest_eigenvalue_without_s2(None)


def test_without_s2_names_the_mistakes(train):
    X = train.drop(columns="s2")
    raw = _diabetes(standardise=False).drop(columns="s2")
    everyone = _diabetes(scale_all_rows=True).drop(columns="s2")
    cases = {
        "smallest eigenvalue with all ten features": smallest_eigenvalue(train),
        "dropping `s1` gives": smallest_eigenvalue(train.drop(columns="s1")),
        "divided by 442": smallest_eigenvalue(X) * len(X) / 442,
        "np.cov divides by n - 1": np.linalg.eigvalsh(np.cov(X, rowvar=False)).min(),
        "dropping `s4` gives": smallest_eigenvalue(train.drop(columns="s4")),
        "the Hessian's eigenvalue": smallest_eigenvalue(X, factor=2.0),
        "n times too large": smallest_eigenvalue(X, mean=False),
        "uses the raw features": smallest_eigenvalue(raw),
        "learned from all 442 patients": smallest_eigenvalue(everyone),
        "belongs to the largest eigenvalue": np.linalg.eigvalsh(X.T @ X / len(X)).max(),
    }
    for message, value in cases.items():
        with pytest.raises(CheckFailed, match=message):
            ck.checks.check_smallest_eigenvalue_without_s2(value)


@pytest.mark.parametrize("column", ["age", "sex", "bmi", "bp", "s6", None])
def test_without_s2_keeping_s2_is_named_whatever_else_was_dropped(train, column):
    # these drops change the smallest eigenvalue by under 1%: one message for all,
    # and for the ten-feature value typed as printed (0.0094)
    value = smallest_eigenvalue(train if column is None else train.drop(columns=column))
    for answer in (value, 0.0094):
        with pytest.raises(CheckFailed, match=r"\(nearly\) the smallest eigenvalue "
                           r"with all ten features\. .*Drop `s2`"):
            ck.checks.check_smallest_eigenvalue_without_s2(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (0.05, r"is wrong\. Use np.linalg.eigvalsh"),
    (np.array([0.0546, 0.1]), r"returned shape \(2,\); expected \(\)"),
    ("0.0546", "is text"),
    ([0.0546], r"returned shape \(1,\)"),
])
def test_without_s2_wrong_value_type_or_shape(answer, message):
    with pytest.raises(CheckFailed, match=message):
        ck.checks.check_smallest_eigenvalue_without_s2(answer)
