"""UN INFO joint work plan exports (XLSX, CSV) -> plans (one per country and plan name).

Input: export files with UN INFO's column names (Country, Plan name, Strategic priority,
Outcome, Output, Sub-Output, ID, Description, Agency abbreviations, Contributing partners,
Implementation partners, SDG Targets, Gender marker, Human rights marker, "2023 Narrative", ...).
Output: `Plan`s whose sub-outputs are merged by `ID` over all exports given (a sub-output filed
under several themes is in several exports and is counted once). `plan_document.build` turns a
plan into a `Document`.

Rows are streamed: XLSX with python-calamine (one sheet in memory at a time, ~10x faster than
openpyxl's read-only mode on these files), CSV with the csv module after decoding (UTF-8, else
the encoding charset-normalizer finds, with a warning). Every cell is repaired (`repair.py`).
A file that cannot be an export (encrypted, empty, columns missing, not a spreadsheet) raises an
`InputError` with one line saying why.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import PurePath

from ..errors import InputError, PlanChoiceError
from ..repair import repair

# our key -> the export's column name
COLUMNS = {
    "region": "Region", "country": "Country", "plan": "Plan name",
    "priority_code": "Strategic priority code", "priority": "Strategic priority",
    "outcome_code": "Outcome code", "outcome": "Outcome", "output_code": "Output code",
    "output": "Output", "suboutput_code": "Sub-Output code", "suboutput": "Sub-Output", "id": "ID",
    "description": "Description", "agencies": "Agency abbreviations",
    "contributing": "Contributing partners", "implementing": "Implementation partners",
    "sdg_targets": "SDG Targets", "gender": "Gender marker", "human_rights": "Human rights marker",
}
REQUIRED = ("country", "plan", "priority", "outcome", "output", "suboutput")
EXPORT_EXTENSIONS = (".xlsx", ".xlsm", ".csv")
PLAN_SUFFIX = ".plan.json"
_NARRATIVE = re.compile(r"^(\d{4}) narrative$")
_EMPTY = {"", "-", "n/a", "na", "none", "null"}
_SDG = re.compile(r"(?:^|[,;])\s*(\d{1,2}\.(?:\d{1,2}|[a-z]))(?=\s|$|[,;])")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _key(name: str) -> str:
    return " ".join(str(name).split()).lower()


_WANTED = {_key(v): k for k, v in COLUMNS.items()}


@dataclass
class SubOutput:
    id: str
    priority: tuple[str, str]  # (code, text)
    outcome: tuple[str, str]
    output: tuple[str, str]
    suboutput: tuple[str, str]
    description: str = ""
    agencies: list[str] = field(default_factory=list)
    implementing: list[str] = field(default_factory=list)
    contributing: list[str] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)
    gender: str = ""
    human_rights: str = ""
    narratives: dict[str, str] = field(default_factory=dict)  # year -> text
    themes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    country: str
    plan: str
    region: str = ""
    files: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    rows: int = 0
    merged: int = 0
    repaired: int = 0
    sub_outputs: dict[str, SubOutput] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.country, self.plan)

    @property
    def label(self) -> str:
        return f"{self.plan} ({self.country})"

    def to_json(self) -> str:
        """Deterministic JSON (sorted sub-outputs): the same plan gives the same bytes whatever
        the order of the exports, so a batch cache keyed by the hash of this text is stable."""
        d = asdict(self)
        d["files"] = sorted(d["files"])
        d["themes"] = sorted(d["themes"])
        d["sub_outputs"] = [{**d["sub_outputs"][k], "themes": sorted(d["sub_outputs"][k]["themes"])}
                            for k in sorted(d["sub_outputs"], key=_id_order)]
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Plan:
        d = json.loads(text)
        subs = d.pop("sub_outputs")
        plan = cls(**d)
        for s in subs:
            for k in ("priority", "outcome", "output", "suboutput"):
                s[k] = tuple(s[k])
            plan.sub_outputs[s["id"]] = SubOutput(**s)
        return plan


def _id_order(k: str):
    return (0, int(k), "") if k.isdigit() else (1, 0, k)


def is_export_path(path: str) -> bool:
    return PurePath(path).suffix.lower() in EXPORT_EXTENSIONS or path.endswith(PLAN_SUFFIX)


def looks_like_export_csv(data: bytes) -> bool:
    """A CSV whose first line names the export's columns (a batch manifest has `path` instead)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace")
    head = text.splitlines()[:1]
    names = {_key(c) for c in re.split(r"[,;\t]", head[0])} if head else set()
    names = {n.strip('"') for n in names}
    return {"plan name", "sub-output"} <= names


def _decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM. Any other encoding is refused with a
    one-line reason naming what it looks like: the names of plans, countries and partners feed
    statistics, and a guessed code page would change them silently."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    looks = f" (it looks like {best.encoding})" if best is not None else ""
    raise InputError(path, f"the CSV file is not UTF-8{looks}: save it as UTF-8 CSV and try again")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if not isinstance(value, str):
        return str(value)
    text = value.strip()
    return "" if text.lower() in _EMPTY else text


def _rows_xlsx(path: str) -> Iterator[list]:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE):
        raise InputError(path, "password-protected (encrypted) workbook: save it without a password, "
                         "or export it again from UN INFO")
    if not head.startswith(b"PK"):
        raise InputError(path, "not a readable XLSX workbook (damaged, or not a spreadsheet)")
    try:
        with zipfile.ZipFile(path) as z:
            if "xl/workbook.xml" not in z.namelist():
                raise InputError(path, "not a readable XLSX workbook (a zip archive, not a spreadsheet)")
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(path)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(path, f"not a readable XLSX workbook ({type(exc).__name__})") from None
    names = book.sheet_names
    if not names:
        raise InputError(path, "the workbook has no sheet")
    chosen = None
    for name in names:  # the first sheet that holds the export's header
        rows = book.get_sheet_by_name(name).iter_rows()
        first = next(rows, None)
        if first and {"plan name", "sub-output"} <= {_key(c) for c in first if isinstance(c, str)}:
            chosen = (first, rows)
            break
        if chosen is None and first:
            chosen = (first, rows)
    if chosen is None:
        raise InputError(path, "empty sheet: no header row and no rows")
    yield chosen[0]
    yield from chosen[1]


def _rows_csv(path: str, warnings: list[str]) -> Iterator[list]:
    with open(path, "rb") as fh:
        data = fh.read()
    if not data.strip():
        raise InputError(path, "empty file")
    text = _decode(data, path)
    del data
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def iter_export(path: str, warnings: list[str]) -> Iterator[dict[str, str]]:
    """The rows of one export as dicts of our keys (+ 'narratives'), cells repaired."""
    if path.lower().endswith(".csv"):
        rows = _rows_csv(path, warnings)
    else:
        rows = _rows_xlsx(path)
    header = next(rows, None)
    if not header or not any(_cell(h) for h in header):
        raise InputError(path, "empty sheet: no header row")
    index: dict[str, int] = {}
    years: dict[str, int] = {}
    for i, name in enumerate(header):
        k = _key(_cell(name))
        if k in _WANTED:
            index.setdefault(_WANTED[k], i)
        elif m := _NARRATIVE.match(k):
            years[m.group(1)] = i
    missing = [COLUMNS[k] for k in REQUIRED if k not in index]
    if missing:
        raise InputError(path, "not a UN INFO export: missing column(s) " + ", ".join(missing))
    any_row = False
    total = 0
    for row in rows:
        repaired = 0
        rec = {}
        for k, i in index.items():
            v = _cell(row[i]) if i < len(row) else ""
            if v and not v.isascii():
                v, changed = repair(v)
                repaired += changed
            rec[k] = v
        if not any(rec.values()):
            continue
        narr = {}
        for y, i in years.items():
            v = _cell(row[i]) if i < len(row) else ""
            if v:
                v, changed = repair(v)
                repaired += changed
                narr[y] = v
        rec["narratives"] = narr
        rec["repaired"] = repaired
        total += repaired
        any_row = True
        yield rec
    if not any_row:
        raise InputError(path, "empty sheet: a header but no rows")
    if total:
        warnings.append(f"{total} cell(s) repaired: UTF-8 read with the wrong code page "
                        f"(e.g. '√≠' for 'í', '‚Äô' for '’')")


def _split(text: str) -> list[str]:
    return [p.strip() for p in re.split(r";|\n", text) if p.strip() and p.strip().lower() not in _EMPTY]


def _name(text: str) -> str:
    return " ".join(text.split())


def file_region_theme(path: str) -> tuple[str, str]:
    """'Africa__work.xlsx' -> ('Africa', 'work'): the shared exports' naming."""
    stem = PurePath(path).stem
    if "__" not in stem:
        return "", ""
    region, theme = stem.split("__", 1)
    return region.replace("_", " ").strip(), theme.strip("_ ").lower()


class Collector:
    """Plans over several exports, merged by sub-output ID."""

    def __init__(self, keep=None):
        self.plans: dict[tuple[str, str], Plan] = {}
        self.keep = keep  # (country, plan) -> bool: rows of other plans are counted, not kept
        self.seen_keys: dict[tuple[str, str], int] = {}
        self.warnings: dict[str, list[str]] = {}

    def add_file(self, path: str) -> None:
        """Read one export; an `InputError` leaves the plans of the other files untouched."""
        warnings: list[str] = []
        region_f, theme = file_region_theme(path)
        staged: list[dict] = []
        for rec in iter_export(path, warnings):
            staged.append(rec) if self._wanted(rec) else None
        # only a file read to its end is merged: a broken export adds nothing
        for rec in staged:
            self._add(rec, path, region_f, theme)
        self.warnings[path] = warnings

    def _wanted(self, rec: dict) -> bool:
        key = (_name(rec.get("country", "")), _name(rec.get("plan", "")))
        self.seen_keys[key] = self.seen_keys.get(key, 0) + 1
        return self.keep is None or self.keep(key)

    def _add(self, rec: dict, path: str, region: str, theme: str) -> None:
        key = (_name(rec.get("country", "")) or "(no country)", _name(rec.get("plan", "")) or "(no plan name)")
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = Plan(country=key[0], plan=key[1])
        plan.region = plan.region or rec.get("region", "") or region
        if path not in plan.files:
            plan.files.append(path)
        if theme and theme not in plan.themes:
            plan.themes.append(theme)
        plan.rows += 1
        sid = rec.get("id", "")
        plan.repaired += rec.get("repaired", 0) if sid not in plan.sub_outputs else 0
        if not sid:  # no ID: the row's own text identifies it
            sid = "row:" + " | ".join(rec.get(k, "") for k in ("priority", "outcome", "output", "suboutput"))[:300]
        old = plan.sub_outputs.get(sid)
        if old is not None:
            plan.merged += 1
            if theme and theme not in old.themes:
                old.themes.append(theme)
            return
        plan.sub_outputs[sid] = SubOutput(
            id=sid,
            priority=(rec.get("priority_code", ""), rec.get("priority", "")),
            outcome=(rec.get("outcome_code", ""), rec.get("outcome", "")),
            output=(rec.get("output_code", ""), rec.get("output", "")),
            suboutput=(rec.get("suboutput_code", ""), rec.get("suboutput", "")),
            description=rec.get("description", ""),
            agencies=_split(rec.get("agencies", "")),
            implementing=_split(rec.get("implementing", "")),
            contributing=_split(rec.get("contributing", "")),
            sdg_targets=sorted(set(_SDG.findall(rec.get("sdg_targets", "")))),
            gender=rec.get("gender", ""), human_rights=rec.get("human_rights", ""),
            narratives=rec.get("narratives", {}), themes=[theme] if theme else [])


def plan_matcher(plan: str | None, country: str | None):
    """A loose test of (country, plan): case-insensitive, spaces collapsed, substring."""
    p, c = (_key(plan) if plan else None), (_key(country) if country else None)

    def match(key: tuple[str, str]) -> bool:
        return (c is None or c in _key(key[0])) and (p is None or p in _key(key[1]))
    return match


def select(path: str, collector: Collector, plan: str | None, country: str | None) -> Plan:
    """The one plan the user asked for, or an `InputError` that lists the candidates."""
    plans = list(collector.plans.values())
    if plan or country:
        # an exact name wins over names that merely contain it
        exact = [x for x in plans if (not plan or _key(x.plan) == _key(plan))
                 and (not country or _key(x.country) == _key(country))]
        plans = exact if len(exact) == 1 else plans
    if len(plans) == 1:
        return plans[0]
    names = sorted(f"{c}: {p}" for c, p in (collector.seen_keys if not plans else [x.key for x in plans]))
    listed = "; ".join(names)
    asked = " ".join(f"--{k} {v!r}" for k, v in (("plan", plan), ("country", country)) if v)
    if not plans:
        raise PlanChoiceError(path, f"no plan matches {asked}; the export holds: {listed}", names)
    if asked:
        raise PlanChoiceError(path, f"{len(plans)} plans match {asked}; be more precise: {listed}", names)
    raise PlanChoiceError(path, f"{len(plans)} plans in the export; choose one with --plan NAME or "
                          f"--country NAME: {listed}", names)
