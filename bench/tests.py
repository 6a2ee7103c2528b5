"""The quick test loop: ``make test-fast`` against its 3-minute budget on this machine."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.harness import ROOT, Result

BUDGET_S = 180.0
"""The house issue's budget for ``make test-fast`` (everything but the slow and browser tests)."""


def bench_test_fast() -> list[Result]:
    """Wall time of ruff plus ``pytest -n auto -m "not slow and not e2e"``, as ``make
    test-fast`` runs them (one run: it takes minutes, and its own ratio is to a budget)."""
    ruff = [str(ROOT / ".venv" / "bin" / "ruff")]
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto"]
    pytest += ["-m", "not slow and not e2e", "--ignore=tests/e2e"]
    started = time.perf_counter()
    for command in ([*ruff, "check", "."], [*ruff, "format", "--check", "."], pytest):
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    wall = time.perf_counter() - started
    name = "`make test-fast`: ruff, then every test but the slow and browser ones (pytest-xdist)"
    return [Result(name, wall, BUDGET_S, "the 3-minute budget", 1.0)]
