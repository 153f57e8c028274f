"""Which function writes which report in which format: one registry for the CLI and the web app.

Input: a report kind ("check", "compare", "appraise"), its pydantic model (`Report`,
`Comparison`, `Appraisal`) and a format. Output: the rendered str (or bytes for DOCX). JSON
comes from the model itself; every other format from a "module:function" of `alignment.report`,
imported only when it is used. A new format is one line here, and reaches `alignment check
--format`, `compare`, `appraise` and the web app's downloads alike.
"""

from __future__ import annotations

import importlib

RENDERERS: dict[str, dict[str, str]] = {
    "check": {"text": "text:render_check", "md": "markdown:render_markdown", "csv": "tables:render_csv",
              "html": "html:render_html"},
    "compare": {"text": "compare_text:render_compare_text", "md": "compare_text:render_compare_markdown",
                "csv": "compare_tables:render_compare_csv", "xlsx": "compare_tables:render_compare_xlsx",
                "html": "compare_html:render_compare_html"},
    "appraise": {"text": "appraisal:render_text", "md": "appraisal:render_markdown",
                 "html": "appraisal:render_html", "docx": "appraisal_files:render_docx"},
}


def render(kind: str, model, fmt: str) -> str | bytes:
    """`model` (of report `kind`) in format `fmt`."""
    if fmt == "json":
        return model.model_dump_json(indent=2) + "\n"
    module, function = RENDERERS[kind][fmt].split(":")
    return getattr(importlib.import_module(f"alignment.report.{module}"), function)(model)
