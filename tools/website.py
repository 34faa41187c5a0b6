"""The course's website (``make site``): Sphinx with MyST-NB, built from the
committed notebooks without running them, with MathJax 3 and Font Awesome beside the
pages; the students' site leaves the guide out, the instructors' has it.
"""

import json
import re
import shutil
import subprocess
import sys
from html import escape
from html.parser import HTMLParser

import nbformat

from tools.assets import TEMPLATES, copy_assets
from tools.course import NOTEBOOKS, ROOT, slide_type, without_solution_marks
from tools.figures import describe_figures

SITE_ASSETS = [("mathjax3/es5/tex-mml-chtml.js", "mathjax/tex-mml-chtml.js"),
               ("mathjax3/es5/output/chtml/fonts/woff-v2",
                "mathjax/output/chtml/fonts/woff-v2"),
               ("font-awesome/css", "font-awesome/css"),
               ("font-awesome/fonts", "font-awesome/fonts")]


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
            cell.source = without_solution_marks(cell.source)
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
    for path in NOTEBOOKS:
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
