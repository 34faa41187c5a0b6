"""The course website (``make site``): built offline, every page checked in a browser.

The site is built in a network namespace with only loopback (where Linux allows one; a
warm run reuses it while its inputs are unchanged, see ``tests/browser.built``), then
every page is opened from the file system in headless Chromium
with every request outside the machine refused, and audited with axe-core.
"""

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from tests.browser import built, node_assets, remembered, serious
from tools.course import NOTEBOOKS

PAGES = ["index", *(p.stem for p in NOTEBOOKS), "search", "genindex"]
# MathJax 3 resolves this promise once it has typeset the page.
TYPESET = """() => MathJax.startup.promise.then(() => ({
  typeset: document.querySelectorAll("mjx-container").length,
  errors: document.querySelectorAll("mjx-merror").length}))"""
LINKS = """() => Array.from(document.querySelectorAll("a[href]"), a => a.href)"""
# Display formulas wider than their box that do not scroll: the reader loses their end.
CUT = """() => Array.from(document.querySelectorAll('mjx-container[display="true"]'))
  .filter(m => m.scrollWidth > m.clientWidth + 1
               && !["auto", "scroll"].includes(getComputedStyle(m).overflowX))
  .map(m => m.textContent.slice(0, 60))"""
IMAGES = """() => Array.from(document.querySelectorAll("main img"),
  i => ({alt: i.alt, shown: i.complete && i.naturalWidth > 0}))"""


@pytest.fixture(scope="module")
def site():
    node_assets()
    return built("site")


@pytest.fixture(scope="module")
def seen(browser, site):
    """A page's findings, looked at once, on first use (no browser: skip, unbuilt)."""
    def once(name):
        page = site / f"{name}.html"
        # The search page finds its results in the site's index.
        loads = [page, *([site / "searchindex.js"] if name == "search" else [])]
        return remembered(f"site-{name}", loads, __file__, lambda: look(browser, page))

    return functools.cache(once)


def look(browser, path):
    # The search page is looked at with a query, and its results are audited too.
    query = "?q=gradient" if path.stem == "search" else ""
    visit = browser.visit(path.as_uri() + query)
    page = visit.page
    if query:  # a result, and the snippet cut from its page
        page.locator("#search-results li p.context").first.wait_for(timeout=60_000)
    math = page.evaluate(TYPESET) if page.evaluate("!!window.MathJax") else None
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    found = dict(math=math, links=page.evaluate(LINKS), images=page.evaluate(IMAGES),
                 cut=page.evaluate(CUT) if math else [],
                 axe=serious(visit.axe(), impacts=None), external=visit.external,
                 errors=visit.errors)
    if path.stem == "06_neuron":
        found["player"] = page.evaluate(PLAYER)
    if query:
        found["hits"] = page.evaluate(
            "() => Array.from(document.querySelectorAll('#search-results li a'), "
            "a => a.href)")
        found["snippets"] = page.evaluate(
            "() => Array.from(document.querySelectorAll('#search-results li'), "
            "li => (li.querySelector('p.context') || {}).textContent || '')")
    visit.screenshot(f"site/{path.stem}.png")
    visit.close()
    return found


def has_math(path):
    cells = nbformat.read(path, as_version=4).cells
    return any(c.cell_type == "markdown" and "$" in c.source for c in cells)


def test_site_has_a_page_per_notebook_and_no_guide(site):
    built = sorted(p.stem for p in site.glob("*.html"))
    assert built == sorted(PAGES)
    assert 'href="guide.html' not in (site / "index.html").read_text(encoding="utf-8")
    assert not list(site.rglob("*.ipynb")) or all(
        p.parent.name == "_sources" for p in site.rglob("*.ipynb"))


@pytest.mark.parametrize("name", PAGES)
def test_page_offline_accessible_and_error_free(seen, name):
    page = seen(name)
    assert page["external"] == [], "requests outside the machine"
    assert page["errors"] == [], "console errors"
    # No axe-core finding of any impact, not only the critical and serious ones.
    assert page["axe"] == [], "axe-core violations"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_formulas_typeset_and_figures_described(seen, path):
    page = seen(path.stem)
    if has_math(path):
        assert page["math"]["typeset"] > 0, "formulas left as raw LaTeX"
    assert page["math"] is None or page["math"]["errors"] == 0
    assert page["cut"] == [], "formulas cut off at the page's edge"
    nb = nbformat.read(path, as_version=4)
    figures = sum("image/png" in o.get("data", {}) for c in nb.cells
                  for o in c.get("outputs", []))
    described = [i for i in page["images"] if i["alt"] and i["shown"]]
    assert len(described) >= figures, f"{figures} figures, {len(described)} described"
    assert all(i["alt"] for i in page["images"]), "an image without a description"


@pytest.mark.parametrize("name", PAGES)
def test_internal_links_resolve(seen, site, name):
    broken = []
    for href in seen(name)["links"]:
        url = urlparse(href)
        if url.scheme != "file":
            continue
        target = Path(unquote(url.path))
        if not target.exists():
            broken.append(href)
        elif url.fragment and target.suffix == ".html":
            ids = set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8")))
            if unquote(url.fragment) not in ids:
                broken.append(href)
    assert not broken, "broken links:\n" + "\n".join(sorted(set(broken)))


# matplotlib's player in notebook 06: its controls, as a reader meets them.
PLAYER = """() => {
  const slider = document.querySelector(".animation input[type=range]");
  const buttons = Array.from(document.querySelectorAll(".anim-buttons button"));
  return {
    slider: slider && slider.getAttribute("aria-label"),
    frame: document.querySelector(".animation img").alt,
    // The theme's Font Awesome 6 script draws each icon as an SVG; a Font Awesome 4
    // icon (<i>) is drawn only once its font has loaded.
    buttons: buttons.map(b => ({
      name: b.getAttribute("aria-label"),
      icon: b.firstElementChild.tagName.toLowerCase(),
      width: b.firstElementChild.getBoundingClientRect().width})),
    font: Array.from(document.fonts).some(
      f => f.family.replace(/"/g, "") === "FontAwesome" && f.status === "loaded"),
  };
}"""


def test_animation_controls_visible_and_labelled(seen):
    player = seen("06_neuron")["player"]
    assert player["slider"], "the slider has no label"
    assert player["frame"], "the animation has no description"
    assert len(player["buttons"]) == 9
    assert all(b["name"] for b in player["buttons"]), "a button without a name"
    # Every icon is drawn (Font Awesome is served by the site), not an empty box.
    assert all(b["width"] > 0 for b in player["buttons"])
    assert all(b["icon"] == "svg" or player["font"] for b in player["buttons"])


def test_search_works_offline(seen):
    search = seen("search")  # opened with ?q=gradient
    assert search["external"] == [] and search["errors"] == []
    assert any("06_neuron.html" in h for h in search["hits"])
    # Every result has a snippet of its page around the word looked for.
    assert search["snippets"] and all("gradient" in s.lower()
                                      for s in search["snippets"]), search["snippets"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_solutions_behind_a_toggle_and_no_speaker_notes(site, path):
    html = (site / f"{path.stem}.html").read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    solutions = sum(bool(c.metadata.get("nbgrader", {}).get("solution"))
                    for c in nb.cells)
    assert solutions >= 3
    assert html.count('class="cell tag_hide-input') == solutions
    # Each behind a toggle named for what it hides, without nbgrader's marks.
    toggles = re.findall(r"<summary[^>]*>\s*<(?:span|p)[^>]*>\s*Solution\s*<", html)
    assert len(toggles) == solutions, "the toggles do not say Solution"
    assert "BEGIN SOLUTION" not in html and "END SOLUTION" not in html
    assert "**Speaker notes.**" not in html and "Speaker notes." not in html


def test_the_instructors_site_adds_the_guide():
    """``make site-instructor``: the students' site and the guide, linked from the
    home page and the table of contents."""
    node_assets()
    site = built("site", "--instructor", name="site-instructor")
    assert (site / "guide.html").exists()
    assert 'href="guide.html' in (site / "index.html").read_text(encoding="utf-8")
