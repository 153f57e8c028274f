"""Write stage: tables and summary -> the files of the results folder, each written atomically.

Input: the header and rows of documents.csv, findings.csv and errors.csv (rows may be a
generator: findings are streamed from the cache), and the `BatchSummary`. Output: documents.csv,
findings.csv, errors.csv; the renderers of summary.json and summary.md (registered in
report/formats.py, which `run` writes through) (results.xlsx: see `xlsx`). Every file
is written to a temporary name in the same folder and renamed into place, so a killed run leaves
either the previous file or the new one, never half of one. Nothing here depends on time or on
the number of workers: the same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from .. import taxonomy
from ..files import atomic
from .aggregate import PARTNER_STATUSES, BatchSummary


@dataclass(frozen=True)
class BatchWorkbook:
    """results.xlsx: the summary sheet's rows, the small sheets, and the bulk sheet (findings,
    streamed) with its row count. Written through the registry (`write(book, "xlsx", fh)`)."""

    summary_rows: list[list]
    sheets: list[tuple[str, list[str], Iterable[list]]]
    bulk: tuple[str, list[str], Iterable[list]]
    bulk_rows: int


def write_workbook_xlsx(book: BatchWorkbook, fh) -> None:
    """The registry's xlsx writer of a `BatchWorkbook` (see `xlsx.write_workbook`)."""
    from .xlsx import write_workbook

    write_workbook(fh, book.summary_rows, book.sheets, book.bulk, book.bulk_rows)


def write_csv(path: str, header: list[str], rows: Iterable[list], text_columns=None) -> int:
    """Write rows (atomically, through the registry); cells of `text_columns` (all by default)
    are made spreadsheet-safe."""
    from ..report.formats import write
    from ..report.tables import Table

    with atomic(path) as fh:
        return write(Table(header, rows, text_columns), "csv", fh)


def write_text(path: str, text: str) -> None:
    with atomic(path) as fh:
        fh.write(text)


def summary_rows(s: BatchSummary) -> list[list]:
    """The summary as label/value rows (for the summary sheet)."""
    rows: list[list] = [["alignment batch summary"], []]
    rows += [[key, value] for key, value in s.counts()]
    rows += [[], ["objectives per document"], ["objectives", "committed", "committed or mentioned"]]
    rows += [[label, committed, either] for _k, label, committed, either in s.objectives_per_document.rows()]
    rows += [[], ["coverage by objective and driver"],
             ["category", "committed", "share", "committed or mentioned", "share"]]
    for c, v in s.categories.items():
        rows.append([c, v.committed, v.share_committed, v.committed_or_mentioned, v.share_committed_or_mentioned])
    sp = s.social_partners
    rows += [[], ["social partners"], ["status", "documents", "share"]]
    rows += [[k, sp.count(k), sp.share(k)] for k in PARTNER_STATUSES]
    rows.append(["civil society only", sp.civil_society_only])
    if s.uninfo_plans:
        rows += [[], ["UN INFO plans"], ["region", "plans", "4", "3", "2", "1", "0", "ILO contributes",
                                          "employers or workers named", "SDG 8 kappa", "gender kappa"]]
        t = s.uninfo_plans
        for k, g in [*t["by_region"].items(), ("all plans", t["all"])]:
            d = g["objectives_committed"]
            rows.append([k, g["plans"], d["4"], d["3"], d["2"], d["1"], d["0"], g["ilo_contributes"],
                         g["employers_or_workers_named"], g["sdg8"]["kappa"], g["gender"]["kappa"]])
    for name, grouping in s.groupings():
        rows += [[], [f"{_title(name)} ({grouping.column})"],
                 ["group", "documents", "4 committed", "3 committed", "social partners named"]]
        for k, g in grouping.groups.items():
            d = g.objectives_per_document.committed
            rows.append([k, g.documents, d["4"], d["3"], g.social_partners.named])
    if s.errors_by_code:
        rows += [[], ["errors by code"]] + [[k, v] for k, v in s.errors_by_code.items()]
    return rows


def render_summary_json(summary: BatchSummary) -> str:
    return json.dumps(summary.to_json(), indent=2, ensure_ascii=False) + "\n"


def render_summary_markdown(s: BatchSummary) -> str:
    out = ["# alignment batch summary", "",
           f"{s.inputs} inputs: {s.documents} in documents.csv ({s.analysed} analysed, "
           f"{s.duplicates} duplicate(s) of another file), {s.errors} in errors.csv.", ""]
    if s.skipped and any(s.skipped.values()):
        out += ["Skipped, not inputs: " + ", ".join(f"{_title(k)} {v}" for k, v in s.skipped.items() if v) + ".", ""]
    out += ["Statistics count each distinct content once (duplicates are listed in documents.csv, "
            "not counted again); shares are of the documents analysed.", ""]
    out += ["## Strategic objectives per document", "",
            "| objectives reflected | committed | committed or mentioned |", "|---|---:|---:|"]
    out += [f"| {label} | {committed} | {either} |" for _k, label, committed, either in s.objectives_per_document.rows()]
    out += ["", "## Coverage by objective and cross-cutting driver", "",
            "| category | committed | share | committed or mentioned | share |", "|---|---:|---:|---:|---:|"]
    for c, v in s.categories.items():
        out.append(f"| {c} | {v.committed} | {_pct(v.share_committed)} | "
                   f"{v.committed_or_mentioned} | {_pct(v.share_committed_or_mentioned)} |")
    sp = s.social_partners
    out += ["", "## Social partners", "", "| status | documents | share |", "|---|---:|---:|"]
    out += [f"| {k} | {sp.count(k)} | {_pct(sp.share(k))} |" for k in PARTNER_STATUSES]
    out += ["", f"Civil society named but no social partner: {sp.civil_society_only}.", ""]
    st = s.standards
    out.append(f"Documents citing at least one labour standard: {st.documents_citing_any}.")
    if st.documents_by_instrument:
        top = list(st.documents_by_instrument.items())[:10]
        out.append("Most cited: " + ", ".join(f"{k} ({v})" for k, v in top) + ".")
    if s.uninfo_plans:
        from .plans import render_markdown as render_plans

        out += ["", render_plans(s.uninfo_plans)]
    for name, grouping in s.groupings():
        out += ["", f"## {_title(name).capitalize()} ({grouping.column})", "",
                "| group | documents | 4 committed | 3 committed | " + " | ".join(taxonomy.categories())
                + " | social partners named |", "|---|" + "---:|" * (len(taxonomy.categories()) + 4)]
        for k, g in grouping.groups.items():
            d = g.objectives_per_document.committed
            cells = " | ".join(str(g.committed[c]) for c in taxonomy.categories())
            out.append(f"| {_md(k)} | {g.documents} | {d['4']} | {d['3']} | {cells} | "
                       f"{g.social_partners.named} |")
    if s.errors_by_code:
        out += ["", "## Errors by code", "", "| code | inputs |", "|---|---:|"]
        out += [f"| {k} | {v} |" for k, v in s.errors_by_code.items()]
    out += ["", "Files: documents.csv, findings.csv, errors.csv, summary.json, results.xlsx, "
            "coverage.svg, objectives.svg.", ""]
    return "\n".join(out)


def _title(name: str) -> str:
    """A summary key as words: "by_region" -> "by region"."""
    return name.replace("_", " ")


def _pct(x: float) -> str:
    return f"{x * 100:.1f} %"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
