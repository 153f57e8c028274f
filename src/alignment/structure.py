"""Structure stage: paragraphs -> sections, structural elements and document type.

Input: the `Paragraph` list of `normalise`, the `RawDocument` metadata and the language's pack,
whose structure rules (`rules/<lang>/structure.yaml`: heading forms, section categories,
element labels, results-matrix headers, document-type cues) `compiled` builds once per pack
version. Output: a `Document`.

Headings come from the source's markup (DOCX styles, Markdown `#`, HTML h1-h6) or, for
layout text (PDF, TXT), from their form: numbered "2.3", Roman "II.", lettered "(b)",
"Annex 2" and short ALL-CAPS lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import regex_cache
from .compiled import compile_pack
from .document import Document, Element, Evidence, Paragraph, RawDocument, Section, Value
from . import tables
from .regex_scan import Scanner, digit_run, join, needs_digit, required_literals
from .packs import Pack
from .schema import RuleFile

_BULLET = re.compile(r"^\s*(?:[\u2022\u25aa\u25cf\u2023\u2043\u25e6\-\*]\s+)")


@dataclass
class StructurePatterns:
    headings: dict[str, re.Pattern]
    max_words: int
    sections: list[tuple[str, str, list[re.Pattern]]]
    elements: list[tuple[str, str, re.Pattern, bool]]
    fields: dict[str, re.Pattern]
    field_literals: dict[str, list[str] | None]  # one of which each field's label holds
    headers: dict[str, set[str]]
    missing: set[str]
    agencies: re.Pattern | None
    cpo: re.Pattern | None
    cpo_stop: set[str]
    doctype: list[tuple[str, str, float, re.Pattern, bool]]
    title_weight: float
    # `agencies` with the literals one of which every match holds (`Scanner.may_match`)
    agencies_scanner: Scanner | None = None
    cpo_digit: bool = False  # every match of `cpo` holds a digit (`regex_scan.needs_digit`)
    # a run of digits every match of `cpo` holds (`\d{3}` for the packs' "KEN 101"), or None: a
    # paragraph without one is not searched (`regex_scan.digit_run`)
    cpo_digits: re.Pattern | None = None


def compile_rules(rules: RuleFile) -> StructurePatterns:
    """The structure patterns of a pack's rules; built once per pack by `compiled.CompiledPack`
    (compiled through the on-disk cache of the packs' expressions, `regex_cache`)."""
    flags = re.IGNORECASE
    h = rules.headings
    headings = {name: regex_cache.compile(getattr(h, name)) for name in
                ("numbered", "roman", "lettered", "parenthesised")} if h else {}
    if h:
        headings["annex"] = regex_cache.compile(h.annex, flags)
    doctype = []
    if rules.doctype:
        for dtype, cues in rules.doctype.cues.items():
            for cue in cues:
                doctype.append((dtype, cue.id, cue.weight, Scanner(regex_cache.compile(cue.regex, flags | re.M)),
                                cue.title_only))
    return StructurePatterns(
        headings=headings,
        max_words=h.max_words if h else 16,
        sections=[(s.id, s.category, [regex_cache.compile(p, flags) for p in s.patterns]) for s in rules.sections],
        elements=[(e.id, e.kind, regex_cache.compile(e.regex, flags), e.counts_as_priority) for e in rules.elements],
        fields={k: regex_cache.compile(v, flags) for k, v in (rules.fields or {}).items()},
        field_literals={k: required_literals(regex_cache.compile(v, flags)) for k, v in (rules.fields or {}).items()},
        headers={k: {x.lower() for x in v} for k, v in (rules.table_headers or {}).items()},
        missing={m.lower() for m in rules.missing_values},
        agencies=regex_cache.compile(rules.agencies, flags) if rules.agencies else None,
        cpo=regex_cache.compile(rules.cpo) if rules.cpo else None,
        cpo_stop=set(rules.cpo_stoplist),
        doctype=doctype,
        title_weight=rules.doctype.title_weight if rules.doctype else 4,
        agencies_scanner=Scanner(regex_cache.compile(rules.agencies, flags), shared=False) if rules.agencies else None,
        cpo_digit=needs_digit(regex_cache.compile(rules.cpo)) if rules.cpo else False,
        cpo_digits=_digit_run_pattern(rules.cpo),
    )


def _digit_run_pattern(cpo: str | None) -> re.Pattern | None:
    width = digit_run(regex_cache.compile(cpo)) if cpo else 0
    return regex_cache.compile(r"\d" if width == 1 else rf"\d{{{width}}}") if width else None


_DIGIT = re.compile(r"\d")


def _heading_of(p: Paragraph, c: StructurePatterns) -> tuple[int, str | None, str] | None:
    """(level, number, title) when the paragraph is a heading."""
    text = p.text.strip()
    if p.kind == "heading":
        m = c.headings.get("numbered") and c.headings["numbered"].match(text)
        number = m.group("number") if m else None
        return (p.level or 1, number, text)
    if p.kind != "paragraph" or len(text.split()) > c.max_words or text[-1:] in ".;,":
        return None
    for form, level in (("numbered", None), ("roman", 1), ("lettered", 2), ("parenthesised", 3),
                        ("annex", 1)):
        pat = c.headings.get(form)
        m = pat.match(text) if pat else None
        if m:
            number = m.group("number")
            if form == "numbered":
                level = number.rstrip(".").count(".") + 1
            return (level, number, text)
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.85 \
            and len(text.split()) <= 12 and re.search(r"[A-ZÀ-Ý]{4,}", text) and ":" not in text[:-1]:
        return (1, None, text)
    return None


def _section_category(heading: str, number: str | None, c: StructurePatterns) -> tuple[str | None, str | None]:
    title = heading
    if number and title.startswith(number):
        title = title[len(number):]
    title = title.strip(" .:-").lower()
    for rid, category, patterns in c.sections:
        if any(p.search(title) for p in patterns):
            return category, rid
    return None, None


def _value(text: str | None, c: StructurePatterns, default_year: int | None = None) -> Value | None:
    return tables.value(text, c.missing, default_year)


def _split_fields(text: str, c: StructurePatterns) -> tuple[str, dict[str, str], dict[str, int]]:
    """Split 'indicator text Baseline: x Target: y Means of verification: z'; and the years
    the labels name ('Baseline (2024): 900'), for values that give none themselves."""
    hits = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that lower-cases to two: no shortcut
        lowered = None
    for name, pat in c.fields.items():
        literals = c.field_literals[name]
        if literals and lowered is not None and not any(x in lowered for x in literals):
            continue  # no label of this field here (a literal in the text is in it lower-cased)
        m = pat.search(text)
        if m:
            hits.append((m.start(), m.end(), name))
    if not hits:
        return text, {}, {}
    hits.sort()
    head = text[:hits[0][0]].strip(" ;,|")
    out, years = {}, {}
    for i, (start, end, name) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        out[name] = text[end:stop].strip(" ;,|")
        year = tables.end_year(text[start:end])
        if year:
            years[name] = year
    return head, out, years


class _Builder:
    """Collects elements, deduplicating numbered ones and linking parents."""

    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.last: dict[str, int] = {}

    def add(self, el: Element) -> int:
        key = (el.kind, el.number or el.code or re.sub(r"\W+", " ", el.text.lower()).strip()[:120])
        if key in self.by_key:
            idx = self.by_key[key]
            old = self.elements[idx]
            for f in ("baseline", "target", "means_of_verification"):
                if getattr(old, f) is None and getattr(el, f) is not None:
                    setattr(old, f, getattr(el, f))
            if not old.agencies and el.agencies:
                old.agencies = el.agencies
            self.last[el.kind] = idx
            return idx
        el.parent = self._parent(el)
        self.elements.append(el)
        idx = len(self.elements) - 1
        self.by_key[key] = idx
        self.last[el.kind] = idx
        return idx

    def _parent(self, el: Element) -> int | None:
        chain = {"outcome": ["priority"], "output": ["outcome"], "suboutput": ["output", "outcome"],
                 "activity": ["suboutput", "output", "outcome"],
                 "indicator": ["output", "outcome", "priority"], "cpo": ["outcome"]}.get(el.kind, [])
        if el.number:
            parts = el.number.split(".")
            for j, kind in enumerate(chain):
                for n in range(len(parts), 0, -1):
                    num = ".".join(parts[:n])
                    if el.kind != "indicator" and n == len(parts):
                        continue
                    if (kind, num) in self.by_key:
                        found = self.by_key[(kind, num)]
                        # an unnumbered outcome ("CPO KEN 301: ...") under that priority is nearer
                        for lower in chain[:j]:
                            last = self.last.get(lower)
                            if last is not None and last > found and self.elements[last].number is None \
                                    and self.elements[last].parent == found:
                                return last
                        return found
        for kind in chain:
            if kind in self.last:
                return self.last[kind]
        return None


def structure(raw: RawDocument, paragraphs: list[Paragraph], pack: Pack,
              language: Evidence) -> Document:
    c = compile_pack(pack).structure
    # Title and heading levels.
    heads: dict[int, tuple[int, str | None, str]] = {}
    for p in paragraphs:
        h = _heading_of(p, c)
        if h:
            heads[p.index] = h
    title = None
    first = min(heads) if heads else None
    if first == 0 and paragraphs[0].kind == "heading" and heads[0][1] is None:
        # A leading, unnumbered heading is the document's title (DOCX "Title", Markdown "#").
        title = heads.pop(0)[2]
        markup = [lv for i, (lv, _, _) in heads.items() if paragraphs[i].kind == "heading"]
        if markup and min(markup) >= 2:
            heads = {i: ((lv - 1 if paragraphs[i].kind == "heading" else lv), n, t)
                     for i, (lv, n, t) in heads.items()}
    elif paragraphs and len(paragraphs[0].text.split()) <= 30:
        title = paragraphs[0].text

    sections: list[Section] = []
    stack: list[int] = []
    if paragraphs and (not heads or min(heads) > 0):
        sections.append(Section(index=0, heading="(before the first heading)", level=0,
                                page=paragraphs[0].page, category="front", first_paragraph=0,
                                last_paragraph=0))
    for i in sorted(heads):
        level, number, text = heads[i]
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        category, rid = _section_category(text, number, c)
        if category is None:
            category = sections[parent].category if parent is not None else "other"
        sections.append(Section(index=len(sections), heading=text, level=level,
                                page=paragraphs[i].page, category=category, category_rule=rid,
                                number=number, parent=parent, first_paragraph=i, last_paragraph=i))
        stack.append(len(sections) - 1)
    for k, s in enumerate(sections):
        nxt = sections[k + 1].first_paragraph - 1 if k + 1 < len(sections) else len(paragraphs) - 1
        s.last_paragraph = max(s.first_paragraph, nxt)

    builder = _Builder()
    section_idx = 0
    table = _TableState()
    last_indicator: int | None = None
    for p in paragraphs:
        while section_idx + 1 < len(sections) and sections[section_idx + 1].first_paragraph <= p.index:
            section_idx += 1
        sec = section_idx if sections else None
        text = _BULLET.sub("", p.text).strip()
        if p.kind == "table_row" and p.cells:
            role = table.row(p.cells, c)
            if role == "header":
                continue
            text = p.cells[0].strip()
            rest = [x.strip() for x in p.cells[1:] if x.strip()]
            if role != "data" and rest and len(text.split()) <= 3 \
                    and not any(pat.match(text) for _, _, pat, _ in c.elements):
                text = f"{text}: {rest[0]}"  # a label cell, "Outcome 1", then its statement
        else:
            table = _TableState()  # text between two tables: the next table has its own header
        matched = False
        for rid, kind, pat, counts in c.elements:
            m = pat.match(text)
            if not m:
                continue
            matched = True
            body = m.group("text").strip()
            number = m.groupdict().get("number")
            el = Element(kind=kind, number=number, text=body, page=p.page, paragraph=p.index,
                         section=sec, code=m.groupdict().get("code"))
            if not counts:
                el.number = None
                el.code = "development-objective"
            if kind == "indicator":
                head, fields, years = _split_fields(body, c)
                el.text = head or body
                el.baseline = _value(fields.get("baseline"), c, years.get("baseline"))
                el.target = _value(fields.get("target"), c, years.get("target"))
                el.means_of_verification = fields.get("means_of_verification")
                last_indicator = builder.add(el)
            else:
                builder.add(el)
            break
        if not matched and last_indicator is not None and p.kind != "table_row":
            head, fields, years = _split_fields(text, c)
            if fields and not head:
                ind = builder.elements[last_indicator]
                for name, val in fields.items():
                    if name == "means_of_verification":
                        ind.means_of_verification = ind.means_of_verification or val
                    elif getattr(ind, name) is None:
                        setattr(ind, name, _value(val, c, years.get(name)))
                continue
        if p.kind == "table_row" and role == "data":
            # after the row's own outcome (first cell), so that its indicators hang under it
            last_indicator = _table_row(p, table.header, c, builder, sec, last_indicator) \
                or last_indicator
        if p.kind == "table_row" and table.header and "agencies" in table.header.columns:
            i = table.header.columns["agencies"]
            _agencies(p.cells[i] if i < len(p.cells) else None, builder)
        if c.agencies and c.agencies_scanner.may_match(text):
            m = _agencies_line(text, c.agencies)
            if m and "outcome" in builder.last:
                builder.elements[builder.last["outcome"]].agencies = _split_agencies(m.group("list"))
        if c.cpo and (c.cpo_digits is None or c.cpo_digits.search(p.text)):
            for m in c.cpo.finditer(p.text):
                code = m.group("code") or m.group("code2")
                num = m.group("num") or m.group("num2")
                if code in c.cpo_stop:
                    continue
                builder.add(Element(kind="cpo", code=f"{code} {num}", text=text[:300], page=p.page,
                                    paragraph=p.index, section=sec))
    for idx, el in enumerate(builder.elements):
        if el.section is not None and sections:
            sections[el.section].elements.append(idx)
    doc_type = _doc_type(paragraphs, title, c)
    return Document(
        path=raw.path, name=raw.path.rsplit("/", 1)[-1], format=raw.format, sha256=raw.sha256,
        type=doc_type.value, type_evidence=doc_type, language=language.value,
        language_evidence=language, pages=max(raw.page_count, max((p.page_end for p in paragraphs), default=1)),
        words=sum(len(p.text.split()) for p in paragraphs), title=title, warnings=list(raw.warnings),
        paragraphs=paragraphs, sections=sections, elements=builder.elements)


class _TableState:
    """Where the walk is in a table: its current header, and whether the row before was a
    header (a second header row merges with it) or opened a block of milestones."""

    def __init__(self) -> None:
        self.header: tables.Header | None = None
        self.after_header = False
        self.milestones = False

    def row(self, cells: list[str], c: StructurePatterns) -> str:
        """header, title, data or other (a row outside any indicator columns)."""
        after, self.after_header = self.after_header, False
        if after and self.header and tables.is_subheader(cells, c.headers):
            merged = tables.merge(self.header, cells, c.headers)
            self.header = merged or self.header
            self.after_header = True
            return "header"
        found = tables.header(cells, c.headers)
        if found:
            self.header, self.after_header, self.milestones = found, True, False
            return "header"
        if tables.is_title(cells):
            if "milestones" in c.headers and tables._name_of(cells[0], c.headers) == "milestones":
                self.milestones = True  # its rows repeat the indicators, year by year
            return "title"
        if self.milestones or self.header is None or tables.is_subheader(cells, c.headers):
            return "other"
        return "data"


def _table_row(p: Paragraph, head: tables.Header, c: StructurePatterns, builder: _Builder,
               sec: int | None, last: int | None) -> int | None:
    cells = p.cells or []
    cols = head.columns

    def cell(name: str) -> str | None:
        i = cols.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else None

    def field(name: str) -> Value | None:
        if name not in cols:
            return None
        raw = cell(name) or ""
        year = cell(f"{name}_year")
        if raw and year and tables.YEAR.search(year) and not tables.YEAR.search(raw):
            raw = f"{raw} ({year})"
        return _value(raw, c, head.years.get(name))

    text = cell("indicator")
    if not text:
        filled = [n for n in ("baseline", "target", "means_of_verification") if cell(n)]
        if last is not None and filled and cols.get("indicator", 0) == 0:
            # the rest of a row cut by a page break
            ind = builder.elements[last]
            for name in filled:
                if name == "means_of_verification":
                    ind.means_of_verification = ind.means_of_verification or cell(name)
                elif getattr(ind, name) is None or getattr(ind, name).status == "missing":
                    setattr(ind, name, field(name))
        return None
    for rid, kind, pat, _ in c.elements:
        m = pat.match(text)
        if m and kind != "indicator":
            return None  # an outcome or output row, handled as an element
    m = next((pat.match(text) for _, kind, pat, _ in c.elements if kind == "indicator" and pat.match(text)), None)
    if m:
        number, body = m.groupdict().get("number"), m.group("text").strip()
    else:
        number, body = tables.numbered(text)
        if number and "." not in number:
            number = None  # "1." restarts in every table: not a key to merge indicators on
    el = Element(kind="indicator", number=number, text=body, page=p.page, paragraph=p.index, section=sec,
                 baseline=field("baseline"), target=field("target"),
                 means_of_verification=cell("means_of_verification") or None)
    return builder.add(el)


def _agencies(listed: str | None, builder: _Builder) -> None:
    """A results-matrix column of contributing entities: they contribute to the row's outcome,
    or to the outcome the rows are under."""
    if not listed or "outcome" not in builder.last:
        return
    names = _split_agencies(listed)
    outcome = builder.elements[builder.last["outcome"]]
    outcome.agencies = outcome.agencies + [n for n in names if n not in outcome.agencies]


_SENTENCE_START = re.compile(r"(?<=[.;:])\s+(?=[A-ZÀ-Ý])")


def _agencies_line(text: str, rx: re.Pattern) -> re.Match | None:
    """'Contributing agencies: ILO, UNDP' opening the paragraph, or opening a sentence of it (a
    line that layout text joined to the output above)."""
    m = rx.match(text)
    if m:
        return m
    for start in _SENTENCE_START.finditer(text):
        m = rx.match(text[start.end():])
        if m:
            return m
    return None


def _split_agencies(listed: str) -> list[str]:
    names = [a.strip(" .") for a in re.split(r",|;|/|\band\b|\bet\b|\by\b|\n", listed)]
    return [a for a in names if a]


def _doc_type(paragraphs: list[Paragraph], title: str | None, c: StructurePatterns) -> Evidence:
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    head = join([p.text for p in paragraphs[:1500]])
    for dtype, rid, weight, scanner, title_only in c.doctype:
        n_title = len(scanner.pattern.findall(title or ""))
        n = 0
        if not title_only:  # paragraphs with a hit
            n = len({head.unit_of(m.start()) for m in scanner.finditer(head)})
        score = weight * min(n, 3) + (c.title_weight * weight if n_title else 0)
        if score:
            scores[dtype] = scores.get(dtype, 0) + score
            where = "title" if n_title else f"{n} paragraph(s)"
            reasons.setdefault(dtype, []).append(f"{rid} in {where}")
    if not scores:
        return Evidence(value="other", confidence=0.5, reasons=["no document-type cue found"])
    best = max(scores, key=lambda k: (scores[k], k))
    if scores[best] < 3:
        return Evidence(value="other", confidence=0.5,
                        reasons=[f"weak cues only ({best} {scores[best]:.1f})"])
    total = sum(scores.values())
    return Evidence(value=best, confidence=round(scores[best] / total, 2), reasons=reasons[best])
