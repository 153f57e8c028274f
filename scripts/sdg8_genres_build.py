"""Build the SDG 8 gold labels of real text in other genres from two blind passes and the adjudication.

The prose SDG 8 set (scripts/prose_sdg8_build.py) drew its passages from ILO and UN prose. This set asks the
same question, "is the passage substantively about SDG 8?" (domain.md, "SDG targets that carry decent
work"; corpora/gold/prose/sdg8/INSTRUCTIONS.md), of passages of the genres an SDG classifier meets outside
the ILO: research abstracts and working papers, reports of development banks, statistics offices and
Voluntary National Reviews, news, corporate and NGO reports (English, French, Spanish), collected with the
project's search tools, about 55-60% chosen from SDG 8's targets and the rest from other goals. The text
is third-party and is not committed: the committed file holds id, source address, genre, language, the
SHA-256 of the text, half (by source address, so no document is in both halves) and label. Each line is
evaluated for `SDG-8` only (gold-format.md).

Inputs, per part N (read off the labels folder corpora/gold/sdg8-genres/labels/): passN-a.jsonl and
passN-b.jsonl (id, sdg8, note), adjudicationN.json (id -> true/false where the passes disagree), and the
passages file passagesN.jsonl (id, lang, text, url, genre) in the passages folder (default
$ALIGNMENT_SDG8_PASSAGES or /work/realprose/sdg8). A part whose passages are not on this machine keeps its
committed rows and is left out of the joined file.
Outputs: corpora/gold/sdg8-genres/labels.jsonl and agreement.json (Cohen's kappa per part and pooled).

    python scripts/sdg8_genres_build.py [--passages FOLDER] [--join OUT.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from prose_gold_build import finish, half, part_passages
from real_gold_build import kappa, load_file as lines

HERE = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "sdg8-genres"


def parts() -> list[str]:
    """The part numbers (as written in the file names) of every labelled part, in order."""
    return sorted((a.name[len("pass"):-len("-a.jsonl")] for a in (HERE / "labels").glob("pass*-a.jsonl")), key=int)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", default=os.environ.get("ALIGNMENT_SDG8_PASSAGES", "/work/realprose/sdg8"))
    ap.add_argument("--join", help="write the gold file with text here; keep it outside the repository")
    args = ap.parse_args()
    committed = {o["id"]: o for o in lines(HERE / "labels.jsonl")} if (HERE / "labels.jsonl").exists() else {}
    rows, joined, per_part, unjoined = [], [], {}, []
    all_a, all_b = [], []
    for n in parts():
        first = len(rows)
        pass_a = {o["id"]: bool(o["sdg8"]) for o in lines(HERE / "labels" / f"pass{n}-a.jsonl")}
        pass_b = {o["id"]: bool(o["sdg8"]) for o in lines(HERE / "labels" / f"pass{n}-b.jsonl")}
        adjudicated = json.loads((HERE / "labels" / f"adjudication{n}.json").read_text())
        if set(pass_a) != set(pass_b):
            raise SystemExit(f"part {n}: the two passes cover different passages")
        source = Path(args.passages) / f"passages{n}.jsonl"
        passages = part_passages(source, sorted(pass_a), committed, args.passages)
        if passages is None:
            passages = [o for o in lines(source) if o["id"] in pass_a]
        else:
            unjoined.append(source.name)
        if len(passages) != len(pass_a):
            raise SystemExit(f"part {n}: {len(pass_a)} labelled passages, {len(passages)} in {source}")
        for p in passages:
            i = p["id"]
            if pass_a[i] != pass_b[i] and i not in adjudicated:
                raise SystemExit(f"{i}: the passes disagree and there is no adjudication")
            yes = pass_a[i] if pass_a[i] == pass_b[i] else bool(adjudicated[i])
            sha = hashlib.sha256(p["text"].encode("utf-8")).hexdigest() if "text" in p else p["sha256"]
            row = {"id": i, "source": p["url"], "genre": p["genre"], "lang": p["lang"], "sha256": sha,
                   "split": half(p["url"]), "labels": ["SDG-8"] if yes else [], "absent": [], "evaluated": ["SDG-8"]}
            rows.append(row)
            if "text" in p:
                joined.append({**row, "text": p["text"]})
        ids = sorted(pass_a)
        all_a += [pass_a[i] for i in ids]
        all_b += [pass_b[i] for i in ids]
        per_part[n] = {"passages": len(ids), "kappa": kappa([pass_a[i] for i in ids], [pass_b[i] for i in ids]),
                       "disagreements": sum(pass_a[i] != pass_b[i] for i in ids),
                       "final_yes": sum(bool(r["labels"]) for r in rows[first:])}
    agreement = {"passages": len(rows), "pooled_kappa": kappa(all_a, all_b),
                 "disagreements": sum(a != b for a, b in zip(all_a, all_b)),
                 "final_yes": sum(bool(r["labels"]) for r in rows), "parts": per_part}
    finish(HERE, rows, agreement, args.join, joined, unjoined)


if __name__ == "__main__":
    main()
