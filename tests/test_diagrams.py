import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import same_color
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle

import coursekit as ck
from coursekit import diagrams
from coursekit.diagrams import _grid, broadcasting


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
    table = broadcasting._shape_table([(2, 1), (3,), (2, 3)], ["a", "b", "a + b"])
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


def rectangles(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def crossings(line_a, line_b):
    """Number of segment pairs of two polylines that properly cross each other."""
    a, b = line_a.get_xydata(), line_b.get_xydata()
    p, p2 = a[:-1, None], a[1:, None]  # segments of a along axis 0,
    q, q2 = b[None, :-1], b[None, 1:]  # segments of b along axis 1

    def turn(o, s, t):  # sign of the turn o -> s -> t
        u, v = s - o, t - o
        return np.sign(u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0])

    b_straddles_a = turn(p, p2, q) * turn(p, p2, q2) < 0
    a_straddles_b = turn(q, q2, p) * turn(q, q2, p2) < 0
    return int((b_straddles_a & a_straddles_b).sum())


def test_crossings_counts_a_crossing():
    _, ax = plt.subplots()
    (one,) = ax.plot([0, 1, 2], [0, 1, 2])
    (two,) = ax.plot([0, 1.5, 3], [2, 1, 0])
    (far,) = ax.plot([0, 1, 2], [5, 5, 5])
    assert crossings(one, two) == 1 and crossings(one, far) == 0


def test_row_times_column_draws_each_pair_in_its_own_colour():
    row, column = [1, 2, 3, 4, 5], [2, 4, 1, 1, 1]
    ax = diagrams.draw_row_times_column(row, column)
    shown = texts(ax)
    # 5 row cells, 5 column cells and one result cell; one connector per pair
    assert len(rectangles(ax)) == 11 and len(ax.patches) == 11
    assert len(ax.lines) == 5
    assert [t for t in shown if "×" in t] == [
        "1×2 = 2", "2×4 = 8", "3×1 = 3", "4×1 = 4", "5×1 = 5"]
    assert "sum: 2 + 8 + 3 + 4 + 5 = 22" in shown
    assert ax.get_title() == "(1, 5) @ (5, 1) → (1, 1): multiply pairs, then add"
    assert "->" not in ax.get_title()
    for k, line in enumerate(ax.lines):
        assert same_color(line.get_color(), f"C{k}") and line.get_alpha() in (None, 1)
        product = next(t for t in ax.texts if t.get_text().startswith(f"{row[k]}×"))
        assert same_color(product.get_color(), f"C{k}")
    assert len({mpl.colors.to_hex(line.get_color()) for line in ax.lines}) == 5


def test_row_times_column_connectors_join_pairs_without_crossing():
    m = 5
    ax = diagrams.draw_row_times_column(np.arange(1, m + 1), np.ones(m))
    cells = {(round(r.get_x(), 6), round(r.get_y(), 6)) for r in rectangles(ax)}
    for k, line in enumerate(ax.lines):
        xy = line.get_xydata()
        # starts on top of row cell k, ends on the left side of column cell k
        assert np.allclose(xy[0], (k + 0.5, 0)) and (k, -1) in cells
        assert np.allclose(xy[-1], (m + 1, m + 0.5 - k)) and (m + 1, m - k) in cells
    pairs = [(a, b) for i, a in enumerate(ax.lines) for b in ax.lines[i + 1:]]
    assert sum(crossings(a, b) for a, b in pairs) == 0


def test_row_times_column_result_is_a_cell_holding_the_dot_product():
    row, column = np.array([[0.5, -1, 2]]), np.array([[4], [3], [0.25]])
    ax = diagrams.draw_row_times_column(row, column)
    (result,) = [r for r in rectangles(ax) if same_color(r.get_facecolor(),
                                                          _grid.RESULT)]
    centre = (result.get_x() + 0.5, result.get_y() + 0.5)
    inside = [t.get_text() for t in ax.texts if np.allclose(t.get_position(), centre)]
    assert inside == [f"{(row @ column).item():g}"] == ["-0.5"]
    assert "result (1, 1)" in texts(ax) and "row (1, 3)" in texts(ax)
    assert "column (3, 1)" in texts(ax)


def test_row_times_column_draws_on_the_callers_axes():
    before = dict(mpl.rcParams)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
    right.plot([0, 1], [0, 1])
    ax = diagrams.draw_row_times_column([1, 2], [3, 4], ax=right)
    assert ax is right and not left.texts
    assert len(ax.lines) == 1 + 2  # the caller's line is kept
    assert tuple(fig.get_size_inches()) == (9, 3)
    assert dict(mpl.rcParams) == before
    with pytest.raises(ValueError, match="at least one element"):
        diagrams.draw_row_times_column([], [])


def test_row_times_column_cycles_colours_past_ten_pairs():
    ax = diagrams.draw_row_times_column(np.ones(12), np.ones(12))
    assert same_color(ax.lines[10].get_color(), "C0")


def test_public_names_are_unchanged():
    assert sorted(diagrams.__all__) == ["draw_axes", "draw_broadcast", "draw_neuron",
                                        "draw_row_times_column"]
    for name in diagrams.__all__:
        assert callable(getattr(ck.diagrams, name))


def test_axes_and_neuron_diagrams_draw_their_cells_and_arrows():
    ax = diagrams.draw_axes([[1, 2, 3], [4, 5, 6]], mean_axis=0)
    # 6 cells of the array and 3 cells of its column means
    assert len(rectangles(ax)) == 6 + 3
    assert sum(same_color(r.get_facecolor(), _grid.RESULT) for r in rectangles(ax)) == 3
    ax = diagrams.draw_neuron(4)
    # 4 inputs and the sum as circles, one activation box; 4 weights + 2 arrows
    assert sum(isinstance(p, Circle) for p in ax.patches) == 5
    assert len(rectangles(ax)) == 1
    assert sum(isinstance(p, FancyArrowPatch) for p in ax.patches) == 4 + 2


@pytest.mark.parametrize("draw", [
    lambda: diagrams.draw_axes([[1, 2, 3], [4, 5, 6]]),
    lambda: diagrams.draw_axes([[1, 2, 3], [4, 5, 6]], mean_axis=0),
    lambda: diagrams.draw_axes([[1, 2, 3], [4, 5, 6]], mean_axis=1),
    lambda: diagrams.draw_broadcast(np.array([[1], [2]]), np.array([1, 2, 3])),
    lambda: diagrams.draw_broadcast(np.ones((2, 3)), np.ones(2)),
    lambda: diagrams.draw_row_times_column([1, 2, 3, 4, 5], [2, 4, 1, 1, 1]),
    lambda: diagrams.draw_neuron(3),
], ids=["axes", "mean0", "mean1", "broadcast", "failure", "product", "neuron"])
def test_diagram_text_is_at_least_10_points_at_the_figure_size(draw):
    ax = draw()
    # the figures are shown at their own size (100 dpi), so points are points
    sizes = [text.get_fontsize() for text in [*ax.texts, ax.title] if text.get_text()]
    assert sizes and min(sizes) >= 10
    plt.close(ax.figure)
