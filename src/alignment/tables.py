"""Results tables as they are printed: table rows -> indicator rows with their columns.

Input: the `table_row` paragraphs of a document, one at a time, and the compiled structure
rules of the pack (header names, "to be determined" values). Output: for each row, what it
is (a header, a title row, a data row) and, for data rows, the indicator with its baseline,
target, means of verification and the contributing entities of the row.

Real results frameworks are not one header row and data rows. A table may open with a title
row ("Outcome 1: ...") above its header; headers may sit on two rows ("Baseline" over
"Value | Year", "Target" over "(2027)"); a header may carry the year of its column ("Target
(2027)", "Target for 2010-15", "Cible 2027"); a block of biennial milestones may follow with
its own header row of years; indicator rows are numbered "1.1." or "Indicator 2.3.1"; a row
cut by a page break goes on in a row whose first cell is empty. The readers give a cell
spanning columns as that cell followed by empty cells, so columns keep their positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Value

YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_NUMBER = re.compile(r"[<>≤≥~]?\s*\d[\d,. ]*(?:\s?(?:%|per cent|percent|pour cent|por ciento))?")
# A year or a period in a header or a value: 2027, (2027), 2010-15, 2010-2015, 2010/11
_PERIOD = re.compile(r"\(?\b((?:19|20)\d{2})(?:\s*[-\u2013/]\s*((?:19|20)?\d{2}))?\b\)?")
_CONNECTIVE = re.compile(r"\s+(?:for|in|by|at|end|pour|en|d'ici|para|al|a|en el)$")
# Words that only qualify a header cell on the row below it ("Value", "Year").
_SUBHEADER_WORDS = {"value", "year", "valeur", "année", "annee", "valor", "año", "ano", "number",
                    "date", "%", "no.", "n°", "nº"}
_YEAR_WORDS = {"year", "année", "annee", "año", "ano", "date"}
# "1.1.", "1.2.3", "2.1a", "Indicator 2.3.1", "Indicateur 1.2 :"; a single number only with a
# label word or a closing dot or bracket ("1.", "2)").
_NUMBERED = re.compile(
    r"^(?:(?P<label>[^\W\d_]{3,20})\.?\s+)?"
    r"(?P<number>\d{1,2}(?:\.\d{1,2}){1,3}(?:\.?[a-z])?|\d{1,2}(?=[.)]\s|\s*[:\-\u2013]\s|\s+\D))"
    r"(?![\d,])[.):\-\u2013]?\s+(?!(?:million|billion|thousand|per cent|percent|%|millions?|milliards?|mil|millones)\b)"
    r"(?P<text>\S.*)$", re.IGNORECASE)


def end_year(text: str) -> int | None:
    """The last year a header or value names: 'Target for 2010-15' -> 2015."""
    years = None
    for m in _PERIOD.finditer(text):
        start, end = m.group(1), m.group(2)
        if end and len(end) == 2:
            end = start[:2] + end
        years = int(end or start)
    return years


def value(text: str | None, missing: set[str], default_year: int | None = None) -> Value | None:
    """A baseline or target cell or field -> Value. 'None' and '0' are values; 'TBD', 'to be
    set in 2010' are to be determined (with the year they name)."""
    if text is None:
        return None
    raw = text.strip(" ;,.|")
    low = raw.lower().strip(" .")
    if not low:
        return Value(text=raw, status="missing")
    years = YEAR.findall(raw)
    year = int(years[-1]) if years else default_year
    if low in missing or any(low.startswith(m + " ") or low.startswith(m + "(") or low.startswith(m + ",")
                             for m in missing if len(m) >= 3):
        return Value(text=raw, status="tbd", year=year if years else None)
    rest = _PERIOD.sub(" ", raw) if years else raw
    num = _NUMBER.search(rest)
    found = num.group(0).strip(" ,.") if num and re.search(r"\d", num.group(0)) else None
    if found is None:
        found = re.sub(r"\(\s*\)|\s+", " ", rest).strip(" ,;()") or None
    return Value(text=raw, value=found, year=year, status="given")


def numbered(text: str) -> tuple[str | None, str]:
    """'1.1. Percentage of ...' -> ('1.1', 'Percentage of ...'); the text as is otherwise."""
    m = _NUMBERED.match(text)
    if not m:
        return None, text
    return m.group("number").rstrip("."), m.group("text").strip()


def _key(cell: str) -> str:
    key = re.sub(r"\s+", " ", cell.strip().lower().strip(":"))
    key = _PERIOD.sub(" ", key)
    key = re.sub(r"\((?:year|value|année|valeur|año|valor)\)", " ", key)
    key = re.sub(r"\s+", " ", key).strip(" :()-\u2013")
    return _CONNECTIVE.sub("", key)


def _name_of(cell: str, headers: dict[str, set[str]]) -> str | None:
    key = _key(cell)
    if not key or len(key.split()) > 5 or re.search(r"\d", key):
        return None  # a header names its column in a few words: "Baseline plus 15 points" is a value
    for name, names in headers.items():
        if key in names or any(key.startswith(n + " ") or key.startswith(n + "/") for n in names) \
                or any(key.startswith(n) for n in names if len(n) > 5):
            if name in ("baseline", "target") and key.split()[-1] in _YEAR_WORDS and key not in names:
                return f"{name}_year"
            return name
    return None


@dataclass
class Header:
    columns: dict[str, int]
    years: dict[str, int] = field(default_factory=dict)
    cells: list[str] = field(default_factory=list)


def header(cells: list[str], headers: dict[str, set[str]]) -> Header | None:
    """The column map of a header row, when it has an indicator column and a baseline, target,
    verification or entities column."""
    cols: dict[str, int] = {}
    years: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name = _name_of(cell, headers)
        if name and name not in cols:
            cols[name] = i
            y = end_year(cell)
            if y and name in ("baseline", "target"):
                years[name] = y
    if "indicator" in cols and cols.keys() & {"baseline", "target", "means_of_verification", "agencies"}:
        return Header(cols, years, list(cells))
    return None


def _subheader_cell(cell: str, headers: dict[str, set[str]]) -> bool:
    key = _key(cell)
    return not key or key in _SUBHEADER_WORDS or _name_of(cell, headers) is not None


def is_subheader(cells: list[str], headers: dict[str, set[str]]) -> bool:
    """A row of years and 'Value | Year' labels under a header, or a milestone header of years."""
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_subheader_cell(c, headers) for c in filled) \
        and any(end_year(c) or _key(c) in _SUBHEADER_WORDS for c in filled)


def merge(upper: Header, cells: list[str], headers: dict[str, set[str]]) -> Header | None:
    """A header on two rows: each column's words top to bottom; an empty upper cell over a
    filled lower one belongs to the spanning cell on its left ('Baseline' over 'Value | Year')."""
    top = list(upper.cells) + [""] * max(0, len(cells) - len(upper.cells))
    joined = []
    for i, low in enumerate(cells + [""] * max(0, len(top) - len(cells))):
        up = top[i]
        if not up.strip() and low.strip() and i > 0:
            up = next((top[j] for j in range(i - 1, -1, -1) if top[j].strip()), "")
        joined.append(f"{up} {low}".strip())
    merged = header(joined, headers)
    if merged is None:
        return None
    for name in ("baseline", "target"):
        if name not in merged.years and name in upper.years:
            merged.years[name] = upper.years[name]
    return merged


def is_title(cells: list[str]) -> bool:
    """A row with only its first cell filled, short or spanning: 'Outcome 1', 'Biennial
    milestones'. An indicator whose other cells are all empty keeps its length."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    return filled == [0] and (len(cells) == 1 or len(cells[0].split()) <= 6
                              and not _NUMBERED.match(cells[0]))
