"""The GitHub Actions workflows for people who fork the course, validated offline.

check-jsonschema checks each workflow against GitHub's workflow schema (vendored in
the package: no download); zizmor audits it for security mistakes (unpinned actions,
leaked credentials, broad permissions) without asking GitHub anything.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "drift.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_githubs_schema(path):
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", path],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_zizmors_offline_audit(path):
    result = subprocess.run([BIN / "zizmor", "--offline", "--no-progress", path],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    uses = re.findall(r"uses:\s*(\S+)(.*)", path.read_text())
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"#\s*v\d+\.\d+\.\d+", comment), f"{action}: say the version"


def test_ci_runs_the_readmes_commands():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text()
    assert "make test" in ci
    for line in ("-m tools.setup_env --instructor",
                 "-m pytest -n auto --dist loadscope"):
        assert line in readme and line in ci, line
