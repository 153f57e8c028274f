"""Build the ILO-prose gold labels from two blind labelling passes and the adjudication.

The passages are one to three sentences of real ILO and UN prose (DWCPs, project pages,
evaluations, reports, news), English, French and Spanish, collected with the project's
search tools. Their text is third-party and is not committed: the committed file holds each
passage's id, source address, genre, language, the SHA-256 of its text, its half (by source
address, so that no document is in both halves) and its labels. With the passages file at
hand, `--join OUT` writes a full gold file in the shared format for `alignment eval`.

Inputs, for each part of the set (`parts()`, read off the labels folder): two label files under corpora/gold/prose/labels/
(id, labels, absent), the adjudication (id -> final labels where the passes disagree) and the
part's passages file (JSON Lines: id, lang, text, url, genre) in the passages folder (default
$ALIGNMENT_PROSE or /work/realprose).
Outputs: corpora/gold/prose/labels.jsonl and corpora/gold/prose/agreement.json.

    python scripts/prose_gold_build.py [--passages FOLDER] [--join OUT.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from real_gold_build import CATS, agreement_of

HERE = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "prose"


def parts() -> list[tuple[str, str, str, str]]:
    """(passages file, pass A labels, pass B labels, adjudication) of every part, in order:
    read off the labels folder, where part N's files are passN-a.jsonl, passN-b.jsonl and
    adjudicationN.json (part 1 without the number), and its passages are passagesN.jsonl."""
    found = []
    for a in (HERE / "labels").glob("pass*-a.jsonl"):
        n = a.name[len("pass"):-len("-a.jsonl")]
        found.append((int(n or 1), (f"passages{n}.jsonl", a.name, f"pass{n}-b.jsonl", f"adjudication{n}.json")))
    return [files for _, files in sorted(found)]


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def half(url: str) -> str:
    return "tune" if hashlib.sha256(url.encode()).digest()[0] % 2 == 0 else "test"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", default=os.environ.get("ALIGNMENT_PROSE", "/work/realprose"))
    ap.add_argument("--join", help="write a full gold file (with text) here; keep it outside the repository")
    args = ap.parse_args()
    passages, pass_a, pass_b, adjudicated = [], {}, {}, {}
    for texts, a, b, adj in parts():
        passages += lines(Path(args.passages) / texts)
        pass_a.update({o["id"]: o for o in lines(HERE / "labels" / a)})
        pass_b.update({o["id"]: o for o in lines(HERE / "labels" / b)})
        adjudicated.update(json.loads((HERE / "labels" / adj).read_text()))
    ids = [p["id"] for p in passages]
    missing = [i for i in ids if i not in pass_a or i not in pass_b]
    if missing:
        raise SystemExit(f"passes miss {len(missing)} passages, e.g. {missing[:3]}")
    agreement = agreement_of(ids, pass_a, pass_b)
    labelled, joined = [], []
    for p in passages:
        i = p["id"]
        la, lb = set(pass_a[i]["labels"]), set(pass_b[i]["labels"])
        if la == lb:
            labels = la
        elif i in adjudicated:
            labels = set(adjudicated[i])
        else:
            raise SystemExit(f"{i}: the passes disagree and there is no adjudication")
        absent = (set(pass_a[i].get("absent") or []) & set(pass_b[i].get("absent") or [])) - labels
        row = {"id": i, "source": p["url"], "genre": p["genre"], "lang": p["lang"],
               "sha256": hashlib.sha256(p["text"].encode("utf-8")).hexdigest(), "split": half(p["url"]),
               "labels": [c for c in CATS if c in labels], "absent": [c for c in CATS if c in absent], "evaluated": CATS}
        labelled.append(row)
        joined.append({**row, "text": p["text"]})
    with (HERE / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for row in labelled:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    (HERE / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n")
    if args.join:
        with open(args.join, "w", encoding="utf-8") as fh:
            for row in joined:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tune = sum(r["split"] == "tune" for r in labelled)
    print(f"{len(labelled)} passages ({tune} tune, {len(labelled) - tune} test); pooled kappa {agreement['pooled_kappa']}")


if __name__ == "__main__":
    main()
