"""A headless Chromium for the course's browser checks, with the network cut off.

The system's Chromium (``apt-get install chromium`` on Debian; set ``CHROMIUM`` to use
another Chromium or Chrome) driven by Playwright. Every request that does not go to a
local file or to 127.0.0.1 is refused and counted, so a page that would fetch from the
internet fails its check instead of quietly working online.

On a laptop without Chromium, or without the publishing assets (``npm ci``), the browser
checks skip and say how to install what is missing; in CI on Linux (``CI=true``) they
fail instead.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import digest_of, reused

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
ARTEFACTS = ROOT / "build" / "test-artefacts"
AXE = NODE / "axe-core" / "axe.min.js"
# Chromium's own calls home are refused by a closed network, many at a time; these flags
# stop them.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def required():
    """In CI on Linux the browser checks must run; elsewhere they may skip."""
    return os.environ.get("CI") == "true" and sys.platform.startswith("linux")


def skip_or_fail(message):
    if required():
        pytest.fail(f"{message} (CI=true: the browser checks must run here)")
    pytest.skip(message)


def chromium():
    """The path of a Chromium to drive, or skip (fail in CI) saying how to get one."""
    for candidate in [os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome"]:
        path = candidate and shutil.which(candidate)
        if path:
            return path
    skip_or_fail("No Chromium for the browser checks: install it (Debian/Ubuntu: "
                 "`sudo apt-get install chromium`) or set CHROMIUM to a Chrome binary.")


def node_assets():
    """Skip (fail in CI) unless the pinned publishing assets are installed."""
    if not AXE.exists():
        skip_or_fail("The publishing assets are not installed: install Node.js, then "
                     "run `npm ci` in the course folder (make test does, given npm).")


def offline_prefix():
    """A command prefix that runs a command with only a loopback network, if possible.

    Linux as root or with user namespaces: ``unshare --net --map-root-user``, so that a
    build that tried to fetch anything would fail. Elsewhere (macOS, a hardened runner)
    an empty prefix: the pages' own checks still count every request they make.
    """
    if sys.platform.startswith("linux") and shutil.which("unshare"):
        probe = ["unshare", "--net", "--map-root-user", "true"]
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return probe[:-1]
    return []


# What a deck or a page is made from: a build is reused while none of these changed.
BUILD_INPUTS = ["notebooks/solutions/*.ipynb", "publish/**/*", "tools/publish.py",
                "tools/slides.py", "tools/layout.py", "tools/website.py",
                "tools/figures.py", "tools/assets.py", "tools/course.py",
                "README.md", "GUIDE.md", "package-lock.json"]


def built(kind, *options, name=None):
    """``build/test-<name>/``, from ``python -m tools.publish <kind> <options>``, with
    only loopback (``name`` defaults to ``kind``); a warm run reuses it while its inputs
    are unchanged (``tests.helpers.reused``).
    """
    def build(out):
        command = [*offline_prefix(), sys.executable, "-m", "tools.publish",
                   kind, *options, "--out", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    return reused(name or kind, BUILD_INPUTS, build)


# What a page's findings depend on besides the page itself: its stylesheets, the code
# that looks at it and the pinned assets and themes it loads (the browser that looks is
# added by its file).
LOOK_INPUTS = ["publish/**/*", "tests/browser.py", "package-lock.json",
               "requirements/instructor.txt"]


def remembered(name, pages, test, look):
    """The findings ``look()`` returns (plain JSON), for ``build/test-<name>.json``.

    Kept with a hash of ``pages`` (the files the page is made of), of ``test`` (the
    module that looks at it), of LOOK_INPUTS and of the Chromium that looked. A warm
    run reads them back while all of these are unchanged, instead of opening the same
    page again; any change, or a clean clone as in CI, opens it and looks afresh.
    """
    inputs = [*(Path(p).relative_to(ROOT).as_posix() for p in pages),
              Path(test).relative_to(ROOT).as_posix(), *LOOK_INPUTS]
    executable = Path(chromium()).resolve()
    stat = executable.stat()
    digest = f"{digest_of(inputs)} {executable} {stat.st_size} {stat.st_mtime_ns}"
    path = ROOT / "build" / f"test-{name}.json"
    if path.exists():
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["inputs"] == digest:
            return kept["found"]
    found = look()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"inputs": digest, "found": found}), encoding="utf-8")
    return found


def is_local(url):
    parsed = urlparse(url)
    return parsed.scheme in {"file", "data", "blob", "about"} or (
        parsed.hostname in LOCAL_HOSTS)


class Browser:
    """One Chromium for a test module; ``visit`` opens a page, records what it did."""

    def __init__(self):
        # Find the browser before starting Playwright: a skip raised after the start
        # would leave Playwright's event loop running on this worker, and the next
        # module's browser would fail with "Sync API inside the asyncio loop".
        executable = chromium()
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, args=FLAGS)
        except BaseException:
            self._playwright.stop()
            raise

    def close(self):
        self._browser.close()
        self._playwright.stop()

    def visit(self, url, width=1280, height=720):
        """Open ``url``; return a :class:`Visit` (page, external requests, errors)."""
        return Visit(self._browser, url, width, height)


class Visit:
    """A page, the requests it tried outside the machine, and its console errors."""

    def __init__(self, browser, url, width, height):
        self.external, self.errors = [], []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(90_000)  # a loaded two-core machine is slow
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(
            m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url, wait_until="load")

    def _route(self, route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.external.append(url)
            route.abort("internetdisconnected")

    def axe(self, rules=None):
        """Run axe-core in the page; return its violations (a list of dicts)."""
        self.page.add_script_tag(path=str(AXE))
        # No preload: axe would re-fetch the stylesheets by XHR, refused on file://.
        options = {"resultTypes": ["violations"], "preload": False}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        return self.page.evaluate("o => axe.run(document, o).then(r => r.violations)",
                                  options)

    def screenshot(self, name):
        """Save a screenshot under build/test-artefacts/ and return its path."""
        path = ARTEFACTS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path))
        return path

    def close(self):
        self.context.close()


def serious(violations, impacts=("critical", "serious")):
    """axe-core's violations of the given impacts (None: all), one line each."""
    return [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. "
            f"{v['nodes'][0]['target']})"
            for v in violations if impacts is None or v["impact"] in impacts]
