"""`alignment appraise`: option parsing over `alignment.appraise` (one proposal or a folder)."""

from __future__ import annotations

import json
import os
import sys

import click

from ..cli_options import handle_errors, output_option, proposal_input, write_output
from ..report.formats import render

FORMATS = ["text", "md", "html", "json", "docx", "xlsx"]
_BY_EXTENSION = {".md": "md", ".html": "html", ".htm": "html", ".json": "json", ".docx": "docx", ".xlsx": "xlsx",
                 ".txt": "text"}


def _format(fmt: str | None, output: str | None, folder: bool) -> str:
    if fmt is None:
        ext = os.path.splitext(output or "")[1].lower()
        fmt = _BY_EXTENSION.get(ext, "xlsx" if folder and output not in (None, "-") else "text")
    if folder and fmt not in ("xlsx", "json", "text"):
        raise click.UsageError("a folder is appraised into a table: use -o FILE.xlsx, --format json or text")
    if fmt in ("docx", "xlsx") and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is a binary format: give -o FILE.{fmt}")
    return fmt


@click.command(name="appraise")
@click.argument("path", required=False)
@click.option("--dwcp", "dwcp_path", default=None, metavar="DWCP",
              help="A Decent Work Country Programme file: also check alignment with its outcome codes and topics.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o extension; text for one file, xlsx for a folder). "
                   "One proposal: any of these (xlsx: the one-row table of a folder); a folder: text, json "
                   "or xlsx.")
@output_option
@click.option("--schema", "show_schema", is_flag=True, help="Print the JSON Schema of the appraisal and exit.")
@proposal_input
@handle_errors
def command(path, dwcp_path, fmt, output, show_schema, doc_type, max_size, language, rules_dirs):
    """Appraise a development cooperation PROPOSAL (or every file of a FOLDER): a verdict per
    criterion (pass / weak / absent) with quoted evidence and a suggestion, the suggested UN and
    OECD-DAC gender markers, and an overall verdict (ready / revise / major_gaps)."""
    from ..appraise import appraise, load_dwcp
    from ..appraise.model import AppraisalTable

    if show_schema:
        from ..appraise.model import Appraisal
        click.echo(json.dumps(Appraisal.model_json_schema(), indent=2))
        return
    if not path:
        raise click.UsageError("give a PROPOSAL file or a FOLDER of proposals (or --schema)")
    folder = os.path.isdir(path)
    fmt = _format(fmt, output, folder)
    size = int(max_size * 1024 * 1024)
    ctx = load_dwcp(dwcp_path, rules_dirs=tuple(rules_dirs), max_size=size) if dwcp_path else None
    if folder:
        from ..appraise.folder import appraise_folder
        rows = appraise_folder(path, dwcp=ctx, rules_dirs=tuple(rules_dirs), max_size=size, language=language,
                              doc_type=doc_type)
        write_output(render(AppraisalTable(rows), fmt), output)
        return
    stdin = sys.stdin.buffer.read() if path == "-" else None
    a = appraise(path, dwcp=ctx, rules_dirs=tuple(rules_dirs), max_size=size, language=language, stdin=stdin,
                 doc_type=doc_type)
    for w in a.warnings:
        click.echo(f"alignment: {path}: warning: {w}", err=True)
    if fmt == "xlsx":
        from ..appraise.folder import row_of
        write_output(render(AppraisalTable([(row_of(path, a), a)]), fmt), output)
        return
    write_output(render(a, fmt), output)
