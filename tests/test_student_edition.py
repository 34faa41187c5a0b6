"""The student edition: made by nbgrader from the course, current, and it runs.

(The instructor's nbgrader loop, autograding included: tests/test_nbgrader_course.py.)
"""

from pathlib import Path

import nbformat
import pytest

from tests.helpers import COURSE_INPUTS, reused
from tools import student_edition
from tools.course import NOTEBOOKS as SOLUTIONS
from tools.course import ROOT, notebooks_in
from tools.student_edition import is_speaker_notes

STUDENT = notebooks_in(ROOT / "notebooks")


def errors(cell):
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


@pytest.fixture(scope="module")
def generated():
    """A fresh generation of the student edition by nbgrader (a warm run reuses the
    last one while the notebooks, the tools and the environment are unchanged)."""
    return reused("student-edition", ["notebooks/solutions/*.ipynb", *COURSE_INPUTS],
                  lambda out: student_edition.generate(student_edition.SOLUTIONS, out))


def test_student_edition_is_current(generated):
    assert [p.name for p in STUDENT] == [p.name for p in SOLUTIONS]
    assert student_edition.differences(generated) == [], (
        "run `make student` and commit notebooks/")


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_student_edition_has_no_solutions_and_no_outputs(path):
    notebook = nbformat.read(path, 4)
    solution = SOLUTIONS[STUDENT.index(path)]
    assert "solutions/" + path.name in notebook.cells[0].source
    text = path.read_text()
    assert "BEGIN SOLUTION" not in text
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    stubs = [c for c in notebook.cells
             if c.metadata.get("nbgrader", {}).get("solution")]
    assert stubs and all("raise NotImplementedError()" in c.source for c in stubs)
    assert solution.exists()


def first_exercise(notebook):
    return next(i for i, c in enumerate(notebook.cells)
                if c.metadata.get("nbgrader", {}).get("solution"))


def cells_as_run(cells):
    """Every cell but the speaker notes and the answers (the student's stubs)."""
    return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in cells
            if not is_speaker_notes(c)
            and not c.metadata.get("nbgrader", {}).get("solution")]


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_every_lesson_cell_is_one_that_the_course_runs(path):
    """Apart from the answers, the student edition holds exactly the cells of the
    course with solutions (after its note): the very cells that strict nbval runs in
    notebooks/solutions, lessons and checks. Only the instructor's speaker notes are
    left out."""
    student = nbformat.read(path, 4)
    solution = nbformat.read(SOLUTIONS[STUDENT.index(path)], 4)
    assert student.cells[0].id == "student-edition-note"
    assert not any(is_speaker_notes(c) for c in student.cells)
    assert cells_as_run(student.cells[1:]) == cells_as_run(solution.cells)


def test_students_get_no_nbgrader_menus_in_the_course_environment():
    """`make lab` turns nbgrader's extensions off; `make nbgrader-on` brings them."""
    import json
    import sys

    config = Path(sys.prefix) / "etc" / "jupyter"
    page = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"].get("@jupyter/nbgrader") is True
    for name in ("formgrader", "validate_assignment", "assignment_list", "course_list"):
        extension = f"nbgrader.server_extensions.{name}"
        server = json.loads((config / "jupyter_server_config.d"
                             / f"{extension}.json").read_text())
        assert server["ServerApp"]["jpserver_extensions"][extension] is False
