"""What notebook 01 states in its prose and figure descriptions, checked outside it."""

import numpy as np
import pytest


def test_01_means_along_each_axis_of_the_example_matrix():
    matrix = [[1, 2, 3], [4, 5, 6]]
    # "gives 2.5, 3.5 and 4.5, shape (3,)" and "gives 2 and 5, shape (2,)"
    columns = [sum(row[j] for row in matrix) / 2 for j in range(3)]
    rows = [sum(row) / 3 for row in matrix]
    assert columns == [2.5, 3.5, 4.5] and rows == [2.0, 5.0]
    assert np.mean(matrix, axis=0).shape == (3,)
    assert np.mean(matrix, axis=1).shape == (2,)


def test_01_ways_to_add_an_axis_make_the_shapes_the_text_says():
    vector = np.arange(1, 7)
    assert vector[:, None].shape == vector.reshape(-1, 1).shape == (6, 1)  # columns
    assert vector[None, :].shape == (1, 6)  # a row, not a column
    assert vector.T.shape == (6,)


def test_01_arange_excludes_stop_and_linspace_includes_it():
    assert np.arange(2, 12, 3).tolist() == [2, 5, 8, 11]
    assert np.linspace(0, 1, 5)[-1] == 1.0 and len(np.linspace(0, 1, 5)) == 5
    rng_a, rng_b = np.random.default_rng(0), np.random.default_rng(0)
    assert np.array_equal(rng_a.normal(size=(2, 3)), rng_b.normal(size=(2, 3)))


def test_01_six_elements_cannot_fill_four_by_two():
    assert 4 * 2 == 8 != np.arange(6).size


def test_01_a_missing_index_counts_as_a_colon_and_newaxis_is_none():
    matrix = np.array([[1, 2, 3], [4, 5, 6]])
    assert np.array_equal(matrix[0], matrix[0, :])
    assert np.newaxis is None
    assert matrix[:, 1].shape == (2,) and matrix[:, 1:2].shape == (2, 1)


def test_01_a_dataframe_shows_one_or_two_dimensional_arrays_only():
    import pandas as pd

    assert pd.DataFrame(np.arange(6)).shape == (6, 1)
    assert pd.DataFrame(np.ones((2, 3))).shape == (2, 3)
    with pytest.raises(ValueError, match="2-d"):
        pd.DataFrame(np.ones((2, 2, 2)))  # "a DataFrame has no third axis"
