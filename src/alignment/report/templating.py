"""One jinja2 environment for every HTML report (check, compare, appraise) and the web app.

Autoescaping is on, so document text is escaped wherever a template prints it; the only
markup built in Python (the <mark> of `highlight`, the SVG chart, heat-map colours) escapes
its text first. The web app adds its own template folder in front of the report templates:
its pages extend the same report templates, so the browser and the CLI show one report.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader


def environment(*loaders: BaseLoader) -> Environment:
    from . import compare_html, html
    from ..snippet import snippet
    from .names import name, named

    env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("alignment.report", "templates")]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(pages=html.pages, highlight=html.highlight, where=html.where, via=html.via,
                       plural=html.plural, heat=compare_html.heat, ink=compare_html.ink, snippet=snippet,
                       name=name, named=named)
    env.globals.update(STRENGTH=html.STRENGTH, STATUS=html.STATUS, DOC_TYPES=html.DOC_TYPES,
                       LANGUAGES=html.LANGUAGES, ACTORS=html.ACTORS, MODIFIERS=html.MODIFIERS,
                       VERDICT=compare_html.VERDICT, LEVEL=compare_html.LEVEL)
    return env


@lru_cache(maxsize=1)
def report_environment() -> Environment:
    """The environment of the CLI's HTML reports."""
    return environment()
