"""Build the real-text gold file from two blind labelling passes and the adjudication.

Inputs: for each part of the set (the main sample, the supplement of rows where the ILO or
the social partners take part, and the later unread parts `more`, `more2`, ... of both halves; see
`parts()`), two folders of label files (one JSON line per passage: id, labels, absent), the adjudication (id -> final labels, for every passage where the passes
disagree) and the part's sample file (IDs, split, hashes), all under corpora/gold/real/.
A second look at one boundary: every passage labelled CC-SD was read again by two blind passes
asking only whether the social partners take part in something else (CC-SD) or are the subject or
the recipients (SO4, CAPDEV; domain.md, "SO4 vs CC-SD"), with the disagreements adjudicated
(`labels/ccsd-recheck/`); where the re-check says no, CC-SD is taken off.
Outputs, committed: `corpora/gold/real/uninfo.jsonl` (label-only gold lines in the shared format
plus `ref` and `sha256`, joined with the shared export by `alignment eval`), and
`corpora/gold/real/agreement.json` (Cohen's kappa per category between the passes).

    python scripts/real_gold_build.py
"""
from __future__ import annotations

import json
from pathlib import Path

CATS = ["SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV", "CAPDEV"]
HERE = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "real"
LABELS = HERE / "labels"


def parts() -> list[tuple[str, str, str, str]]:
    """(sample file, pass A folder, pass B folder, adjudication file) of every labelled part, read off
    the labels folder: part NAME has NAME-pass-a, NAME-pass-b and adjudication-NAME.json beside
    sample-NAME.jsonl (the first part has no name). A part drawn but not yet labelled has no pass folder
    and is left out."""
    found = []
    for a in sorted(LABELS.glob("*pass-a")):
        name = a.name[:-len("pass-a")].rstrip("-")
        tail = f"-{name}" if name else ""
        found.append((f"sample{tail}.jsonl", a.name, f"{name}-pass-b" if name else "pass-b", f"adjudication{tail}.json"))
    return found


def load(folder: str) -> dict[str, dict]:
    out = {}
    for f in sorted(Path(folder).glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                o = json.loads(line)
                out[o["id"]] = o
    return out


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0


def agreement_of(ids: list[str], pass_a: dict[str, dict], pass_b: dict[str, dict]) -> dict:
    """Cohen's kappa per category and pooled between two labelling passes, with the counts."""
    agreement = {"passages": len(ids), "categories": {}}
    for c in CATS:
        a = [c in pass_a[i]["labels"] for i in ids]
        b = [c in pass_b[i]["labels"] for i in ids]
        agreement["categories"][c] = {"kappa": kappa(a, b), "pass_a": sum(a), "pass_b": sum(b),
                                      "disagreements": sum(x != y for x, y in zip(a, b))}
    agreement["pooled_kappa"] = kappa([c in pass_a[i]["labels"] for i in ids for c in CATS],
                                      [c in pass_b[i]["labels"] for i in ids for c in CATS])
    agreement["adjudicated"] = sum(set(pass_a[i]["labels"]) != set(pass_b[i]["labels"]) for i in ids)
    return agreement


def ccsd_recheck(folder: Path) -> tuple[set[str], dict]:
    """The ids whose CC-SD label the re-check took off, and the re-check's agreement."""
    a = {o["id"]: o["cc_sd"] for o in load_file(folder / "pass-a.jsonl")}
    b = {o["id"]: o["cc_sd"] for o in load_file(folder / "pass-b.jsonl")}
    adjudicated = json.loads((folder / "adjudication.json").read_text())
    if set(a) != set(b):
        raise SystemExit("the CC-SD re-check passes cover different passages")
    missing = [i for i in a if a[i] != b[i] and i not in adjudicated]
    if missing:
        raise SystemExit(f"CC-SD re-check: no adjudication for {missing[:3]}")
    final = {i: (a[i] if a[i] == b[i] else adjudicated[i]) for i in a}
    ids = sorted(a)
    return ({i for i, v in final.items() if not v},
            {"passages": len(ids), "kappa": kappa([a[i] for i in ids], [b[i] for i in ids]),
             "disagreements": sum(a[i] != b[i] for i in ids), "kept": sum(final.values()),
             "taken_off": sum(not v for v in final.values())})


def load_file(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> None:
    pass_a, pass_b, adjudicated, sample = {}, {}, {}, []
    for sample_file, a, b, adj in parts():
        pass_a.update(load(str(LABELS / a)))
        pass_b.update(load(str(LABELS / b)))
        adjudicated.update(json.loads((LABELS / adj).read_text()))
        sample += [json.loads(line) for line in (HERE / sample_file).read_text().splitlines() if line.strip()]
    ids = [s["id"] for s in sample]
    if len(set(ids)) != len(ids):
        raise SystemExit("a passage is in two parts of the sample")
    missing = [i for i in ids if i not in pass_a or i not in pass_b]
    if missing:
        raise SystemExit(f"passes miss {len(missing)} passages, e.g. {missing[:3]}")
    agreement = agreement_of(ids, pass_a, pass_b)
    no_sd, agreement["ccsd_recheck"] = ccsd_recheck(LABELS / "ccsd-recheck")
    with (HERE / "uninfo.jsonl").open("w", encoding="utf-8") as fh:
        for s in sorted(sample, key=lambda s: s["uninfo_id"]):
            i = s["id"]
            la, lb = set(pass_a[i]["labels"]), set(pass_b[i]["labels"])
            if la == lb:
                labels, how = la, "agreed"
            elif i in adjudicated:
                labels, how = set(adjudicated[i]), "adjudicated"
            else:
                raise SystemExit(f"{i}: the passes disagree and there is no adjudication")
            if i in no_sd and "CC-SD" in labels:
                labels, how = labels - {"CC-SD"}, how + "; CC-SD re-checked: no"
            absent = (set(pass_a[i].get("absent") or []) & set(pass_b[i].get("absent") or [])) - labels
            fh.write(json.dumps({"id": i, "ref": f"uninfo:{s['uninfo_id']}", "sha256": s["sha256"], "lang": s["lang"],
                                 "labels": [c for c in CATS if c in labels], "absent": [c for c in CATS if c in absent],
                                 "evaluated": CATS, "split": s["split"], "country": s["country"],
                                 "source": "UN INFO joint work plan sub-output (../shared/realdata)",
                                 "note": how}) + "\n")
    (HERE / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n")
    print(json.dumps(agreement))


if __name__ == "__main__":
    main()
