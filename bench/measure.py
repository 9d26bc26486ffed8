"""Measuring helpers: interleaved repetitions, medians, peak memory, machine."""

from __future__ import annotations

import os
import platform
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType

import psutil

MIB = 1024 * 1024


@dataclass
class Side:
    """The timings of one side (A or B) of an interleaved comparison."""

    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """The median of the repetitions, in seconds."""
        return statistics.median(self.seconds)


def interleave(
    pairs: int, first: Callable[[], float], second: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Run ``first`` and ``second`` alternately (ABAB...), ``pairs`` times each.

    Each callable returns the figure it measured (usually seconds). Running
    them in turn, rather than all A then all B, spreads a drift of the
    machine (a warming cache, a neighbour's load) over both sides.
    """
    a: list[float] = []
    b: list[float] = []
    for _ in range(pairs):
        a.append(first())
        b.append(second())
    return a, b


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` took on a monotonic clock."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))
    return ordered[rank]


class PeakRss:
    """Samples a process's resident set every millisecond or so.

    ``growth`` is the peak minus the level just before sampling began, so
    what the process held before (imports, caches) does not count.

    Args:
        pid: the process to watch; this process by default.
        interval: seconds between samples.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.001) -> None:
        self._process = psutil.Process(pid or os.getpid())
        self._interval = interval
        self.baseline = self._process.memory_info().rss
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def growth(self) -> int:
        """Peak minus baseline, in bytes."""
        return self.peak - self.baseline

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._take()

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            self._take()

    def _take(self) -> None:
        try:
            self.peak = max(self.peak, self._process.memory_info().rss)
        except psutil.NoSuchProcess:
            self._stop.set()


def machine() -> dict[str, object]:
    """Where the figures were measured: architecture, CPU, cores, Python."""
    return {
        "machine": platform.machine(),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"
