"""`alignment compare DWCP FRAMEWORK`: option parsing over `alignment.compare.compare_files`."""

from __future__ import annotations

import json
import sys

import click

from ..cli_options import handle_errors, max_size_option, output_option, plan_options, rules_option, write_output
from ..report.formats import render

FORMATS = ["text", "json", "csv", "md", "xlsx", "html"]


@click.command(name="compare")
@click.argument("dwcp", required=False)
@click.argument("framework", required=False)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: matrix and findings; json; csv and xlsx: the priorities x framework outcomes "
                   "matrix; md; html: a self-contained report with the matrix as a heat map.")
@output_option
@click.option("--schema", "show_schema", is_flag=True, help="Print the JSON Schema of the comparison and exit.")
@rules_option
@max_size_option
@plan_options
@handle_errors
def command(dwcp, framework, fmt, output, show_schema, rules_dirs, max_size, plan, country):
    """How far a Cooperation Framework (UNSDCF/UNDAF) reflects a Decent Work Country Programme.

    For each DWCP priority and outcome: reflected fully, partly or not at all (topics kept and
    lost), where (framework outcomes, outputs, indicators, with quotes and pages), whether the
    ILO contributes and the social partners are named there; the framework's decent-work
    outcomes no priority covers; and a summary paragraph. Give the DWCP first. The framework
    may be a UN INFO export (XLSX, CSV): choose its plan with --plan or --country.
    """
    if show_schema:
        from ..compare.model import Comparison
        click.echo(json.dumps(Comparison.model_json_schema(), indent=2))
        return
    if not dwcp or not framework:
        raise click.UsageError("give two files: the DWCP, then the Cooperation Framework")
    if fmt == "xlsx" and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("xlsx is binary: give -o FILE.xlsx")
    from ..compare import compare_files

    result = compare_files(dwcp, framework, rules_dirs=tuple(rules_dirs), max_size=int(max_size * 1024 * 1024),
                           plan=plan, country=country)
    for w in result.warnings:
        click.echo(f"alignment: warning: {w}", err=True)
    write_output(render(result, fmt), output)
