"""The Dask path at scale: the 123 shared real plans, local pool vs a local Dask cluster.

Writes each plan of `../shared/realdata/uninfo-dev.jsonl.gz` (its results framework: strategic
priority > outcome > output > sub-output, with agencies and partners) as one Markdown document
in a temporary folder outside the repository (the text stays in the shared folder, see its
README), runs `batch` on it with the local executor and with `--executor dask` on a loopback
LocalCluster, and compares every output file byte for byte.

    python scripts/dask_realdata.py [--workers 2] [--realdata ../shared/realdata] [--keep DIR]

Prints the time of each run and the files that differ; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from alignment.batch import BatchOptions, run_batch
from alignment.batch.run import FILES

ROOT = Path(__file__).resolve().parents[1]


def write_plans(jsonl: Path, folder: Path) -> int:
    plans: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with gzip.open(jsonl, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            plans[(row["country"], row["plan"].strip())].append(row)
    for n, ((country, plan), rows) in enumerate(sorted(plans.items()), start=1):
        rows.sort(key=lambda r: (r["priority"], r["outcome"], r["output"], r["id"]))
        out, last = [f"# {plan}: {country}", ""], [None, None, None]
        for r in rows:
            changed = False
            for depth, (key, label) in enumerate((("priority", "Strategic priority"), ("outcome", "Outcome"),
                                                  ("output", "Output"))):
                if changed or last[depth] != r[key]:  # a new heading restarts the levels below it
                    changed, last[depth] = True, r[key]
                    out += [f"{'#' * (depth + 2)} {label}: {r[key]}", ""]
            described = r["description"] if r["description"] not in ("", "-") else ""
            out += [f"Sub-output: {r['suboutput']}. {described}".strip(), "",
                    f"Agencies: {r['agencies']}. Implementation partners: {r['implementation_partners']}.", ""]
        slug = re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-")
        (folder / f"{n:03d}-{slug}.md").write_text("\n".join(out), encoding="utf-8")
    return len(plans)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--realdata", type=Path, default=ROOT.parent / "shared" / "realdata")
    ap.add_argument("--keep", type=Path, default=None, help="write the plans and results here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="alignment-dask-") as tmp:
        base = args.keep or Path(tmp)
        plans = base / "plans"
        plans.mkdir(parents=True, exist_ok=True)
        n = write_plans(args.realdata / "uninfo-dev.jsonl.gz", plans)
        print(f"{n} plans written to {plans}")
        results = {}
        for executor in ("local", "dask"):
            out = base / executor
            t0 = time.perf_counter()
            r = run_batch(str(plans), str(out), BatchOptions(workers=args.workers, executor=executor,
                                                             quiet=True))
            s = r.summary
            print(f"{executor:5}: {time.perf_counter() - t0:6.1f} s, {s.inputs} inputs, "
                  f"{s.documents} documents, {s.errors} errors")
            results[executor] = out
        differ = [f for f in FILES if (results["local"] / f).read_bytes() != (results["dask"] / f).read_bytes()]
        print("outputs byte-identical: " + ("yes, all of " + ", ".join(FILES) if not differ
                                            else "NO: " + ", ".join(differ)))
        return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
