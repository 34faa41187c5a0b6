"""Publish the course offline: reveal.js decks (``make slides``) and a website
(``make site``).

Both are built from the committed notebooks in ``notebooks/solutions/`` without running
them, and load nothing from the internet: reveal.js, require.js, jQuery, MathJax and
Font Awesome come from ``node_modules/`` (``package-lock.json`` pins them; ``npm ci``
installs them) and are copied next to the pages, so that the output folder opens from a
USB stick.

Figure descriptions are written once, in the notebook: the markdown cell right after a
figure, starting with ``**Figure.**``. Screen readers in JupyterLab read it in place;
this tool copies it into the figure's alternative text for the decks and the site.

    python -m tools.publish slides [--out build/slides] [--no-pdf] [NN ...]
    python -m tools.publish site [--instructor] [--out build/site]
"""

import argparse
import base64
import json
import math
import os
import re
import shutil
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from itertools import takewhile
from pathlib import Path

import nbformat

from tools.course import NOTEBOOKS, ROOT, SOLUTIONS, slide_type

NODE = ROOT / "node_modules"
TEMPLATES = ROOT / "publish"
FIGURE = "**Figure.** "

# What each output needs from node_modules (source, destination under _assets/).
MATHJAX2 = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js",
            "extensions", "jax/input/TeX", "jax/output/CommonHTML", "jax/element",
            "fonts/HTML-CSS/TeX/woff", "localization/en"]
SLIDE_ASSETS = [("reveal.js/dist", "reveal.js/dist"),
                ("reveal.js/plugin/notes", "reveal.js/plugin/notes"),
                ("requirejs/require.js", "require.js"),
                ("jquery/dist/jquery.min.js", "jquery.min.js"),
                ("font-awesome/css", "font-awesome/css"),
                ("font-awesome/fonts", "font-awesome/fonts"),
                *((f"mathjax/{p}", f"MathJax/{p}") for p in MATHJAX2)]
SITE_ASSETS = [("mathjax3/es5/tex-mml-chtml.js", "mathjax/tex-mml-chtml.js"),
               ("mathjax3/es5/output/chtml/fonts/woff-v2",
                "mathjax/output/chtml/fonts/woff-v2"),
               ("font-awesome/css", "font-awesome/css"),
               ("font-awesome/fonts", "font-awesome/fonts")]

# matplotlib's animation player: its stylesheet link, its frame and its slider.
ANIM_FA = re.compile(r'<link rel="stylesheet"\s+href="https://[^"]*font-awesome[^"]*">')
ANIM_IMG = re.compile(r'<img id="(_anim_img\w+)">')
ANIM_SLIDER = re.compile(r'(<input id="_anim_slider\w+" type="range")')


def notebooks(numbers=()):
    """The course notebooks in order, or those whose number is in ``numbers``."""
    paths = NOTEBOOKS
    if numbers:
        paths = [p for p in paths if p.name[:2] in {f"{int(n):02d}" for n in numbers}]
    if not paths:
        raise SystemExit(f"No notebooks {' '.join(numbers)} in {SOLUTIONS}.")
    return paths


def plain(markdown):
    """A markdown description as plain text for an ``alt`` attribute."""
    text = markdown.removeprefix(FIGURE)
    text = re.sub(r"\*\*|`|\$", "", text)
    return " ".join(text.split())


def figure_outputs(cell):
    """The outputs of a code cell that draw a figure: PNGs or matplotlib's player."""
    return [o for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
            or "_anim_img" in "".join(o.get("data", {}).get("text/html", ""))]


def describe_figures(nb, font_awesome):
    """Give every figure in ``nb`` its description as alternative text, in place.

    ``font_awesome`` is the local stylesheet the animation player's buttons need. A
    figure without a description is an error.
    """
    for cell, after in zip(nb.cells, [*nb.cells[1:], None], strict=True):
        outputs = figure_outputs(cell) if cell.cell_type == "code" else []
        if not outputs:
            continue
        if after is None or not after.source.startswith(FIGURE):
            raise ValueError(f"Cell {cell.get('id')} draws a figure with no {FIGURE!r} "
                             "markdown cell right after it: describe the figure there.")
        alt = plain(after.source)
        cell.metadata.setdefault("mystnb", {})["image"] = {"alt": alt}  # for the site
        for output in outputs:
            if "image/png" in output.data:
                output.metadata.setdefault("image/png", {})["alt"] = alt
            else:
                output.data["text/html"] = animation_html(
                    "".join(output.data["text/html"]), alt, font_awesome)


def animation_html(html, alt, font_awesome):
    """matplotlib's ``to_jshtml`` player, offline and labelled for screen readers."""
    # Its buttons' icons need Font Awesome: the decks and the site serve their own.
    html = f'<link rel="stylesheet" href="{font_awesome}">\n' + ANIM_FA.sub("", html)
    html = ANIM_IMG.sub(lambda m: f'<img id="{m[1]}" alt="{escape(alt)}">', html)
    return ANIM_SLIDER.sub(r'\1 aria-label="Frame of the animation"', html)


def copy_assets(assets, target):
    """Copy ``(source, destination)`` pairs from node_modules into ``target``."""
    missing = [src for src, _ in assets if not (NODE / src).exists()]
    if missing:
        raise SystemExit(f"Missing {', '.join(missing)} in {NODE}: run `npm ci` "
                         "(make slides and make site do) to install the pinned assets.")
    for src, dst in assets:
        source, dest = NODE / src, target / dst
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest)


def build_slides(out, numbers=()):
    """Write one reveal.js deck per notebook into ``out``; return their paths."""
    from nbconvert import SlidesExporter

    out.mkdir(parents=True, exist_ok=True)
    copy_assets(SLIDE_ASSETS, out / "_assets")
    shutil.copy2(TEMPLATES / "coursekit.css", out / "_assets" / "coursekit.css")
    exporter = SlidesExporter(
        extra_template_basedirs=[str(TEMPLATES)], template_name="slides",
        reveal_url_prefix="_assets/reveal.js", reveal_theme="white",
        reveal_transition="none",
        reveal_width="1280", reveal_height="720",
        require_js_url="_assets/require.js", jquery_url="_assets/jquery.min.js",
        mathjax_url="_assets/MathJax/MathJax.js?config=TeX-AMS_CHTML-full,Safe")
    written = []
    for path in notebooks(numbers):
        (out / f"{path.stem}.pdf").unlink(missing_ok=True)  # printed from an old deck
        nb = nbformat.read(path, as_version=4)
        describe_figures(nb, "_assets/font-awesome/css/font-awesome.min.css")
        lay_out(nb)
        html, _ = exporter.from_notebook_node(nb, resources={"metadata": {
            "name": path.stem}})
        target = out / f"{path.stem}.slides.html"
        target.write_text(html, encoding="utf-8")
        written.append(target)
    write_index(out)
    return written


def title(path):
    """A notebook's title: its first heading."""
    for cell in nbformat.read(path, as_version=4).cells:
        match = re.search(r"^#\s+(.+)$", cell.source, re.M)
        if cell.cell_type == "markdown" and match:
            return re.sub(r"[*`$]", "", match[1]).strip()
    return path.stem


def write_index(out):
    """``index.html``: the decks in ``out`` in course order, with their PDFs."""
    rows = []
    for path in notebooks():
        deck = out / f"{path.stem}.slides.html"
        if not deck.exists():
            continue
        pdf = out / f"{path.stem}.pdf"
        link = f' (<a href="{pdf.name}">PDF</a>)' if pdf.exists() else ""
        rows.append(f'<li><a href="{deck.name}">{escape(title(path))}</a>{link}</li>')
    index = INDEX.format(rows="\n".join(rows))
    (out / "index.html").write_text(index, encoding="utf-8")


INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>coursekit: the decks</title>
<style>body {{ font: 24px/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto;
padding: 0 1em; }} a {{ color: #0b57a4; }}</style></head>
<body><main><h1>coursekit: the decks</h1>
<p>One reveal.js deck per notebook, built from the committed notebooks; nothing is
fetched from the internet. In a deck: <kbd>Space</kbd> moves on, <kbd>S</kbd> opens the
speaker view, <kbd>F</kbd> shows it full screen.</p>
<ol>
{rows}
</ol></main></body></html>
"""


def chromium():
    """The system's Chromium (``CHROMIUM`` names another), or None."""
    for name in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def write_pdfs(decks):
    """Print each deck to a PDF beside it, one page a screen, with the system's
    Chromium through reveal.js' ``?print-pdf``; return them ([] without Chromium)."""
    executable = chromium()
    if executable is None:
        return []
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        # Offline: a deck needs nothing outside its folder.
        page.route("**/*", lambda route: route.continue_() if route.request.url.split(
            ":")[0] in {"file", "data"} else route.abort())
        for deck in decks:
            page.goto(deck.as_uri() + "?print-pdf")
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            page.evaluate("() => new Promise(done => MathJax.Hub.Queue(done))")
            pdf = deck.with_suffix("").with_suffix(".pdf")
            # Chromium adds an empty page after reveal.js' last one: print the screens.
            pages = page.evaluate("document.querySelectorAll('.pdf-page').length")
            page.pdf(path=str(pdf), width="1280px", height="720px",
                     page_ranges=f"1-{pages}", print_background=True,
                     prefer_css_page_size=True)
            written.append(pdf)
        browser.close()
    return written


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


def png_size(data):
    """(width, height) of a base64 PNG, from its header."""
    header = base64.b64decode(data[:44])
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")



# The decks' layout. The decks show text and code at 24 px (coursekit.css), on screens
# of 1280 x 720 where nothing scrolls; a notebook's own screens were written for
# JupyterLab, where a screen scrolls. So each deck is built from a copy of its notebook
# laid out again (lay_out): heights are estimated from the type sizes of coursekit.css,
# and the browser checks (tests/test_slides.py) measure the real ones.
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
        shown.id = f"{cell.id}-figure"
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


def tick_size(output):
    """The tick labels' size in px at a PNG's own size: 10 pt at its dpi (100 if the
    PNG does not say)."""
    if "image/png" not in output.data:
        return 1
    return 10 / 72 * png_dpi(output.data["image/png"])


def png_dpi(data):
    """The dots per inch a base64 PNG records (its pHYs chunk), or 100."""
    raw = base64.b64decode(data)
    at = raw.find(b"pHYs")
    if at < 0:
        return 100
    per_metre = int.from_bytes(raw[at + 4:at + 8], "big")
    return round(per_metre * 0.0254)


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
    if cell.cell_type != "code" or code_rows(cell.source) <= rows:
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
        opens = re.match(r"#|[-*] |\||\$\$|\d+\. ", text)
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


# nbgrader's marks around a solution: the student edition replaces what is between.
SOLUTION_MARKS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)


def site_notebook(path, font_awesome):
    """The site's copy of a notebook: described figures, no speaker notes, solutions
    behind a toggle named "Solution", without nbgrader's marks."""
    nb = nbformat.read(path, as_version=4)
    describe_figures(nb, font_awesome)
    nb.cells = [c for c in nb.cells if slide_type(c) != "notes"]
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.metadata.setdefault("tags", []).append("hide-input")
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show="Solution", code_prompt_hide="Hide the solution")
            cell.source = SOLUTION_MARKS.sub("", cell.source)
    return nb


def build_site(out, instructor=False):
    """Build the course website with Sphinx and MyST-NB into ``out``; return it.

    The students' site has the notebooks; the instructors' (``instructor``) adds the
    guide, with the answers to the questions asked in class."""
    source = out.parent / f"{out.name}-source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    copy_assets(SITE_ASSETS, source / "_static")
    shutil.copy2(TEMPLATES / "site" / "conf.py", source / "conf.py")
    for name in ["coursekit.js"]:
        shutil.copy2(TEMPLATES / "site" / name, source / "_static" / name)
    shutil.copy2(TEMPLATES / "coursekit.css", source / "_static" / "coursekit.css")
    pages = []
    for path in notebooks():
        nb = site_notebook(path, "_static/font-awesome/css/font-awesome.min.css")
        nbformat.write(nb, source / path.name)
        pages.append(path.stem)
    toc = [":::{toctree}", ":caption: Notebooks", ":hidden:", "", *pages, ":::", ""]
    if instructor:
        (source / "guide.md").write_text(site_links(ROOT / "GUIDE.md", instructor),
                                         encoding="utf-8")
        toc += [":::{toctree}", ":caption: Teaching", ":hidden:", "", "guide", ":::"]
    # The home page is the README, with the course's table of contents.
    (source / "index.md").write_text(
        site_links(ROOT / "README.md", instructor) + "\n" + "\n".join(toc),
        encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b",
                    "html", "-d", str(source / "_doctrees"), str(source), str(out)],
                   check=True)
    write_search_texts(out)
    return out


class PageText(HTMLParser):
    """The text of a built page's main content, section by section (id, text)."""

    SKIP = {"script", "style", "svg", "img"}

    def __init__(self):
        super().__init__()
        self.in_main, self.skipping, self.sections, self.open = 0, 0, [["", []]], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main" or attrs.get("role") == "main":
            self.in_main += 1
        if tag in self.SKIP or "headerlink" in (attrs.get("class") or ""):
            self.skipping += 1
            self.open.append(("skip", tag))
        elif tag == "section":
            self.sections.append([attrs.get("id", ""), []])
            self.open.append(("section", tag))

    def handle_endtag(self, tag):
        if self.open and self.open[-1][1] == tag:
            kind, _ = self.open.pop()
            self.skipping -= kind == "skip"

    def handle_data(self, data):
        if self.in_main and not self.skipping and data.strip():
            self.sections[-1][1].append(data.strip())


def write_search_texts(out):
    """``_static/search-texts.js``: each page's text, which the search page's snippets
    are cut from (Sphinx would fetch the pages, which a browser refuses on file://)."""
    pages = {}
    for page in sorted(out.glob("*.html")):
        if page.stem in {"search", "genindex"}:
            continue
        parser = PageText()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.name] = '<div role="main">' + "".join(
            f'<section id="{escape(name)}">{escape(" ".join(words))}</section>'
            for name, words in parser.sections if words) + "</div>"
    (out / "_static" / "search-texts.js").write_text(
        "window.courseSearchTexts = " + json.dumps(pages) + ";\n", encoding="utf-8")


def site_links(doc, instructor=False):
    """A Markdown file of the repository, its links rewritten for the site (the
    students' site has no guide: a link to it becomes its text)."""
    text = doc.read_text(encoding="utf-8")
    # A notebook of the course with solutions is a page of the site; the student
    # edition is not on the site (its link becomes its text); the guide is guide.md.
    text = re.sub(r"\]\((?:notebooks/)?solutions/(\d\d_\w+)\.ipynb\)", r"](\1.ipynb)",
                  text)
    text = re.sub(r"\[([^]]+)\]\(notebooks/\d\d_\w+\.ipynb\)", r"\1", text)
    if not instructor:
        return re.sub(r"\[([^]]+)\]\(GUIDE\.md[^)]*\)", r"\1", text)
    return text.replace("](GUIDE.md", "](guide.md")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["slides", "site"])
    parser.add_argument("numbers", nargs="*", help="notebook numbers (slides only)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-pdf", action="store_true",
                        help="slides: write the decks' HTML only, no PDFs")
    parser.add_argument("--instructor", action="store_true",
                        help="site: add the instructor's guide (not for students)")
    args = parser.parse_args(argv)
    out = (args.out or ROOT / "build" / args.what).resolve()
    if args.what == "slides":
        decks = build_slides(out, args.numbers)
        pdfs = [] if args.no_pdf else write_pdfs(decks)
        if pdfs:
            write_index(out)
        for path in [*decks, *pdfs, out / "index.html"]:
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        if not pdfs and not args.no_pdf:
            print("PDFs skipped: no Chromium found (install it, e.g. `sudo apt-get "
                  "install chromium`, or set CHROMIUM to a Chrome binary).")
    else:
        print(build_site(out, args.instructor) / "index.html")


if __name__ == "__main__":
    main()
