"""One sigmoid neuron as a classifier: logistic regression by gradient descent.

The neuron computes the probability of the second class,
``p = sigmoid(X @ w + b)``, and is trained on the log loss (binary cross-entropy)
``-(1/n) * sum_i [y_i log(p_i) + (1 - y_i) log(1 - p_i)]`` with ``y`` coded 0/1.
For a batch of ``m`` rows the chain rule gives the same shape of gradient as the
linear neuron's::

    dL/dw = (1/m) * X_b.T @ (p - y)      # shape (n_features,)
    dL/db = (1/m) * sum(p - y)           # one number

The training loop is :func:`coursekit.descent.train`, shared with
:class:`~coursekit.Neuron`.
"""

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from coursekit.activations import sigmoid
from coursekit.descent import (
    check_params,
    generator,
    initial_parameters,
    largest_curvature,
    mean_loss_of_rows,
    train,
    validate_with_gram,
)

__all__ = ["NeuronClassifier"]


class NeuronClassifier(ClassifierMixin, BaseEstimator):
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

    def __init__(self, learning_rate="auto", n_epochs=100, batch_size=None,
                 shuffle=True, random_state=None):
        self.learning_rate = learning_rate
        self.n_epochs = n_epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def __sklearn_is_fitted__(self):
        return hasattr(self, "coef_")

    def fit(self, X, y, coef_init=None, intercept_init=None):
        """Train the neuron on ``(X, y)``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training features. For one feature, pass ``x.reshape(-1, 1)``.
        y : array-like of shape (n_samples,)
            Labels: exactly two distinct values (numbers or strings).
        coef_init : array-like of shape (n_features,), default=None
            Initial weights; Glorot-uniform by default, as in ``Neuron``.
        intercept_init : float, default=None
            Initial bias; 0 by default.

        Returns
        -------
        self : NeuronClassifier

        Raises
        ------
        ValueError
            If ``y`` does not hold exactly two classes.
        DivergenceError
            If the loss or the parameters stop being finite.
        """
        check_params(self)
        for name in ("coef_", "intercept_", "history_", "learning_rate_", "n_iter_",
                     "classes_"):
            self.__dict__.pop(name, None)
        auto = self.learning_rate == "auto"
        X, y, moments = validate_with_gram(self, X, y, needs_gram=auto)
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
        y01 = y01.astype(np.float64)
        rng = generator(self.random_state)
        coef, intercept = initial_parameters(rng, X.shape[1], coef_init, intercept_init)
        if auto:
            rate = 1.0 / (largest_curvature(moments) / 4.0)
        else:
            rate = float(self.learning_rate)

        def residual(z, y_batch):
            return sigmoid(z) - y_batch

        def losses(params):
            # log(1 + e^z) - y z: the log loss from z, without log(0) or overflow
            return mean_loss_of_rows(
                X, params, lambda z: np.logaddexp(0.0, z) - y01[:, None] * z)

        train(self, X, y01, coef, intercept, rate=rate, residual=residual, scale=1.0,
              losses=losses, rng=rng)
        return self

    def decision_function(self, X):
        """The weighted sum ``z = X @ coef_ + intercept_``; z > 0 means ``classes_[1]``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples,)
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return X @ self.coef_ + self.intercept_

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
