"""``python -m mot`` starts fast: each command imports only what it uses (issue 11).

Start-up is a ratio against a reference measured in the same run (never an absolute time):
``python -m mot --help`` against ``python -c "import pandas"``, the median of alternated
runs. ``--help`` and a small behaviour run must not import ``scipy.stats`` (about a second)
nor the charts (``altair``, ``vl_convert``).
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Slow (`make test` runs them, `make test-fast` does not):
# start-up timed against `import pandas`: run alone, not beside other workers.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEMO_LOG = ROOT / "data" / "demo_events.parquet"
HEAVY = ("scipy.stats", "altair", "vl_convert", "mot.compare", "mot.survey", "mot.charts")

# Run the command line in-process after recording sys.modules, as `python -m mot` would.
PROBE = """
import contextlib, io, json, runpy, sys
sys.argv = ["mot", *json.loads(sys.argv[1])]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        runpy.run_module("mot", run_name="__main__")
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def _modules(*args: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("behaviour", "--help"),
        ("behaviour", str(DEMO_LOG), "--json"),
        ("behaviour", str(DEMO_LOG), "--steps", "landing,purchase", "--json"),
    ],
)
def test_help_and_a_behaviour_run_import_no_heavy_module(args):
    loaded = _modules(*args)
    assert [m for m in HEAVY if m in loaded] == []


def test_help_imports_neither_pandas_nor_the_library_s_analyses():
    loaded = _modules("--help")
    assert "pandas" not in loaded and "duckdb" not in loaded
    assert not any(m.startswith("mot.behaviour") for m in loaded)


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


def test_help_starts_within_1_3_times_importing_pandas():
    ours, pandas = [], []
    for _ in range(5):  # alternated, so that a slow spell of the machine hits both
        pandas.append(_seconds([sys.executable, "-c", "import pandas"]))
        ours.append(_seconds([sys.executable, "-m", "mot", "--help"]))
    ratio = statistics.median(ours) / statistics.median(pandas)
    assert ratio <= 1.3, f"--help takes {ratio:.2f}× the time of importing pandas"
