"""Memory on a large survey, measured as ``bench/memory.py`` measures it.

A subprocess per run: the peak resident memory (max RSS) of ``python -m mot validate|score
FILE``, or of the app's Data page opened on the file as an upload, minus that of the same run
on the file's first row (the interpreter and imports), divided by the file's size. Memory,
unlike time, barely moves with other load on the machine, so a ratio is a stable test.
"""

import subprocess
import sys

import pytest

from bench.memory import measure, survey_csv
from tests.conftest import ROOT

# Measured on a 20 MB file: validate 3.8×, score 5.0×, the app's Data page 4.6×
# (bench/README.md holds the 10/100/200 MB table; the target is 5×). Memory barely moves
# with other load, but glibc's heap and the page granularity move it by about ±0.3×: the
# bounds fail on any extra copy of a frame or a whole-file temporary (each costs ≥ 1×).
BOUNDS = {"validate": 5.0, "score": 5.4, "app": 5.2}

pytestmark = pytest.mark.slow  # 40 s of large files: `make test` runs it, `make test-fast` not


@pytest.mark.parametrize("command", sorted(BOUNDS))
def test_a_large_export_adds_a_bounded_multiple_of_its_size(command, tmp_path):
    path = survey_csv(20, folder=tmp_path)
    row = measure(command, path)
    assert row.exit_code == 0
    assert row.ratio <= BOUNDS[command], (
        f"{command} added {row.added_mb:.0f} MiB for {row.file_mb:.0f} MiB ({row.ratio:.2f}×)"
    )


def test_a_file_over_the_limit_is_refused_with_size_limit_and_what_to_do(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"ResponseId,FMOT_experienced\n" + b"R1,5\n" * 300_000)
    for command in ("validate", "score"):
        result = subprocess.run(
            [sys.executable, "-m", "mot", command, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env={"MOT_MAX_FILE_MB": "1", "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 1
        said = result.stdout + result.stderr
        assert "`export.csv` is 1 MB" in said or "`export.csv` is 2 MB" in said
        assert "largest file this installation reads is 1 MB" in said
        assert "Split it" in said
        assert "Traceback" not in result.stderr
