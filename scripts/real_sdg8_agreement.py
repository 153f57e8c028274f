"""Agreement of the tool's SDG 8 with the SDG 8 tags the country teams put on the same rows.

A loose external signal, reported and never tuned to: for every passage of the real-text gold
set (`corpora/gold/real/uninfo.jsonl`, joined with ../shared/realdata), the tool says SDG 8
when the report would list an SDG 8 target (`score.sdg_sources`: a citation, an SDG phrase, or
a decent-work topic the taxonomy maps to one); the country team says SDG 8 when its `SDG Targets` cell holds an
8.x target. Prints counts, the tool's precision and recall against the teams' tags, and kappa.

    python scripts/real_sdg8_agreement.py [--split test]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from alignment import evaluate  # noqa: E402
from alignment.realtext import find_shared, iter_rows  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "corpora" / "gold" / "real" / "uninfo.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["tune", "test"])
    args = ap.parse_args()
    items = evaluate.read_gold(str(GOLD), split=args.split)
    wanted = {int(i.id.split("-")[1]) for i in items}
    team = {}
    for row in iter_rows(find_shared(GOLD.parent)):
        if row["id"] in wanted:
            targets = [t.strip() for t in (row.get("sdg_targets") or "").split(",")]
            team[row["id"]] = any(t.startswith("8.") for t in targets)
    preds = evaluate.predict(items)
    both = tool_only = team_only = neither = 0
    for p in preds:
        tool = "SDG-8" in p.predicted  # the SDGs the report would list (score.sdg_sources)
        tm = team[int(p.item.id.split("-")[1])]
        both += tool and tm
        tool_only += tool and not tm
        team_only += tm and not tool
        neither += not tool and not tm
    n = both + tool_only + team_only + neither
    prec = both / (both + tool_only) if both + tool_only else 0.0
    rec = both / (both + team_only) if both + team_only else 0.0
    po = (both + neither) / n
    pt, pm = (both + tool_only) / n, (both + team_only) / n
    pe = pt * pm + (1 - pt) * (1 - pm)
    print(json.dumps({"passages": n, "both": both, "tool_only": tool_only, "team_only": team_only, "neither": neither,
                      "precision_vs_team": round(prec, 3), "recall_vs_team": round(rec, 3),
                      "kappa": round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0}))


if __name__ == "__main__":
    main()
