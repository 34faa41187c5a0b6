"""Publish the course offline: reveal.js decks (``make slides``) and a website
(``make site``).

Both are built from the committed notebooks in ``notebooks/solutions/`` without running
them, and load nothing from the internet: reveal.js, require.js, jQuery, MathJax and
Font Awesome come from ``node_modules/`` (``package-lock.json`` pins them; ``npm ci``
installs them) and are copied next to the pages, so that the output folder opens from a
USB stick. The decks are tools/slides.py (their layout tools/layout.py), the site
tools/website.py, the figures' descriptions tools/figures.py.

    python -m tools.publish slides [--out build/slides] [--no-pdf] [NN ...]
    python -m tools.publish site [--instructor] [--out build/site]
"""

import argparse
from pathlib import Path

from tools.course import ROOT
from tools.slides import build_slides, write_index, write_pdfs
from tools.website import build_site


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["slides", "site"])
    parser.add_argument("numbers", nargs="*", help="notebook numbers (slides only)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-pdf", action="store_true",
                        help="slides: write the decks' HTML only, no PDFs")
    parser.add_argument("--instructor", action="store_true",
                        help="site: add the instructor's guide (not for students)")
    args = parser.parse_args(argv)
    out = (args.out or ROOT / "build" / args.what).resolve()
    if args.what == "slides":
        decks = build_slides(out, args.numbers)
        pdfs = [] if args.no_pdf else write_pdfs(decks)
        if pdfs:
            write_index(out)
        for path in [*decks, *pdfs, out / "index.html"]:
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        if not pdfs and not args.no_pdf:
            print("PDFs skipped: no Chromium found (install it, e.g. `sudo apt-get "
                  "install chromium`, or set CHROMIUM to a Chrome binary).")
    else:
        print(build_site(out, args.instructor) / "index.html")


if __name__ == "__main__":
    main()
