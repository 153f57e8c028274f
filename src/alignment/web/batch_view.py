"""What the Batch page shows of a finished run: results folder -> the template's context.

Input: the results folder `run_batch` wrote (summary.json, documents.csv, errors.csv, the
charts). Output: a dict for `batch.html.j2`: the comparable table (one row per document: type,
language, pages, the strength of each objective and driver, objectives committed, social
partners), the failed inputs with their one-line reasons, the summary statistics and the
downloads. Everything is read from the files the batch wrote, so the page and the downloads
cannot disagree.
"""

from __future__ import annotations

import base64
import csv
import json
import os

from .. import taxonomy
from ..report.formats import BATCH_FILES
from ..report.names import name
from .batch_child import KEPT

SPREAD = ["4", "3", "2", "1", "0"]
SPREAD_WORDS = {"4": "all four objectives", "3": "three", "2": "two", "1": "one", "0": "none"}


def _rows(path: str) -> list[dict[str, str]]:
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _chart(path: str) -> str | None:
    """An SVG chart as a data: address (the page's policy allows images from data: only)."""
    if not os.path.exists(path):
        return None
    with open(path, "rb") as fh:
        return "data:image/svg+xml;base64," + base64.b64encode(fh.read()).decode("ascii")


def downloads(output: str) -> list[tuple[str, str, int]]:
    """(file name, what it holds, bytes) of every output present, in the batch's own order."""
    return [(f, BATCH_FILES[f][2], os.path.getsize(os.path.join(output, f)))
            for f in KEPT if os.path.exists(os.path.join(output, f))]


def results(output: str) -> dict:
    from ..batch.aggregate import BatchSummary

    with open(os.path.join(output, "summary.json"), encoding="utf-8") as fh:
        summary = BatchSummary.from_json(json.load(fh))
    spread = summary.objectives_per_document
    return {
        "summary": summary,
        "documents": _rows(os.path.join(output, "documents.csv")),
        "errors": _rows(os.path.join(output, "errors.csv")),
        "columns": [(c, name(c)) for c in taxonomy.scored()],
        "spread": [(k, SPREAD_WORDS[k], spread.committed.get(k, 0), spread.committed_or_mentioned.get(k, 0))
                   for k in SPREAD],
        "categories": [(c, name(c) or c, v) for c, v in summary.categories.items()],
        "partners": summary.social_partners,
        "downloads": downloads(output),
        "charts": [c for c in (_chart(os.path.join(output, "objectives.svg")),
                               _chart(os.path.join(output, "coverage.svg"))) if c],
    }
