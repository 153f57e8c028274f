"""Print the README's real-text accuracy tables (Markdown) from `alignment eval --json --baseline`.

    python scripts/accuracy_tables.py [PROSE_GOLD.jsonl] > /tmp/tables.md

Test half and tuning half per category, each beside the keyword list, then macro F1 per language;
with the joined ILO-prose gold file (`scripts/prose_gold_build.py --join`), the same for it.
"""
from __future__ import annotations

import json
import subprocess
import sys

GOLD = "corpora/gold/real/uninfo.jsonl"
CATS = ["SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV", "CAPDEV"]


def evaluate(*args: str, gold: str = GOLD) -> dict:
    out = subprocess.run(["alignment", "eval", gold, *args, "--json", "--baseline"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def tables(gold: str) -> None:
    res = {s: evaluate("--split", s, gold=gold) for s in ("test", "tune")}
    print("| category | real **test** half P / R / F1 (n) | keyword F1 | real tune half P / R / F1 (n) | keyword F1 |")
    print("|---|---|---|---|---|")
    for c in CATS + ["macro", "micro"]:
        cells = []
        for s in ("test", "tune"):
            r = res[s]
            agg = c in ("macro", "micro")
            v = r[c] if agg else r["categories"].get(c)
            b = r["baseline"][c] if agg else r["baseline"]["categories"].get(c)
            if v is None:
                cells += ["-", "-"]
                continue
            f1 = f"**{v['f1']:.3f}**" if agg else f"{v['f1']:.3f}"
            n = "" if agg else f" ({v['support']})"
            cells += [f"{v['precision']:.3f} / {v['recall']:.3f} / {f1}{n}", f"{b['f1']:.3f}" if b else "-"]
        print(f"| {'**' + c + '**' if c in ('macro', 'micro') else c} | " + " | ".join(cells) + " |")
    print()
    print("| language | test half: passages, macro F1 (keyword) | tune half: passages, macro F1 (keyword) |")
    print("|---|---|---|")
    for lang in ("en", "fr", "es"):
        t, u = (evaluate("--split", "test", "--lang", lang, gold=gold),
                evaluate("--split", "tune", "--lang", lang, gold=gold))
        print(f"| {lang} | {t['items']}, **{t['macro']['f1']:.3f}** ({t['baseline']['macro']['f1']:.3f}) | "
              f"{u['items']}, **{u['macro']['f1']:.3f}** ({u['baseline']['macro']['f1']:.3f}) |")


def main() -> None:
    tables(GOLD)
    for prose in sys.argv[1:]:
        print()
        tables(prose)


if __name__ == "__main__":
    main()
