"""Build the SDG 8 gold labels of real prose from two blind passes and the adjudication.

640 passages of the ILO-prose set (parts 21-29: Cooperation Frameworks and CCAs, DWCPs and projects, the
ILO's institutional prose, UN economic publications; English, French and Spanish), half of them labelled
SO1, SO2 or SO3 in the nine-category set and half not, were labelled for one question: is the passage
substantively about SDG 8 (domain.md, "SDG targets that carry decent work")? Each line of the gold file is
evaluated for `SDG-8` only (gold-format.md), so `alignment eval` scores the tool's SDG 8 on real text. The
halves are those of the prose set (by source address). Text is third-party and is not committed: the
committed file holds id, source, language, SHA-256 of the text, half and label; `--join OUT` writes the
file with text from the passages folder.

Inputs under corpora/gold/prose/sdg8/: pass-a.jsonl, pass-b.jsonl (id, sdg8, note), adjudication.json
(id -> true/false where the passes disagree). Outputs: corpora/gold/prose/sdg8/labels.jsonl and
agreement.json (Cohen's kappa).

    python scripts/prose_sdg8_build.py [--passages FOLDER] [--join OUT.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from prose_gold_build import HERE as PROSE, half, write_outputs
from real_gold_build import kappa, load_file as lines

HERE = PROSE / "sdg8"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", default=os.environ.get("ALIGNMENT_PROSE", "/work/realprose"))
    ap.add_argument("--join", help="write the gold file with text here; keep it outside the repository")
    args = ap.parse_args()
    pass_a = {o["id"]: bool(o["sdg8"]) for o in lines(HERE / "pass-a.jsonl")}
    pass_b = {o["id"]: bool(o["sdg8"]) for o in lines(HERE / "pass-b.jsonl")}
    adjudicated = json.loads((HERE / "adjudication.json").read_text())
    if set(pass_a) != set(pass_b):
        raise SystemExit("the two passes cover different passages")
    committed = {o["id"]: o for o in lines(PROSE / "labels.jsonl")}
    texts = {}
    for f in sorted(Path(args.passages).glob("passages*.jsonl")):
        for o in lines(f):
            if o["id"] in pass_a:
                texts[o["id"]] = o["text"]
    rows, joined = [], []
    for i in sorted(pass_a):
        if pass_a[i] != pass_b[i] and i not in adjudicated:
            raise SystemExit(f"{i}: the passes disagree and there is no adjudication")
        yes = pass_a[i] if pass_a[i] == pass_b[i] else bool(adjudicated[i])
        c = committed[i]
        row = {"id": i, "source": c["source"], "genre": c["genre"], "lang": c["lang"], "sha256": c["sha256"],
               "split": half(c["source"]), "labels": ["SDG-8"] if yes else [], "absent": [], "evaluated": ["SDG-8"]}
        rows.append(row)
        text = texts.get(i)
        if text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == c["sha256"]:
            joined.append({**row, "text": text})
    ids = sorted(pass_a)
    agreement = {"passages": len(ids), "kappa": kappa([pass_a[i] for i in ids], [pass_b[i] for i in ids]),
                 "pass_a": sum(pass_a.values()), "pass_b": sum(pass_b.values()),
                 "disagreements": sum(pass_a[i] != pass_b[i] for i in ids),
                 "final_yes": sum(bool(r["labels"]) for r in rows)}
    write_outputs(HERE, rows, agreement, args.join, joined)
    print(json.dumps(agreement), f"joined {len(joined)}" if args.join else "")


if __name__ == "__main__":
    main()
