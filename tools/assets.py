"""What the decks and the site copy beside their pages: the course's templates
(``publish/``) and the pinned assets npm installs into ``node_modules/``."""

import shutil

from tools.course import ROOT

NODE = ROOT / "node_modules"
TEMPLATES = ROOT / "publish"


def copy_assets(assets, target):
    """Copy ``(source, destination)`` pairs from node_modules into ``target``."""
    missing = [src for src, _ in assets if not (NODE / src).exists()]
    if missing:
        raise SystemExit(f"Missing {', '.join(missing)} in {NODE}: run `npm ci` "
                         "(make slides and make site do) to install the pinned assets.")
    for src, dst in assets:
        source, dest = NODE / src, target / dst
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest)
