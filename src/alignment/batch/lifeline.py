"""What ties the workers of a local batch to their parent: death together, and shared clocks.

- `die_with_parent`: a worker must not outlive the batch that started it, whatever killed the
  batch (Ctrl-C, SIGTERM, SIGKILL, an out-of-memory kill). On Linux the kernel sends the
  worker SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a daemon thread
  polls the parent's pid and exits the worker when it changes.
- `Slots`: one row of shared memory per worker: the task it is analysing and the moment that
  task overruns its --timeout (infinity while the clock is stopped, e.g. while a language pack
  loads). The parent reads them to kill a hung worker a moment after its deadline, instead of
  guessing from submission times.
"""

from __future__ import annotations

import ctypes
import math
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
IDLE = -1.0


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when `parent_pid` (the process that forked it) ends."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent_pid:  # the parent died before we were armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch, args=(parent_pid,), daemon=True, name="lifeline").start()


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


class Slots:
    """Shared rows (task id, deadline on the monotonic clock), one per worker of a pool.

    Written by the workers, read by the parent; CLOCK_MONOTONIC is system-wide, so the
    parent and the workers compare the same clock.
    """

    def __init__(self, ctx, n: int):
        self.n = n
        self.cells = ctx.RawArray("d", [IDLE, math.inf] * n)
        self.claimed = ctx.Value("i", 0)

    def claim(self) -> int:
        """A worker's own row, taken once in its initializer."""
        with self.claimed.get_lock():
            slot = self.claimed.value % self.n
            self.claimed.value += 1
        return slot

    def begin(self, slot: int, task: int) -> None:
        self.cells[2 * slot + 1] = math.inf
        self.cells[2 * slot] = float(task)

    def deadline(self, slot: int, at: float) -> None:
        self.cells[2 * slot + 1] = at

    def end(self, slot: int) -> None:
        self.cells[2 * slot + 1] = math.inf
        self.cells[2 * slot] = IDLE

    def overdue(self, now: float, grace: float) -> set[int]:
        """Tasks whose worker is still on them `grace` seconds after their deadline."""
        late = set()
        for slot in range(self.n):
            task = self.cells[2 * slot]
            at = self.cells[2 * slot + 1]
            if task != IDLE and now > at + grace and self.cells[2 * slot] == task:
                late.add(int(task))
        return late
