"""Aggregate stage: per-input records -> the documents/errors tables and the summary statistics.

Input: `Record`s in path order (each an input with its compact result, its duplicate status or
its error). Output: rows for documents.csv and errors.csv, and the summary dict written as
summary.json, summary.md, the summary sheet and the charts. Statistics count unique contents
(status ok); duplicates are listed in documents.csv but counted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import __version__, taxonomy
from ..errors import Failure
from .inputs import Input

if TYPE_CHECKING:
    from .worker import StoredResult

BEFORE = ["id", "path"]
ERROR_COLUMNS = ["code", "reason"]


def after_columns() -> list[str]:
    """The documents.csv columns after the manifest's: one per taxonomy category, in its order."""
    return ["type", "language", "pages", "words", "title", *taxonomy.categories(), "objectives_committed",
            "objectives_committed_or_mentioned", "social_partners", "civil_society_only", "standards",
            "same_text_as", "warnings", "status"]
GROUPS = {"by_type": "type", "by_region": "region", "by_country": "country", "by_year": "year"}


@dataclass(frozen=True)
class BatchSummary:
    """summary.json's content (`summarise`) as a model of its own, so that its renderers are found
    in the registry of report/formats.py like those of the other results (`Report`, ...)."""

    data: dict


@dataclass
class Record:
    input: Input
    result: StoredResult | None = None  # the compact result without findings (ok and duplicates)
    duplicate_of: str | None = None
    error: Failure | None = None
    cached: bool = False

    @property
    def status(self) -> str:
        if self.error:
            return "error"
        return f"duplicate-of:{self.duplicate_of}" if self.duplicate_of else "ok"


def manifest_headers(columns: list[str]) -> list[str]:
    """Manifest columns as written in the outputs: a name we use ourselves gets `manifest_`."""
    ours = set(BEFORE + after_columns() + ERROR_COLUMNS)
    return [f"manifest_{c}" if c in ours else c for c in columns]


def document_columns(columns: list[str]) -> list[str]:
    return BEFORE + manifest_headers(columns) + after_columns()


def error_columns(columns: list[str]) -> list[str]:
    return ["path"] + manifest_headers(columns) + ERROR_COLUMNS


def same_text(records: list[Record]) -> dict[str, list[str]]:
    """Paths of other files with the same normalised text but different bytes (a .md and its
    .txt, a PDF and its DOCX): flagged, not merged."""
    by_text: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        if r.result and not r.duplicate_of and r.result.text_sha256:
            by_text.setdefault(r.result.text_sha256, []).append((r.input.display, r.result.sha256))
    out: dict[str, list[str]] = {}
    for group in by_text.values():
        for path, sha in group:
            others = [p for p, s in group if s != sha]
            if others:
                out[path] = others
    return out


def document_row(r: Record, columns: list[str], twins: dict[str, list[str]]) -> list:
    res = r.result
    strength = res.strength
    return [res.sha256, r.input.display, *(r.input.fields.get(c, "") for c in columns),
            res.type, res.language, res.pages, res.words, res.title,
            *(strength.get(c, "") for c in taxonomy.categories()), res.objectives_committed,
            res.objectives_mentioned, res.social_partners,
            "yes" if res.civil_society_only else "no", " ".join(res.standards),
            "; ".join(twins.get(r.input.display, [])), "; ".join(res.warnings), r.status]


def error_row(r: Record, columns: list[str]) -> list:
    return [r.input.display, *(r.input.fields.get(c, "") for c in columns), r.error.code,
            r.error.reason]


def _share(n: int, total: int) -> float:
    return round(n / total, 4) if total else 0.0


def _distribution(values: list[int]) -> dict[str, int]:
    """How many documents reflect each number of strategic objectives, most first."""
    return {str(k): sum(v == k for v in values) for k in range(len(taxonomy.objectives()), -1, -1)}


def _stats(results: list[StoredResult]) -> dict:
    n = len(results)
    cats = {}
    for c in taxonomy.categories():
        committed = sum(r.strength.get(c) == "committed" for r in results)
        mentioned = sum(r.strength.get(c) == "mentioned" for r in results)
        cats[c] = {"committed": committed, "mentioned_only": mentioned,
                   "committed_or_mentioned": committed + mentioned,
                   "absent": n - committed - mentioned,
                   "share_committed": _share(committed, n),
                   "share_committed_or_mentioned": _share(committed + mentioned, n)}
    partners = {k: sum(r.social_partners == k for r in results) for k in ("named", "generic", "absent")}
    return {
        "documents": n,
        "objectives_per_document": {
            "committed": _distribution([r.objectives_committed for r in results]),
            "committed_or_mentioned": _distribution([r.objectives_mentioned for r in results])},
        "categories": cats,
        "social_partners": {**partners, **{f"share_{k}": _share(v, n) for k, v in partners.items()},
                            "civil_society_only": sum(bool(r.civil_society_only) for r in results)},
    }


def _group_key(r: Record, column: str | None, by_type: bool) -> str:
    """The manifest column's value, or (the type group without one) the detected type."""
    value = r.input.fields.get(column, "") if column else ""
    if not value and by_type:
        value = r.result.type
    return value or "(blank)"


def summarise(records: list[Record], columns: list[str], skipped: dict[str, int]) -> dict:
    ok = [r for r in records if r.result and not r.duplicate_of]
    results = [r.result for r in ok]
    errors = [r for r in records if r.error]
    codes: dict[str, int] = {}
    for r in errors:
        codes[r.error.code] = codes.get(r.error.code, 0) + 1
    standards: dict[str, int] = {}
    for res in results:
        for s in res.standards:
            standards[s] = standards.get(s, 0) + 1
    lowered = {c.lower(): c for c in columns}
    stats = _stats(results)
    stats.pop("documents")  # == analysed; "documents" below counts duplicates too
    summary = {
        "tool": "alignment", "version": __version__,
        "packs": sorted({res.pack for res in results}),
        "inputs": len(records),
        "documents": len(records) - len(errors),
        "analysed": len(ok),
        "duplicates": sum(1 for r in records if r.duplicate_of and not r.error),
        "errors": len(errors),
        "cached": sum(r.cached for r in ok),
        "skipped": dict(sorted(skipped.items())),
        **stats,
        "standards": {"documents_citing_any": sum(bool(res.standards) for res in results),
                      "documents_by_instrument": dict(sorted(standards.items(),
                                                             key=lambda kv: (-kv[1], kv[0])))},
        "languages": _counts(res.language for res in results),
        "types": _counts(res.type for res in results),
    }
    for name, column in GROUPS.items():
        source = lowered.get(column)
        by_type = column == "type"
        if source is None and not by_type:
            continue
        groups: dict[str, list[StoredResult]] = {}
        for r in ok:
            groups.setdefault(_group_key(r, source, by_type), []).append(r.result)
        summary[name] = {"column": f"manifest:{source}" if source else "detected type",
                         "groups": {k: _group_stats(v) for k, v in sorted(groups.items())}}
    summary["errors_by_code"] = dict(sorted(codes.items()))
    from .plans import plans_table

    table = plans_table(records)
    if table:
        summary["uninfo_plans"] = table
    return summary


def _group_stats(results: list[dict]) -> dict:
    s = _stats(results)
    return {"documents": s["documents"], "objectives_per_document": s["objectives_per_document"],
            "committed": {c: v["committed"] for c, v in s["categories"].items()},
            "social_partners": {k: s["social_partners"][k] for k in ("named", "generic", "absent")}}


def _counts(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))
