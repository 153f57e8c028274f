"""Report stage, compare HTML: `Comparison` -> one self-contained, inert HTML page.

Input: a `Comparison` (compare/model.py). Output: str of HTML with inline CSS and the matrix as a
heat map (an HTML table whose cells carry an inline background colour computed here from the
match score); no scripts, no external URLs, a Content-Security-Policy `default-src 'none';
style-src 'unsafe-inline'` meta tag. Document text is escaped by jinja2 autoescaping.
Same comparison -> same bytes.
"""

from __future__ import annotations

from ..compare.model import Comparison
from .compare_text import LEVEL, matrix_rows
from .html import LANGUAGES, pages

VERDICT = {"full": "Fully reflected", "partial": "Partly reflected", "none": "Not reflected"}
_LOW, _MID, _HIGH = (255, 255, 255), (246, 227, 161), (47, 133, 90)


def heat(score: float | None) -> str:
    """Background colour of a matrix cell: white (0) -> yellow (0.35) -> green (1)."""
    if score is None:
        return "#ffffff"
    s = max(0.0, min(1.0, score))
    a, b, t = (_LOW, _MID, s / 0.35) if s < 0.35 else (_MID, _HIGH, (s - 0.35) / 0.65)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def ink(score: float | None) -> str:
    return "#ffffff" if score is not None and score >= 0.7 else "#1a202c"


def context(c: Comparison) -> dict:
    cols, rows = matrix_rows(c)
    return dict(c=c, cols=cols, rows=rows)


def render_compare_html(c: Comparison) -> str:
    from .templating import report_environment

    return report_environment().get_template("compare.html.j2").render(**context(c))
