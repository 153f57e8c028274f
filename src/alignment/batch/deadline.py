"""The per-document timeout inside whatever runs `analyse_file`: a process's main thread
(our pool) or a worker thread (Dask).

In the main thread a SIGALRM timer raises `AnalysisTimeout`; in another thread a timer thread
raises it asynchronously in the analysing thread (PyThreadState_SetAsyncExc). Either way the
exception arrives between two Python bytecodes: code stuck inside C for longer is the parent's
business (the pool kills the worker a second after the deadline; Dask gives the task up).
`paused()` stops the clock (loading a language's rules is the worker's cost, not the
document's); `publish` tells the parent when the document will overrun.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import signal
import threading
import time
from collections.abc import Callable

from ..errors import AnalysisTimeout


class ThreadTimeout(AnalysisTimeout):
    """Raised asynchronously in a thread, which instantiates it without arguments."""

    def __init__(self, *args):
        super().__init__(None, "analysis took longer than --timeout")


class Deadline:
    def __init__(self, seconds: float, path: str, publish: Callable[[float], None] = lambda s: None):
        self.seconds, self.path, self.publish = seconds, path, publish
        self.main = threading.current_thread() is threading.main_thread()
        self.active = seconds > 0 and (hasattr(signal, "setitimer") or not self.main)
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.left = seconds
        self.fired = False

    def _fire(self, signum=None, frame=None):
        raise AnalysisTimeout(self.path, f"analysis took longer than --timeout {self.seconds:g} s")

    def _start(self, seconds: float) -> None:
        if self.main:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        else:
            self.started = time.monotonic()
            self.timer = threading.Timer(seconds, self._interrupt, args=(threading.get_ident(),))
            self.timer.daemon = True
            self.timer.start()
        self.publish(seconds)

    def _stop(self) -> float:
        """Stop the clock; the seconds that were left."""
        if self.main:
            return signal.setitimer(signal.ITIMER_REAL, 0)[0]
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        return max(self.left - (time.monotonic() - self.started), 0.0)

    def _interrupt(self, ident: int) -> None:
        with self.lock:
            if self.timer is None:  # stopped meanwhile
                return
            self.fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(ThreadTimeout))

    def __enter__(self):
        if self.active:
            if self.main:
                self.previous = signal.signal(signal.SIGALRM, self._fire)
            self._start(self.seconds)
        return self

    @contextlib.contextmanager
    def paused(self):
        if not self.active:
            yield
            return
        self.left = self._stop()
        self.publish(math.inf)
        try:
            yield
        finally:
            self.left = max(self.left, 0.001)
            self._start(self.left)

    def __exit__(self, kind, exc, tb):
        if not self.active:
            return False
        self._stop()
        if self.main:
            signal.signal(signal.SIGALRM, self.previous)
        elif self.fired and kind is None:
            # finished as the timer fired: take back the exception not delivered yet
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(threading.get_ident()), None)
        if isinstance(exc, ThreadTimeout):  # say which file and which limit, as the main thread does
            raise AnalysisTimeout(self.path, f"analysis took longer than --timeout {self.seconds:g} s") from None
        return False
