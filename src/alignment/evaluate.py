"""Evaluation on gold passages: gold JSONL -> per-category precision, recall, F1.

Input: a gold file in the shared format (`../shared/gold-format.md`). Output: an
`EvalResult` whose JSON is exactly the shared contract (`items`, `categories`, `macro`,
`micro`), plus, on request, the errors (each false positive with the rule that fired, each
false negative) and a keyword baseline (the packs' own phrases as lower-case substrings).

A gold line may carry its text (`text`) or refer to a real passage held outside the repository
(`ref: "uninfo:<ID>"` with the `sha256` of its text): such lines are joined with the shared UN
INFO export (`realtext`), and a text whose hash differs is an error, so labels never silently
drift onto another text. `split` (tune/test) and `lang` select a part of a file.

A category is predicted for a passage when the passage has a finding for it that is not
negated. A passage that names an SDG target counts for its goal too. A category is judged
only where the passage's `evaluated` list (or, when absent, the whole taxonomy) includes it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from . import taxonomy
from .errors import GoldFileError
from .findings import Finding
from .language import detect_text
from .match import Suppressed, match_mixed
from .normalise import unbreak
from .packs import load_pack
from .repair import repair
from .score import sdg_sources

_SDG_ID = re.compile(r"^SDG-\d{1,2}(\.[0-9a-z]{1,2})?$")


@dataclass
class GoldItem:
    id: str
    text: str
    lang: str | None
    labels: set[str]
    absent: set[str]
    evaluated: set[str] | None
    split: str | None = None


def _expand(ids: set[str]) -> set[str]:
    """A target counts for its goal too."""
    out = set(ids)
    for i in ids:
        if i.startswith("SDG-") and "." in i:
            out.add(i.split(".")[0])
    return out


def read_gold(path: str, split: str | None = None, lang: str | None = None,
              texts: str | None = None, notes: list[str] | None = None,
              stdin: bytes | None = None) -> list[GoldItem]:
    """The passages of a gold file (or of `stdin`, the bytes read for the path "-"); `split` and
    `lang` keep only those of a part, `texts` is the shared export that label-only lines are
    joined with (found beside the repository by default, or through $ALIGNMENT_REALDATA). A file none of whose lines names a `split` has
    no halves: `split` then keeps every passage, and `notes` (when given) says so."""
    items, seen, refs = [], set(), {}
    halved = False
    try:
        if stdin is not None:  # bytes: UTF-8 whatever the locale
            lines = stdin.decode("utf-8-sig").splitlines(keepends=True)
        else:
            with open(path, encoding="utf-8-sig") as fh:
                lines = fh.readlines()
    except FileNotFoundError:
        raise GoldFileError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise GoldFileError(path, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
                                  "save the gold file as UTF-8") from None
    except OSError as exc:
        raise GoldFileError(path, f"cannot read the gold file ({exc.strerror or exc.__class__.__name__})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(path, f"line {n}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or "id" not in obj or "labels" not in obj or not (
                "text" in obj or ("ref" in obj and "sha256" in obj)):
            raise GoldFileError(path, f"line {n}: needs 'id', 'labels' and 'text' (or 'ref' and 'sha256')")
        if obj["id"] in seen:
            raise GoldFileError(path, f"line {n}: duplicate id {obj['id']!r}")
        seen.add(obj["id"])
        for field in ("labels", "absent", "evaluated"):
            if obj.get(field) is not None and not isinstance(obj[field], list):
                raise GoldFileError(path, f"line {n}: '{field}' must be a list of category ids "
                                          f"(e.g. [\"SO2\"]), not {type(obj[field]).__name__}")
        if not isinstance(obj.get("text", ""), str):
            raise GoldFileError(path, f"line {n}: 'text' must be a string")
        labels, absent = set(obj.get("labels") or []), set(obj.get("absent") or [])
        evaluated = obj.get("evaluated")
        for cid in labels | absent | set(evaluated or []):
            if not isinstance(cid, str) or not (cid in taxonomy.categories() or _SDG_ID.match(cid)):
                raise GoldFileError(path, f"line {n}: unknown category id {cid!r}")
        if labels & absent:
            raise GoldFileError(path, f"line {n}: {sorted(labels & absent)} both in labels and absent")
        halved = halved or "split" in obj
        if lang and obj.get("lang") != lang:
            continue
        item = GoldItem(obj["id"], obj.get("text", ""), obj.get("lang"), _expand(labels), _expand(absent),
                        set(evaluated) if evaluated is not None else None, obj.get("split"))
        if "text" not in obj:
            refs[len(items)] = (n, obj["ref"], obj["sha256"])
        items.append(item)
    if split and halved:
        at = {k: j for j, k in enumerate(k for k, item in enumerate(items) if item.split == split)}
        refs = {at[k]: ref for k, ref in refs.items() if k in at}
        items = [items[k] for k in at]
    elif split and notes is not None:
        notes.append(f"no tune/test halves in the file: --split {split} scores all of its passages")
    if refs:
        _join_texts(path, items, refs, texts)
    if not items:
        raise GoldFileError(path, "no passages in the file" + (" for this selection" if split or lang else ""))
    return items


def _join_texts(path: str, items: list[GoldItem], refs: dict[int, tuple], texts: str | None) -> None:
    """Fill in the text of label-only lines from the shared export, checking each hash."""
    from . import realtext

    shared = realtext.given(texts) if texts else realtext.find_shared(os.path.dirname(os.path.abspath(path)))
    if shared is None:
        raise GoldFileError(path, f"its passages are joined with {realtext.SHARED_FILE}, which was not "
                            f"found: give --texts PATH or set ${realtext.ENV}")
    wanted = {}
    for k, (n, ref, _) in refs.items():
        kind, _, key = str(ref).partition(":")
        if kind != "uninfo" or not key.isdigit():
            raise GoldFileError(path, f"line {n}: unknown ref {ref!r} (expected 'uninfo:<ID>')")
        wanted[k] = int(key)
    found = realtext.texts_by_id(shared, set(wanted.values()))
    for k, uid in wanted.items():
        n, ref, digest = refs[k]
        text = found.get(uid)
        if text is None:
            raise GoldFileError(path, f"line {n}: {ref} is not in {shared}")
        if realtext.text_hash(text) != digest:
            raise GoldFileError(path, f"line {n}: the text of {ref} in {shared} is not the one labelled "
                                "(sha256 differs)")
        items[k].text = text


@dataclass
class Prediction:
    item: GoldItem
    lang: str
    findings: list[Finding]
    suppressed: list[Suppressed] = field(default_factory=list)
    sdgs: set[str] = field(default_factory=set)  # as the report decides them (score.sdg_sources)

    @property
    def predicted(self) -> set[str]:
        cats = {f.category for f in self.findings if not f.negated and not f.category.startswith("SDG-")}
        return _expand(cats | self.sdgs)


def predict(items: list[GoldItem], rules_dirs: tuple[str, ...] = ()) -> list[Prediction]:
    by_lang: dict[str, list[tuple[GoldItem, str]]] = {}
    for it in items:
        # a gold passage comes raw (real exports carry mojibake: "‚Äô" for "’"), not through a
        # reader, so it is repaired here; its hash was checked on the text as labelled
        text = repair(it.text)[0]
        lang = it.lang or detect_text(text)
        by_lang.setdefault(lang, []).append((it, unbreak(text, lang)))
    preds: dict[str, Prediction] = {}
    for lang, group in by_lang.items():
        pack = load_pack(lang, rules_dirs)
        for it, text in group:
            sup: list[Suppressed] = []
            # line by line: a passage may carry an English title over a French description
            found = match_mixed(pack, text.split("\n"), suppressed=sup)
            sdgs = {tid for tid, _, _ in sdg_sources(found, pack, counts=lambda f: not f.negated)}
            preds[it.id] = Prediction(it, lang, found, sup, sdgs)
    return [preds[it.id] for it in items]


def _universe(items: list[GoldItem]) -> list[str]:
    core = list(taxonomy.categories())
    cats = set(core)
    for it in items:
        cats |= it.labels | (it.evaluated or set())
    goals = sorted(c for c in cats if c not in core)
    return core + goals


def score(preds: list[Prediction], predicted_of=lambda p: p.predicted) -> dict:
    items = [p.item for p in preds]
    universe = _universe(items)
    table = {c: {"tp": 0, "fp": 0, "fn": 0} for c in universe}
    for p in preds:
        predicted = predicted_of(p)
        for c in universe:
            if p.item.evaluated is not None and c not in p.item.evaluated:
                continue
            gold, pred = c in p.item.labels, c in predicted
            if gold and pred:
                table[c]["tp"] += 1
            elif pred:
                table[c]["fp"] += 1
            elif gold:
                table[c]["fn"] += 1
    categories = {}
    for c, t in table.items():
        support = t["tp"] + t["fn"]
        if support == 0 and t["fp"] == 0:
            continue
        prec = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        rec = t["tp"] / support if support else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        categories[c] = {**t, "precision": round(prec, 3), "recall": round(rec, 3),
                         "f1": round(f1, 3), "support": support}
    positive = [v for v in categories.values() if v["support"] > 0]
    macro = {k: round(sum(v[k] for v in positive) / len(positive), 3) if positive else 0.0
             for k in ("precision", "recall", "f1")}
    tp = sum(v["tp"] for v in categories.values())
    fp = sum(v["fp"] for v in categories.values())
    fn = sum(v["fn"] for v in categories.values())
    mp = tp / (tp + fp) if tp + fp else 0.0
    mr = tp / (tp + fn) if tp + fn else 0.0
    micro = {"precision": round(mp, 3), "recall": round(mr, 3),
             "f1": round(2 * mp * mr / (mp + mr), 3) if mp + mr else 0.0}
    return {"items": len(preds), "categories": categories, "macro": macro, "micro": micro}


def baseline_predictor(rules_dirs: tuple[str, ...] = ()):
    """The packs' own phrases as lower-case substrings: no lemmas, no context, no structure."""
    cache: dict[str, list[tuple[str, re.Pattern]]] = {}

    def terms(lang: str):
        """One compiled alternation per category (a phrase matches where it stands as whole
        words): compiled once per language, not one pattern per phrase and passage, which
        overflowed `re`'s cache and recompiled thousands of patterns for every passage."""
        if lang not in cache:
            pack = load_pack(lang, rules_dirs)
            phrases: dict[str, set[str]] = {}
            for r in pack.content.rules:
                phrases.setdefault(r.category, set()).update(ph.lower() for ph in r.phrases)
            cache[lang] = [(cat, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(ph) for ph in sorted(phs, key=len, reverse=True))
                                            + r")(?!\w)")) for cat, phs in phrases.items() if phs]
        return cache[lang]

    def predicted(p: Prediction) -> set[str]:
        low = p.item.text.lower()
        return _expand({cat for cat, pattern in terms(p.lang) if pattern.search(low)})
    return predicted


def errors(preds: list[Prediction]) -> list[dict]:
    out = []
    for p in preds:
        predicted = p.predicted
        scope = p.item.evaluated
        for c in sorted(predicted - p.item.labels):
            if scope is not None and c not in scope:
                continue
            fired = [f for f in p.findings if f.category == c and not f.negated]
            out.append({"id": p.item.id, "kind": "FP", "category": c, "text": p.item.text,
                        "rules": [f"{f.rule_id} '{f.trigger}'" for f in fired]})
        for c in sorted(p.item.labels - predicted):
            if scope is not None and c not in scope:
                continue
            neg = [f for f in p.findings if f.category == c and f.negated]
            why = ("negated by " + ", ".join(f"{m.rule_id} '{m.cue}'" for f in neg for m in f.modifiers
                                              if m.modifier == "negated")) if neg else "no rule fired"
            sup = [s for s in p.suppressed if s.rule_id.split(".")[0] == c.lower()]
            if sup and not neg:
                why += "; suppressed: " + ", ".join(f"{s.rule_id} '{s.trigger}'" for s in sup)
            out.append({"id": p.item.id, "kind": "FN", "category": c, "text": p.item.text, "why": why})
    return out
