"""coursekit as a package: a wheel that works outside the clone, with no network.

A JupyterHub administrator installs coursekit from a wheel into an image; nothing of
the clone is there. This builds the wheel, installs it into a fresh virtual
environment (its dependencies come from the course environment, never from an index)
and uses it from another working directory.

It builds environments (about 15 s), so it runs in CI (CI=true) and, on a laptop, when
COURSEKIT_SLOW=1 is set.
"""

import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("COURSEKIT_SLOW")),
    reason="builds a wheel and a virtual environment; set COURSEKIT_SLOW=1 to run",
)


def run(*command, cwd=None):
    env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, check=True,
                          capture_output=True, text=True)


def test_the_wheel_works_outside_the_clone(tmp_path):
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--wheel-dir", tmp_path / "dist", ROOT)
    [wheel] = (tmp_path / "dist").glob("coursekit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for part in ("coursekit/data/diabetes.csv", "coursekit/checks/_core.py",
                 "coursekit/diagrams/__init__.py", "coursekit/classifier.py"):
        assert part in names
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "data/"))]

    fresh = tmp_path / "fresh"
    run(sys.executable, "-m", "venv", fresh)
    python = fresh / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = run(python, "-c",
               "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    # The dependencies (numpy, pandas, scikit-learn, ...) from the course environment.
    Path(site.stdout.strip(), "course-env.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "--no-index", "--no-deps", wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = textwrap.dedent("""
        import coursekit as ck
        X, y = ck.datasets.load_diabetes()
        print(ck.__file__)
        print(X.shape, y.name)
        print(ck.NeuronClassifier(n_epochs=5).fit(X, y > 140).classes_.tolist())
        print(sorted(ck.checks.CHECKS)[:1], ck.diagrams.draw_axes.__name__)
    """)
    out = run(python, "-c", script, cwd=elsewhere).stdout.splitlines()
    assert Path(out[0]).is_relative_to(fresh), out[0]  # the wheel, not the clone
    assert out[1:3] == ["(442, 10) progression", "[False, True]"]
    assert out[3].endswith("draw_axes")
