"""The course live in JupyterLab, as `make lab` serves it: a notebook opens unchanged,
and RISE presents it as slides, with no request leaving the machine.

A JupyterLab server of the course environment runs on 127.0.0.1 over a copy of
``notebooks/``; headless Chromium opens a notebook, then its RISE slideshow.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "course-test-token"
NOTEBOOK = "solutions/04_least_squares.ipynb"
TYPESET = "() => document.querySelectorAll('mjx-container').length > 0"
NOTEBOOKS = sorted([*(ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"),
                    *(ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb")])
URL = re.compile(r"https?://([^/\s\"'<>:)]+)")


def stored_text(output):
    """Everything an output stores, but its images' pixels, as one string."""
    data = {k: v for k, v in output.get("data", {}).items() if not k.startswith(
        "image/") or k == "image/svg+xml"}
    return "\n".join([str(output.get("text", "")), *map(str, data.values()),
                      *output.get("traceback", [])])


@pytest.mark.parametrize("path", NOTEBOOKS,
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_stored_output_links_outside_the_machine(path):
    """Opened in JupyterLab offline, a notebook's outputs ask the internet for nothing
    (a stylesheet, a script, a font or an image behind a link would be a request)."""
    found = [f"cell {n}: {match[0]}"
             for n, cell in enumerate(nbformat.read(path, as_version=4).cells)
             for output in cell.get("outputs", [])
             for match in URL.finditer(stored_text(output))
             if match[1] not in {"127.0.0.1", "localhost"}]
    assert not found, "\n".join(found)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser):
    root = tmp_path_factory.mktemp("lab") / "notebooks"
    shutil.copytree(ROOT / "notebooks", root)
    port = free_port()
    bin_dir = Path(sys.executable).parent
    # A server of its own: no workspace, settings or runtime files of the user's (a
    # restored workspace would reopen other notebooks).
    home = root.parent / "jupyter"
    env = dict(os.environ, JUPYTER_PATH=str(Path(sys.prefix) / "share" / "jupyter"),
               JUPYTER_CONFIG_DIR=str(home / "config"),
               JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    log = (root.parent / "server.log").open("w")
    server = subprocess.Popen(
        [str(bin_dir / "jupyter"), "lab", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}",
         f"--IdentityProvider.token={TOKEN}",
         f"--LabApp.workspaces_dir={home / 'workspaces'}",
         f"--LabApp.user_settings_dir={home / 'settings'}"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start: see " + log.name)
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}", root, browser
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_opening_a_notebook_changes_nothing(lab):
    url, root, browser = lab
    before = (root / NOTEBOOK).read_bytes()
    visit = browser.visit(f"{url}/lab/tree/{NOTEBOOK}?token={TOKEN}")
    page = visit.page
    page.wait_for_selector(".jp-Notebook .jp-Cell", state="attached", timeout=120_000)
    page.wait_for_function(TYPESET, timeout=60_000)
    # The kernel has started and JupyterLab has compared its metadata with the file's.
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached")
    page.wait_for_timeout(1000)
    dirty = page.evaluate("document.querySelectorAll('.jp-mod-dirty').length")
    # Every figure is in the page (the course attaches every cell: windowingMode none),
    # and what a screen reader meets after it is the cell that describes it.
    figures = sum("image/png" in o.get("data", {})
                  for c in nbformat.read(root / NOTEBOOK, as_version=4).cells
                  for o in c.get("outputs", []))
    page.wait_for_function(f"() => document.querySelectorAll("
                           f"'.jp-RenderedImage img').length >= {figures}")
    after_figures = page.evaluate("""() => Array.from(document.querySelectorAll(
        ".jp-CodeCell:has(.jp-RenderedImage img)"), cell => {
          const next = cell.nextElementSibling;
          return next ? next.innerText.trim().split(" ")[0] : "";
        })""")
    news = page.get_by_text("official Jupyter news").count()
    visit.close()
    assert visit.external == [], "JupyterLab asked the internet for something"
    assert dirty == 0, "opening the notebook marked it as changed"
    assert news == 0, "JupyterLab asks whether to fetch Jupyter's news"
    assert (root / NOTEBOOK).read_bytes() == before
    assert after_figures and set(after_figures) == {"Figure."}, after_figures


# RISE's screen on show: the leaf slide, its height, whether it scrolls, its words.
PRESENT = """() => {
  const outer = document.querySelector(".reveal .slides > section.present");
  const slide = (outer && outer.querySelector("section.present")) || outer;
  if (!slide) return null;
  const box = slide.getBoundingClientRect();
  const leaves = Array.from(document.querySelectorAll(".reveal .slides section"))
    .filter(s => !s.querySelector("section"));
  return {at: leaves.indexOf(slide),
          fragments: slide.querySelectorAll(".fragment.visible").length,
          top: Math.round(box.top), bottom: Math.round(box.bottom),
          content: slide.scrollHeight, shown: slide.clientHeight,
          scrolls: ["scroll", "auto"].includes(getComputedStyle(slide).overflowY),
          text: slide.innerText.trim().split("\\n")[0].slice(0, 60)};
}"""
RISE_NOTEBOOK = "solutions/06_neuron.ipynb"  # the tallest screens of the course
# The screens Space steps through: every leaf slide, and one more per fragment.
SCREENS = """() => Array.from(document.querySelectorAll(".reveal .slides section"))
  .filter(s => !s.querySelector("section"))
  .reduce((n, s) => n + 1 + s.querySelectorAll(".fragment").length, 0)"""
STILL = "*, *::before, *::after { transition: none !important; " \
        "animation: none !important; }"


def test_every_notebook_scrolls_its_rise_screens():
    """RISE scrolls a screen taller than the window only where the notebook asks."""
    unset = [p.name for p in NOTEBOOKS if not nbformat.read(
        p, as_version=4).metadata.get("rise", {}).get("scroll")]
    assert not unset, f"no rise.scroll: {unset}"


# What RISE's speaker view (`T`) shows of each screen's notes: reveal.js' notes plugin
# sends the innerHTML of the screen's `aside.notes` (RISE puts the whole notes cell in
# it) to a window without JupyterLab's stylesheet, so all of its text shows there,
# but scripts and styles. Measured in this page: the speaker window itself would load
# RISE twice more, in its previews.
SPEAKER_VIEW = """() => Array.from(document.querySelectorAll(".reveal .slides section"))
  .filter(s => !s.querySelector("section") && s.querySelector("aside.notes"))
  .map(s => {
    const html = Array.from(s.querySelectorAll("aside.notes"), a => a.innerHTML)
      .join("\\n");
    const doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll("script, style").forEach(e => e.remove());
    return {id: s.id, formatted: doc.querySelectorAll(".jp-RenderedMarkdown strong")
              .length > 0, text: doc.body.textContent};
  })"""


@pytest.fixture(scope="module")
def rise(lab):
    """Notebook 06 in RISE at 1280 x 720, every screen shown in turn, measured in one
    page load: each screen, the notes' display, what the speaker view gets."""
    url, root, browser = lab
    before = (root / RISE_NOTEBOOK).read_bytes()
    visit = browser.visit(f"{url}/rise/{RISE_NOTEBOOK}?token={TOKEN}")
    page = visit.page
    page.wait_for_selector(".reveal .slides section", timeout=120_000)
    page.wait_for_function(TYPESET, timeout=60_000)
    slides = page.evaluate("document.querySelectorAll('.reveal section').length")
    notes = page.evaluate("""() => Array.from(document.querySelectorAll(
        ".reveal aside.notes"), a => getComputedStyle(a).display)""")
    speaker = page.evaluate(SPEAKER_VIEW)
    visit.screenshot("rise/06_neuron-title.png")
    # Each screen as it ends up: without its transition (0.8 s each) it is there at
    # once, and every screen is measured in this one page.
    page.add_style_tag(content=STILL)
    expected = page.evaluate(SCREENS)
    screens, cut = [], []
    for _ in range(expected + 1):  # Space moves to the next fragment or screen
        screen = page.evaluate(PRESENT)
        if screens and screen == screens[-1]:
            break
        screens.append(screen)
        if screen["content"] > screen["shown"] + 2 and not screen["scrolls"] or (
                screen["bottom"] > 720 + 2):
            cut.append(screen)
            visit.screenshot(f"rise/06_neuron-cut-{len(screens)}.png")
        page.keyboard.press("Space")
    visit.close()
    return dict(external=visit.external, slides=slides, notes=notes, speaker=speaker,
                screens=screens, expected=expected, cut=cut,
                unchanged=(root / RISE_NOTEBOOK).read_bytes() == before)


def test_rise_presents_the_notebook_offline_with_hidden_notes(rise):
    """Every screen of notebook 06 fits the window, or scrolls by itself; the notes
    stay off the students' screen."""
    assert rise["external"] == [], "RISE asked the internet for something"
    assert rise["slides"] > 10 and len(rise["screens"]) == rise["expected"], (
        "a screen was skipped")
    assert rise["notes"] and set(rise["notes"]) == {"none"}, (
        "speaker notes on the students' screen")
    assert rise["cut"] == [], f"{len(rise['cut'])} screens cut off: {rise['cut']}"
    assert rise["unchanged"], "presenting the notebook changed it"


def test_rise_speaker_view_gets_the_formatted_notes(rise):
    """Every screen with notes hands RISE's speaker view the notes rendered."""
    assert len(rise["speaker"]) > 10
    assert [s["id"] for s in rise["speaker"] if not s["formatted"]] == []


@pytest.mark.xfail(strict=True, reason=(
    "jupyterlab-rise 0.43 puts the whole notes cell in aside.notes, its hidden "
    "CodeMirror editor included, and the speaker view, without JupyterLab's "
    "stylesheet, shows the Markdown source before the formatted notes; no setting "
    "changes it. GUIDE.md says so: when this passes, update it."))
def test_rise_speaker_view_shows_no_markdown_syntax(rise):
    raw = [s["id"] for s in rise["speaker"] if "**" in s["text"] or "$" in s["text"]]
    assert raw == [], f"Markdown syntax in the speaker view of {raw}"
