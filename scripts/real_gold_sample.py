"""Draw the real-text development gold set from ../shared/realdata (UN INFO joint work plans).

Output: `corpora/gold/real/sample.jsonl`, one line per sub-output with its UN INFO `ID`, the
country, the split (tune/test, decided by a hash of the country, before any result is seen),
the language and the sha256 of the passage text. The text itself is never written into the
repository: `alignment eval` joins it from the shared file by ID (see evaluate.py).

A supplement of 160 English rows where the ILO is among the agencies or the partners name
employers' or workers' organizations (`sample-ilo.jsonl`, drawn the same way, seed 4122026) gives
the labour-specific categories (SO1, SO4, CC-ILS, CC-SD) enough positives to be measured.

Passage text = the sub-output title, then its description when there is one (the join rule of
`alignment.realtext.passage_text`). Every French and Spanish sub-output is taken; English ones
are drawn at random per theme so that every theme (the non-work ones give the negatives) is in.

    python scripts/real_gold_sample.py [--realdata ../shared/realdata] [--english 420]

The committed sample is fixed: a re-run with a later language detector may draw other rows
(the short-line rule moved 11 titles from French to English); its hashes are those of
`realtext.text_hash` either way.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from alignment.language import detect_text  # noqa: E402
from alignment.realtext import iter_rows, passage_text, split_of, text_hash  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--realdata", default=str(Path(__file__).resolve().parents[2] / "shared" / "realdata"))
    ap.add_argument("--english", type=int, default=420)
    ap.add_argument("--max-chars", type=int, default=1500)
    ap.add_argument("-o", "--out", default="corpora/gold/real/sample.jsonl")
    args = ap.parse_args()
    rows = list(iter_rows(Path(args.realdata) / "uninfo-dev.jsonl.gz"))
    rng = random.Random(20261204)
    chosen, english_by_theme = [], defaultdict(list)
    for r in rows:
        text = passage_text(r)
        if len(text) < 25:
            continue
        lang = detect_text(text)
        r["_lang"], r["_text"] = lang, text
        if lang in ("fr", "es"):
            chosen.append(r)
        elif len(text) <= args.max_chars:
            theme = sorted(t.lstrip("_") for t in r.get("themes") or ["none"])[0]
            english_by_theme[theme].append(r)
    themes = sorted(english_by_theme)
    per = {t: rng.sample(english_by_theme[t], len(english_by_theme[t])) for t in themes}
    # Round robin over themes: every theme is in, the larger ones give more when small ones run out.
    picked: list[dict] = []
    while len(picked) < args.english and any(per.values()):
        for t in themes:
            if per[t] and len(picked) < args.english:
                picked.append(per[t].pop())
    chosen += picked
    chosen.sort(key=lambda r: r["id"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps({"id": f"uninfo-{r['id']}", "uninfo_id": r["id"], "country": r["country"],
                                 "split": split_of(r["country"]), "lang": r["_lang"],
                                 "themes": r.get("themes"),
                                 "sha256": text_hash(r["_text"])}) + "\n")
    by = defaultdict(int)
    for r in chosen:
        by[(r["_lang"], split_of(r["country"]))] += 1
    print(f"{len(chosen)} passages -> {out}: " + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(by.items())))


if __name__ == "__main__":
    main()
