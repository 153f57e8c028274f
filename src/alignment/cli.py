"""Command line: parses options, calls the library, turns errors into one line and an exit code.

Exit codes: 0 success; 2 bad input (file, rule pack, gold file, wrong document kind); 1 an
internal error (reported in one line, never a traceback; ALIGNMENT_DEBUG=1 shows it). `batch`
also ends with 1 when some inputs failed and 2 when none succeeded (commands/batch.py).
"""

from __future__ import annotations

import atexit
import gc

# The cyclic garbage collector, as Python sets it (a collection every 700 net allocations, a
# full one that walks every object of the process every 10 of the next), cost a check ~10-20 %
# of its CPU: 0.12 s of a start, 0.17 s of a 100-page PDF, 0.55 s of 3.3 MB of real text (7
# full collections through the Document, spaCy's vocabulary and the rule pack for 0.44 s),
# while a check makes almost no cyclic garbage (with the collector off, a 10 MB text peaked
# 3 MB higher). It stays on, far less often. Set here, before the imports, for the commands
# of one run; `serve`, which runs for days, goes back to Python's thresholds (`main`).
_GC_DEFAULT = gc.get_threshold()
gc.set_threshold(100_000, 50, 100)

import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import click  # noqa: E402

from . import __version__  # noqa: E402
from .cli_options import (FORMATS, _stdin_if_dash, common_input, handle_errors, output_option, plan_options,  # noqa: E402
                          rules_option, write_output)
from .commands import register as _register_commands  # noqa: E402
from .errors import AlignmentError  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alignment")
@click.option("-v", "--verbose", is_flag=True, help="Log what the tool does on stderr.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Check how well UN and ILO planning documents carry the Decent Work Agenda."""
    if ctx.invoked_subcommand == "serve":
        gc.set_threshold(*_GC_DEFAULT)
    # When the process ends, Python's exit walks every object still held (spaCy's vocabulary,
    # the pack, the Document, the findings) in full collections, 0.15-0.2 s after a 100-page
    # check. Frozen at exit, they are left to the end of the process; a program that calls
    # `main` in-process keeps its collector as it was until then.
    atexit.unregister(gc.freeze)  # once, however often `main` runs in one process
    atexit.register(gc.freeze)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="alignment: %(message)s")


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@common_input
@plan_options
@handle_errors
def inspect(path, fmt, output, doc_type, max_size, language, rules_dirs, plan, country):
    """Show what the tool understood of FILE: type, language, sections, structural elements.
    FILE may be a UN INFO export (XLSX, CSV): choose the plan with --plan or --country."""
    from .pipeline import load_document
    from .report.text import render_inspect

    doc = load_document(path, max_size=int(max_size * 1024 * 1024), rules_dirs=tuple(rules_dirs),
                        language=language, stdin=_stdin_if_dash(path), plan=plan, country=country,
                        doc_type=doc_type)
    for w in doc.warnings:
        click.echo(f"alignment: {path}: warning: {w}", err=True)
    text = doc.model_dump_json(indent=2) + "\n" if fmt == "json" else render_inspect(doc)
    write_output(text, output)


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--max-findings", type=click.IntRange(min=0), default=10_000, show_default=True,
              help="Findings listed in the report, the first in reading order (0: all). Coverage, "
              "counts, standards and SDG targets always count every finding.")
@output_option
@common_input
@plan_options
@handle_errors
def check(path, fmt, max_findings, output, doc_type, max_size, language, rules_dirs, plan, country):
    """Map FILE to the four strategic objectives and the cross-cutting drivers, with evidence and gaps.
    FILE may be a UN INFO export (XLSX, CSV): choose the plan with --plan or --country."""
    from . import overlap
    from .pipeline import Pipeline
    from .report.formats import render

    stdin = _stdin_if_dash(path)
    pipeline = Pipeline.of(rules_dirs=tuple(rules_dirs), max_size=int(max_size * 1024 * 1024), language=language,
                           stdin=stdin, plan=plan, country=country, max_findings=max_findings or None,
                           doc_type=doc_type)
    # a large file is read in a child while this process starts the engine (overlap.py)
    report = overlap.run(pipeline, path) if overlap.wanted(path, stdin) else pipeline.run(path)
    for w in report.document.warnings:
        click.echo(f"alignment: {path}: warning: {w}", err=True)
    write_output(render(report, fmt), output)


@main.command()
@click.argument("text")
@click.option("--language", type=click.Choice(["en", "fr", "es"]), default=None,
              help="Skip language detection and use this language.")
@rules_option
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@handle_errors
def explain(text, language, rules_dirs, as_json):
    """Show every rule that fired on TEXT, its trigger words and modifiers, and what counted."""
    from .explain import explain as run_explain

    result = run_explain(text, language=language, rules_dirs=tuple(rules_dirs))
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else result["text"])


class _JsonUsageErrors(click.Command):
    """A command whose usage errors (an unknown option, a missing value), found before it runs, are also one
    JSON object on stdout when the arguments ask for JSON: a program reading the output always reads JSON."""

    def parse_args(self, ctx, args):
        wants_json = "--json" in args or "--format=json" in args or any(
            a == "--format" and b == "json" for a, b in zip(args, args[1:]))
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if wants_json:
                click.echo(json.dumps({"error": exc.format_message()}))
            raise


@main.command(name="eval", cls=_JsonUsageErrors)
@click.argument("paths", metavar="[PATH...]", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print exactly the JSON of the shared gold format (one object, "
              "for several gold files too: their passages pooled, each file's figures under 'files').")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format; json is the same as --json.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the result here instead of stdout.")
@click.option("--errors", "show_errors", is_flag=True, help="List each false positive and false negative "
              "(gold file).")
@click.option("--baseline", is_flag=True, help="Also score a plain keyword search with the packs' own terms "
              "(gold file).")
@click.option("--documents", is_flag=True, help="Score every corpus document below PATH against its expected.yaml.")
@click.option("--split", type=click.Choice(["tune", "test"]), help="Only the passages of this half of a real-text set (gold file); a file without halves is scored whole.")
@click.option("--lang", "only_lang", type=click.Choice(["en", "fr", "es"]), help="Only the passages of this language (gold file).")
@click.option("--texts", type=click.Path(dir_okay=True), help="The shared UN INFO export (or its folder) that "
              "label-only gold lines are joined with; default: shared/realdata beside the repository, or "
              "$ALIGNMENT_REALDATA.")
@rules_option
@handle_errors
def eval_cmd(paths, as_json, fmt, output, show_errors, baseline, documents, split, only_lang, texts, rules_dirs):
    """Measure the rules on one or more gold files (JSON Lines; `-`, or no path with the input redirected,
    for standard input; several are scored as one pooled set, each file's figures given too) or, with
    --documents, on the corpus. With --json a failure is also one JSON object, {"error": ...}, so that a
    reader of the output always gets JSON."""
    as_json = as_json or fmt == "json"
    try:
        if not paths:  # `alignment eval --json < gold.jsonl`: the gold lines come on standard input
            if sys.stdin is None or sys.stdin.isatty():
                raise click.UsageError("give a gold file (JSON Lines), a folder of them, or - for standard input")
            paths = ("-",)
        _eval(paths, as_json, output, show_errors, baseline, documents, split, only_lang, texts, rules_dirs)
    except click.exceptions.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - said in JSON too, then reported as every command reports it
        if as_json:
            message = exc.message if isinstance(exc, (AlignmentError, click.ClickException)) else \
                f"internal error: {exc.__class__.__name__}: {exc}"
            write_output(json.dumps({"error": message}) + "\n", output)
        raise


def _eval(paths, as_json, output, show_errors, baseline, documents, split, only_lang, texts, rules_dirs):
    from . import evaluate

    if documents:
        _eval_documents(paths, as_json, output, show_errors, baseline, split, only_lang, texts, rules_dirs)
        return
    paths = _gold_files(paths)
    several = len(paths) > 1
    label = ", ".join(paths) if several else paths[0]
    notes: list[str] = []
    files: list[tuple[str, list]] = []
    for one in paths:
        found: list[str] = []
        files.append((one, evaluate.read_gold(one, split=split, lang=only_lang, texts=texts, notes=found,
                                              stdin=_stdin_if_dash(one))))
        notes += [f"{one}: {note}" for note in found] if several else found
    if not as_json:  # with --json the notes go into the object: stdout and stderr stay apart or not
        for note in notes:
            click.echo(f"alignment: {'eval' if several else label}: warning: {note}", err=True)
    items = [item for _, part in files for item in part]
    preds = evaluate.predict(items, tuple(rules_dirs))
    result = evaluate.score(preds)
    if several:
        result["files"], at = {}, 0
        for one, part in files:
            own = evaluate.score(preds[at:at + len(part)])
            result["files"][one] = {"items": own["items"], "macro": own["macro"], "micro": own["micro"]}
            at += len(part)
    if notes:
        result["notes"] = notes
    if baseline:
        result["baseline"] = evaluate.score(preds, evaluate.baseline_predictor(tuple(rules_dirs)))
    if show_errors:
        result["errors"] = evaluate.errors(preds)
    write_output(json.dumps(result) + "\n" if as_json else render_eval(label, result), output)


def _eval_documents(paths, as_json, output, show_errors, baseline, split, only_lang, texts, rules_dirs):
    """eval --documents: every corpus document below the one folder against its expected.yaml."""
    if len(paths) > 1:
        raise click.UsageError("--documents takes one folder")
    gold_only = [name for name, given in (("--errors", show_errors), ("--baseline", baseline),
                                          ("--split", split), ("--lang", only_lang), ("--texts", texts)) if given]
    if gold_only:
        raise click.UsageError(f"{', '.join(gold_only)}: for a gold file, not with --documents")
    from .expectations import evaluate_documents, render_documents
    result = evaluate_documents(paths[0], rules_dirs=tuple(rules_dirs))
    write_output((json.dumps(result, indent=2) + "\n") if as_json else render_documents(result) + "\n", output)
    if result["failed"]:
        sys.exit(1)

def _gold_files(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The gold files named: a folder stands for the .jsonl files directly inside it (corpora/gold: en, fr, es)."""
    found: list[str] = []
    for one in paths:
        if not os.path.isdir(one):
            found.append(one)
            continue
        inside = sorted(os.path.join(one, f) for f in os.listdir(one) if f.endswith(".jsonl"))
        if not inside:
            raise AlignmentError(one, "is a directory with no .jsonl gold file: give a gold file, or add --documents")
        found += inside
    return tuple(found)


def render_eval(path: str, r: dict) -> str:
    lines = [f"{path}: {r['items']} passages", "",
             f"{'category':9} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'support':>8}"
             + ("   baseline F1" if "baseline" in r else "")]
    for c, v in r["categories"].items():
        base = r.get("baseline", {}).get("categories", {}).get(c)
        lines.append(f"{c:9} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:5} {v['fp']:5} "
                     f"{v['fn']:5} {v['support']:8}" + (f"   {base['f1']:6.3f}" if base else ""))
    for k in ("macro", "micro"):
        v = r[k]
        base = r.get("baseline", {}).get(k)
        lines.append(f"{k:9} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}"
                     + (f"{'':30}   {base['f1']:6.3f}" if base else ""))
    for name, f in r.get("files", {}).items():
        lines.append(f"{name}: {f['items']} passages, macro F1 {f['macro']['f1']:.3f}, micro F1 {f['micro']['f1']:.3f}")
    for e in r.get("errors", []):
        detail = "; ".join(e["rules"]) if e["kind"] == "FP" else e["why"]
        lines.append(f"\n{e['kind']} {e['category']} {e['id']}: {e['text'][:300]}\n    {detail}")
    return "\n".join(lines) + "\n"


@main.group()
def rules():
    """Validate and list rule packs."""


@rules.command(name="validate")
@click.argument("directory", required=False)
@handle_errors
def rules_validate(directory):
    """Check every rule file of DIRECTORY (default: the packs shipped with the tool): the schema,
    ids used twice (in one file or in two), topics missing from the taxonomy, spaCy token
    patterns and the appraisal checklist; every problem with file and line."""
    from .packs import LANGUAGES, check_default, load_pack, validate_dir

    if directory:
        parsed, problems = validate_dir(directory)
        if problems:
            for p in problems:
                click.echo(f"alignment: {p}", err=True)
            sys.exit(2)
        n = sum(len(f.model.rules) + len(f.model.context) for f in parsed)
        click.echo(f"{directory}: {len(parsed)} file(s), {n} rule(s): valid")
        return
    problems = list(dict.fromkeys(p for lang in LANGUAGES for p in check_default(lang)))
    if problems:
        for p in problems:
            click.echo(f"alignment: {p}", err=True)
        sys.exit(2)
    for lang in LANGUAGES:
        pack = load_pack(lang)
        click.echo(f"{lang}: {pack.version}: {len(pack.content.rules)} match rules, "
                   f"{len(pack.content.context)} context rules: valid")


@rules.command(name="list")
@click.option("--language", type=click.Choice(["en", "fr", "es"]), default="en", show_default=True)
@rules_option
@handle_errors
def rules_list(language, rules_dirs):
    """Show the pack's categories, rule counts and context rules."""
    from .packs import load_pack

    pack = load_pack(language, tuple(rules_dirs))
    meta = pack.metas
    click.echo(f"pack {pack.version}; period " + ", ".join(sorted({m.period for m in meta})))
    counts: dict[str, dict[str, int]] = {}
    for r in pack.content.rules:
        kind = "phrase" if r.phrases else "pattern" if r.pattern else "regex" if r.regex else "fuzzy"
        counts.setdefault(r.category, {}).setdefault(kind, 0)
        counts[r.category][kind] += 1
    for cat in sorted(counts):
        detail = ", ".join(f"{n} {k}" for k, n in sorted(counts[cat].items()))
        click.echo(f"  {cat:8} {sum(counts[cat].values()):3} rules ({detail})")
    mods: dict[str, int] = {}
    for c in pack.content.context:
        mods[c.modifier] = mods.get(c.modifier, 0) + 1
    click.echo("  context: " + ", ".join(f"{n} {m}" for m, n in sorted(mods.items())))
    click.echo(f"  instruments: {len(pack.content.instruments)}; sources: {len(pack.sources)} files")


@main.command()
@click.argument("what", type=click.Choice(["check", "document", "rules"]))
def schema(what):
    """Print a JSON Schema: the check report, the inspect document, or a rule file."""
    if what == "check":
        from .results import Report
        click.echo(json.dumps(Report.model_json_schema(), indent=2))
    elif what == "document":
        from .document import Document
        click.echo(json.dumps(Document.model_json_schema(), indent=2))
    else:
        from .schema import RuleFile
        click.echo(json.dumps(RuleFile.model_json_schema(), indent=2))


_register_commands(main)

if __name__ == "__main__":  # pragma: no cover
    main()
