"""Take CC-SD off the own gold sets' passages where the CC-SD re-check says no.

The re-check (corpora/gold/ccsd-recheck/): every passage of corpora/gold/{en,fr,es}.jsonl labelled
CC-SD was read again by two blind passes asking only whether the social partners take part in
something else (CC-SD) or are the subject or the recipients (SO4, CAPDEV), by domain.md's
"SO4 vs CC-SD"; the disagreements are adjudicated in adjudication.json. Idempotent; the
line order and every other field stay as they are.

    python scripts/apply_ccsd_recheck.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_gold_build import ccsd_recheck  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold"


def main() -> None:
    no_sd, agreement = ccsd_recheck(GOLD / "ccsd-recheck")
    # The later SO4/CC-SD re-check (corpora/gold/sd-recheck/, scripts/apply_sd_recheck.py) read
    # five of these passages again and kept CC-SD; its answer stands.
    from apply_sd_recheck import decisions, rewrite_gold
    no_sd -= set(decisions()[0])
    taken = 0

    def edit(obj: dict) -> bool:
        nonlocal taken
        if obj["id"] in no_sd and "CC-SD" in obj.get("labels", []):
            obj["labels"] = [c for c in obj["labels"] if c != "CC-SD"]
            taken += 1
            return True
        return False

    rewrite_gold(edit)
    (GOLD / "ccsd-recheck" / "agreement.json").write_text(json.dumps(agreement, indent=1) + "\n")
    print(f"{agreement}; CC-SD taken off {taken} passage(s) now")


if __name__ == "__main__":
    main()
