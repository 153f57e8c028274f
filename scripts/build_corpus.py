"""Build the TXT, DOCX and PDF forms of corpus documents from their Markdown source.

Input: `corpora/<genre>/<stem>/<stem>.md` written in the conventions of `corpora/GUIDE.md` §4
(or the Markdown files given on the command line). Output: `<stem>.txt`, `<stem>.docx` and
`<stem>.pdf` beside each source, byte-stable from one run to the next so that rebuilding an
unchanged source leaves git clean.

- TXT: plain UTF-8 text; headings without '#', one line per paragraph and a blank line between
  paragraphs, bullets as '• ', tables as tab-separated lines, footnote marks as superscript
  digits.
- DOCX (python-docx): Title / Heading 1-3 styles, List Bullet / List Number, real tables with
  a header row, a running header (the short title), a footer 'Page <PAGE field>', real
  footnotes (word/footnotes.xml), fixed core properties and zip timestamps.
- PDF (reportlab, `invariant=1`, A4, 10.5 pt Helvetica): running header with the short title
  and 'Page N' footer on every page, justified body text hyphenated at line ends (pyphen),
  bold headings, bullets, pipe tables as grid tables whose long cells wrap, footnote marks as
  superscript digits glued to the word and the notes at the end.

The short title is `<!-- short-title: ... -->` in the source if given, else the title with the
usual abbreviations (UNSDCF, DWCP, ...) cut to about 50 characters.

Usage: `python scripts/build_corpus.py [FILE.md ...]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import logging
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

log = logging.getLogger("alignment")

ROOT = Path(__file__).resolve().parent.parent
FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
HYPHENATION = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}

# A source line that starts a paragraph of its own even without a blank line before it:
# "Baseline: 23%", "Outcome 2.1: ...", "CPO: KND 102", "(KND 102)".
LABEL_LINE = re.compile(r"^(\(?[A-Z][A-Z]{2} \d{3}\)?\s*$|[A-ZÀ-Ý][^:.!?]{0,60}:\s)")
INLINE = re.compile(
    r"\*\*(?P<b>.+?)\*\*|(?<![\w*])\*(?P<i>[^*\s][^*]*?)\*(?!\w)|(?<!\w)_(?P<i2>[^_]+?)_(?!\w)"
    r"|`(?P<code>[^`]+)`|\[\^(?P<fn>[^\]]+)\]|\[(?P<lt>[^\]]+)\]\([^)]*\)")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class Source:
    """A parsed Markdown source: blocks in order plus numbered footnotes."""

    title: str = ""
    short_title: str = ""
    lang: str = "en"
    blocks: list[tuple] = field(default_factory=list)  # (kind, level, payload)
    notes: dict[str, int] = field(default_factory=dict)  # footnote label -> number
    note_text: dict[str, str] = field(default_factory=dict)

    def note_number(self, label: str) -> int:
        return self.notes.setdefault(label, len(self.notes) + 1)


def parse(text: str, stem: str) -> Source:
    """Markdown source -> Source (blocks: title, heading, para, bullet, number, table)."""
    src = Source(lang="fr" if stem.endswith("-fr") else "es" if stem.endswith("-es") else "en")
    m = re.search(r"<!--\s*short-title:\s*(.+?)\s*-->", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            src.blocks.append(("para", 0, " ".join(para)))
            para.clear()
        if table:
            src.blocks.append(("table", 0, [row[:] for row in table]))
            table.clear()

    for raw in text.splitlines():
        hard = raw.endswith("  ") or raw.endswith("\\")
        line = raw.strip().rstrip("\\").strip()
        if line.startswith("|"):
            if para:
                flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                table.append(cells)
            continue
        if table:
            flush()
        fn = re.match(r"^\[\^([^\]]+)\]:\s*(.*)$", line)
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        bullet = re.match(r"^[-*+]\s+(.*)$", line)
        number = re.match(r"^(\d+)[.)]\s+(.*)$", line)
        if not line or fn or heading or bullet or number or LABEL_LINE.match(line):
            flush()
        if not line:
            continue
        if fn:
            src.note_text[fn.group(1)] = fn.group(2)
        elif heading:
            level = len(heading.group(1))
            if level == 1 and not src.title:
                src.title = heading.group(2)
                src.blocks.append(("title", 1, heading.group(2)))
            else:
                src.blocks.append(("heading", level, heading.group(2)))
        elif bullet:
            src.blocks.append(("bullet", 0, bullet.group(1)))
        elif number:
            src.blocks.append(("number", int(number.group(1)), number.group(2)))
        else:
            para.append(line)
            if hard:
                flush()
    flush()
    src.short_title = m.group(1) if m else _shorten(src.title or stem)
    return src


ABBREVIATIONS = [
    ("United Nations Sustainable Development Cooperation Framework", "UNSDCF"),
    ("Cadre de coopération des Nations Unies pour le développement durable", "UNSDCF"),
    ("Plan-cadre de coopération des Nations Unies pour le développement durable", "UNSDCF"),
    ("Marco de Cooperación de las Naciones Unidas para el Desarrollo Sostenible", "MCNUDS"),
    ("Decent Work Country Programme", "DWCP"),
    ("Programme par pays de promotion du travail décent", "PPTD"),
    ("Programa de Trabajo Decente por País", "PTDP")]


def _shorten(title: str, limit: int = 50) -> str:
    for long, short in ABBREVIATIONS:
        title = re.sub(re.escape(long), short, title, flags=re.I)
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def segments(src: Source, text: str) -> list[tuple[str, str]]:
    """Inline Markdown -> [(style, text)] with style in '', 'b', 'i', 'sup'."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            out.append(("", text[pos:m.start()]))
        if m.group("b") is not None:
            out.append(("b", m.group("b")))
        elif m.group("i") is not None or m.group("i2") is not None:
            out.append(("i", m.group("i") or m.group("i2")))
        elif m.group("fn") is not None:
            out.append(("sup", str(src.note_number(m.group("fn")))))
        else:
            out.append(("", m.group("code") or m.group("lt")))
        pos = m.end()
    if pos < len(text):
        out.append(("", text[pos:]))
    return out


def plain(src: Source, text: str) -> str:
    return "".join(t.translate(SUPERSCRIPT) if s == "sup" else t for s, t in segments(src, text))


def ordered_notes(src: Source) -> list[tuple[int, str]]:
    """Footnotes in number order; definitions never referenced come last."""
    for label in src.note_text:
        src.note_number(label)
    return sorted((n, label) for label, n in src.notes.items())


# ---------------------------------------------------------------------------- TXT

def build_txt(src: Source) -> bytes:
    out: list[str] = []
    for kind, level, payload in src.blocks:
        if kind == "table":
            out.append("\n".join("\t".join(plain(src, c) for c in row) for row in payload))
        elif kind == "bullet":
            out.append("• " + plain(src, payload))
        elif kind == "number":
            out.append(f"{level}. " + plain(src, payload))
        else:
            out.append(plain(src, payload))
    notes = [f"{str(n).translate(SUPERSCRIPT)} {plain(src, src.note_text.get(label, ''))}"
             for n, label in ordered_notes(src)]
    if notes:
        out.append("Notes")
        out.extend(notes)
    return ("\n\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------- PDF

def _markup(src: Source, text: str) -> str:
    parts = []
    for style, t in segments(src, text):
        t = escape(_cp1252(t))
        parts.append({"b": f"<b>{t}</b>", "i": f"<i>{t}</i>",
                      "sup": f"<super>{t}</super>"}.get(style, t))
    return "".join(parts)


def _cp1252(text: str) -> str:
    """The standard PDF fonts only carry cp1252 glyphs: approximate the rest."""
    table = {"≥": ">=", "≤": "<=", "→": "->", "−": "-", "\u2011": "-", "\u202f": " "}
    return "".join(c if _encodable(c) else table.get(c, "?") for c in text)


def _encodable(c: str) -> bool:
    try:
        c.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def build_pdf(src: Source) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if importlib.util.find_spec("pyphen") is None:  # reportlab hyphenates through pyphen
        raise SystemExit("build_corpus: pyphen is required for hyphenated PDFs "
                         "(pip install -e '.[test]')")
    lang = HYPHENATION[src.lang]
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=18,
                          alignment=TA_JUSTIFY, spaceAfter=10, hyphenationLang=lang,
                          embeddedHyphenation=1)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=4, spaceAfter=3)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=17, leading=21,
                           spaceAfter=16)
    heads = {n: ParagraphStyle(f"h{n}", fontName="Helvetica-Bold", fontSize=size,
                               leading=size + 3, spaceBefore=10, spaceAfter=6)
             for n, size in ((2, 15.5), (3, 13.5), (4, 12.5), (5, 12.5), (6, 12.5))}
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    head_cell = ParagraphStyle("headcell", parent=cell, fontName="Helvetica-Bold")
    note = ParagraphStyle("note", parent=body, fontSize=8.5, leading=10.5, spaceAfter=2)
    width = A4[0] - 5 * cm

    story = []
    for kind, level, payload in src.blocks:
        if kind == "title":
            story.append(Paragraph(_markup(src, payload), title))
        elif kind == "heading":
            story.append(Paragraph(_markup(src, payload), heads[max(2, level)]))
        elif kind == "para":
            story.append(Paragraph(_markup(src, payload), body))
        elif kind in ("bullet", "number"):
            mark = "•" if kind == "bullet" else f"{level}."
            story.append(Paragraph(_markup(src, payload), bullet, bulletText=mark))
        elif kind == "table":
            ncols = max(len(r) for r in payload)
            rows = [[Paragraph(_markup(src, c), head_cell if i == 0 else cell)
                     for c in r + [""] * (ncols - len(r))] for i, r in enumerate(payload)]
            table = Table(rows, colWidths=_col_widths(payload, ncols, width), repeatRows=1)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 8)]
    notes = ordered_notes(src)
    if notes:
        story.append(Spacer(1, 10))
        for n, label in notes:
            story.append(Paragraph(f"<super>{n}</super> "
                                   + _markup(src, src.note_text.get(label, "")), note))

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(2.5 * cm, A4[1] - 1.3 * cm, _cp1252(src.short_title))
        canvas.line(2.5 * cm, A4[1] - 1.45 * cm, A4[0] - 2.5 * cm, A4[1] - 1.45 * cm)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=3 * cm, rightMargin=3 * cm,
                            topMargin=2.6 * cm, bottomMargin=2.4 * cm, invariant=1,
                            title=_cp1252(src.title), author="alignment corpus builder",
                            creator="scripts/build_corpus.py", lang=src.lang)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()


def _col_widths(rows: list[list[str]], ncols: int, width: float) -> list[float]:
    header = [c.lower() for c in rows[0]]
    if ncols == 4 and header and header[0].startswith(("indicator", "indicateur", "indicador")):
        shares = [0.40, 0.17, 0.17, 0.26]
    else:
        longest = [max((len(r[i]) if i < len(r) else 0) for r in rows) for i in range(ncols)]
        weights = [max(8, n) ** 0.5 for n in longest]
        shares = [w / sum(weights) for w in weights]
    return [s * width for s in shares]


# ---------------------------------------------------------------------------- DOCX

def build_docx(src: Source) -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.last_modified_by = src.title, "alignment corpus builder", ""
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    notes_xml: list[str] = []

    def fill(paragraph, text: str) -> None:
        for style, t in segments(src, text):
            if style == "sup":
                run = paragraph.add_run()
                rpr = run._r.get_or_add_rPr()
                va = OxmlElement("w:vertAlign")
                va.set(qn("w:val"), "superscript")
                rpr.append(va)
                ref = OxmlElement("w:footnoteReference")
                ref.set(qn("w:id"), t)
                run._r.append(ref)
            else:
                run = paragraph.add_run(t)
                run.bold = style == "b" or None
                run.italic = style == "i" or None

    previous, list_id = "", 0
    for kind, level, payload in src.blocks:
        if kind == "title":
            fill(document.add_paragraph(style="Title"), payload)
        elif kind == "heading":
            fill(document.add_paragraph(style=f"Heading {min(max(level - 1, 1), 9)}"), payload)
        elif kind == "para":
            fill(document.add_paragraph(), payload)
        elif kind == "bullet":
            fill(document.add_paragraph(style="List Bullet"), payload)
        elif kind == "number":
            paragraph = document.add_paragraph(style="List Number")
            if previous != "number":  # each numbered list starts again at 1, as in the source
                list_id = _new_numbered_list(document)
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = list_id
            fill(paragraph, payload)
        elif kind == "table":
            ncols = max(len(r) for r in payload)
            table = document.add_table(rows=len(payload), cols=ncols, style="Table Grid")
            for i, row in enumerate(payload):
                for j, text in enumerate(row):
                    fill(table.cell(i, j).paragraphs[0], text)
                    if i == 0:
                        for run in table.cell(i, j).paragraphs[0].runs:
                            run.bold = True
            trpr = table.rows[0]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:tblHeader"))
        previous = kind

    section = document.sections[0]
    section.header.paragraphs[0].text = src.short_title
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    field_ = OxmlElement("w:fldSimple")
    field_.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    inner.append(t)
    field_.append(inner)
    footer._p.append(field_)

    for n, label in ordered_notes(src):
        notes_xml.append(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
            f'{escape(plain(src, src.note_text.get(label, "")))}</w:t></w:r></w:p></w:footnote>')
    if notes_xml:
        ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes '
                f'xmlns:w="{ns}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
                f'<w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
                f' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                + "".join(notes_xml) + "</w:footnotes>").encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)

    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _new_numbered_list(document) -> int:
    """A new numbering instance of the "List Number" definition, restarting at 1."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_num)
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------- main

def build(md: Path) -> list[Path]:
    """Build the three forms of one Markdown source; return the paths written."""
    src = parse(md.read_text(encoding="utf-8"), md.stem)
    written = []
    for suffix, builder in ((".txt", build_txt), (".docx", build_docx), (".pdf", build_pdf)):
        target = md.with_suffix(suffix)
        data = builder(src)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def sources(root: Path) -> list[Path]:
    """Every corpora/<genre>/<stem>/<stem>.md under `root`."""
    return sorted(p for p in root.glob("*/*/*.md") if p.stem == p.parent.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="Markdown sources (default: all)")
    parser.add_argument("--corpora", type=Path, default=ROOT / "corpora")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    files = args.files or sources(args.corpora)
    failed = 0
    for md in files:
        try:
            build(md)
            log.info("built %s", md)
        except Exception as exc:  # one bad source must not stop the others
            failed += 1
            log.error("%s: %s", md, exc)
    log.info("%d source(s), %d failed", len(files), failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
