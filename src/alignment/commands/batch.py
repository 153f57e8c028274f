"""`alignment batch`: option parsing and progress display over `alignment.batch.run_batch`."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click

from ..cli_options import handle_errors, max_size_option, rules_option

if TYPE_CHECKING:
    from ..batch.aggregate import BatchSummary


@click.command(name="batch")
@click.argument("sources", metavar="FOLDER|MANIFEST.csv|EXPORT.xlsx ...", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Results folder (created if needed): documents.csv, findings.csv, errors.csv, "
                   "summary.json/.md, results.xlsx, charts and the cache.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--resume", is_flag=True,
              help="Reuse results cached in the output folder; analyse only what is missing.")
@click.option("--timeout", type=click.FloatRange(min=0), default=300.0, show_default=True,
              help="Seconds allowed per document (0: no limit); a slower document is stopped within "
                   "a second or two and listed in errors.csv as a timeout, and the run goes on.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary table, no messages "
              "from the executor (Dask's included); failed inputs still get one line on stderr.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are analysed: a local process pool or a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (default: a local cluster on 127.0.0.1).")
@rules_option
@max_size_option
@handle_errors
def command(sources, output, workers, resume, timeout, quiet, executor, scheduler, rules_dirs, max_size):
    """Analyse every document of a FOLDER (or listed in a MANIFEST.csv with a `path` column and
    any other columns: country, type, year, ...) and write comparable tables and statistics.

    UN INFO work plan exports (XLSX, CSV; given, or found in a folder) give one document per
    plan, their rows merged by sub-output ID over all exports (one export per theme of a region
    counts a sub-output once), and the Governing-Body table per plan (plans.csv) and per region
    (summary.md).

    \b
    Manifest paths are relative to the folder the manifest is in, or absolute
    (`docs/plan.pdf` in /data/manifest.csv is /data/docs/plan.pdf); a path that does not
    exist is an error row giving the path looked for.

    Every input ends up in documents.csv or errors.csv; duplicates are reported, not merged.

    \b
    Exit code: 0 every input analysed; 1 some inputs failed (see errors.csv);
    2 none succeeded (no input analysed), or the run could not start.
    """
    from ..batch import BatchOptions, run_batch
    from ..batch.run import default_workers

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    options = BatchOptions(workers=workers or default_workers(), resume=resume, timeout=timeout,
                           executor=executor, scheduler=scheduler, rules_dirs=tuple(rules_dirs),
                           max_size=int(max_size * 1024 * 1024), quiet=quiet)
    bar = None

    def start(total: int) -> None:
        nonlocal bar
        if quiet or not sys.stderr.isatty():
            return
        from tqdm import tqdm
        tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
        bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, leave=False)

    t0 = time.monotonic()
    try:
        result = run_batch(list(sources), output, options, progress=lambda n: bar and bar.update(n),
                           on_start=start)
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.monotonic() - t0
    s = result.summary
    if not quiet:
        _report(s, result, output, elapsed)
    failed, inputs = s.errors, s.inputs
    source = ", ".join(str(x) for x in sources)
    if inputs == 0 or failed == inputs:
        what = "no inputs found" if inputs == 0 else f"all {inputs} input(s) failed; see {output}/errors.csv"
        click.echo(f"alignment: {source}: {what}", err=True)
        sys.exit(2)
    if failed:
        click.echo(f"alignment: {source}: {failed} of {inputs} input(s) failed; see {output}/errors.csv",
                   err=True)
        sys.exit(1)


def _report(s: BatchSummary, result, output: str, elapsed: float) -> None:
    from ..batch.aggregate import PARTNER_STATUSES

    skipped = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in s.skipped.items() if v)
    if skipped:
        click.echo(f"alignment: skipped (not inputs): {skipped}", err=True)
    rate = result.analysed_now / elapsed * 60 if elapsed > 0 else 0.0
    click.echo(f"{s.inputs} inputs: {s.documents} documents ({s.analysed} analysed, "
               f"{s.cached} from the cache, {s.duplicates} duplicate(s)), {s.errors} error(s); "
               f"{elapsed:.1f} s, {rate:.0f} documents/min")
    dist = s.objectives_per_document
    click.echo("objectives per document   " + "  ".join(f"{k}:{v:>4}" for k, v in dist.committed.items())
               + "   (committed)")
    click.echo("                          " + "  ".join(f"{k}:{v:>4}" for k, v in dist.committed_or_mentioned.items())
               + "   (committed or mentioned)")
    click.echo("committed                 " + "  ".join(f"{c} {v.committed}" for c, v in s.categories.items()))
    sp = s.social_partners
    click.echo("social partners           " + "  ".join(f"{k} {sp.count(k)}" for k in PARTNER_STATUSES))
    if s.uninfo_plans:
        t = s.uninfo_plans["all"]
        d = t["objectives_committed"]
        click.echo(f"UN INFO plans             {t['plans']} plans, {t['sub_outputs']} sub-outputs; objectives committed "
                   + "  ".join(f"{k}:{d[k]:>3}" for k in d)
                   + f"; ILO contributes {t['ilo_contributes']}; employers or workers named "
                     f"{t['employers_or_workers_named']}")
        for name in ("sdg8", "gender"):
            a = t[name]
            kappa = f"{a['kappa']:.2f}" if a["kappa"] is not None else "-"
            click.echo(f"  {name:6} tool vs team    both {a['both']}  tool only {a['tool_only']}  team only "
                       f"{a['team_only']}  neither {a['neither']}  kappa {kappa}")
    if s.errors_by_code:
        click.echo("errors                    " + "  ".join(f"{k} {v}" for k, v in s.errors_by_code.items()))
    click.echo(f"results in {output}")
