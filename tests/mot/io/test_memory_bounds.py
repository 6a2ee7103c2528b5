"""Reading a file in bounded memory: moved from ``tests/mot/test_bounded_memory.py``.

Issue 9 ("Bounded cost — Memory"): late values widen a column while streaming (the whole
file is never read at once), a file over the limit is refused before reading, and a compact
read holds the same numbers in smaller dtypes. The measured bound itself is in
``tests/mot/test_cli_memory.py`` and ``bench/README.md``.
"""

from __future__ import annotations

import tomllib

import numpy as np
import pandas as pd
import pytest

import mot.io
import mot.io.csv_rows
import mot.io.reader
from mot.errors import FileTooLargeError, UnreadableFileError
from mot.io import DEFAULT_MAX_FILE_MB, max_file_bytes, read_table
from tests.conftest import ROOT

DEMO = ROOT / "data" / "demo_survey.csv"


def _late_surprises(n: int = 30_000) -> bytes:
    """Rating columns that look like integers for the first 64 KB, then hold a decimal, a
    don't-know text and, in a column empty at first, text (the demo's shapes, far down)."""
    lines = ["ResponseId,FMOT_experienced,TMOT_experienced,FMOT_comment"]
    for i in range(n):
        fmot = "3.5" if i == n - 10 else str(1 + i % 7)
        tmot = "no sé" if i == n - 5 else ("" if i % 11 == 0 else str(1 + i % 5))
        comment = "slow delivery again" if i == n - 2 else ""
        lines.append(f"R{i},{fmot},{tmot},{comment}")
    return ("\n".join(lines) + "\n").encode()


def test_late_values_widen_their_column_while_streaming(monkeypatch):
    # Before: a value that did not fit the sampled type made the reader load the whole file
    # at once with pyarrow's inference (the largest peak of reading). Now the column is
    # widened and the file streamed again; the whole-file reader is never used.
    def whole_file(*args, **kwargs):
        raise AssertionError("the whole file was read at once")

    monkeypatch.setattr(mot.io.csv_rows, "_inferred_columns", whole_file)
    frame = read_table(_late_surprises(), name="late.csv").frame
    assert len(frame) == 30_000
    assert frame["FMOT_experienced"].dtype == np.float64
    assert frame["FMOT_experienced"].iloc[-10] == 3.5
    assert frame["FMOT_experienced"].iloc[0] == 1.0
    assert frame["TMOT_experienced"].iloc[-5] == "no sé"
    assert frame["TMOT_experienced"].iloc[1] == "2"  # text column: the cells as written
    assert frame["FMOT_comment"].iloc[-2] == "slow delivery again"
    assert pd.isna(frame["FMOT_comment"].iloc[0])


def test_widening_gives_the_frame_whole_file_inference_gives(monkeypatch):
    data = _late_surprises()
    streamed = read_table(data, name="late.csv").frame
    monkeypatch.setattr(mot.io.csv_rows, "_retyped", lambda *args: None)  # the old path
    inferred = read_table(data, name="late.csv").frame
    pd.testing.assert_frame_equal(streamed, inferred)


def test_a_file_over_the_limit_is_refused_before_reading(monkeypatch, tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"ResponseId,FMOT_experienced\n" + b"R1,5\n" * 400_000)  # about 2 MB
    monkeypatch.setenv("MOT_MAX_FILE_MB", "1")

    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(mot.io.reader, "_dispatch", never)
    with pytest.raises(FileTooLargeError) as caught:
        read_table(path)
    message = str(caught.value)
    assert "`big.csv` is 2 MB" in message
    assert "largest file this installation reads is 1 MB" in message
    assert "Split it" in message and "MOT_MAX_FILE_MB" in message
    assert str(tmp_path) not in message  # no server path
    assert isinstance(caught.value, UnreadableFileError)  # pages and CLI already show these


def test_the_limit_counts_uploaded_bytes_too(monkeypatch):
    monkeypatch.setenv("MOT_MAX_FILE_MB", "0.5")
    with pytest.raises(FileTooLargeError, match=r"upload\.csv"):
        read_table(b"a,b\n" + b"1,2\n" * 200_000, name="upload.csv")


def test_default_limit_and_the_apps_upload_limit_agree(monkeypatch):
    monkeypatch.delenv("MOT_MAX_FILE_MB", raising=False)
    assert max_file_bytes() == DEFAULT_MAX_FILE_MB * 2**20
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == DEFAULT_MAX_FILE_MB
    monkeypatch.setenv("MOT_MAX_FILE_MB", "not a number")
    assert max_file_bytes() == DEFAULT_MAX_FILE_MB * 2**20


def test_a_small_compressed_file_that_holds_too_much_is_refused(tmp_path, monkeypatch):
    # a few KB of Parquet holding 24 MB of numbers: the file's size bounds nothing
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from mot.errors import FileTooLargeError
    from mot.io import read_table

    path = tmp_path / "constant.parquet"
    n = 300_000
    columns = {f"Q{i}": np.full(n, 3, dtype="int64") for i in range(10)}
    pq.write_table(pa.table(columns), path, compression="zstd")
    assert path.stat().st_size < 1 << 20
    monkeypatch.setenv("MOT_MAX_FILE_MB", "10")  # 2 × 10 MB < 24 MB
    with pytest.raises(FileTooLargeError, match="once unpacked") as error:
        read_table(path)
    assert str(tmp_path) not in str(error.value), "the upload's name, never the server's path"
    monkeypatch.setenv("MOT_MAX_FILE_MB", "200")
    assert read_table(path).frame.shape == (n, 10)


_LATE_TEXT = _late_surprises()


def _small_then_large(n: int = 200_000) -> bytes:
    """Columns that fit the compact dtypes for many blocks, then do not: an integer beyond
    int16, a decimal, a number beyond float32's exact integers, and an int column that gets
    empty cells (nulls) late."""
    lines = ["ResponseId,FMOT_experienced,visits,score,big,late_empty"]
    for i in range(n):
        visits = "40000" if i == n - 3 else str(i % 9)
        score = "2.5" if i == n - 4 else ("" if i % 13 == 0 else str(i % 5))
        big = "16777217" if i == n - 6 else str(i % 3)
        late = "" if i > n - 8 else str(i % 4)
        lines.append(f"R{i},{1 + i % 7},{visits},{score},{big},{late}")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    "data",
    [_small_then_large(), _LATE_TEXT, DEMO.read_bytes()],
    ids=["late", "text", "demo"],
)
def test_a_compact_read_holds_the_same_numbers_in_smaller_dtypes(data):
    normal = read_table(data, name="f.csv").frame
    compact = read_table(data, name="f.csv", compact=True).frame
    held = compact.attrs.get(mot.io.COMPACTED, {})
    for name, dtype in held.items():
        assert compact[name].dtype.itemsize < np.dtype(dtype).itemsize
        assert normal[name].dtype == dtype
    pd.testing.assert_frame_equal(mot.io.restored(compact), normal)
    if data is not _LATE_TEXT:  # there, a decimal and texts leave no whole-number column
        assert held, "whole-number columns are held small"
        assert compact.memory_usage(deep=True).sum() < normal.memory_usage(deep=True).sum()


def test_columns_that_stop_fitting_are_widened_while_streaming():
    frame = read_table(_small_then_large(), name="f.csv", compact=True).frame
    held = frame.attrs[mot.io.COMPACTED]
    assert "FMOT_experienced" in held  # 1..7 all along: int16
    assert frame["FMOT_experienced"].dtype == np.int16
    for name in ("visits", "score", "big"):  # stopped fitting late: widened, not compact
        assert name not in held, name
    assert frame["visits"].iloc[-3] == 40000 and frame["score"].iloc[-4] == 2.5
    assert frame["big"].iloc[-6] == 16777217
    assert frame["late_empty"].dtype == np.float32  # nulls late: float, still whole numbers
    assert held["late_empty"] == np.float64
