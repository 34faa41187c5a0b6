"""Project-wide pytest set-up: the nbval sanitize file, found from the rootdir.

`make test` spreads the tests over the cores with pytest-xdist's `--dist loadscope`:
one module, one class or one notebook per work unit, so that a notebook's cells run
one after another in one kernel on one worker.
"""

from pathlib import Path

SANITIZE = Path(__file__).resolve().parent / "nbval-sanitize.cfg"


def pytest_configure(config):
    # nbval resolves --nbval-sanitize-with from the current directory; pin it here
    # so that `pytest` works from any folder of the project.
    if getattr(config.option, "nbval_sanitize_with", None) is None:
        config.option.nbval_sanitize_with = str(SANITIZE)

