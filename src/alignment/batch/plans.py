"""Work plan exports in a batch: export files -> one input per plan; plan results -> the
Governing-Body table.

Input side: every UN INFO export given (or found in a folder) is read in the parent process,
rows of all exports merged by sub-output ID (`read.uninfo.Collector`), and each plan written as
`<output>/plans/<region>__<country>__<plan>.plan.json`: the worker opens that file like any
document (paths, not text, travel to workers, also on Dask), and its bytes are the cache key.
A malformed export is one input with its error; the plans of the other exports are kept.

Output side: per plan and per region, plans reflecting 4/3/2/1/0 strategic objectives as
commitments, plans where the ILO contributes, plans naming employers' or workers'
organizations, the topics most often committed and most often missing, and the tool's SDG 8
and gender findings against the country teams' own SDG 8 tags and gender markers (pooled over
sub-outputs).
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import TYPE_CHECKING

from .. import taxonomy
from ..errors import Failure, InputError
from ..plan_view import agreement
from ..load import is_export
from ..read.uninfo import PLAN_SUFFIX, Collector
from .inputs import Input, display_path

if TYPE_CHECKING:
    from ..results import Agreement
    from .worker import StoredResult

PLAN_COLUMNS = ["region", "country", "plan"]
TOP = 10


def is_export_file(path: str) -> bool:
    """An export to expand into its plans (a plan already written by `batch` is a document)."""
    return not path.lower().endswith(PLAN_SUFFIX) and is_export(path)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:80] or "plan"


def plan_inputs(exports: list[tuple[str, str]], output: str) -> list[Input]:
    """(path, display) of each export -> one `Input` per plan, plus one error input per bad export."""
    collector = Collector()
    items: list[Input] = []
    for path, display in exports:
        try:
            collector.add_file(path)
        except InputError as exc:
            items.append(Input(path, display, problem=Failure.of(exc, "UN INFO export: ")))
    if not collector.plans:
        return items
    folder = os.path.join(output, "plans")
    os.makedirs(folder, exist_ok=True)
    used: set[str] = set()
    for plan in collector.plans.values():
        base = "__".join(_slug(x) for x in (plan.region or "region", plan.country, plan.plan))
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        target = os.path.join(folder, name + PLAN_SUFFIX)
        data = plan.to_json().encode("utf-8")
        try:
            with open(target, "rb") as fh:
                same = fh.read() == data
        except OSError:
            same = False
        if not same:
            with open(target, "wb") as fh:
                fh.write(data)
        shown = f"uninfo:{plan.region + '/' if plan.region else ''}{plan.country}/{plan.plan}"
        items.append(Input(target, display_path(shown),
                           fields={"region": plan.region, "country": plan.country, "plan": plan.plan}))
    return items


def governing_body(results: list[StoredResult]) -> dict:
    """The table for a set of plan results (compact results with a `plan` block)."""
    plans = [r for r in results if r.plan]
    n = len(plans)
    dist = {str(k): sum(r.objectives_committed == k for r in plans) for k in (4, 3, 2, 1, 0)}
    committed: dict[str, int] = {}
    missing: dict[str, int] = {}
    for r in plans:
        for t in r.topics_committed:
            committed[t] = committed.get(t, 0) + 1
        for t in r.topics_missing:
            missing[t] = missing.get(t, 0) + 1

    def top(d: dict[str, int]) -> list[list]:
        return [[k, v] for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]]

    def pooled(tags: list[Agreement]) -> dict:
        sums = {"both": sum(a.both for a in tags), "tool_only": sum(a.tool_only for a in tags),
                "team_only": sum(a.team_only for a in tags), "neither": sum(a.neither for a in tags)}
        pairs = ([(True, True)] * sums["both"] + [(True, False)] * sums["tool_only"]
                 + [(False, True)] * sums["team_only"] + [(False, False)] * sums["neither"])
        return agreement(pairs).model_dump()

    return {
        "plans": n,
        "sub_outputs": sum(r.plan.sub_outputs for r in plans),
        "objectives_committed": dist,
        "ilo_contributes": sum(bool(r.plan.ilo_contributes) for r in plans),
        "employers_named": sum(r.employers == "named" for r in plans),
        "workers_named": sum(r.workers == "named" for r in plans),
        "employers_or_workers_named": sum(r.employers == "named" or r.workers == "named"
                                          for r in plans),
        "committed": {c: sum(r.strength.get(c) == "committed" for r in plans) for c in [*taxonomy.objectives(), "CC-GEN"]},
        "top_committed": top(committed),
        "top_missing": top(missing),
        "sdg8": pooled([r.plan.sdg8 for r in plans]),
        "gender": pooled([r.plan.gender for r in plans]),
    }


def plans_table(records) -> dict | None:
    """Overall and per-region tables, or None when the batch had no plan."""
    ok = [r for r in records if r.result and not r.duplicate_of and r.result.plan]
    if not ok:
        return None
    regions: dict[str, list[StoredResult]] = {}
    for r in ok:
        regions.setdefault(r.result.plan.region or "(no region)", []).append(r.result)
    return {"all": governing_body([r.result for r in ok]),
            "by_region": {k: governing_body(v) for k, v in sorted(regions.items())}}


def plan_row_columns() -> list[str]:
    """The plans.csv columns: one per strategic objective of the taxonomy, then gender (CC-GEN)."""
    return ["path", "region", "country", "plan", "sub_outputs", "objectives_committed", *taxonomy.objectives(),
            "CC-GEN", "ilo_contributes", "employers", "workers", "team_sdg8", "tool_sdg8", "both_sdg8",
            "team_gender", "tool_gender", "both_gender"]


def plan_rows(records) -> list[list]:
    rows = []
    for r in records:
        res = r.result
        if not res or r.duplicate_of or not res.plan:
            continue
        p = res.plan
        s8, g = p.sdg8, p.gender
        rows.append([r.input.display, p.region or "", p.country, p.plan, p.sub_outputs,
                     res.objectives_committed, *(res.strength.get(c, "") for c in taxonomy.objectives()),
                     res.strength.get("CC-GEN", ""), "yes" if p.ilo_contributes else "no",
                     res.employers, res.workers, s8.both + s8.team_only,
                     s8.both + s8.tool_only, s8.both, g.both + g.team_only,
                     g.both + g.tool_only, g.both])
    return rows


def _pct(n: int, d: int) -> str:
    return f"{n} ({100 * n / d:.0f}%)" if d else str(n)


def _kappa(a: dict) -> str:
    return f"{a['kappa']:.2f}" if a.get("kappa") is not None else "-"


def render_markdown(t: dict) -> str:
    """The Governing-Body table: one row per region and one for all plans."""
    rows = list(t["by_region"].items()) + [("**all plans**", t["all"])]
    out = ["## UN INFO plans: the Governing-Body table", "",
           "Strategic objectives reflected as commitments (sub-outputs, outputs, outcomes), the ILO among "
           "the contributing UN entities, employers' or workers' organizations named as partners; beside "
           "the tool's SDG 8 and gender findings, their agreement (Cohen's kappa over sub-outputs) with "
           "the country teams' own SDG 8 tags and gender markers 2-3.", "",
           "| region | plans | 4 | 3 | 2 | 1 | 0 | ILO contributes | employers or workers named | "
           "SDG 8: team / tool / both (kappa) | gender: team / tool / both (kappa) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for name, g in rows:
        d, n = g["objectives_committed"], g["plans"]
        s8, ge = g["sdg8"], g["gender"]
        out.append(f"| {name} | {n} | {d['4']} | {d['3']} | {d['2']} | {d['1']} | {d['0']} | "
                   f"{_pct(g['ilo_contributes'], n)} | {_pct(g['employers_or_workers_named'], n)} | "
                   f"{s8['both'] + s8['team_only']} / {s8['both'] + s8['tool_only']} / {s8['both']} ({_kappa(s8)}) | "
                   f"{ge['both'] + ge['team_only']} / {ge['both'] + ge['tool_only']} / {ge['both']} ({_kappa(ge)}) |")
    a = t["all"]
    out += ["", "Topics most often committed (plans): " + ", ".join(f"{k} ({v})" for k, v in a["top_committed"]) + ".",
            "", "Topics most often missing (plans): " + ", ".join(f"{k} ({v})" for k, v in a["top_missing"]) + ".",
            "", f"Employers' organizations named in {a['employers_named']} plans, workers' organizations "
            f"in {a['workers_named']}.", ""]
    return "\n".join(out)
