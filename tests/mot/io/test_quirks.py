"""Files that used to lose or bend data without a word (issue 9, "Nothing lost or bent silently").

Each case goes through :func:`mot.io.read_table` (the frame keeps every good value, and
``RawTable.issues`` names the column and row) and through the survey pipeline that
``python -m mot validate`` runs (the user sees the entry in the validation report). The
expected values are the cells as written into each fixture.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mot.io.csv_rows
from mot.io import MAX_CELL_CHARS, read_table
from mot.mapping import ColumnMapping, Mapping
from mot.survey import build_survey, load_survey, validate_survey
from mot.validation import ReportEntry
from tests.mot.test_cli import run as _cli

LONG = "x" * (MAX_CELL_CHARS + 10)  # just over the limit: refused
LARGE = "y" * 500_000  # over the csv module's default limit (131,072), under ours: read


def _entries(entries: tuple[ReportEntry, ...], column: str) -> list[ReportEntry]:
    return [e for e in entries if e.column == column]


# --------------------------------------------------------------------------- long cells


def _survey_csv(d: str, cells: dict[int, str], rows: int = 12) -> bytes:
    """ResponseId, FMOT_experienced (i % 5 + 1), comment ("ok <i>" or the given cell)."""
    lines = [d.join(["ResponseId", "FMOT_experienced", "comment"])]
    for i in range(rows):
        lines.append(d.join([f"R{i}", str(i % 5 + 1), cells.get(i, f"ok {i}")]))
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("position", [0, 9])
def test_a_cell_over_the_limit_is_emptied_alone(delimiter: str, position: int) -> None:
    data = _survey_csv(delimiter, {position: LONG})
    raw = read_table(data, name="long.csv")
    assert raw.frame.shape == (12, 3)  # every row kept
    assert raw.frame["FMOT_experienced"].tolist() == [i % 5 + 1 for i in range(12)]
    assert pd.isna(raw.frame["comment"].iloc[position])
    others = raw.frame["comment"].drop(index=position).tolist()
    assert others == [f"ok {i}" for i in range(12) if i != position]
    (entry,) = _entries(raw.issues, "comment")
    assert entry.severity == "error"
    assert entry.row == position + 2  # the header is file row 1
    assert f"{len(LONG):,} characters" in entry.problem and "emptied" in entry.problem

    survey = load_survey(data, name="long.csv")
    assert len(survey.ratings) == 12  # "nan to nan" lost them all before
    (shown,) = _entries(survey.report.entries, "comment")
    assert shown.row == position + 2


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("position", [0, 9])
def test_a_large_cell_under_the_limit_is_read(delimiter: str, position: int) -> None:
    raw = read_table(_survey_csv(delimiter, {position: LARGE}), name="large.csv")
    assert raw.frame.shape == (12, 3)
    assert raw.frame["comment"].iloc[position] == LARGE
    assert raw.frame["comment"].iloc[11 if position == 0 else 0].startswith("ok ")
    assert raw.issues == ()


def test_long_cell_after_the_sample_and_in_a_ragged_file() -> None:
    """Beyond the first 64 KB, in a file the csv module reads (a ragged row)."""
    cells = {4000: LONG, 4001: "short" + ",extra"}
    raw = read_table(_survey_csv(",", cells, rows=4010), name="late.csv")
    assert len(raw.frame) == 4010
    assert pd.isna(raw.frame["comment"].iloc[4000])
    assert raw.frame["comment"].iloc[4009] == "ok 4009"
    assert raw.frame["column_4"].iloc[4001] == "extra"
    assert [e.row for e in _entries(raw.issues, "comment")] == [4002]


def test_long_cells_in_a_regular_file_stay_on_the_streaming_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows over pyarrow's 1 MB block are read with larger blocks, not the csv module."""

    def no_fallback(*args: object) -> None:
        raise AssertionError("the whole file went to the csv module")

    monkeypatch.setattr(mot.io.csv_rows, "_split", no_fallback)
    for position in (0, 3000):
        raw = read_table(_survey_csv(",", {position: LONG}, rows=3010), name="long.csv")
        assert len(raw.frame) == 3010 and pd.isna(raw.frame["comment"].iloc[position])
        assert [e.row for e in raw.issues] == [position + 2]


def test_long_cell_in_a_rating_column_leaves_its_numbers() -> None:
    lines = ["ResponseId,FMOT_experienced", f"R0,{LONG}", "R1,4", "R2,5"]
    raw = read_table(("\n".join(lines) + "\n").encode(), name="junk.csv")
    assert raw.frame["FMOT_experienced"].tolist()[1:] == [4, 5]
    assert pd.api.types.is_numeric_dtype(raw.frame["FMOT_experienced"])
    assert [e.row for e in _entries(raw.issues, "FMOT_experienced")] == [2]


def test_long_cell_in_json_lines_is_emptied_alone() -> None:
    records = [{"id": 1, "c": "ok"}, {"id": 2, "c": LONG}, {"id": 3, "c": "fine"}]
    data = "\n".join(json.dumps(r) for r in records).encode()
    raw = read_table(data, name="long.jsonl")
    assert raw.frame["id"].tolist() == [1, 2, 3]
    assert raw.frame["c"].tolist()[::2] == ["ok", "fine"] and pd.isna(raw.frame["c"].iloc[1])
    assert [(e.column, e.row) for e in raw.issues] == [("c", 2)]


def test_cli_validate_names_the_long_cell(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_bytes(_survey_csv(";", {3: LONG}))
    result = _cli("validate", path, "--json")
    assert result.returncode == 1  # a cell was left out: an error
    assert "Traceback" not in result.stderr
    entries = json.loads(result.stdout)["entries"]
    assert any(e["column"] == "comment" and e["row"] == 5 for e in entries)


# --------------------------------------------------------------------------- duplicate names


def _duplicate_warning(entries: tuple[ReportEntry, ...], new: str) -> ReportEntry:
    (entry,) = [e for e in entries if e.column == new and "both named" in e.problem]
    assert entry.severity == "warning"
    return entry


def test_duplicate_csv_columns_are_kept_reported_and_mappable() -> None:
    data = b"ResponseId,FMOT_experienced,FMOT_experienced\nR1,4,2\nR2,3,5\n"
    raw = read_table(data, name="dups.csv")
    assert raw.frame["FMOT_experienced"].tolist() == [4, 3]
    assert raw.frame["FMOT_experienced.1"].tolist() == [2, 5]
    entry = _duplicate_warning(raw.issues, "FMOT_experienced.1")
    assert "Columns 2 and 3 are both named `FMOT_experienced`" in entry.problem
    assert "`FMOT_experienced.1`" in entry.problem

    report = validate_survey(data, name="dups.csv")
    _duplicate_warning(report.entries, "FMOT_experienced.1")

    mapping = Mapping(
        (
            ColumnMapping("ResponseId", "respondent_id"),
            ColumnMapping("FMOT_experienced", "rating", "FMOT", "experienced", scale="1-5"),
            ColumnMapping("FMOT_experienced.1", "rating", "TMOT", "experienced", scale="1-5"),
        )
    )
    survey = build_survey(raw, mapping=mapping)
    tmot = survey.ratings[survey.ratings["touchpoint"] == "TMOT"]["value"].tolist()
    assert tmot == [25.0, 100.0]  # 2 and 5 on 1-5


def test_duplicate_xlsx_columns_name_letters() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["id", "q", "x", "q"], [1, 4, 0, 2], [2, 5, 0, 1]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    raw = read_table(buffer.getvalue(), name="dups.xlsx")
    assert raw.frame["q"].tolist() == [4, 5]
    assert raw.frame["q.1"].tolist() == [2, 1]
    entry = _duplicate_warning(raw.issues, "q.1")
    assert "Columns 2 (B) and 4 (D) are both named `q`" in entry.problem


def test_duplicate_qualtrics_columns_keep_their_question_text() -> None:
    data = (
        b"StartDate,ResponseId,Q1,Q1\n"
        b"Start Date,Response ID,How was it?,How was it again?\n"
        b'{"ImportId":"startDate"},{"ImportId":"_recordId"},{"ImportId":"QID1"},'
        b'{"ImportId":"QID2"}\n'
        b"2024-01-01,R_1,4,5\n"
    )
    raw = read_table(data, name="qualtrics.csv")
    assert raw.source_format == "qualtrics"
    assert raw.frame[["Q1", "Q1.1"]].iloc[0].tolist() == [4, 5]
    assert raw.labels["Q1.1"] == "How was it again?"
    entry = _duplicate_warning(raw.issues, "Q1.1")
    assert "Columns 3 and 4" in entry.problem
    _duplicate_warning(validate_survey(data, name="qualtrics.csv").entries, "Q1.1")


# --------------------------------------------------------------------------- xlsx formulas


def _formula_workbook() -> bytes:
    """Written by openpyxl: formulas have no saved (cached) result."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ResponseId", "FMOT_experienced", "TMOT_experienced"])
    for i in range(6):
        sheet.append([f"R{i}", i % 5 + 1, f"=B{i + 2}+1"])
    sheet["C3"] = 4  # one typed value among the formulas
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_formulas_without_saved_results_are_reported() -> None:
    data = _formula_workbook()
    raw = read_table(data, name="formulas.xlsx")
    assert raw.frame["FMOT_experienced"].tolist() == [1, 2, 3, 4, 5, 1]
    assert raw.frame["TMOT_experienced"].iloc[1] == 4  # the typed value is kept
    assert raw.frame["TMOT_experienced"].drop(index=1).isna().all()
    (entry,) = _entries(raw.issues, "TMOT_experienced")
    assert entry.severity == "warning"
    assert "5 formula cells" in entry.problem
    assert "C2, C4, C5, C6, C7" in entry.problem
    assert "save it so that formula results are stored" in entry.fix
    assert _entries(raw.issues, "FMOT_experienced") == []

    (shown,) = _entries(load_survey(data, name="formulas.xlsx").report.entries, "TMOT_experienced")
    assert "formula" in shown.problem


def test_xlsx_formulas_with_saved_results_are_not_reported() -> None:
    """As Excel saves them: a number result, and an empty text result (``t="str"``)."""
    book = openpyxl.Workbook()
    book.active.append(["id", "a", "b"])
    book.active.append([1, "=1+1", '=IF(1>0,"","x")'])
    book.active.append([2, "=2+2", "=3"])
    buffer = io.BytesIO()
    book.save(buffer)
    saved = {
        b'<c r="B2"><f>1+1</f><v /></c>': b'<c r="B2"><f>1+1</f><v>2</v></c>',
        b'<c r="B3"><f>2+2</f><v /></c>': b'<c r="B3"><f>2+2</f><v>4</v></c>',
        b'<c r="C2"><f>IF(1&gt;0,"","x")</f><v /></c>': (
            b'<c r="C2" t="str"><f>IF(1&gt;0,"","x")</f><v></v></c>'
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for empty in (b"<v/>", b"<v></v>"):  # openpyxl writes these with lxml
                    data = data.replace(empty, b"<v />")
                for old, new in saved.items():
                    assert old in data
                    data = data.replace(old, new)
            target.writestr(item, data)
    raw = read_table(out.getvalue(), name="saved.xlsx")
    assert raw.frame["a"].tolist() == [2, 4]
    (entry,) = raw.issues  # only C3 (=3) has no saved result
    assert entry.column == "b" and "(C3)" in entry.problem


def test_xlsx_without_formulas_has_no_formula_entry() -> None:
    book = openpyxl.Workbook()
    book.active.append(["id", "q"])
    book.active.append([1, "=not a formula, typed as text"])
    book.active["B2"].data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    raw = read_table(buffer.getvalue(), name="plain.xlsx")
    assert raw.frame["q"].tolist() == ["=not a formula, typed as text"]
    assert raw.issues == ()


# --------------------------------------------------------------------------- nested values


def _nested_parquet(path: Path) -> Path:
    table = pa.table(
        {
            "ResponseId": ["R1", "R2"],
            "FMOT_experienced": [4, 5],
            "meta": [{"device": "phone", "geo": {"c": "ES"}}, {"device": "pc", "geo": {"c": "MX"}}],
            "tags": [["a", "b"], []],
            "props": pa.array([[("k", "v")], []], type=pa.map_(pa.string(), pa.string())),
        }
    )
    pq.write_table(table, path)
    return path


def test_nested_parquet_is_flattened_or_left_out(tmp_path: Path) -> None:
    path = _nested_parquet(tmp_path / "nested.parquet")
    raw = read_table(path)
    assert list(raw.frame.columns) == [
        "ResponseId",
        "FMOT_experienced",
        "meta.device",
        "meta.geo.c",
    ]
    assert raw.frame["meta.device"].tolist() == ["phone", "pc"]
    assert raw.frame["meta.geo.c"].tolist() == ["ES", "MX"]
    assert raw.frame["FMOT_experienced"].tolist() == [4, 5]
    assert "meta.device" in _entries(raw.issues, "meta")[0].problem
    for column in ("tags", "props"):
        (entry,) = _entries(raw.issues, column)
        assert "left out" in entry.problem

    survey = load_survey(path)  # TypeError: unhashable type: 'dict' before
    assert len(survey.ratings) == 2
    assert {"meta", "tags", "props"} <= {e.column for e in survey.report.entries}


def test_nested_parquet_through_the_cli(tmp_path: Path) -> None:
    path = _nested_parquet(tmp_path / "nested.parquet")
    for command in ("validate", "score"):
        result = _cli(command, path)
        assert "Traceback" not in result.stderr + result.stdout
        assert result.returncode == 0, result.stdout + result.stderr
    result = _cli("validate", path)
    assert "column `tags`" in result.stdout


def test_nested_json_lists_are_left_out_or_emptied(tmp_path: Path) -> None:
    records = [
        {"ResponseId": "R1", "FMOT_experienced": 4, "tags": ["a"], "m": {"d": "x"}, "mix": "a"},
        {"ResponseId": "R2", "FMOT_experienced": 5, "tags": [], "m": {"d": "y"}, "mix": [1]},
        {"ResponseId": "R3", "FMOT_experienced": 3, "tags": [], "m": {"d": "y"}, "mix": "b"},
    ]
    data = json.dumps(records).encode()
    raw = read_table(data, name="nested.json")
    assert list(raw.frame.columns) == ["ResponseId", "FMOT_experienced", "mix", "m.d"]
    assert raw.frame["mix"].tolist()[::2] == ["a", "b"] and pd.isna(raw.frame["mix"].iloc[1])
    assert "left out" in _entries(raw.issues, "tags")[0].problem
    assert [e.row for e in _entries(raw.issues, "mix")] == [2]

    survey = load_survey(data, name="nested.json")  # unhashable type: 'list' before
    assert len(survey.ratings) == 3
    assert {"tags", "mix"} <= {e.column for e in survey.report.entries}

    path = tmp_path / "nested.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = _cli("validate", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "column `mix`, row 2" in result.stdout
