"""Commands that live in their own modules (batch, compare, appraise, ...).

Input: the click group of `cli.py`; output: that group with every command of this package
added. Each module of this package defines `command`, a click command, and imports its
options from `alignment.cli_options`, never from `alignment.cli`, so importing a command
module first (a test, the web app) cannot leave a half-imported module behind; a module
without `command` is an error rather than a command silently missing from `--help`.
"""

from __future__ import annotations

import importlib
import pkgutil


def register(group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "command", None)
        if command is None:
            raise RuntimeError(f"{module.__name__} defines no `command`")
        group.add_command(command)
