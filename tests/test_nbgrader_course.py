"""The instructor's whole nbgrader loop, offline, in a throwaway folder.

``tools/nbgrader_course.py`` (``make course``) writes the course for notebook 02; three
students hand it in (every exercise done, one done and one with a named mistake, none);
nbgrader autogrades and writes the feedback pages; ``tools/class_report.py`` reads what
the checks said. One notebook, a small one with a formula, because every nbgrader run
starts a kernel.
"""

import re
import shutil

import nbformat
import pytest

from tests import browser as offline
from tests.helpers import COURSE_INPUTS, reused
from tools import class_report, nbgrader_course
from tools.student_edition import is_speaker_notes, nbgrader

ASSIGNMENT = "02_products"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
# Exercise 2 answered with a mistake the course names: the product of the sums.
SUM_TIMES_SUM = "def dot(a, b):\n    return sum(a) * sum(b)\n"
HEADER = "**Course header.** Your name, then Run All before you hand this in."
# Whatever a page loads: a src or href attribute, or a url() in its styles.
LOADED = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(\s*["']?([^"')]+)""")
# Each text output's box (a <pre> that scrolls what does not fit) on a page: its first
# words, whether it is an error, its content's and its own width.
BOXES = """() => Array.from(document.querySelectorAll(".output_subarea pre"), box => ({
  text: box.innerText.slice(0, 60), error: !!box.closest(".output_error"),
  scroll: box.scrollWidth, client: box.clientWidth}))"""


def solved(source_cell):
    """A source cell's solution as a student types it: without nbgrader's markers."""
    return "\n".join(line for line in source_cell.source.splitlines()
                     if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line)


def submission(course, answers):
    """The released notebook with ``answers`` ({grade_id: source}) in its stub cells."""
    notebook = nbformat.read(course / "release" / ASSIGNMENT / NOTEBOOK, 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return notebook


def instructor_loop(out):
    """``make course`` for notebook 02 in ``out``, three submissions, autograde and
    feedback, as the instructor runs them."""
    header = out.parent / "test-instructor-loop-header.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(HEADER)]), header)
    assert nbgrader_course.write_course(out, ["02"], header=header) == [ASSIGNMENT]
    header.unlink()
    source = nbformat.read(out / "source" / ASSIGNMENT / NOTEBOOK, 4)
    solutions = {c.metadata["nbgrader"]["grade_id"]: solved(c) for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    students = {
        "complete": solutions,
        # the exercise at the end of section 1 (dot) wrong, the first at the end right
        "partial": {"ex02-in1": SUM_TIMES_SUM, "ex02-1": solutions["ex02-1"]},
        "untouched": {},
    }
    for student, answers in students.items():
        folder = out / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(submission(out, answers), folder / NOTEBOOK)
    nbgrader(out, "autograde", ASSIGNMENT, "--create")
    nbgrader(out, "generate_feedback", ASSIGNMENT)


@pytest.fixture(scope="module")
def course():
    """The course after the loop (a warm run reuses the last run's while the notebook,
    coursekit, the tools and the environment are unchanged)."""
    return reused("instructor-loop",
                  ["notebooks/solutions/02_*.ipynb", "tests/test_nbgrader_course.py",
                   "node_modules/mathjax3/es5/tex-svg.js", *COURSE_INPUTS],
                  instructor_loop)


def test_course_has_its_config_sources_without_notes_and_releases_with_header(course):
    assert (course / "nbgrader_config.py").exists()
    source = nbformat.read(course / "source" / ASSIGNMENT / NOTEBOOK, 4)
    course_notebook = nbformat.read(nbgrader_course.SOLUTIONS / NOTEBOOK, 4)
    assert any(is_speaker_notes(c) for c in course_notebook.cells)
    assert not any(is_speaker_notes(c) for c in source.cells)
    assert len(source.cells) == len(course_notebook.cells) - sum(
        map(is_speaker_notes, course_notebook.cells))
    released = (course / "release" / ASSIGNMENT / NOTEBOOK).read_text()
    first = nbformat.reads(released, 4).cells[0]
    assert first.source == HEADER  # the header, before the notebook's own cells
    assert "BEGIN SOLUTION" not in released
    assert "raise NotImplementedError()" in released
    assert "Speaker notes" not in released


def test_release_assignment_hands_out_through_an_exchange_in_the_course(course,
                                                                       tmp_path):
    """``nbgrader release_assignment`` with the course's configuration, as nbgrader
    reads it from the course folder: the exchange is a folder of the course, so it needs
    no root (nbgrader's default, /usr/local/share/nbgrader/exchange, does)."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    shutil.copy(course / "nbgrader_config.py", tmp_path)
    shutil.copytree(course / "release", tmp_path / "release")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    assert config.Exchange.root == str(tmp_path / "exchange")
    done = NbGraderAPI(config=config).release_assignment(ASSIGNMENT)
    assert done["success"], done
    outbound = tmp_path / "exchange" / "coursekit" / "outbound" / ASSIGNMENT
    assert nbformat.read(outbound / NOTEBOOK, 4).cells[0].source == HEADER


def test_autograde_scores_the_three_submissions(course):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {student: gradebook.find_submission_notebook(
            ASSIGNMENT, ASSIGNMENT, student).score
            for student in ("complete", "partial", "untouched")}
        assert gradebook.find_submission_notebook(
            ASSIGNMENT, ASSIGNMENT, "complete").max_score == 6
    # three exercises and three questions, a point each
    assert scores == {"complete": 6, "partial": 1, "untouched": 0}


def test_feedback_pages_load_nothing_from_outside(course):
    offline.node_assets()  # the MathJax copied beside the pages comes from npm
    for student in ("complete", "partial", "untouched"):
        folder = course / "feedback" / student / ASSIGNMENT
        page = (folder / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
        loaded = [a or b for a, b in LOADED.findall(page)]
        assert "mathjax/tex-svg.js" in loaded
        outside = [url for url in loaded if re.match(r"(https?:)?//", url)]
        assert outside == [], outside
        assert (folder / "mathjax" / "tex-svg.js").stat().st_size > 1_000_000
        # Every figure described, by the **Figure.** cell under it in the notebook.
        images = re.findall(r"<img\b[^>]*>", page)
        assert images and all(re.search(r'alt="[^"]{20,}"', i) for i in images)


def test_feedback_page_typesets_its_maths_offline(course, browser):
    offline.node_assets()
    page = course / "feedback" / "partial" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    visit = browser.visit(page.as_uri())
    try:
        visit.page.wait_for_selector("mjx-container", state="attached")
        typeset = visit.page.locator("mjx-container").count()
        assert typeset > 0 and visit.external == [] and visit.errors == []
        # The page shows what the check said of the product of the sums, and every
        # output, a check's message too, wraps inside its box (none scrolls sideways).
        assert "sum(a) * sum(b)" in visit.page.content()
        boxes = visit.page.evaluate(BOXES)
        assert any(box["error"] for box in boxes)
        wide = [box for box in boxes if box["scroll"] > box["client"]]
        assert wide == [], wide
    finally:
        visit.close()


def test_class_report_counts_the_loop(course, tmp_path):
    summary = class_report.summarise(class_report.read_course(course))
    counts = {name: (c["passed"], c["wrong"], c["not done"])
              for _, _, name, c in summary.exercises}
    # Each question counts on its own, named by its id; only "complete" answered them.
    assert counts == {"product_shape": (2, 0, 1), "dot": (1, 1, 1),
                      "weighted_sums": (1, 0, 2), "question 02.q1": (1, 0, 2),
                      "question 02.q2": (1, 0, 2), "question 02.q3": (1, 0, 2)}
    assert summary.students == 3
    # The partial submission's product of the sums, as the check named it.
    assert summary.mistakes == [
        ("02.dot.sum_times_sum", ASSIGNMENT, "dot", 1,
         "notebook 02, section 1 (1. The dot product of two vectors)")]
    out = tmp_path / "report.html"
    assert class_report.main([str(course), "--out", str(out)]) == 0
    assert "weighted_sums" in out.read_text(encoding="utf-8")

