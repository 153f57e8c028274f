"""Aggregate stage, as tables: records in -> the typed `BatchSummary`, its summary.json dict and the
errors.csv rows out.

The expected dicts below were written by the summary's earlier form (a plain dict built by
`summarise`): `to_json()` must give them key for key, in the same order, so summary.json keeps its
bytes; `from_json` reads them back into the same model. An input that fails is a `Failure(code,
reason)`: its errors.csv row is the manifest's path and columns, then the code and the reason.
"""

from __future__ import annotations

import json

import pytest

from alignment import __version__, taxonomy
from alignment.batch.aggregate import (BatchSummary, Grouping, Partners, Record, error_columns, error_row,
                                       summarise)
from alignment.batch.inputs import Input
from alignment.batch.outputs import render_summary_json, render_summary_markdown, summary_rows
from alignment.batch.worker import StoredResult
from alignment.errors import Failure

SOS = ["SO1", "SO2", "SO3", "SO4"]


def stored(sha: str, *, committed=(), mentioned=(), partners="absent", civil=False, standards=(),
           language="en", type="UNSDCF", text_sha=None) -> StoredResult:
    strength = {c: "committed" if c in committed else "mentioned" if c in mentioned else "absent"
                for c in taxonomy.categories()}
    return StoredResult(sha256=sha, text_sha256=text_sha or f"t{sha}", pack=f"{language} 1", tool=__version__,
                        type=type, language=language, pages=3, words=900, title=f"Plan {sha}", warnings=[],
                        strength=strength, objectives_committed=sum(c in committed for c in SOS),
                        objectives_mentioned=sum(c in committed or c in mentioned for c in SOS),
                        social_partners=partners, civil_society_only=civil, standards=list(standards),
                        employers=partners, workers=partners, topics_committed=[], topics_missing=[], plan=None,
                        findings_count=4)


def doc(path: str, result: StoredResult, cached=False, **fields) -> Record:
    return Record(Input(f"/in/{path}", path, fields=fields), result=result, cached=cached)


def dup(path: str, of: Record, **fields) -> Record:
    return Record(Input(f"/in/{path}", path, fields=fields), result=of.result, duplicate_of=of.input.display)


def failed(path: str, code: str, reason: str, **fields) -> Record:
    return Record(Input(f"/in/{path}", path, fields=fields), error=Failure(code, reason))


def _categories(n: int, committed: dict[str, int], mentioned: dict[str, int]) -> dict:
    out = {}
    for c in taxonomy.categories():
        k, m = committed.get(c, 0), mentioned.get(c, 0)
        out[c] = {"committed": k, "mentioned_only": m, "committed_or_mentioned": k + m, "absent": n - k - m,
                  "share_committed": round(k / n, 4) if n else 0.0,
                  "share_committed_or_mentioned": round((k + m) / n, 4) if n else 0.0}
    return out


def _spread(committed: dict[str, int], either: dict[str, int]) -> dict:
    return {"committed": {k: committed.get(k, 0) for k in "43210"},
            "committed_or_mentioned": {k: either.get(k, 0) for k in "43210"}}


def _committed(counts: dict[str, int]) -> dict:
    return {c: counts.get(c, 0) for c in taxonomy.categories()}


A = doc("a.md", stored("a", committed=("SO1", "SO3", "CC-GEN"), mentioned=("SO2",), partners="named",
                       standards=("C087", "C098")), country="Kandara", region="Africa", year="2022", type="UNSDCF")
B = doc("b.docx", stored("b", committed=("SO1", "SO2", "SO3", "SO4"), partners="generic", civil=True,
                         standards=("C098",), language="fr"), cached=True, country="Kaldor", region="Europe",
        year="2021", type="")
# What A and B analysed together give, in summary.json's key order: the two folder cases share it.
A_AND_B = {
    "objectives_per_document": _spread({"4": 1, "2": 1}, {"4": 1, "3": 1}),
    "categories": _categories(2, {"SO1": 2, "SO2": 1, "SO3": 2, "SO4": 1, "CC-GEN": 1}, {"SO2": 1}),
    "social_partners": {"named": 1, "generic": 1, "absent": 0, "share_named": 0.5, "share_generic": 0.5,
                        "share_absent": 0.0, "civil_society_only": 1},
    "standards": {"documents_citing_any": 2, "documents_by_instrument": {"C098": 2, "C087": 1}},
    "languages": {"en": 1, "fr": 1}, "types": {"UNSDCF": 2}}
A_AND_B_GROUP = {"UNSDCF": {
    "documents": 2, "objectives_per_document": _spread({"4": 1, "2": 1}, {"4": 1, "3": 1}),
    "committed": _committed({"SO1": 2, "SO2": 1, "SO3": 2, "SO4": 1, "CC-GEN": 1}),
    "social_partners": {"named": 1, "generic": 1, "absent": 0}}}

CASES = [
    ("nothing", [], [], {}, {
        "tool": "alignment", "version": __version__, "packs": [], "inputs": 0, "documents": 0, "analysed": 0,
        "duplicates": 0, "errors": 0, "cached": 0, "skipped": {},
        "objectives_per_document": _spread({"0": 0}, {}),
        "categories": _categories(0, {}, {}),
        "social_partners": {"named": 0, "generic": 0, "absent": 0, "share_named": 0.0, "share_generic": 0.0,
                            "share_absent": 0.0, "civil_society_only": 0},
        "standards": {"documents_citing_any": 0, "documents_by_instrument": {}},
        "languages": {}, "types": {},
        "by_type": {"column": "detected type", "groups": {}},
        "errors_by_code": {}}),
    ("a folder: two documents, a duplicate, three errors", [
        A, B, dup("c.md", A), failed("d.pdf", "input", "not a readable PDF (damaged or truncated)"),
        failed("e.txt", "input", "empty file"), failed("f.xyz", "unsupported-format", "not a document format")],
     [], {"hidden": 1, "symlinked_folders": 0}, {
        "tool": "alignment", "version": __version__, "packs": ["en 1", "fr 1"], "inputs": 6, "documents": 3,
        "analysed": 2, "duplicates": 1, "errors": 3, "cached": 1, "skipped": {"hidden": 1, "symlinked_folders": 0},
        **A_AND_B,
        "by_type": {"column": "detected type", "groups": A_AND_B_GROUP},
        "errors_by_code": {"input": 2, "unsupported-format": 1}}),
    ("a manifest with every grouping column", [
        A, B, failed("missing.pdf", "input", "file not found: /in/missing.pdf", country="Ghost", region="Asia",
                     year="2019", type="DWCP")],
     ["country", "region", "year", "type"], {}, {
        "tool": "alignment", "version": __version__, "packs": ["en 1", "fr 1"], "inputs": 3, "documents": 2,
        "analysed": 2, "duplicates": 0, "errors": 1, "cached": 1, "skipped": {},
        **A_AND_B,
        # the type column: B's is blank, so B falls back to its detected type (UNSDCF, as A's)
        "by_type": {"column": "manifest:type", "groups": A_AND_B_GROUP},
        **{name: {"column": f"manifest:{column}", "groups": dict(sorted({  # groups in key order
            key_a: {"documents": 1, "objectives_per_document": _spread({"2": 1}, {"3": 1}),
                    "committed": _committed({"SO1": 1, "SO3": 1, "CC-GEN": 1}),
                    "social_partners": {"named": 1, "generic": 0, "absent": 0}},
            key_b: {"documents": 1, "objectives_per_document": _spread({"4": 1}, {"4": 1}),
                    "committed": _committed({"SO1": 1, "SO2": 1, "SO3": 1, "SO4": 1}),
                    "social_partners": {"named": 0, "generic": 1, "absent": 0}}}.items()))}
           for name, column, key_a, key_b in [("by_region", "region", "Africa", "Europe"),
                                              ("by_country", "country", "Kandara", "Kaldor"),
                                              ("by_year", "year", "2022", "2021")]},
        "errors_by_code": {"input": 1}}),
]


@pytest.mark.parametrize("name,records,columns,skipped,expected", CASES, ids=[c[0] for c in CASES])
def test_the_summary_json_is_the_earlier_dict_key_for_key(name, records, columns, skipped, expected):
    summary = summarise(records, columns, skipped)
    assert isinstance(summary, BatchSummary)
    data = summary.to_json()
    assert list(data) == list(expected)  # the keys, in summary.json's order
    assert data == expected
    assert render_summary_json(summary) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("name,records,columns,skipped,expected", CASES, ids=[c[0] for c in CASES])
def test_summary_json_reads_back_into_the_same_model(name, records, columns, skipped, expected):
    summary = summarise(records, columns, skipped)
    back = BatchSummary.from_json(json.loads(render_summary_json(summary)))
    assert back == summary
    assert render_summary_markdown(back) == render_summary_markdown(summary)
    assert summary_rows(back) == summary_rows(summary)


def test_the_summary_is_read_by_attribute():
    s = summarise(CASES[2][1], CASES[2][2], {})
    assert s.counts() == [("inputs", 3), ("documents", 2), ("analysed", 2), ("duplicates", 0), ("errors", 1),
                          ("cached", 1)]
    assert [name for name, _g in s.groupings()] == ["by_type", "by_region", "by_country", "by_year"]
    assert isinstance(s.by_region, Grouping) and s.by_region.groups["Africa"].social_partners.named == 1
    assert isinstance(s.social_partners, Partners) and s.social_partners.share("generic") == 0.5
    assert s.objectives_per_document.rows()[0] == ("4", "4 of 4", 1, 1)
    assert s.categories["SO2"].mentioned_only == 1 and s.errors_by_code == {"input": 1}
    assert s.uninfo_plans is None and "uninfo_plans" not in s.to_json()


def test_summary_sheet_and_markdown_list_the_same_lines():
    """The summary sheet and summary.md are drawn from the same parts of the model."""
    s = summarise(CASES[1][1], [], {"hidden": 1})
    rows = summary_rows(s)
    md = render_summary_markdown(s)
    assert rows[2:8] == [["inputs", 6], ["documents", 3], ["analysed", 2], ["duplicates", 1], ["errors", 3],
                         ["cached", 1]]
    for status in ("named", "generic", "absent"):
        assert [status, s.social_partners.count(status), s.social_partners.share(status)] in rows
        assert f"| {status} | {s.social_partners.count(status)} |" in md
    for _k, label, committed, either in s.objectives_per_document.rows():
        assert [label, committed, either] in rows and f"| {label} | {committed} | {either} |" in md
    assert rows[-3:] == [["errors by code"], ["input", 2], ["unsupported-format", 1]]
    assert "| input | 2 |\n| unsupported-format | 1 |" in md
    assert "Skipped, not inputs: hidden 1." in md


# (record, manifest columns) -> the errors.csv row
ERROR_ROWS = [
    (failed("e.txt", "input", "empty file"), [], ["e.txt", "input", "empty file"]),
    (failed("x.pdf", "timeout", "analysis took longer than --timeout 2 s", country="Ubeku", year="2021"),
     ["country", "year", "type"], ["x.pdf", "Ubeku", "2021", "", "timeout", "analysis took longer than --timeout 2 s"]),
    (Record(Input("", "(manifest line 8)", 8, {"country": "Ghost"}, problem=Failure("input", "empty path in the manifest")),
            error=Failure("input", "empty path in the manifest")),
     ["country"], ["(manifest line 8)", "Ghost", "input", "empty path in the manifest"]),
]


@pytest.mark.parametrize("record,columns,row", ERROR_ROWS, ids=[r[0].input.display for r in ERROR_ROWS])
def test_an_errors_row_is_path_manifest_columns_code_reason(record, columns, row):
    assert error_row(record, columns) == row
    assert len(row) == len(error_columns(columns)) and error_columns(columns)[-2:] == ["code", "reason"]
    assert record.status == "error"


def test_a_failure_is_a_small_value():
    from alignment.errors import UnsupportedFormatError

    f = Failure.of(UnsupportedFormatError("a.xyz", "not a document format we read (.xyz file)"), "UN INFO export: ")
    assert f == Failure("unsupported-format", "UN INFO export: not a document format we read (.xyz file)")
    assert (f.code, f.reason) == ("unsupported-format", "UN INFO export: not a document format we read (.xyz file)")
    with pytest.raises(AttributeError):
        f.code = "input"  # frozen
