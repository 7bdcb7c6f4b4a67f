"""The import graph of survey/ and analysis/ read from the source (every import, at module level or inside
a function): no cycle, no import hidden inside a function to dodge one, no blueprint importing another."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("survey", "analysis")
BLUEPRINTS = ("survey.hr", "survey.respond", "survey.public", "survey.reports", "survey.api", "survey.auth",
              "survey.health")

#: Modules a function may import when it needs them, each for its reason; nothing of ours.
LAZY = {
    "weasyprint": "loading pango takes about a second and only PDFs need it",
    "pypdf": "only joining PDFs needs it",
    "redis": "only a site with REDIS_URL set needs it (and it is optional)",
    "rq": "only a site with REDIS_URL set needs it (and it is optional)",
}


def modules(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, bool]]:
    """(imported module, inside a function?) for each import of the module ``name``; a name taken from
    a package counts as its submodule when it is one (``from survey import db`` imports survey.db)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, inner) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - child.level + 1]
                                    + ([child.module] if child.module else []))
                for alias in child.names:
                    submodule = f"{base}.{alias.name}"
                    found.append((submodule if submodule in known else base, inner))
            visit(child, inner)

    visit(tree, False)
    return found


def graph(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """Edges between our modules, and the (module, imported) pairs imported inside a function."""
    found = modules(root, packages)
    edges: dict[str, set[str]] = {name: set() for name in found}
    inner = []
    for name, path in found.items():
        for target, in_function in imports(name, path, set(found)):
            if in_function:
                inner.append((name, target))
            if target in found and target != name:
                edges[name].add(target)
    return edges, inner


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return components


def test_the_import_graph_has_no_cycle():
    edges, _inner = graph()
    assert cycles(edges) == []


def test_no_function_imports_a_module_except_heavy_optional_ones():
    _edges, inner = graph()
    hidden = [(module, target) for module, target in inner
              if target.split(".")[0] not in LAZY]
    assert hidden == []


def sideways(edges: dict[str, set[str]], blueprints: tuple[str, ...] = BLUEPRINTS) -> list[tuple[str, str]]:
    """(module, imported) pairs where one blueprint's module imports another blueprint's."""
    def blueprint_of(module: str) -> str | None:
        return next((b for b in blueprints if module == b or module.startswith(b + ".")), None)

    return sorted((module, target) for module, targets in edges.items() for target in targets
                  if blueprint_of(module) and blueprint_of(target) not in (None, blueprint_of(module)))


def test_no_blueprint_imports_another():
    edges, _inner = graph()
    assert sideways(edges) == []


def test_the_reader_sees_a_cycle_an_inner_import_and_a_sideways_import(tmp_path):
    """The reader on a made-up package: what this file refuses, it must be able to see."""
    files = {
        "office/__init__.py": "from office import db\n",
        "office/db.py": "",
        "office/one/__init__.py": "from .. import db\nfrom office.two import page\n",
        "office/two/__init__.py": "def page():\n    from office.one import db\n    import weasyprint\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    edges, inner = graph(tmp_path, ("office",))
    assert edges["office"] == {"office.db"}  # a name taken from a package is its submodule when it is one
    assert edges["office.one"] == {"office.db", "office.two"}  # relative imports resolved
    assert cycles(edges) == [["office.one", "office.two"]]
    assert inner == [("office.two", "office.one"), ("office.two", "weasyprint")]
    assert sideways(edges, ("office.one", "office.two")) == [("office.one", "office.two"), ("office.two", "office.one")]
