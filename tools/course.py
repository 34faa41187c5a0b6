"""What every tool and test knows of the course: its notebooks, in order, and their
cells' slide types."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"


def notebooks_in(folder):
    """The course notebooks (``NN_name.ipynb``) of ``folder``, in order."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


#: The course's notebooks, in order: notebooks/solutions/NN_*.ipynb.
NOTEBOOKS = notebooks_in(SOLUTIONS)


def slide_type(cell):
    """A cell's slide type (slide, subslide, fragment, skip, notes or -), or None
    when its metadata gives none."""
    return cell.metadata.get("slideshow", {}).get("slide_type")


# nbgrader's marks around a solution: the student edition replaces what is between.
SOLUTION_MARKS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)


def without_solution_marks(source):
    """A code cell's source without nbgrader's ``### BEGIN/END SOLUTION`` lines, as the
    decks and the site show a solution."""
    return SOLUTION_MARKS.sub("", source)
