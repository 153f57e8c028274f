"""The package's modules import in any order, without cycles, and do nothing when imported.

A module-level import cycle works or breaks depending on which module is imported first (the
old `alignment.commands.compare` before `alignment.cli` silently dropped `compare` from the
CLI), so the graph of top-level imports is checked to have none, and every module is imported
first, alone, in a fresh interpreter state, and in two orders. Importing loads no spaCy, prints
nothing, starts no thread and reads no rule pack: that happens on first use.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import alignment

ROOT = Path(alignment.__file__).parent
# Modules whose import is the point: the spaCy factory registration and `python -m alignment`.
ACTIVE = {"alignment.component", "alignment.__main__"}


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for p in sorted(ROOT.rglob("*.py")):
        parts = list(p.relative_to(ROOT.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (p, is_pkg)
    return out


def _top_level_imports(name: str, path: Path, is_pkg: bool, modules) -> set[str]:
    """The package modules `name` imports when it is imported (not inside functions, not under
    `if TYPE_CHECKING:`)."""
    deps = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: None if is_pkg else -1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                deps.add(sub if sub in modules else target)
        elif isinstance(node, ast.Import):
            deps.update(a.name for a in node.names)
    return {d for d in deps if d in modules and d != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(v):
        state[v] = 1
        path.append(v)
        for w in sorted(graph[v]):
            if state.get(w) == 1:
                return path[path.index(w):] + [w]
            if w not in state and (found := visit(w)):
                return found
        path.pop()
        state[v] = 2
        return None

    for v in sorted(graph):
        if v not in state and (found := visit(v)):
            return found
    return None


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {m: _top_level_imports(m, p, pkg, modules) for m, (p, pkg) in modules.items()}
    assert len(graph) > 100
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


PROBE = r"""
import importlib, io, json, sys, threading, contextlib
names = json.loads(sys.argv[1])
problems = []
def fresh():
    for m in [m for m in sys.modules if m == "alignment" or m.startswith("alignment.")]:
        del sys.modules[m]
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
    for name in names:  # each module first, alone
        fresh()
        try:
            importlib.import_module(name)
        except Exception as exc:
            problems.append(f"{name} alone: {type(exc).__name__}: {exc}")
    for order in (names, names[::-1]):
        fresh()
        for name in order:
            try:
                importlib.import_module(name)
            except Exception as exc:
                problems.append(f"{name} after others: {type(exc).__name__}: {exc}")
from alignment.packs import load_pack
print(json.dumps({"problems": problems, "output": out.getvalue(), "threads": threading.active_count(),
                  "spacy": "spacy" in sys.modules, "packs_read": load_pack.cache_info().currsize}))
"""


def test_every_module_imports_alone_and_in_any_order_and_does_nothing():
    names = sorted(set(_modules()) - ACTIVE)
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(names)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["problems"] == []
    assert got["output"] == ""  # no print, no warning, no log line
    assert got["threads"] == 1
    assert got["spacy"] is False  # spaCy loads when the first document is matched
    assert got["packs_read"] == 0  # no rule pack is read at import time


def test_a_command_module_imported_first_keeps_every_command():
    code = ("import alignment.commands.compare, alignment.commands.appraise, alignment.commands.batch; "
            "from alignment.cli import main; print(' '.join(sorted(main.commands)))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert {"appraise", "batch", "check", "compare", "serve"} <= set(run.stdout.split())
