"""Memory on a large survey: ``python -m mot validate|score FILE`` and the app's Data page.

The measure is the peak resident memory (max RSS, from ``/usr/bin/time -v`` or, where it is
missing, ``VmHWM`` read by the process itself at exit) that the command adds on top of its own
baseline: the same command on a one-row file of the same layout (interpreter, imports, report
formatting). The target is that this added peak stays within 5× the CSV's size on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from bench.harness import ROOT, demo_generator

DATA = ROOT / "bench" / "_data"
TARGET = 5.0
SIZES_MB = (10, 100, 200)
_CHUNK = 50_000  # respondents generated per block (each block with its own seed)
_MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")

_REPORT_PEAK = """
import atexit, sys
def _report():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            sys.stderr.write('Maximum resident set size (kbytes): ' + line.split()[1] + '\\n')
atexit.register(_report)
"""
_RUN_MOT = """
import runpy, sys
sys.argv = ['mot', *sys.argv[1:]]
runpy.run_module('mot', run_name='__main__', alter_sys=True)
"""


@dataclass(frozen=True)
class MemoryRow:
    """One command on one file: its peak, its baseline's peak, what it added (MiB)."""

    command: str
    file_mb: float
    baseline_mb: float
    peak_mb: float
    exit_code: int

    @property
    def added_mb(self) -> float:
        return self.peak_mb - self.baseline_mb

    @property
    def ratio(self) -> float:
        return self.added_mb / self.file_mb

    @property
    def passed(self) -> bool:
        return self.ratio <= TARGET


def _block(gen: object, start: int, n: int, seed: int) -> dict[str, np.ndarray]:
    """``n`` demo-shaped respondents numbered from ``start`` (ids unique across blocks)."""
    rng = np.random.default_rng(seed)
    segments = gen._segments(rng, n)
    persona = gen._choice(rng, gen.PERSONAS, n)
    latents = gen._survey_latents(rng, segments)
    columns = gen.build_survey(rng, segments, latents, persona)
    numbers = np.arange(start + 1, start + n + 1).astype(str)
    columns["customer_id"] = np.char.add("C", np.char.zfill(numbers, 8))
    seconds = np.sort(rng.uniform(0, 84 * 86_400, n)).round()
    start_date = pd.Timestamp("2026-06-01") + pd.to_timedelta(seconds, unit="s")
    return {
        "StartDate": start_date.strftime("%Y-%m-%d %H:%M:%S").to_numpy(dtype=object),
        "ResponseId": np.char.add("R_", np.char.zfill(numbers, 8)),
        **columns,
    }


def survey_csv(size_mb: float, *, folder: Path = DATA) -> Path:
    """A wide demo-shaped export of about ``size_mb`` MB (10⁶ bytes), generated once.

    Respondents × (5 touchpoints × 6 measures + a comment each), segments, outcomes, as
    ``data/demo_survey.csv`` but many more rows; written in blocks so generating a large file
    needs little memory.
    """
    path = folder / f"memory_survey_{size_mb:g}mb.csv"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    gen = demo_generator()
    target = size_mb * 1e6
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        start, seed = 0, 100
        while handle.tell() < target:
            block = _block(gen, start, _CHUNK, seed)
            frame = _frame(block)
            remaining = target - handle.tell()
            if start:  # trim the last block to land near the size asked for
                per_row = handle.tell() / start
                frame = frame.iloc[: max(1, int(remaining / per_row) + 1)]
            frame.to_csv(handle, index=False, header=start == 0, lineterminator="\n")
            start, seed = start + len(frame), seed + 1
    partial.replace(path)
    return path


def _frame(block: dict[str, np.ndarray]) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in block.items()})


def one_row_copy(path: Path) -> Path:
    """The header and first data row of ``path``: the baseline file of the same layout."""
    small = path.with_name(path.stem + "_one_row.csv")
    if not small.exists():
        with path.open(encoding="utf-8") as source:
            small.write_text(source.readline() + source.readline(), encoding="utf-8")
    return small


# The Data page opened on an upload, as a browser session does (AppTest runs the page in
# this process): the upload's bytes received, written to disk and stored in a draft workspace
# as the page keeps them (ui.workspaces.keep_survey, in a throwaway data folder), then
# reading, suggesting the mapping, building and validating the survey, the preview.
_APP_UPLOAD = """
import os, shutil, sys, tempfile
from pathlib import Path
store = tempfile.mkdtemp(prefix="mot-bench-store-")
os.environ["MOT_DATA_DIR"] = store
os.environ.pop("MOT_DATABASE_URL", None)
from streamlit.testing.v1 import AppTest
from ui import data, uploads, workspaces  # as the app: ui.data is imported before any upload
path = Path(sys.argv[1])
choice = workspaces.keep_survey(path.read_bytes(), path.name)
at = AppTest.from_file(str(Path.cwd() / "pages" / "data.py"), default_timeout=900)
at.session_state["dataset"] = choice
at.run()
uploads.discard(choice)
shutil.rmtree(store, ignore_errors=True)
if at.exception or at.error or choice.workspace_id is None:
    sys.exit(1)
"""


def peak_rss_mb(args: list[str]) -> tuple[float, int]:
    """Max RSS (MiB) and exit code of ``python -m mot *args`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TQDM_DISABLE": "1"}
    app = bool(args) and args[0] == "app"  # the app's Data page on an upload (_APP_UPLOAD)
    arguments = args[1:] if app else args
    if shutil.which("time") and Path("/usr/bin/time").exists():
        python = ["-c", _APP_UPLOAD] if app else ["-m", "mot"]
        command = ["/usr/bin/time", "-v", sys.executable, *python, *arguments]
    else:
        code = _REPORT_PEAK + (_APP_UPLOAD if app else _RUN_MOT)
        command = [sys.executable, "-c", code, *arguments]
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    found = _MAX_RSS.findall(out.stderr)
    if not found:
        message = f"no peak memory reported by {' '.join(command)}: {out.stderr[-500:]}"
        raise RuntimeError(message)
    return int(found[-1]) / 1024, out.returncode


def measure(command: str, path: Path, *, repeat: int = 1) -> MemoryRow:
    """Peak and baseline of ``command`` (validate or score) on ``path``; lowest of ``repeat``."""
    baseline = min(peak_rss_mb([command, str(one_row_copy(path))])[0] for _ in range(repeat))
    runs = [peak_rss_mb([command, str(path)]) for _ in range(repeat)]
    peak, code = min(runs)
    return MemoryRow(command, path.stat().st_size / 2**20, baseline, peak, code)


def bench_memory(sizes_mb: tuple[float, ...] = SIZES_MB) -> list[MemoryRow]:
    """Validate and score each generated file; one row per command and size."""
    rows = []
    for size in sizes_mb:
        path = survey_csv(size)
        rows += [measure(command, path) for command in ("validate", "score", "app")]
    return rows


def table(rows: list[MemoryRow]) -> str:
    """The README's "Memory: validate, score and the app" table."""
    lines = [
        "**Memory: validate, score and the app.** Peak memory (max RSS) that the command adds "
        "on top of its baseline, the same command on a one-row file of the same layout (for "
        "the app: the Data page opened in one session on the upload, its bytes included); "
        f"target: added ≤ {TARGET:g}× the CSV's size on disk.",
        "",
        "| command | CSV on disk | baseline (one-row file) | peak | added | added ÷ size "
        "| target | |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        verdict = "✅" if r.passed else "❌"
        name = (
            "app: Data page on an upload" if r.command == "app" else f"`python -m mot {r.command}`"
        )
        lines.append(
            f"| {name} | {r.file_mb:.1f} MiB | {r.baseline_mb:.0f} MiB "
            f"| {r.peak_mb:.0f} MiB | {r.added_mb:.0f} MiB | {r.ratio:.2f}× | ≤ {TARGET:g}× "
            f"| {verdict} |"
        )
    return "\n".join(lines)
