"""Plan the course in 90-minute sessions, with a model of each exercise's minutes.

The lecture minutes are the speaker notes' ``**Time:** N min`` (the rehearsal model of
``tools/rehearse.py``; ``tests/test_guide.py`` keeps them equal), summed per part of a
notebook: its opening, each numbered section (``## N. Title``), its recap and the
presentation of its exercises.

An exercise's minutes are a model of a learner doing it alone, not a timing of a class:

- reading its statement (the markdown from its ``### Exercise`` heading) at
  ``READ_WORDS_PER_MINUTE``;
- writing the solution's code, ``STATEMENT_MINUTES`` per statement (of the code
  between ``### BEGIN SOLUTION`` and ``### END SOLUTION``, nested ones counted, but
  not ``print`` calls: what a learner writes, looking things up and fixing slips on
  the way);
- running the check ``CHECK_RUNS`` times (a first answer that the check sends back,
  then the fixed one), ``CHECK_MINUTES`` each to run it and read what it says.

A session is ``SESSION`` minutes: a ``BREAK`` in the middle, ``QUESTIONS`` for the
opening recap and the room's questions, the rest for the lecture and exercises in class.
Parts go into sessions in course order, whole. An exercise inside a lesson (grade id
``exNN-inK``) is done where it stands: the room tries it right after the part that holds
it. A notebook's last part and its first exercise at the end go together (into a new
session if they do not fit), so that every notebook ends with practice in class; its
next exercises follow in class, in order, while they fit; the others are homework.

    python -m tools.sessions            # print the plan and the exercises' minutes
    python -m tools.sessions --write    # write them in GUIDE.md, and each estimate
"""

import argparse
import ast
import functools
import math
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from tools.course import NOTEBOOKS, ROOT, slide_type

GUIDE = ROOT / "GUIDE.md"
SESSION, BREAK, QUESTIONS = 90, 10, 10
READ_WORDS_PER_MINUTE, STATEMENT_MINUTES, CHECK_RUNS, CHECK_MINUTES = 100, 2, 2, 1
# A session with less teaching time left than this starts no new notebook.
LEAST_START = 10
TIME = re.compile(r"\*\*Time:\*\* (\d+) min")
EXERCISE = re.compile(r"### Exercise|\*\*Exercise \d")
CHECK_NAME = re.compile(r"check_(\w+)\(")
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
IN_LESSON = re.compile(r"ex\d\d-in\d+$")
HEADING = re.compile(r"^## (?:(\d+)\. |(.+)$)", re.M)
BLOCKS = {"sessions": ("<!-- sessions:start -->", "<!-- sessions:end -->"),
          "exercises": ("<!-- exercise-minutes:start -->",
                        "<!-- exercise-minutes:end -->")}
# "Estimated 7 min" in a notebook's **Exercises.** part of the guide.
ESTIMATE = re.compile(r"Estimated(\s+)\d+(?:–\d+)?(\s+)min\b")


@functools.cache
def facts(path):
    """``(parts, exercises)`` of the notebook at ``path``, read once."""
    nb = nbformat.read(path, as_version=4)
    return tuple(parts(nb)), tuple(exercises(nb, Path(path).name[:2]))


def words(text):
    return len(re.findall(r"[A-Za-z0-9]+", text))


def statements(code):
    """The statements of ``code`` that a learner writes: every statement, nested ones
    included, but for ``print(...)`` calls and docstrings."""
    def written(node):
        value = getattr(node, "value", None)
        return isinstance(node, ast.stmt) and not (isinstance(node, ast.Expr) and (
            isinstance(value, ast.Constant) or (isinstance(value, ast.Call) and getattr(
                value.func, "id", None) == "print")))

    return sum(map(written, ast.walk(ast.parse(textwrap.dedent(code)))))


def is_notes(cell):
    return slide_type(cell) == "notes"


@dataclass(frozen=True)
class Exercise:
    notebook: str  # "01"
    name: str  # the function or value the learner writes, such as to_column
    words: int  # of its statement
    statements: int  # of code in its solution
    part: str | None = None  # the part of the lesson that holds it; None: at the end

    @property
    def minutes(self):
        return math.ceil(self.words / READ_WORDS_PER_MINUTE
                         + self.statements * STATEMENT_MINUTES
                         + CHECK_RUNS * CHECK_MINUTES)

    @property
    def label(self):
        return f"{self.notebook} `{self.name}`"


def labels(nb):
    """The label of the part each cell of ``nb`` is in: "opening", "§4", "recap"..."""
    found, label = [], "opening"
    for cell in nb.cells:
        heading = HEADING.search(cell.source) if cell.cell_type == "markdown" else None
        if heading:
            label = f"§{heading.group(1)}" if heading.group(1) else (
                heading.group(2).strip().lower())
        found.append(label)
    return found


def parts(nb):
    """``[(label, minutes)]``: the lecture minutes per part of a notebook, in order."""
    found = []
    for cell, label in zip(nb.cells, labels(nb), strict=True):
        minutes = TIME.search(cell.source) if is_notes(cell) else None
        if minutes:
            if found and found[-1][0] == label:
                found[-1] = (label, found[-1][1] + int(minutes.group(1)))
            else:
                found.append((label, int(minutes.group(1))))
    return found


def exercises(nb, number):
    """The exercises of a notebook: statement words and solution statements of each."""
    found, part_of = [], labels(nb)
    for i, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("solution"):
            continue
        statement, j = [], i - 1
        while j >= 0 and nb.cells[j].cell_type == "markdown":
            text = nb.cells[j].source
            starts = list(EXERCISE.finditer(text))
            if starts:
                statement.append(text[starts[-1].start():])
                break
            if not is_notes(nb.cells[j]):  # the speaker notes are the instructor's
                statement.append(text)
            j -= 1
        solution = SOLUTION.search(cell.source)
        check = next((c for c in nb.cells[i + 1:] if c.cell_type == "code"), None)
        name = CHECK_NAME.search(check.source if check else "")
        if name and name.group(1) == "answer":
            continue  # a question for the reader: part of the lecture's minutes
        inside = IN_LESSON.match(meta.get("grade_id", ""))
        found.append(Exercise(number, name.group(1) if name else meta["grade_id"],
                              words(" ".join(statement)),
                              statements(solution.group(1) if solution else ""),
                              part_of[i] if inside else None))
    return found


@dataclass
class Session:
    # In the order they happen: (notebook, part label, minutes) for a part of the
    # lecture, an Exercise for practice in class.
    items: list = field(default_factory=list)
    homework: list = field(default_factory=list)  # Exercise

    @property
    def lecture(self):
        return sum(item[2] for item in self.items if isinstance(item, tuple))

    @property
    def practice(self):
        return sum(item.minutes for item in self.items if isinstance(item, Exercise))

    @property
    def used(self):
        return self.lecture + self.practice


def plan():
    """The course as 90-minute sessions, in order."""
    teaching = SESSION - BREAK - QUESTIONS
    sessions = [Session()]
    for path in NOTEBOOKS:
        number = path.name[:2]
        if sessions[-1].used and teaching - sessions[-1].used < LEAST_START:
            sessions.append(Session())
        (*lecture, last), found = facts(path)
        inside = [e for e in found if e.part]  # each right after its part
        first, *others = [e for e in found if not e.part]
        for label, minutes in lecture:  # a part and the exercises it holds together
            held = [e for e in inside if e.part == label]
            together = minutes + sum(e.minutes for e in held)
            if sessions[-1].used + together > teaching and sessions[-1].used:
                sessions.append(Session())
            sessions[-1].items += [(number, label, minutes), *held]
        # The notebook's last part and its first exercise at the end stay together:
        # every notebook ends with practice in class.
        held = [e for e in inside if e.part == last[0]]
        if (sessions[-1].used + last[1] + sum(e.minutes for e in held) + first.minutes
                > teaching):
            sessions.append(Session())
        sessions[-1].items += [(number, *last), *held, first]
        for k, exercise in enumerate(others):
            if sessions[-1].used + exercise.minutes > teaching:
                sessions[-1].homework.extend(others[k:])
                break
            sessions[-1].items.append(exercise)
    return sessions


def in_order(items):
    """"01 opening–recap, then practice: 01 `grid` (7)" for a session's items."""
    runs = []  # [kind, notebook, [labels or exercises]]
    for item in items:
        kind = "lecture" if isinstance(item, tuple) else "practice"
        number = item[0] if kind == "lecture" else item.notebook
        if not runs or runs[-1][:2] != [kind, number]:
            runs.append([kind, number, []])
        runs[-1][2].append(item[1] if kind == "lecture" else item)
    return ", then ".join(
        f"{n} {got[0]}" + (f"–{got[-1]}" if len(got) > 1 else "") if kind == "lecture"
        else "practice: " + listed(got) for kind, n, got in runs)


def listed(exercises):
    return ", ".join(f"{e.label} ({e.minutes})" for e in exercises) or "–"


def sessions_table():
    sessions = plan()
    rows = ["| Session | In order | Lecture | Practice | Questions, recap and slack "
            "| Break | Homework |", "|---|---|---|---|---|---|---|"]
    for k, s in enumerate(sessions, start=1):
        rows.append(f"| {k} | {in_order(s.items)} | {s.lecture} | {s.practice} | "
                    f"{SESSION - BREAK - s.used} | {BREAK} | {listed(s.homework)} |")
    lecture = sum(s.lecture for s in sessions)
    practice = sum(s.practice for s in sessions)
    homework = sum(e.minutes for s in sessions for e in s.homework)
    rows.append(f"| {len(sessions)} sessions | | {lecture} | {practice} | "
                f"{len(sessions) * (SESSION - BREAK) - lecture - practice} | "
                f"{len(sessions) * BREAK} | {homework} |")
    return "\n".join(rows)


def all_exercises():
    return [e for path in NOTEBOOKS for e in facts(path)[1]]


def exercises_table():
    rows = ["| Exercise | Words to read | Statements to write | Minutes |",
            "|---|---|---|---|"]
    rows += [f"| {e.label} | {e.words} | {e.statements} | {e.minutes} |"
             for e in all_exercises()]
    return "\n".join(rows)


def replace_block(text, name, body):
    start, end = BLOCKS[name]
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{body}\n{end}{after}"


def guide_exercise_parts(text):
    """``{"01": (start, end)}``: where each notebook's **Exercises.** part of the guide
    is, up to the next bold heading."""
    found = {}
    for heading in re.finditer(r"^## (\d\d) · .*$", text, re.M):
        start = text.index("**Exercises.**", heading.end())
        end = text.index("\n**", start + 1)
        found[heading.group(1)] = (start, end)
    return found


def write():
    text = GUIDE.read_text(encoding="utf-8")
    text = replace_block(text, "sessions", sessions_table())
    text = replace_block(text, "exercises", exercises_table())
    by_notebook = {}
    for e in all_exercises():
        by_notebook.setdefault(e.notebook, []).append(e)
    for number, (start, end) in sorted(guide_exercise_parts(text).items(),
                                       reverse=True):
        estimates = iter(by_notebook[number])

        def estimate(match, estimates=estimates):
            minutes = next(estimates).minutes
            return f"Estimated{match.group(1)}{minutes}{match.group(2)}min"

        part = ESTIMATE.sub(estimate, text[start:end])
        text = text[:start] + part + text[end:]
    GUIDE.write_text(text, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if args.write:
        write()
    print(sessions_table())
    print()
    print(exercises_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
