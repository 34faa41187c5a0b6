"""The instructor's guide (GUIDE.md) and the speaker notes: complete, and their minutes
the ones the rehearsal model computes (tools/rehearse.py)."""

import re

import pytest

from tools import rehearse, sessions
from tools.course import NOTEBOOKS, ROOT

GUIDE = ROOT / "GUIDE.md"

PARTS = ["Objectives", "Prerequisites", "Run live", "Misconceptions", "Pitfalls",
         "Exercises", "Questions"]


def guide_text():
    return GUIDE.read_text(encoding="utf-8")


def test_readme_links_the_guide():
    assert "](GUIDE.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_guide_timing_table_is_the_rehearsal_models():
    block = guide_text().split(rehearse.START)[1].split(rehearse.END)[0]
    assert block.strip() == rehearse.table(), "run: python -m tools.rehearse --write"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_speaker_notes_times_are_the_rehearsal_models(path):
    _, timed, _ = rehearse.rehearse(path)
    assert timed[0][0] is not None, "the first slide has no speaker notes"
    for notes, minutes in timed:
        if notes is not None:
            assert f"**Time:** {minutes} min" in notes.source, (
                f"{notes.get('id')}: run python -m tools.rehearse --write")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_guide_covers_the_notebook(path):
    text = guide_text()
    heading = re.search(rf"^## {path.name[:2]} · .*$", text, flags=re.M)
    assert heading, f"no '## {path.name[:2]} · ...' section"
    section = text[heading.end():].split("\n## ", 1)[0]
    missing = [part for part in PARTS if f"**{part}" not in section]
    assert not missing, f"section {path.name[:2]} lacks {missing}"
    assert path.name in section, "the section does not link its notebook"


def test_guide_says_how_to_run_a_room_and_how_minutes_are_made():
    text = " ".join(guide_text().split())
    # The students' site (make site) leaves the guide out; the guide names the one
    # that has it.
    for needed in ["make lab", "make test", "make slides", "make bundle",
                   "make site-instructor", "student edition", "130 words a minute"]:
        assert needed in text, needed
    assert "<!-- rehearsal-method -->" not in text


# The session plan (tools/sessions.py): its tables, its estimates and its counts.

def block(name):
    start, end = sessions.BLOCKS[name]
    return guide_text().split(start)[1].split(end)[0].strip()


def test_guide_session_plan_is_the_one_computed():
    assert block("sessions") == sessions.sessions_table(), (
        "run: python -m tools.sessions --write")
    assert block("exercises") == sessions.exercises_table(), (
        "run: python -m tools.sessions --write")


def test_session_plan_holds_every_part_and_exercise_once_within_90_minutes():
    plan = sessions.plan()
    lecture = [item for s in plan for item in s.items if isinstance(item, tuple)]
    done = [item for s in plan for item in s.items
            if isinstance(item, sessions.Exercise)] + [e for s in plan
                                                       for e in s.homework]
    for path in NOTEBOOKS:
        _, timed, _ = rehearse.rehearse(path)
        number = path.name[:2]
        assert sum(m for n, _, m in lecture if n == number) == sum(m for _, m in timed)
    assert sorted((e.notebook, e.name) for e in done) == sorted(
        (e.notebook, e.name) for e in sessions.all_exercises())
    assert len(done) >= 3 * len(NOTEBOOKS)  # three at the end, and those in lessons
    for s in plan:
        assert 0 < s.used <= sessions.SESSION - sessions.BREAK - sessions.QUESTIONS
    # Every notebook ends with practice in class: the session of its last part
    # holds its first exercise at the end.
    for path in NOTEBOOKS:
        number = path.name[:2]
        [last] = [s for s in plan if any(isinstance(i, tuple) and i[0] == number
                                         for i in s.items)][-1:]
        first = next(e for e in sessions.all_exercises()
                     if e.notebook == number and e.part is None)
        assert first in last.items, number
    # An exercise inside a lesson comes right after the part that holds it.
    inside = [e for e in sessions.all_exercises() if e.part is not None]
    assert {e.notebook for e in inside} >= {"01", "02", "09"}
    for exercise in inside:
        [items] = [s.items for s in plan if exercise in s.items]
        before = items[:items.index(exercise)]
        part = next(i for i in reversed(before) if isinstance(i, tuple))
        assert part[:2] == (exercise.notebook, exercise.part), exercise


def test_exercise_model_counts_statements_not_prints():
    code = "    a = 1\n    # a comment\n    for k in range(3):\n        a += k\n" \
           "    print(a)\n    return a\n"
    assert sessions.statements(code) == 4  # a = 1, for, a += k, return


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_guide_exercise_estimates_are_the_models(path):
    text = guide_text()
    start, end = sessions.guide_exercise_parts(text)[path.name[:2]]
    stated = [int(m) for m in re.findall(r"Estimated\s+(\d+)\s+min\b", text[start:end])]
    model = [e.minutes for e in sessions.all_exercises()
             if e.notebook == path.name[:2]]
    assert stated == model, "run: python -m tools.sessions --write"


def test_guide_states_the_models_constants():
    text = " ".join(guide_text().split())
    for needed in [f"{sessions.READ_WORDS_PER_MINUTE} words a minute",
                   f"{sessions.STATEMENT_MINUTES} minutes",
                   f"{sessions.CHECK_RUNS} runs of the check",
                   f"a break of {sessions.BREAK} minutes",
                   f"at least {sessions.QUESTIONS} minutes",
                   f"sessions of {sessions.SESSION} minutes"]:
        assert needed in text, needed


def test_guide_names_the_notebooks_that_take_more_than_an_hour():
    row = r"^\| \[(\d\d)_\w+\]\(.*?\) \| \d+ \| \d+ \| (\d+) \|$"
    rows = re.findall(row, guide_text(), flags=re.M)
    over = [number for number, minutes in rows if int(minutes) > 60]
    words = {4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight"}
    named = ", ".join(over[:-1]) + " and " + over[-1]
    sentence = (f"**Shorter slots.** {words[len(over)]} notebooks ({named}) take more "
                "than an hour to present.")
    assert len(rows) == 9 and sentence in " ".join(guide_text().split())
