"""Write a ready nbgrader course directory for the course (``make course``).

One assignment per notebook, named after it (``01_arrays``, ...). The folder gets:

- ``nbgrader_config.py``: the course's settings (nbgrader's exchange in the course's
  ``exchange/``, which needs no root), and feedback pages that typeset their formulas
  with a MathJax copied beside each page, so that they work offline;
- ``source/<assignment>/<notebook>``: the notebooks of ``notebooks/solutions/``
  without their speaker notes (which hold the answers to the questions for the room);
- ``release/<assignment>/<notebook>``: what students get, made by
  ``nbgrader generate_assignment`` (solutions replaced by stubs, outputs cleared);
- ``header.ipynb`` when ``--header`` names one: its cells open every released
  notebook.

Run again, it rewrites the sources and the releases and leaves the gradebook, the
submissions, the autograded notebooks and the feedback alone.

    python -m tools.nbgrader_course                      # build/course, every notebook
    python -m tools.nbgrader_course --out DIR 01 02      # DIR, notebooks 01 and 02

Run it through the course environment (``make course``): it needs nbgrader, and puts the
environment's ``bin/`` on PATH for it.
"""

import argparse
import shutil
import sys
from pathlib import Path

import nbformat

from tools.course import NOTEBOOKS, ROOT, SOLUTIONS
from tools.student_edition import is_speaker_notes, nbgrader

TEMPLATE = ROOT / "jupyter" / "nbgrader"
MATHJAX = ROOT / "node_modules" / "mathjax3" / "es5" / "tex-svg.js"
DEFAULT_OUT = ROOT / "build" / "course"


def course_notebooks(numbers=()):
    """The course notebooks in order, or those whose number is in ``numbers``."""
    paths = NOTEBOOKS
    if numbers:
        wanted = {f"{int(n):02d}" for n in numbers}
        paths = [p for p in paths if p.name[:2] in wanted]
    if not paths:
        raise SystemExit(f"No course notebooks {' '.join(numbers)} in {SOLUTIONS}.")
    return paths


def without_notes(path):
    """The notebook at ``path`` without its speaker-notes cells."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [c for c in notebook.cells if not is_speaker_notes(c)]
    return notebook


def write_course(out=DEFAULT_OUT, numbers=(), header=None):
    """Write the course directory ``out``; return the assignments it released.

    Without ``node_modules/`` (``npm ci``), feedback pages would load MathJax from the
    internet: the course is still written, and a warning says so.
    """
    out = Path(out).resolve()
    (out / "source").mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATE / "nbgrader_config.py", out / "nbgrader_config.py")
    shutil.copytree(TEMPLATE / "templates", out / "templates", dirs_exist_ok=True)
    if MATHJAX.exists():
        (out / "feedback_assets" / "mathjax").mkdir(parents=True, exist_ok=True)
        shutil.copy(MATHJAX, out / "feedback_assets" / "mathjax" / MATHJAX.name)
    else:
        print(f"warning: {MATHJAX.relative_to(ROOT)} is missing (install Node.js, then "
              "`npm ci`): feedback pages will load MathJax from the internet.",
              file=sys.stderr)
    if header:
        shutil.copy(header, out / "header.ipynb")
    assignments = []
    for path in course_notebooks(numbers):
        folder = out / "source" / path.stem
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        nbformat.write(without_notes(path), folder / path.name)
        assignments.append(path.stem)
    # One nbgrader run for the whole course ("*": every folder of source/, yours
    # too) is much faster than one per notebook: nbgrader takes seconds to start.
    for assignment in assignments if numbers else ["*"]:
        nbgrader(out, "generate_assignment", assignment)
    return assignments


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", help="notebook numbers (default: all)")
    parser.add_argument("--out", default=DEFAULT_OUT, type=Path,
                        help="the course directory (default: build/course)")
    parser.add_argument("--header", type=Path,
                        help="a notebook whose cells open every released notebook")
    args = parser.parse_args(argv)
    assignments = write_course(args.out, args.numbers, args.header)
    print(f"wrote the nbgrader course {args.out} with {len(assignments)} assignments: "
          + ", ".join(assignments))
    return 0


if __name__ == "__main__":
    sys.exit(main())
