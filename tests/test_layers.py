"""The layers of the code base: ``analysis/`` is maths only, rendering lives in the site (issue 25).

Every import of every analysis module counts, the ones inside functions too: an import hidden in a
function (``from weasyprint import HTML`` in a helper) still makes the library need the package.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_ANALYSIS = ("flask", "flask_babel", "flask_login", "flask_wtf", "jinja2", "weasyprint", "pypdf",
                         "babel", "sqlalchemy", "survey")
#: What a service may not use: the page and PDF machinery belongs to the rendering layer beside the
#: blueprints. Number formatting (pure Babel) is the one part of it services share.
FORBIDDEN_IN_SERVICES = ("jinja2", "weasyprint", "pypdf", "survey.render.pdf", "survey.render.charts",
                         "survey.render.strategy_map")

pytestmark = pytest.mark.maths


def imported_modules(path: Path, package: str | None = None) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function, relative ones resolved
    against ``package`` (by default the package the file is in)."""
    package = package or ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # from survey.render import pdf
    return names


def offending(path: Path, forbidden: tuple[str, ...], package: str | None = None) -> list[str]:
    return sorted(name for name in imported_modules(path, package)
                  if any(name == bad or name.startswith(bad + ".") for bad in forbidden))


def test_the_scan_sees_imports_inside_functions_and_relative_ones(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text("from .ahp import matrix\nimport survey.models\n\n\ndef later():\n"
                      "    from weasyprint import HTML\n    import jinja2.ext\n")
    assert offending(module, FORBIDDEN_IN_ANALYSIS, "analysis") == [
        "jinja2.ext", "survey.models", "weasyprint", "weasyprint.HTML"]
    assert "analysis.ahp" in imported_modules(module, "analysis")


@pytest.mark.parametrize("path", sorted((ROOT / "analysis").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_analysis_imports_no_web_templates_pdf_locale_or_database_code(path):
    assert offending(path, FORBIDDEN_IN_ANALYSIS) == []


@pytest.mark.parametrize("path", sorted((ROOT / "survey" / "services").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_services_render_no_pages_or_pdfs(path):
    assert offending(path, FORBIDDEN_IN_SERVICES) == []
