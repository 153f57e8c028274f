"""The document model: what the read, normalise and structure stages produce.

- read      -> `RawDocument`: pages of raw blocks (lines of a PDF or text file, paragraphs and
               table rows of a DOCX or HTML file), each block with its page number.
- normalise -> `Paragraph` list: clean text for matching, with `origin` runs that map every
               character back to the page and the offset in that page's raw text.
- structure -> `Document`: paragraphs, a flat section list (each with heading, level, page,
               category and parent) and the structural elements found (priority, outcome,
               output, sub-output, indicator, activity, cpo). A plan of a work plan export
               (`read/uninfo.py`) becomes a `Document` directly, with `source` set.

These pydantic models are published: `alignment inspect --format json` dumps `Document`, and
other tools read the field names, so keep them stable.
"""

from __future__ import annotations

import bisect
from operator import itemgetter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["line", "paragraph", "heading", "list_item", "table_row"]
DocType = Literal["unsdcf", "dwcp", "cca", "proposal", "other"]
ElementKind = Literal["priority", "outcome", "output", "suboutput", "indicator", "activity", "cpo"]


class Block(BaseModel):
    """One unit of extracted text, in reading order."""

    model_config = ConfigDict(extra="forbid")

    kind: BlockKind = Field(description="line: a layout line (PDF, TXT) still to be joined into "
                            "paragraphs; an empty line marks a paragraph break. paragraph, "
                            "heading, list_item, table_row: already whole (DOCX, HTML, Markdown).")
    text: str = Field(description="The raw text of the block; for a table row the cells joined "
                      "by ' | '.")
    page: int = Field(ge=1, description="1-based page number (1 for formats without pages).")
    level: int | None = Field(default=None, description="Heading level from the source's own "
                              "markup (DOCX style 'Heading 2', Markdown '##', HTML h2).")
    cells: list[str] | None = Field(default=None, description="Cells of a table row.")
    style: str | None = Field(default=None, description="Source style name, if any.")


_LINE_FIELDS = {"kind", "text", "page"}
_STYLED_LINE_FIELDS = {"kind", "text", "page", "style"}


def line_block(text: str, page: int, style: str | None = None) -> Block:
    """`Block(kind="line", text=text, page=page[, style=style])` without validation (a reader
    makes one per line of a long document: a validated Block cost ~3x the memory). `page` is
    the reader's 1-based page number."""
    m = Block.__new__(Block)
    object.__setattr__(m, "__dict__", {"kind": "line", "text": text, "page": page, "level": None,
                                       "cells": None, "style": style})
    object.__setattr__(m, "__pydantic_fields_set__", _LINE_FIELDS if style is None else _STYLED_LINE_FIELDS)
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m


class RawDocument(BaseModel):
    """What a reader returns: the blocks of a file, before any cleaning."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="The path given by the user ('-' for standard input).")
    format: Literal["pdf", "docx", "txt", "md", "html"]
    sha256: str = Field(description="Hash of the file's bytes: the document id in batches.")
    page_count: int = Field(ge=0)
    blocks: list[Block]
    encoding: str | None = Field(default=None, description="Detected text encoding (text formats).")
    warnings: list[str] = Field(default_factory=list, description="Problems that did not stop "
                                "reading (decoded with a fallback encoding, pages lost, ...).")


_run_start = itemgetter(0)


class Paragraph(BaseModel):
    """A clean paragraph, ready for matching, that still knows where it came from."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(description="Position in the document, from 0.")
    text: str = Field(description="Normalised text: joined lines, no line-end hyphenation, "
                      "straight quotes, plain dashes and spaces, no ligatures.")
    kind: BlockKind = Field(description="paragraph, heading, list_item or table_row.")
    page: int = Field(ge=1, description="Page where the paragraph starts.")
    page_end: int = Field(ge=1, description="Page where it ends.")
    level: int | None = None
    cells: list[str] | None = None
    origin: list[tuple[int, int, int]] = Field(
        default_factory=list,
        description="Runs (start in text, page, start in that page's raw text): character i of "
        "`text` at or after a run's start maps to page and raw offset + (i - start). A character "
        "made by normalisation (a joining space) maps to the raw character it replaced.")

    @classmethod
    def trusted(cls, index: int, text: str, kind: str, page: int, page_end: int, level: int | None,
                cells: list[str] | None, origin: list[tuple[int, int, int]]) -> "Paragraph":
        """A paragraph from values already right (normalise makes them), without validation:
        the same object as `Paragraph(...)` gives, at ~40 % of its memory (a long document holds
        tens of thousands): one compact dict, and one set of field names shared by all."""
        if cls.__pydantic_post_init__ or cls is not Paragraph:  # pragma: no cover - a subclass
            return cls(index=index, text=text, kind=kind, page=page, page_end=page_end, level=level,
                       cells=cells, origin=origin)
        m = cls.__new__(cls)
        object.__setattr__(m, "__dict__", {"index": index, "text": text, "kind": kind, "page": page,
                                           "page_end": page_end, "level": level, "cells": cells,
                                           "origin": origin})
        object.__setattr__(m, "__pydantic_fields_set__", _PARAGRAPH_FIELDS)
        object.__setattr__(m, "__pydantic_extra__", None)
        object.__setattr__(m, "__pydantic_private__", None)
        return m

    def page_at(self, offset: int) -> int:
        """The page of character `offset` of `text` (runs are in text order: a binary search)."""
        i = bisect.bisect_right(self.origin, offset, key=_run_start)
        return self.origin[i - 1][1] if i else self.page


_PARAGRAPH_FIELDS = set(Paragraph.model_fields)  # every field is set; shared, never smaller


class Value(BaseModel):
    """A baseline or a target as written, with what could be read from it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="As written in the document.")
    value: str | None = Field(default=None, description="The figure, e.g. '23%' or '1,200'.")
    year: int | None = Field(default=None, description="The year it refers to, when given.")
    status: Literal["given", "missing", "tbd"] = Field(
        description="given: a value is there; tbd: 'to be determined', 'TBD', 'n/a'; missing: empty.")


class Element(BaseModel):
    """A structural element of the plan: priority, outcome, output, indicator, activity, cpo."""

    model_config = ConfigDict(extra="forbid")

    kind: ElementKind
    number: str | None = Field(default=None, description="Its number as written ('2', '2.1', '2.1.3').")
    text: str = Field(description="The statement (without its label).")
    page: int = Field(ge=1)
    paragraph: int = Field(description="Index of the paragraph that holds it.")
    section: int | None = Field(default=None, description="Index of the section that holds it.")
    code: str | None = Field(default=None, description="Country programme outcome code, e.g. 'KEN 102'.")
    parent: int | None = Field(default=None, description="Index (in `Document.elements`) of the "
                               "element it belongs to: an outcome's priority, an output's outcome, "
                               "an indicator's outcome or output.")
    agencies: list[str] = Field(default_factory=list, description="Contributing UN entities "
                                "named for an outcome.")
    baseline: Value | None = Field(default=None, description="Indicators only.")
    target: Value | None = Field(default=None, description="Indicators only.")
    means_of_verification: str | None = Field(default=None, description="Indicators only.")
    ref: str | None = Field(default=None, description="Where a row of a work plan export came "
                            "from, e.g. 'uninfo:64754' (the UN INFO sub-output ID).")
    partners: list[str] = Field(default_factory=list, description="Implementing and contributing "
                                "partners named for the element (work plan exports).")
    sdg_targets: list[str] = Field(default_factory=list, description="SDG targets the country "
                                   "team tagged the element with ('8.5'): its own view, kept "
                                   "beside the tool's findings.")
    markers: dict[str, str] = Field(default_factory=dict, description="The country team's own "
                                    "markers: gender, human_rights (e.g. '2 - ...').")


class Section(BaseModel):
    """A section of the document: its heading and what kind of content it holds."""

    model_config = ConfigDict(extra="forbid")

    index: int
    heading: str
    level: int = Field(ge=0, description="0 for the text before the first heading, then 1, 2, ...")
    page: int = Field(ge=1)
    category: str = Field(description="context, strategy, results, implementation, governance, "
                          "monitoring, risks, budget, annex, front or other; chosen by the rules "
                          "in rules/<lang>/sections.yaml.")
    category_rule: str | None = Field(default=None, description="The rule id that chose the category.")
    number: str | None = Field(default=None, description="The heading's number, e.g. '2.3', 'II', '(b)'.")
    parent: int | None = None
    first_paragraph: int
    last_paragraph: int
    elements: list[int] = Field(default_factory=list, description="Indexes into Document.elements.")


class Evidence(BaseModel):
    """Why a guess (document type, language) was made."""

    model_config = ConfigDict(extra="forbid")

    value: str
    confidence: float = Field(ge=0, le=1)
    reasons: list[str] = Field(default_factory=list)


class PlanSource(BaseModel):
    """Where a plan read from a work plan export came from (UN INFO)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["uninfo"] = "uninfo"
    files: list[str] = Field(description="The exports its rows were read from.")
    region: str | None = Field(default=None, description="UN region, from a 'Region' column or "
                               "the export's file name ('Africa__work.xlsx').")
    country: str
    plan: str = Field(description="The plan name (repaired, spaces collapsed).")
    themes: list[str] = Field(default_factory=list, description="UN INFO themes of the exports "
                              "(from the file names), when known.")
    rows: int = Field(description="Rows read for the plan, over all exports.")
    sub_outputs: int = Field(description="Distinct sub-outputs (by ID) after merging.")
    merged: int = Field(default=0, description="Rows dropped as the same sub-output ID seen in "
                        "another export (a sub-output filed under several themes).")
    years: list[int] = Field(default_factory=list, description="Years with a progress narrative.")


class Document(BaseModel):
    """A document read, cleaned and structured."""

    model_config = ConfigDict(extra="forbid")

    path: str
    name: str
    format: str
    sha256: str
    type: DocType
    type_evidence: Evidence
    language: str
    language_evidence: Evidence
    pages: int
    words: int
    title: str | None = None
    warnings: list[str] = Field(default_factory=list)
    source: PlanSource | None = Field(default=None, description="Set for a plan read from a "
                                      "work plan export (one document per plan).")
    paragraphs: list[Paragraph]
    sections: list[Section]
    elements: list[Element]

    def section_of(self, paragraph: int) -> Section | None:
        for section in reversed(self.sections):
            if section.first_paragraph <= paragraph <= section.last_paragraph:
                return section
        return None
