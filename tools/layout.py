"""The decks' layout: a copy of a notebook laid out again for a projector.

The decks show text and code at 24 px (coursekit.css), on screens of 1280 x 720 where
nothing scrolls; a notebook's own screens were written for JupyterLab, where a screen
scrolls. So each deck is built from a copy of its notebook laid out again (``lay_out``):
heights are estimated from the type sizes of coursekit.css, and the browser checks
(tests/test_slides.py) measure the real ones.
"""

import math
import re
from itertools import takewhile

import nbformat

from tools.course import slide_type
from tools.figures import FIGURE, figure_outputs, png_size, tick_size

TEXT_WIDTH = 1216  # 1280 less 32 px of padding on each side
BUDGET = 630  # 720 less the top padding and the strip kept for the slide number
# 24 px prose: lines 1.4 high, about 12 px a character; 24 px code: lines 1.3 high,
# 14.5 px a character (DejaVu Sans Mono).
TEXT_LINE, TEXT_CHAR, CODE_LINE, CODE_CHAR = 34, 12.0, 31.5, 14.5
CODE_COLUMNS, OUTPUT_COLUMNS = 80, 78  # characters on a line before it wraps
CODE_ROWS = 16  # the most lines of code on a screen, under a heading


def lay_out(nb):
    """Lay the copy ``nb`` (its figures described) out for the decks, in place.

    A figure gets a screen of its own, its description beside or under it; code
    taller than a screen is cut into parts on successive screens; a screen that
    would run past the bottom continues on a new one; every screen gets notes.
    """
    nb.cells = figures_on_their_own_screens(nb.cells)
    cells = []
    for cell in nb.cells:
        for part in split_code(cell):
            cells.extend(outputs_apart(part) if part.cell_type == "code"
                         else split_markdown(part))
    nb.cells = cells
    continue_screens(nb.cells)
    notes_on_every_screen(nb)


def set_slide_type(cell, kind):
    cell.metadata.setdefault("slideshow", {})["slide_type"] = kind


def figures_on_their_own_screens(cells):
    """Each figure on a screen of its own after its code, its description with it.

    The code keeps its other outputs; the figure's screen is a copy of the cell with
    its code hidden (tag ``figure``) and the description as an output beside the figure
    or under it (tag ``figure-beside`` or ``figure-below``). A figure whose tick labels
    would come out small that way has the screen to itself (``figure-alone``), and its
    description the next screen.
    """
    laid, after_figure = [], False
    for cell, following in zip(cells, [*cells[1:], None], strict=True):
        if after_figure == "described" and cell.source.startswith(FIGURE):
            continue  # shown with its figure
        if after_figure and slide_type(cell) in {"-", "fragment"}:
            set_slide_type(cell, "subslide")
        figures = figure_outputs(cell) if cell.cell_type == "code" else []
        laid.append(cell)
        after_figure = False
        if not figures:
            continue
        text = following.source if following and following.source.startswith(
            FIGURE) else ""
        layout = figure_layout(figures[0], text)
        shown = nbformat.from_dict(cell)
        shown.id = f"{cell.id}-shown"  # "-figure" names descriptions already
        set_slide_type(shown, "subslide")
        described = nbformat.v4.new_output("display_data", data={"text/markdown": text})
        shown.outputs = figures if layout == "figure-alone" else [*figures, described]
        shown.metadata["tags"] = ["figure", layout]
        cell.outputs = [o for o in cell.outputs if o not in figures]
        laid.append(shown)
        after_figure = "alone" if layout == "figure-alone" else "described"
    return laid


FIGURE_HEIGHT = 620  # the most a figure takes of a screen's 720 px
TICKS = 14  # px, the smallest tick labels wanted as shown


def figure_layout(output, description):
    """``figure-beside``, ``figure-below`` or ``figure-alone``: the first of beside and
    below that shows the figure widest, unless its tick labels (10 pt at the PNG's dpi)
    would come out under TICKS px where alone they would not. The figure's width (px)
    goes into the output's metadata, where the deck's template reads it."""
    if "image/png" in output.data:
        width, height = png_size(output.data["image/png"])
    else:  # matplotlib's player: its frame, and its buttons under it
        width, height = 640, 480 + 90
    ratio = width / height
    below = min(TEXT_WIDTH,
                (FIGURE_HEIGHT - text_height(description, TEXT_WIDTH)) * ratio)
    beside = min(FIGURE_HEIGHT * ratio, TEXT_WIDTH - 24 - 320)  # 320 px for the text
    while beside > 300 and text_height(description, TEXT_WIDTH - 24 - beside) > (
            FIGURE_HEIGHT):
        beside -= 20
    alone = min(TEXT_WIDTH, FIGURE_HEIGHT * ratio)
    layout, shown = max(("figure-below", below), ("figure-beside", beside),
                        key=lambda pair: pair[1])
    needed = width * TICKS / tick_size(output)
    if shown < min(needed, alone) and "image/png" in output.data:
        layout, shown = "figure-alone", alone
    if "image/png" in output.data:
        output.metadata.setdefault("image/png", {})["width"] = int(shown)
    return layout


def text_height(text, width):
    """The height of 24 px prose ``text`` (markdown) set ``width`` px wide."""
    code = sum(len(span) for span in re.findall(r"`[^`]*`", text))
    chars = len(text) - code + code * CODE_CHAR / TEXT_CHAR
    # Lines break between words: about 20 px of each line is left empty.
    return math.ceil(chars * TEXT_CHAR / (width - 20)) * TEXT_LINE + 12


def code_rows(source, columns=CODE_COLUMNS):
    """How many lines ``source`` takes on screen: long lines wrap."""
    return sum(max(1, math.ceil(len(line) / columns))
               for line in source.splitlines() or [""])


def split_code(cell, rows=CODE_ROWS):
    """``cell``, or its parts when its code is taller than ``rows``: each cut at the
    last blank line (else the last line starting a statement) that keeps a part within
    ``rows`` lines. Later parts start screens; the last part keeps the outputs."""
    hidden = "figure" in cell.metadata.get("tags", [])  # a figure's screen: no code
    if cell.cell_type != "code" or hidden or code_rows(cell.source) <= rows:
        return [cell]
    lines, parts = cell.source.splitlines(), []
    while code_rows("\n".join(lines)) > rows:
        end = max(n for n in range(1, len(lines))
                  if n == 1 or code_rows("\n".join(lines[:n])) <= rows)
        blank = [n for n in range(2, end + 1) if not lines[n - 1].strip()]
        start = [n for n in range(2, end + 1) if re.match(r"[^\s)\]}]", lines[n])]
        cut = (blank or start or [end])[-1]
        parts.append("\n".join(lines[:cut]).strip("\n"))
        lines = lines[cut:]
    parts.append("\n".join(lines).strip("\n"))
    cells = []
    for number, source in enumerate(parts):
        part = nbformat.from_dict(cell)
        part.source = source
        if number:
            part.id = f"{cell.id}-part{number + 1}"
            set_slide_type(part, "subslide")
        if number < len(parts) - 1:
            part.outputs = []
        cells.append(part)
    return cells


def outputs_apart(cell):
    """``cell``, or its code and then its outputs on a screen of their own (tag
    ``outputs``: the code hidden) when the two together are taller than a screen."""
    if cell.cell_type != "code" or not cell.outputs or cell_height(cell) <= BUDGET:
        return [cell]
    outputs = nbformat.from_dict(cell)
    outputs.id = f"{cell.id}-outputs"
    set_slide_type(outputs, "subslide")
    outputs.metadata["tags"] = ["outputs"]
    code = nbformat.from_dict(cell)
    code.outputs = []
    return [code, outputs]


def continue_screens(cells):
    """Start a new screen before a cell that would run past the bottom of its own."""
    used = 0
    for cell in cells:
        if slide_type(cell) in {"slide", "subslide"}:
            used = 0
        if slide_type(cell) in {"skip", "notes"}:
            continue
        need = cell_height(cell)
        if used and used + need > BUDGET:
            set_slide_type(cell, "subslide")
            used = 0
        used += need


def cell_height(cell):
    """An estimate of ``cell``'s height on a deck's screen, in px."""
    tags = cell.metadata.get("tags", [])
    if "figure" in tags:
        return BUDGET
    if cell.cell_type == "markdown":
        return markdown_height(cell.source)
    code = 0 if "outputs" in tags else code_rows(cell.source) * CODE_LINE + 28
    return code + sum(output_height(o) for o in cell.get("outputs", []))


def markdown_blocks(source):
    """A markdown cell's blocks: paragraphs, list items, headings, tables, formulas."""
    blocks, in_math = [], False
    for line in source.splitlines():
        text = line.strip()
        row = text.startswith("|") and blocks and blocks[-1][-1:] and blocks[-1][
            -1].startswith("|")  # a table's next row stays in the table
        opens = re.match(r"#|[-*] |\||\$\$|\d+\. ", text) and not row
        starts = not in_math and (not blocks or not text or opens or not blocks[-1])
        if starts:
            blocks.append([])
        if text:
            blocks[-1].append(text)
        if text.startswith("$$") or in_math:
            in_math = (not in_math and not (len(text) > 2 and text.endswith("$$"))) or (
                in_math and not text.endswith("$$"))
    return [block for block in blocks if block]


def block_height(block):
    """An estimate of a markdown block's height on a deck's screen, in px."""
    first = block[0]
    if first.startswith("$$"):
        return 40 + 30 * len(block)
    if first.startswith("#"):
        return {1: 76, 2: 66}.get(len(first) - len(first.lstrip("#")), 56)
    if first.startswith("|"):
        return 44 * len(block)
    indent = 40 if re.match(r"([-*]|\d+\.) ", first) else 0
    return text_height(" ".join(block), TEXT_WIDTH - indent) + (0 if indent else 8)


def markdown_height(source):
    """An estimate of a markdown cell's height: headings, prose, tables, formulas."""
    return 12 + sum(block_height(block) for block in markdown_blocks(source))


def split_markdown(cell):
    """``cell``, or its parts when it is taller than a screen: cut between blocks."""
    if cell.cell_type != "markdown" or markdown_height(cell.source) <= BUDGET or (
            slide_type(cell) in {"skip", "notes"}):
        return [cell]
    parts, used = [[]], 0
    for block in markdown_blocks(cell.source):
        need = block_height(block)
        if parts[-1] and used + need > BUDGET - 12:
            parts.append([])
            used = 0
        parts[-1].append(block)
        used += need
    cells = []
    for number, blocks in enumerate(parts):
        part = nbformat.from_dict(cell)
        part.source = "\n\n".join("\n".join(block) for block in blocks)
        if number:
            part.id = f"{cell.id}-part{number + 1}"
            set_slide_type(part, "subslide")
        cells.append(part)
    return cells


def output_height(output):
    """An estimate of an output's height: a table's rows, or lines of text."""
    data = output.get("data", {})
    if "text/html" in data:
        return 46 * max(1, "".join(data["text/html"]).count("<tr")) + 24
    text = "".join(output.get("text", "") or data.get("text/plain", ""))
    if output.get("output_type") == "error":
        text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(output.traceback))
    return code_rows(text, OUTPUT_COLUMNS) * CODE_LINE + 24


def screens(cells):
    """``cells`` grouped by screen: a new one starts at each slide and subslide."""
    groups = []
    for cell in cells:
        if not groups or slide_type(cell) in {"slide", "subslide"}:
            groups.append([])
        groups[-1].append(cell)
    return groups


def notes_on_every_screen(nb):
    """Give every screen of a section the section's speaker notes, in place.

    reveal.js shows in its speaker view only the notes of the screen on show; a notes
    cell is written once per section, so the section's other screens get a copy (of
    the notes last seen, or on the screens before them, of its first notes).
    """
    groups = screens(nb.cells)
    cells, notes, first = [], None, True
    for number, screen in enumerate(groups):
        if slide_type(screen[0]) == "slide":
            section = [*groups[number:number + 1], *takewhile(
                lambda g: slide_type(g[0]) != "slide", groups[number + 1:])]
            notes = next((c for g in section for c in g if slide_type(c) == "notes"),
                         None)
            first = True
        own = [c for c in screen if slide_type(c) == "notes"]
        if own or notes is None:
            notes = own[-1] if own else notes
            first = first and not own
            cells.extend(screen)
            continue
        copy = nbformat.v4.new_markdown_cell(
            ("" if first else "*(Continued.)*\n\n") + notes.source,
            metadata={"slideshow": {"slide_type": "notes"}})
        copy.id = f"{notes.id}-continued-{screen[0].id}"
        cells.extend([screen[0], copy, *screen[1:]])
    nb.cells = cells
