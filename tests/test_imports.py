"""coursekit's modules import one another without a circle, and take no private name
from another module."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "coursekit"


def module_names(package):
    """Dotted name of every module of ``package`` (a folder), by path."""
    names = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[path] = ".".join(parts)
    return names


def imports(path, modules):
    """(imported module, names taken from it) for each import of a package module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in modules:  # `from package import module`
                    found.append((submodule, []))
                else:
                    found.append((node.module, [alias.name]))
    return [(module, names) for module, names in found if module in modules]


def import_graph(package):
    names = module_names(package)
    modules = set(names.values())
    return {names[path]: imports(path, modules) for path in names}


def find_circle(graph):
    """One circle of imports, as a list of modules, or None."""
    done, path = set(), []

    def visit(module):
        if module in path:
            return [*path[path.index(module):], module]
        if module in done:
            return None
        path.append(module)
        for target, _ in graph[module]:
            circle = visit(target)
            if circle:
                return circle
        path.pop()
        done.add(module)
        return None

    for module in graph:
        circle = visit(module)
        if circle:
            return circle
    return None


def test_coursekit_has_no_import_circle():
    assert find_circle(import_graph(PACKAGE)) is None


def test_no_module_takes_a_private_name_from_another():
    """The training and plotting modules; the self-checks (coursekit.checks) are
    a package of their own."""
    taken = [f"{module} takes {name} from {source}"
             for module, edges in import_graph(PACKAGE).items()
             if not module.startswith("coursekit.checks")
             for source, names in edges for name in names if name.startswith("_")]
    assert taken == []


@pytest.mark.parametrize("second", [
    "from pkg.a import f\n",  # the bottom import plotting.py once had
    "import pkg.a\n",
    "from pkg import a\n",
])
def test_the_circle_finder_finds_a_circle(tmp_path, second):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import g\n\ndef f():\n    pass\n")
    (package / "b.py").write_text(second + "\ndef g():\n    pass\n")
    assert find_circle(import_graph(package)) == ["pkg.a", "pkg.b", "pkg.a"]
    (package / "b.py").write_text("def g():\n    pass\n")
    assert find_circle(import_graph(package)) is None
