"""`alignment serve` as a user meets it: upload-to-report time and the server's memory.

Starts `alignment serve` (a new process, uvicorn on 127.0.0.1, a free port), then over HTTP:
(1) time from the upload of FILE (default: the 81-page corpus framework,
corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf) to the full report page, first request
(rule pack loaded then) and best / median of the next `--repeat`; (2) the server's resident
memory (VmRSS from /proc) after 1, 10, 25, 50 and 100 checks of that file, to show it does
not grow; (3) 8 uploads at once (threads): all answered 200, and the wall time; (4) the Batch
page: `--batch` PDFs of the corpus (default 10, the first in path order) uploaded at once, time
from the upload to the finished table (the status endpoint polled as the page's script does),
the server's memory before and after (the batch runs in a child process, whose memory is not
the server's), and the documents/errors split. Output: JSON on stdout.

Usage: `python bench/bench_serve.py [--file F] [--repeat 5] [--checks 100] [--batch 10]`.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=str(ROOT / "corpora/frameworks/lirona-unsdcf/lirona-unsdcf.pdf"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--checks", type=int, default=100)
    ap.add_argument("--batch", type=int, default=10, help="PDFs of the corpus in the batch (0: no batch)")
    a = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("alignment")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    data = Path(a.file).read_bytes()
    name = Path(a.file).name
    try:
        with httpx.Client(base_url=base, timeout=300, follow_redirects=True) as client:
            for _ in range(100):
                try:
                    client.get("/")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            idle = rss_mb(proc.pid)

            def one() -> float:
                t = time.perf_counter()
                r = client.post("/check", files={"file": (name, data)})
                assert r.status_code == 200 and "Coverage of the Decent Work Agenda" in r.text, r.status_code
                return time.perf_counter() - t

            first = one()
            times = [one() for _ in range(a.repeat)]
            memory = {"idle": idle}
            done = 1 + a.repeat
            for n in (10, 25, 50, a.checks):
                while done < n:
                    one()
                    done += 1
                memory[f"after_{n}"] = rss_mb(proc.pid)

            statuses: list[int] = []
            barrier = threading.Barrier(8)

            def upload():
                barrier.wait()
                with httpx.Client(base_url=base, timeout=600, follow_redirects=True) as c:
                    statuses.append(c.post("/check", files={"file": (name, data)}).status_code)

            t = time.perf_counter()
            threads = [threading.Thread(target=upload) for _ in range(8)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall8 = time.perf_counter() - t
            batch = run_batch(client, proc.pid, a.batch) if a.batch else None
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(json.dumps({"file": os.path.relpath(a.file, ROOT), "bytes": len(data),
                      "first_upload_to_report_s": round(first, 2),
                      "upload_to_report_s": {"best": round(min(times), 2), "median": round(statistics.median(times), 2)},
                      "rss_mb": memory, "concurrent_8": {"statuses": sorted(statuses), "wall_s": round(wall8, 2)},
                      "batch": batch},
                     indent=2))


def run_batch(client: httpx.Client, pid: int, n: int) -> dict:
    """Upload `n` corpus PDFs to /batch, poll its status until done; time and server memory."""
    paths = sorted(ROOT.glob("corpora/*/*/*.pdf"))[:n]
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    before = rss_mb(pid)
    t = time.perf_counter()
    r = client.post("/batch", files=files, follow_redirects=False)
    assert r.status_code == 303, r.status_code
    where = r.headers["location"]
    answered = time.perf_counter() - t  # the upload is answered before the analysis
    polls, status = 0, {}
    while True:
        status = client.get(f"{where}/status").json()
        polls += 1
        if status["state"] in ("done", "failed"):
            break
        time.sleep(0.25)
    page = client.get(where)
    done = time.perf_counter() - t
    assert status["state"] == "done" and 'id="batch-table"' in page.text, status
    return {"files": len(paths), "bytes": sum(p.stat().st_size for p in paths),
            "upload_answered_s": round(answered, 2), "upload_to_table_s": round(done, 2),
            "child_run_s": status.get("seconds"), "status_polls": polls,
            "documents": status["summary"]["documents"], "errors": status["summary"]["errors"],
            "server_rss_mb": {"before": before, "after": rss_mb(pid)}}


if __name__ == "__main__":
    main()
