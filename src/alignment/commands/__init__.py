"""Commands that live in their own modules (batch, compare, appraise, ...).

Each module of this package defines `command`, a click command; `register(main)` adds every
one to the CLI group, so a new command needs no edit of `cli.py`.
"""

from __future__ import annotations

import importlib
import pkgutil


def register(group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "command", None)
        if command is not None:
            group.add_command(command)
