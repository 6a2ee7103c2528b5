"""The Data page on files that used to end in an exception box or lose data without a word."""

import io

import pyarrow as pa
import pyarrow.parquet as pq
from streamlit.testing.v1 import AppTest

from .conftest import page_path


def _nested_parquet() -> bytes:
    table = pa.table(
        {
            "ResponseId": ["R1", "R2"],
            "FMOT_experienced": [4, 5],
            "meta": [{"device": "phone"}, {"device": "pc"}],
            "tags": [["a", "b"], []],
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def test_nested_parquet_upload_shows_the_columns_in_the_report():
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=120).run()
    at.file_uploader(key="data_upload").upload("nested.parquet", _nested_parquet())
    at.run()
    assert not at.exception, at.exception  # TypeError: unhashable type: 'dict' before
    assert not at.error
    assert at.session_state["dataset"].name == "nested.parquet"
    report = [d.value for d in at.tabs[0].dataframe if d.editing_mode == "read_only"][-1]
    assert {"meta", "tags"} <= set(report.iloc[:, 2])  # the column of each entry
