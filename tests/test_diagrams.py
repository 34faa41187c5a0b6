import numpy as np
import pytest

from coursekit import diagrams


def texts(ax):
    return [t.get_text() for t in ax.texts]


def numbers(ax):
    return [t for t in texts(ax) if t.replace(".", "").isdigit()]


def test_broadcast_diagram_shows_stretched_copies_and_result():
    ax = diagrams.draw_broadcast(np.array([[1], [2]]), np.array([1, 2, 3]))
    shown = texts(ax)
    # inputs 2 + 3, b with its prepended 1: 3, stretched 6 + 6, result 6
    assert len(numbers(ax)) == 2 + 3 + 3 + 6 + 6 + 6
    assert "a + b: shape (2, 3)" in shown and "a stretched: (2, 3)" in shown
    assert "b as (1, 3): a 1 prepended (rule 1)" in shown
    assert ax.get_title() == "Broadcasting (2, 1) + (3,) -> (2, 3)"
    result = [int(t) for t in numbers(ax)[-6:]]
    assert result == (np.array([[1], [2]]) + np.array([1, 2, 3])).ravel().tolist()


def test_broadcast_diagram_tells_1d_from_2d_results():
    one = diagrams.draw_broadcast(np.array([1]), np.array([1, 2, 3]))
    two = diagrams.draw_broadcast(np.array([[1]]), np.array([1, 2, 3]))
    assert one.get_title() == "Broadcasting (1,) + (3,) -> (3,)"
    assert two.get_title() == "Broadcasting (1, 1) + (3,) -> (1, 3)"
    # a 1-D result has one axis arrow, a 2-D one has two; rule 1 is drawn only for 2-D
    assert "a + b: shape (3,)" in texts(one) and "a + b: shape (1, 3)" in texts(two)
    assert texts(one).count("axis 1") == 0 and texts(two).count("axis 1") == 5
    assert not any("prepended" in t for t in texts(one))
    assert "b as (1, 3): a 1 prepended (rule 1)" in texts(two)
    assert any("a + b  (1 x 3)" in t for t in texts(two))


def test_shape_table_aligns_shapes_at_the_right():
    table = diagrams._shape_table([(2, 1), (3,), (2, 3)], ["a", "b", "a + b"])
    assert table.splitlines() == ["a      (2 x 1)", "b      (    3)", "a + b  (2 x 3)"]


def test_broadcast_diagram_of_a_failure_lines_b_up_under_a():
    ax = diagrams.draw_broadcast(np.ones((2, 3)), np.ones(2))
    shown = texts(ax)
    assert ax.get_title() == "Broadcasting (2, 3) + (2,) fails"
    assert any("operands could not be broadcast together with shapes (2,3) (2,)" in t
               for t in shown)
    assert shown.count("?") == 1  # a's third column has no partner in b
    assert any("length 3 against 2" in t for t in shown)
    assert ("NumPy compares the shapes from the right: b's last axis (axis 0) meets "
            "a's last axis (axis 1)") in shown


def test_broadcast_diagram_refuses_three_dimensions():
    with pytest.raises(ValueError, match="3 dimensions; these diagrams draw at most 2"):
        diagrams.draw_broadcast(np.ones((1, 1, 1)), np.ones(1))


@pytest.mark.parametrize(("mean_axis", "shape", "means"),
                         [(0, "(3,)", ["2.5", "3.5", "4.5"]), (1, "(2,)", ["2", "5"])])
def test_axes_diagram_draws_the_mean_along_an_axis(mean_axis, shape, means):
    ax = diagrams.draw_axes([[1, 2, 3], [4, 5, 6]], mean_axis=mean_axis)
    shown = texts(ax)
    assert "axis 1: columns, length 3" in shown
    assert "axis 0: rows,\nlength 2" in shown
    assert numbers(ax)[6:] == means
    assert any(t.startswith(f".mean(axis={mean_axis})") and t.endswith(shape)
               for t in shown)


def test_axes_diagram_refuses_what_it_cannot_draw():
    assert diagrams.draw_axes(np.ones((2, 2))).get_title() == "An array of shape (2, 2)"
    with pytest.raises(ValueError, match="must be 2-D"):
        diagrams.draw_axes(np.ones(3))
    with pytest.raises(ValueError, match="mean_axis must be None, 0 or 1"):
        diagrams.draw_axes(np.ones((2, 2)), mean_axis=2)


def test_row_times_column_shows_the_sum():
    ax = diagrams.draw_row_times_column([1, 2, 3, 4, 5], [2, 4, 1, 1, 1])
    assert any(t.endswith("= 22") for t in texts(ax))
    with pytest.raises(ValueError, match="same number of elements"):
        diagrams.draw_row_times_column([1, 2], [1])


def test_neuron_diagram_labels_inputs_weights_and_output():
    shown = texts(diagrams.draw_neuron(4, activation="sigmoid"))
    for label in ["$x_1$", "$x_4$", "$w_4$", "sigmoid(z)", r"$\hat{y}$"]:
        assert label in shown


def test_broadcast_diagram_says_when_an_operand_does_not_stretch():
    ax = diagrams.draw_broadcast(np.ones((2, 3)), np.array([[1], [2]]))
    assert "a, unchanged: (2, 3)" in texts(ax) and "b stretched: (2, 3)" in texts(ax)
    assert not any("prepended" in t for t in texts(ax))
