"""Every notebook's exercises are code with nbgrader metadata and a check that runs.

nbval runs the solutions and their checks in ``notebooks/solutions/``; these tests hold
the structure that makes that true for every exercise, and that nbgrader needs.
"""

import json
import re

import pytest

import coursekit as ck
from tools.course import NOTEBOOKS as SOLUTIONS


def cells(path):
    return json.loads(path.read_text())["cells"]


def source(cell):
    return "".join(cell["source"])


def nbgrader(cell):
    return cell["metadata"].get("nbgrader", {})


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_each_exercise_is_a_solution_cell_then_a_graded_check(path):
    """Exercises at the end (``exNN-K``), inside the lesson (``exNN-inK``) and
    questions for the reader (``qNN-K``), each numbered in notebook order."""
    number = path.name[:2]
    notebook = cells(path)
    solutions = [i for i, c in enumerate(notebook) if nbgrader(c).get("solution")]
    kinds = {kind: [i for i in solutions
                    if re.fullmatch(rf"{prefix}{number}-{middle}\d+",
                                    nbgrader(notebook[i])["grade_id"])]
             for kind, prefix, middle in [("end", "ex", ""), ("inline", "ex", "in"),
                                          ("question", "q", "")]}
    assert sorted(sum(kinds.values(), [])) == solutions, "a solution cell of no kind"
    exercises = kinds["end"] + kinds["inline"]
    assert len(exercises) >= 3, "at least three exercises per notebook"
    assert any(re.search(r"^def \w+\(", source(notebook[i]), re.MULTILINE)
               for i in exercises), "at least one exercise asks for a function"
    for kind, found in kinds.items():
        for k, i in enumerate(found, start=1):
            cell, check = notebook[i], notebook[i + 1]
            text = source(cell)
            grade_id = {"end": f"ex{number}-{k}", "inline": f"ex{number}-in{k}",
                        "question": f"q{number}-{k}"}[kind]
            assert cell["cell_type"] == "code"
            assert nbgrader(cell) == {"solution": True, "grade": False,
                                      "locked": False, "grade_id": grade_id,
                                      "schema_version": 3}
            # One region per function asked for (nbgrader stubs each of them).
            regions = text.count("### BEGIN SOLUTION")
            assert regions >= 1 and text.count("### END SOLUTION") == regions
            meta = nbgrader(check)
            assert meta.get("grade") and meta.get("locked")
            assert meta.get("points", 0) > 0
            assert meta["grade_id"] == f"{grade_id}-check"
            assert "ck.checks." in source(check), "a check cell calls a coursekit check"
    # The lesson, with its own exercises and questions, then the exercises at the end,
    # among which only a cell that runs the learner's functions or the course's own
    # (ck.checks.yours_or_ours), or draws what an exercise asked about once its check
    # has run (the next cell describes the figure), may go on with the lesson.
    def drawing(i):
        after = notebook[i + 1] if i + 1 < len(notebook) else None
        return after is not None and source(after).startswith("**Figure.**")

    lesson = [i for i, c in enumerate(notebook) if c["cell_type"] == "code"
              and not nbgrader(c) and "ck.checks.yours_or_ours(" not in source(c)
              and not (kinds["end"] and i > kinds["end"][0] and drawing(i))]
    assert kinds["end"] and max(lesson) < kinds["end"][0], (
        "a lesson cell comes after the first exercise at the end")


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_no_solution_is_left_as_unchecked_prose(path):
    for cell in cells(path):
        text = source(cell)
        assert "<details>" not in text, "a prose solution: make it code with a check"
        if "### BEGIN SOLUTION" in text:
            assert nbgrader(cell).get("solution"), "solution markers in a plain cell"


def test_every_check_is_used_by_a_notebook():
    used = "\n".join(source(c) for path in SOLUTIONS for c in cells(path))
    unused = [name for name in ck.checks.CHECKS if f"ck.checks.{name}(" not in used]
    assert not unused, f"checks no notebook calls: {unused}"


def test_grade_ids_are_unique_across_the_course():
    ids = [nbgrader(c)["grade_id"] for path in SOLUTIONS for c in cells(path)
           if nbgrader(c)]
    assert len(ids) == len(set(ids))
