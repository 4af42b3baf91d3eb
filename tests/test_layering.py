"""Dependencies point down (DESIGN.md): records and contracts import nothing of ours; stages build
on them; alerts and web may use index; pipeline, cli and dags sit on top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"presswatch", "crawlers", "nlp", "index", "alerts", "dags", "web"}
CONTRACTS = {"presswatch.models", "presswatch.ids", "presswatch.settings", "presswatch.sources"}

ALLOWED = {
    "presswatch.models": set(),
    "presswatch.ids": set(),
    "presswatch.settings": set(),
    "presswatch.sources": {"presswatch.models"},
    "presswatch.sample_site": set(),
    "presswatch.resolve": CONTRACTS,
    "crawlers": CONTRACTS | {"crawlers"},
    "nlp": CONTRACTS | {"nlp"},
    "index": CONTRACTS | {"index"},
    "alerts": CONTRACTS | {"index", "alerts"},
}


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name.split(".")[0] in OURS}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def rule_for(module: str) -> set[str] | None:
    if module in ALLOWED:
        return ALLOWED[module]
    top = module.split(".")[0]
    return ALLOWED.get(top) if top != "presswatch" else None


FILES = [p for pkg in ("presswatch", "crawlers", "nlp", "index", "alerts") for p in sorted((ROOT / pkg).rglob("*.py"))]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_dependencies_point_down(path: Path) -> None:
    module = module_name(path)
    allowed = rule_for(module)
    if allowed is None:
        return  # pipeline, cli and other top-level modules may use everything
    bad = {name for name in imports_of(path)
           if not any(name == ok or name.startswith(ok + ".") for ok in allowed)}
    assert not bad, f"{module} imports {sorted(bad)}"


def test_package_init_is_free_of_imports() -> None:
    assert imports_of(ROOT / "presswatch" / "__init__.py") == set()
