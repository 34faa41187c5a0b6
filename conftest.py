"""Project-wide pytest set-up: the nbval sanitize file, and notebooks kept whole."""

from pathlib import Path

import pytest

SANITIZE = Path(__file__).resolve().parent / "nbval-sanitize.cfg"


def pytest_configure(config):
    # nbval resolves --nbval-sanitize-with from the current directory; pin it here
    # so that `pytest` works from any folder of the project.
    if getattr(config.option, "nbval_sanitize_with", None) is None:
        config.option.nbval_sanitize_with = str(SANITIZE)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # nbval runs a notebook's cells one after another in one kernel, so under
    # pytest-xdist (`-n auto --dist loadgroup`, as `make test` runs) every cell of a
    # notebook must go to the same worker; other tests spread one by one.
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.xdist_group(item.path.name))
