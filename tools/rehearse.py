"""Time a notebook's presentation by rehearsal: minutes per section and per notebook.

A section is what one speaker-notes cell covers: its slide (or subslide) and the ones
after it up to the next slide with notes of its own. Its time is the rehearsal model of
presenting it, with what can be measured measured:

- speaking: the words on its slides and in its talking points, at 130 words a minute
  (an unhurried lecture pace);
- each code cell shown: 20 s to read it out, plus its run time measured when the
  notebook was stored (``metadata.execution`` timestamps); a skipped cell costs nothing;
- each figure: 45 s to look at it and say what to notice;
- each question for the room: 2 minutes to ask, wait and discuss.

The numbers are written where an instructor reads them: ``**Time:** N min`` in each
speaker-notes cell, and the timing table of GUIDE.md. ``tests/test_guide.py`` fails when
they are not the ones this model computes.

    python -m tools.rehearse            # print the table
    python -m tools.rehearse --write    # write the notes' times, GUIDE.md's table and
                                        # its session plan (tools/sessions.py)
"""

import argparse
import math
import re
from datetime import datetime

import nbformat

from tools import sessions
from tools.course import NOTEBOOKS, ROOT, slide_type
from tools.figures import FIGURE
from tools.layout import screens

GUIDE = ROOT / "GUIDE.md"
WORDS_PER_MINUTE = 130
CODE_SECONDS, FIGURE_SECONDS, QUESTION_SECONDS = 20, 45, 120
TIME = re.compile(r"\*\*Time:\*\* \d+ min")
START, END = "<!-- timing:start -->", "<!-- timing:end -->"


def run_seconds(cell):
    """How long the cell ran when the notebook was stored (0 if not recorded)."""
    times = cell.metadata.get("execution", {})
    try:
        start = datetime.fromisoformat(times["iopub.execute_input"])
        end = datetime.fromisoformat(times["shell.execute_reply"])
    except KeyError:
        return 0.0
    return (end - start).total_seconds()


def words(text):
    text = TIME.sub("", text)
    return len(re.findall(r"[A-Za-z0-9]+", text))


def seconds(cell):
    """The rehearsal seconds of one cell."""
    kind = slide_type(cell)
    if kind == "skip":
        return 0.0
    if cell.cell_type == "markdown":
        # Every figure has its description right after it: the figure's time goes there.
        extra = (QUESTION_SECONDS * cell.source.count("**Ask the room:**")
                 + FIGURE_SECONDS * cell.source.startswith(FIGURE))
        return 60 * words(cell.source) / WORDS_PER_MINUTE + extra
    return CODE_SECONDS + run_seconds(cell)


def sections(nb):
    """``(notes cell, [cells it covers])`` pairs, in order."""
    owned = []
    for cells in screens(nb.cells):
        notes = [c for c in cells if slide_type(c) == "notes"]
        if notes or slide_type(cells[0]) == "slide" or not owned:
            owned.append([notes[0] if notes else None, []])
        owned[-1][1].extend(cells)
    return [(notes, cells) for notes, cells in owned]


def rehearse(path):
    """Minutes per section of ``path`` (notes cell, minutes), and screens shown."""
    nb = nbformat.read(path, as_version=4)
    timed = [(notes, max(1, math.ceil(sum(map(seconds, cells)) / 60)))
             for notes, cells in sections(nb)]
    return nb, timed, len(screens(nb.cells))


def table():
    rows = ["| Notebook | Live slides (RISE) | Timed parts (speaker notes) "
            "| Minutes in class |", "|---|---|---|---|"]
    total = 0
    for path in NOTEBOOKS:
        _, timed, shown = rehearse(path)
        minutes = sum(m for _, m in timed)
        total += minutes
        rows.append(f"| [{path.stem}](notebooks/solutions/{path.name}) | {shown} | "
                    f"{len(timed)} | {minutes} |")
    rows.append(f"| all nine | | | {total} (about {total / 60:.1f} hours) |")
    return "\n".join(rows)


def write():
    for path in NOTEBOOKS:
        nb, timed, _ = rehearse(path)
        changed = False
        for notes, minutes in timed:
            if notes is None:
                continue
            source = TIME.sub(f"**Time:** {minutes} min", notes.source)
            changed |= source != notes.source
            notes.source = source
        if changed:
            nbformat.write(nb, path)
    text = GUIDE.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    GUIDE.write_text(f"{before}{START}\n{table()}\n{END}{after}", encoding="utf-8")
    # The session plan is made of these minutes: written again with them.
    sessions.write()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if args.write:
        write()
    print(table())


if __name__ == "__main__":
    main()
