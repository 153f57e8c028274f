"""Import spaCy without its command-line interface: half a second less at every start.

`import spacy` runs `from .cli.info import info`, and `spacy.cli` imports every spaCy command
with their dependencies (typer, weasel, requests, httpx, rich, jinja2): about 40 % of spaCy's
import time, none of it used here. `load()`, called before anything else imports spaCy (every
module of this package that needs spaCy calls it first, on first use; importing this module
does nothing), puts two placeholders in `sys.modules` for the duration of `import spacy`: `spacy.cli` (a
package whose submodules still load from the real folder) and `spacy.cli.info`, whose `info`
imports the real one when called. Both are removed once spaCy is imported, so a later
`import spacy.cli` (by a user of the library, or `spacy.info()`) gets the real modules.

spaCy and the libraries it imports (confection, packaging, its tokenizer exceptions) compile
~100 regular expressions on import: they come from the on-disk regex cache (`regex_cache`, scope
"spacy-import"), ~0.03 s of every start.

If spaCy is already imported, `load()` only returns it. If spaCy's import fails with the placeholders
(a spaCy release that imports more of its CLI at start-up), spaCy is imported the normal way.
Set ALIGNMENT_SPACY_CLI=1 to skip this and import spaCy as it is.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load():
    """spaCy, imported without its command-line interface if it is not imported yet."""
    _import()
    import spacy

    return spacy


def _import() -> None:
    if "spacy" in sys.modules or os.environ.get("ALIGNMENT_SPACY_CLI") == "1":
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [os.path.join(p, "cli") for p in spec.submodule_search_locations]
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    placeholders = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(placeholders)
    from .regex_cache import Scope, patched

    try:
        with patched(Scope("spacy-import")):
            import spacy
    except Exception:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        placeholders.clear()
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is cli:
        del spacy.cli
