"""The command line as a user runs it: ``python -m mot behaviour`` and ``--help``, whole process.

Each run is a fresh process timed from outside, start to exit (imports, opening the log,
the queries, printing), with its peak memory (max RSS, from ``/usr/bin/time``). The sides
alternate and the median of the runs is kept:

- ``python -m mot behaviour FILE --steps e1,e2,e3,e4 --json`` (four event names) and
  ``python -m mot behaviour FILE --json`` (the journey's touchpoints) on the benchmark's
  10 M-event Parquet log, against the hand-written four-step DuckDB funnel of
  :func:`bench.behaviour.reference_sql` run as a process with the same imports (pandas,
  scipy, pyarrow, duckdb);
- ``python -m mot --help`` against ``python -c "import pandas"``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

from bench.behaviour import MEMORY_BUDGET_MIB, event_log, reference_sql
from bench.harness import ROOT, Result

CLI_STEPS = ("search", "product_view", "add_to_cart", "delivery")
"""The ``--steps`` of the CLI run: one event name per step of the reference's four."""

REFERENCE_PROCESS = """
import pandas, scipy, pyarrow, duckdb
print(duckdb.connect().execute({sql!r}).fetchone())
"""


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of ``command`` run to its end in a fresh process."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        out = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        seconds = time.perf_counter() - start
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr else "failed")
        peak_kib = float(report.read().strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def _medians(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Per command: the median wall time and the largest peak of ``repeat`` alternated runs."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(_timed(command))
    return {
        name: (statistics.median(s for s, _ in r), max(m for _, m in r)) for name, r in runs.items()
    }


def bench_cli(n_events: int = 10_000_000, repeat: int = 3) -> list[Result]:
    """The behaviour command against the SQL funnel process, and ``--help`` against pandas."""
    path = event_log(n_events)
    python = sys.executable
    behaviour = [python, "-m", "mot", "behaviour", str(path), "--json"]
    got = _medians(
        {
            "reference": [python, "-c", REFERENCE_PROCESS.format(sql=reference_sql(path))],
            "steps": [*behaviour, "--steps", ",".join(CLI_STEPS)],
            "journey": behaviour,
        },
        repeat,
    )
    start = _medians(
        {"pandas": [python, "-c", "import pandas"], "help": [python, "-m", "mot", "--help"]},
        max(repeat, 5),
    )
    label = f"{n_events:,} events"
    reference, reference_peak = got["reference"]
    sql = "hand-written four-step DuckDB funnel, a process importing pandas, scipy, pyarrow, duckdb"
    peak = max(got["steps"][1], got["journey"][1])
    return [
        Result(
            f"`python -m mot behaviour FILE --steps` (4 events: users, funnel and reach in one "
            f"pass), whole process, median of {repeat}, {label}",
            got["steps"][0],
            reference,
            sql,
            1.5,
        ),
        Result(
            f"`python -m mot behaviour FILE` (the journey's 5 touchpoints), whole process, "
            f"median of {repeat}, {label}",
            got["journey"][0],
            reference,
            sql,
            1.5,
        ),
        Result(
            f"peak memory (max RSS) of `python -m mot behaviour`, with and without `--steps`, "
            f"{label}",
            peak,
            MEMORY_BUDGET_MIB,
            f"1.5 GB budget; the SQL funnel's process: {reference_peak:,.0f} MiB",
            1.0,
            unit="MiB",
        ),
        Result(
            f"`python -m mot --help`, whole process, median of {max(repeat, 5)}",
            start["help"][0],
            start["pandas"][0],
            '`python -c "import pandas"`',
            1.3,
        ),
    ]


if __name__ == "__main__":  # python -m bench.cli [N_EVENTS]: the rows without the table
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    for row in bench_cli(n):
        print(
            f"{row.ratio:5.2f}× (≤ {row.target:g}×)  {row.ours:.3f} / {row.reference:.3f}  "
            f"{row.name}"
        )
