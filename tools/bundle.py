"""The offline bundle: the course and every pinned package, for a room without Wi-Fi.

    python -m tools.bundle                      # `make bundle`: this platform
    python -m tools.bundle --platform all       # and the other common platforms

writes ``bundle/coursekit/``: the course as committed (``git archive HEAD``) and, in
its ``wheelhouse/``, a wheel of every package of both locks (``requirements/
student.txt`` and ``instructor.txt``), and in
its ``npm-cache/`` the pinned assets of the slides and the site (``package-lock.json``).
Copy that folder to a USB stick. On a laptop with no network, inside the copied folder,
``make lab`` and ``make test`` install from ``wheelhouse/`` (``--no-index``) and
``npm-cache/`` (``npm ci --offline``) because they are there; the README gives the
same steps without ``make``.

Building the bundle needs the network (pip downloads the wheels, from its cache when
it can); using it does not.
"""

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = [ROOT / "requirements" / "student.txt",
         ROOT / "requirements" / "instructor.txt"]

# pip's platform tags for the other common machines: Linux (Intel and ARM), macOS
# (Apple silicon and Intel), Windows. The lock was resolved on Linux: packages that
# only those platforms need are fetched when pip can see that they are needed.
OTHER_PLATFORMS = {
    "linux-x86_64": ["manylinux2014_x86_64", "manylinux_2_27_x86_64",
                     "manylinux_2_28_x86_64"],
    "linux-aarch64": ["manylinux2014_aarch64", "manylinux_2_17_aarch64",
                      "manylinux_2_27_aarch64", "manylinux_2_28_aarch64"],
    "macos-arm64": ["macosx_11_0_arm64", "macosx_12_0_arm64", "macosx_14_0_arm64",
                    "macosx_10_9_universal2", "macosx_11_0_universal2"],
    "macos-x86_64": ["macosx_10_9_x86_64", "macosx_10_13_x86_64",
                     "macosx_11_0_x86_64", "macosx_10_9_universal2",
                     "macosx_11_0_universal2"],
    "windows-amd64": ["win_amd64"],
}
# What pip's environment markers see there: jaxlib has no wheel for macOS on Intel,
# so the locks leave JAX out on that platform (as `make lab` does there).
MARKER_ENVIRONMENTS = {
    "linux-x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
    "linux-aarch64": {"sys_platform": "linux", "platform_machine": "aarch64"},
    "macos-arm64": {"sys_platform": "darwin", "platform_machine": "arm64"},
    "macos-x86_64": {"sys_platform": "darwin", "platform_machine": "x86_64"},
    "windows-amd64": {"sys_platform": "win32", "platform_machine": "AMD64"},
}
# What those platforms need beyond the lock (found from the pinned packages'
# requirements whose markers name the platform): Jupyter's terminals on Windows
# (pywinpty), coloured output of pytest and IPython (colorama), IPython on macOS.
PLATFORM_ONLY = {"windows-amd64": ["pywinpty", "colorama"],
                 "macos-arm64": ["appnope"], "macos-x86_64": ["appnope"]}


def pip_download(wheelhouse, *extra):
    command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check",
               "-q", "--dest", str(wheelhouse), *extra]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def download(wheelhouse, platform):
    """Wheels of every pinned package for ``platform`` ("this" or a key above).

    Returns what could not be had: empty when the platform is complete.
    """
    if platform == "this":
        result = pip_download(wheelhouse, *[a for lock in LOCKS for a in ("-r", lock)])
        return [] if result.returncode == 0 else [result.stderr.strip()[-300:]]
    tags = [arg for tag in OTHER_PLATFORMS[platform] for arg in ("--platform", tag)]
    # The lock was resolved on this Python: its Requires-Python checks, with its
    # micro version (soupsieve needs 3.11.5 or newer, say).
    version = ".".join(map(str, sys.version_info[:3]))
    abi = f"cp{sys.version_info.major}{sys.version_info.minor}"
    target = ["--only-binary=:all:", "--python-version", version, "--implementation",
              "cp", "--abi", abi, "--abi", "abi3", "--abi", "none", *tags]
    wanted = [*pins(platform), *PLATFORM_ONLY.get(platform, [])]
    result = pip_download(wheelhouse, *target, "--no-deps", *wanted)
    if result.returncode == 0:
        return []
    # Some pin has no wheel there: fetch the others one by one, name the missing.
    missing = []
    for pin in wanted:
        if pip_download(wheelhouse, *target, "--no-deps", pin).returncode != 0:
            missing.append(pin)
    return missing


def pins(platform):
    """The pins of both locks whose environment marker holds on ``platform``."""
    found = []
    for lock in LOCKS:
        for line in lock.read_text().splitlines():
            pin, _, marker = line.partition(";")
            if pin.strip() and not line.startswith("#") and (
                    not marker or applies(marker, platform)):
                found.append(pin.strip())
    return found


def applies(marker, platform):
    """Whether an environment marker such as ``sys_platform != "darwin"`` holds."""
    try:
        from packaging.markers import Marker
    except ImportError:  # a Python without packaging: pip's own copy
        from pip._vendor.packaging.markers import Marker
    return Marker(marker.strip()).evaluate(MARKER_ENVIRONMENTS[platform])


def export_course(target):
    """The course as committed at HEAD, without anything built or installed."""
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "course.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar",
                        f"--output={archive}", "HEAD"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")


def npm_cache(course):
    """Fill ``npm-cache/`` with the pinned assets of the slides and the site.

    They are JavaScript and fonts, the same on every platform; ``make`` installs them
    from this cache with ``npm ci --offline`` when it is there.
    """
    if not shutil.which("npm"):
        print("npm not found: the bundle has no npm-cache/ (slides, site and their "
              "browser checks will need the network, or skip).")
        return
    cache = course / "npm-cache"
    with tempfile.TemporaryDirectory() as scratch:
        for name in ["package.json", "package-lock.json"]:
            shutil.copy2(course / name, scratch)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error",
                        "--cache", str(cache)], cwd=scratch, check=True)
    print(f"npm-cache: {size(cache) / 1e6:.0f} MB")


def size(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bundle")
    parser.add_argument("--platform", action="append", default=None,
                        choices=["this", "all", *OTHER_PLATFORMS],
                        help="repeatable; default: this platform only")
    args = parser.parse_args(argv)
    platforms = args.platform or ["this"]
    if "all" in platforms:
        platforms = ["this", *OTHER_PLATFORMS]

    course = args.out / "coursekit"
    shutil.rmtree(course, ignore_errors=True)
    export_course(course)
    wheelhouse = course / "wheelhouse"
    wheelhouse.mkdir()
    failed = []
    for platform in platforms:
        before = size(wheelhouse)
        missing = download(wheelhouse, platform)
        added = (size(wheelhouse) - before) / 1e6
        if missing:
            failed.append(platform)
            print(f"{platform}: {added:.0f} MB more; NOT complete, no wheel for: "
                  + ", ".join(missing))
        else:
            print(f"{platform}: complete, {added:.0f} MB more in the wheelhouse")
    npm_cache(course)
    print(f"Wrote {course}: {size(course) / 1e6:.0f} MB in all "
          f"({size(wheelhouse) / 1e6:.0f} MB of wheels).")
    return 1 if "this" in failed else 0


if __name__ == "__main__":
    sys.exit(main())
