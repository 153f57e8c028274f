"""Layout-only variants of a corpus document's Markdown source: the words stay, the layout
changes. Each transform returns the new text, or None when the document has nothing it applies
to. Used by test_layout_invariance.py and scripts/layout_invariance.py."""

from __future__ import annotations

import re

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_OUTCOME = r"(?:Outcome|Effet|Efecto)"
_CODE = r"[A-Z]{3} \d{3}"


def roman_numbering(md: str) -> str | None:
    """'## 2. Country context' -> '## II. Country context'."""
    out = re.sub(r"^(##\s+)(\d{1,2})\.\s+", lambda m: f"{m.group(1)}{_ROMAN[int(m.group(2)) - 1]}. ", md,
                 flags=re.M)
    return out if out != md else None


def unnumbered_headings(md: str) -> str | None:
    """'### 1.2 Social protection' -> '### Social protection'."""
    out = re.sub(r"^(#{2,4}\s+)\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-ZÀ-Ý])", r"\1", md, flags=re.M)
    return out if out != md else None


def setext_headings(md: str) -> str | None:
    """'# Title' and '## Section' written as underlined (setext) headings."""
    def sub(m: re.Match) -> str:
        text = m.group(2).strip()
        return f"{text}\n{('=' if len(m.group(1)) == 1 else '-') * max(3, len(text))}"
    out = re.sub(r"^(#{1,2})\s+(.+)$", sub, md, flags=re.M)
    return out if out != md else None


def codes_inline(md: str) -> str | None:
    """An outcome followed by its code on a line of its own ('CPO: KND 101', '(KLD 101)') ->
    'Outcome 1.1 (KND 101): ...'."""
    pat = re.compile(rf"^({_OUTCOME}\s+\d{{1,2}}(?:\.\d{{1,2}})?)\s*:\s*(.+?)\n\n?(?:CPO\s*:\s*({_CODE})|\(({_CODE})\))[ \t]*$",
                     re.M)
    out = pat.sub(lambda m: f"{m.group(1)} ({m.group(3) or m.group(4)}): {m.group(2)}", md)
    return out if out != md else None


def indicators_as_table(md: str) -> str | None:
    """Blocks of 'Indicator 1.1.1: ... / Baseline: ... / Target: ... / Means of verification: ...'
    lines -> one results table per run of blocks."""
    block = re.compile(r"^Indicator (\d{1,2}(?:\.\d{1,2}){0,3}[a-z]?): (.+)\nBaseline: (.*)\nTarget: (.*)\n"
                       r"Means of verification: (.*)$", re.M)
    if not block.search(md):
        return None
    out, last = [], 0
    run: list[re.Match] = []

    def flush() -> None:
        if run:
            out.append("| Indicator | Baseline | Target | Means of verification |\n|---|---|---|---|\n" + "\n".join(
                f"| Indicator {m.group(1)}: {m.group(2)} | {m.group(3)} | {m.group(4)} | {m.group(5)} |" for m in run))
            run.clear()

    for m in block.finditer(md):
        between = md[last:m.start()]
        if run and between.strip():
            flush()
        if between.strip() or not run:
            out.append(between)
        run.append(m)
        last = m.end()
    flush()
    out.append(md[last:])
    return "".join(out)


TRANSFORMS = {"roman-numbering": roman_numbering, "unnumbered-headings": unnumbered_headings,
              "setext-headings": setext_headings, "codes-inline": codes_inline,
              "indicators-as-table": indicators_as_table}
