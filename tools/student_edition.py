"""Make the student edition of the course with nbgrader, or check that it is current.

The course with solutions lives in ``notebooks/solutions/``: those notebooks are
nbgrader *source* notebooks (solution cells between ``### BEGIN SOLUTION`` and
``### END SOLUTION``, locked check cells with points). ``nbgrader generate_assignment``
turns them into the student edition: solution code replaced by nbgrader's stub, outputs
cleared, checks kept and locked. This script runs it in a throwaway nbgrader course
directory and writes the result to ``notebooks/``, each notebook opening with a note
that says which edition it is.

    python -m tools.student_edition            # write notebooks/NN_*.ipynb
    python -m tools.student_edition --check    # exit 1 if they are out of date

Run it through the course environment (``make student``): it needs nbgrader.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from tools.course import ROOT, SOLUTIONS, notebooks_in, slide_type

STUDENT = ROOT / "notebooks"
ASSIGNMENT = "course"

NOTE = """\
> **Student edition.** The exercises and the questions (**Predict.**, **Question.**) are
> yours: replace each `raise NotImplementedError()` with your code or your answer, run
> the cell, then run the check under it, which says what is right or what to look at.
> Run All stops at the first one not done; to read on, select the cell after its check
> and use Run → Run Selected Cell and All Below. The same notebook with worked
> solutions is [`solutions/{name}`](solutions/{name})."""


def is_speaker_notes(cell):
    """A speaker-notes cell (slide type ``notes``), shown only in the speaker view."""
    return slide_type(cell) == "notes"


def generate(source_dir, out_dir, course=None):
    """Write the student edition of every notebook of ``source_dir`` into ``out_dir``.

    nbgrader works in a throwaway course directory, or in ``course`` (an empty
    folder), which is then kept. Returns the paths written, in course order.
    """
    notebooks = notebooks_in(source_dir)
    if not notebooks:
        raise FileNotFoundError(f"No course notebooks (NN_name.ipynb) in {source_dir}.")
    with tempfile.TemporaryDirectory() as throwaway:
        course = Path(course or throwaway)
        (course / "source" / ASSIGNMENT).mkdir(parents=True)
        for path in notebooks:
            shutil.copy(path, course / "source" / ASSIGNMENT / path.name)
        nbgrader(course, "generate_assignment", ASSIGNMENT)
        written = []
        for path in notebooks:
            released = nbformat.read(course / "release" / ASSIGNMENT / path.name, 4)
            # Speaker notes are the instructor's (with the answers to the questions
            # for the room): not in the students' copy.
            released.cells = [c for c in released.cells if not is_speaker_notes(c)]
            note = nbformat.v4.new_markdown_cell(NOTE.format(name=path.name))
            note.id = "student-edition-note"
            released.cells.insert(0, note)
            target = Path(out_dir) / path.name
            nbformat.write(released, target)
            written.append(target)
    return written


def nbgrader(course_dir, *args):
    """Run one nbgrader command in ``course_dir`` with this Python's environment."""
    # nbgrader starts its database migrations with the `alembic` script found on PATH.
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent),
                                                 os.environ.get("PATH", "")]))
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args, "--force",
         f"--CourseDirectory.root={course_dir}", "--log-level=WARN"],
        cwd=course_dir, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{result.stderr}")
    return result


def differences(fresh, student_dir=STUDENT):
    """Names of the notebooks of ``student_dir`` that differ from those in ``fresh``
    (a fresh generation), and of those it has that ``fresh`` has not."""
    different = [path.name for path in notebooks_in(fresh)
                 if not (Path(student_dir) / path.name).exists()
                 or nbformat.read(Path(student_dir) / path.name, 4)
                 != nbformat.read(path, 4)]
    extra = {p.name for p in notebooks_in(student_dir)}
    extra -= {p.name for p in notebooks_in(fresh)}
    return different + sorted(extra)


def stale(source_dir=SOLUTIONS, student_dir=STUDENT):
    """Names of the student notebooks that differ from a fresh generation."""
    with tempfile.TemporaryDirectory() as fresh:
        generate(source_dir, fresh)
        return differences(fresh, student_dir)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report whether the student edition is current")
    args = parser.parse_args(argv)
    if args.check:
        names = stale()
        if names:
            print("The student edition is out of date for: " + ", ".join(names)
                  + ". Regenerate it with `make student` and commit notebooks/.")
            return 1
        print("The student edition is up to date.")
        return 0
    for path in generate(SOLUTIONS, STUDENT):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
