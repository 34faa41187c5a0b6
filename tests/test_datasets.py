import shutil
from pathlib import Path

import numpy as np
import pytest

from coursekit import datasets

ROOT = Path(__file__).resolve().parent.parent


def test_linear_data_noise_is_centred_on_zero():
    x, y = datasets.make_linear_data(20_000, slope=8.0, noise=100.0, random_state=0)
    residual = y - 8.0 * x
    assert abs(residual.mean()) < 3 * 100 / np.sqrt(20_000)
    assert residual.std() == pytest.approx(100.0, rel=0.02)
    slope, intercept = np.polyfit(x, y, 1)
    assert slope == pytest.approx(8.0, abs=0.05)  # the original's noise made it 9


def test_linear_data_is_reproducible_and_shaped():
    a = datasets.make_linear_data(50, random_state=3)
    b = datasets.make_linear_data(50, random_state=3)
    np.testing.assert_array_equal(a, b)
    assert a[0].shape == a[1].shape == (50,)
    assert a[0][0] == 0.0 and a[0][-1] == 100.0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"n_samples": 0}, "n_samples must be a positive integer"),
    ({"noise": -1.0}, "noise is a standard deviation"),
])
def test_linear_data_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        datasets.make_linear_data(**kwargs)


def test_diabetes_matches_the_scikit_learn_original():
    from sklearn.datasets import load_diabetes as sklearn_diabetes

    X, y = datasets.load_diabetes()
    original = sklearn_diabetes(scaled=False)
    np.testing.assert_array_equal(X.to_numpy(), original.data)
    np.testing.assert_array_equal(y.to_numpy(), original.target)
    assert list(X.columns) == original.feature_names


def test_diabetes_datasheet_documents_every_column():
    X, y = datasets.load_diabetes()
    sheet = (ROOT / "data" / "diabetes.md").read_text()
    assert "coursekit/data/diabetes.csv" in sheet  # says where the one copy lives
    for column in [*X.columns, y.name]:
        assert f"`{column}`" in sheet
    assert datasets.DIABETES_SHA256 in sheet
    assert "Licence" in sheet and "Efron" in sheet


def test_diabetes_checksum_catches_a_changed_file(tmp_path):
    copy = tmp_path / "diabetes.csv"
    shutil.copy(datasets.DATA_DIR / "diabetes.csv", copy)
    datasets.load_diabetes(copy)  # an exact copy loads
    copy.write_text(copy.read_text().replace("151", "152", 1))
    with pytest.raises(ValueError, match="was changed or damaged.*git checkout"):
        datasets.load_diabetes(copy)


def test_diabetes_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="ships it inside the package"):
        datasets.load_diabetes(tmp_path / "nope.csv")
