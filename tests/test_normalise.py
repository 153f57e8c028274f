"""Normalisation of raw blocks into paragraphs, with offsets back to the page."""

from alignment.document import Block, RawDocument
from alignment.normalise import normalise


def raw(pages: list[list[str]]) -> RawDocument:
    blocks = []
    for n, lines in enumerate(pages, 1):
        blocks += [Block(kind="line", text=t, page=n) for t in lines]
        blocks.append(Block(kind="line", text="", page=n))
    return RawDocument(path="x.pdf", format="pdf", sha256="0", page_count=len(pages), blocks=blocks)


def test_headers_footers_page_numbers_hyphens_and_runs_over_pages():
    header = "UN Cooperation Framework 2025\u20132029"
    pages = [[header, "The Government will extend social protec-", "tion to all workers and", "12"],
             [header, "their families by 2029.", "Outcome 1.1: More decent jobs.", "13"],
             [header, "Youth em-", "ployment is low.", "Page 14 of 20"]]
    paras = normalise(raw(pages))
    texts = [p.text for p in paras]
    assert texts == ["The Government will extend social protection to all workers and their families by 2029.",
                     "Outcome 1.1: More decent jobs.", "Youth employment is low."]
    first = paras[0]
    assert (first.page, first.page_end) == (1, 2)
    assert first.page_at(first.text.index("families")) == 2


def test_real_compounds_keep_their_hyphen():
    paras = normalise(raw([["Support for self-", "employment and decision-", "making bodies."]]))
    assert paras[0].text == "Support for self-employment and decision-making bodies."


def test_characters_are_normalised_and_mapped_back():
    line = "\u201cDecent work\u201d \u2013 the of\ufb01ce\u2019s\u00a0agenda.3 More"
    doc = raw([[line]])
    p = normalise(doc)[0]
    assert p.text == "\"Decent work\" - the office's agenda. More"
    # Every character maps to its raw offset: the 'f' of 'office' comes from the ligature.
    i = p.text.index("office") + 2
    start, page, raw_start = max((r for r in p.origin if r[0] <= i), key=lambda r: r[0])
    assert page == 1 and line[raw_start + (i - start)] == "\ufb01"


def test_bullets_and_labels_start_paragraphs():
    paras = normalise(raw([["The UN will support:", "\u2022 labour inspection;", "\u2022 social dialogue.",
                            "Indicator 1.1: NEET rate", "Baseline: 28% (2024)", "Target: 20% (2029)"]]))
    kinds = [(p.kind, p.text) for p in paras]
    assert ("list_item", "\u2022 labour inspection;") in kinds
    assert [t for _, t in kinds][-3:] == ["Indicator 1.1: NEET rate", "Baseline: 28% (2024)", "Target: 20% (2029)"]


def test_an_over_long_paragraph_is_cut_at_sentence_ends():
    from alignment.normalise import MAX_PARAGRAPH

    sentence = "The Ministry of Labour will extend social protection to informal workers. "
    line = sentence * (3 * MAX_PARAGRAPH // len(sentence))  # one line, no break anywhere
    paras = normalise(raw([["Intro.", "", line.strip()], ["Page two text."]]))
    long = [p for p in paras if p.text.startswith("The Ministry")]
    assert len(long) >= 3 and all(len(p.text) <= MAX_PARAGRAPH for p in long)
    assert " ".join(p.text for p in long) == line.strip()  # nothing lost, cut between sentences
    assert all(p.text.endswith("workers.") for p in long)
    assert [p.index for p in paras] == list(range(len(paras)))
    # offsets still map back to the raw line
    last = long[-1]
    start, page, raw_start = last.origin[0]
    page_text = "\n".join(["Intro.", "", line.strip()])  # offsets count from the page's start
    assert page == 1 and page_text[raw_start:raw_start + 12] == last.text[:12]


def test_a_word_broken_inside_a_line_is_joined_and_mapped_back():
    # PDF text copied with its line ends turned into spaces keeps the layout hyphen in the line
    line = "Occupational acci- dents and em- ployment of gender- and youth-sensitive long- term plans."
    para = normalise(raw([[line]]))[0]
    assert para.text == "Occupational accidents and employment of gender- and youth-sensitive long- term plans."
    assert para.page_at(para.text.index("dents")) == 1


def test_passages_without_layout_are_joined_the_same_way():
    from alignment.normalise import unbreak
    assert unbreak("Social pro- tection coverage of the finan- cial sector", "en") == \
        "Social protection coverage of the financial sector"
    assert unbreak("pre- and post-natal care; self- employed", "en") == "pre- and post-natal care; self- employed"


def test_translation_shortcut_and_glued_labels():
    """An ASCII text without a character `_TRANSLATE` changes is returned as it is; any other
    text is translated. A label glued after a short heading is found where it starts (the
    pattern that finds it takes the space before it)."""
    import re

    from alignment import normalise as nz

    keys = "".join(chr(k) for k in nz._TRANSLATE)
    for text in ["plain ASCII text", "tab\there", "cr\rhere", "ff\x0chere", "vt\x0bhere", "x\x02y",
                 "quote \u2019s", "dash \u2013 en", "nbsp\u00a0here", keys, "", "caf\u00e9"]:
        assert nz._translate(text) == text.translate(nz._TRANSLATE)
    old = re.compile(nz._LABEL_START.pattern.replace("^\\s*", "(?<=\\s)", 1))
    for text, cut in [("3.2 Immediate objectives Immediate objective 1: to raise skills", 25),
                      ("Strategic Priority 2: jobs", 0), ("Outcome 1: more jobs. Output 1.1: skills", 0),
                      ("Employment Policy\tOutcome 2: jobs for youth", 18), ("Employment policy\tOutcome 2: jobs", 0)]:
        assert nz._glued_heading(text) == cut
        assert [m.start() + 1 for m in nz._LABEL_INSIDE.finditer(text)] == [m.start() for m in old.finditer(text)]
