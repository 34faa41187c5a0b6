"""What the class got wrong (tools/class_report.py), from autograded notebooks whose
mistakes are known: written here as nbgrader's autograder stores them, the check cells'
outputs holding what each check said."""

import html
import re

import nbformat
import pytest

from tools import class_report
from tools.course import ROOT

ROW = ("`to_column` returned shape (1, 3), a row: the new axis of length 1 came "
       "first (notebook 01, section 9).\n[mistake: 01.to_column.row]")
ROW_MEANS = ("column_means for case 2 is wrong: these are the means of the rows "
             "(notebook 01, section 4: axes).\n[mistake: 01.column_means.row_means]")
SUMS = ("dot(a, b) for case 1 is wrong: this is sum(a) * sum(b) (notebook 02, "
        "section 1).\n[mistake: 02.dot.sum_times_sum]")
UNNAMED = "`grid` is wrong. Expected the numbers 0 to 11 (notebook 01, section 5)."
NOT_DONE = "Not done yet: replace `raise NotImplementedError()` in the cell above."
CHECKS = {"01_arrays": ["grid", "to_column", "column_means"],
          "02_products": ["product_shape", "dot", "weighted_sums"]}
# What each student's checks said: None passed, else (error name, message).
CLASS = {
    "ada": {"01_arrays": [None, ("CheckFailed", ROW), ("CheckFailed", ROW_MEANS)],
            "02_products": [None, ("CheckFailed", SUMS), None]},
    "bo": {"01_arrays": [None, ("CheckFailed", ROW), ("NotDoneYet", NOT_DONE)]},
    "cy": {"01_arrays": [("CheckFailed", UNNAMED), None, None],
           "02_products": [None, ("CheckFailed", SUMS), ("NotDoneYet", NOT_DONE)]},
    "di": {"01_arrays": [("NotDoneYet", NOT_DONE)] * 3},
}


def autograded(course):
    for student, notebooks in CLASS.items():
        for name, said in notebooks.items():
            notebook = nbformat.v4.new_notebook()
            notebook.cells.append(nbformat.v4.new_markdown_cell("# a lesson"))
            for k, (check, outcome) in enumerate(zip(CHECKS[name], said,
                                                     strict=True), start=1):
                grade_id = f"ex{name[:2]}-{k}"
                answer = nbformat.v4.new_code_cell("answer = 1")
                answer.metadata["nbgrader"] = {"grade_id": grade_id, "solution": True,
                                               "grade": False}
                cell = nbformat.v4.new_code_cell(f"ck.checks.check_{check}({check})")
                cell.metadata["nbgrader"] = {"grade_id": f"{grade_id}-check",
                                             "grade": True, "solution": False,
                                             "points": 1}
                if outcome is None:
                    cell.outputs = [nbformat.v4.new_output(
                        "stream", name="stdout", text="Correct: well done.\n")]
                else:
                    ename, message = outcome
                    cell.outputs = [nbformat.v4.new_output(
                        "error", ename=ename, evalue=message,
                        traceback=[f"\x1b[0;31m{ename}\x1b[0m: {message}"])]
                notebook.cells += [answer, cell]
            folder = course / "autograded" / student / name
            folder.mkdir(parents=True)
            nbformat.write(notebook, folder / f"{name}.ipynb")
    return course


@pytest.fixture
def summary(tmp_path):
    return class_report.summarise(class_report.read_course(autograded(tmp_path)))


def test_counts_per_exercise(summary):
    counts = {(nb, name): (c["passed"], c["wrong"], c["not done"])
              for nb, _, name, c in summary.exercises}
    assert counts == {
        ("01_arrays", "grid"): (2, 1, 1),
        ("01_arrays", "to_column"): (1, 2, 1),
        ("01_arrays", "column_means"): (1, 1, 2),
        ("02_products", "product_shape"): (2, 0, 0),
        ("02_products", "dot"): (0, 2, 0),
        ("02_products", "weighted_sums"): (1, 0, 1),
    }
    assert summary.students == 4
    assert summary.handed_in == {"01_arrays": 4, "02_products": 2}
    assert summary.unrecognised == {("01_arrays", "grid"): 1}


def test_named_mistakes_counted_with_the_section_to_revisit(summary):
    assert summary.mistakes == [
        ("01.to_column.row", "01_arrays", "to_column", 2,
         "notebook 01, section 9 (9. Row and column vectors)"),
        ("02.dot.sum_times_sum", "02_products", "dot", 2,
         "notebook 02, section 1 (1. The dot product of two vectors)"),
        ("01.column_means.row_means", "01_arrays", "column_means", 1,
         "notebook 01, section 4 (4. Axes)"),
    ]
    # Of the students who handed the notebook in: 2 of 4, 2 of 2, 1 of 4.
    assert [m[0] for m in class_report.frequent(summary, share=0.5)] == [
        "01.to_column.row", "02.dot.sum_times_sum"]
    assert [m[0] for m in class_report.frequent(summary, share=0.75)] == [
        "02.dot.sum_times_sum"]
    assert len(class_report.frequent(summary, share=0.2)) == 3


def test_only_the_assignments_asked_for(tmp_path):
    found = class_report.read_course(autograded(tmp_path), ["02_products"])
    assert {o.notebook for o in found} == {"02_products"}
    assert {o.student for o in found} == {"ada", "cy"}


def test_page_is_offline_with_table_and_described_chart(summary):
    page = class_report.page(summary, share=0.5)
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", page)
    [image] = re.findall(r"<img [^>]*>", page)
    assert "src='data:image/png;base64," in image
    alt = re.search(r"alt='([^']*)'", image).group(1)
    assert "01.to_column.row, 2 students" in alt
    assert "01.column_means.row_means, 1 student." in alt
    revisit = page.split("To revisit next session")[1]
    assert revisit.count("<li>") == 2
    assert "(2 of 4): notebook 01, section 9 (9. Row and column vectors)" in revisit
    assert "(2 of 2): notebook 02, section 1" in revisit
    assert "<td class='n'>2</td>" in page
    # each named mistake in words, as the check told it (without its id line)
    assert f"<td>{html.escape(ROW.split(chr(10))[0])}</td>" in page


def test_command_writes_the_page(tmp_path):
    course = autograded(tmp_path / "course")
    assert class_report.main([str(course)]) == 0
    assert "What the class got wrong" in (course / "class_report.html").read_text()


def test_no_autograded_notebooks_says_what_to_run(tmp_path):
    with pytest.raises(SystemExit, match="nbgrader autograde"):
        class_report.read_course(tmp_path)


def test_readme_states_the_default_share():
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert (f"made by at least {class_report.SHARE:.0%} of those who handed the "
            "notebook in") in readme
