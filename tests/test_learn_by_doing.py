"""Learning by doing, alone: exercises inside the lessons and questions for the reader.

An exercise inside a lesson (grade id ``exNN-inK``) comes where its idea is taught, and
the cells after it go on with the learner's function or, until it works, the course's
own. A question (grade id ``qNN-K``) is a markdown cell starting with **Predict.** or
**Question.** that lists its options, an answer cell and a graded check. These tests
hold that structure, run the student edition as a learner who finished nothing would
(cell by cell, past every unfinished exercise), and let nbgrader grade it: zero.
"""

import re
import shutil
from pathlib import Path

import nbformat
import numpy as np
import pytest

import coursekit as ck
from tests.helpers import COURSE_INPUTS, reused
from tests.test_student_edition import student_edition

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"))
QUESTION = re.compile(r"^\*\*(Predict|Question)\.\*\*")
OPTION = re.compile(r"^- ([a-z])\) ", re.MULTILINE)


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def inline_exercises(notebook):
    """Indices of the solution cells of the exercises inside the lesson."""
    return [i for i, c in enumerate(notebook.cells)
            if re.fullmatch(r"ex\d\d-in\d+", grade_id(c))]


def read(path):
    return nbformat.read(path, 4)


LEARN = [p for p in SOLUTIONS if inline_exercises(read(p))]
QUESTIONED = [p for p in SOLUTIONS
              if any(QUESTION.match(c.source) for c in read(p).cells)]


def test_the_first_notebooks_teach_by_doing():
    names = {p.name[:2] for p in LEARN} & {p.name[:2] for p in QUESTIONED}
    assert {"03", "04"} <= names


@pytest.mark.parametrize("path", LEARN, ids=lambda p: p.name)
def test_an_inline_exercise_is_followed_by_the_lesson_that_uses_it(path):
    """Its check, then a cell that picks the learner's function or the course's, and
    lesson cells after that (the end-of-notebook exercises come later)."""
    notebook = read(path)
    cells = notebook.cells
    for i in inline_exercises(notebook):
        name = re.search(r"^def (\w+)\(", cells[i].source, re.MULTILINE).group(1)
        assert grade_id(cells[i + 1]) == grade_id(cells[i]) + "-check"
        pick = cells[i + 2]
        assert "nbgrader" not in pick.metadata
        assert f'ck.checks.yours_or_ours(\n    "{name}", {name},' in pick.source
        chosen = re.search(r"^(\w+) = ck\.checks\.yours_or_ours", pick.source,
                           re.MULTILINE)
        later = [c.source for c in cells[i + 3:] if c.cell_type == "code"
                 and "nbgrader" not in c.metadata]
        assert any(re.search(rf"\b{chosen.group(1)}\(", s) for s in later), (
            "no lesson cell after the exercise uses the function it picked")


def questions(notebook):
    """(index of the question's text, its id such as "03.q1") in notebook order."""
    found = []
    for i, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and QUESTION.match(cell.source):
            check = notebook.cells[i + 2].source
            asked = re.fullmatch(r'ck\.checks\.check_answer\("(\d\d\.q(\d+))", '
                                 r'answer_q\2\)', check)
            found.append((i, asked.group(1)))
    return found


@pytest.mark.parametrize("path", QUESTIONED, ids=lambda p: p.name)
def test_questions_offer_options_and_are_graded_one_point_each(path):
    notebook, number = read(path), path.name[:2]
    asked = questions(notebook)
    assert len(asked) >= 3, "at least three questions per notebook"
    for k, (i, qid) in enumerate(asked, start=1):
        text, answer, check = notebook.cells[i:i + 3]
        assert qid == f"{number}.q{k}"
        assert answer.metadata["nbgrader"] == {
            "solution": True, "grade": False, "locked": False,
            "grade_id": f"q{number}-{k}", "schema_version": 3}
        assert check.metadata["nbgrader"] == {
            "grade": True, "solution": False, "locked": True, "points": 1,
            "grade_id": f"q{number}-{k}-check", "schema_version": 3}
        # Each question its own variable: a stale letter of another question's cell
        # is never the one judged.
        assert answer.source.startswith(f"answer_q{k} = None")
        assert not re.search(r"\banswer(_q\d+)? =", text.source.replace(
            f"answer_q{k} =", "")), "the text names another question's variable"
        options = OPTION.findall(text.source)
        assert len(options) >= 3 and options == sorted(options)
        right = re.search(rf'^answer_q{k} = "(\w)"$', answer.source, re.MULTILINE)
        assert right.group(1) in options
        # Asked before the cell that answers it: a lesson cell follows the check, at
        # most after an inline exercise (a question may come before the exercise
        # whose function computes its answer).
        assert any(c.cell_type == "code" and "nbgrader" not in c.metadata
                   for c in notebook.cells[i + 3:i + 9])


def headings(number):
    """The notebook's numbered sections, as "03.4"."""
    [path] = [p for p in SOLUTIONS if p.name.startswith(number)]
    return {f"{number}.{m}" for c in read(path).cells if c.cell_type == "markdown"
            for m in re.findall(r"^## (\d+)\. ", c.source, re.MULTILINE)}


@pytest.mark.parametrize("path", QUESTIONED, ids=lambda p: p.name)
def test_every_option_gets_its_own_answer_from_the_check(path, capsys):
    """Trying each option as a beginner would: the right one is called right; each
    wrong one is called wrong with its own mistake id and reason, naming a section
    that exists, never blamed on rounding and never naming the right letter."""
    notebook = read(path)
    for i, qid in questions(notebook):
        right = re.search(r'"(\w)"\n### END SOLUTION', notebook.cells[i + 1].source)
        right = right.group(1)
        ck.checks.check_answer(qid, right)
        assert capsys.readouterr().out.startswith("Correct:")
        reasons = set()
        for option in OPTION.findall(notebook.cells[i].source):
            if option == right:
                continue
            with pytest.raises(ck.checks.CheckFailed) as failed:
                ck.checks.check_answer(qid, option)
            message = str(failed.value)
            assert failed.value.mistake.startswith(f"{qid}.")
            assert not re.search(r"rounding|rounded|close but", message)
            assert not re.search(rf"\b(answer|option) (is )?\(?{right}\b", message)
            sections = re.findall(r"notebook (\d\d), section (\d+)", message)
            assert sections, message
            assert all(f"{n}.{s}" in headings(n) for n, s in sections), message
            reasons.add(message.split(":", 1)[1])
        assert len(reasons) == len(OPTION.findall(notebook.cells[i].source)) - 1
        # A letter without quotes is a name: in 02, `b` is an array. A number is
        # told to be a letter, without the story of names.
        for unquoted in (np.array([1.0, 2.0]), print, 2):
            with pytest.raises(ck.checks.CheckFailed) as failed:
                ck.checks.check_answer(qid, unquoted)
            message = str(failed.value)
            assert "not a letter" in message and "in quotes" in message, message
            named = "name of a variable" in message
            assert named != isinstance(unquoted, int), message
            assert f"answer_q{qid.split('.q')[1]} = " in message, message


def release_and_autograde_untouched(course):
    """nbgrader's course in ``course``: every notebook released, handed back untouched
    by one student, "starter", and autograded."""
    assignment = student_edition.ASSIGNMENT
    (course / "source" / assignment).mkdir(parents=True)
    for path in SOLUTIONS:
        shutil.copy(path, course / "source" / assignment / path.name)
    student_edition.nbgrader(course, "generate_assignment", assignment)
    shutil.copytree(course / "release" / assignment,
                    course / "submitted" / "starter" / assignment)
    # nbgrader stops a cell after 30 s by default: on a busy machine the imports of 06
    # or 09, or 05's timing cell, take longer, and the cells after them would fail.
    student_edition.nbgrader(course, "autograde", assignment, "--create",
                             "--Execute.timeout=600")


@pytest.fixture(scope="module")
def autograded():
    """The untouched student edition's scores and its notebooks as nbgrader ran them
    (every notebook runs in a kernel: a warm run reuses the last run's course while
    the notebooks, coursekit and the environment are unchanged)."""
    from nbgrader.api import Gradebook

    course = reused("autograded-untouched",
                    ["notebooks/solutions/*.ipynb", "tests/test_learn_by_doing.py",
                     *COURSE_INPUTS], release_and_autograde_untouched)
    assignment = student_edition.ASSIGNMENT
    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for path in SOLUTIONS:
            graded = gradebook.find_submission_notebook(path.stem, assignment,
                                                        "starter")
            scores[path.name] = (graded.score, graded.max_score)
    ran = {path.name: read(course / "autograded" / "starter" / assignment / path.name)
           for path in SOLUTIONS}
    return scores, ran


@pytest.mark.parametrize("path", LEARN, ids=lambda p: p.name)
def test_an_untouched_student_edition_scores_zero(autograded, path):
    score, max_score = autograded[0][path.name]
    assert max_score >= 3 + 3 and score == 0


@pytest.mark.parametrize("path", LEARN, ids=lambda p: p.name)
def test_the_lesson_runs_on_after_every_unfinished_exercise(autograded, path):
    """Every cell runs, in order, as after "Run Selected Cell and All Below" from the
    cell after each stub: the only errors are the stubs and checks of the exercises
    and questions themselves, and the cells meant to fail. The lesson after an inline
    exercise says it uses the course's own function."""
    ran = autograded[1][path.name]
    failed = [i for i, c in enumerate(ran.cells) if c.cell_type == "code"
              and any(o["output_type"] == "error" for o in c.outputs)]
    allowed = {i for i, c in enumerate(ran.cells) if "nbgrader" in c.metadata
               or "raises-exception" in c.metadata.get("tags", [])}
    assert failed and set(failed) <= allowed, [ran.cells[i].source for i in failed
                                               if i not in allowed]
    for i in inline_exercises(ran):
        # One print may reach the notebook as several stream outputs (the kernel
        # flushes on a timer): read them together.
        text = "".join(o.get("text", "") for o in ran.cells[i + 2].outputs)
        assert "is not written yet, so the cells below use the course's own" in text
    last = [c for c in ran.cells
            if c.cell_type == "code" and "nbgrader" not in c.metadata]
    assert last[-1].execution_count is not None


def errors(cell):
    return [o for o in cell.get("outputs", []) if o["output_type"] == "error"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_every_check_says_not_done_until_the_learner_writes_the_code(autograded, path):
    """Every exercise and question of the untouched student edition, as nbgrader ran
    it: a stubbed function is defined without error, a stubbed value raises
    NotImplementedError, and every check under a stub says "Not done yet"."""
    ran = autograded[1][path.name]
    graded = [c for c in ran.cells
              if c.cell_type == "code" and "nbgrader" in c.metadata]
    assert sum(c.metadata["nbgrader"].get("grade", False) for c in graded) >= 3
    for cell in graded:
        meta = cell.metadata["nbgrader"]
        if meta.get("solution"):
            assert all(e["ename"] == "NotImplementedError" for e in errors(cell)), (
                cell.source)
        else:
            assert meta.get("grade"), cell.source
            [error] = errors(cell)
            assert error["ename"] == "NotDoneYet", (cell.source, error)
            assert "Not done yet" in error["evalue"]
