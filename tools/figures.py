"""Figures in the decks and on the site: their descriptions and their PNGs' facts.

Figure descriptions are written once, in the notebook: the markdown cell right after a
figure, starting with ``**Figure.**``. Screen readers in JupyterLab read it in place;
the decks and the site copy it into the figure's alternative text.
"""

import base64
import re
from html import escape

FIGURE = "**Figure.** "

# matplotlib's animation player: its stylesheet link, its frame and its slider.
ANIM_FA = re.compile(r'<link rel="stylesheet"\s+href="https://[^"]*font-awesome[^"]*">')
ANIM_IMG = re.compile(r'<img id="(_anim_img\w+)">')
ANIM_SLIDER = re.compile(r'(<input id="_anim_slider\w+" type="range")')


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


def png_size(data):
    """(width, height) of a base64 PNG, from its header."""
    header = base64.b64decode(data[:44])
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def png_dpi(data):
    """The dots per inch a base64 PNG records (its pHYs chunk), or 100."""
    raw = base64.b64decode(data)
    at = raw.find(b"pHYs")
    if at < 0:
        return 100
    per_metre = int.from_bytes(raw[at + 4:at + 8], "big")
    return round(per_metre * 0.0254)


def tick_size(output):
    """The tick labels' size in px at a PNG's own size: 10 pt at its dpi (100 if the
    PNG does not say)."""
    if "image/png" not in output.data:
        return 1
    return 10 / 72 * png_dpi(output.data["image/png"])
