"""The web app in a real browser: Debian's chromium, headless, against uvicorn on 127.0.0.1.

`chromium --headless --dump-dom` prints the DOM after the page's script ran, so this checks
what the TestClient tests cannot: that the Content-Security-Policy lets the app's own script
run (the evidence filter fills its list) and that the report renders. Skipped without chromium.
With ALIGNMENT_SCREENSHOTS=DIR it also saves DIR/serve-check.png (the README's screenshot).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)")

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = ROOT / "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.pdf"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from alignment.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(tmp_root=str(tmp_path_factory.mktemp("uploads")))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def chromium(*args: str, tmp: Path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-sync", "--disable-component-update",
           f"--user-data-dir={tmp / 'profile'}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    return done.stdout


def test_check_report_in_chromium(server, tmp_path):
    with httpx.Client(base_url=server) as client:
        r = client.post("/check", files={"file": (FRAMEWORK.name, FRAMEWORK.read_bytes(), "application/pdf")})
    assert r.status_code == 303
    url = server + r.headers["location"]
    dom = chromium("--dump-dom", url, tmp=tmp_path)
    assert "Coverage of the Decent Work Agenda" in dom and 'id="row-SO3"' in dom
    assert "&lt;" not in dom.split("<main>", 1)[0]  # the app's bar is markup, not escaped text
    # The filter's options are made by the app's script: it ran under the page's CSP.
    options = re.findall(r'<option value="([^"]*)">', dom)
    assert "" in options and {"SO1", "SO2", "SO3", "SO4"} <= set(options)
    assert re.search(r'id="filter-box"(?! hidden)', dom)
    shots = os.environ.get("ALIGNMENT_SCREENSHOTS")
    if shots:
        chromium("--window-size=1280,1000", "--hide-scrollbars", f"--screenshot={Path(shots) / 'serve-check.png'}",
                 url, tmp=tmp_path)
