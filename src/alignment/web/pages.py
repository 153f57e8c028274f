"""App pages (Jinja2, autoescaped) and the existing HTML reports wrapped as app pages.

A report page is the very page `alignment check|compare|appraise --format html` writes, with
three additions: a bar on top (the app's navigation and the download links), the app's script
at the end (the evidence filter), and its CSP meta tag removed, because the app sends its own
policy as a header (which allows that one script from this origin and nothing else).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("alignment.web", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def page(template: str, **context) -> str:
    return _env().get_template(template).render(**context)


def report_page(kind: str, report_html: str, token: str, formats: dict[str, str], name: str) -> str:
    bar = _env().get_template("bar.html.j2").render(kind=kind, token=token, formats=formats, name=name)
    html = _CSP_META.sub("", report_html, count=1)
    html = html.replace("<body>", "<body>\n" + bar, 1)
    return html.replace("</body>", '<script src="/static/app.js"></script>\n</body>', 1)
