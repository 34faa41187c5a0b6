"""What notebook 02 states in its prose and figure descriptions, checked outside it."""

import numpy as np
import pytest


def test_02_dot_product_of_the_example_is_22():
    a, b = [1, 2, 3, 4, 5], [2, 4, 1, 1, 1]
    assert 1 * 2 + 2 * 4 + 3 * 1 + 4 * 1 + 5 * 1 == 22
    assert np.einsum("i,i->", a, b) == 22


def test_02_at_refuses_two_rows_with_its_own_message():
    rows = np.ones((1, 5))
    with pytest.raises(ValueError, match=r"core dimension 0.*1 is different from 5"):
        rows @ rows
    with pytest.raises(ValueError, match="not aligned"):
        np.dot(rows, rows)


def test_02_x_at_w_is_1d_with_a_1d_w_and_a_column_with_a_column():
    X = np.arange(1.0, 7.0).reshape(3, 2)
    w = np.array([0.5, -1.0])
    assert (X @ w).shape == (3,)
    assert (X @ w[:, None]).shape == (3, 1)
    assert ((X @ w) - (X @ w[:, None])).shape == (3, 3)
    assert np.allclose(X @ w, [-1.5, -2.5, -3.5])


def test_02_zip_strict_refuses_unequal_lengths_and_np_dot_gives_an_int64():
    with pytest.raises(ValueError):
        list(zip([1, 2, 3], [1, 2], strict=True))
    assert len(list(zip([1, 2, 3], [1, 2], strict=False))) == 2  # stops silently
    a, b = np.array([1, 2, 3, 4, 5]), np.array([2, 4, 1, 1, 1])
    assert type(np.dot(a, b)) is np.int64


def test_02_each_element_of_a_matrix_product_is_a_row_times_a_column():
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(4, 3)), rng.normal(size=(3, 2))
    by_hand = [[sum(A[i, t] * B[t, j] for t in range(3)) for j in range(2)]
               for i in range(4)]
    assert np.allclose(A @ B, by_hand) and (A @ B).shape == (4, 2)
