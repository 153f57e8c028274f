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
$ALIGNMENT_PROSE or /work/realprose). A part whose passages file is not there keeps its
committed rows (relabelled from its passes) and is left out of the joined file.
Where labels/ccsd-recheck/ holds a CC-SD re-check (pass-a.jsonl, pass-b.jsonl: id, cc_sd, why;
adjudication.json), CC-SD is taken off the passages it says no for.
Outputs: corpora/gold/prose/labels.jsonl and corpora/gold/prose/agreement.json.

    python scripts/prose_gold_build.py [--passages FOLDER] [--join OUT.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from real_gold_build import CATS, agreement_of, ccsd_recheck, load_file as lines

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


def write_outputs(folder: Path, labelled: list[dict], agreement: dict, join: str | None, joined: list[dict]) -> None:
    """labels.jsonl and agreement.json in `folder`; with `join`, the rows with their text there."""
    def jsonl(path, rows) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    jsonl(folder / "labels.jsonl", labelled)
    (folder / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n")
    if join:
        jsonl(join, joined)


def finish(folder: Path, rows: list[dict], agreement: dict, join: str | None, joined: list[dict], unjoined: list[str]) -> None:
    """Write the outputs (`write_outputs`) and say what was built: passages per half, pooled kappa, parts not joined."""
    write_outputs(folder, rows, agreement, join, joined)
    tune = sum(r["split"] == "tune" for r in rows)
    print(f"{len(rows)} passages ({tune} tune, {len(rows) - tune} test); pooled kappa {agreement['pooled_kappa']}")
    if unjoined:
        print(f"not on this machine, so not in the joined file: {', '.join(unjoined)} ({len(rows) - len(joined)} passages)")


def part_passages(source: Path, ids, committed: dict[str, dict], folder: str) -> list[dict] | None:
    """The passages of a part: its passages file when it is on this machine; else (the text is never
    committed) its committed rows (source, genre, language, hash) as passages without text, or None
    when the file is there. Stops when a passage of the part was never committed."""
    if source.exists():
        return None
    gone = [i for i in ids if i not in committed]
    if gone:
        raise SystemExit(f"{source.name} is not in {folder} and {len(gone)} of its passages are not in labels.jsonl")
    return [{"id": i, "url": committed[i]["source"], "genre": committed[i]["genre"],
             "lang": committed[i]["lang"], "sha256": committed[i]["sha256"]} for i in ids]


def half(url: str) -> str:
    return "tune" if hashlib.sha256(url.encode()).digest()[0] % 2 == 0 else "test"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", default=os.environ.get("ALIGNMENT_PROSE", "/work/realprose"))
    ap.add_argument("--join", help="write a full gold file (with text) here; keep it outside the repository")
    args = ap.parse_args()
    committed = {o["id"]: o for o in lines(HERE / "labels.jsonl")} if (HERE / "labels.jsonl").exists() else {}
    passages, pass_a, pass_b, adjudicated, unjoined = [], {}, {}, {}, []
    for texts, a, b, adj in parts():
        part_a = {o["id"]: o for o in lines(HERE / "labels" / a)}
        pass_a.update(part_a)
        pass_b.update({o["id"]: o for o in lines(HERE / "labels" / b)})
        adjudicated.update(json.loads((HERE / "labels" / adj).read_text()))
        # A part whose text is not here keeps its committed rows, relabelled from the passes,
        # and is left out of the joined file.
        kept = part_passages(Path(args.passages) / texts, list(part_a), committed, args.passages)
        if kept is None:
            passages += lines(Path(args.passages) / texts)
        else:
            passages += kept
            unjoined.append(texts)
    ids = [p["id"] for p in passages]
    missing = [i for i in ids if i not in pass_a or i not in pass_b]
    if missing:
        raise SystemExit(f"passes miss {len(missing)} passages, e.g. {missing[:3]}")
    agreement = agreement_of(ids, pass_a, pass_b)
    # The CC-SD re-check (labels/ccsd-recheck/, parts 11 and 12): two blind passes asked only
    # whether the social partners take part in something else (domain.md, "SO4 vs CC-SD");
    # where the re-check says no, CC-SD is taken off.
    no_sd: set[str] = set()
    if (HERE / "labels" / "ccsd-recheck").is_dir():
        no_sd, agreement["ccsd_recheck"] = ccsd_recheck(HERE / "labels" / "ccsd-recheck")
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
        if i in no_sd:
            labels = labels - {"CC-SD"}
        absent = (set(pass_a[i].get("absent") or []) & set(pass_b[i].get("absent") or [])) - labels
        sha = hashlib.sha256(p["text"].encode("utf-8")).hexdigest() if "text" in p else p["sha256"]
        row = {"id": i, "source": p["url"], "genre": p["genre"], "lang": p["lang"],
               "sha256": sha, "split": half(p["url"]),
               "labels": [c for c in CATS if c in labels], "absent": [c for c in CATS if c in absent], "evaluated": CATS}
        labelled.append(row)
        if "text" in p:
            joined.append({**row, "text": p["text"]})
    finish(HERE, labelled, agreement, args.join, joined, unjoined)


if __name__ == "__main__":
    main()
