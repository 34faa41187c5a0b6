"""The offline bundle really installs and runs the course with no network.

Builds the bundle for this platform (pip downloads the pinned wheels, from its cache
when it can), then, in a network namespace that has only the loopback interface, runs
`make test` in the bundle's copy of the course: the environment is built from the
wheelhouse alone and every test and notebook passes.

It builds a whole environment (a few minutes), so it runs in CI (CI=true) and, on a
laptop, when COURSEKIT_SLOW=1 is set. It needs Linux, root, `unshare` and `ip`, as the
project's CI (.ci/run) has; GitHub's runners skip it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("COURSEKIT_SLOW")),
        reason="builds the offline bundle and an environment; COURSEKIT_SLOW=1 runs it",
    ),
    pytest.mark.skipif(
        bool(os.environ.get("COURSEKIT_IN_BUNDLE_TEST")),
        reason="already inside the bundle test: no bundle within the bundle",
    ),
]


def test_a_fresh_copy_installs_from_the_bundle_and_passes_make_test(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        # GitHub's runners (not root, or not Linux) cannot make a network namespace.
        pytest.skip("cutting the network needs Linux and root, as .ci/run has")
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.fail("needs `unshare` and `ip` (util-linux, iproute2), which .ci/run "
                    "installs")
    built = subprocess.run([sys.executable, "-m", "tools.bundle", "--out", tmp_path],
                           capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stdout + built.stderr
    course = tmp_path / "coursekit"
    assert any((course / "wheelhouse").glob("numpy-*.whl"))
    assert not (course / ".venv").exists()

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST", "JUPYTER", "VIRTUAL_ENV"))}
    env["COURSEKIT_IN_BUNDLE_TEST"] = "1"
    # No network but loopback (Jupyter's kernels talk over 127.0.0.1): first the
    # proof that nothing outside is reachable, then the README's test command.
    no_network = ("import socket\n"
                  "try:\n"
                  "    socket.create_connection(('pypi.org', 443), timeout=3)\n"
                  "except OSError as error:\n"
                  "    print('no network:', type(error).__name__)\n"
                  "else:\n"
                  "    raise SystemExit('the network is reachable')\n")
    offline = subprocess.run(
        ["unshare", "--net", "sh", "-c",
         f'ip link set lo up && python3 -c "{no_network}" && make test'],
        cwd=course, env=env, capture_output=True, text=True, timeout=1200)
    output = offline.stdout + offline.stderr
    assert offline.returncode == 0, output[-4000:]
    assert "no network:" in output and " passed" in output
