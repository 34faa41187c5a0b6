"""Data for the course: generated lines and the diabetes data shipped in the package.

Nothing here downloads anything: the course runs offline. The diabetes CSV lives in
``coursekit/data/`` so that every install of coursekit (a clone, a wheel, a JupyterHub
image) has it; its datasheet is the course's ``data/diabetes.md``.
"""

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["DATA_DIR", "DIABETES_SHA256", "load_diabetes", "make_linear_data"]

#: The package's ``data/`` folder, installed with coursekit: the diabetes CSV.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: SHA-256 of ``diabetes.csv`` as exported (see the datasheet ``data/diabetes.md``).
DIABETES_SHA256 = "9193026b7622ff944f0a6855a10107b24caf50dad69787c46e6890e69c27faca"


def make_linear_data(
    n_samples=100, *, slope=8.0, intercept=0.0, noise=100.0, x_max=100.0,
    random_state=None,
):
    """Points on a line plus Gaussian noise centred on 0.

    ``x`` is evenly spaced on ``[0, x_max]`` and
    ``y = intercept + slope * x + eps`` with ``eps ~ N(0, noise**2)``.

    Parameters
    ----------
    n_samples : int, default=100
        Number of points.
    slope, intercept : float, default=8.0 and 0.0
        The true line.
    noise : float, default=100.0
        Standard deviation of the noise (>= 0).
    x_max : float, default=100.0
        Largest x.
    random_state : int, numpy.random.Generator, RandomState or None, default=None
        Seeds the noise.

    Returns
    -------
    x : ndarray of shape (n_samples,)
    y : ndarray of shape (n_samples,)

    Examples
    --------
    >>> x, y = make_linear_data(5, noise=0.0)
    >>> x
    array([  0.,  25.,  50.,  75., 100.])
    >>> y
    array([  0., 200., 400., 600., 800.])
    """
    if not isinstance(n_samples, int | np.integer) or n_samples < 1:
        raise ValueError(f"n_samples must be a positive integer; got {n_samples!r}.")
    if not noise >= 0:
        raise ValueError(
            f"noise is a standard deviation and must be >= 0; got {noise!r}."
        )
    from sklearn.utils import check_random_state  # here: see coursekit/__init__.py

    rng = check_random_state(random_state)
    x = np.linspace(0.0, x_max, n_samples)
    y = intercept + slope * x + rng.normal(0.0, noise, size=n_samples)
    return x, y


def load_diabetes(path=None):
    """The diabetes data of Efron et al. (2004): 442 patients, 10 features.

    Read from ``coursekit/data/diabetes.csv``, installed with the package (its
    datasheet is the course's ``data/diabetes.md``), after checking the file's
    SHA-256 against :data:`DIABETES_SHA256`.

    Parameters
    ----------
    path : str or Path, default=None
        Where the CSV is; by default ``DATA_DIR / "diabetes.csv"``.

    Returns
    -------
    X : pandas.DataFrame of shape (442, 10)
        age (years), sex (coded 1 or 2), bmi (kg/m²), bp (mean arterial blood
        pressure), and six blood serum measurements s1 to s6, unscaled.
    y : pandas.Series of shape (442,)
        ``progression``: a measure of disease progression one year later.

    Examples
    --------
    >>> X, y = load_diabetes()
    >>> X.shape, y.name
    ((442, 10), 'progression')
    """
    path = Path(path) if path is not None else DATA_DIR / "diabetes.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"No diabetes data at {path}. coursekit ships it inside the package "
            "(coursekit/data/diabetes.csv): reinstall coursekit, or pass path= to "
            "the CSV."
        )
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != DIABETES_SHA256:
        raise ValueError(
            f"{path} has SHA-256 {digest}, expected {DIABETES_SHA256}: the file was "
            "changed or damaged. Reinstall coursekit, or in a clone restore it with "
            "`git checkout -- coursekit/data/diabetes.csv`."
        )
    frame = pd.read_csv(path)
    return frame.drop(columns="progression"), frame["progression"]
