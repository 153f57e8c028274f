"""Aggregate stage: per-input records -> the documents/errors tables and the summary statistics.

Input: `Record`s in path order (each an input with its compact result, its duplicate status or
its error). Output: rows for documents.csv and errors.csv, and the `BatchSummary` (a typed
model; its `to_json()` is summary.json) written as summary.json, summary.md, the summary sheet
and the charts. Statistics count unique contents
(status ok); duplicates are listed in documents.csv but counted once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
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


PARTNER_STATUSES = ("named", "generic", "absent")
"""The social-partner statuses a batch counts, in the order every output lists them."""
COUNTS = ("inputs", "documents", "analysed", "duplicates", "errors", "cached")
"""The accounting counts of a batch (`BatchSummary` fields), in the order the outputs list them."""


@dataclass(frozen=True)
class Spread:
    """How many documents reflect each number of strategic objectives (keys "4" ... "0", most
    first), as commitments and as commitments or mentions."""

    committed: dict[str, int]
    committed_or_mentioned: dict[str, int]

    def rows(self) -> list[tuple[str, str, int, int]]:
        """(key, "k of N", committed, committed or mentioned) per number of objectives, most first."""
        n = len(taxonomy.objectives())
        return [(k, f"{k} of {n}", v, self.committed_or_mentioned[k]) for k, v in self.committed.items()]

    @classmethod
    def from_json(cls, data: dict) -> "Spread":
        return cls(dict(data["committed"]), dict(data["committed_or_mentioned"]))


@dataclass(frozen=True)
class CategoryCounts:
    """One objective's or driver's documents: committed, only mentioned, absent, and the shares."""

    committed: int
    mentioned_only: int
    committed_or_mentioned: int
    absent: int
    share_committed: float
    share_committed_or_mentioned: float


@dataclass(frozen=True)
class PartnerCounts:
    """Documents whose social partners are named, named only in general terms, or absent."""

    named: int
    generic: int
    absent: int

    def count(self, status: str) -> int:
        """The documents of one of `PARTNER_STATUSES`."""
        return getattr(self, status)


@dataclass(frozen=True)
class Partners(PartnerCounts):
    """The batch's social-partner counts with their shares, and civil society without partners."""

    share_named: float
    share_generic: float
    share_absent: float
    civil_society_only: int

    def share(self, status: str) -> float:
        return getattr(self, f"share_{status}")


@dataclass(frozen=True)
class Standards:
    documents_citing_any: int
    documents_by_instrument: dict[str, int]  # most cited first


@dataclass(frozen=True)
class GroupCounts:
    """One group of a grouping (a country, a year, a type...)."""

    documents: int
    objectives_per_document: Spread
    committed: dict[str, int]  # category -> documents committed to it
    social_partners: PartnerCounts

    @classmethod
    def from_json(cls, data: dict) -> "GroupCounts":
        return cls(data["documents"], Spread.from_json(data["objectives_per_document"]), dict(data["committed"]),
                   PartnerCounts(**data["social_partners"]))


@dataclass(frozen=True)
class Grouping:
    """The documents grouped by a manifest column (or the detected type): `column` says which."""

    column: str
    groups: dict[str, GroupCounts]

    @classmethod
    def from_json(cls, data: dict) -> "Grouping":
        return cls(data["column"], {k: GroupCounts.from_json(v) for k, v in data["groups"].items()})


@dataclass(frozen=True)
class BatchSummary:
    """summary.json's content (`summarise`) as a model, so that its renderers are found in the
    registry of report/formats.py like those of the other results (`Report`, ...). `to_json` is
    summary.json (keys in field order; a grouping or the plans table the batch has not are left
    out), `from_json` reads it back (the web app's Batch page)."""

    tool: str
    version: str
    packs: list[str]
    inputs: int  # documents + errors
    documents: int  # rows of documents.csv: analysed + duplicates
    analysed: int  # distinct contents analysed (or from the cache): what the statistics count
    duplicates: int
    errors: int  # rows of errors.csv
    cached: int
    skipped: dict[str, int]  # not inputs: hidden files, symlinked folders, ...
    objectives_per_document: Spread
    categories: dict[str, CategoryCounts]  # in taxonomy order
    social_partners: Partners
    standards: Standards
    languages: dict[str, int]
    types: dict[str, int]
    by_type: Grouping | None
    by_region: Grouping | None
    by_country: Grouping | None
    by_year: Grouping | None
    errors_by_code: dict[str, int]
    uninfo_plans: dict | None  # the Governing-Body table of `plans.plans_table`, when the batch had plans

    def counts(self) -> list[tuple[str, int]]:
        """(name, count) of the accounting counts (`COUNTS`)."""
        return [(k, getattr(self, k)) for k in COUNTS]

    def groupings(self) -> list[tuple[str, Grouping]]:
        """(name, grouping) of the groupings the batch has, in `GROUPS` order."""
        return [(k, getattr(self, k)) for k in GROUPS if getattr(self, k) is not None]

    def to_json(self) -> dict:
        """summary.json's dict: every field in order, nested models as dicts, absent optional
        parts left out."""
        out = asdict(self)
        for k in (*GROUPS, "uninfo_plans"):
            if out[k] is None:
                del out[k]
        return out

    @classmethod
    def from_json(cls, data: dict) -> "BatchSummary":
        """The model of a dict `to_json` made (summary.json)."""
        kw = {f.name: data.get(f.name) for f in fields(cls)}
        kw["objectives_per_document"] = Spread.from_json(data["objectives_per_document"])
        kw["categories"] = {c: CategoryCounts(**v) for c, v in data["categories"].items()}
        kw["social_partners"] = Partners(**data["social_partners"])
        kw["standards"] = Standards(**data["standards"])
        for k in GROUPS:
            kw[k] = Grouping.from_json(data[k]) if data.get(k) else None
        return cls(**kw)


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


def _spread(results: list[StoredResult]) -> Spread:
    return Spread(_distribution([r.objectives_committed for r in results]),
                  _distribution([r.objectives_mentioned for r in results]))


def _categories(results: list[StoredResult]) -> dict[str, CategoryCounts]:
    n = len(results)
    cats = {}
    for c in taxonomy.categories():
        committed = sum(r.strength.get(c) == "committed" for r in results)
        mentioned = sum(r.strength.get(c) == "mentioned" for r in results)
        cats[c] = CategoryCounts(committed, mentioned, committed + mentioned, n - committed - mentioned,
                                 _share(committed, n), _share(committed + mentioned, n))
    return cats


def _partners(results: list[StoredResult]) -> PartnerCounts:
    return PartnerCounts(*(sum(r.social_partners == k for r in results) for k in PARTNER_STATUSES))


def _group_key(r: Record, column: str | None, by_type: bool) -> str:
    """The manifest column's value, or (the type group without one) the detected type."""
    value = r.input.fields.get(column, "") if column else ""
    if not value and by_type:
        value = r.result.type
    return value or "(blank)"


def summarise(records: list[Record], columns: list[str], skipped: dict[str, int]) -> BatchSummary:
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
    n = len(results)
    partners = _partners(results)
    groupings: dict[str, Grouping] = {}
    for name, column in GROUPS.items():
        source = lowered.get(column)
        by_type = column == "type"
        if source is None and not by_type:
            continue
        groups: dict[str, list[StoredResult]] = {}
        for r in ok:
            groups.setdefault(_group_key(r, source, by_type), []).append(r.result)
        groupings[name] = Grouping(f"manifest:{source}" if source else "detected type",
                                   {k: _group_counts(v) for k, v in sorted(groups.items())})
    from .plans import plans_table

    return BatchSummary(
        tool="alignment", version=__version__,
        packs=sorted({res.pack for res in results}),
        inputs=len(records),
        documents=len(records) - len(errors),  # duplicates too
        analysed=len(ok),
        duplicates=sum(1 for r in records if r.duplicate_of and not r.error),
        errors=len(errors),
        cached=sum(r.cached for r in ok),
        skipped=dict(sorted(skipped.items())),
        objectives_per_document=_spread(results),
        categories=_categories(results),
        social_partners=Partners(*(partners.count(k) for k in PARTNER_STATUSES),
                                 *(_share(partners.count(k), n) for k in PARTNER_STATUSES),
                                 civil_society_only=sum(bool(r.civil_society_only) for r in results)),
        standards=Standards(sum(bool(res.standards) for res in results),
                            dict(sorted(standards.items(), key=lambda kv: (-kv[1], kv[0])))),
        languages=_counts(res.language for res in results),
        types=_counts(res.type for res in results),
        by_type=groupings.get("by_type"), by_region=groupings.get("by_region"),
        by_country=groupings.get("by_country"), by_year=groupings.get("by_year"),
        errors_by_code=dict(sorted(codes.items())),
        uninfo_plans=plans_table(records) or None,
    )


def _group_counts(results: list[StoredResult]) -> GroupCounts:
    return GroupCounts(len(results), _spread(results),
                       {c: v.committed for c, v in _categories(results).items()}, _partners(results))


def _counts(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))
