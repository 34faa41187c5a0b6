import numpy as np
import pytest

from coursekit import diagrams


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_broadcast_diagram_shows_stretched_copies_and_result():
    ax = diagrams.draw_broadcast(np.array([[1], [2]]), np.array([1, 2, 3]))
    shown = texts(ax)
    # a (2,1) + b (1,3): 2 + 3 originals, 6 + 6 stretched, 6 results
    assert len([t for t in shown if t.isdigit()]) == 2 + 3 + 6 + 6 + 6
    assert "a + b" in shown and "a stretched" in shown
    assert ax.get_title() == "Broadcasting (2, 1) + (3,) -> (2, 3)"
    result = [int(t) for t in shown[-7:-1]]
    assert result == (np.array([[1], [2]]) + np.array([1, 2, 3])).ravel().tolist()


def test_broadcast_diagram_title_gives_numpys_result_shape():
    ax = diagrams.draw_broadcast(np.array([1]), np.array([1, 2, 3]))
    assert ax.get_title() == "Broadcasting (1,) + (3,) -> (3,)"


def test_broadcast_diagram_of_a_failure_shows_numpys_message():
    ax = diagrams.draw_broadcast(np.ones((2, 3)), np.ones(2))
    assert ax.get_title() == "Broadcasting a + b fails"
    assert any("operands could not be broadcast together with shapes (2,3) (2,)" in t
               for t in texts(ax))


def test_broadcast_diagram_refuses_three_dimensions():
    with pytest.raises(ValueError, match="3 dimensions; these diagrams draw at most 2"):
        diagrams.draw_broadcast(np.ones((1, 1, 1)), np.ones(1))


def test_row_times_column_shows_the_sum():
    ax = diagrams.draw_row_times_column([1, 2, 3, 4, 5], [2, 4, 1, 1, 1])
    assert any(t.endswith("= 22") for t in texts(ax))
    with pytest.raises(ValueError, match="same number of elements"):
        diagrams.draw_row_times_column([1, 2], [1])


def test_neuron_diagram_labels_inputs_weights_and_output():
    shown = texts(diagrams.draw_neuron(4, activation="sigmoid"))
    for label in ["$x_1$", "$x_4$", "$w_4$", "sigmoid(z)", r"$\hat{y}$"]:
        assert label in shown
