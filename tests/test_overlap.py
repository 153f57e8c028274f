"""`check` reading a large file in a forked child while the engine starts (overlap.py): same
report, same errors, no child left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alignment import overlap
from alignment.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "corpora" / "frameworks" / "kandara-unsdcf" / "kandara-unsdcf.pdf"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _check(path, overlap_env: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "alignment", "check", str(path), *args],
                          env={**os.environ, "ALIGNMENT_OVERLAP": overlap_env}, capture_output=True)


def _children() -> set[int]:
    """This process's children (other tests may have left some: only new ones count)."""
    out = subprocess.run(["pgrep", "-P", str(os.getpid())], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def test_report_identical_with_and_without_the_child():
    for fmt in ("json", "md"):
        off, on = _check(PDF, "0", "--format", fmt), _check(PDF, "1", "--format", fmt)
        assert off.returncode == on.returncode == 0
        assert on.stdout == off.stdout and on.stderr == off.stderr


@pytest.mark.parametrize("name,data", [("empty.pdf", b""), ("broken.pdf", b"%PDF-1.4\ngarbage\n"),
                                       ("binary.txt", bytes(range(256)) * 40), ("nowhere.pdf", None)])
def test_bad_input_same_line_and_exit_code(tmp_path, name, data):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    off, on = _check(path, "0"), _check(path, "1")
    assert off.returncode == on.returncode == 2
    assert on.stderr == off.stderr and on.stderr.count(b"\n") == 1 and b"Traceback" not in on.stderr


def test_in_process_run_reaps_its_child():
    before = _children()
    report = overlap.run(Pipeline.of(), str(PDF))
    assert report.document.name == PDF.name and _children() <= before


def test_in_process_error_from_the_parent(tmp_path):
    from alignment.errors import InputError

    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\ngarbage\n")
    before = _children()
    with pytest.raises(InputError, match="not a readable PDF"):
        overlap.run(Pipeline.of(), str(bad))
    assert _children() <= before


def test_wanted(monkeypatch, tmp_path):
    small = tmp_path / "small.txt"
    small.write_text("Decent work.\n")
    monkeypatch.setenv("ALIGNMENT_OVERLAP", "0")
    assert not overlap.wanted(str(PDF), None)
    monkeypatch.setenv("ALIGNMENT_OVERLAP", "1")
    assert overlap.wanted(str(PDF), None) and not overlap.wanted("-", b"stdin text")
    monkeypatch.delenv("ALIGNMENT_OVERLAP")
    monkeypatch.setattr(overlap, "_running", lambda: 1)
    monkeypatch.delitem(sys.modules, "spacy", raising=False)
    assert not overlap.wanted(str(small), None)  # too small to pay
    assert not overlap.wanted(str(tmp_path / "missing.pdf"), None)  # reported by the ordinary path
    big = tmp_path / "big.txt"
    big.write_text("Decent work for all.\n" * 10_000)
    assert overlap.wanted(str(big), None) == (len(os.sched_getaffinity(0)) >= 2)
    monkeypatch.setattr(overlap, "_running", lambda: 64)  # no core free
    assert not overlap.wanted(str(big), None)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_no_child_outlives_a_signal(tmp_path, sig):
    # Under the full suite on a loaded machine a Ctrl-C has, twice in stop 39, ended `check` by the signal itself
    # (returncode -2, not 130 with "alignment: interrupted"); not reproduced alone or under CPU load (25 runs with
    # three CPU burners, stop 40). An uncaught KeyboardInterrupt ends Python so, and the one place left uncaught was
    # the import of the command line, outside click and the commands' handling; since stop 40 the entry point
    # (`alignment.entry.run`) catches it there too. The run is still tried a second time in that case only:
    # every child must be gone each time.
    for attempt in range(2):
        if _signalled_run(tmp_path, sig, last=attempt == 1):
            return


def _signalled_run(tmp_path, sig, last: bool) -> bool:
    text = tmp_path / "long.txt"
    text.write_text("Social dialogue and decent work for all workers in the region.\n\n" * 30_000)
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "check", str(text), "-o", str(tmp_path / "r.txt")],
                            env={**os.environ, "ALIGNMENT_OVERLAP": "1"}, start_new_session=True,
                            stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    children: list[int] = []
    deadline = time.monotonic() + 20
    while not children and time.monotonic() < deadline and proc.poll() is None:
        out = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout
        children = [int(c) for c in out.split()]
        time.sleep(0.02)
    assert children, "the child was not seen"
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # as Ctrl-C in a terminal: the whole group
    else:
        os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    unexplained = sig == signal.SIGINT and proc.returncode == -signal.SIGINT and not last
    if sig == signal.SIGINT and not unexplained:
        assert proc.returncode == 130 and err.decode().strip() == "alignment: interrupted"
    time.sleep(0.3)
    for c in children:  # gone, or a zombie waiting for init
        try:
            state = Path(f"/proc/{c}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            continue
        assert state == "Z"
    return not unexplained


def test_ctrl_c_while_the_command_line_loads(monkeypatch, capsys):
    """A Ctrl-C before the commands' own handling (while Python imports the package) ends as a
    Ctrl-C later does: one line, exit code 130, no traceback (`alignment.entry.run`, the
    entry point of the `alignment` command and of `python -m alignment`)."""
    import types

    from alignment.entry import run

    loading = types.ModuleType("alignment.cli")

    def interrupted(name):
        raise KeyboardInterrupt

    loading.__getattr__ = interrupted
    monkeypatch.setitem(sys.modules, "alignment.cli", loading)
    with pytest.raises(SystemExit) as exit_:
        run()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "alignment: interrupted\n"
