"""The drift job: does the course still run on the newest releases of what it uses?

The locks (requirements/student.txt, instructor.txt) keep every output stable; they
also hide the day a new NumPy, pandas, scikit-learn, matplotlib or Keras breaks a
notebook. This builds a throwaway environment with the newest releases of coursekit's
direct dependencies (no lock), runs the unit tests and every notebook, and reports
per notebook how many stored outputs would change under strict comparison, with the
first difference.

    python -m tools.drift            # `make drift`; needs the network to install

It exits non-zero only when something fails to run: a unit test, or a notebook cell
(nbval's lax mode). Changed outputs are reported, not failures: they are what to
re-store when the lock moves (`make lock`).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tools.course import NOTEBOOKS, ROOT
from tools.setup_env import program

THREADS = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def direct_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        names += extra
    return [re.split(r"[\[<>=!~ ;]", n)[0] for n in names]


def build(venv):
    """A fresh environment with the newest coursekit dependencies, no lock.

    Built by the course's one recipe (tools/setup_env.py) without its locks, so that
    it is set up as `make` sets up .venv (the kernel, nbgrader's menus off, the
    JupyterLab settings the tests check).
    """
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "tools.setup_env", "--instructor",
                    "--unlocked", "--venv", venv], cwd=ROOT, check=True)
    return program(venv, "python")


def pytest(python, venv, *args):
    env = dict(os.environ, **THREADS, JUPYTER_PATH=str(venv / "share" / "jupyter"),
               COURSEKIT_DRIFT="1")  # tests of the locks' exact versions skip
    env.pop("MPLBACKEND", None)
    return subprocess.run(
        [python, "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider",
         "-q", "--tb=short", "--nbval-sanitize-with", ROOT / "nbval-sanitize.cfg",
         *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def summary(result):
    """pytest's closing counts, e.g. '3 failed, 40 passed in 9.1s'."""
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return lines[-1].strip("= ") if lines else "no output"


def first_difference(result, width=400):
    text = result.stdout
    start = text.find("Notebook cell execution failed")
    start = text.find("Notebook outputs differ") if start < 0 else start
    if start < 0:
        return ""
    snippet = " ".join(text[start:start + width].split())
    return re.sub(r"\x1b\[[0-9;]*m", "", snippet)


def versions(python):
    names = " ".join(direct_dependencies())
    script = ("import importlib.metadata as m, sys\n"
              f"for n in {direct_dependencies()!r}:\n"
              "    print(n, m.version(n))")
    out = subprocess.run([python, "-c", script], capture_output=True, text=True,
                         check=False)
    return out.stdout.strip() or f"(could not read versions of {names})"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / ".drift-venv")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse --venv as it is instead of building it anew")
    args = parser.parse_args(argv)
    python = program(args.venv, "python") if args.reuse else build(args.venv)
    print("Newest releases installed:\n" + versions(python) + "\n")

    broken = False
    units = pytest(python, args.venv, "tests", "coursekit", "--doctest-modules")
    print(f"unit tests: {summary(units)}")
    if units.returncode != 0:
        broken = True
        print(units.stdout[-3000:])

    print("\n| notebook | runs (lax) | outputs that would change (strict) | first "
          "difference |\n|---|---|---|---|")
    for path in NOTEBOOKS:
        lax = pytest(python, args.venv, "--nbval-lax", "--nbval-current-env", path)
        strict = pytest(python, args.venv, "--nbval", "--nbval-current-env", path)
        changed = re.search(r"(\d+) failed", summary(strict))
        runs = "yes" if lax.returncode == 0 else f"NO: {summary(lax)}"
        broken |= lax.returncode != 0
        detail = first_difference(lax if lax.returncode else strict)
        print(f"| {path.name} | {runs} | {changed.group(1) if changed else 0} | "
              f"{detail or '-'} |")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
