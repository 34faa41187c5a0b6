"""The one recipe that builds the course's environment, on Linux, macOS and Windows.

    python -m tools.setup_env                 # the student's: what `make lab` needs
    python -m tools.setup_env --instructor    # and RISE, nbgrader, slides, site, tests
    python -m tools.setup_env --nbgrader on   # nbgrader's menus on (`off`: off again)

Run it from the course's folder with Python 3.11 or newer. It creates ``.venv`` with
that Python unless it exists, installs the pinned packages (``requirements/
student.txt``, and ``requirements/instructor.txt`` with ``--instructor``), installs
coursekit in place, registers the kernel under the name the notebooks store, turns
nbgrader's menus off and gives JupyterLab the course's settings
(``jupyter/overrides.json``). In a copy of the offline bundle it installs from
``wheelhouse/`` only. ``make``, the README's steps without ``make``, the Windows CI
job and the drift job (``--unlocked``) all run it.
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"student": [ROOT / "requirements" / "student.txt"],
         "instructor": [ROOT / "requirements" / "student.txt",
                        ROOT / "requirements" / "instructor.txt"]}
# Without a lock (the drift job): the newest releases of the same extras.
EXTRAS = {"student": "course", "instructor": "course,instructor,test,publish"}
# nbgrader's JupyterLab menus and server extensions need an nbgrader course set up
# (and an exchange to hand out and collect); for students they would only fail.
NBGRADER_LAB = "@jupyter/nbgrader"
NBGRADER_SERVER = ["formgrader", "validate_assignment", "assignment_list",
                   "course_list"]
QUIET = {"capture_output": True, "text": True}


def program(venv, name):
    """A program of the environment: bin/NAME, or Scripts\\NAME.exe on Windows."""
    if os.name == "nt":
        return Path(venv) / "Scripts" / f"{name}.exe"
    return Path(venv) / "bin" / name


def run(*command, quiet=False):
    done = subprocess.run([str(part) for part in command], check=False,
                          **(QUIET if quiet else {}))
    if done.returncode != 0:
        detail = (done.stdout or "") + (done.stderr or "") if quiet else ""
        sys.exit(f"setup_env: failed: {' '.join(map(str, command))}\n{detail}")


def create(venv):
    # Read by whatever Python a newcomer has, older ones included.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit(f"coursekit needs Python 3.11 or newer; this is "
                 f"{sys.version.split()[0]}. Run this script with a newer one "
                 "(make PYTHON=python3.11 ...).")
    if not program(venv, "python").exists():
        run(sys.executable, "-m", "venv", venv)


def install(venv, stage, locked=True):
    """The pinned packages of ``stage`` (or, unlocked, the newest), then coursekit."""
    python = program(venv, "python")
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if (ROOT / "wheelhouse").is_dir():  # a copy of the offline bundle
        pip += ["--no-index", "--find-links", ROOT / "wheelhouse"]
    if locked:
        # No bytecode compiled ahead for every module of every package (about 230 MB
        # in the student's environment): Python writes it for what is imported.
        requirements = [arg for lock in LOCKS[stage] for arg in ("-r", lock)]
        run(*pip, "--no-compile", *requirements)
        run(*pip, "--no-deps", "--no-build-isolation", "-e", ROOT)
    else:
        run(*pip, "--upgrade", "pip", "setuptools")
        run(*pip, "--upgrade", "-e", f"{ROOT}[{EXTRAS[stage]}]")


def configure(venv):
    """The kernel, nbgrader's menus off and JupyterLab's settings for the course."""
    python = program(venv, "python")
    # The name the notebooks store: another would mark each notebook as changed.
    run(python, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3",
        "--display-name", "Python 3 (ipykernel)", quiet=True)
    nbgrader(venv, "off")
    # JupyterLab's defaults for the course: no news fetched from the internet, every
    # cell kept in the page (screen readers, the browser's find).
    settings = Path(venv) / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "jupyter" / "overrides.json", settings / "overrides.json")


def nbgrader(venv, state):
    """nbgrader's JupyterLab menus and server extensions ``on`` or ``off``."""
    jupyter = program(venv, "jupyter")
    find = "import importlib.util as u; exit(u.find_spec('nbgrader') is None)"
    installed = subprocess.run([program(venv, "python"), "-c", find],
                               check=False, **QUIET).returncode == 0
    if not installed:
        if state == "on":
            sys.exit("nbgrader is not installed: python -m tools.setup_env "
                     "--instructor")
        return
    action = "enable" if state == "on" else "disable"
    run(jupyter, "labextension", action, "--level=sys_prefix", NBGRADER_LAB,
        quiet=True)
    for name in NBGRADER_SERVER:
        run(jupyter, "server", "extension", action, "--sys-prefix",
            f"nbgrader.server_extensions.{name}", quiet=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    stage = parser.add_mutually_exclusive_group()
    stage.add_argument("--student", dest="stage", action="store_const",
                       const="student", help="what `make lab` needs (the default)")
    stage.add_argument("--instructor", dest="stage", action="store_const",
                       const="instructor",
                       help="and RISE, nbgrader, the slides, the site, the tests")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    parser.add_argument("--unlocked", action="store_true",
                        help="the newest releases instead of the locks (drift job)")
    parser.add_argument("--nbgrader", choices=["on", "off"],
                        help="only turn nbgrader's menus on or off in --venv")
    args = parser.parse_args(argv)
    if args.nbgrader:
        nbgrader(args.venv, args.nbgrader)
        return 0
    create(args.venv)
    install(args.venv, args.stage or "student", locked=not args.unlocked)
    configure(args.venv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
