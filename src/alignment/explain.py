"""`explain`: one sentence -> every rule that fired, its trigger and modifiers, and why each
category was or was not counted."""

from __future__ import annotations

from . import taxonomy
from .language import detect_text
from .match import Suppressed, match_mixed, not_content
from .normalise import unbreak
from .packs import load_pack
from .repair import repair


def explain(text: str, *, language: str | None = None, rules_dirs: tuple[str, ...] = ()) -> dict:
    text = repair(text)[0]  # typed or pasted raw, not through a reader
    lang = language or detect_text(text)
    text = unbreak(text, lang)
    pack = load_pack(lang, rules_dirs)
    suppressed: list[Suppressed] = []
    findings = match_mixed(pack, text.split("\n"), suppressed=suppressed)
    counted = sorted({f.category for f in findings if not f.negated})
    lines = [f"language: {lang}; pack {pack.version}", ""]
    if any(not_content(pack, line) for line in text.split("\n")):
        lines.append("Not content of a plan (a reference line, a footnote or the Office's own staff): not matched.")
    if not findings:
        lines.append("No rule fired.")
    for f in findings:
        mods = ", ".join(f"{m.modifier} (cue '{m.cue}', rule {m.rule_id})" for m in f.modifiers) or "none"
        also = f" with '{f.also[0]}'" if f.also else ""
        lines.append(f"{f.category:7} {f.topic or '':10} rule {f.rule_id} [{f.kind}]: '{f.trigger}'{also}")
        lines.append(f"        modifiers: {mods}")
    for s in suppressed:
        lines.append(f"(not evidence) rule {s.rule_id}: '{s.trigger}': {s.reason}")
    lines.append("")
    for cat in taxonomy.categories():
        mine = [f for f in findings if f.category == cat]
        if cat in counted:
            extra = [m.modifier for f in mine for m in f.modifiers if m.modifier in ("hedged", "historical",
                                                                                     "hypothetical", "problem")]
            note = f" (as a {'/'.join(sorted(set(extra)))} statement: a mention, not a commitment)" if extra else ""
            lines.append(f"{cat}: counted{note}")
        elif mine:
            lines.append(f"{cat}: not counted: negated by the plan itself ("
                         + "; ".join(f"'{m.cue}'" for f in mine for m in f.modifiers if m.modifier == "negated") + ")")
        else:
            lines.append(f"{cat}: not counted: no rule fired")
    return {"language": lang, "pack": pack.version, "counted": counted,
            "findings": [f.model_dump() for f in findings],
            "suppressed": [s.__dict__ for s in suppressed], "text": "\n".join(lines)}
