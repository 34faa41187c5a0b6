"""The instructor's guide (GUIDE.md) and the speaker notes: complete, and their minutes
the ones the rehearsal model computes (tools/rehearse.py)."""

import re

import pytest

from tools import rehearse
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
    for needed in ["make lab", "make test", "make slides", "make bundle",
                   "student edition", "130 words a minute"]:
        assert needed in text, needed
    assert "<!-- rehearsal-method -->" not in text


def test_guide_names_the_notebooks_that_take_more_than_an_hour():
    row = r"^\| \[(\d\d)_\w+\]\(.*?\) \| \d+ \| \d+ \| (\d+) \|$"
    rows = re.findall(row, guide_text(), flags=re.M)
    over = [number for number, minutes in rows if int(minutes) > 60]
    words = {4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight"}
    named = ", ".join(over[:-1]) + " and " + over[-1]
    sentence = (f"**Shorter slots.** {words[len(over)]} notebooks ({named}) take more "
                "than an hour to present.")
    assert len(rows) == 9 and sentence in " ".join(guide_text().split())
