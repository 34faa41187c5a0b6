"""A newcomer's `make test` on a machine without Chromium: the browser checks skip.

The browser modules run together in one process, as they do on a pytest-xdist worker,
with no Chromium on PATH, CHROMIUM unset and CI unset. Each check that needs a browser
must skip with the message that says how to install one; none may error. (They once
did: the first module's skip left Playwright's event loop running, and the next
module's browser failed with "Sync API inside the asyncio loop".)
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROWSER_MODULES = ["tests/test_site.py", "tests/test_slides.py", "tests/test_live.py"]


def test_browser_checks_skip_without_chromium():
    # Only the environment's own bin/ on PATH: no chromium, chromium-browser or
    # google-chrome to be found (unless one were installed into the environment).
    env = {k: v for k, v in os.environ.items()
           if k not in {"CI", "CHROMIUM", "PYTEST_XDIST_WORKER",
                        "PYTEST_XDIST_WORKER_COUNT", "PYTEST_CURRENT_TEST"}}
    env["PATH"] = str(Path(sys.executable).parent)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "browser",
         "-rs", "-q", "-o", "addopts=-p no:cacheprovider", *BROWSER_MODULES],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    summary = out.strip().splitlines()[-1]
    assert done.returncode == 0, out[-3000:]
    skipped_only = r"=* ?\d+ skipped, \d+ deselected in [\d.]+s ?=*"
    assert re.fullmatch(skipped_only, summary), out[-3000:]
    # Every module's skip names what is missing and how to install it.
    for module in BROWSER_MODULES:
        assert re.search(rf"SKIPPED \[\d+\] {module}.*No Chromium for the browser "
                         r"checks: install it", out), out[-3000:]
    assert "error" not in summary and "asyncio" not in out
