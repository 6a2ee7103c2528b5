"""Compact reading (issue 9) and handing memory back to the operating system.

``read_table(..., compact=True)`` holds a CSV's whole-number columns in int16 (from int64) or
float32 (from float64) while reading: :data:`COMPACTED` in ``frame.attrs`` records each such
column's dtype as a normal read gives it, and :func:`restored` gives that read back.
"""

from __future__ import annotations

import contextvars
import ctypes
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa

COMPACTED: Final = "mot_compacted"
"""``frame.attrs`` key of a compact read (``read_table(..., compact=True)``): column name →
the dtype the column has when read normally; its values are that dtype's, held smaller."""
FLOAT32_EXACT: Final = 2**24  # every integer up to this is exact in float32
COMPACT_READ: contextvars.ContextVar[bool] = contextvars.ContextVar("mot_compact", default=False)
"""Whether this read is compact (set by :func:`mot.io.read_table` for its call)."""

_M_MMAP_THRESHOLD: Final = -3  # glibc's mallopt parameter
_MMAP_THRESHOLD_BYTES: Final = 256 * 1024


def map_large_allocations() -> None:
    """Give every allocation over 256 KiB its own memory mapping, returned when it is freed.

    glibc raises its mapping threshold (up to 32 MB) each time a mapped block is freed, so
    the arrays of a large survey end up in the heap, where a freed array's pages stay
    resident until :func:`release_memory`; between two analyses the temporaries of the first
    then add to the peak of the second. Fixing the threshold keeps it at 256 KiB (the few
    microseconds a mapping costs are nothing next to an array of that size). Called once per
    process by the command line and the app; a no-op where ``mallopt`` does not exist.
    """
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_BYTES)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return
    # Arrow's own pool (mimalloc) keeps freed pages for reuse; through malloc, Arrow's
    # buffers follow the same rule and are handed back when freed.
    pa.set_memory_pool(pa.system_memory_pool())


def release_memory() -> None:
    """Give memory freed by Python, numpy and Arrow back to the operating system.

    Large surveys free hundreds of MB of intermediate arrays; glibc's allocator and Arrow's
    pool keep such memory for reuse, so the process would stay at its peak size. This asks
    both to return the unused part (a no-op where ``malloc_trim`` does not exist).
    """
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return


def restored(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a compact read's ``frame`` (or of some of its rows) in a normal read's dtypes.

    What ``read_table(..., compact=False)`` gives: the numbers are the same, exactly.
    """
    out = frame.copy()
    for name, dtype in out.attrs.pop(COMPACTED, {}).items():
        if name in out.columns:
            out[name] = out[name].astype(dtype)
    return out


SMALL_DTYPES: Final = {"f": np.dtype(np.float32), "i": np.dtype(np.int16)}


def fits_small(values: np.ndarray, dtype: np.dtype) -> bool:
    """Whether values of a ``dtype`` column are exact in its small dtype (:data:`SMALL_DTYPES`)."""
    if dtype.kind == "i":
        info = np.iinfo(np.int16)
        return not values.size or bool(values.min() >= info.min and values.max() <= info.max)
    if dtype.kind != "f" or dtype.itemsize != 8:
        return False
    present = values[~np.isnan(values)]
    return bool((np.abs(present) <= FLOAT32_EXACT).all() and (present == np.round(present)).all())
