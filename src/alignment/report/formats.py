"""Which function writes which model in which format: one registry for the CLI, the web app and
the library.

Input: a result model (`Report` of check, `Comparison` of compare, `Appraisal` and the folder
`AppraisalTable` of appraise, the `BatchSummary` of batch) and a format. Output: the rendered str (or bytes for XLSX and
DOCX). The registry is keyed by the model's class ("module:Class", so nothing is imported to
look it up) and the format; each renderer is a "module:function" of `alignment.report`, imported
only when it is used. A new format is one line here, and reaches `alignment check --format`,
`compare`, `appraise` and the web app's downloads alike. The batch writes summary.md and
summary.json through it (the web app's Batch page shows and offers those files), and its other
files too: the tables (documents.csv, findings.csv, errors.csv, plans.csv: `Table`, whose
writer is also that of `check --format csv`) and
results.xlsx (`BatchWorkbook`) through `write` (`WRITERS`: streamed into the file), the charts
(`CoverageChart`, `ObjectivesChart`) as svg. The finding rows are those of `check --format csv`
(`report/tables.finding_rows`). Which file of a batch's folder is which model and format, and
its label on the web app's Batch page, is one table here too (`BATCH_FILES`).
"""

from __future__ import annotations

import importlib

_JSON = "formats:model_json"

RENDERERS: dict[str, dict[str, str]] = {
    "alignment.results:Report": {
        "json": _JSON, "text": "text:render_check", "md": "markdown:render_markdown", "csv": "tables:render_csv",
        "html": "html:render_html"},
    "alignment.compare.model:Comparison": {
        "json": _JSON, "text": "compare_text:render_compare_text", "md": "compare_text:render_compare_markdown",
        "csv": "compare_tables:render_compare_csv", "xlsx": "compare_tables:render_compare_xlsx",
        "html": "compare_html:render_compare_html"},
    "alignment.appraise.model:Appraisal": {
        "json": _JSON, "text": "appraisal:render_text", "md": "appraisal:render_markdown",
        "html": "appraisal:render_html", "docx": "appraisal_files:render_docx"},
    "alignment.appraise.model:AppraisalTable": {
        "json": "appraisal_files:render_table_json", "text": "appraisal:render_table_text",
        "xlsx": "appraisal_files:render_table_xlsx"},
    "alignment.batch.aggregate:BatchSummary": {
        "json": "alignment.batch.outputs:render_summary_json", "md": "alignment.batch.outputs:render_summary_markdown"},
    "alignment.batch.charts:CoverageChart": {"svg": "alignment.batch.charts:render_coverage_svg"},
    "alignment.batch.charts:ObjectivesChart": {"svg": "alignment.batch.charts:render_objectives_svg"},
}

WRITERS: dict[str, dict[str, str]] = {
    "alignment.report.tables:Table": {"csv": "tables:write_table_csv"},
    "alignment.batch.outputs:BatchWorkbook": {"xlsx": "alignment.batch.outputs:write_workbook_xlsx"},
}
"""Renderers that stream into an open file (`write`) instead of returning the whole text: the
batch's tables, whose findings (~450,000 rows for 1,000 documents) never sit in memory at once."""

LABELS = {"json": "JSON", "md": "Markdown", "html": "HTML", "csv": "CSV", "xlsx": "Excel", "docx": "Word",
          "text": "Text", "svg": "SVG"}
"""Each format's label where it is offered (the web app's downloads), in the order it is offered."""

BATCH_FILES: dict[str, tuple[str, str, str]] = {
    "documents.csv": ("alignment.report.tables:Table", "csv", "one row per document"),
    "findings.csv": ("alignment.report.tables:Table", "csv", "every finding with its evidence"),
    "errors.csv": ("alignment.report.tables:Table", "csv", "failed inputs and why"),
    "plans.csv": ("alignment.report.tables:Table", "csv", "UN INFO plans"),
    "results.xlsx": ("alignment.batch.outputs:BatchWorkbook", "xlsx", "the workbook"),
    "coverage.svg": ("alignment.batch.charts:CoverageChart", "svg", "chart: coverage"),
    "objectives.svg": ("alignment.batch.charts:ObjectivesChart", "svg", "chart: objectives per document"),
    "summary.md": ("alignment.batch.aggregate:BatchSummary", "md", "summary (Markdown)"),
    "summary.json": ("alignment.batch.aggregate:BatchSummary", "json", "summary (JSON)"),
}
"""The files of a batch's results folder, in the order they are offered (the web app's Batch
page and its zip): for each, the model and format it is written from (an entry of `RENDERERS` or
`WRITERS`) and its label where it is offered. plans.csv is written only for UN INFO exports;
summary.json last, as it is written last (its presence marks a complete run)."""

KINDS = {"check": "alignment.results:Report", "compare": "alignment.compare.model:Comparison",
         "appraise": "alignment.appraise.model:Appraisal"}
"""The model each command (and web page) reports in."""


def model_json(model) -> str:
    """A pydantic model as the JSON every command writes (`--format json`)."""
    return model.model_dump_json(indent=2) + "\n"


def formats(kind: str) -> list[str]:
    """The formats the model of command `kind` can be written in."""
    return list(RENDERERS[KINDS[kind]])


def offered(kind: str) -> dict[str, str]:
    """The formats of command `kind` with their labels, in the order of `LABELS`."""
    have = RENDERERS[KINDS[kind]]
    return {fmt: label for fmt, label in LABELS.items() if fmt in have}


def _key(model, registry: dict[str, dict[str, str]] = RENDERERS) -> str:
    for cls in type(model).__mro__:
        key = f"{cls.__module__}:{cls.__qualname__}"
        if key in registry:
            return key
    raise TypeError(f"no renderer is registered for {type(model).__name__}")


def render(model, fmt: str) -> str | bytes:
    """`model` in format `fmt`."""
    return renderer(RENDERERS[_key(model)][fmt])(model)


def write(model, fmt: str, fh):
    """`model` in format `fmt`, streamed into the open file `fh` (text or binary, as the format
    is); a model with no streaming writer is rendered whole and written. Returns what the
    writer returns (a table: its row count)."""
    try:
        key = _key(model, WRITERS)
    except TypeError:
        fh.write(render(model, fmt))
        return None
    return renderer(WRITERS[key][fmt])(model, fh)


def renderer(target: str):
    """The function a registry entry names: "module:function" of `alignment.report`, or of any
    module named in full ("alignment.batch.outputs:...")."""
    module, function = target.split(":")
    if not module.startswith("alignment."):
        module = f"alignment.report.{module}"
    return getattr(importlib.import_module(module), function)
