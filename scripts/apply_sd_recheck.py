"""Set SO4 and CC-SD on the own gold sets' social-dialogue passages from the SO4/CC-SD re-check.

The re-check (corpora/gold/sd-recheck/): the 204 passages of corpora/gold/{en,fr,es}.jsonl whose
text names the social partners, constituents, tripartism, collective bargaining or social
dialogue (chosen by a word list, not by any result of the tool) were read again by two blind
passes asking only domain.md's two questions: is SO4 present (the social partners, their
organizations, labour administration or tripartite bodies as the subject, or the partners'
participation in policy-making and planning), and is CC-SD present (the partners taking part in
something else). Where the passes agree their answer is taken, adding or removing the label;
their disagreements are adjudicated in adjudication.json. Idempotent; the line order and every
other field stay as they are.

    python scripts/apply_sd_recheck.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_gold_build import kappa  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold"
HERE = GOLD / "sd-recheck"
QUESTIONS = (("so4", "SO4"), ("cc_sd", "CC-SD"))


def load(name: str) -> dict[str, dict]:
    return {o["id"]: o for o in (json.loads(x) for x in (HERE / name).read_text(encoding="utf-8").splitlines() if x.strip())}


def decisions() -> tuple[dict[str, dict[str, bool]], dict]:
    a, b = load("pass-a.jsonl"), load("pass-b.jsonl")
    adjudicated = json.loads((HERE / "adjudication.json").read_text(encoding="utf-8"))
    if set(a) != set(b):
        raise SystemExit("the two passes do not cover the same passages")
    out, disagreements = {}, 0
    for i in a:
        if all(a[i][q] == b[i][q] for q, _ in QUESTIONS):
            out[i] = {q: a[i][q] for q, _ in QUESTIONS}
        elif i in adjudicated:
            disagreements += 1
            out[i] = adjudicated[i]
        else:
            raise SystemExit(f"{i}: the passes disagree and there is no adjudication")
    ids = sorted(a)
    agreement = {"passages": len(ids), "disagreements": disagreements,
                 **{f"kappa_{q}": kappa([a[i][q] for i in ids], [b[i][q] for i in ids]) for q, _ in QUESTIONS}}
    return out, agreement


def rewrite_gold(edit: Callable[[dict], bool]) -> None:
    """Apply `edit` (True when it changed the passage) to every passage of the own gold sets,
    keeping the line order and the other lines byte for byte."""
    for lang in ("en", "fr", "es"):
        path = GOLD / f"{lang}.jsonl"
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                if edit(obj):
                    line = json.dumps(obj, ensure_ascii=False)
            out.append(line)
        path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    decided, agreement = decisions()
    changed = {"SO4 added": 0, "SO4 removed": 0, "CC-SD added": 0, "CC-SD removed": 0}

    def edit(obj: dict) -> bool:
        if obj["id"] not in decided:
            return False
        labels = list(obj.get("labels", []))
        for q, cat in QUESTIONS:
            want, has = decided[obj["id"]][q], cat in labels
            if want and not has:
                labels.append(cat)
                changed[f"{cat} added"] += 1
            elif has and not want:
                labels.remove(cat)
                changed[f"{cat} removed"] += 1
        if labels == obj.get("labels", []):
            return False
        order = obj.get("evaluated") or labels
        obj["labels"] = [c for c in order if c in labels] + [c for c in labels if c not in order]
        obj["absent"] = [c for c in obj.get("absent", []) if c not in obj["labels"]]
        return True

    rewrite_gold(edit)
    (HERE / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n")
    print(f"{agreement}; changed now: {changed}")

if __name__ == "__main__":
    main()
