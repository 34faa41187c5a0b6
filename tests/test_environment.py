"""The two locks, the one install recipe, and what makes the course adoptable.

A student installs what a student uses (requirements/student.txt); the instructors'
and the tests' targets add requirements/instructor.txt. Every way of building the
environment runs tools/setup_env.py. The licences, the citation and the version say
what the course is and how to reuse it.
"""

import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

import coursekit
from tools import bundle, drift, lock

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
STUDENT = lock.read(lock.LOCKS["student"])
INSTRUCTOR = lock.read(lock.LOCKS["instructor"])
# What a student never runs: presenting, grading, publishing, testing.
NOT_FOR_STUDENTS = ["jupyterlab-rise", "nbgrader", "sqlalchemy", "sphinx", "myst-nb",
                    "playwright", "pytest", "nbval", "ruff", "zizmor",
                    "check-jsonschema"]
PLATFORMS = {
    "linux-x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
    "macos-arm64": {"sys_platform": "darwin", "platform_machine": "arm64"},
    "windows-amd64": {"sys_platform": "win32", "platform_machine": "AMD64"},
}
MACOS_INTEL = {"sys_platform": "darwin", "platform_machine": "x86_64"}
# The drift job runs these tests on the newest releases, not on the locks' versions.
locked_only = pytest.mark.skipif(bool(os.environ.get("COURSEKIT_DRIFT")),
                                 reason="the drift job's environment is not locked")


def pin_lines(path):
    return [line for line in path.read_text().splitlines()
            if line and not line.startswith("#")]


def closure(requirements):
    """{name: version} of every installed package ``requirements`` need, with the
    extras they ask for, walked through the installed packages' metadata."""
    found, todo = {}, [Requirement(r) for r in requirements]
    while todo:
        requirement = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = lock.canonical(requirement.name)
        extras = sorted(requirement.extras)
        if (name, tuple(extras)) in found:
            continue
        found[name, tuple(extras)] = importlib.metadata.version(name)
        for text in importlib.metadata.requires(name) or []:
            needed = Requirement(text)
            wanted = any(needed.marker is None or needed.marker.evaluate(
                {"extra": extra}) for extra in ["", *extras])
            if wanted:
                todo.append(needed)
    return {name: version for (name, _), version in found.items()}


@pytest.mark.parametrize("path", lock.LOCKS.values(), ids=lambda p: p.name)
def test_every_line_of_a_lock_is_an_exact_pin(path):
    for line in pin_lines(path):
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.+]*( ; .+)?", line), line


def test_the_locks_pin_no_package_twice():
    assert not set(STUDENT) & set(INSTRUCTOR)


def test_the_student_lock_holds_everything_the_course_needs_and_no_tool():
    """Installed alone, the student's lock is complete: every package that coursekit
    and the `course` extra need (read from the installed packages' requirements)."""
    needed = closure([*PROJECT["dependencies"],
                      *PROJECT["optional-dependencies"]["course"]])
    assert len(needed) > 50
    for name in needed:
        assert name in STUDENT, f"{name} is needed but not in student.txt"
    for tool in NOT_FOR_STUDENTS:
        assert tool not in STUDENT and tool in INSTRUCTOR, tool


@locked_only
def test_this_environment_runs_the_pinned_versions_of_both_locks():
    for name, version in {**STUDENT, **INSTRUCTOR}.items():
        if name == "pip":
            continue
        assert importlib.metadata.version(name) == version, name


def test_jax_is_left_out_on_macos_intel_only():
    """jaxlib has no wheel for macOS on Intel: there the markers leave JAX out."""
    [jax] = [r for r in PROJECT["optional-dependencies"]["course"]
             if r.startswith("jax")]
    markers = [Requirement(jax).marker]
    markers += [Marker(line.split(";")[1])
                for line in pin_lines(lock.LOCKS["student"])
                if line.startswith(("jax==", "jaxlib=="))]
    assert len(markers) == 3
    for marker in markers:
        assert not marker.evaluate(MACOS_INTEL)
        for platform in PLATFORMS.values():
            assert marker.evaluate(platform)


def test_the_offline_bundle_carries_both_locks_and_no_jax_for_macos_intel():
    def pinned(platform):
        pins = [pin.split("==") for pin in bundle.pins(platform)]
        return {(lock.canonical(name), version) for name, version in pins}

    linux, mac = pinned("linux-x86_64"), pinned("macos-x86_64")
    assert linux == {**STUDENT, **INSTRUCTOR}.items()
    assert {name for name, _ in linux - mac} == {"jax", "jaxlib"}


def test_notebook_08_says_what_is_missing_on_macos_intel():
    notebook = json.loads((ROOT / "notebooks/solutions/08_keras.ipynb").read_text())
    top = "".join(notebook["cells"][0]["source"])
    assert "macOS x86_64" in top and "jaxlib" in top


# One recipe: tools/setup_env.py.

def test_make_builds_the_environment_with_the_recipe_only():
    makefile = (ROOT / "Makefile").read_text()
    assert "-m tools.setup_env --student" in makefile
    assert "-m tools.setup_env --instructor" in makefile
    assert "pip install" not in makefile and "ipykernel install" not in makefile


def test_the_windows_job_and_the_readme_run_the_recipe():
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    windows = ci[ci.index("  windows:"):]
    assert "python -m tools.setup_env --instructor" in windows
    readme = (ROOT / "README.md").read_text()
    by_hand = readme[readme.index("Without `make`, the same steps"):]
    by_hand = by_hand[:by_hand.index("```\n\n")]
    assert "-m tools.setup_env" in by_hand and "--instructor" in by_hand
    for copy in (windows, by_hand):
        assert "pip install" not in copy and "extension disable" not in copy


def test_the_drift_job_builds_with_the_recipe(monkeypatch, tmp_path):
    ran = []
    monkeypatch.setattr(drift.subprocess, "run",
                        lambda command, **kwargs: ran.append((command, kwargs)))
    python = drift.build(tmp_path / "venv")
    [(command, kwargs)] = ran
    assert command[1:] == ["-m", "tools.setup_env", "--instructor", "--unlocked",
                           "--venv", tmp_path / "venv"]
    assert kwargs["cwd"] == drift.ROOT and python.parent.parent == tmp_path / "venv"


def test_the_recipe_set_this_environment_up():
    """What setup_env did to the running environment: coursekit in place, the
    kernel under the stored name, nbgrader's server extensions off."""
    assert Path(coursekit.__file__).is_relative_to(ROOT)
    kernel = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3"
    assert (kernel / "kernel.json").exists()
    listed = subprocess.run([Path(sys.executable).parent / "jupyter", "server",
                             "extension", "list"], capture_output=True, text=True,
                            check=True)
    text = listed.stdout + listed.stderr
    formgrader = r"nbgrader\.server_extensions\.formgrader\s+\S*disabled"
    assert re.search(formgrader, text), text


# Adoptable: licences, citation, one version.

def test_the_code_licence_is_bsd_3_clause_as_pyproject_says():
    text = (ROOT / "LICENSE").read_text()
    assert PROJECT["license"] == "BSD-3-Clause"
    assert text.startswith("BSD 3-Clause License")
    assert "the coursekit authors" in text
    assert "Neither the name of the copyright holder" in text


def test_the_course_content_is_cc_by_4_0():
    text = (ROOT / "LICENSE-CONTENT").read_text()
    assert "Creative Commons Attribution 4.0 International Public License" in text
    assert "Section 8 -- Interpretation." in text  # the whole legal code


def test_the_citation_is_valid_cff_1_2_0():
    done = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema",
         "vendor.citation-file-format", ROOT / "CITATION.cff"],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_package_the_citation_and_the_changelog_carry_one_version():
    citation = (ROOT / "CITATION.cff").read_text()
    changelog = (ROOT / "CHANGELOG.md").read_text()
    [cited] = re.findall(r"^version: (\S+)$", citation, re.MULTILINE)
    released = re.findall(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d\d-\d\d)\)$", changelog,
                          re.MULTILINE)
    assert PROJECT["version"] == coursekit.__version__ == cited == released[0][0]
    assert f'date-released: "{released[0][1]}"' in citation
    assert importlib.metadata.version("coursekit") == PROJECT["version"]
