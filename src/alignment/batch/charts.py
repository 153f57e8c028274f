"""Charts stage: the batch's `BatchSummary` -> two SVG charts, written by hand (no plotting library).

coverage.svg: for each objective and driver, the share of documents that commit to it, only
mention it, or lack it. objectives.svg: how many documents reflect 0-4 strategic objectives,
committed and committed-or-mentioned. Deterministic: fixed sizes, fixed number formats, no ids
or dates, so the same summary gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from .. import taxonomy
from .aggregate import BatchSummary

FAMILY = 'font-family="Helvetica, Arial, sans-serif"'
FONT = f'{FAMILY} font-size="12"'
COLOURS = {"committed": "#1f5f8b", "mentioned": "#8cb8d8", "absent": "#e3e3e3"}


@dataclass(frozen=True)
class CoverageChart:
    """coverage.svg of a batch: the summary (summary.json's content) it is drawn from."""

    summary: BatchSummary


@dataclass(frozen=True)
class ObjectivesChart:
    """objectives.svg of a batch: the summary it is drawn from."""

    summary: BatchSummary


def render_coverage_svg(chart: CoverageChart) -> str:
    """The registry's svg renderer of a `CoverageChart`."""
    return coverage_chart(chart.summary)


def render_objectives_svg(chart: ObjectivesChart) -> str:
    """The registry's svg renderer of an `ObjectivesChart`."""
    return objectives_chart(chart.summary)


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="16" y="24" {FAMILY} font-size="15" font-weight="bold">{escape(title)}</text>',
        *body, "</svg>", ""])


def coverage_chart(summary: BatchSummary) -> str:
    cats = summary.categories
    n = summary.analysed
    left, top, bar_w, bar_h, gap = 90, 64, 420, 22, 10
    body = _legend([("committed", "committed"), ("mentioned", "mentioned only"), ("absent", "absent")],
                   left, 44)
    for i, (cat, v) in enumerate(cats.items()):
        y = top + i * (bar_h + gap)
        body.append(f'<text x="{left - 8}" y="{y + 15}" {FONT} text-anchor="end">{escape(cat)}</text>')
        x = float(left)
        for part, count in (("committed", v.committed), ("mentioned", v.mentioned_only),
                            ("absent", v.absent)):
            w = bar_w * count / n if n else 0.0
            if w > 0:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                            f'fill="{COLOURS[part]}"><title>{cat} {part}: {count} of {n}</title></rect>')
            x += w
        if not n:
            body.append(f'<rect x="{left}" y="{y}" width="{bar_w}" height="{bar_h}" fill="{COLOURS["absent"]}"/>')
        body.append(f'<text x="{left + bar_w + 8}" y="{y + 15}" {FONT}>{v.committed} / '
                    f'{v.committed_or_mentioned} of {n}</text>')
    height = top + len(cats) * (bar_h + gap) + 24
    body.append(f'<text x="{left}" y="{height - 10}" {FONT} fill="#555555">Documents that commit to '
                f'(and commit to or mention) each objective and driver.</text>')
    return _svg(640, height, "Coverage by objective and driver", body)


def objectives_chart(summary: BatchSummary) -> str:
    dist = summary.objectives_per_document
    n = len(taxonomy.objectives())
    keys = [str(k) for k in range(n + 1)]
    peak = max([dist.committed[k] for k in keys] + [dist.committed_or_mentioned[k] for k in keys] + [1])
    left, base, plot_h, group_w, bar_w = 60, 300, 220, 100, 36
    body = _legend([("committed", "committed"), ("mentioned", "committed or mentioned")], left, 44)
    body.append(f'<line x1="{left}" y1="{base}" x2="{left + group_w * len(keys)}" y2="{base}" stroke="#333333"/>')
    for i, k in enumerate(keys):
        gx = left + i * group_w + 12
        for j, (series, colour) in enumerate((("committed", "committed"),
                                               ("committed_or_mentioned", "mentioned"))):
            count = getattr(dist, series)[k]
            h = plot_h * count / peak
            x = gx + j * (bar_w + 4)
            body.append(f'<rect x="{x}" y="{base - h:.1f}" width="{bar_w}" height="{h:.1f}" '
                        f'fill="{COLOURS[colour]}"><title>{k} objectives, {series.replace("_", " ")}: '
                        f'{count}</title></rect>')
            body.append(f'<text x="{x + bar_w / 2:.1f}" y="{base - h - 4:.1f}" {FONT} '
                        f'text-anchor="middle">{count}</text>')
        body.append(f'<text x="{gx + bar_w + 2}" y="{base + 18}" {FONT} text-anchor="middle">{k} of {n}</text>')
    body.append(f'<text x="{left}" y="{base + 44}" {FONT} fill="#555555">Documents by number of '
                f'strategic objectives reflected ({summary.analysed} documents).</text>')
    return _svg(600, base + 60, "Strategic objectives per document", body)


def _legend(items: list[tuple[str, str]], x: int, y: int) -> list[str]:
    out = []
    for colour, label in items:
        out.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{COLOURS[colour]}"/>')
        out.append(f'<text x="{x + 16}" y="{y}" {FONT}>{escape(label)}</text>')
        x += 24 + 7 * len(label)
    return out
