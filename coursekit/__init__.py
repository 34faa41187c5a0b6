"""coursekit: the small, tested package behind the course "How one neuron learns".

The notebooks in ``notebooks/`` import it as ``import coursekit as ck``.

Modules
-------
activations
    Activation functions, each beside its derivative.
losses
    The mean squared error, with a shape check, and the log loss.
neuron
    :class:`Neuron`, one neuron trained by mini-batch gradient descent.
classifier
    :class:`NeuronClassifier`, the sigmoid neuron trained on the log loss.
descent
    The base both estimators share: the training loop, and :class:`DivergenceError`.
history
    The columns of a fitted neuron's ``history_``, which the plots read.
surface
    :func:`loss_surface`, the MSE of a line over a grid of (intercept, slope).
datasets
    Generated lines and the diabetes data shipped in ``data/``.
plotting
    Plots of fits, loss surfaces, histories and coefficients; ``animate_fit``
    (from ``animation``, the fit replayed epoch by epoch).
diagrams
    Drawn diagrams: broadcasting, a row times a column, a neuron.
checks
    Self-checks for the exercises: they say what is wrong and where to look.
"""

import importlib

from coursekit import activations, checks, datasets, diagrams, losses, plotting
from coursekit.losses import mse
from coursekit.surface import loss_surface

# The estimators need scikit-learn, which takes most of a second to import; notebooks
# 01 to 03 never use them. They are imported on first use (PEP 562).
_ON_FIRST_USE = {"DivergenceError": "coursekit.descent", "Neuron": "coursekit.neuron",
                 "NeuronClassifier": "coursekit.classifier"}


def __getattr__(name):
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
    value = getattr(importlib.import_module(_ON_FIRST_USE[name]), name)
    globals()[name] = value
    return value

__all__ = [
    "DivergenceError",
    "Neuron",
    "NeuronClassifier",
    "activations",
    "checks",
    "datasets",
    "diagrams",
    "loss_surface",
    "losses",
    "mse",
    "plotting",
]
__version__ = "1.0.0"
