"""Parquet files: flat columns as they are; struct fields become ``col.field`` columns."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from mot.errors import UnreadableFileError
from mot.io._common import short_listing, shorten
from mot.io.headers import duplicate_issues, unique_names
from mot.io.sources import Source
from mot.io.table import RawTable
from mot.messages import Message
from mot.validation import ReportBuilder, ReportEntry


def read_parquet(src: Source) -> RawTable:
    """Read a Parquet file into a :class:`RawTable`."""
    try:
        nested = any(pa.types.is_nested(f.type) for f in pq.read_schema(src.handle()))
        frame, issues = _nested_parquet(src) if nested else (pd.read_parquet(src.handle()), [])
    except Exception as err:
        message = Message(
            "file.parquet_unreadable",
            name=src.display,
            error=type(err).__name__,
            detail=shorten(str(err)),
        )
        raise UnreadableFileError(message) from err
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    raw_names = [str(c) for c in frame.columns]
    names = unique_names(raw_names)
    frame.columns = pd.Index(names)
    return RawTable(
        frame=frame,
        source_format="parquet",
        first_data_line=1,
        name=src.name,
        notes=(Message("note.parquet", rows=frame.shape[0], columns=frame.shape[1]),),
        issues=(*issues, *duplicate_issues(raw_names, names)),
    )


def _nested_parquet(src: Source) -> tuple[pd.DataFrame, list[ReportEntry]]:
    """Struct fields become columns ``col.field``; lists, maps and unions are left out."""
    table = pq.read_table(src.handle())
    log = ReportBuilder()
    while structs := [f for f in table.schema if pa.types.is_struct(f.type)]:
        table = table.flatten()
        for struct in structs:
            fields = short_listing([f"`{struct.name}.{f.name}`" for f in struct.type])
            log.add("warning", "column.parquet_struct", {"fields": fields}, column=struct.name)
    keep = []
    for i, f in enumerate(table.schema):
        if pa.types.is_nested(f.type):
            log.add("warning", "column.nested", {"kind": f"Parquet {f.type}"}, column=f.name)
        else:
            keep.append(i)
    table = table.select(keep).replace_schema_metadata(table.schema.metadata)
    return table.to_pandas(), log.entries
