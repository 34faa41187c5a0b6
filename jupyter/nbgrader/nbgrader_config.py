"""nbgrader's configuration for a coursekit course directory (made by `make course`).

Run nbgrader from this folder, with the course environment's bin/ on PATH (nbgrader
starts its database migrations with the `alembic` script it finds there):

    PATH=/path/to/coursekit/.venv/bin:$PATH nbgrader autograde 01_arrays

Each notebook of the course is one assignment, named after it (01_arrays, ...).
"""

import os
import re
from pathlib import Path

import nbgrader
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor, Preprocessor
from nbgrader.preprocessors import GetGrades
from traitlets import Bool

HERE = Path(__file__).resolve().parent
MATHJAX = HERE / "feedback_assets" / "mathjax" / "tex-svg.js"
STYLE = HERE / "templates" / "feedback" / "feedback.css"

c = get_config()  # noqa: F821 (given by traitlets when it reads this file)
c.CourseDirectory.root = str(HERE)
c.CourseDirectory.course_id = "coursekit"
# nbgrader's exchange (release_assignment, fetch, submit, collect) in a folder of the
# course, not the system-wide /usr/local/share/nbgrader/exchange that needs root. On a
# shared JupyterHub, name a folder every user can reach, here and in the students'
# configuration.
c.Exchange.root = str(HERE / "exchange")

# A header notebook put before every released notebook, when there is one.
if (HERE / "header.ipynb").exists():
    c.IncludeHeaderFooter.header = str(HERE / "header.ipynb")


class OfflineMathJax(Preprocessor):
    """Put MathJax beside each feedback page: the page loads it from there, offline."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        resources.setdefault("outputs", {})["mathjax/tex-svg.js"] = MATHJAX.read_bytes()
        return nb, resources


class FeedbackStyle(Preprocessor):
    """The course's styles (templates/feedback/feedback.css) in each feedback page's
    head, after nbconvert's: a check's message wraps inside its box."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        resources.setdefault("inlining", {}).setdefault("css", []).append(
            STYLE.read_text(encoding="utf-8"))
        return nb, resources


class FigureDescriptions(Preprocessor):
    """A figure's alternative text: the **Figure.** description cell after it."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        for cell, after in zip(nb.cells, nb.cells[1:], strict=False):
            outputs = cell.get("outputs", [])
            figure = any("image/png" in o.get("data", {}) for o in outputs)
            if figure and after.cell_type == "markdown" and after.source.startswith(
                    "**Figure.** "):
                text = after.source.removeprefix("**Figure.** ")
                cell.metadata["alt"] = " ".join(re.sub(r"\*\*|`|\$", "", text).split())
        return nb, resources


c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor,
                                    FeedbackStyle, FigureDescriptions]
# Feedback pages typeset their formulas with the MathJax copied beside them
# (templates/feedback/mathjax.html.j2 loads mathjax/tex-svg.js), not from a CDN.
if MATHJAX.exists():
    c.GenerateFeedback.preprocessors.append(OfflineMathJax)
    c.HTMLExporter.extra_template_basedirs = [
        str(HERE / "templates"),
        os.path.join(os.path.dirname(nbgrader.__file__), "server_extensions",
                     "formgrader", "templates"),
    ]
