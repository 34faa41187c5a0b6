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

    python -m tools.publish slides [--out build/slides] [NN ...]
    python -m tools.publish site [--out build/site]
"""

import argparse
import base64
import re
import shutil
import subprocess
import sys
from html import escape
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
    html = ANIM_FA.sub(f'<link rel="stylesheet" href="{font_awesome}">', html)
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
        nb = nbformat.read(path, as_version=4)
        describe_figures(nb, "_assets/font-awesome/css/font-awesome.min.css")
        mark_wide_figures(nb)
        notes_on_every_screen(nb)
        html, _ = exporter.from_notebook_node(nb, resources={"metadata": {
            "name": path.stem}})
        target = out / f"{path.stem}.slides.html"
        target.write_text(html, encoding="utf-8")
        written.append(target)
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
    """Repeat a section's speaker notes on each later screen of the section, in place.

    reveal.js shows in its speaker view only the notes of the screen on show; a notes
    cell is written once per section, so later screens would show none.
    """
    cells, notes = [], None
    for screen in screens(nb.cells):
        if slide_type(screen[0]) == "slide":
            notes = None
        own = [c for c in screen if slide_type(c) == "notes"]
        if own or notes is None:
            notes = own[-1] if own else notes
            cells.extend(screen)
            continue
        copy = nbformat.v4.new_markdown_cell(
            "*(Continued.)*\n\n" + notes.source,
            metadata={"slideshow": {"slide_type": "notes"}})
        copy.id = f"{notes.id}-continued-{screen[0].id}"
        cells.extend([screen[0], copy, *screen[1:]])
    nb.cells = cells


def png_size(data):
    """(width, height) of a base64 PNG, from its header."""
    header = base64.b64decode(data[:44])
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def mark_wide_figures(nb, ratio=1.8):
    """Tag the code cells whose figure is wide: the decks show it under its code, at
    full width, instead of beside it (``celltag_wide-figure`` in coursekit.css)."""
    for cell in nb.cells:
        for output in figure_outputs(cell) if cell.cell_type == "code" else []:
            if "image/png" in output.data:
                width, height = png_size(output.data["image/png"])
                if width > ratio * height:
                    cell.metadata.setdefault("tags", []).append("wide-figure")
                    break


def site_notebook(path, font_awesome):
    """The site's copy of a notebook: described figures, no speaker notes, solutions
    behind a toggle."""
    nb = nbformat.read(path, as_version=4)
    describe_figures(nb, font_awesome)
    nb.cells = [c for c in nb.cells if slide_type(c) != "notes"]
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            tags = cell.metadata.setdefault("tags", [])
            tags.append("hide-input")
    return nb


def build_site(out):
    """Build the course website with Sphinx and MyST-NB into ``out``; return it."""
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
    (source / "guide.md").write_text(site_links(ROOT / "GUIDE.md"), encoding="utf-8")
    # The home page is the README, with the course's table of contents.
    toc = "\n".join([":::{toctree}", ":caption: Notebooks", ":hidden:", "", *pages,
                     ":::", "", ":::{toctree}", ":caption: Teaching", ":hidden:", "",
                     "guide", ":::", ""])
    (source / "index.md").write_text(site_links(ROOT / "README.md") + "\n" + toc,
                                     encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b",
                    "html", "-d", str(source / "_doctrees"), str(source), str(out)],
                   check=True)
    return out


def site_links(doc):
    """A Markdown file of the repository, its links rewritten for the site."""
    text = doc.read_text(encoding="utf-8")
    # A notebook of the course with solutions is a page of the site; the student
    # edition is not on the site (its link becomes its text); the guide is guide.md.
    text = re.sub(r"\]\((?:notebooks/)?solutions/(\d\d_\w+)\.ipynb\)", r"](\1.ipynb)",
                  text)
    text = re.sub(r"\[([^]]+)\]\(notebooks/\d\d_\w+\.ipynb\)", r"\1", text)
    return text.replace("](GUIDE.md", "](guide.md")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["slides", "site"])
    parser.add_argument("numbers", nargs="*", help="notebook numbers (slides only)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = (args.out or ROOT / "build" / args.what).resolve()
    if args.what == "slides":
        for path in build_slides(out, args.numbers):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    else:
        print(build_site(out) / "index.html")


if __name__ == "__main__":
    main()
