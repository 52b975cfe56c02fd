"""The code's shape (skills/__init__.py): each package imports only from itself and from the
layers below it, and none from the project package (sfia_site/, configuration only)."""

import ast
from pathlib import Path

from django.conf import settings

SKILLS = Path(settings.BASE_DIR) / "skills"
# Bottom to top. A package may use its own modules and any package of a lower layer, never
# one of its own layer or above: the reader's pages, the editorial side, the content pipeline
# and the page cache are independent of one another.
LAYERS = [
    {"skills.framework"},
    {"skills.search"},
    {"skills.content", "skills.reader", "skills.editorial", "skills.page_cache"},
    {"skills.opendata", "skills.operations"},
]


def layer_of(module):
    for number, packages in enumerate(LAYERS):
        for package in packages:
            if module == package or module.startswith(f"{package}."):
                return number, package
    return None, None


def imports(path, root=SKILLS):
    """(line, module) of every import in the file, relative ones made absolute."""
    module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    package = (
        module.rsplit(".", 1)[0] if path.name != "__init__.py" else module[: -len(".__init__")]
    )
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield node.lineno, ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.lineno, node.module


def modules():
    return sorted(SKILLS.rglob("*.py"))


def test_every_package_is_in_a_layer():
    packages = {path.name for path in SKILLS.iterdir() if (path / "__init__.py").exists()}
    assert {f"skills.{name}" for name in packages} == set().union(*LAYERS)


def wrong_imports(root=SKILLS):
    wrong = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent)
        own_layer, own_package = layer_of(".".join(where.with_suffix("").parts))
        for line, imported in imports(path, root):
            layer, package = layer_of(imported)
            if imported.split(".")[0] == "sfia_site":
                wrong.append(f"{where}:{line} imports the project package")
            elif package is not None and package != own_package and layer >= own_layer:
                wrong.append(f"{where}:{line} imports {imported}")
    return wrong


def test_imports_run_down_the_layers_only_and_never_to_the_project():
    assert wrong_imports() == []


def test_the_check_finds_an_import_against_the_layers(tmp_path):
    reader = tmp_path / "skills" / "reader"
    reader.mkdir(parents=True)
    (reader / "__init__.py").write_text("")
    (reader / "page.py").write_text(
        "from skills.framework import models\n"
        "from . import views\n"
        "from ..editorial import admin\n"
        "import skills.page_cache.store\n"
        "from sfia_site.settings import DEBUG\n"
    )

    assert wrong_imports(tmp_path / "skills") == [
        "skills/reader/page.py:3 imports skills.editorial",
        "skills/reader/page.py:4 imports skills.page_cache.store",
        "skills/reader/page.py:5 imports the project package",
    ]
