"""One artificial neuron trained by mini-batch gradient descent.

The neuron computes ``y_pred = g(X @ w + b)``: a weighted sum of the features,
plus one bias, passed through an activation ``g``. Training minimises the mean
squared error ``(1/n) * sum_i (y_pred_i - y_i)**2`` by gradient descent. For a
batch of ``m`` rows the chain rule gives::

    error  = 2 * (g(z) - y) * g'(z)      # shape (m,), with z = X_b @ w + b
    dL/dw  = X_b.T @ error / m           # shape (n_features,)
    dL/db  = sum(error) / m              # one number

and each update is ``w -= learning_rate * dL/dw`` and ``b -= learning_rate * dL/db``.
The loop is :class:`coursekit.descent.BaseNeuron`'s, shared with
:class:`~coursekit.NeuronClassifier`.
"""

from sklearn.base import RegressorMixin
from sklearn.utils._param_validation import StrOptions

from coursekit.activations import ACTIVATIONS
from coursekit.descent import BaseNeuron, DivergenceError

__all__ = ["DivergenceError", "Neuron"]


class Neuron(RegressorMixin, BaseNeuron):
    """One neuron, ``y_pred = g(X @ coef_ + intercept_)``, trained by gradient descent.

    Parameters
    ----------
    activation : {"linear", "sigmoid", "tanh", "relu"}, default="linear"
        The activation ``g``. A linear neuron is a linear regression.
    learning_rate : float or "auto", default="auto"
        Step size of each update. ``"auto"`` takes ``1 / L``, where ``L`` is the
        largest eigenvalue of the Hessian ``2 * A.T @ A / n`` of the linear
        neuron's MSE, with ``A = [X, 1]``: half the largest rate at which
        full-batch gradient descent on that MSE still converges. The rate used
        is stored in ``learning_rate_``.
    n_epochs : int, default=100
        Passes over the training data. Exactly this many are run.
    batch_size : int or None, default=None
        Rows per update. ``None`` means the whole training set (batch gradient
        descent); ``1`` is stochastic gradient descent. The last batch of an
        epoch holds the remaining rows when ``batch_size`` does not divide
        ``n_samples``.
    shuffle : bool, default=True
        Shuffle the rows before each epoch.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the initial weights and the shuffling.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        Learned weights.
    intercept_ : float
        Learned bias.
    learning_rate_ : float
        The learning rate used.
    n_iter_ : int
        Number of epochs run.
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Feature names, when X was a DataFrame with string column names.
    history_ : pandas.DataFrame of shape (1 + n_epochs * n_batches, n_features + 4)
        One row for the initial parameters (``epoch`` 0, ``batch`` 0), then one
        row after each update (``epoch`` and ``batch`` counted from 1). Columns:
        ``epoch``, ``batch``, one column per weight (named after the features,
        else ``w0``, ``w1``, ...), ``bias`` and ``loss``, the training-set MSE of
        the parameters in that same row (see :mod:`coursekit.history`).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = 2.0 * X[:, 0] + 1.0
    >>> neuron = Neuron(n_epochs=2000, random_state=0).fit(X, y)
    >>> print(np.round(neuron.coef_, 4), round(neuron.intercept_, 4))
    [2.] 1.0
    >>> neuron.history_.shape
    (2001, 5)
    """

    _parameter_constraints = {**BaseNeuron._parameter_constraints,
                              "activation": [StrOptions(set(ACTIVATIONS))]}
    _rules = {**BaseNeuron._rules,
              "activation": "one of " + ", ".join(map(repr, ACTIVATIONS))}
    # The Hessian of the linear neuron's MSE is 2 A'A / n.
    _curvature_scale = 2.0

    def __init__(self, activation="linear", learning_rate="auto", n_epochs=100,
                 batch_size=None, shuffle=True, random_state=None):
        super().__init__(learning_rate=learning_rate, n_epochs=n_epochs,
                         batch_size=batch_size, shuffle=shuffle,
                         random_state=random_state)
        self.activation = activation

    def _pointwise_loss(self, z, y):
        g, _ = ACTIVATIONS[self.activation]
        return (g(z) - y) ** 2

    def _error(self, z, y):
        if self.activation == "linear":  # g'(z) = 1
            return 2.0 * (z - y)
        g, g_prime = ACTIVATIONS[self.activation]
        return 2.0 * (g(z) - y) * g_prime(z)

    def predict(self, X):
        """Output of the neuron, ``g(X @ coef_ + intercept_)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        y_pred : ndarray of shape (n_samples,)
        """
        g, _ = ACTIVATIONS[self.activation]
        return g(self._weighted_sum(X))
