"""A plan of a work plan export -> `Document` (the structure stage for UN INFO plans).

Input: a `read.uninfo.Plan` (its sub-outputs merged by ID). Output: a `Document` whose
elements are the plan's results chain: strategic priority > outcome > output > sub-output
(each sub-output a commitment, like an output), with the sub-output's description in its
section, its UN entities as the element's `agencies` (also summed up on its outcome, where
`compare` looks for the ILO), its implementing and contributing partners in a partners
paragraph (read by the constituents stage; an "implementation" section, so a ministry named
there is no commitment), the country team's SDG targets and gender and human-rights markers
on the element, and each yearly narrative as a progress report (section category
"progress": evidence of what was done, which scores as a mention, never as a commitment).

There are no pages: every paragraph is on page 1, and each sub-output's section heading
carries its UN INFO ID so that evidence can be found again in UN INFO.
"""

from __future__ import annotations

import hashlib
import re

from .document import Document, Element, Evidence, Paragraph, PlanSource, Section
from .language import detect
from .normalise import fold
from .read.uninfo import Plan, SubOutput

_LABEL = re.compile(r"^\s*(?:(?:strategic\s+)?priority|outcome|output|sub-?output|effet|produit|"
                    r"r[ée]sultat|efecto|resultado|producto|sub-?producto|sous-produit)?\s*"
                    r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,4})\.?\s*[:.\-–]?\s+(?=\S)", re.IGNORECASE)


def _clean(text: str) -> str:
    return " ".join(fold(text).split())


def _numbered(text: str, fallback: str) -> tuple[str | None, str]:
    """'Output 1.2.1: Electoral ...' -> ('1.2.1', 'Electoral ...')."""
    text = _clean(text)
    m = _LABEL.match(text)
    if m and m.end() < len(text):
        return m.group("number"), text[m.end():]
    return (fallback or None), text


def _num_order(code: str):
    try:
        return (0, float(code))
    except ValueError:
        return (1, code)


def _order(s: SubOutput):
    return tuple(_num_order(c) for c in (s.priority[0], s.outcome[0], s.output[0], s.suboutput[0])) + (
        (0, int(s.id)) if s.id.isdigit() else (1, s.id),)


class _Writer:
    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.sections: list[Section] = []
        self.elements: list[Element] = []

    def para(self, text: str, kind: str = "paragraph", level: int | None = None) -> int:
        i = len(self.paragraphs)
        self.paragraphs.append(Paragraph(index=i, text=text, kind=kind, page=1, page_end=1, level=level,
                                         origin=[(0, 1, 0)]))
        return i

    def section(self, heading: str, level: int, category: str, parent: int | None, first: int,
                number: str | None = None) -> int:
        i = len(self.sections)
        self.sections.append(Section(index=i, heading=heading[:200], level=level, page=1, category=category,
                                     category_rule="uninfo", number=number, parent=parent,
                                     first_paragraph=first, last_paragraph=first))
        return i

    def element(self, el: Element) -> int:
        self.elements.append(el)
        idx = len(self.elements) - 1
        if el.section is not None:
            self.sections[el.section].elements.append(idx)
        return idx


def build(plan: Plan, path: str) -> Document:
    w = _Writer()
    title = f"{plan.plan} ({plan.country})"
    w.section(title, 0, "front", None, w.para(title, "heading", 1))
    heads: dict[tuple, tuple[int, int]] = {}  # (level key) -> (section, element)
    years: set[int] = set()
    subs = sorted(plan.sub_outputs.values(), key=_order)
    for s in subs:
        parent_sec, parent_el = None, None
        key: tuple = ()
        for level, (kind, (code, text)) in enumerate(
                (("priority", s.priority), ("outcome", s.outcome), ("output", s.output)), start=1):
            key = key + (_clean(text),)
            if key not in heads:
                parent_number = w.elements[parent_el].number if parent_el is not None else None
                fallback = f"{parent_number}.{code}" if parent_number and code else code
                number, body = _numbered(text or "(untitled)", fallback)
                word = {"priority": "Strategic priority", "outcome": "Outcome", "output": "Output"}[kind]
                heading = f"{word} {number}: {body}" if number else f"{word}: {body}"
                p = w.para(body, "heading", level)
                sec = w.section(heading, level, "results", parent_sec, p, number)
                el = w.element(Element(kind=kind, number=number, text=body, page=1, paragraph=p, section=sec,
                                       parent=parent_el))
                heads[key] = (sec, el)
            parent_sec, parent_el = heads[key]
            if kind == "outcome":  # the outcome's UN entities: those of its sub-outputs
                agencies = w.elements[parent_el].agencies
                agencies.extend(a for a in s.agencies if a not in agencies)
        out_number = w.elements[parent_el].number
        number, body = _numbered(s.suboutput[1] or "(untitled)",
                                 f"{out_number}.{s.suboutput[0]}" if out_number and s.suboutput[0] else "")
        p = w.para(body, "heading", 4)
        ref = f"uninfo:{s.id}" if not s.id.startswith("row:") else None
        label = f"Sub-output {number}" if number else "Sub-output"
        heading = f"{label} [ID {s.id}]: {body}" if ref else f"{label}: {body}"
        sec = w.section(heading, 4, "results", parent_sec, p, number)
        markers = {k: v for k, v in (("gender", s.gender), ("human_rights", s.human_rights)) if v}
        w.element(Element(kind="suboutput", number=number, text=body, page=1, paragraph=p, section=sec,
                          parent=parent_el, agencies=list(s.agencies), ref=ref,
                          partners=s.implementing + [c for c in s.contributing if c not in s.implementing],
                          sdg_targets=list(s.sdg_targets), markers=markers))
        desc = _clean(s.description)
        if desc and desc != body:
            w.para(desc)
        if s.implementing or s.contributing:
            parts = []
            if s.implementing:
                parts.append("Implementing partners: " + "; ".join(_clean(x) for x in s.implementing) + ".")
            if s.contributing:
                parts.append("Contributing partners: " + "; ".join(_clean(x) for x in s.contributing) + ".")
            w.section("Partners", 5, "implementation", sec, w.para(" ".join(parts)))
        for year in sorted(s.narratives):
            text = _clean(s.narratives[year])
            if text:
                years.add(int(year))
                w.section(f"Progress {year}", 5, "progress", sec, w.para(f"{year}: {text}"))
    for k, sec in enumerate(w.sections):  # each section runs to the next one's first paragraph
        nxt = w.sections[k + 1].first_paragraph - 1 if k + 1 < len(w.sections) else len(w.paragraphs) - 1
        sec.last_paragraph = max(sec.first_paragraph, nxt)
    language = detect([p.text for p in w.paragraphs[1:4000]])
    warnings = []
    if plan.repaired:
        warnings.append(f"{plan.repaired} cell(s) repaired: UTF-8 read with the wrong code page "
                        f"(e.g. '√≠' for 'í', '‚Äô' for '’')")
    if plan.merged:
        warnings.append(f"{plan.merged} row(s) of a sub-output already read from another export "
                        f"(same ID) were merged, not counted twice")
    digest = hashlib.sha256(plan.to_json().encode("utf-8")).hexdigest()
    source = PlanSource(files=sorted(plan.files), region=plan.region or None, country=plan.country,
                        plan=plan.plan, themes=sorted(plan.themes), rows=plan.rows,
                        sub_outputs=len(plan.sub_outputs), merged=plan.merged, years=sorted(years))
    return Document(
        path=path, name=f"{plan.country}: {plan.plan}", format="uninfo", sha256=digest, type="unsdcf",
        type_evidence=Evidence(value="unsdcf", confidence=1.0,
                               reasons=["a UN INFO joint work plan export (Cooperation Framework results framework)"]),
        language=language.value, language_evidence=language, pages=1,
        words=sum(len(p.text.split()) for p in w.paragraphs), title=title, warnings=warnings, source=source,
        paragraphs=w.paragraphs, sections=w.sections, elements=w.elements)
