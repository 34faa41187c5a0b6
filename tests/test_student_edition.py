"""The student edition: made by nbgrader from the course, current, and it runs.

And the course's notebooks work as nbgrader source notebooks for an instructor:
generated, submitted and autograded in a throwaway course directory.
"""

import importlib.util
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
STUDENT = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"))

_spec = importlib.util.spec_from_file_location(
    "student_edition", ROOT / "tools" / "student_edition.py")
student_edition = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(student_edition)


def errors(cell):
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


def test_student_edition_is_current():
    assert [p.name for p in STUDENT] == [p.name for p in SOLUTIONS]
    assert student_edition.stale() == [], "run `make student` and commit notebooks/"


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


class _StudentNotebook:
    """One notebook of the student edition, run as a student runs it.

    One class per notebook (made below) so that pytest-xdist's `--dist loadscope`
    runs them on different workers.
    """

    path = None

    def test_runs_to_its_exercises_and_every_check_says_not_done(self):
        notebook = nbformat.read(self.path, 4)
        resources = {"metadata": {"path": str(self.path.parent)}}
        NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True,
                       resources=resources).execute()
        first = next(i for i, c in enumerate(notebook.cells)
                     if c.metadata.get("nbgrader", {}).get("solution"))
        for cell in notebook.cells[:first]:
            if cell.cell_type == "code":
                expected = "raises-exception" in cell.metadata.get("tags", [])
                assert bool(errors(cell)) == expected, cell.source
        for cell in notebook.cells[first:]:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution"):
                # A stubbed function is defined without error; a stubbed value raises.
                assert all(e["ename"] == "NotImplementedError" for e in errors(cell))
            elif meta.get("grade"):
                [error] = errors(cell)
                assert error["ename"] == "NotDoneYet", (cell.source, error)
                assert "Not done yet" in error["evalue"]


for _path in STUDENT:
    _name = "TestStudentEdition" + _path.stem.title().replace("_", "")
    globals()[_name] = type(_name, (_StudentNotebook,), {"path": _path})


def test_nbgrader_generates_and_autogrades_a_course_notebook(tmp_path):
    """Solutions score full points, the stubs score zero."""
    from nbgrader.api import Gradebook

    source = SOLUTIONS[0]
    (tmp_path / "source" / "ps1").mkdir(parents=True)
    shutil.copy(source, tmp_path / "source" / "ps1" / source.name)
    student_edition.nbgrader(tmp_path, "generate_assignment", "ps1")
    released = tmp_path / "release" / "ps1" / source.name
    for student, notebook in [("solver", source), ("starter", released)]:
        (tmp_path / "submitted" / student / "ps1").mkdir(parents=True)
        shutil.copy(notebook, tmp_path / "submitted" / student / "ps1" / source.name)
    student_edition.nbgrader(tmp_path, "autograde", "ps1", "--create")
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        solver = gradebook.find_submission("ps1", "solver")
        starter = gradebook.find_submission("ps1", "starter")
        assert solver.max_score >= 3
        assert solver.score == solver.max_score
        assert starter.score == 0


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
