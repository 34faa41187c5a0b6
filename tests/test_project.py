"""The promises the repository makes to a newcomer, checked."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tools import lock
from tools.course import NOTEBOOKS, ROOT, notebooks_in


def test_every_dependency_is_pinned_in_a_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pins = {**lock.read(lock.LOCKS["student"]), **lock.read(lock.LOCKS["instructor"])}
    for requirement in wanted:
        name = re.split(r"[\[<>=!~ ]", requirement)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in pins, f"{name} is not pinned"


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_the_course_has_its_notebooks():
    assert len(NOTEBOOKS) >= 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_as_one_fresh_run(path):
    """Strict nbval compares only what is stored: outputs must be there, in order."""
    notebook = json.loads(path.read_text())
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1))
    with_output = [c for c in code if c["outputs"]]
    ignored = [c for c in with_output
               if "nbval-ignore-output" in c["metadata"].get("tags", [])
               or "# NBVAL_IGNORE_OUTPUT" in "".join(c["source"])]
    assert len(ignored) * 10 <= len(with_output), "over 1 in 10 outputs ignored"
    for cell in code:
        tags = cell["metadata"].get("tags", [])
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        assert bool(errors) == ("raises-exception" in tags), "".join(cell["source"])
        for output in cell["outputs"]:
            assert output.get("name") != "stderr", "".join(cell["source"])
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def _draws_a_figure(cell):
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data or "to_jshtml" in "".join(cell["source"]):
            return True
    return False


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_has_a_text_description(path):
    """Each figure (plot, diagram, animation) is followed by a markdown cell that says
    what it shows and what to notice: the text a screen reader reads out."""
    cells = json.loads(path.read_text())["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code" and _draws_a_figure(cell):
            after = cells[i + 1] if i + 1 < len(cells) else {"cell_type": "none"}
            text = "".join(after.get("source", ""))
            kind = after["cell_type"]
            assert kind == "markdown" and text.startswith("**Figure.** "), (
                f"cell {i} draws a figure with no **Figure.** text after it")
            assert len(text.split()) >= 12, f"cell {i + 1}: say what to notice"


# Markdown's code (fenced blocks, then spans) and escaped dollars hold no maths.
CODE = re.compile(r"^(```|~~~).*?^\1|(`+).+?\2|\\\$", re.M | re.S)


def inline_formulas(markdown):
    """The ``$...$`` formulas of a markdown cell, display maths (``$$``) and code left
    out; None when its dollars do not pair up."""
    parts = CODE.sub("", markdown).replace("$$", "").split("$")
    return None if len(parts) % 2 == 0 else parts[1::2]


@pytest.mark.parametrize("path", [*NOTEBOOKS, *notebooks_in(ROOT / "notebooks")],
                         ids=lambda p: p.relative_to(ROOT / "notebooks").as_posix())
def test_every_formula_in_the_text_opens_and_closes(path):
    """Each ``$`` of the text pairs with another around a formula that starts and ends
    on a symbol, as every formula of the course does: text that lost a ``$r_i`` (to a
    shell's expansion, say) has an odd count or a formula that starts with a space."""
    cells = json.loads(path.read_text())["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        formulas = inline_formulas("".join(cell["source"]))
        assert formulas is not None, f"cell {i}: a $ without its pair"
        for formula in formulas:
            assert formula.strip() == formula != "", f"cell {i}: ${formula}$"


def test_jupyterlab_fetches_no_news_in_the_course_environment():
    """Offline, JupyterLab would ask to fetch Jupyter's news; `make` turns it off."""
    settings = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    overrides = json.loads((settings / "overrides.json").read_text())
    news = overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"]
    assert news == "false"  # JupyterLab reads the string, not a boolean


def test_importing_coursekit_leaves_scikit_learn_for_the_estimators():
    """Notebooks 01 to 03 import coursekit and its checks, never an estimator: they
    should not wait most of a second for scikit-learn."""
    code = ("import sys, coursekit as ck; ck.checks, ck.diagrams, ck.plotting; "
            "print('sklearn' in sys.modules, end=' '); ck.Neuron; "
            "print('sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "True"]
