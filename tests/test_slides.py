"""The slide decks (``make slides``): built offline, checked in a real browser.

The decks are built in a network namespace with only loopback (where Linux allows one;
a warm run reuses them while their inputs are unchanged, see ``tests/browser.built``),
then each is opened from the file system in headless Chromium
with every request outside the machine refused.
"""

import functools
import json
import re

import nbformat
import pytest

from tests.browser import built, node_assets, remembered, serious
from tools.course import NOTEBOOKS, slide_type
from tools.figures import describe_figures, png_dpi
from tools.layout import lay_out, screens

WIDTH, HEIGHT = 1280, 720

# Every leaf slide, shown in turn with its fragments once MathJax's queue is idle, as
# the room sees it at the deck's scale: its height and first words; the smallest type
# of its prose and of its code; each figure's width (a share of the slide's) and scale
# (shown / natural width) with the start of its PNG (for its dpi); the code and output
# boxes that scroll or run off the slide, and text past its right margin; the text and
# figures under a control (the navigation arrows, the slide number, the progress bar).
MEASURE = """async () => {
  // Everything on a leaf slide, as the room sees it at the deck's scale.
  const scale = Reveal.getScale();
  const shown = el => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") return false;
    }
    return true;
  };
  const rects = el => Array.from(el.getClientRects()).filter(
    r => r.width > 0 && r.height > 0);
  const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 &&
                             a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const controls = () => Array.from(document.querySelectorAll(
      ".reveal .controls button, .reveal .slide-number, .reveal .progress"))
    .filter(shown).flatMap(rects);
  const seen = [];
  for (const slide of Reveal.getSlides()) {
    const i = Reveal.getIndices(slide);
    Reveal.slide(i.h, i.v, 1000);
    await new Promise(done => MathJax.Hub.Queue(done));
    const box = slide.getBoundingClientRect();
    const found = {h: i.h, v: i.v || 0, height: slide.scrollHeight,
                   text: slide.innerText.trim().split("\\n")[0].slice(0, 70),
                   body: [], code: [], figures: [], clipped: [], covered: []};
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    const bars = controls();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // Formulas are measured by their surroundings (an exponent is meant smaller).
      if (!node.textContent.trim() || !shown(el) || el.closest(
          "aside.notes, .MathJax_CHTML, .MathJax_Preview, script, style")) continue;
      const size = Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10)
        / 10;
      (el.closest("pre, code") ? found.code : found.body).push(size);
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of rects(range)) {
        if (bars.some(b => overlaps(r, b)))
          found.covered.push(node.textContent.trim().slice(0, 40));
        // Past the slide's right margin (32 px), text is cut or off the screen.
        if (r.right > box.right - 30 * scale)
          found.clipped.push(node.textContent.trim().slice(0, 40));
      }
    }
    for (const img of slide.querySelectorAll(".jp-RenderedImage img, .animation img")) {
      if (!shown(img)) continue;
      const r = img.getBoundingClientRect();
      found.figures.push({width: r.width / box.width, height: r.height / box.height,
                          scale: r.width / img.naturalWidth,
                          head: (img.src.split(",")[1] || "").slice(0, 400)});
      if (bars.some(b => overlaps(r, b))) found.covered.push("figure");
    }
    for (const pre of slide.querySelectorAll("pre")) {
      if (!shown(pre) || pre.closest("aside.notes")) continue;
      const r = pre.getBoundingClientRect();
      if (pre.scrollHeight > pre.clientHeight + 2
          || pre.scrollWidth > pre.clientWidth + 2
          || r.bottom > box.top + Reveal.getConfig().height * scale + 2
          || r.right > box.right + 2)
        found.clipped.push(pre.innerText.trim().split("\\n")[0].slice(0, 50));
    }
    // A screen with nothing on it: no text (notes are hidden), no figure.
    found.empty = !slide.innerText.trim() && !found.figures.length;
    // A markdown table shown as paragraphs of "|" text.
    found.raw_tables = Array.from(slide.querySelectorAll("p")).filter(
      p => shown(p) && /^\\|.*\\|$/.test(p.innerText.trim())).length;
    found.body = found.body.length ? Math.min(...found.body) : null;
    found.code = found.code.length ? Math.min(...found.code) : null;
    seen.push(found);
  }
  return seen;
}"""
# Every slide and fragment on screen at once, one under the other, for axe-core.
ALL_SLIDES = """.reveal .slides, .reveal .slides section, .reveal .fragment {
  display: block !important; position: relative !important;
  visibility: visible !important;
  opacity: 1 !important; transform: none !important; top: 0 !important;
  overflow: visible !important; height: auto !important; }"""
# What the speaker view (`S`) shows of each screen's notes that is still Markdown's bold
# (`**Time:**`; code such as `x ** 2` aside): reveal.js' notes plugin sends the
# innerHTML of the screen's notes to a window without the deck's stylesheets, where
# all of its text shows but scripts and styles.
RAW_NOTES = """() => Reveal.getSlides().map(s => {
  const doc = new DOMParser().parseFromString(Reveal.getSlideNotes(s) || "",
                                              "text/html");
  doc.querySelectorAll("script, style, code").forEach(e => e.remove());
  return doc.body.textContent.trim();
}).filter(text => /\\*\\*[^*\\n]+\\*\\*/.test(text)).map(text => text.slice(0, 80))"""
# MathJax 2 signals through its queue when it has typeset the page.
TYPESET = """() => new Promise(done => MathJax.Hub.Queue(() => done({
  typeset: document.querySelectorAll(".MathJax_CHTML").length,
  errors: document.querySelectorAll(".MathJax_Error, .mjx-merror").length})))"""


@pytest.fixture(scope="module")
def decks():
    node_assets()
    return built("slides", "--no-pdf")


@pytest.fixture(scope="module")
def shown(browser, decks):
    """A deck's findings, looked at once, on first use (no browser: skip, unbuilt)."""
    def once(path):
        deck = decks / f"{path.stem}.slides.html"
        return remembered(f"slides-{path.stem}", [deck], __file__,
                          lambda: look(browser, deck))

    return functools.cache(once)


def look(browser, deck):
    visit = browser.visit(deck.as_uri(), WIDTH, HEIGHT)
    page, name = visit.page, deck.name.removesuffix(".slides.html")
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    math = page.evaluate(TYPESET)
    visit.screenshot(f"slides/{name}-title.png")
    slides = page.evaluate(MEASURE)
    # A picture of each slide that fails a measure, to see what to change, and of the
    # first screen with a figure and the first with code, to see what the room sees.
    bad = [s for s in slides if problems(s)]
    first = [(next((s for s in slides if s[kind]), None), kind)
             for kind in ("figures", "code")]
    for s, what in [*((s, "problem") for s in bad), *first]:
        if s:
            page.evaluate(f"Reveal.slide({s['h']}, {s['v']}, 1000)")
            visit.screenshot(f"slides/{name}-{what}-{s['h'] + 1}.{s['v'] + 1}.png")
    notes = page.evaluate("""() => Array.from(document.querySelectorAll(
        "aside.notes")).map(a => getComputedStyle(a).display)""")
    alts = page.evaluate("() => Array.from(document.images).map(i => i.alt)")
    # matplotlib's player: its buttons' icons need Font Awesome, served by the deck.
    player = page.evaluate("""() => !document.querySelector(".animation") || (
      Array.from(document.fonts).some(f => f.family.replace(/"/g, "") === "FontAwesome"
                                           && f.status === "loaded") &&
      !!document.querySelector(".animation input[type=range]").ariaLabel)""")
    # The speaker view shows the notes of the screen on show: every screen needs some.
    bare = page.evaluate("""() => Reveal.getSlides().filter(
        s => !s.querySelector("aside.notes")).map(s => Reveal.getIndices(s))""")
    raw_notes = page.evaluate(RAW_NOTES)
    page.add_style_tag(content=ALL_SLIDES)  # axe checks only what is on screen
    contrast = serious(visit.axe(["color-contrast"]))
    visit.close()
    return dict(external=visit.external, errors=visit.errors, math=math, slides=slides,
                notes=notes, bare=bare, raw_notes=raw_notes, alts=alts,
                contrast=contrast, player=player)


def tick_labels(figure):
    """The tick labels' size as shown (px): 10 pt at the PNG's dpi, times its scale."""
    return 10 / 72 * png_dpi(figure["head"]) * figure["scale"]


def problems(s):
    """What keeps a slide from being read from the back row (empty if nothing).

    A figure is at least 60% of the slide's width, its tick labels at least 14 px,
    unless the screen is full: then the figure is as large as the screen allows."""
    full = s["height"] >= 0.9 * HEIGHT
    found = [f"{s['height']} px tall" for _ in [1] if s["height"] > HEIGHT]
    found += [f"{kind} at {s[kind]} px" for kind in ("body", "code")
              if s[kind] is not None and s[kind] < 24]
    for f in s["figures"]:
        if f["width"] < 0.6 and not full:
            found.append(f"a figure {f['width']:.0%} of the slide's width")
        if tick_labels(f) < 14 and not (full or f["width"] > 0.9):
            found.append(f"tick labels at {tick_labels(f):.1f} px")
    found += ["nothing on screen"] * s["empty"]
    found += [f"{s['raw_tables']} table rows shown as text"] * bool(s["raw_tables"])
    found += [f"code cut off: {c!r}" for c in s["clipped"]]
    found += [f"under a control: {c!r}" for c in s["covered"]]
    return found


def cells(path):
    return nbformat.read(path, as_version=4).cells


def has_math(path):
    return any(c.cell_type == "markdown" and "$" in c.source for c in cells(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_cell_has_a_slide_type_and_every_section_speaker_notes(path):
    nb_cells = cells(path)
    missing = [c.get("id") for c in nb_cells if slide_type(c) is None]
    assert not missing, f"cells without slideshow metadata: {missing}"
    assert slide_type(nb_cells[0]) == "slide"
    slides = sum(slide_type(c) == "slide" for c in nb_cells)
    notes = [c for c in nb_cells if slide_type(c) == "notes"]
    assert len(notes) >= slides, f"{slides} slides, only {len(notes)} speaker notes"
    for note in notes:
        assert note.source.startswith("**Speaker notes.**"), note.get("id")
        assert "**Time:** " in note.source and "**Ask the room:**" in note.source, (
            note.get("id"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_screen_of_the_laid_out_deck_shows_something(path):
    """Laid out for the decks (without a browser): every screen holds visible code,
    text or an output, ids stay unique, and a table cut from its text keeps its rows
    together."""
    nb = nbformat.read(path, as_version=4)
    describe_figures(nb, "font-awesome.css")
    tables = [c.source for c in nb.cells if c.cell_type == "markdown"
              and "\n|" in c.source]
    lay_out(nb)
    ids = [c.id for c in nb.cells]
    assert len(ids) == len(set(ids)), "two cells share an id"
    for screen in screens(nb.cells):
        shown = [c for c in screen if slide_type(c) not in {"skip", "notes"}]
        visible = [c for c in shown if c.cell_type == "markdown" and c.source.strip()
                   or c.cell_type == "code" and (c.get("outputs") or not {
                       "figure", "outputs"} & set(c.metadata.get("tags", [])))]
        assert visible, f"an empty screen at {screen[0].id}"
    rows = {line for table in tables for line in table.splitlines()
            if line.startswith("|")}
    for cell in nb.cells:
        for block in cell.source.split("\n\n") if cell.cell_type == "markdown" else []:
            lines = block.splitlines()
            assert not (len(lines) == 1 and lines[0] in rows), (
                f"a table cut into paragraphs in {cell.id}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_deck_is_offline_typeset_and_error_free(shown, path):
    deck = shown(path)
    assert deck["external"] == [], "requests outside the machine"
    assert deck["errors"] == [], "console errors"
    if has_math(path):
        assert deck["math"]["typeset"] > 0, "formulas left as raw LaTeX"
    assert deck["math"]["errors"] == 0, "MathJax could not typeset some formulas"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_slide_reads_from_the_back_row(shown, path):
    """At 1280 x 720: nothing past the bottom, text and code at 24 px or more, figures
    large, no code cut off or scrolling, nothing under the controls."""
    slides = shown(path)["slides"]
    found = [f"slide {s['h'] + 1}.{s['v'] + 1} ({s['text']!r}): "
             + "; ".join(problems(s)) for s in slides if problems(s)]
    assert not found, f"{len(found)} of {len(slides)} slides:\n" + "\n".join(found)
    assert any(s["figures"] for s in slides) == any(
        "image/png" in o.get("data", {})
        for c in cells(path) for o in c.get("outputs", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exercises_show_without_nbgrader_marks(decks, path):
    """A solution shows as the code it is: nbgrader's marks stay in the source."""
    assert any("### BEGIN SOLUTION" in c.source for c in cells(path))
    html = (decks / f"{path.stem}.slides.html").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in html and "END SOLUTION" not in html


def test_index_lists_every_deck(decks):
    html = (decks / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)"', html) == [f"{p.stem}.slides.html"
                                                   for p in NOTEBOOKS]


def test_a_deck_prints_to_a_pdf_a_page_a_screen(shown):
    """``python -m tools.publish slides 02`` prints the deck to a PDF with Chromium
    (``make slides`` prints every deck), linked from the index: one page a screen."""
    path = NOTEBOOKS[1]
    printed = built("slides", path.stem[:2], name="slides-pdf")
    html = (printed / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]+)"', html) == [f"{path.stem}.slides.html",
                                                   f"{path.stem}.pdf"]
    pdf = (printed / f"{path.stem}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages == len(shown(path)["slides"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notes_hidden_figures_described_colours_readable(shown, path):
    deck = shown(path)
    assert deck["notes"] and set(deck["notes"]) == {"none"}, "speaker notes on screen"
    assert deck["bare"] == [], "screens whose speaker view would show no notes"
    assert deck["raw_notes"] == [], "speaker notes with Markdown's bold marks"
    assert all(deck["alts"]), "an image without a description"
    assert deck["player"], "the animation's icons or its slider's label are missing"
    assert deck["contrast"] == [], json.dumps(deck["contrast"], indent=1)
