"""One sigmoid neuron as a classifier: logistic regression by gradient descent.

The neuron computes the probability of the second class,
``p = sigmoid(X @ w + b)``, and is trained on the log loss (binary cross-entropy)
``-(1/n) * sum_i [y_i log(p_i) + (1 - y_i) log(1 - p_i)]`` with ``y`` coded 0/1.
For a batch of ``m`` rows the chain rule gives the same shape of gradient as the
linear neuron's::

    dL/dw = X_b.T @ (p - y) / m          # shape (n_features,)
    dL/db = sum(p - y) / m               # one number

The loop is :class:`coursekit.descent.BaseNeuron`'s, shared with
:class:`~coursekit.Neuron`.
"""

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import validate_data

from coursekit.activations import sigmoid
from coursekit.descent import BaseNeuron

__all__ = ["NeuronClassifier"]


class NeuronClassifier(ClassifierMixin, BaseNeuron):
    """A sigmoid neuron, ``P(y = classes_[1]) = sigmoid(X @ coef_ + intercept_)``.

    Trained by mini-batch gradient descent on the log loss: the same model as
    scikit-learn's unpenalised ``LogisticRegression``, reached step by step. Two
    classes only.

    Parameters
    ----------
    learning_rate : float or "auto", default="auto"
        Step size of each update. ``"auto"`` takes ``1 / L``, where
        ``L = largest eigenvalue of A.T @ A / (4 n)`` with ``A = [X, 1]`` bounds the
        curvature of the log loss everywhere (its Hessian is
        ``A.T @ diag(p (1 - p)) @ A / n`` and ``p (1 - p) <= 1/4``): a rate at which
        full-batch descent cannot diverge. The rate used is stored in
        ``learning_rate_``.
    n_epochs : int, default=100
        Passes over the training data. Exactly this many are run.
    batch_size : int or None, default=None
        Rows per update; ``None`` means the whole training set.
    shuffle : bool, default=True
        Shuffle the rows before each epoch.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the initial weights and the shuffling.

    Attributes
    ----------
    classes_ : ndarray of shape (2,)
        The two labels, sorted; ``classes_[1]`` is the class whose probability the
        neuron outputs.
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
    history_ : pandas.DataFrame
        As :class:`~coursekit.Neuron`'s: ``epoch``, ``batch``, one column per
        weight, ``bias``, and ``loss``, the training log loss of that row's
        parameters.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[-2.0], [-1.0], [0.5], [1.0], [2.0], [-0.5]])
    >>> y = np.array(["no", "no", "yes", "yes", "yes", "yes"])
    >>> clf = NeuronClassifier(n_epochs=500, random_state=0).fit(X, y)
    >>> clf.classes_.tolist(), clf.predict([[-3.0], [3.0]]).tolist()
    (['no', 'yes'], ['no', 'yes'])
    >>> clf.predict_proba([[0.0]]).sum()
    np.float64(1.0)
    """

    # The Hessian of the log loss is A' diag(p (1 - p)) A / n, and p (1 - p) <= 1/4.
    _curvature_scale = 0.25

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def _validate_fit_data(self, X, y):
        """X as floats, and y as 0 for ``classes_[0]`` and 1 for ``classes_[1]``."""
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        classes, y01 = np.unique(y, return_inverse=True)
        if len(classes) != 2:
            # scikit-learn's checks look for the sentence "Only binary ...".
            raise ValueError(
                "Only binary classification is supported: NeuronClassifier "
                f"separates two classes, and y has {len(classes)} "
                f"class(es): {classes.tolist()[:10]}. For more classes use "
                "sklearn.multiclass.OneVsRestClassifier(NeuronClassifier()); "
                "with one class there is nothing to learn."
            )
        self.classes_ = classes
        return X, y01.astype(np.float64)

    def _pointwise_loss(self, z, y):
        # log(1 + e^z) - y z: the log loss from z, without log(0) or overflow
        return np.logaddexp(0.0, z) - y * z

    def _error(self, z, y):
        return sigmoid(z) - y

    def decision_function(self, X):
        """The weighted sum ``z = X @ coef_ + intercept_``; z > 0 means ``classes_[1]``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        return self._weighted_sum(X)

    def predict_proba(self, X):
        """Probability of each class, columns in the order of ``classes_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, 2)
            Each row sums to 1.
        """
        p = sigmoid(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):
        """The more probable class of each row (``classes_[1]`` where ``z > 0``).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        positive = self.decision_function(X) > 0
        return self.classes_[positive.astype(int)]
