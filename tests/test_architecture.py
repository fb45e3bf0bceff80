"""The stage layout holds: every module imports on its own in any order, no import cycles between modules, and
data flows one way (corpus -> index -> assistant; eval beside, never importing assistant). See ARCHITECTURE.md."""
from __future__ import annotations

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("corpus", "index", "assistant", "eval")
# Stage -> stages it must not import.
FORBIDDEN = {"corpus": {"index", "assistant", "eval"}, "index": {"assistant", "eval"}, "eval": {"assistant"}}
# Cycles allowed as exactly themselves (a new cycle still fails); none are left.
KNOWN_CYCLES: set[frozenset[str]] = set()
# Imports against the data flow allowed as (importer, imported stage); none are left.
KNOWN_UPSTREAM: set[tuple[str, str]] = set()


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Project modules named by the import statements anywhere in the file (lazy imports inside functions too)."""
    out = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def _is_package_link(a: str, b: str) -> bool:
    """A package and its own submodule (corpus <-> corpus.parse) are one unit, not a cycle."""
    return a.startswith(b + ".") or b.startswith(a + ".")


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), ignoring package-submodule links."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    edges = {a: {b for b in bs if not _is_package_link(a, b)} for a, bs in g.items()}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_between_modules():
    g = graph()
    unexpected = [c for c in cycles(g) if not (len(c) == 2 and frozenset(c) in KNOWN_CYCLES)]
    assert unexpected == [], f"import cycles: {unexpected}"


def test_stages_import_one_way():
    bad = [(a, b) for a, bs in graph().items() for b in bs
           if b.split(".")[0] in FORBIDDEN.get(a.split(".")[0], set()) and (a, b.split(".")[0]) not in KNOWN_UPSTREAM]
    assert bad == [], f"imports against the data flow: {bad}"


def test_the_checker_sees_cycles_and_relative_imports():
    g = {"a.x": {"a.y"}, "a.y": {"a.x"}, "a": {"a.x"}, "a.x.z": set()}
    assert cycles(g) == [["a.x", "a.y"]]
    assert cycles({"p": {"p.q"}, "p.q": {"p"}}) == []


@pytest.mark.parametrize("seed", [14, 2026])
def test_every_module_imports_in_any_order(seed):
    names = [n for n in modules() if not n.endswith("__main__")]  # __main__ runs the command line
    random.Random(seed).shuffle(names)
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
    proc = subprocess.run([sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
