"""`alignment check` of a large file: read it in a forked child while this process starts the engine.

A new `check` process spends ~0.5-0.7 s importing spaCy and building the rule engine, and, for
a 100-page PDF, ~0.5 s reading, normalising and structuring it; neither needs the other until
the match stage. Reading needs no spaCy (`lexicon.WordSet` hashes words in Python until spaCy is
imported), so a child forked before spaCy's import reads, normalises and structures the file
and sends the `Document` back pickled, while this process imports spaCy and builds the engine
of the language the child sends first. With a free core the two halves run side by side.

It is used only when it can pay (`wanted`): a file large enough that reading takes longer than
forking and pickling, small enough that two copies of its `Document` (the child's and this
process's) stay small, more than one CPU to run on and one of them free at that moment,
fork available, and spaCy not imported yet (the engine's start-up is what the reading hides). `ALIGNMENT_OVERLAP=0` turns it off,
`=1` forces it (tests).

Nothing changes but the time: the report is that of `Pipeline.run` (the child runs the same
stages; the `Document` pickles exactly). Whatever goes wrong in the child (a bad file, an
error, a crash) is not reported from there: this process then loads the file itself, so a bad
input gives the same one line and exit code as without the child, raised where it always was.
The child never outlives this process: it is killed and reaped when this process is done
with it, interrupted or failing, and the kernel kills it if this process dies
(PR_SET_PDEATHSIG); Ctrl-C ends it silently (it takes SIGINT's default action).
"""

from __future__ import annotations

import logging
import os
import signal
import sys

from .pipeline import Pipeline
from .results import Report

log = logging.getLogger(__name__)

MIN_BYTES = 120_000
"""Smaller files are read in well under the ~0.02 s that forking and pickling cost."""
MAX_BYTES = 16 * 1024 * 1024
"""Larger files are read in this process: the child's and this process's `Document` would be
held at once (~4 MB of `Document` per MB of text), and reading is then a small part of the time."""


def wanted(path: str, stdin: bytes | None) -> bool:
    """Whether `check` of `path` should read it in a child (see the module's doc)."""
    forced = os.environ.get("ALIGNMENT_OVERLAP")
    if forced == "0" or stdin is not None or not hasattr(os, "fork"):
        return False
    if forced == "1":
        return True
    if "spacy" in sys.modules:
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    if cpus < 2 or _running() >= cpus:
        return False
    try:
        size = os.stat(path).st_size
    except (OSError, ValueError):
        return False  # read in this process, which reports it
    if not MIN_BYTES <= size <= MAX_BYTES:
        return False
    from .load import is_export

    return not is_export(path)


def _running() -> int:
    """Processes running or ready to run on this machine at this moment, this one included
    (/proc/loadavg; 1 where it cannot be read). With no core free, the child only competes
    with this process and the overlap costs time (bench/bench_overlap.py)."""
    try:
        with open("/proc/loadavg", "rb") as fh:
            return int(fh.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return 1


def run(pipeline: Pipeline, path: str) -> Report:
    """`pipeline.run(path)`, the reading done in a forked child while the engine is built here."""
    import pickle

    r, w = os.pipe()
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
        os.close(r)
        _child(pipeline, path, w, parent)
    os.close(w)
    log.debug("%s: read in child %d while the engine starts", path, pid)
    doc = None
    try:
        with os.fdopen(r, "rb") as pipe:
            from . import spacy_import

            spacy_import.load()
            import numpy  # noqa: F401  (the analysis needs it; imported while the child reads)

            language = _receive(pipe, pickle)
            if language is not None:
                try:
                    pipeline.matcher.engine(language)
                except Exception:  # raised again where it belongs, by the analysis
                    pass
                doc = _receive(pipe, pickle)
    finally:
        status = _end(pid)
    if doc is None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT:
        # Ctrl-C reached the child first, and this process, blocked on the pipe, saw only its end
        raise KeyboardInterrupt
    if doc is None:  # the child failed: this process reads, and reports what goes wrong
        log.debug("%s: not read in a child; reading it here", path)
        doc = pipeline.load(path)
    return pipeline.analyse(doc)


def _receive(pipe, pickle):
    try:
        return pickle.load(pipe)
    except Exception:  # the child died or sent nothing: None
        return None


def _end(pid: int) -> int:
    """Kill the child if it still runs, reap it, and return its wait status."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # pragma: no cover
        pass
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:  # pragma: no cover
            continue
        except ChildProcessError:  # pragma: no cover
            return 0


def _child(pipeline: Pipeline, path: str, w: int, parent: int) -> None:  # pragma: no cover
    """Read, normalise and structure `path`; send the language, then the `Document`; exit."""
    import pickle

    code = 1
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C: end without a traceback
        _die_with(parent)
        with os.fdopen(w, "wb") as pipe:
            def send_language(language: str) -> None:  # before the paragraphs are normalised
                pickle.dump(language, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.flush()

            normalised = pipeline.normaliser.run(pipeline.reader.run(path), send_language)
            doc = pipeline.structurer.run(normalised)
            pickle.dump(doc, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    except BaseException:  # nothing is reported from here: the parent reads the file again
        pass
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:  # pragma: no cover - the child
    """The kernel kills this process when `parent` dies (Linux); elsewhere, or if `parent` is
    already gone, a check between the stages would be too late, so the child exits now."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            armed = ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            armed = False
    if not armed or os.getppid() != parent:
        os._exit(1)
