"""Self-checks for the course's exercises and questions, each exercise a table.

A check cell such as ``ck.checks.check_to_column(to_column)`` prints one line starting
with ``Correct:``, or raises :class:`CheckFailed` (an ``AssertionError``, which nbgrader
scores) saying what is wrong and which section explains it, with the id of the mistake
it recognised in ``.mistake``; nbgrader's stub gets :class:`NotDoneYet`. How to add an
exercise or a mistake: :mod:`coursekit.checks._core`; a question: :func:`check_answer`.
The modules arrays, products, broadcasting, least_squares, grid_search, gradients,
training, features, keras_neuron and classifier hold notebooks 01 to 09 (06 has two).
After an exercise inside a lesson, :func:`yours_or_ours` (module fallback) hands the
lesson the learner's function if it works and the course's own otherwise.
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
    training,
)
from coursekit.checks._answers import CheckFailed, NotDoneYet
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
