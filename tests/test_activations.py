import numpy as np
import pytest

from coursekit.activations import ACTIVATIONS, sigmoid

Z = np.array([-6.0, -2.0, -0.3, 0.2, 1.0, 3.5, 7.0])


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_derivative_matches_central_differences(name):
    g, g_prime = ACTIVATIONS[name]
    h = 1e-6
    numeric = (g(Z + h) - g(Z - h)) / (2 * h)
    np.testing.assert_allclose(g_prime(Z), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_shapes_are_kept(name):
    g, g_prime = ACTIVATIONS[name]
    z = np.linspace(-1, 1, 6).reshape(2, 3)
    assert g(z).shape == z.shape
    assert g_prime(z).shape == z.shape


def test_known_values():
    np.testing.assert_allclose(ACTIVATIONS["sigmoid"][0](0.0), 0.5)
    np.testing.assert_allclose(ACTIVATIONS["tanh"][0](1.0), np.tanh(1.0))
    np.testing.assert_array_equal(ACTIVATIONS["relu"][0](Z), np.maximum(Z, 0))
    np.testing.assert_array_equal(ACTIVATIONS["linear"][0](Z), Z)
    assert ACTIVATIONS["sigmoid"][1](0.0) == 0.25


def test_sigmoid_is_stable_far_from_zero():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = sigmoid(np.array([-1000.0, 1000.0]))
    np.testing.assert_array_equal(values, [0.0, 1.0])
