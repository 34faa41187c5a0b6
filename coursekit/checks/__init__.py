"""Self-checks for the course's exercises and questions, one table per exercise.

Each exercise in a notebook ends with a check cell such as
``ck.checks.check_to_column(to_column)``. A check runs the learner's function or
value on cases whose answer it knows, prints one line when all is right, and otherwise
raises :class:`CheckFailed` (an ``AssertionError``, which nbgrader's autograder scores)
with a message that says what is wrong and where the course explains it, and the id of
the mistake it recognised in ``CheckFailed.mistake``. A function that still raises
``NotImplementedError`` (nbgrader's stub) gets :class:`NotDoneYet`. Questions for the
learner are checked by :func:`check_answer`. How to add an exercise, a mistake or a
question: see :mod:`coursekit.checks._core` and :mod:`coursekit.checks.questions`.

Modules
-------
arrays, products, broadcasting, least_squares, grid_search, gradients, training,
features, keras_neuron, classifier
    The exercises of notebooks 01 to 09, in course order (06 has two modules).
questions
    The questions for the learner.
fallback
    :func:`yours_or_ours`: after an exercise inside a lesson, the learner's function
    if it works, the course's own otherwise, so that the rest of the lesson runs.
"""

from coursekit.checks import (
    arrays,
    broadcasting,
    classifier,
    features,
    gradients,
    grid_search,
    keras_neuron,
    least_squares,
    products,
    questions,  # noqa: F401
    training,
)
from coursekit.checks._core import CheckFailed, NotDoneYet
from coursekit.checks.arrays import *  # noqa: F403
from coursekit.checks.broadcasting import *  # noqa: F403
from coursekit.checks.classifier import *  # noqa: F403
from coursekit.checks.fallback import yours_or_ours
from coursekit.checks.features import *  # noqa: F403
from coursekit.checks.gradients import *  # noqa: F403
from coursekit.checks.grid_search import *  # noqa: F403
from coursekit.checks.keras_neuron import *  # noqa: F403
from coursekit.checks.least_squares import *  # noqa: F403
from coursekit.checks.products import *  # noqa: F403
from coursekit.checks.questions import check_answer
from coursekit.checks.training import *  # noqa: F403

MODULES = (arrays, products, broadcasting, least_squares, grid_search, gradients,
           training, features, keras_neuron, classifier)
CHECKS = [name for module in MODULES for name in module.__all__]

__all__ = ["CheckFailed", "NotDoneYet", "check_answer", "yours_or_ours", *CHECKS]
