"""The reveal.js decks (``make slides``): one per notebook, an index, and a PDF per
deck printed by the system's Chromium.

Each deck is built from a copy of its committed notebook, without nbgrader's solution
marks, its figures described and laid out for a 1280 x 720 projector (tools/layout.py),
without running it; reveal.js, require.js, jQuery, MathJax 2 and Font Awesome are
copied beside the decks.
"""

import os
import re
import shutil
from html import escape

import nbformat

from tools.assets import TEMPLATES, copy_assets
from tools.course import NOTEBOOKS, SOLUTIONS, without_solution_marks
from tools.figures import describe_figures
from tools.layout import lay_out

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


def notebooks(numbers=()):
    """The course notebooks in order, or those whose number is in ``numbers``."""
    paths = NOTEBOOKS
    if numbers:
        paths = [p for p in paths if p.name[:2] in {f"{int(n):02d}" for n in numbers}]
    if not paths:
        raise SystemExit(f"No notebooks {' '.join(numbers)} in {SOLUTIONS}.")
    return paths


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
        for cell in nb.cells:  # a solution shows as the code it is
            if cell.cell_type == "code":
                cell.source = without_solution_marks(cell.source)
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
