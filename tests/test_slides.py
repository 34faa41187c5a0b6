"""The slide decks (``make slides``): built offline, checked in a real browser.

The decks are built in a network namespace with only loopback (where Linux allows one;
a warm run reuses them while their inputs are unchanged, see ``tests/browser.built``),
then each is opened from the file system in headless Chromium
with every request outside the machine refused.
"""

import functools
import json

import nbformat
import pytest

from tests.browser import built, node_assets, serious
from tools.course import NOTEBOOKS, slide_type

WIDTH, HEIGHT = 1280, 720

# Every leaf slide, shown in turn once MathJax's queue is idle (the deck fits a slide
# to the screen in that queue when it is shown): its height, and its first words.
MEASURE = """async () => {
  const seen = [];
  for (const slide of Reveal.getSlides()) {
    const i = Reveal.getIndices(slide);
    Reveal.slide(i.h, i.v, -1);
    await new Promise(done => MathJax.Hub.Queue(done));
    seen.push({h: i.h, v: i.v || 0, height: slide.scrollHeight,
               text: slide.innerText.trim().split("\\n")[0].slice(0, 70)});
  }
  return seen;
}"""
# Every slide and fragment on screen at once, one under the other, for axe-core.
ALL_SLIDES = """.reveal .slides, .reveal .slides section, .reveal .fragment {
  display: block !important; position: relative !important;
  visibility: visible !important;
  opacity: 1 !important; transform: none !important; top: 0 !important;
  overflow: visible !important; height: auto !important; }"""
# MathJax 2 signals through its queue when it has typeset the page.
TYPESET = """() => new Promise(done => MathJax.Hub.Queue(() => done({
  typeset: document.querySelectorAll(".MathJax_CHTML").length,
  errors: document.querySelectorAll(".MathJax_Error, .mjx-merror").length})))"""


@pytest.fixture(scope="module")
def decks():
    node_assets()
    return built("slides")


@pytest.fixture(scope="module")
def shown(browser, decks):
    """A deck's findings, looked at once, on first use (no browser: skip, unbuilt)."""
    return functools.cache(
        lambda path: look(browser, decks / f"{path.stem}.slides.html"))


def look(browser, deck):
    visit = browser.visit(deck.as_uri(), WIDTH, HEIGHT)
    page, name = visit.page, deck.name.removesuffix(".slides.html")
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    math = page.evaluate(TYPESET)
    visit.screenshot(f"slides/{name}-title.png")
    slides = page.evaluate(MEASURE)
    for s in slides:  # a picture of each slide that overflows, to see what to split
        if s["height"] > HEIGHT:
            page.evaluate(f"Reveal.slide({s['h']}, {s['v']}, -1)")
            visit.screenshot(f"slides/{name}-overflow-{s['h'] + 1}.{s['v'] + 1}.png")
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
    page.add_style_tag(content=ALL_SLIDES)  # axe checks only what is on screen
    contrast = serious(visit.axe(["color-contrast"]))
    visit.close()
    return dict(external=visit.external, errors=visit.errors, math=math, slides=slides,
                notes=notes, bare=bare, alts=alts, contrast=contrast, player=player)


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
def test_deck_is_offline_typeset_and_error_free(shown, path):
    deck = shown(path)
    assert deck["external"] == [], "requests outside the machine"
    assert deck["errors"] == [], "console errors"
    if has_math(path):
        assert deck["math"]["typeset"] > 0, "formulas left as raw LaTeX"
    assert deck["math"]["errors"] == 0, "MathJax could not typeset some formulas"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_slide_overflows_the_screen(shown, path):
    over = [f"slide {s['h'] + 1}.{s['v'] + 1} ({s['height']} px): {s['text']!r}"
            for s in shown(path)["slides"] if s["height"] > HEIGHT]
    assert not over, f"{len(over)} slides taller than {HEIGHT} px:\n" + "\n".join(over)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notes_hidden_figures_described_colours_readable(shown, path):
    deck = shown(path)
    assert deck["notes"] and set(deck["notes"]) == {"none"}, "speaker notes on screen"
    assert deck["bare"] == [], "screens whose speaker view would show no notes"
    assert all(deck["alts"]), "an image without a description"
    assert deck["player"], "the animation's icons or its slider's label are missing"
    assert deck["contrast"] == [], json.dumps(deck["contrast"], indent=1)
