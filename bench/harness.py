"""Timing and memory helpers shared by the benchmarks.

Every target is a ratio against a reference measured in the same run, so a noisy or slow
machine moves both sides alike. Each side is timed several times and the best run is kept.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Result:
    """One benchmark row: what was measured against what, and the target ratio."""

    name: str
    ours: float
    reference: float
    reference_name: str
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.ours / self.reference

    @property
    def passed(self) -> bool:
        return self.ratio <= self.target


def demo_generator():
    """The demo data generator ``data/generate_demo.py`` as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "generate_demo", ROOT / "data" / "generate_demo.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best_time(fn: Callable[[], object], *, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_times_interleaved(
    ours: Callable[[], object], reference: Callable[[], object], *, repeat: int = 5
) -> tuple[float, float]:
    """Best wall times of two functions run alternately, so a slow spell hits both."""
    a, b = [], []
    for _ in range(repeat):
        for fn, times in ((reference, b), (ours, a)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return min(a), min(b)


def peak_memory_mb(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it must print one JSON object.

    The child can call ``_reset_peak()`` once its imports are done, then ``_rss()`` for the
    current resident memory and ``_peak()`` for the peak since the reset (MiB; Linux's
    ``/proc/self/clear_refs`` and ``VmHWM``), so import costs do not count.
    """
    wrapper = (
        "import json\n"
        "def _status(key):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith(key):\n"
        "            return int(line.split()[1]) / 1024\n"
        "def _reset_peak():\n"
        "    with open('/proc/self/clear_refs', 'w') as f:\n"
        "        f.write('5')\n"
        "def _rss():\n"
        "    return _status('VmRSS:')\n"
        "def _peak():\n"
        "    return _status('VmHWM:')\n" + code
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])
