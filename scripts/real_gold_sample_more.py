"""Draw a further tuning-half supplement of the real-text gold set (third part, `sample-more.jsonl`).

The tuning half had been read closely while the packs were tuned on it, so its figures (0.92)
no longer predict the test half (0.81). This draws English sub-outputs that nobody has labelled
yet, from the tuning countries (or, with `--split test`, from the test countries, to widen the
test half), for two new blind
labelling passes: half from rows where work is in view (the theme "work" or "social
protection", the ILO among the agencies, or employers' / workers' organizations among the
partners), half from all the other themes (the negatives), round robin over themes.

    python scripts/real_gold_sample_more.py [--realdata ../shared/realdata] [--n 240]
        [--name more] [--seed 5122026] [--work-share 0.5] [--labeller-input /tmp/realgold/more/input.jsonl]

Writes `corpora/gold/real/sample-NAME.jsonl` (IDs, split, hashes; no text) and, outside the
repository, the labellers' input (id, lang, text). Rows of every other committed part are left
out, so parts never overlap; an earlier part re-drawn after a later one exists therefore differs
(re-draw only the newest part to check it). Committed: `more` (240 rows, seed 5122026, half
with work in view) and `more2` (360 rows, seed 5122027, two thirds with work in view: SO1, SO4,
CC-ILS and CC-SD have few positives); at stop 31, `more3` (180 rows of the tuning countries, seed
7122026, two thirds with work in view) and `more4` (`--split test`: 200 rows of the test
countries, seed 7122027, two thirds with work in view), a first-contact measure of the engine on
rows nobody had read; `more4` is only ever scored. Then `more5` (300, tuning countries, seed 7122028) and
`more6` (240, `--split test`, seed 7122029), and `more7` (300, seed 7122030) and `more8` (240, `--split test`,
seed 7122031), and `more9` (300, seed 7122032) and `more10` (240, `--split test`, seed 7122033),
and at stop 32 `more11` (300, seed 7122034) and `more12` (240, `--split test`, seed 7122035), then `more13`
(300, seed 7122036; the tuning countries had only 67 unlabelled rows with work in view left, so the rest are other themes)
and `more14` (240, `--split test`, seed 7122037), then `more15` (240, `--split test`, seed 7122038; 88 with work in
view) and `more16` (300, seed 7122039; no unlabelled row with work in view was left in the tuning countries, so it
is all other themes: a measure of false positives), drawn the same way.
"""
from __future__ import annotations

import argparse
import ast
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from alignment.language import detect_text  # noqa: E402
from alignment.realtext import iter_rows, passage_text, split_of, text_hash  # noqa: E402

HERE = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "real"
PARTNER_CUES = ("employer", "worker", "trade union", "chamber of commerce", "business association")


def themes_of(row: dict) -> list[str]:
    t = row.get("themes") or []
    if isinstance(t, str):
        try:
            t = ast.literal_eval(t)
        except (ValueError, SyntaxError):
            t = [t]
    return sorted(x.lstrip("_") for x in t) or ["none"]


def work_in_view(row: dict) -> bool:
    partners = f"{row.get('implementation_partners') or ''} {row.get('contributing_partners') or ''}".lower()
    return (bool({"work", "social-protection", "social protection"} & set(themes_of(row)))
            or "ILO" in (row.get("agencies") or "") or any(c in partners for c in PARTNER_CUES))


def round_robin(by_theme: dict[str, list], n: int) -> list:
    picked, themes = [], sorted(by_theme)
    while len(picked) < n and any(by_theme.values()):
        for t in themes:
            if by_theme[t] and len(picked) < n:
                picked.append(by_theme[t].pop())
    return picked


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--realdata", default=str(Path(__file__).resolve().parents[2] / "shared" / "realdata"))
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--max-chars", type=int, default=1500)
    ap.add_argument("--name", default="more")
    ap.add_argument("--seed", type=int, default=5122026)
    ap.add_argument("--work-share", type=float, default=0.5)
    ap.add_argument("--split", choices=["tune", "test"], default="tune",
                    help="the half whose countries the rows come from (a test part is only ever scored)")
    ap.add_argument("--labeller-input", default="/tmp/realgold/more/input.jsonl")
    args = ap.parse_args()
    done = set()
    for f in HERE.glob("sample*.jsonl"):
        if f.name != f"sample-{args.name}.jsonl":
            done |= {json.loads(line)["uninfo_id"] for line in f.read_text(encoding="utf-8").splitlines() if line}
    rng = random.Random(args.seed)
    work, other = defaultdict(list), defaultdict(list)
    for r in iter_rows(Path(args.realdata) / "uninfo-dev.jsonl.gz"):
        if r["id"] in done or split_of(r["country"]) != args.split:
            continue
        text = passage_text(r)
        if not 25 <= len(text) <= args.max_chars or detect_text(text) != "en":
            continue
        r["_text"] = text
        (work if work_in_view(r) else other)[themes_of(r)[0]].append(r)
    for pool in (work, other):
        for t in pool:
            rng.shuffle(pool[t])
    chosen = round_robin(work, round(args.n * args.work_share))
    chosen += round_robin(other, args.n - len(chosen))
    chosen.sort(key=lambda r: int(r["id"]))
    out = HERE / f"sample-{args.name}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps({"id": f"uninfo-{r['id']}", "uninfo_id": r["id"], "country": r["country"],
                                 "split": args.split, "lang": "en", "themes": themes_of(r),
                                 "sha256": text_hash(r["_text"])}) + "\n")
    lab = Path(args.labeller_input)
    lab.parent.mkdir(parents=True, exist_ok=True)
    with lab.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps({"id": f"uninfo-{r['id']}", "lang": "en", "text": r["_text"]}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} passages -> {out} ({sum(1 for r in chosen if work_in_view(r))} with work in view); "
          f"labeller input -> {lab}")


if __name__ == "__main__":
    main()
