"""What the class got wrong: one offline HTML page from nbgrader's autograded notebooks.

After ``nbgrader autograde``, every graded check cell of
``autograded/<student>/<assignment>/*.ipynb`` holds what the check said: nothing wrong
(no error), ``Not done yet`` (the stub is still there), or a failure whose message names
the section to read and, when the check recognised one of the course's named mistakes,
ends with a line ``[mistake: ID]``. This tool counts them, per exercise and per named
mistake, and writes a page for preparing the next session: a table of how many passed,
a table and a bar chart of the mistakes (the chart a PNG inside the page, with its
numbers as alternative text), and the section to revisit for each frequent mistake.

    python -m tools.class_report build/course   # writes build/course/class_report.html
    python -m tools.class_report build/course --out report.html --assignment 01_arrays
"""

import argparse
import base64
import io
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat

from tools.course import SOLUTIONS

MISTAKE = re.compile(r"^\[mistake: ([^\]\s]+)\]\s*$", re.M)
# "notebook 01, section 6", "notebook 06, pitfall 2", or "section 4" alone.
REFERENCE = re.compile(r"(?:notebook (\d\d), )?(section|pitfall) (\d+)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CHECK_NAME = re.compile(r"check_(\w+)\(")
QUESTION = re.compile(r"check_answer\(\s*[\"']([^\"']+)[\"']")  # a question's id
PASSED, NOT_DONE, WRONG = "passed", "not done", "wrong"
# A mistake is frequent when at least this share of the students who handed the
# notebook in made it.
SHARE = 0.2


@dataclass(frozen=True)
class Outcome:
    """What one check said about one student's answer."""

    student: str
    notebook: str  # the notebook's stem, such as 01_arrays
    exercise: str  # the check cell's nbgrader grade_id
    name: str  # what the learner wrote, such as to_column
    status: str  # PASSED, NOT_DONE or WRONG
    mistake: str | None = None
    message: str = ""


def error_text(cell):
    """The error a cell's outputs hold, as text (empty when it ran without one)."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            lines = output.get("traceback") or [output.get("evalue", "")]
            text = ANSI.sub("", "\n".join(lines))
            return output.get("ename", ""), output.get("evalue") or text
    return None, ""


def outcomes(path, student):
    """The outcome of every graded check cell of the autograded notebook ``path``."""
    notebook = nbformat.read(path, as_version=4)
    found = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        question = QUESTION.search(cell.source)
        name = CHECK_NAME.search(cell.source)
        name = (f"question {question.group(1)}" if question
                else name.group(1) if name else meta.get("grade_id", "?"))
        ename, message = error_text(cell)
        if ename is None:
            status = PASSED
        elif ename == "NotDoneYet" or message.startswith("Not done yet"):
            status = NOT_DONE
        else:
            status = WRONG
        mistake = MISTAKE.search(message) if status == WRONG else None
        found.append(Outcome(student, Path(path).stem, meta.get("grade_id", "?"),
                             name, status, mistake and mistake.group(1), message))
    return found


def read_course(course, assignments=()):
    """Every outcome in ``course``'s ``autograded/`` folder (of ``assignments`` only,
    when given), in course order."""
    found = []
    for path in sorted(Path(course, "autograded").glob("*/*/*.ipynb"),
                       key=lambda p: (p.parent.name, p.name, p.parent.parent.name)):
        if assignments and path.parent.name not in assignments:
            continue
        found.extend(outcomes(path, student=path.parent.parent.name))
    if not found:
        raise SystemExit(f"No autograded notebooks with graded checks in "
                         f"{Path(course, 'autograded')}: run nbgrader autograde first.")
    return found


def headings(notebook):
    """``{"section 4": "4. Axes", ...}`` from the ``## N. Title`` headings of a
    notebook of the course (empty when it is not there)."""
    path = SOLUTIONS / f"{notebook}.ipynb"
    if not path.exists():
        return {}
    found = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            for number, title in re.findall(r"^## (\d+)\. (.+)$", cell.source, re.M):
                found[f"section {number}"] = f"{number}. {title.strip()}"
    return found


def section(message, notebook):
    """Where the course explains a failure: the first section (or pitfall) its message
    names, as "notebook 01, section 4 (4. Axes)"; "" when it names none."""
    match = REFERENCE.search(message)
    if not match:
        return ""
    number = match.group(1) or notebook[:2]
    where = f"{match.group(2)} {match.group(3)}"
    stems = [p.stem for p in SOLUTIONS.glob(f"{number}_*.ipynb")]
    title = headings(stems[0]).get(where) if stems else None
    return f"notebook {number}, {where}" + (f" ({title})" if title else "")


@dataclass
class Summary:
    """The counts the page shows."""

    exercises: list  # (notebook, exercise, name, Counter of statuses), course order
    # (mistake id, notebook, name, students, section), the most frequent first
    mistakes: list
    unrecognised: Counter  # (notebook, name) -> wrong answers with no named mistake
    said: dict  # mistake id -> what the check told the first student who made it
    students: int
    handed_in: Counter  # notebook -> students whose autograded notebook is there


def summarise(found):
    """Count ``found`` (outcomes) per exercise and per named mistake."""
    exercises, statuses = {}, {}
    for o in found:
        key = (o.notebook, o.exercise)
        exercises.setdefault(key, o.name)
        statuses.setdefault(key, Counter())[o.status] += 1
    named, where, unrecognised, said = Counter(), {}, Counter(), {}
    for o in found:
        if o.status == WRONG and o.mistake:
            named[(o.mistake, o.notebook, o.name)] += 1
            said.setdefault(o.mistake, MISTAKE.sub("", o.message).strip())
            where.setdefault((o.mistake, o.notebook, o.name),
                             section(o.message, o.notebook))
        elif o.status == WRONG:
            unrecognised[(o.notebook, o.name)] += 1
    mistakes = [(m, nb, name, count, where[(m, nb, name)])
                for (m, nb, name), count in sorted(named.items(),
                                                   key=lambda kv: (-kv[1], kv[0]))]
    return Summary(
        exercises=[(nb, ex, exercises[(nb, ex)], statuses[(nb, ex)])
                   # in course order: a notebook's checks in the order they come
                   for nb, ex in sorted(exercises, key=lambda key: key[0])],
        mistakes=mistakes, unrecognised=unrecognised, said=said,
        students=len({o.student for o in found}),
        handed_in=Counter(nb for nb, _ in {(o.notebook, o.student) for o in found}))


def chart(summary):
    """The mistakes as a horizontal bar chart: ``(PNG bytes, alternative text)``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [m for m, *_ in summary.mistakes]
    counts = [count for _, _, _, count, _ in summary.mistakes]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * max(1, len(labels))))
    ax.barh(labels[::-1], counts[::-1], color="#1f5f99")
    ax.set_xlabel("students whose answer the check recognised as this mistake")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Named mistakes, most frequent at the top")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    alt = ("Bar chart of the named mistakes: " + "; ".join(
        f"{label}, {count} student{'s' * (count != 1)}"
        for label, count in zip(labels, counts, strict=True)) + ".")
    return buffer.getvalue(), alt


def frequent(summary, share):
    """The mistakes met by at least ``share`` of the students who handed in the
    notebook (and by at least one)."""
    return [m for m in summary.mistakes
            if m[3] >= max(1, math.ceil(share * summary.handed_in[m[1]]))]


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #111; line-height: 1.5; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.6rem; text-align: left; }
td.n { text-align: right; }
img { max-width: 100%; }
"""


def page(summary, share=SHARE, title="What the class got wrong"):
    """The report as one HTML page that needs nothing else."""
    rows = "".join(
        f"<tr><td>{nb}</td><td><code>{escape(name)}</code> ({escape(ex)})</td>"
        f"<td class='n'>{c[PASSED]}</td><td class='n'>{c[WRONG]}</td>"
        f"<td class='n'>{c[NOT_DONE]}</td>"
        f"<td class='n'>{summary.unrecognised[(nb, name)]}</td></tr>"
        for nb, ex, name, c in summary.exercises)
    parts = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{summary.students} students' autograded notebooks.</p>",
        "<h2>Per exercise</h2>",
        "<table><thead><tr><th scope='col'>Notebook</th><th scope='col'>Exercise</th>"
        "<th scope='col'>Passed</th><th scope='col'>Wrong</th>"
        "<th scope='col'>Not done</th><th scope='col'>Wrong, no named mistake</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>",
        "<h2>Named mistakes</h2>",
    ]
    if summary.mistakes:
        png, alt = chart(summary)
        data = base64.b64encode(png).decode()
        mistake_rows = "".join(
            f"<tr><td><code>{escape(m)}</code></td><td>{nb} <code>{escape(name)}"
            f"</code></td><td class='n'>{count}</td><td>{escape(where) or '-'}</td>"
            f"<td>{escape(summary.said[m])}</td></tr>"
            for m, nb, name, count, where in summary.mistakes)
        parts += [
            "<table><thead><tr><th scope='col'>Mistake</th><th scope='col'>Exercise"
            "</th><th scope='col'>Students</th><th scope='col'>Section to revisit</th>"
            "<th scope='col'>What the check told the first of them</th>"
            f"</tr></thead><tbody>{mistake_rows}</tbody></table>",
            f"<img src='data:image/png;base64,{data}' alt='{escape(alt)}'>",
        ]
        revisit = "".join(
            f"<li><code>{escape(m)}</code> ({count} of {summary.handed_in[nb]}): "
            f"{escape(where) or 'the exercise itself'}</li>"
            for m, nb, _, count, where in frequent(summary, share))
        parts += [f"<h2>To revisit next session</h2><p>Mistakes made by at least "
                  f"{share:.0%} of the students who handed the notebook in, with "
                  "where the course explains them."
                  f"</p><ul>{revisit}</ul>"]
    else:
        parts.append("<p>No check recognised a named mistake.</p>")
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body><main>{''.join(parts)}</main></body></html>\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", type=Path, help="the nbgrader course directory")
    parser.add_argument("--out", type=Path,
                        help="the page to write (default: COURSE/class_report.html)")
    parser.add_argument("--assignment", action="append", default=[],
                        help="only this assignment (repeat for more)")
    parser.add_argument("--share", type=float, default=SHARE,
                        help="a mistake is frequent when at least this share of the "
                             f"students made it (default: {SHARE})")
    args = parser.parse_args(argv)
    summary = summarise(read_course(args.course, args.assignment))
    out = args.out or args.course / "class_report.html"
    out.write_text(page(summary, args.share), encoding="utf-8")
    print(f"wrote {out}: {summary.students} students, {len(summary.exercises)} "
          f"exercises, {len(summary.mistakes)} named mistakes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
